/**
 * NNCP rollout: per policy, where each selected node stands (from its NodeNetworkConfigurationEnactment), failing
 * nodes first with nmstate's message; and, per node, the current state of what the policy configures next to its
 * desired state, with what would change.
 *
 * Enactment conditions as kubernetes-nmstate writes them (`pkg/enactmentstatus/conditions/conditions.go`): types
 * Failing, Available, Progressing, Pending (waiting for maxUnavailable) and Aborted (another node failed first);
 * a progressing enactment has Progressing True and the others Unknown. Enactments carry the labels
 * `nmstate.io/node` and `nmstate.io/policy` (their names, `<node>.<policy>`, are ambiguous when names hold dots).
 */
import type { K8sObject } from '../kube/meta';
import type {
  NMStateInterface,
  NMStateState,
  NodeNetworkConfigurationEnactment,
  NodeNetworkConfigurationPolicy,
} from '../kube/networks';
import { getCondition } from '../kube/vm';
import { nncpNodes } from '../topology/underlay';

export type EnactmentState = 'Failing' | 'Aborted' | 'Progressing' | 'Pending' | 'Available' | 'Unknown';
/** A selected node without an enactment yet (the handler has not picked the policy up). */
export type NodeRolloutState = EnactmentState | 'NotStarted';

/** Worst first: the order rows are listed in. */
const ORDER: NodeRolloutState[] = [
  'Failing',
  'Aborted',
  'Progressing',
  'Pending',
  'Unknown',
  'NotStarted',
  'Available',
];

export type NodeRollout = {
  node: string;
  state: NodeRolloutState;
  reason?: string;
  /** The true condition's message (nmstate's error for a failing node). */
  message?: string;
  /** The node has an enactment but the policy's selector no longer selects it. */
  unselected: boolean;
};

export type PolicyRollout = {
  name: string;
  counts: Record<NodeRolloutState, number>;
  /** Worst state first, then node name. */
  nodes: NodeRollout[];
  /** The selector matches no node (and nodes are known): the policy does nothing. */
  matchesNoNode: boolean;
};

export const enactmentState = (e: NodeNetworkConfigurationEnactment): EnactmentState => {
  for (const type of ['Failing', 'Aborted', 'Progressing', 'Pending', 'Available'] as const) {
    if (getCondition(e, type)?.status === 'True') return type;
  }
  return 'Unknown';
};

const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** What nncpNodes needs, from the Node objects. */
export const nodeIndex = (nodes: readonly K8sObject[]) => ({
  nodeNames: nodes.map((n) => n.metadata.name).sort(natural),
  nodeLabels: new Map(nodes.map((n) => [n.metadata.name, n.metadata.labels ?? {}])),
});

export const policyRollout = (
  policy: NodeNetworkConfigurationPolicy,
  enactments: readonly NodeNetworkConfigurationEnactment[],
  index: ReturnType<typeof nodeIndex>,
): PolicyRollout => {
  const name = policy.metadata.name;
  const selected = new Set(nncpNodes(policy, index));
  const byNode = new Map<string, NodeNetworkConfigurationEnactment>();
  for (const e of enactments) {
    const node = e.metadata.labels?.['nmstate.io/node'];
    if (node && e.metadata.labels?.['nmstate.io/policy'] === name) byNode.set(node, e);
  }
  const nodes: NodeRollout[] = [...new Set([...selected, ...byNode.keys()])].map((node) => {
    const e = byNode.get(node);
    const unselected = !selected.has(node);
    if (!e) return { node, state: 'NotStarted', unselected };
    const state = enactmentState(e);
    const c = state === 'Unknown' ? undefined : getCondition(e, state);
    return { node, state, reason: c?.reason || undefined, message: c?.message || undefined, unselected };
  });
  nodes.sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || natural(a.node, b.node));
  const counts = Object.fromEntries(ORDER.map((s) => [s, 0])) as Record<NodeRolloutState, number>;
  for (const n of nodes) counts[n.state]++;
  return { name, counts, nodes, matchesNoNode: selected.size === 0 && index.nodeNames.length > 0 };
};

/** Every policy's rollout: policies with failing nodes first, then those still rolling out, then by name. */
export const rollouts = (
  policies: readonly NodeNetworkConfigurationPolicy[],
  enactments: readonly NodeNetworkConfigurationEnactment[],
  nodes: readonly K8sObject[],
): PolicyRollout[] => {
  const index = nodeIndex(nodes);
  const rank = (r: PolicyRollout) =>
    r.counts.Failing || r.counts.Aborted
      ? 0
      : r.matchesNoNode
        ? 1
        : r.counts.Progressing || r.counts.Pending || r.counts.NotStarted || r.counts.Unknown
          ? 2
          : 3;
  return policies
    .map((p) => policyRollout(p, enactments, index))
    .sort((a, b) => rank(a) - rank(b) || natural(a.name, b.name));
};

// --- desired vs current ----------------------------------------------------------------------------------------

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const scalar = (v: unknown): v is string | number | boolean | bigint =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint';

/** Whether what the policy asks for (d) already holds in the current state (c): every field d sets, c has. */
const holds = (d: unknown, c: unknown): boolean => {
  if (Array.isArray(d)) return Array.isArray(c) && d.every((x) => c.some((y) => holds(x, y)));
  if (isObj(d)) return (c === undefined || isObj(c)) && Object.entries(d).every(([k, v]) => holds(v, c?.[k]));
  if (d === null || d === undefined) return c === null || c === undefined;
  // A feature the policy turns off that the node does not report (`ipv4: {enabled: false}` on a bridge without
  // an ipv4 section, `stp: {enabled: false}`) is off already.
  if (d === false && c === undefined) return true;
  // nmstate reports MACs upper case and some options as numbers where policies write strings ("100").
  return scalar(d) && scalar(c) && String(d).toLowerCase() === String(c).toLowerCase();
};

/** The dotted paths of the fields whose desired value does not hold in c. */
const changedPaths = (d: unknown, c: unknown, prefix: string): string[] => {
  if (isObj(d) && isObj(c))
    return Object.entries(d).flatMap(([k, v]) => changedPaths(v, c[k], prefix ? `${prefix}.${k}` : k));
  return holds(d, c) ? [] : [prefix];
};

export type InterfaceChange =
  | { name: string; type: string; change: 'create' | 'remove' | 'none' }
  | { name: string; type: string; change: 'modify'; fields: string[] };

export type NodeComparison = {
  /** The current state of what the policy names: its interfaces and its OVN bridge mappings. */
  current: NMStateState;
  changes: InterfaceChange[];
  /** Bridge mappings (localnet → bridge) the policy adds, changes or removes. */
  mappingChanges: { localnet: string; change: 'create' | 'modify' | 'remove' }[];
};

const sameIface = (d: NMStateInterface) => (c: NMStateInterface) =>
  c.name === d.name && (!d.type || c.type === d.type);

/**
 * The node's current state of the interfaces and bridge mappings the policy's desired state names, and what
 * applying it would change there. A missing current state (no NodeNetworkState) makes everything a creation.
 */
export const compareWithCurrent = (
  desired: NMStateState,
  current: NMStateState | undefined,
): NodeComparison => {
  const now = (current?.interfaces ?? []).filter((i): boolean => isObj(i));
  const wanted = (desired.interfaces ?? []).filter((i): boolean => isObj(i));
  const found = wanted.map((d) => now.filter(sameIface(d)));
  const changes: InterfaceChange[] = wanted.map((d, i) => {
    const c = found[i]![0];
    const absent = d.state === 'absent';
    if (!c) return { name: d.name, type: d.type, change: absent ? 'none' : 'create' };
    if (absent) return { name: d.name, type: d.type, change: 'remove' };
    const rest = Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'name' && k !== 'type'));
    const fields = changedPaths(rest, c, '');
    return fields.length
      ? { name: d.name, type: d.type, change: 'modify', fields }
      : { name: d.name, type: d.type, change: 'none' };
  });
  const nowMappings = current?.ovn?.['bridge-mappings'] ?? [];
  const wantedMappings = desired.ovn?.['bridge-mappings'] ?? [];
  const mappingChanges: NodeComparison['mappingChanges'] = wantedMappings.flatMap(
    (m): NodeComparison['mappingChanges'] => {
      const c = nowMappings.find((x) => x.localnet === m.localnet && x.state !== 'absent');
      if (m.state === 'absent') return c ? [{ localnet: m.localnet, change: 'remove' }] : [];
      if (!c) return [{ localnet: m.localnet, change: 'create' }];
      return c.bridge === m.bridge ? [] : [{ localnet: m.localnet, change: 'modify' }];
    },
  );
  const mappings = nowMappings.filter((x) => wantedMappings.some((m) => m.localnet === x.localnet));
  return {
    current: {
      interfaces: found.flat(),
      ...(wantedMappings.length ? { ovn: { 'bridge-mappings': mappings } } : {}),
    },
    changes,
    mappingChanges,
  };
};
