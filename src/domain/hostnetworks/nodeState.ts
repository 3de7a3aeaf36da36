/**
 * Node network state as rows: every interface nmstate reports on every node (NodeNetworkState
 * `status.currentState`), flattened to what an admin compares across nodes. Field names follow nmstate's YAML API
 * (nmstate.io docs "Interface" and "LLDP"; kubernetes-nmstate `api/shared/nodenetworkstate_types.go` carries the
 * state as raw nmstate YAML), so anything missing or of the wrong shape is shown as absent, never trusted.
 */
import type { NMStateInterface, NodeNetworkState } from '../kube/networks';
import { ifaceId, nodeId } from '../topology/ids';

export type LldpNeighbour = { system?: string; port?: string; chassis?: string };

export type HostInterfaceRow = {
  /** The element id on the topology graph (`if:<node>:<type>:<name>`). */
  id: string;
  node: string;
  name: string;
  type: string;
  state: string;
  mtu?: number;
  mac?: string;
  ipv4: string[];
  ipv6: string[];
  bondMode?: string;
  bondPorts: string[];
  bridgePorts: string[];
  vlan?: { base: string; id: number };
  /** The bridge or bond this interface is a port of. */
  controller?: string;
  /** OVN localnets mapped to this OVS bridge (ovn.bridge-mappings). */
  bridgeMappings: string[];
  /** SR-IOV PF: VFs configured (`total-vfs`) and VFs reported. */
  sriov?: { totalVfs: number; vfs: number };
  lldp: LldpNeighbour[];
  /** Whether the topology graph draws this interface (others link to the node only). */
  onGraph: boolean;
};

/** nmstate types the topology graph draws (src/domain/topology/underlay.ts KIND_OF_TYPE). */
const GRAPH_TYPES = new Set(['ethernet', 'bond', 'vlan', 'linux-bridge', 'ovs-bridge']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const addresses = (family: unknown): string[] =>
  arr(rec(family).address).flatMap((a) => {
    const ip = str(rec(a).ip);
    const prefix = num(rec(a)['prefix-length']);
    return ip ? [prefix === undefined ? ip : `${ip}/${prefix}`] : [];
  });

/** nmstate LLDP neighbours: a list per neighbour of TLVs (system-name, port-id, chassis-id). */
const lldpNeighbours = (i: NMStateInterface): LldpNeighbour[] =>
  arr(rec(i.lldp).neighbors).flatMap((tlvs) => {
    const n: LldpNeighbour = {};
    for (const tlv of arr(tlvs).map(rec)) {
      n.system ??= str(tlv['system-name']);
      n.port ??= str(tlv['port-id']);
      n.chassis ??= str(tlv['chassis-id']);
    }
    return n.system || n.port || n.chassis ? [n] : [];
  });

const sriovOf = (i: NMStateInterface): HostInterfaceRow['sriov'] => {
  const s = rec(rec(i.ethernet)['sr-iov']);
  const totalVfs = num(s['total-vfs']);
  return totalVfs ? { totalVfs, vfs: arr(s.vfs).length } : undefined;
};

const names = (v: unknown): string[] => arr(v).flatMap((x) => str(x) ?? []);

const rowOf = (node: string, i: NMStateInterface, mappings: Map<string, string[]>): HostInterfaceRow => {
  const agg = rec(i['link-aggregation']);
  const vlan = rec(i.vlan);
  const base = str(vlan['base-iface']);
  const vid = num(vlan.id);
  const type = str(i.type) ?? 'unknown';
  const name = str(i.name) ?? '';
  return {
    id: ifaceId(node, type, name),
    node,
    name,
    type,
    state: str(i.state) ?? 'unknown',
    mtu: num(i.mtu),
    mac: str(i['mac-address']),
    ipv4: addresses(i.ipv4),
    ipv6: addresses(i.ipv6),
    bondMode: str(agg.mode),
    bondPorts: [...names(agg.port), ...names(agg.slaves)],
    bridgePorts: arr(rec(i.bridge).port).flatMap((p) => str(rec(p).name) ?? []),
    vlan: base && vid !== undefined ? { base, id: vid } : undefined,
    controller: str(i.controller),
    bridgeMappings: type === 'ovs-bridge' ? (mappings.get(name) ?? []) : [],
    sriov: sriovOf(i),
    lldp: lldpNeighbours(i),
    onGraph: GRAPH_TYPES.has(type),
  };
};

/**
 * One collator each, made once: `localeCompare` with options builds a collator per call, which made sorting 10,000
 * rows take about half a second (bench/node-state).
 */
const natural = new Intl.Collator('en', { numeric: true });
const plain = new Intl.Collator();

/** Every interface of every node, sorted by node then name then type. */
export const nodeStateRows = (states: readonly NodeNetworkState[]): HostInterfaceRow[] => {
  const rows: HostInterfaceRow[] = [];
  for (const s of states) {
    const node = s.metadata.name;
    const current = s.status?.currentState;
    const mappings = new Map<string, string[]>();
    for (const m of arr(current?.ovn?.['bridge-mappings']).map(rec)) {
      const bridge = str(m.bridge);
      const localnet = str(m.localnet);
      if (!bridge || !localnet || m.state === 'absent') continue;
      mappings.set(bridge, [...(mappings.get(bridge) ?? []), localnet]);
    }
    for (const i of arr(current?.interfaces)) {
      const iface = rec(i) as NMStateInterface;
      if (str(iface.name)) rows.push(rowOf(node, iface, mappings));
    }
  }
  return rows.sort(
    (a, b) =>
      natural.compare(a.node, b.node) || natural.compare(a.name, b.name) || plain.compare(a.type, b.type),
  );
};

export type NodeStateFilters = { nodes: string[]; types: string[]; states: string[]; search: string };

/** Hex digits of a MAC in any notation (52:54:00…, 52-54-00…, 5254.00…), lower case; '' for anything else. */
const macDigits = (s: string): string => {
  const d = s.toLowerCase().replace(/[:.-]/g, '');
  return /^[0-9a-f]+$/.test(d) ? d : '';
};

/** Each row's searchable texts, lower case, made on its first search (rows are immutable once built). */
const keys = new WeakMap<HostInterfaceRow, { name: string; mac: string; ips: string[] }>();
const keysOf = (row: HostInterfaceRow) => {
  let k = keys.get(row);
  if (!k) {
    k = {
      name: row.name.toLowerCase(),
      mac: row.mac ? macDigits(row.mac) : '',
      ips: [...row.ipv4, ...row.ipv6].map((ip) => ip.toLowerCase()),
    };
    keys.set(row, k);
  }
  return k;
};

/** Whether a row matches the search text: a part of its name, its MAC (any notation) or one of its IPs. */
export const matchesSearch = (row: HostInterfaceRow, search: string): boolean => {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  return matchesQuery(keysOf(row), q, macDigits(q));
};

const matchesQuery = (k: ReturnType<typeof keysOf>, q: string, mac: string): boolean =>
  k.name.includes(q) || (mac.length >= 2 && k.mac.includes(mac)) || k.ips.some((ip) => ip.includes(q));

export const filterRows = (
  rows: readonly HostInterfaceRow[],
  f: NodeStateFilters,
): readonly HostInterfaceRow[] => {
  if (!f.nodes.length && !f.types.length && !f.states.length && !f.search.trim()) return rows;
  const nodes = new Set(f.nodes);
  const types = new Set(f.types);
  const states = new Set(f.states);
  const q = f.search.trim().toLowerCase();
  const mac = macDigits(q);
  return rows.filter(
    (r) =>
      (!nodes.size || nodes.has(r.node)) &&
      (!types.size || types.has(r.type)) &&
      (!states.size || states.has(r.state)) &&
      (!q || matchesQuery(keysOf(r), q, mac)),
  );
};

/** The distinct values of a field, sorted, for the filter menus. */
export const distinct = (rows: readonly HostInterfaceRow[], field: 'node' | 'type' | 'state'): string[] =>
  [...new Set(rows.map((r) => r[field]))].sort(natural.compare);

/**
 * The topology page showing this interface: filtered to its node, with the interface selected (an interface the
 * graph does not draw selects the node). Every part is URL-encoded: names come from the cluster.
 */
export const topologyHref = (row: Pick<HostInterfaceRow, 'node' | 'id' | 'onGraph'>): string => {
  const p = new URLSearchParams();
  p.set('node', row.node);
  p.set('sel', row.onGraph ? row.id : nodeId(row.node));
  return `/vm-network-topology/all-namespaces?${p.toString()}`;
};
