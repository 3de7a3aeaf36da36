/**
 * The underlay of each Kubernetes node: NICs, bonds, VLANs, Linux and OVS bridges, OVN bridge mappings and SR-IOV
 * PFs, from NodeNetworkState (nmstate's report), SriovNetworkNodeState and the NNCPs with their enactments.
 * nmstate's interface types and port fields: nmstate's YAML API (kubernetes-nmstate
 * `api/shared/nodenetworkstate_types.go` carries the state as raw nmstate YAML).
 */
import type { K8sObject } from '../kube/meta';
import type { NMStateInterface, NodeNetworkConfigurationPolicy } from '../kube/networks';
import { isConditionTrue, getCondition } from '../kube/vm';
import { matchesLabels } from '../manifests/shared/check';
import type { PfOption } from '../manifests/shared/options';
import { bridgeMappingId, ifaceId, nodeId } from './ids';
import { problem, type DetailLabel } from './problems';
import type { GraphEdge, GraphNode, GraphNodeKind, TopologyInput } from './types';

/** nmstate interface types drawn on the graph; others (loopback, ovs-interface, veth, dummy…) are internal. */
const KIND_OF_TYPE: Record<string, GraphNodeKind> = {
  ethernet: 'Ethernet',
  bond: 'Bond',
  vlan: 'VLAN',
  'linux-bridge': 'LinuxBridge',
  'ovs-bridge': 'OVSBridge',
};

/** What the networks and VMs need to find on the underlay. */
export type UnderlayIndex = {
  /** Every Kubernetes node name known (Nodes, NodeNetworkStates, SR-IOV node states), sorted. */
  nodeNames: string[];
  /** Node name → labels (from Node objects; empty when Nodes are not readable). */
  nodeLabels: Map<string, Record<string, string>>;
  /** Linux bridge name → node → element id. */
  linuxBridges: Map<string, Map<string, string>>;
  /** OVS bridge `br-ex` per node (the default network's uplink). */
  brEx: Map<string, string>;
  /** OVN localnet name → bridge-mapping element ids (one per node that maps it). */
  bridgeMappings: Map<string, string[]>;
  /** SR-IOV PFs per node (for policy nicSelector matching), with their element ids. */
  pfs: Map<string, { option: PfOption; id: string }[]>;
  /** NodeNetworkStates were read (so "exists on no node" can be said). */
  haveNodeState: boolean;
};

type Sink = { nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> };

const addEdge = (sink: Sink, e: Omit<GraphEdge, 'id' | 'problems'> & { id?: string }) => {
  const id = e.id ?? `${e.kind}:${e.source}->${e.target}`;
  if (!sink.edges.has(id)) sink.edges.set(id, { ...e, id, problems: [] });
};

const ifaceDetails = (i: NMStateInterface): [DetailLabel, string][] => {
  const d: [DetailLabel, string][] = [['Type', i.type]];
  if (i.state) d.push(['State', i.state]);
  if (i.mtu !== undefined) d.push(['MTU', String(i.mtu)]);
  if (i['mac-address']) d.push(['MAC', i['mac-address']]);
  const ips = [...(i.ipv4?.address ?? []), ...(i.ipv6?.address ?? [])].map(
    (a) => `${a.ip}/${a['prefix-length']}`,
  );
  if (ips.length) d.push(['IPs', ips.join(', ')]);
  if (i.vlan) d.push(['VLAN', `${i.vlan['base-iface']} id ${i.vlan.id}`]);
  const agg = i['link-aggregation'];
  if (agg?.mode) d.push(['Bond mode', agg.mode]);
  const ports = agg?.port ?? agg?.slaves ?? i.bridge?.port?.map((p) => p.name);
  if (ports?.length) d.push(['Ports', ports.join(', ')]);
  const totalVfs = sriovTotalVfs(i);
  if (totalVfs) d.push(['SR-IOV VFs', String(totalVfs)]);
  return d;
};

const sriovTotalVfs = (i: NMStateInterface): number | undefined => {
  const eth = i.ethernet as { 'sr-iov'?: { 'total-vfs'?: number } } | undefined;
  return eth?.['sr-iov']?.['total-vfs'];
};

/** The lower interfaces an element sits on: bridge ports, bond members, a VLAN's base. */
const lowerNames = (i: NMStateInterface): string[] => {
  const agg = i['link-aggregation'];
  const names = [
    ...(i.bridge?.port?.map((p) => p.name) ?? []),
    ...(agg?.port ?? agg?.slaves ?? []),
    ...(i.vlan ? [i.vlan['base-iface']] : []),
  ];
  return names.filter((n) => n);
};

const labelsOf = (o: K8sObject): Record<string, string> => o.metadata.labels ?? {};

/** Nodes an NNCP selects (an empty selector selects every node). */
export const nncpNodes = (
  policy: NodeNetworkConfigurationPolicy,
  index: Pick<UnderlayIndex, 'nodeNames' | 'nodeLabels'>,
): string[] =>
  index.nodeNames.filter((n) => matchesLabels(policy.spec.nodeSelector ?? {}, index.nodeLabels.get(n)));

/** Adds Node groups, their elements and the port edges; returns the index the networks look things up in. */
export const buildUnderlay = (input: TopologyInput, sink: Sink): UnderlayIndex => {
  const index: UnderlayIndex = {
    nodeNames: [],
    nodeLabels: new Map(),
    linuxBridges: new Map(),
    brEx: new Map(),
    bridgeMappings: new Map(),
    pfs: new Map(),
    haveNodeState: input.nnses.length > 0,
  };
  const names = new Set<string>();
  for (const n of input.nodes) {
    names.add(n.metadata.name);
    index.nodeLabels.set(n.metadata.name, labelsOf(n));
  }
  for (const s of input.nnses) names.add(s.metadata.name);
  for (const s of input.sriovNodeStates) names.add(s.metadata.name);
  index.nodeNames = [...names].sort();

  for (const node of index.nodeNames) {
    sink.nodes.set(nodeId(node), {
      id: nodeId(node),
      kind: 'Node',
      name: node,
      node,
      problems: [],
      details: [],
    });
  }

  // Name → element ids on one node, for resolving ports (a name can be an OVS bridge and its internal port).
  const byName = new Map<string, Map<string, string[]>>();
  const addElement = (
    node: string,
    type: string,
    name: string,
    kind: GraphNodeKind,
    details: [DetailLabel, string][],
  ) => {
    const id = ifaceId(node, type, name);
    if (!sink.nodes.has(id)) {
      sink.nodes.set(id, { id, kind, name, node, parent: nodeId(node), problems: [], details });
      let names = byName.get(node);
      if (!names) byName.set(node, (names = new Map<string, string[]>()));
      names.set(name, [...(names.get(name) ?? []), id]);
    }
    return id;
  };

  const sriovPfNames = new Map<string, Set<string>>();
  for (const s of input.sriovNodeStates) {
    const node = s.metadata.name;
    for (const i of s.status?.interfaces ?? []) {
      if (!i.name || !(i.totalvfs ?? 0)) continue;
      let set = sriovPfNames.get(node);
      if (!set) sriovPfNames.set(node, (set = new Set()));
      set.add(i.name);
      const option: PfOption = {
        node,
        name: i.name,
        pciAddress: i.pciAddress,
        vendor: i.vendor,
        deviceID: i.deviceID,
      };
      const id = ifaceId(node, 'ethernet', i.name);
      index.pfs.set(node, [...(index.pfs.get(node) ?? []), { option, id }]);
    }
  }

  for (const s of input.nnses) {
    const node = s.metadata.name;
    const state = s.status?.currentState;
    const ifaces = (state?.interfaces ?? []).filter((i) => KIND_OF_TYPE[i.type]);
    for (const i of ifaces) {
      const pf =
        i.type === 'ethernet' && ((sriovTotalVfs(i) ?? 0) > 0 || sriovPfNames.get(node)?.has(i.name));
      const id = addElement(node, i.type, i.name, pf ? 'SriovPF' : KIND_OF_TYPE[i.type]!, ifaceDetails(i));
      if (i.type === 'linux-bridge') {
        let m = index.linuxBridges.get(i.name);
        if (!m) index.linuxBridges.set(i.name, (m = new Map<string, string>()));
        m.set(node, id);
      }
      if (i.type === 'ovs-bridge' && i.name === 'br-ex') index.brEx.set(node, id);
    }
    const resolve = (name: string, self: string): string | undefined =>
      byName
        .get(node)
        ?.get(name)
        ?.find((id) => id !== self);
    for (const i of ifaces) {
      const upper = ifaceId(node, i.type, i.name);
      for (const lower of lowerNames(i)) {
        const target = resolve(lower, upper);
        if (target) addEdge(sink, { source: upper, target, kind: 'port' });
      }
      // A port that names its controller (nmstate `controller`) but the controller lists no ports.
      if (i.controller) {
        const source = resolve(i.controller, upper);
        if (source) addEdge(sink, { source, target: upper, kind: 'port' });
      }
    }
    for (const m of state?.ovn?.['bridge-mappings'] ?? []) {
      if (m.state === 'absent') continue;
      const id = bridgeMappingId(node, m.localnet);
      sink.nodes.set(id, {
        id,
        kind: 'BridgeMapping',
        name: `${m.localnet} → ${m.bridge}`,
        node,
        parent: nodeId(node),
        problems: [],
        details: [
          ['Localnet', m.localnet],
          ['OVS bridge', m.bridge],
        ],
      });
      index.bridgeMappings.set(m.localnet, [...(index.bridgeMappings.get(m.localnet) ?? []), id]);
      const bridge = byName
        .get(node)
        ?.get(m.bridge)
        ?.find((x) => x === ifaceId(node, 'ovs-bridge', m.bridge));
      if (bridge) addEdge(sink, { source: id, target: bridge, kind: 'bridge-mapping' });
    }
  }

  // PFs the SR-IOV operator reports that nmstate did not (or nmstate is not installed).
  for (const [node, pfs] of index.pfs) {
    for (const { option } of pfs) {
      addElement(node, 'ethernet', option.name ?? option.pciAddress, 'SriovPF', [
        ['Type', 'SR-IOV PF'],
        ['PCI address', option.pciAddress],
      ]);
    }
  }

  addPolicyState(input, index, sink, byName);
  return index;
};

/** Marks what each NNCP configures and draws its failing / progressing enactments on those elements. */
const addPolicyState = (
  input: TopologyInput,
  index: UnderlayIndex,
  sink: Sink,
  byName: Map<string, Map<string, string[]>>,
) => {
  const enactments = new Map<string, (typeof input.enactments)[number]>();
  for (const e of input.enactments) {
    const node = e.metadata.labels?.['nmstate.io/node'];
    const policy = e.metadata.labels?.['nmstate.io/policy'];
    // Enactments are named `<node>.<policy>`; the labels say which is which even when names contain dots.
    if (node && policy) enactments.set(`${node}\n${policy}`, e);
  }
  for (const policy of input.nncps) {
    const pname = policy.metadata.name;
    const desired = policy.spec.desiredState;
    const targets = (node: string): GraphNode[] => {
      const ids = [
        ...(desired.interfaces ?? []).flatMap((i) => {
          const exact = ifaceId(node, i.type, i.name);
          return sink.nodes.has(exact) ? [exact] : (byName.get(node)?.get(i.name) ?? []);
        }),
        ...(desired.ovn?.['bridge-mappings'] ?? []).map((m) => bridgeMappingId(node, m.localnet)),
      ];
      return ids.flatMap((id) => sink.nodes.get(id) ?? []);
    };
    const nodes = new Set([
      ...nncpNodes(policy, index),
      ...input.enactments
        .filter((e) => e.metadata.labels?.['nmstate.io/policy'] === pname)
        .map((e) => e.metadata.labels?.['nmstate.io/node'] ?? ''),
    ]);
    for (const node of nodes) {
      if (!node || !sink.nodes.has(nodeId(node))) continue;
      const elements = targets(node);
      for (const el of elements) {
        const configured = el.details.find(([k]) => k === 'Configured by');
        if (configured) configured[1] = `${configured[1]}, ${pname}`;
        else el.details.push(['Configured by', pname]);
      }
      const e = enactments.get(`${node}\n${pname}`);
      if (!e) continue;
      const where = elements.length ? elements : [sink.nodes.get(nodeId(node))!];
      if (isConditionTrue(e, 'Failing')) {
        const message = getCondition(e, 'Failing')?.message ?? '';
        const p = problem('nncp-failing', { policy: pname, node, message: shorten(message) });
        for (const el of where) el.problems.push(p);
      } else if (isConditionTrue(e, 'Progressing')) {
        const p = problem('nncp-progressing', { policy: pname, node }, 'warning');
        for (const el of where) el.problems.push(p);
      }
    }
  }
};

/** nmstate's errors quote the whole nmstatectl output; the reason is at the end. */
const shorten = (s: string, max = 240): string => (s.length <= max ? s : `…${s.slice(s.length - max)}`);
