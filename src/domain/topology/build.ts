/**
 * `buildTopologyGraph`: every VM the user can read, its networks and the underlay they ride on, as plain nodes
 * and edges with the problems found on the way. Linear in the number of objects (plus one sort for a stable
 * order, so the same input gives the same graph whatever order the watches delivered it in).
 *
 * `buildDefaultView`: what the page draws when nothing is filtered, without the full graph first (see there).
 */
import { byId, cmp } from './ids';
import { buildNetworks } from './networks';
import type { GraphEdge, GraphNode, TopologyGraph, TopologyInput } from './types';
import { buildUnderlay } from './underlay';
import { bundleUnderlay, withinNodes } from './view';
import { buildVMs } from './vms';

export const buildTopologyGraph = (input: TopologyInput): TopologyGraph => {
  const sink = { nodes: new Map<string, GraphNode>(), edges: new Map<string, GraphEdge>() };
  const underlay = buildUnderlay(input, sink);
  const networks = buildNetworks(input, underlay, sink);
  const vms = buildVMs(input, networks, sink);
  // Most of the graph (VMs, interface edges) arrives in id order already: the sort then merges a few runs.
  return {
    nodes: [...sink.nodes.values(), ...vms.nodes].sort(byId),
    edges: [...sink.edges.values(), ...vms.edges].sort(byId),
  };
};

/**
 * The page's unfiltered view: exactly `viewGraph(buildTopologyGraph(input), { threshold, expanded })` (view.ts;
 * build.test.ts holds them equal, order included), made without the nodes and edges of the VMs that go into
 * groups: those VMs join their group as they are read (groups.ts). At 5,000 VMs in 50 namespaces every VM is in a
 * group, so the page's first paint skips 20,000 objects it would build only to merge them away. Filters, search of
 * hidden VMs and the table need the full graph; the page builds it when they are used.
 */
export const buildDefaultView = (
  input: TopologyInput,
  threshold: number,
  expanded: ReadonlySet<string>,
): TopologyGraph => {
  const sink = { nodes: new Map<string, GraphNode>(), edges: new Map<string, GraphEdge>() };
  const underlay = buildUnderlay(input, sink);
  const networks = buildNetworks(input, underlay, sink);
  const vms = buildVMs(input, networks, sink, { threshold, expanded });
  const groups = vms.groups!.finish();
  // `collapse` keeps the graph's edge order and puts a group's edge where its first member was.
  const edges: [string, GraphEdge][] = [];
  for (const e of sink.edges.values()) edges.push([e.id, e]);
  for (const e of vms.edges) edges.push([e.id, e]);
  for (const { edge, first } of groups.edges) edges.push([first, edge]);
  const graph = {
    nodes: [...[...sink.nodes.values(), ...vms.nodes].sort(byId), ...groups.nodes],
    edges: edges.sort((a, b) => cmp(a[0], b[0])).map(([, e]) => e),
  };
  return bundleUnderlay(withinNodes(graph));
};
