/**
 * What the page shows of a topology graph: filters (namespace, network kind, node), namespaces with many VMs
 * collapsed into one counted group, search, and the path highlighted from a clicked element. Pure functions over
 * `TopologyGraph`, linear in its size.
 */
import { groupedNamespaces, mergeProblems, VMGroups } from './groups';
import { cmp } from './ids';
import type { GraphEdge, GraphNode, NetworkFlavor, TopologyGraph } from './types';

export type ViewOptions = {
  /** Only these namespaces' VMs (empty: all). */
  namespaces?: readonly string[];
  /** Only networks of these kinds, and the VMs attached to them (empty: all). */
  flavors?: readonly NetworkFlavor[];
  /** Only these nodes' underlay, and the VMs running there (empty: all). */
  nodes?: readonly string[];
  /** A namespace with more VMs than this is drawn as one group… */
  threshold: number;
  /** …unless the user expanded it. */
  expanded?: ReadonlySet<string>;
};

export const NETWORK_KINDS: ReadonlySet<GraphNode['kind']> = new Set([
  'PodNetwork',
  'UserDefinedNetwork',
  'ClusterUserDefinedNetwork',
  'NetworkAttachmentDefinition',
  'SriovNetwork',
]);
export const UNDERLAY_KINDS: ReadonlySet<GraphNode['kind']> = new Set([
  'BridgeMapping',
  'OVSBridge',
  'LinuxBridge',
  'Bond',
  'VLAN',
  'Ethernet',
  'SriovPF',
]);
export const isNetwork = (n: GraphNode): boolean => NETWORK_KINDS.has(n.kind);
export const isUnderlay = (n: GraphNode): boolean => UNDERLAY_KINDS.has(n.kind);
const isVM = (n: GraphNode): boolean => n.kind === 'VirtualMachine';

type Adjacency = { out: Map<string, GraphEdge[]>; in: Map<string, GraphEdge[]> };

export const adjacency = (g: TopologyGraph): Adjacency => {
  const out = new Map<string, GraphEdge[]>();
  const inc = new Map<string, GraphEdge[]>();
  for (const e of g.edges) {
    let o = out.get(e.source);
    if (!o) out.set(e.source, (o = []));
    o.push(e);
    let i = inc.get(e.target);
    if (!i) inc.set(e.target, (i = []));
    i.push(e);
  }
  return { out, in: inc };
};

const DOWN: ReadonlySet<GraphEdge['kind']> = new Set(['underlay', 'bridge-mapping', 'port']);

/** Everything below `start` on the underlay (networks → mappings → bridges → bonds → NICs). */
const walkDown = (
  adj: Adjacency,
  start: Iterable<string>,
  nodes: Set<string>,
  edges?: Set<string>,
  onNode?: (id: string) => boolean,
) => {
  const stack = [...start];
  while (stack.length) {
    const id = stack.pop()!;
    for (const e of adj.out.get(id) ?? []) {
      if (!DOWN.has(e.kind) || (onNode && !onNode(e.target))) continue;
      edges?.add(e.id);
      if (!nodes.has(e.target)) {
        nodes.add(e.target);
        stack.push(e.target);
      }
    }
  }
};

/** The graph as the page draws it: filtered, then large namespaces collapsed. */
export const viewGraph = (g: TopologyGraph, o: ViewOptions): TopologyGraph => {
  const nsFilter = o.namespaces?.length ? new Set(o.namespaces) : undefined;
  const flavorFilter = o.flavors?.length ? new Set(o.flavors) : undefined;
  const nodeFilter = o.nodes?.length ? new Set(o.nodes) : undefined;
  const collapsed = (f: TopologyGraph) => bundleUnderlay(collapse(f, o.threshold, o.expanded ?? new Set()));
  // Unfiltered (the page's default): every node stays (VMs, namespaces, all networks, all underlay), and so does
  // every edge between two of them; no adjacency to build.
  if (!nsFilter && !flavorFilter && !nodeFilter) return collapsed(withinNodes(g));
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const adj = adjacency(g);
  const networkPasses = (n: GraphNode) => !flavorFilter || flavorFilter.has(n.flavor ?? 'other');

  const keep = new Set<string>();
  for (const n of g.nodes) {
    if (!isVM(n)) continue;
    if (nsFilter && !nsFilter.has(n.namespace ?? '')) continue;
    if (nodeFilter && !(n.node && nodeFilter.has(n.node))) continue;
    if (flavorFilter && !(adj.out.get(n.id) ?? []).some((e) => networkPasses(byId.get(e.target)!))) continue;
    keep.add(n.id);
  }
  const keptNetworks = new Set<string>();
  for (const id of keep) {
    for (const e of adj.out.get(id) ?? []) if (networkPasses(byId.get(e.target)!)) keptNetworks.add(e.target);
  }
  const withVMs = new Set<string>();
  for (const id of keep) withVMs.add(byId.get(id)!.parent ?? '');
  for (const n of g.nodes) {
    if (n.kind !== 'Namespace' || (nsFilter && !nsFilter.has(n.name))) continue;
    const primary = (adj.out.get(n.id) ?? []).find((e) => e.kind === 'primary-network');
    const primaryNode = primary && byId.get(primary.target);
    const primaryPasses = !!primaryNode && networkPasses(primaryNode);
    // A namespace stays when its VMs do, or (no node chosen) when its primary network is of a chosen kind.
    if (withVMs.has(n.id) || (!nodeFilter && (!flavorFilter || primaryPasses))) {
      keep.add(n.id);
      if (primaryPasses) keptNetworks.add(primaryNode.id);
    }
  }
  for (const n of g.nodes) {
    if (!isNetwork(n) || !networkPasses(n)) continue;
    // Unfiltered (or filtered by kind only), networks no VM uses are shown too: they exist and can be used.
    if (
      keptNetworks.has(n.id) ||
      (!nsFilter && !nodeFilter) ||
      (nsFilter && n.namespace && nsFilter.has(n.namespace))
    ) {
      keptNetworks.add(n.id);
    }
  }
  for (const id of keptNetworks) keep.add(id);

  // The underlay: everything (on the chosen nodes) when no namespace or kind is chosen, else what the kept
  // networks ride on.
  const onNodes = (id: string) => {
    const n = byId.get(id)!;
    return !nodeFilter || !n.node || nodeFilter.has(n.node);
  };
  if (!nsFilter && !flavorFilter) {
    for (const n of g.nodes) if ((isUnderlay(n) || n.kind === 'Node') && onNodes(n.id)) keep.add(n.id);
  } else {
    const below = new Set<string>();
    walkDown(adj, keptNetworks, below, undefined, onNodes);
    for (const id of below) {
      keep.add(id);
      const parent = byId.get(id)!.parent;
      if (parent) keep.add(parent);
    }
  }

  const nodes = g.nodes.filter((n) => keep.has(n.id));
  const edges = g.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  return collapsed({ nodes, edges });
};

/** The graph without edges whose ends are not among its nodes (the same lists when there are none). */
export const withinNodes = (g: TopologyGraph): TopologyGraph => {
  const ids = new Set<string>();
  for (const n of g.nodes) ids.add(n.id);
  const dangling = (e: GraphEdge) => !ids.has(e.source) || !ids.has(e.target);
  return g.edges.some(dangling) ? { nodes: g.nodes, edges: g.edges.filter((e) => !dangling(e)) } : g;
};

/** Id of a shared underlay element (`bundleUnderlay`); `#2`, `#3`… when one name has several node sets. */
export const sharedId = (kind: string, name: string, nth = 1): string =>
  `shared:${kind}:${name}${nth > 1 ? `#${nth}` : ''}`;

/**
 * Network → underlay lines grow as networks × nodes: every Linux-bridge NAD reaches br1 on each node, every
 * localnet network the bridge mapping on each node (3,020 of 3,480 edges at 5,000 VMs and 20 nodes). Networks
 * that reach the same elements — one kind and name, on the same nodes — reach them through one shared element
 * instead: network → shared element (one line per network), shared element → the element on each node (one line
 * per node). A path is unchanged: network → shared → element on node N exactly when the network rode on that
 * element, and the per-node lines keep their problems (a bridge missing on one node is a ghost on that node,
 * reached with a warning). Done only where it at least halves the lines (n networks × t nodes > 2 (n + t)), so
 * a small cluster keeps its direct lines. Linear in the edges (plus sorting the groups).
 */
export const bundleUnderlay = (g: TopologyGraph): TopologyGraph => {
  // Underlay lines run from networks to underlay elements: VMs (most of the nodes) are never looked up.
  const byId = new Map<string, GraphNode>();
  for (const n of g.nodes) if (!isVM(n)) byId.set(n.id, n);
  // Per network and target kind + name: the targets it reaches and its edges to them.
  const perNet = new Map<
    string,
    { net: string; kind: GraphNode['kind']; name: string; edges: GraphEdge[] }
  >();
  for (const e of g.edges) {
    if (e.kind !== 'underlay') continue;
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target || !isNetwork(source) || !target.node) continue;
    const k = `${e.source}\n${target.kind}\n${target.name}`;
    let p = perNet.get(k);
    if (!p) perNet.set(k, (p = { net: e.source, kind: target.kind, name: target.name, edges: [] }));
    p.edges.push(e);
  }
  // Networks reaching the same set of targets share one element.
  type Group = { kind: GraphNode['kind']; name: string; targets: string[]; members: GraphEdge[][] };
  const groups = new Map<string, Group>();
  for (const p of perNet.values()) {
    const targets = p.edges.map((e) => e.target).sort();
    const k = `${p.kind}\n${p.name}\n${targets.join('\n')}`;
    let grp = groups.get(k);
    if (!grp) groups.set(k, (grp = { kind: p.kind, name: p.name, targets, members: [] }));
    grp.members.push(p.edges);
  }
  const bundled = [...groups.values()]
    .filter((grp) => {
      const n = grp.members.length;
      const t = grp.targets.length;
      return n * t > 2 * (n + t);
    })
    // Stable ids: per kind and name, the group with the most networks first, then by its targets.
    .sort(
      (a, b) =>
        cmp(a.kind, b.kind) ||
        cmp(a.name, b.name) ||
        b.members.length - a.members.length ||
        cmp(a.targets.join(' '), b.targets.join(' ')),
    );
  if (!bundled.length) return g;

  const replaced = new Set<GraphEdge>();
  const nodes = [...g.nodes];
  const edges: GraphEdge[] = [];
  let nth = 0;
  let last = '';
  for (const grp of bundled) {
    const key = `${grp.kind}\n${grp.name}`;
    nth = key === last ? nth + 1 : 1;
    last = key;
    const id = sharedId(grp.kind, grp.name, nth);
    const onNodes = grp.targets.map((t) => byId.get(t)!.node!);
    nodes.push({
      id,
      kind: grp.kind,
      name: grp.name,
      nodes: onNodes,
      problems: [],
      details: [['Nodes', onNodes.join(', ')]],
    });
    // Network → shared: one line, labelled as its lines were (a VLAN, a policy) when they all said the same.
    for (const list of grp.members) {
      for (const e of list) replaced.add(e);
      const labels = [...new Set(list.map((e) => e.label ?? ''))].filter(Boolean);
      edges.push({
        id: `underlay:${list[0]!.source}->${id}`,
        source: list[0]!.source,
        target: id,
        kind: 'underlay',
        label: labels.length ? labels.join(', ') : undefined,
        problems: [],
      });
    }
    // Shared → each node's element, with the problems the networks' lines to it had.
    for (const target of grp.targets) {
      const lines = grp.members.map((list) => list.find((e) => e.target === target)!);
      edges.push({
        id: `underlay:${id}->${target}`,
        source: id,
        target,
        kind: 'underlay',
        problems: mergeProblems(lines.map((e) => e.problems)),
      });
    }
  }
  return { nodes, edges: [...g.edges.filter((e) => !replaced.has(e)), ...edges] };
};

/** Namespaces with more than `threshold` VMs (and not expanded) become one VMGroup each (groups.ts). */
export const collapse = (
  g: TopologyGraph,
  threshold: number,
  expanded: ReadonlySet<string>,
): TopologyGraph => {
  const counts = new Map<string, number>();
  for (const n of g.nodes)
    if (isVM(n)) counts.set(n.namespace ?? '', (counts.get(n.namespace ?? '') ?? 0) + 1);
  const grouped = groupedNamespaces(counts, threshold, expanded);
  if (!grouped.size) return g;
  const groups = new VMGroups();
  // VM id → its namespace, for the VMs that go into a group.
  const groupOf = new Map<string, string>();
  const nodes: GraphNode[] = [];
  for (const n of g.nodes) {
    const ns = n.namespace ?? '';
    if (isVM(n) && grouped.has(ns)) {
      groups.addVM(ns, n.problems);
      groupOf.set(n.id, ns);
    } else nodes.push(n);
  }
  // Edges in their order; a group's edge to a network where its first member was.
  const edges: GraphEdge[] = [];
  for (const e of g.edges) {
    const ns = groupOf.get(e.source);
    if (ns === undefined) edges.push(e);
    else {
      const merged = groups.addEdge(ns, e);
      if (merged) edges.push(merged);
    }
  }
  nodes.push(...groups.finish().nodes);
  return { nodes, edges };
};

/** VMs in a graph or view: VM nodes, and the VMs a group stands for. */
export const countVMs = (g: TopologyGraph): number => {
  let count = 0;
  for (const n of g.nodes)
    count += n.kind === 'VirtualMachine' ? 1 : n.kind === 'VMGroup' ? (n.count ?? 0) : 0;
  return count;
};

/** Ids of nodes matching a search: VM and network names (also `namespace/name`), then IPs on VM interfaces. */
export const searchGraph = (g: TopologyGraph, query: string, max = 50): string[] => {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const exact: string[] = [];
  const partial: string[] = [];
  for (const n of g.nodes) {
    if (!isVM(n) && !isNetwork(n) && n.kind !== 'VMGroup') continue;
    const name = n.name.toLowerCase();
    const full = n.namespace ? `${n.namespace}/${n.name}`.toLowerCase() : name;
    if (name === q || full === q) exact.push(n.id);
    else if (full.includes(q)) partial.push(n.id);
  }
  if (exact.length + partial.length === 0) {
    for (const e of g.edges) if (e.ips?.some((ip) => ip.toLowerCase() === q)) exact.push(e.source);
  }
  return [...new Set([...exact, ...partial])].slice(0, max);
};

export type Highlight = { nodes: Set<string>; edges: Set<string> };

/**
 * The path through `id`: for a VM (or group), its interfaces, their networks and what those ride on, on the
 * VM's own node when it runs; for a network, its VMs, the namespaces it is primary for and its underlay; for an
 * underlay element, what sits above it up to the VMs and what it sits on.
 */
export const highlightFrom = (g: TopologyGraph, id: string): Highlight => {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const adj = adjacency(g);
  const nodes = new Set<string>([id]);
  const edges = new Set<string>();
  const start = byId.get(id);
  if (!start) return { nodes, edges };
  const upToVMs = (net: string) => {
    for (const e of adj.in.get(net) ?? []) {
      if (e.kind !== 'interface' && e.kind !== 'primary-network') continue;
      edges.add(e.id);
      nodes.add(e.source);
    }
  };
  if (start.kind === 'VirtualMachine' || start.kind === 'VMGroup') {
    const host = start.node;
    const networks: string[] = [];
    for (const e of adj.out.get(id) ?? []) {
      edges.add(e.id);
      nodes.add(e.target);
      networks.push(e.target);
    }
    walkDown(
      adj,
      networks,
      nodes,
      edges,
      (t) => !host || byId.get(t)?.node === undefined || byId.get(t)?.node === host,
    );
  } else if (isNetwork(start)) {
    upToVMs(id);
    walkDown(adj, [id], nodes, edges);
  } else if (start.kind === 'Namespace') {
    for (const e of adj.out.get(id) ?? []) {
      edges.add(e.id);
      nodes.add(e.target);
    }
    for (const e of adj.in.get(id) ?? []) nodes.add(e.source);
  } else {
    // Underlay: up through ports and mappings to the networks, and their VMs; down to the wire.
    const stack = [id];
    while (stack.length) {
      const cur = stack.pop()!;
      for (const e of adj.in.get(cur) ?? []) {
        if (!DOWN.has(e.kind) || nodes.has(e.source)) continue;
        edges.add(e.id);
        nodes.add(e.source);
        if (isNetwork(byId.get(e.source)!)) upToVMs(e.source);
        else stack.push(e.source);
      }
    }
    walkDown(adj, [id], nodes, edges);
  }
  return { nodes, edges };
};
