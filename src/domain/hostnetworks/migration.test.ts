import { describe, expect, it } from 'vitest';
import type { NetworkAttachmentDefinition, NodeNetworkState } from '../kube/networks';
import type { VMI } from '../kube/vm';
import {
  ipamOf,
  lastMigrations,
  migrationCandidates,
  migrationSummary,
  setMigrationNetworkPatch,
  whereaboutsCidr,
  type HyperConverged,
  type MigrationInput,
  type VMIMigration,
} from './migration';

const NS = 'openshift-cnv';

const nad = (ns: string, name: string, config: object): NetworkAttachmentDefinition => ({
  apiVersion: 'k8s.cni.cncf.io/v1',
  kind: 'NetworkAttachmentDefinition',
  metadata: { name, namespace: ns },
  spec: { config: JSON.stringify({ cniVersion: '0.3.1', name, ...config }) },
});

const bridgeNad = (name: string, bridge: string, ipam: object, ns = NS) =>
  nad(ns, name, { type: 'cnv-bridge', bridge, ipam });

const hco = (network?: string, extra: object = {}): HyperConverged => ({
  apiVersion: 'hco.kubevirt.io/v1beta1',
  kind: 'HyperConverged',
  metadata: { name: 'kubevirt-hyperconverged', namespace: NS, resourceVersion: '42' },
  spec: {
    liveMigrationConfig: { parallelMigrationsPerCluster: 5, ...(network ? { network } : {}), ...extra },
  },
});

const nns = (node: string, ifaces: object[], mappings: object[] = []): NodeNetworkState =>
  ({
    apiVersion: 'nmstate.io/v1beta1',
    kind: 'NodeNetworkState',
    metadata: { name: node },
    status: { currentState: { interfaces: ifaces, ovn: { 'bridge-mappings': mappings } } },
  }) as NodeNetworkState;

const vmi = (ns: string, name: string, node: string, migrationState?: object): VMI => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name, namespace: ns },
  spec: { domain: { devices: {} } },
  status: { phase: 'Running', nodeName: node, ...(migrationState ? { migrationState } : {}) },
});

const br = (name: string) => ({ name, type: 'linux-bridge', state: 'up' });
const eth = (name: string) => ({ name, type: 'ethernet', state: 'up' });

const input = (over: Partial<MigrationInput> = {}): MigrationInput => ({
  hco: hco('mig-a'),
  nads: [],
  usedRanges: [],
  nodeStates: [nns('w0', [br('br1'), eth('ens9')]), nns('w1', [br('br1')]), nns('w2', [br('br1')])],
  nodeAddresses: new Map([
    ['w0', ['192.168.122.10']],
    ['w1', ['192.168.122.11']],
  ]),
  vmis: [vmi('t', 'a', 'w0'), vmi('t', 'b', 'w1')],
  ...over,
});

describe('IPAM of a migration NAD', () => {
  it('reads whereabouts ranges in CIDR and first-last/prefix form, and ipRanges', () => {
    expect(whereaboutsCidr('10.200.5.0/24')).toBe('10.200.5.0/24');
    expect(whereaboutsCidr('192.168.2.225-192.168.2.230/28')).toBe('192.168.2.224/28');
    expect(whereaboutsCidr('nonsense')).toBeUndefined();
    expect(
      ipamOf({ ipam: { type: 'whereabouts', ipRanges: [{ range: 'fd00:10::/64' }, { range: 'bad' }] } }),
    ).toEqual({ kind: 'whereabouts', ranges: ['fd00:10::/64'], invalid: ['bad'] });
    expect(ipamOf({ ipam: {} })).toEqual({ kind: 'none' });
  });
});

describe('migration network candidates', () => {
  it("are the NADs of the HyperConverged CR's namespace only; a whereabouts bridge NAD on every VM node is usable", () => {
    const good = bridgeNad('mig-a', 'br1', { type: 'whereabouts', range: '10.200.5.0/24' });
    const elsewhere = bridgeNad('mig-x', 'br1', { type: 'whereabouts', range: '10.200.6.0/24' }, 'default');
    const [c, ...rest] = migrationCandidates(input({ nads: [good, elsewhere] }));
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ name: 'mig-a', current: true, usable: true, ranges: ['10.200.5.0/24'] });
    expect(c?.checks.map((x) => [x.code, x.status])).toEqual([
      ['ipam-whereabouts', 'ok'],
      ['range-free', 'ok'],
      ['host-present', 'ok'],
    ]);
  });

  it('refuses a NAD without IPAM, with static IPAM on several nodes, and with host-local', () => {
    const none = bridgeNad('no-ipam', 'br1', {});
    const fixed = bridgeNad('static', 'br1', { type: 'static', addresses: [{ address: '10.9.0.1/24' }] });
    const local = bridgeNad('local', 'br1', { type: 'host-local', subnet: '10.8.0.0/24' });
    const byName = new Map(
      migrationCandidates(input({ nads: [none, fixed, local] })).map((c) => [c.name, c]),
    );
    expect(byName.get('no-ipam')?.checks[0]).toMatchObject({ code: 'ipam-none', status: 'error' });
    expect(byName.get('static')?.checks[0]).toMatchObject({
      code: 'ipam-static',
      status: 'error',
      params: { addresses: '10.9.0.1/24', nodes: 2 },
    });
    expect(byName.get('local')?.checks[0]).toMatchObject({ code: 'ipam-host-local', status: 'error' });
    expect([...byName.values()].every((c) => !c.usable)).toBe(true);
  });

  it("flags a range overlapping another network's, the cluster's, or a node's own address, naming it", () => {
    const overlapNad = bridgeNad('mig-a', 'br1', { type: 'whereabouts', range: '10.200.0.0/16' });
    const other = nad('default', 'l2', {
      type: 'cnv-bridge',
      bridge: 'br1',
      ipam: { type: 'whereabouts', range: '10.200.7.0/24' },
    });
    const onNodes = bridgeNad('mig-b', 'br1', { type: 'whereabouts', range: '192.168.122.0/25' });
    const cs = migrationCandidates(
      input({
        nads: [overlapNad, other, onNodes],
        usedRanges: [{ cidr: '10.128.0.0/14', owner: 'cluster network' }],
      }),
    );
    const a = cs.find((c) => c.name === 'mig-a');
    expect(a?.usable).toBe(false);
    expect(a?.checks.filter((c) => c.code === 'range-overlap').map((c) => c.params)).toEqual([
      { range: '10.200.0.0/16', other: '10.200.7.0/24', owner: 'NetworkAttachmentDefinition default/l2' },
    ]);
    expect(cs.find((c) => c.name === 'mig-b')?.checks).toContainEqual(
      expect.objectContaining({
        code: 'range-node-address',
        params: { range: '192.168.122.0/25', node: 'w0', address: '192.168.122.10' },
      }),
    );
  });

  it('names the VM nodes where the bridge or NIC is missing, and the ones without node state', () => {
    const partial = bridgeNad('br2-mig', 'br2', { type: 'whereabouts', range: '10.210.0.0/24' });
    const mac = nad(NS, 'mac-mig', {
      type: 'macvlan',
      master: 'ens9',
      ipam: { type: 'whereabouts', range: '10.211.0.0/24' },
    });
    const vmis = [vmi('t', 'a', 'w0'), vmi('t', 'b', 'w1'), vmi('t', 'c', 'w2'), vmi('t', 'd', 'w9')];
    const cs = new Map(migrationCandidates(input({ nads: [partial, mac], vmis })).map((c) => [c.name, c]));
    expect(cs.get('br2-mig')?.checks.find((c) => c.area === 'host')).toMatchObject({
      status: 'error',
      code: 'host-missing',
      params: { kind: 'linux-bridge', what: 'br2', nodes: 'w0, w1, w2', count: 3 },
    });
    expect(cs.get('mac-mig')?.checks.filter((c) => c.area === 'host')).toEqual([
      expect.objectContaining({ code: 'host-missing', params: expect.objectContaining({ nodes: 'w1, w2' }) }),
      expect.objectContaining({
        code: 'host-no-state',
        status: 'warning',
        params: { what: 'ens9', nodes: 'w9' },
      }),
    ]);
  });

  it('checks a localnet NAD by its bridge mapping, and marks a NAD whose config is not JSON', () => {
    const localnet = nad(NS, 'ln-mig', {
      type: 'ovn-k8s-cni-overlay',
      topology: 'localnet',
      physicalNetworkName: 'physnet-mig',
      ipam: { type: 'whereabouts', range: '10.212.0.0/24' },
    });
    const broken: NetworkAttachmentDefinition = { ...nad(NS, 'broken', {}), spec: { config: '{' } };
    const states = [
      nns('w0', [], [{ localnet: 'physnet-mig', bridge: 'br-ex' }]),
      nns('w1', [], [{ localnet: 'physnet-mig', bridge: 'br-ex' }]),
    ];
    const cs = new Map(
      migrationCandidates(input({ nads: [localnet, broken], nodeStates: states })).map((c) => [c.name, c]),
    );
    expect(cs.get('ln-mig')?.usable).toBe(true);
    expect(cs.get('broken')).toMatchObject({ usable: false, checks: [{ code: 'config-invalid' }] });
  });
});

describe('the patch that sets the migration network', () => {
  it('tests the current network before replacing or removing it', () => {
    expect(setMigrationNetworkPatch(hco('mig-a'), 'mig-b')).toEqual([
      { op: 'test', path: '/spec/liveMigrationConfig/network', value: 'mig-a' },
      { op: 'replace', path: '/spec/liveMigrationConfig/network', value: 'mig-b' },
    ]);
    expect(setMigrationNetworkPatch(hco('mig-a'), undefined)).toEqual([
      { op: 'test', path: '/spec/liveMigrationConfig/network', value: 'mig-a' },
      { op: 'remove', path: '/spec/liveMigrationConfig/network' },
    ]);
    expect(setMigrationNetworkPatch(hco('mig-a'), 'mig-a')).toEqual([]);
  });

  it('tests the whole liveMigrationConfig when no network is set, so one set meanwhile is not overwritten', () => {
    const h = hco();
    expect(setMigrationNetworkPatch(h, 'mig-b')).toEqual([
      { op: 'test', path: '/spec/liveMigrationConfig', value: { parallelMigrationsPerCluster: 5 } },
      { op: 'add', path: '/spec/liveMigrationConfig/network', value: 'mig-b' },
    ]);
    const bare: HyperConverged = { ...h, spec: {} };
    expect(setMigrationNetworkPatch(bare, 'mig-b')).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '42' },
      { op: 'add', path: '/spec/liveMigrationConfig', value: { network: 'mig-b' } },
    ]);
  });
});

describe("each VM's last migration", () => {
  const state = (address: string, end: string, extra: object = {}) => ({
    targetNodeAddress: address,
    sourceNode: 'w0',
    targetNode: 'w1',
    completed: true,
    endTimestamp: end,
    ...extra,
  });
  const vmim = (name: string, vmiName: string, created: string, status?: object): VMIMigration => ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstanceMigration',
    metadata: { name, namespace: 't', creationTimestamp: created, uid: `uid-${name}` },
    spec: { vmiName },
    ...(status ? { status } : {}),
  });

  it("says whether the target address was in the migration network's range", () => {
    const rows = lastMigrations(
      [
        vmi('t', 'on', 'w1', state('10.200.5.7', '2026-11-30T10:00:00Z')),
        vmi('t', 'off', 'w1', state('10.128.2.9', '2026-11-30T11:00:00Z')),
        vmi(
          't',
          'other',
          'w1',
          state('10.9.9.9', '2026-11-30T09:00:00Z', { migrationNetworkType: 'migration' }),
        ),
        vmi('t', 'never', 'w0'),
      ],
      [],
      ['10.200.5.0/24'],
    );
    expect(rows.map((r) => [r.name, r.last?.network])).toEqual([
      ['off', 'pod-network'],
      ['on', 'migration-network'],
      ['other', 'other-network'],
      ['never', undefined],
    ]);
    expect(rows[1]?.last).toMatchObject({ source: 'vmi', phase: 'Succeeded', address: '10.200.5.7' });
    expect(migrationSummary(rows)).toEqual({ migrated: 3, onNetwork: 1, offNetwork: 2 });
  });

  it('takes a newer VirtualMachineInstanceMigration over the VMI, and reads an address with a port', () => {
    const rows = lastMigrations(
      [vmi('t', 'a', 'w1', state('10.128.2.9', '2026-11-30T08:00:00Z'))],
      [
        vmim('old', 'a', '2026-11-29T08:00:00Z'),
        vmim('new', 'a', '2026-11-30T12:00:00Z', {
          phase: 'Failed',
          migrationState: state('10.200.5.8:49152', '2026-11-30T12:01:00Z', { failed: true }),
        }),
      ],
      ['10.200.5.0/24'],
    );
    expect(rows[0]?.last).toMatchObject({
      source: 'migration',
      migration: 'new',
      phase: 'Failed',
      network: 'migration-network',
    });
  });

  it('counts a migration still without a target address as unknown', () => {
    const rows = lastMigrations(
      [vmi('t', 'a', 'w1')],
      [vmim('pending', 'a', '2026-11-30T12:00:00Z', { phase: 'Pending' })],
      [],
    );
    expect(rows[0]?.last).toMatchObject({ phase: 'Pending', network: 'unknown' });
  });
});
