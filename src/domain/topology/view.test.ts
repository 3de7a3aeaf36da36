import { describe, expect, it } from 'vitest';
import { aTopology, manyTopology } from '../testing/topology';
import { buildTopologyGraph } from './build';
import { keepPositions, layoutGraph } from './layout';
import { problemText } from './problems';
import type { TopologyGraph } from './types';
import { highlightFrom, searchGraph, sharedId, viewGraph } from './view';

const graph = buildTopologyGraph(aTopology());
const ids = (g: { nodes: { id: string }[] }) => g.nodes.map((n) => n.id);

describe('viewGraph: filters', () => {
  it('without filters shows everything', () => {
    expect(viewGraph(graph, { threshold: 100 })).toEqual(graph);
  });

  it('without filters still drops an edge whose end is not in the graph', () => {
    const dangling = { id: 'interface:vm:x/gone/nic', source: 'vm:x/gone', target: 'pod-network' };
    const g = {
      ...graph,
      edges: [...graph.edges, { ...dangling, kind: 'interface' as const, problems: [] }],
    };
    expect(viewGraph(g, { threshold: 100 })).toEqual(graph);
  });

  it('by namespace: only its VMs, the networks they use and what those ride on', () => {
    const v = viewGraph(graph, { namespaces: ['tenant-a'], threshold: 100 });
    expect(ids(v).filter((id) => id.startsWith('vm:'))).toEqual(['vm:tenant-a/vm-a']);
    expect(ids(v)).toContain('udn:tenant-a/primary');
    expect(ids(v).some((id) => id.includes('tenant-b'))).toBe(false);
    expect(ids(v)).not.toContain('cudn:cudn-localnet');
  });

  it('by network kind: localnet networks, their VMs, and their mappings down to the NICs', () => {
    const v = viewGraph(graph, { flavors: ['ovn-localnet'], threshold: 100 });
    expect(ids(v)).toEqual(
      expect.arrayContaining([
        'cudn:cudn-localnet',
        'nad:tenant-b/localnet-nomap',
        'vm:tenant-b/vm-local',
        'bm:worker-0:physnet-ext',
        'if:worker-0:ovs-bridge:ovs-br1',
        'if:worker-0:ethernet:ens8',
        'node:worker-0',
      ]),
    );
    expect(ids(v)).not.toContain('vm:tenant-a/vm-a');
    expect(ids(v)).not.toContain('if:worker-0:bond:bond0');
    expect(ids(v)).not.toContain('nad:tenant-b/br1-net');
  });

  it('by node: that node underlay and the VMs running there', () => {
    const v = viewGraph(graph, { nodes: ['worker-1'], threshold: 100 });
    expect(ids(v).filter((id) => id.startsWith('vm:'))).toEqual([]);
    expect(ids(v)).toContain('if:worker-1:bond:bond0');
    expect(ids(v)).not.toContain('if:worker-0:bond:bond0');
    const w0 = viewGraph(graph, { nodes: ['worker-0'], threshold: 100 });
    expect(ids(w0).filter((id) => id.startsWith('vm:'))).toEqual([
      'vm:tenant-a/vm-a',
      'vm:tenant-b/vm-br',
      'vm:tenant-b/vm-local',
    ]);
  });

  it('keeps every edge between kept nodes only', () => {
    const v = viewGraph(graph, { flavors: ['sriov'], threshold: 100 });
    const kept = new Set(ids(v));
    expect(v.edges.every((e) => kept.has(e.source) && kept.has(e.target))).toBe(true);
  });
});

describe('viewGraph: groups', () => {
  const big = buildTopologyGraph(manyTopology(400, 2, 4));

  it('collapses a namespace above the threshold into one counted group with merged edges', () => {
    const v = viewGraph(big, { threshold: 50 });
    const groups = v.nodes.filter((n) => n.kind === 'VMGroup');
    expect(groups.map((g) => [g.id, g.count])).toEqual([
      ['vmgroup:ns-0', 100],
      ['vmgroup:ns-1', 100],
      ['vmgroup:ns-2', 100],
      ['vmgroup:ns-3', 100],
    ]);
    expect(v.nodes.some((n) => n.kind === 'VirtualMachine')).toBe(false);
    const toPod = v.edges.find((e) => e.source === 'vmgroup:ns-0' && e.target === 'pod-network')!;
    expect(toPod.label).toBe('100');
    expect(new Set(v.edges.map((e) => e.id)).size).toBe(v.edges.length);
  });

  it('expands the namespaces the user opened', () => {
    const v = viewGraph(big, { threshold: 50, expanded: new Set(['ns-1']) });
    expect(v.nodes.filter((n) => n.kind === 'VMGroup').map((n) => n.id)).not.toContain('vmgroup:ns-1');
    expect(v.nodes.filter((n) => n.namespace === 'ns-1' && n.kind === 'VirtualMachine')).toHaveLength(100);
  });
});

describe('viewGraph: shared underlay', () => {
  // 6 workers, worker-5 without br1; 20 Linux-bridge NADs on br1, 50 localnet NADs on physnet-ext.
  const big = buildTopologyGraph(manyTopology(200, 6, 10));
  const v = viewGraph(big, { threshold: 1000 });
  const workers = [0, 1, 2, 3, 4, 5].map((w) => `worker-${w}`);
  const out = (g: TopologyGraph, id: string) => g.edges.filter((e) => e.source === id);

  it('many networks reach br1 on every node through one shared br1: n + t lines instead of n × t', () => {
    const br1 = v.nodes.find((n) => n.id === sharedId('LinuxBridge', 'br1'))!;
    expect(br1).toMatchObject({ kind: 'LinuxBridge', name: 'br1', nodes: workers });
    expect(br1.node).toBeUndefined();
    expect(out(v, 'nad:ns-0/br-a').map((e) => [e.target, e.label])).toEqual([[br1.id, 'VLAN 100']]);
    expect(out(v, br1.id).map((e) => e.target)).toEqual(workers.map((w) => `if:${w}:linux-bridge:br1`));
    const underlay = (g: TopologyGraph) => g.edges.filter((e) => e.kind === 'underlay').length;
    // br1: 20 NADs × 6 nodes; the bridge mapping: 50 localnet NADs × 6 nodes; br-ex: the pod network × 6.
    expect(underlay(big)).toBe(20 * 6 + 50 * 6 + 6);
    expect(underlay(v)).toBe(20 + 6 + (50 + 6) + 6);
  });

  it('the node without br1 still shows it, as missing with the reason, on the shared line to it', () => {
    const ghost = v.nodes.find((n) => n.id === 'if:worker-5:linux-bridge:br1')!;
    expect(ghost).toMatchObject({ missing: true, node: 'worker-5', parent: 'node:worker-5' });
    expect(ghost.problems.map(problemText)).toEqual([
      'Linux bridge br1 does not exist on worker-5; VMs on this network cannot attach there',
    ]);
    const line = out(v, sharedId('LinuxBridge', 'br1')).find((e) => e.target === ghost.id)!;
    expect(line.problems.map((p) => [p.code, p.severity])).toEqual([['bridge-missing-here', 'warning']]);
    const fine = out(v, sharedId('LinuxBridge', 'br1')).find(
      (e) => e.target === 'if:worker-0:linux-bridge:br1',
    )!;
    expect(fine.problems).toEqual([]);
    // …and the network still says so too.
    expect(v.nodes.find((n) => n.id === 'nad:ns-0/br-a')!.problems.map((p) => p.code)).toEqual([
      'bridge-on-some-nodes',
    ]);
  });

  it('highlights the same elements as the direct lines did, for every network and VM', () => {
    const plain = (h: { nodes: Set<string> }) =>
      [...h.nodes].filter((id) => !id.startsWith('shared:')).sort();
    const starts = big.nodes.filter((n) => n.flavor || n.kind === 'VirtualMachine').map((n) => n.id);
    expect(starts.length).toBeGreaterThan(200);
    for (const id of starts)
      expect([id, plain(highlightFrom(v, id))]).toEqual([id, plain(highlightFrom(big, id))]);
  });

  it('a VM on the node without br1: its path ends at the missing br1 there', () => {
    const vm = big.nodes.find(
      (n) =>
        n.node === 'worker-5' &&
        big.edges.some((e) => e.source === n.id && e.target === `nad:${n.namespace}/br-a`),
    )!;
    const h = highlightFrom(v, vm.id);
    expect(h.nodes).toContain(sharedId('LinuxBridge', 'br1'));
    expect(h.nodes).toContain('if:worker-5:linux-bridge:br1');
    expect(h.nodes).not.toContain('if:worker-0:linux-bridge:br1');
  });

  it('keeps direct lines where a shared element would not halve them, and on one chosen node', () => {
    expect(viewGraph(graph, { threshold: 100 }).nodes.some((n) => n.nodes)).toBe(false);
    const one = viewGraph(big, { threshold: 1000, nodes: ['worker-0'] });
    expect(one.nodes.some((n) => n.nodes)).toBe(false);
    const targets = new Set(one.edges.filter((e) => e.kind === 'underlay').map((e) => e.target));
    expect([...targets].sort()).toEqual([
      'bm:worker-0:physnet-ext',
      'if:worker-0:linux-bridge:br1',
      'if:worker-0:ovs-bridge:br-ex',
    ]);
  });

  it('has unique ids and every line ends at a drawn element', () => {
    const ids = new Set(v.nodes.map((n) => n.id));
    expect(ids.size).toBe(v.nodes.length);
    expect(new Set(v.edges.map((e) => e.id)).size).toBe(v.edges.length);
    expect(v.edges.filter((e) => !ids.has(e.source) || !ids.has(e.target))).toEqual([]);
  });
});

describe('searchGraph', () => {
  it('finds VMs and networks by name, namespace/name and IP, exact matches first', () => {
    expect(searchGraph(graph, 'vm-local')).toEqual(['vm:tenant-b/vm-local']);
    expect(searchGraph(graph, 'tenant-b/br1-net')).toEqual(['nad:tenant-b/br1-net']);
    expect(searchGraph(graph, 'br')).toEqual([
      'nad:tenant-b/br1-net',
      'nad:tenant-b/br9-net',
      'vm:tenant-b/vm-br',
    ]);
    expect(searchGraph(graph, '192.168.50.7')).toEqual(['vm:tenant-b/vm-local']);
    expect(searchGraph(graph, '  ')).toEqual([]);
    expect(searchGraph(graph, 'nothing-here')).toEqual([]);
  });
});

describe('highlightFrom', () => {
  it('a localnet VM: its networks and the mapping, bridge and NIC on its own node only', () => {
    const h = highlightFrom(graph, 'vm:tenant-b/vm-local');
    expect([...h.nodes].sort()).toEqual(
      [
        'vm:tenant-b/vm-local',
        'pod-network',
        'if:worker-0:ovs-bridge:br-ex',
        'if:worker-0:ethernet:ens3',
        'cudn:cudn-localnet',
        'bm:worker-0:physnet-ext',
        'if:worker-0:ovs-bridge:ovs-br1',
        'if:worker-0:ethernet:ens8',
        'sriovnet:openshift-sriov-network-operator/sriov-net',
        'if:worker-0:ethernet:ens1f0',
      ].sort(),
    );
    expect([...h.nodes].some((id) => id.includes('worker-1'))).toBe(false);
  });

  it('a network: its VMs, the namespaces it is primary for, and its underlay', () => {
    const h = highlightFrom(graph, 'udn:tenant-a/primary');
    expect([...h.nodes].sort()).toEqual(['ns:tenant-a', 'udn:tenant-a/primary', 'vm:tenant-a/vm-a']);
  });

  it('an underlay NIC: up to the networks on it and their VMs', () => {
    const h = highlightFrom(graph, 'if:worker-0:ethernet:ens8');
    expect([...h.nodes]).toEqual(
      expect.arrayContaining([
        'if:worker-0:ovs-bridge:ovs-br1',
        'bm:worker-0:physnet-ext',
        'cudn:cudn-localnet',
        'vm:tenant-b/vm-local',
      ]),
    );
  });
});

describe('layoutGraph', () => {
  const g = viewGraph(buildTopologyGraph(manyTopology(1000, 6, 10)), { threshold: 1000 });
  const pos = layoutGraph(g);

  it('places every leaf, none on top of another', () => {
    const parents = new Set(g.nodes.map((n) => n.parent).filter(Boolean));
    const leaves = g.nodes.filter((n) => !parents.has(n.id));
    expect(leaves.every((n) => pos.has(n.id))).toBe(true);
    const cells = new Set([...pos.values()].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(cells.size).toBe(pos.size);
  });

  it('puts VMs above the networks and the underlay below', () => {
    const ys = (kind: string) => g.nodes.filter((n) => n.kind === kind).map((n) => pos.get(n.id)!.y);
    const vmMax = Math.max(...ys('VirtualMachine'));
    const netMin = Math.min(...ys('NetworkAttachmentDefinition'), ...ys('PodNetwork'));
    const netMax = Math.max(...ys('NetworkAttachmentDefinition'), ...ys('PodNetwork'));
    expect(vmMax).toBeLessThan(netMin);
    expect(Math.min(...ys('Ethernet'), ...ys('BridgeMapping'))).toBeGreaterThan(netMax);
  });

  it('is deterministic', () => {
    expect(layoutGraph(g)).toEqual(pos);
  });

  it('keeps the positions of elements that stay, and finds a free place for new ones', () => {
    const previous = new Map([...pos].map(([id, p]) => [id, { x: p.x + 5, y: p.y + 5 }]));
    const fresh = new Map(pos);
    fresh.set('vm:new', pos.get('vm:ns-0/vm-00000')!);
    const kept = keepPositions(fresh, previous);
    expect(kept.get('vm:ns-0/vm-00000')).toEqual(previous.get('vm:ns-0/vm-00000'));
    const placed = kept.get('vm:new')!;
    const clash = [...previous.values()].some(
      (p) => Math.abs(p.x - placed.x) < 20 && Math.abs(p.y - placed.y) < 20,
    );
    expect(clash).toBe(false);
  });
});
