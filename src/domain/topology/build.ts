/**
 * `buildTopologyGraph`: every VM the user can read, its networks and the underlay they ride on, as plain nodes
 * and edges with the problems found on the way. Linear in the number of objects (plus one sort for a stable
 * order, so the same input gives the same graph whatever order the watches delivered it in).
 */
import { buildNetworks } from './networks';
import type { GraphEdge, GraphNode, TopologyGraph, TopologyInput } from './types';
import { buildUnderlay } from './underlay';
import { buildVMs } from './vms';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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
