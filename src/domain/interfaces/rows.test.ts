import { describe, expect, it } from 'vitest';
import type { VM, VMI } from '../kube/vm';
import { aVM, aVMI, manyVMs } from '../testing/fixtures';
import { buildInterfaceRows, buildVMRows } from './rows';

const only = (vm: VM, vmi?: VMI) => {
  const rows = buildInterfaceRows(vm, vmi);
  expect(rows).toHaveLength(1);
  return rows[0];
};

describe('buildInterfaceRows: flags', () => {
  it.each([
    ['stopped VM: nothing pending', aVM({ nics: ['nic1'] }), undefined, false],
    [
      'running, in VMI spec and status',
      aVM({ nics: ['nic1'], running: true }),
      aVMI({ nics: ['nic1'] }),
      false,
    ],
    [
      'in VM spec, not on VMI: hot-plug pending',
      aVM({ nics: ['nic1'], running: true }),
      aVMI({ nics: [] }),
      true,
    ],
    [
      'in VMI spec, not yet in status of a running VMI: still pending',
      aVM({ nics: ['nic1'], running: true }),
      aVMI({ nics: [{ name: 'nic1', inStatus: false }] }),
      true,
    ],
    [
      'VMI still starting: spec copied, status empty is not a hot-plug',
      aVM({ nics: ['nic1'], running: true }),
      aVMI({ nics: [{ name: 'nic1', inStatus: false }], phase: 'Scheduling' }),
      false,
    ],
    [
      'absent interface is not a pending hot-plug',
      aVM({ nics: [{ name: 'nic1', network: 'n', state: 'absent' }], running: true }),
      aVMI({ nics: [] }),
      false,
    ],
  ])('%s', (_, vm, vmi, pending) => {
    expect(only(vm, vmi)?.flags.pendingHotplug).toBe(pending);
  });

  it.each([
    ['state absent: pending unplug', { name: 'nic1', network: 'n', state: 'absent' as const }, true],
    ['state up: not', { name: 'nic1', network: 'n', state: 'up' as const }, false],
    ['no state: not', { name: 'nic1', network: 'n' }, false],
  ])('%s', (_, nic, unplug) => {
    expect(only(aVM({ nics: [nic], running: true }), aVMI({ nics: ['nic1'] }))?.flags.pendingUnplug).toBe(
      unplug,
    );
  });

  it.each([
    ['RestartRequired True', true, true],
    ['no condition', false, false],
  ])('%s -> restartRequired %s on every row', (_, cond, expected) => {
    const rows = buildInterfaceRows(aVM({ nics: ['default', 'nic1'], restartRequired: cond }));
    expect(rows.map((r) => r.flags.restartRequired)).toEqual([expected, expected]);
  });

  it.each([
    ['desired down, reported up: pending', 'down' as const, 'up', true],
    ['desired down, reported down', 'down' as const, 'down', false],
    ['default (up), reported up', undefined, 'up', false],
    ['desired up, nothing reported', 'up' as const, undefined, false],
  ])('link: %s', (_, state, reported, pending) => {
    const row = only(
      aVM({ nics: [{ name: 'nic1', network: 'n', state }], running: true }),
      aVMI({ nics: [{ name: 'nic1', linkState: reported }] }),
    );
    expect(row?.link).toEqual({ desired: state ?? 'up', reported });
    expect(row?.flags.linkPending).toBe(pending);
  });
});

describe('buildInterfaceRows: network and binding', () => {
  it.each([
    ['pod + masquerade', { name: 'a', network: 'pod', binding: 'masquerade' }, 'pod', 'pod', 'masquerade'],
    ['pod + passt', { name: 'a', network: 'pod', binding: 'passt' }, 'pod', 'pod', 'passt'],
    [
      'pod + l2bridge: primary UDN',
      { name: 'a', network: 'pod', binding: 'l2bridge' },
      'primary-udn',
      'primary-udn',
      'l2bridge',
    ],
    ['NAD, same namespace', { name: 'a', network: 'br1', binding: 'bridge' }, 'multus', 'ns1/br1', 'bridge'],
    [
      'NAD, other namespace',
      { name: 'a', network: 'default/br1', binding: 'bridge' },
      'multus',
      'default/br1',
      'bridge',
    ],
    [
      'NAD with sriov binding',
      { name: 'a', network: 'sriov-net', binding: 'sriov' },
      'sriov',
      'ns1/sriov-net',
      'sriov',
    ],
    ['other plugin', { name: 'a', network: 'n', binding: 'macvtap' }, 'multus', 'ns1/n', 'macvtap'],
    ['no binding: bridge', { name: 'a', network: 'n', binding: 'none' }, 'multus', 'ns1/n', 'bridge'],
  ])('%s', (_, nic, kind, key, binding) => {
    const row = only(aVM({ nics: [nic] }));
    expect(row?.network?.kind).toBe(kind);
    expect(row?.network?.key).toBe(key);
    expect(row?.binding).toBe(binding);
  });

  it('a pod network in a primary-UDN namespace is the primary UDN whatever the binding', () => {
    const [row] = buildInterfaceRows(
      aVM({ nics: [{ name: 'a', network: 'pod', binding: 'passt' }] }),
      undefined,
      {
        primaryUdnNamespaces: new Set(['ns1']),
      },
    );
    expect(row?.network?.kind).toBe('primary-udn');
  });

  it('model defaults to virtio', () => {
    expect(only(aVM({ nics: ['nic1'] }))?.model).toBe('virtio');
  });
});

describe('buildInterfaceRows: MAC and IPs', () => {
  it.each([
    ['spec only', 'AA-BB-CC-00-00-01', undefined, 'aa:bb:cc:00:00:01', 'spec'],
    ['reported wins', '02:00:00:00:00:01', '02:00:00:00:00:02', '02:00:00:00:00:02', 'reported'],
    ['reported only', undefined, '02:00:00:00:00:03', '02:00:00:00:00:03', 'reported'],
    ['none', undefined, undefined, undefined, undefined],
  ])('MAC %s', (_, spec, reported, mac, origin) => {
    const row = only(
      aVM({ nics: [{ name: 'nic1', network: 'n', mac: spec }], running: true }),
      aVMI({ nics: [{ name: 'nic1', mac: reported }] }),
    );
    expect(row?.mac).toBe(mac);
    expect(row?.macOrigin).toBe(origin);
  });

  it('keeps fe80:: addresses, marked link-local, with the status entry sources', () => {
    const row = only(
      aVM({ nics: ['nic1'], running: true }),
      aVMI({
        agent: true,
        nics: [{ name: 'nic1', ips: ['10.0.0.5', 'fe80::1'], infoSource: 'domain, guest-agent' }],
      }),
    );
    expect(row?.ips).toEqual([
      { address: '10.0.0.5', sources: ['domain', 'guest-agent'], linkLocal: false, stale: false },
      { address: 'fe80::1', sources: ['domain', 'guest-agent'], linkLocal: true, stale: false },
    ]);
  });

  it('falls back to ipAddress when ipAddresses is missing', () => {
    const row = only(
      aVM({ nics: ['nic1'], running: true }),
      aVMI({ nics: [{ name: 'nic1', ipAddress: '10.1.1.1' }] }),
    );
    expect(row?.ips.map((i) => i.address)).toEqual(['10.1.1.1']);
  });

  it.each([
    ['stopped VM', undefined, 'stopped'],
    ['agent connected, no IP: none', aVMI({ agent: true, nics: ['nic1'] }), 'none'],
    ['agent disconnected: unknown, not none', aVMI({ agent: false, nics: ['nic1'] }), 'unknown'],
    ['no agent condition: unknown', aVMI({ nics: ['nic1'] }), 'unknown'],
    [
      'multus-status IPs without agent: reported',
      aVMI({ agent: false, nics: [{ name: 'nic1', ips: ['10.2.0.1'], infoSource: 'multus-status' }] }),
      'reported',
    ],
  ])('ipStatus: %s', (_, vmi, status) => {
    expect(only(aVM({ nics: ['nic1'], running: vmi !== undefined }), vmi)?.ipStatus).toBe(status);
  });

  it.each([
    ['no VMI', undefined, 'unknown'],
    ['AgentConnected True', aVMI({ agent: true }), 'connected'],
    ['AgentConnected False', aVMI({ agent: false }), 'not-connected'],
    ['running, no condition', aVMI({}), 'not-connected'],
    ['pending VMI, no condition', aVMI({ phase: 'Pending' }), 'unknown'],
  ])('guestAgent: %s', (_, vmi, agent) => {
    expect(buildInterfaceRows(aVM({ running: true }), vmi)[0]?.guestAgent).toBe(agent);
  });
});

describe('buildInterfaceRows: origins', () => {
  it('status-only interface (guest agent) becomes an ephemeral row', () => {
    const rows = buildInterfaceRows(
      aVM({ nics: ['default'], running: true }),
      aVMI({ nics: ['default', { interfaceName: 'docker0', inSpec: false, ips: ['172.17.0.1'] }] }),
    );
    expect(rows.map((r) => [r.name, r.origin, r.flags.ephemeral, r.id])).toEqual([
      ['default', 'spec', false, 'ns1/vm1/default'],
      ['docker0', 'guest', true, 'ns1/vm1/~docker0'],
    ]);
  });

  it('removed from the VM but still on the VMI: vmi origin, pending unplug', () => {
    const rows = buildInterfaceRows(
      aVM({ nics: ['default'], running: true }),
      aVMI({ nics: ['default', 'old'] }),
    );
    expect(rows[1]).toMatchObject({
      name: 'old',
      origin: 'vmi',
      flags: { pendingUnplug: true, ephemeral: true },
    });
  });

  it.each([
    ['no arrays: implicit pod interface', aVM({ noNetworkArrays: true }), ['default:implicit:pod']],
    ['explicit arrays', aVM({ nics: ['default'] }), ['default:spec:pod']],
  ])('%s', (_, vm, expected) => {
    expect(buildInterfaceRows(vm).map((r) => `${r.name}:${r.origin}:${r.network?.kind}`)).toEqual(expected);
  });

  it('autoattachPodInterface false and no NICs: no rows', () => {
    const vm = aVM({ noNetworkArrays: true });
    vm.spec.template.spec.domain.devices.autoattachPodInterface = false;
    expect(buildInterfaceRows(vm)).toEqual([]);
  });
});

describe('run state', () => {
  it.each([
    [
      'printableStatus wins',
      aVM({ printableStatus: 'Migrating', running: true }),
      aVMI({}),
      'Migrating',
      true,
    ],
    [
      'VMI phase when no printableStatus',
      { ...aVM({ running: true }), status: {} },
      aVMI({ phase: 'Scheduled' }),
      'Starting',
      false,
    ],
    ['runStrategy Always, no VMI', { ...aVM({ running: true }), status: {} }, undefined, 'Starting', false],
    ['runStrategy Halted, no VMI', { ...aVM({}), status: {} }, undefined, 'Stopped', false],
  ])('%s', (_, vm, vmi, status, running) => {
    expect(buildInterfaceRows(vm, vmi)[0]?.runState).toEqual({ status, running });
  });
});

describe('buildVMRows', () => {
  it('joins VMs to VMIs by namespace and name, not name alone', () => {
    const rows = buildVMRows(
      [aVM({ name: 'a', namespace: 'x', running: true }), aVM({ name: 'a', namespace: 'y' })],
      [aVMI({ name: 'a', namespace: 'x', agent: true, nics: [{ name: 'default', ips: ['10.0.0.1'] }] })],
    );
    expect(rows.map((r) => [r.namespace, r.ipStatus])).toEqual([
      ['x', 'reported'],
      ['y', 'stopped'],
    ]);
  });

  it('manyVMs is deterministic and yields one row per NIC', () => {
    const a = manyVMs(50, 4);
    const rows = buildVMRows(a.vms, a.vmis);
    expect(rows).toHaveLength(200);
    expect(buildVMRows(manyVMs(50, 4).vms, manyVMs(50, 4).vmis)).toEqual(rows);
    expect(new Set(rows.map((r) => r.id)).size).toBe(200);
  });
});
