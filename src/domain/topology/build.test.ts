import { describe, expect, it } from 'vitest';
import { aNAD, aVM, aVMI } from '../testing/fixtures';
import {
  aNamespace,
  aNode,
  aTopology,
  aWorkerState,
  emptyInput,
  manyTopology,
  anEnactment,
  anNncp,
} from '../testing/topology';
import { buildDefaultView, buildTopologyGraph } from './build';
import { problemText } from './problems';
import type { GraphEdge, GraphNode, TopologyGraph, TopologyInput } from './types';
import { countVMs, viewGraph } from './view';

const graph = buildTopologyGraph(aTopology());
const node = (g: TopologyGraph, id: string): GraphNode => {
  const n = g.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}; have ${g.nodes.map((x) => x.id).join(' ')}`);
  return n;
};
const edgesFrom = (g: TopologyGraph, id: string, kind?: GraphEdge['kind']) =>
  g.edges.filter((e) => e.source === id && (!kind || e.kind === kind));
const texts = (n: { problems: GraphNode['problems'] }) => n.problems.map(problemText);

describe('buildTopologyGraph: network kinds', () => {
  it('draws the pod network once, with its uplink br-ex on every node', () => {
    expect(graph.nodes.filter((n) => n.kind === 'PodNetwork')).toHaveLength(1);
    expect(edgesFrom(graph, 'pod-network', 'underlay').map((e) => e.target)).toEqual([
      'if:worker-0:ovs-bridge:br-ex',
      'if:worker-1:ovs-bridge:br-ex',
    ]);
  });

  it('maps the NAD OVN-K writes for a UDN to the UDN, and isolates its namespace from the pod network', () => {
    const udn = node(graph, 'udn:tenant-a/primary');
    expect(udn).toMatchObject({ kind: 'UserDefinedNetwork', primary: true, flavor: 'primary-udn' });
    expect(graph.nodes.some((n) => n.id === 'nad:tenant-a/primary')).toBe(false);
    expect(node(graph, 'ns:tenant-a').isolated).toBe(true);
    expect(edgesFrom(graph, 'ns:tenant-a', 'primary-network').map((e) => e.target)).toEqual([udn.id]);
    // The VM's pod interface (l2bridge binding) goes to the UDN, never to the pod network.
    expect(edgesFrom(graph, 'vm:tenant-a/vm-a').map((e) => e.target)).toEqual([udn.id]);
    expect(node(graph, 'ns:tenant-b').isolated).toBe(false);
    expect(edgesFrom(graph, 'ns:tenant-b', 'primary-network').map((e) => e.target)).toEqual(['pod-network']);
  });

  it('follows localnet VM → CUDN → bridge mapping → OVS bridge → NIC on each node', () => {
    const edge = edgesFrom(graph, 'vm:tenant-b/vm-local').find((e) => e.interfaceName === 'ext')!;
    expect(edge.target).toBe('cudn:cudn-localnet');
    expect(edge.label).toBe('ext 192.168.50.7');
    expect(node(graph, 'cudn:cudn-localnet').details).toContainEqual(['Namespaces', 'tenant-b']);
    expect(edgesFrom(graph, 'cudn:cudn-localnet').map((e) => e.target)).toEqual([
      'bm:worker-0:physnet-ext',
      'bm:worker-1:physnet-ext',
    ]);
    expect(edgesFrom(graph, 'bm:worker-0:physnet-ext').map((e) => e.target)).toEqual([
      'if:worker-0:ovs-bridge:ovs-br1',
    ]);
    expect(edgesFrom(graph, 'if:worker-0:ovs-bridge:ovs-br1').map((e) => e.target)).toEqual([
      'if:worker-0:ethernet:ens8',
    ]);
  });

  it('ties a Linux-bridge NAD to the bridge on each node, with the VLAN; a node without it has a ghost', () => {
    const e = edgesFrom(graph, 'nad:tenant-b/br1-net');
    expect(e.map((x) => [x.target, x.label, texts(x)])).toEqual([
      ['if:worker-0:linux-bridge:br1', 'VLAN 100', []],
      [
        'if:worker-1:linux-bridge:br1',
        'VLAN 100',
        ['Linux bridge br1 does not exist on worker-1; VMs on this network cannot attach there'],
      ],
    ]);
    // worker-1 has no br1: it is still drawn there (in worker-1's box), as missing, with the reason.
    const ghost = node(graph, 'if:worker-1:linux-bridge:br1');
    expect(ghost).toMatchObject({
      kind: 'LinuxBridge',
      node: 'worker-1',
      parent: 'node:worker-1',
      missing: true,
    });
    expect(ghost.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(node(graph, 'if:worker-0:linux-bridge:br1').missing).toBeUndefined();
    expect(edgesFrom(graph, ghost.id)).toEqual([]);
    expect(edgesFrom(graph, 'if:worker-0:linux-bridge:br1').map((x) => x.target)).toEqual([
      'if:worker-0:ethernet:ens4',
    ]);
  });

  it('follows an SR-IOV network → its policy → the PFs on the nodes the policy selects', () => {
    const vm = edgesFrom(graph, 'vm:tenant-b/vm-local').find((e) => e.interfaceName === 'fast')!;
    expect(vm.target).toBe('sriovnet:openshift-sriov-network-operator/sriov-net');
    const pf = node(graph, 'if:worker-0:ethernet:ens1f0');
    expect(pf.kind).toBe('SriovPF');
    expect(edgesFrom(graph, vm.target).map((e) => [e.target, e.label])).toEqual([[pf.id, 'intel-policy']]);
  });

  it('draws an overlay NAD without underlay, bonds and VLANs with their ports', () => {
    expect(node(graph, 'nad:tenant-b/overlay').flavor).toBe('ovn-layer2');
    expect(edgesFrom(graph, 'nad:tenant-b/overlay')).toEqual([]);
    expect(edgesFrom(graph, 'if:worker-1:bond:bond0').map((e) => e.target)).toEqual([
      'if:worker-1:ethernet:ens6',
      'if:worker-1:ethernet:ens7',
    ]);
    expect(edgesFrom(graph, 'if:worker-1:vlan:ens5.100').map((e) => e.target)).toEqual([
      'if:worker-1:ethernet:ens5',
    ]);
  });
});

describe('buildTopologyGraph: what a tenant can read', () => {
  it('a NAD generated for a CUDN the tenant cannot read stands for the network, with where it comes from', () => {
    const input = aTopology();
    const g = buildTopologyGraph({ ...input, cudns: [], unreadable: ['cudns'] });
    const nad = node(g, 'nad:tenant-b/cudn-localnet');
    expect(nad.flavor).toBe('ovn-localnet');
    expect(nad.details).toContainEqual(['Generated by', 'ClusterUserDefinedNetwork cudn-localnet']);
    const edge = edgesFrom(g, 'vm:tenant-b/vm-local').find((e) => e.interfaceName === 'ext')!;
    expect(edge.target).toBe(nad.id);
    expect(edge.problems).toEqual([]);
  });

  it('a primary CUDN isolates every namespace its selector picks', () => {
    const input = aTopology();
    input.cudns.push({
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'ClusterUserDefinedNetwork',
      metadata: { name: 'shared-primary' },
      spec: {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'tenant-b' } },
        network: { topology: 'Layer2', layer2: { role: 'Primary', subnets: ['10.50.0.0/16'] } },
      },
    });
    const g = buildTopologyGraph(input);
    expect(node(g, 'ns:tenant-b').isolated).toBe(true);
    expect(edgesFrom(g, 'ns:tenant-b', 'primary-network').map((e) => e.target)).toEqual([
      'cudn:shared-primary',
    ]);
  });
});

describe('buildTopologyGraph: links to the VM networks page', () => {
  it('gives each network the keys the VM networks page filters its rows by', () => {
    expect(node(graph, 'pod-network').filterKeys).toEqual(['pod']);
    expect(node(graph, 'udn:tenant-a/primary').filterKeys).toEqual(['primary-udn', 'tenant-a/primary']);
    expect(node(graph, 'cudn:cudn-localnet').filterKeys).toEqual(['tenant-b/cudn-localnet']);
    expect(node(graph, 'nad:tenant-b/br1-net').filterKeys).toEqual(['tenant-b/br1-net']);
    expect(node(graph, 'sriovnet:openshift-sriov-network-operator/sriov-net').filterKeys).toEqual([
      'tenant-b/sriov-net',
    ]);
  });
});

describe('buildTopologyGraph: problems where they are', () => {
  it('a dangling NAD reference is an edge to a ghost network, with the reason', () => {
    const e = edgesFrom(graph, 'vm:tenant-b/vm-bad').find((x) => x.interfaceName === 'gone')!;
    expect(e.target).toBe('missing:tenant-b/no-such-nad');
    expect(node(graph, e.target).missing).toBe(true);
    expect(texts(e)).toEqual([
      'NetworkAttachmentDefinition tenant-b/no-such-nad does not exist; this interface cannot attach',
    ]);
  });

  it('a NAD in a namespace the user cannot read is "may not exist", not "missing"', () => {
    const input = { ...emptyInput(), namespaces: [aNamespace('mine')] };
    input.vms = [aVM({ name: 'v', namespace: 'mine', nics: [{ name: 'x', network: 'other/secret' }] })];
    const g = buildTopologyGraph(input);
    expect(node(g, 'missing:other/secret').problems.map((p) => [p.code, p.severity])).toEqual([
      ['nad-unreadable', 'warning'],
    ]);
  });

  it('a Linux bridge on no node, and one missing on some nodes', () => {
    expect(texts(node(graph, 'nad:tenant-b/br9-net'))).toEqual([
      'Linux bridge br9 exists on no node; VMs on this network cannot start',
    ]);
    expect(texts(node(graph, 'nad:tenant-b/br1-net'))).toEqual([
      'Linux bridge br1 is missing on 1 of 2 nodes (worker-1); VMs there cannot attach',
    ]);
  });

  it('a localnet whose physical network (defaulting to the network name) has no bridge mapping', () => {
    expect(texts(node(graph, 'nad:tenant-b/localnet-nomap'))).toEqual([
      'Physical network localnet-nomap has no OVN bridge mapping on any node; add one with a NodeNetworkConfigurationPolicy',
    ]);
  });

  it('an SR-IOV resource no policy provides, and a policy that matches no node', () => {
    expect(
      node(graph, 'sriovnet:openshift-sriov-network-operator/sriov-orphan').problems.map((p) => p.code),
    ).toEqual(['sriov-no-policy']);
    const input = aTopology();
    input.sriovPolicies = [
      { ...input.sriovPolicies[0]!, spec: { ...input.sriovPolicies[0]!.spec, nodeSelector: { gpu: 'x' } } },
    ];
    const g = buildTopologyGraph(input);
    expect(texts(node(g, 'sriovnet:openshift-sriov-network-operator/sriov-net'))).toEqual([
      'SriovNetworkNodePolicy intel-policy matches no node',
    ]);
  });

  it('failing and progressing NNCP enactments on the elements they configure, on that node only', () => {
    expect(texts(node(graph, 'if:worker-1:bond:bond0'))).toEqual([
      'NodeNetworkConfigurationPolicy bond0-policy failed on worker-1: Failed to find bond port ens7 of bond0',
    ]);
    expect(node(graph, 'if:worker-0:bond:bond0').problems).toEqual([]);
    expect(node(graph, 'if:worker-0:bond:bond0').details).toContainEqual(['Configured by', 'bond0-policy']);
    expect(node(graph, 'if:worker-0:linux-bridge:br1').problems.map((p) => [p.code, p.severity])).toEqual([
      ['nncp-progressing', 'warning'],
    ]);
  });

  it('a failing NNCP whose interface is not on the node is shown on the node itself', () => {
    const input = { ...emptyInput(), nodes: [aNode('w')], nnses: [aWorkerState('w')] };
    input.nncps = [anNncp('p', [{ name: 'bond9', type: 'bond' }])];
    input.enactments = [anEnactment('w', 'p', 'Failing', 'boom')];
    expect(texts(node(buildTopologyGraph(input), 'node:w'))).toEqual([
      'NodeNetworkConfigurationPolicy p failed on w: boom',
    ]);
  });

  it('pending hot-plug is a dashed edge with a notice; a VM that needs a restart says so', () => {
    const late = edgesFrom(graph, 'vm:tenant-b/vm-br').find((e) => e.interfaceName === 'late')!;
    expect(late.pending).toBe('hotplug');
    expect(late.problems.map((p) => [p.code, p.severity])).toEqual([['pending-hotplug', 'info']]);
    expect(node(graph, 'vm:tenant-b/vm-br').problems.map((p) => p.code)).toEqual(['restart-required']);
  });

  it('skips checks on what the user cannot read instead of reporting false problems', () => {
    const input = {
      ...aTopology(),
      nnses: [],
      sriovPolicies: [],
      unreadable: ['nnses', 'sriovPolicies'] as const,
    };
    const g = buildTopologyGraph({ ...input, unreadable: [...input.unreadable] });
    expect(node(g, 'nad:tenant-b/br9-net').problems).toEqual([]);
    expect(node(g, 'nad:tenant-b/localnet-nomap').problems).toEqual([]);
    expect(node(g, 'sriovnet:openshift-sriov-network-operator/sriov-orphan').problems).toEqual([]);
  });
});

describe('buildTopologyGraph: ids and determinism', () => {
  it('gives the same interface name on two nodes, and a bridge and its port of one name, distinct ids', () => {
    const ids = graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    expect(ids).toContain('if:worker-0:ethernet:ens3');
    expect(ids).toContain('if:worker-1:ethernet:ens3');
    const input = { ...emptyInput(), nodes: [aNode('w')] };
    input.nnses = [
      {
        ...aWorkerState('w'),
        status: {
          currentState: {
            interfaces: [
              { name: 'x', type: 'bond', 'link-aggregation': { port: ['e'] } },
              { name: 'x', type: 'linux-bridge', bridge: { port: [{ name: 'x' }] } },
              { name: 'e', type: 'ethernet' },
            ],
          },
        },
      },
    ];
    const g = buildTopologyGraph(input);
    expect(g.nodes.filter((n) => n.name === 'x').map((n) => n.id)).toEqual([
      'if:w:bond:x',
      'if:w:linux-bridge:x',
    ]);
    // The bridge's port "x" is the bond, not the bridge itself.
    expect(edgesFrom(g, 'if:w:linux-bridge:x').map((e) => e.target)).toEqual(['if:w:bond:x']);
  });

  it('every edge ends at a node of the graph', () => {
    const g = buildTopologyGraph(manyTopology(300, 4, 10));
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.filter((e) => !ids.has(e.source) || !ids.has(e.target))).toEqual([]);
    expect(g.nodes.filter((n) => n.parent && !ids.has(n.parent))).toEqual([]);
  });

  it('is the same whatever order the lists arrive in', () => {
    const input = aTopology();
    const shuffled = {
      ...input,
      vms: [...input.vms].reverse(),
      nads: [...input.nads].reverse(),
      nnses: [...input.nnses].reverse(),
    };
    expect(buildTopologyGraph(shuffled)).toEqual(buildTopologyGraph(aTopology()));
  });

  it('draws an empty cluster as the pod network alone', () => {
    expect(buildTopologyGraph(emptyInput()).nodes.map((n) => n.id)).toEqual(['pod-network']);
  });

  it('tolerates objects with missing fields (a NAD without config, a VM without networks)', () => {
    const input = { ...emptyInput(), namespaces: [aNamespace('a')] };
    input.nads = [{ ...aNAD('raw', 'a'), spec: {} }];
    input.vms = [aVM({ name: 'v', namespace: 'a', noNetworkArrays: true })];
    const g = buildTopologyGraph(input);
    expect(node(g, 'nad:a/raw').flavor).toBe('other');
    expect(edgesFrom(g, 'vm:a/v').map((e) => e.target)).toEqual(['pod-network']);
  });
});

describe('buildDefaultView: the unfiltered view without the full graph', () => {
  /** What the page drew before: the full graph, then viewGraph. Equal means equal in order too. */
  const viaFullGraph = (input: TopologyInput, threshold: number, expanded: string[] = []) =>
    viewGraph(buildTopologyGraph(input), { threshold, expanded: new Set(expanded) });
  const same = (input: TopologyInput, threshold: number, expanded: string[] = []) =>
    expect(buildDefaultView(input, threshold, new Set(expanded))).toEqual(
      viaFullGraph(input, threshold, expanded),
    );

  it('equals viewGraph of the full graph on every network kind and problem, at every threshold', () => {
    // Threshold 0 groups every namespace with a VM: the dangling and unreadable NADs, pending hot-plug and
    // restart-required VMs of the fixture all go through a group.
    for (const threshold of [0, 1, 2, 100]) same(aTopology(), threshold);
    same(aTopology(), 0, ['tenant-a']);
    expect(buildDefaultView(aTopology(), 0, new Set()).nodes.filter((n) => n.kind === 'VMGroup')).not.toEqual(
      [],
    );
  });

  it('equals it on large clusters, with some namespaces expanded, whatever order the lists arrive in', () => {
    const input = manyTopology(1200, 5, 7);
    for (const threshold of [40, 171, 172, 5000]) same(input, threshold);
    same(input, 40, ['ns-1', 'ns-4', 'not-there']);
    same({ ...input, vms: [...input.vms].reverse(), vmis: [...input.vmis].reverse() }, 40, ['ns-2']);
    // The page counts the VMs of an unfiltered view, groups included.
    expect(countVMs(buildDefaultView(input, 40, new Set()))).toBe(1200);
  });

  it("merges a group's problems in the order of its edges, not of its VMs, and keeps at most 20", () => {
    // `v` sorts before `v-1` as a VM, but `interface:vm:a/v-1/…` before `interface:vm:a/v/…` as an edge.
    const input = { ...emptyInput(), namespaces: [aNamespace('a')] };
    for (let i = 0; i < 30; i++) {
      const name = i === 0 ? 'v' : `v-${i}`;
      // Each VM waits to hot-plug its own NIC into one missing NAD: 31 distinct problems on one group edge.
      const nics = ['default', { name: `n${i}`, network: 'gone' }];
      input.vms.push(aVM({ name, namespace: 'a', running: true, restartRequired: i % 2 === 0, nics }));
      input.vmis.push(aVMI({ name, namespace: 'a', nics: ['default'] }));
    }
    same(input, 5);
    const view = buildDefaultView(input, 5, new Set());
    const group = view.nodes.find((n) => n.id === 'vmgroup:a')!;
    expect(group.count).toBe(30);
    const gone = view.edges.find((e) => e.id === 'interface:vmgroup:a->missing:a/gone')!;
    expect(gone.label).toBe('30');
    expect(gone.problems).toHaveLength(20);
    expect(gone.problems.map(problemText).slice(0, 3)).toEqual([
      expect.stringContaining('a/gone'),
      expect.stringContaining('n1'),
      expect.stringContaining('n10'),
    ]);
  });

  it('counts a VM listed twice once, and a guest interface reported twice as one edge', () => {
    const input = { ...emptyInput(), namespaces: [aNamespace('a')] };
    for (let i = 0; i < 4; i++) {
      const name = `vm-${i}`;
      input.vms.push(aVM({ name, namespace: 'a', nics: ['default'] }));
      const vmi = aVMI({ name, namespace: 'a', nics: ['default'] });
      const twice = { name: 'eth9', interfaceName: 'eth9', ipAddress: `10.9.9.${i}` };
      vmi.status!.interfaces = [
        ...(vmi.status!.interfaces ?? []),
        twice,
        { ...twice, ipAddress: '10.9.9.99' },
      ];
      input.vmis.push(vmi);
    }
    input.vms.push(input.vms[0]!);
    same(input, 2);
    same(input, 3);
    expect(buildDefaultView(input, 2, new Set()).nodes.find((n) => n.kind === 'VMGroup')?.count).toBe(4);
  });
});
