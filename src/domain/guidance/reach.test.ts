import { describe, expect, it } from 'vitest';
import { aVM, aVMI } from '../testing/fixtures';
import { aTopology } from '../testing/topology';
import { buildTopologyGraph } from '../topology/build';
import { explainReach, networksFor, type ReachNote } from './reach';

const input = aTopology();
// A second VM in tenant-b on the overlay, and one in tenant-a (isolated by its primary UDN).
input.vms.push(
  aVM({
    name: 'peer',
    namespace: 'tenant-b',
    running: true,
    nics: [
      { name: 'default', network: 'pod', binding: 'masquerade' },
      { name: 'ov', network: 'overlay' },
    ],
  }),
);
const peerVmi = aVMI({
  name: 'peer',
  namespace: 'tenant-b',
  agent: true,
  nics: [
    {
      name: 'default',
      spec: { name: 'default', network: 'pod', binding: 'masquerade' },
      ips: ['10.128.3.3'],
    },
    { name: 'ov', spec: { name: 'ov', network: 'overlay' } },
  ],
});
peerVmi.status!.nodeName = 'worker-1';
input.vmis.push(peerVmi);
const graph = buildTopologyGraph(input);
const texts = (ns: readonly ReachNote[]) => ns.map((n) => n.text);

describe('networksFor', () => {
  it('a primary-UDN namespace: its UDN, not the pod network, and not other namespaces networks', () => {
    const offers = Object.fromEntries(networksFor(graph, 'vm:tenant-a/vm-a').map((o) => [o.network.id, o]));
    expect(offers['udn:tenant-a/primary']).toMatchObject({ usable: true });
    expect(offers['pod-network']).toMatchObject({ usable: false });
    expect(texts(offers['pod-network']!.why)).toEqual([
      'Replaced in this namespace by its primary network {{network}}',
    ]);
    expect(offers['nad:tenant-b/overlay']?.usable).toBe(false);
    expect(offers['nad:tenant-b/overlay']?.why[0]?.who).toBe('tenant');
    expect(offers['cudn:cudn-localnet']?.why.map((w) => [w.text, w.who])).toEqual([
      ['Its namespace selector does not pick this namespace', 'admin'],
    ]);
  });

  it('a node-bound network missing on the VM node is not usable there, and an admin can fix it', () => {
    // vm-local runs on worker-0; move it to worker-1, which has no br1.
    const moved = structuredClone(input);
    moved.vmis.find((v) => v.metadata.name === 'vm-local')!.status!.nodeName = 'worker-1';
    const offers = networksFor(buildTopologyGraph(moved), 'vm:tenant-b/vm-local');
    const br1 = offers.find((o) => o.network.id === 'nad:tenant-b/br1-net')!;
    expect(br1.usable).toBe(false);
    expect(br1.why.map((w) => [w.text, w.params, w.who])).toContainEqual([
      'Bridge missing on node {{node}}, where the VM runs',
      { node: 'worker-1' },
      'admin',
    ]);
  });

  it('says when the namespace lacks the label a primary UDN needs', () => {
    const offers = networksFor(graph, 'vm:tenant-a/vm-a', { namespaceLabels: new Map([['tenant-a', {}]]) });
    expect(texts(offers.find((o) => o.network.id === 'udn:tenant-a/primary')!.why)).toContain(
      'The namespace lacks the label k8s.ovn.org/primary-user-defined-network, so its primary UDN does not apply',
    );
  });
});

describe('explainReach', () => {
  it('a tenant on a primary UDN asking for a VM of another namespace gets the isolation answer', () => {
    const a = explainReach(graph, 'vm:tenant-a/vm-a', { kind: 'vm', namespace: 'tenant-b', name: 'peer' });
    expect(a.paths.filter((p) => p.ok)).toEqual([]);
    expect(a.obstacles.map((o) => [o.text, o.params, o.who])).toEqual([
      [
        'Namespace {{namespace}} is isolated by its primary network: it reaches neither the pod network nor other namespaces',
        { namespace: 'tenant-a' },
        'admin',
      ],
      [
        'They share no network: this VM is on {{mine}}; the other on {{theirs}}',
        { mine: 'tenant-a/primary', theirs: 'pod network, tenant-b/overlay' },
        undefined,
      ],
      [
        'Attach both to one network: a ClusterUserDefinedNetwork selecting both namespaces, or a NetworkAttachmentDefinition in default',
        undefined,
        'admin',
      ],
    ]);
  });

  it('two VMs on shared networks: each path, and an unknown address where no agent reports one', () => {
    const a = explainReach(graph, 'vm:tenant-b/vm-br', { kind: 'vm', namespace: 'tenant-b', name: 'peer' });
    expect(a.paths).toEqual([
      { iface: 'default', network: 'pod network', ok: true },
      { iface: 'late', network: 'tenant-b/overlay', ok: true },
    ]);
    expect(a.obstacles).toEqual([]);
    expect(a.unknowns.map((u) => u.params?.network)).toEqual(['tenant-b/overlay']);
  });

  it('a NetworkPolicy selecting the destination VM is named', () => {
    const a = explainReach(
      graph,
      'vm:tenant-b/vm-br',
      { kind: 'vm', namespace: 'tenant-b', name: 'peer' },
      {
        vmLabels: new Map([['tenant-b/peer', { app: 'db' }]]),
        networkPolicies: [
          {
            apiVersion: 'networking.k8s.io/v1',
            kind: 'NetworkPolicy',
            metadata: { name: 'db-only', namespace: 'tenant-b' },
            spec: { podSelector: { matchLabels: { app: 'db' } } },
          },
          {
            apiVersion: 'networking.k8s.io/v1',
            kind: 'NetworkPolicy',
            metadata: { name: 'web', namespace: 'tenant-b' },
            spec: { podSelector: { matchLabels: { app: 'web' } } },
          },
        ],
      },
    );
    expect(a.obstacles.map((o) => o.params?.policy)).toEqual(['db-only']);
  });

  it('an IP in a subnet of one of its networks goes there; another leaves through the primary network', () => {
    const inSubnet = explainReach(graph, 'vm:tenant-b/vm-br', { kind: 'ip', ip: '10.200.4.4' });
    expect(inSubnet.paths).toEqual([{ iface: 'late', network: 'tenant-b/overlay', ok: true }]);
    const outside = explainReach(graph, 'vm:tenant-b/vm-br', { kind: 'ip', ip: '8.8.8.8' });
    expect(outside.paths).toEqual([{ iface: 'default', network: 'pod network', ok: true }]);
    expect(
      explainReach(graph, 'vm:tenant-b/vm-br', { kind: 'ip', ip: '10.0.0.999' }).obstacles.map((o) => o.text),
    ).toEqual(['Not an IP address']);
  });

  it('Services: an isolated namespace reaches only its own', () => {
    expect(explainReach(graph, 'vm:tenant-a/vm-a', { kind: 'service', namespace: 'tenant-b' }).paths).toEqual(
      [{ iface: 'default', network: 'tenant-a/primary', ok: false }],
    );
    expect(
      explainReach(graph, 'vm:tenant-a/vm-a', { kind: 'service', namespace: 'tenant-a' }).paths[0]?.ok,
    ).toBe(true);
    expect(explainReach(graph, 'vm:tenant-b/vm-br', { kind: 'internet' }).paths).toEqual([
      { iface: 'default', network: 'pod network', ok: true },
    ]);
  });

  it('an unknown VM is said so', () => {
    expect(explainReach(graph, 'vm:x/y', { kind: 'internet' }).obstacles.map((o) => o.text)).toEqual([
      'VM not found',
    ]);
  });
});
