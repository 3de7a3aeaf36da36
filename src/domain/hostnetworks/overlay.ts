/**
 * A draft NNCP's blast radius as an overlay on the topology graph (issue #16, point 3): the topology element ids of
 * what it touches (its interfaces and their ports on each selected node, its bridge mappings) and of what rides on
 * them (networks, SR-IOV networks' NADs, VMs), carried in the topology page's URL (`hl`, repeatable), and the
 * highlight set those ids make on a (filtered, grouped) view of the graph. Ids follow src/domain/topology/ids.ts.
 */
import type { NMStateState } from '../kube/networks';
import { bridgeMappingId, cudnId, ifaceId, nadId, nodeId, vmGroupId, vmId } from '../topology/ids';
import type { TopologyGraph } from '../topology/types';
import type { Highlight } from '../topology/view';
import type { BlastRadius } from './blastRadius';

/** At most this many VMs go into the URL (running on the policy's nodes first, as the blast radius sorts them). */
export const OVERLAY_MAX_VMS = 100;

export const overlayIds = (
  radius: BlastRadius,
  desired: NMStateState,
  nodes: readonly string[],
  current: ReadonlyMap<string, NMStateState | undefined>,
): string[] => {
  const ids: string[] = [];
  const names = new Set<string>();
  for (const i of desired.interfaces ?? []) {
    if (!i || typeof i.name !== 'string') continue;
    names.add(i.name);
    for (const p of i.bridge?.port ?? []) names.add(p.name);
    for (const p of i['link-aggregation']?.port ?? i['link-aggregation']?.slaves ?? []) names.add(p);
    if (i.vlan?.['base-iface']) names.add(i.vlan['base-iface']);
  }
  for (const r of radius.removals) if (r.change === 'port-taken') names.add(r.what);
  for (const node of nodes) {
    ids.push(nodeId(node));
    // The graph keys an interface by its nmstate type: take it from what the node reports (br-ex is both an OVS
    // bridge and an OVS interface), else from the draft.
    const reported = new Map<string, string[]>();
    for (const i of current.get(node)?.interfaces ?? [])
      reported.set(i.name, [...(reported.get(i.name) ?? []), i.type]);
    const drafted = new Map((desired.interfaces ?? []).map((i) => [i.name, i.type]));
    for (const name of names) {
      const types = reported.get(name) ?? [drafted.get(name)];
      for (const type of types) if (type) ids.push(ifaceId(node, type, name));
    }
    for (const m of radius.bridgeMappings) ids.push(bridgeMappingId(node, m.localnet));
  }
  for (const n of radius.networks) {
    if (n.kind === 'ClusterUserDefinedNetwork') ids.push(cudnId(n.name));
    else if (n.kind === 'NetworkAttachmentDefinition') ids.push(nadId(n.namespace ?? '', n.name));
  }
  for (const v of radius.vms.slice(0, OVERLAY_MAX_VMS)) ids.push(vmId(v.namespace, v.name));
  return [...new Set(ids)];
};

/** The topology page, all namespaces, with `ids` highlighted. Every id is URL-encoded: names come from the cluster. */
export const overlayHref = (ids: readonly string[]): string => {
  const p = new URLSearchParams();
  for (const id of ids) p.append('hl', id);
  return `/vm-network-topology/all-namespaces?${p.toString()}`;
};

/**
 * The highlight the ids make on a view: the ids the view draws (a VM of a namespace drawn as one group lights its
 * group), and every edge between two highlighted elements.
 */
export const overlayHighlight = (g: TopologyGraph, ids: readonly string[]): Highlight => {
  const present = new Set(g.nodes.map((n) => n.id));
  const nodes = new Set<string>();
  for (const id of ids) {
    if (present.has(id)) nodes.add(id);
    else if (id.startsWith('vm:')) {
      const ns = id.slice(3, id.indexOf('/'));
      if (present.has(vmGroupId(ns))) nodes.add(vmGroupId(ns));
    }
  }
  const edges = new Set(g.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target)).map((e) => e.id));
  return { nodes, edges };
};
