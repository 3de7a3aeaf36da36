/**
 * Network nodes (pod network, UDNs, CUDNs, SR-IOV networks, NADs) and their edges down to the underlay, with the
 * problems that can be seen from the cluster's own objects:
 * - localnet: OVN-Kubernetes maps a localnet network to an OVS bridge through the node's `ovn-bridge-mappings`;
 *   the physical network name defaults to the network name (ovn-kubernetes
 *   `go-controller/pkg/util/multi_network.go`, `PhysicalNetworkName`).
 * - Linux bridge: the bridge CNI plugin attaches to an existing bridge on the node the VM runs on (kubevirt
 *   bridge-marker exposes each bridge as a node resource `bridge.network.kubevirt.io/<bridge>`).
 * - SR-IOV: a SriovNetwork's `resourceName` must be provided by a SriovNetworkNodePolicy that selects nodes and PFs
 *   (sriov-network-operator `api/v1/sriovnetworknodepolicy_types.go`).
 */
import type {
  ClusterUserDefinedNetwork,
  NetworkAttachmentDefinition,
  SriovNetwork,
  UserDefinedNetwork,
} from '../kube/networks';
import { parseCniConfig } from '../kube/networks';
import { matchesLabels, matchesSelector } from '../manifests/shared/check';
import { pfMatches } from '../manifests/sriov/sriov';
import { nadTypeOf, type NadType } from '../interfaces/nadTypes';
import { cudnId, ifaceId, nadId, nodeId, POD_NETWORK_ID, sriovNetworkId, udnId } from './ids';
import { problem, type DetailLabel } from './problems';
import type { GraphEdge, GraphNode, NetworkFlavor, TopologyInput } from './types';
import type { UnderlayIndex } from './underlay';

type Sink = { nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> };

/** What the VM side needs: NAD reference → network node, and each namespace's primary network. */
export type NetworkIndex = {
  /** `<namespace>/<name>` of every readable NAD → the network node that stands for it. */
  byNadRef: Map<string, string>;
  /** Namespace → its primary network node (a UDN or CUDN, or the NAD OVN-K wrote for it). */
  primaryOf: Map<string, string>;
};

const FLAVOR_OF_NAD: Record<NadType, NetworkFlavor> = {
  bridge: 'linux-bridge',
  'ovn-layer2': 'ovn-layer2',
  'ovn-layer3': 'ovn-layer3',
  'ovn-localnet': 'ovn-localnet',
  'ovn-primary': 'primary-udn',
  sriov: 'sriov',
  other: 'other',
};

const addEdge = (sink: Sink, e: Omit<GraphEdge, 'id' | 'problems'>): GraphEdge => {
  const id = `${e.kind}:${e.source}->${e.target}`;
  let edge = sink.edges.get(id);
  if (!edge) sink.edges.set(id, (edge = { ...e, id, problems: [] }));
  return edge;
};

const topologyFlavor = (topology: string | undefined, primary: boolean): NetworkFlavor => {
  if (primary) return 'primary-udn';
  switch (topology) {
    case 'Layer3':
      return 'ovn-layer3';
    case 'Localnet':
      return 'ovn-localnet';
    default:
      return 'ovn-layer2';
  }
};

const udnNode = (u: UserDefinedNetwork): GraphNode => {
  const cfg = u.spec.topology === 'Layer3' ? u.spec.layer3 : u.spec.layer2;
  const primary = cfg?.role === 'Primary';
  const subnets = (cfg?.subnets ?? []).map((s) => (typeof s === 'string' ? s : s.cidr));
  const ns = u.metadata.namespace ?? '';
  return {
    id: udnId(ns, u.metadata.name),
    kind: 'UserDefinedNetwork',
    name: u.metadata.name,
    namespace: ns,
    flavor: topologyFlavor(u.spec.topology, primary),
    primary,
    problems: [],
    details: [
      ['Topology', u.spec.topology],
      ['Role', cfg?.role ?? ''],
      ...(subnets.length ? [['Subnets', subnets.join(', ')] as [DetailLabel, string]] : []),
    ],
  };
};

const cudnConfig = (c: ClusterUserDefinedNetwork) =>
  c.spec.network.topology === 'Layer3'
    ? c.spec.network.layer3
    : c.spec.network.topology === 'Localnet'
      ? c.spec.network.localnet
      : c.spec.network.layer2;

const cudnNode = (c: ClusterUserDefinedNetwork, namespaces: string[]): GraphNode => {
  const cfg = cudnConfig(c);
  const primary = cfg?.role === 'Primary';
  const subnets = (cfg?.subnets ?? []).map((s) => (typeof s === 'string' ? s : s.cidr));
  const localnet = c.spec.network.localnet;
  return {
    id: cudnId(c.metadata.name),
    kind: 'ClusterUserDefinedNetwork',
    name: c.metadata.name,
    flavor: topologyFlavor(c.spec.network.topology, primary),
    primary,
    problems: [],
    details: [
      ['Topology', c.spec.network.topology],
      ['Role', cfg?.role ?? ''],
      ...(subnets.length ? [['Subnets', subnets.join(', ')] as [DetailLabel, string]] : []),
      ...(localnet ? [['Physical network', localnet.physicalNetworkName] as [DetailLabel, string]] : []),
      ...(localnet?.vlan?.access?.id
        ? [['VLAN', String(localnet.vlan.access.id)] as [DetailLabel, string]]
        : []),
      ['Namespaces', namespaces.join(', ')],
    ],
  };
};

/** `sriovnetwork.openshift.io/owner-ref: SriovNetwork.sriovnetwork.openshift.io/<namespace>/<name>` on rendered NADs. */
const sriovOwner = (nad: NetworkAttachmentDefinition): { namespace: string; name: string } | undefined => {
  const ref = nad.metadata.annotations?.['sriovnetwork.openshift.io/owner-ref'];
  const m = ref ? /^SriovNetwork\.sriovnetwork\.openshift\.io\/([^/]+)\/([^/]+)$/.exec(ref) : null;
  return m ? { namespace: m[1]!, name: m[2]! } : undefined;
};

/** The SR-IOV resource a NAD asks for (`k8s.v1.cni.cncf.io/resourceName: openshift.io/<resource>`). */
const nadResource = (nad: NetworkAttachmentDefinition): string | undefined =>
  nad.metadata.annotations?.['k8s.v1.cni.cncf.io/resourceName']?.split('/').pop();

export const buildNetworks = (input: TopologyInput, underlay: UnderlayIndex, sink: Sink): NetworkIndex => {
  const index: NetworkIndex = { byNadRef: new Map(), primaryOf: new Map() };
  const unreadable = new Set(input.unreadable ?? []);
  const put = (n: GraphNode) => {
    sink.nodes.set(n.id, n);
    return n;
  };
  put({
    id: POD_NETWORK_ID,
    kind: 'PodNetwork',
    name: 'Pod network',
    flavor: 'pod',
    primary: true,
    filterKeys: ['pod'],
    problems: [],
    details: [],
  });
  for (const id of underlay.brEx.values())
    addEdge(sink, { source: POD_NETWORK_ID, target: id, kind: 'underlay' });

  for (const u of input.udns) {
    const n = put(udnNode(u));
    if (n.primary && n.namespace) index.primaryOf.set(n.namespace, n.id);
  }

  const nsLabels = new Map(input.namespaces.map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
  const cudnByName = new Map<string, ClusterUserDefinedNetwork>();
  const localnets: { id: string; physnet: string }[] = [];
  for (const c of input.cudns) {
    cudnByName.set(c.metadata.name, c);
    const selected = [...nsLabels]
      .filter(([, labels]) => matchesSelector(c.spec.namespaceSelector ?? {}, labels))
      .map(([ns]) => ns)
      .sort();
    const n = put(cudnNode(c, selected));
    if (n.primary) for (const ns of selected) if (!index.primaryOf.has(ns)) index.primaryOf.set(ns, n.id);
    const physnet = c.spec.network.localnet?.physicalNetworkName;
    if (physnet) localnets.push({ id: n.id, physnet });
  }

  const sriovResources: { id: string; resource: string; namespace?: string }[] = [];
  for (const s of input.sriovNetworks) {
    const ns = s.metadata.namespace ?? '';
    const n = put(sriovNetworkNode(s));
    sriovResources.push({ id: n.id, resource: s.spec.resourceName, namespace: ns });
  }

  const bridges: { id: string; bridge: string; vlan?: number }[] = [];
  for (const nad of input.nads) {
    const ns = nad.metadata.namespace ?? '';
    const ref = `${ns}/${nad.metadata.name}`;
    const owner = nad.metadata.ownerReferences?.find(
      (o) => o.kind === 'UserDefinedNetwork' || o.kind === 'ClusterUserDefinedNetwork',
    );
    const type = nadTypeOf(nad);
    if (owner?.kind === 'UserDefinedNetwork' && sink.nodes.has(udnId(ns, owner.name))) {
      index.byNadRef.set(ref, udnId(ns, owner.name));
      continue;
    }
    if (owner?.kind === 'ClusterUserDefinedNetwork' && cudnByName.has(owner.name)) {
      const id = cudnId(owner.name);
      index.byNadRef.set(ref, id);
      if (type === 'ovn-primary' && !index.primaryOf.has(ns)) index.primaryOf.set(ns, id);
      continue;
    }
    const so = sriovOwner(nad);
    if (so && sink.nodes.has(sriovNetworkId(so.namespace, so.name))) {
      index.byNadRef.set(ref, sriovNetworkId(so.namespace, so.name));
      continue;
    }
    // A plain NAD, or one whose owner the user cannot read (a tenant and a CUDN): the NAD stands for the network.
    const cfg = parseCniConfig(nad);
    const id = nadId(ns, nad.metadata.name);
    const details: [DetailLabel, string][] = [['CNI type', String(cfg?.type ?? 'unknown')]];
    if (cfg?.topology) details.push(['Topology', String(cfg.topology)]);
    if (cfg?.subnets) details.push(['Subnets', String(cfg.subnets)]);
    if (cfg?.bridge) details.push(['Bridge', String(cfg.bridge)]);
    const vlan = cfg?.vlan ?? cfg?.vlanID;
    if (vlan !== undefined && vlan !== 0) details.push(['VLAN', String(vlan)]);
    if (owner) details.push(['Generated by', `${owner.kind} ${owner.name}`]);
    put({
      id,
      kind: 'NetworkAttachmentDefinition',
      name: nad.metadata.name,
      namespace: ns,
      flavor: FLAVOR_OF_NAD[type],
      primary: type === 'ovn-primary',
      problems: [],
      details,
    });
    index.byNadRef.set(ref, id);
    if (type === 'ovn-primary' && !index.primaryOf.has(ns)) index.primaryOf.set(ns, id);
    if (owner) continue; // its underlay is drawn from the owner, which the user cannot read
    if (type === 'ovn-localnet') {
      // OVN-K: physicalNetworkName defaults to the network name (the CNI config's `name`).
      const physnet = cfg?.physicalNetworkName || cfg?.name;
      if (physnet) localnets.push({ id, physnet: String(physnet) });
    } else if (type === 'bridge' && cfg?.bridge) {
      bridges.push({
        id,
        bridge: String(cfg.bridge),
        vlan: typeof cfg.vlan === 'number' ? cfg.vlan : undefined,
      });
    } else if (type === 'sriov' && !so) {
      const resource = nadResource(nad);
      if (resource) sriovResources.push({ id, resource });
    }
  }

  if (!unreadable.has('nnses')) {
    for (const { id, physnet } of localnets) linkLocalnet(sink, underlay, id, physnet);
    for (const b of bridges) linkBridge(sink, underlay, b);
  }
  if (!unreadable.has('sriovPolicies')) {
    for (const r of sriovResources) linkSriov(input, sink, underlay, r, !unreadable.has('nodes'));
  }
  for (const [ref, id] of index.byNadRef) {
    const n = sink.nodes.get(id)!;
    n.filterKeys = [...(n.filterKeys ?? []), ref];
  }
  for (const id of new Set(index.primaryOf.values())) {
    const n = sink.nodes.get(id)!;
    // The VM networks page shows a primary network's pod interfaces as "primary-udn".
    n.filterKeys = ['primary-udn', ...(n.filterKeys ?? [])];
  }
  return index;
};

const sriovNetworkNode = (s: SriovNetwork): GraphNode => {
  const ns = s.metadata.namespace ?? '';
  const d: [DetailLabel, string][] = [['Resource', s.spec.resourceName]];
  if (s.spec.networkNamespace) d.push(['Target namespace', s.spec.networkNamespace]);
  if (s.spec.vlan) d.push(['VLAN', String(s.spec.vlan)]);
  return {
    id: sriovNetworkId(ns, s.metadata.name),
    kind: 'SriovNetwork',
    name: s.metadata.name,
    namespace: ns,
    flavor: 'sriov',
    problems: [],
    details: d,
  };
};

const linkLocalnet = (sink: Sink, underlay: UnderlayIndex, id: string, physnet: string) => {
  const mappings = underlay.bridgeMappings.get(physnet) ?? [];
  for (const m of mappings) addEdge(sink, { source: id, target: m, kind: 'underlay' });
  if (!mappings.length && underlay.haveNodeState) {
    sink.nodes.get(id)!.problems.push(problem('no-bridge-mapping', { physnet }));
  }
};

const linkBridge = (
  sink: Sink,
  underlay: UnderlayIndex,
  b: { id: string; bridge: string; vlan?: number },
) => {
  if (!underlay.haveNodeState) return;
  const on = underlay.linuxBridges.get(b.bridge) ?? new Map<string, string>();
  const label = b.vlan ? `VLAN ${b.vlan}` : undefined;
  for (const target of on.values()) addEdge(sink, { source: b.id, target, kind: 'underlay', label });
  const net = sink.nodes.get(b.id)!;
  if (!on.size) {
    net.problems.push(problem('bridge-on-no-node', { bridge: b.bridge }));
    return;
  }
  const missing = underlay.nodeNames.filter((n) => !on.has(n));
  if (missing.length) {
    const nodes = missing.length > 3 ? `${missing.slice(0, 3).join(', ')}, …` : missing.join(', ');
    net.problems.push(
      problem(
        'bridge-on-some-nodes',
        { bridge: b.bridge, missing: missing.length, total: underlay.nodeNames.length, nodes },
        'warning',
      ),
    );
  }
  // Drawn on each node that lacks it, too: a ghost bridge there, reached by the network's line, with the reason.
  for (const node of missing) {
    const here = problem('bridge-missing-here', { bridge: b.bridge, node }, 'warning');
    const id = ifaceId(node, 'linux-bridge', b.bridge);
    if (!sink.nodes.has(id)) {
      sink.nodes.set(id, {
        id,
        kind: 'LinuxBridge',
        name: b.bridge,
        node,
        parent: nodeId(node),
        missing: true,
        problems: [here],
        details: [
          ['Type', 'linux-bridge'],
          ['State', 'absent'],
        ],
      });
    }
    const edge = addEdge(sink, { source: b.id, target: id, kind: 'underlay', label });
    if (!edge.problems.length) edge.problems.push(here);
  }
};

const linkSriov = (
  input: TopologyInput,
  sink: Sink,
  underlay: UnderlayIndex,
  r: { id: string; resource: string; namespace?: string },
  nodesReadable: boolean,
) => {
  const net = sink.nodes.get(r.id)!;
  // Policies and SriovNetworks both live in the operator's namespace; a NAD written by hand names only the resource.
  const policies = input.sriovPolicies.filter(
    (p) => p.spec.resourceName === r.resource && (!r.namespace || p.metadata.namespace === r.namespace),
  );
  if (!policies.length) {
    net.problems.push(problem('sriov-no-policy', { resource: r.resource }));
    return;
  }
  if (!nodesReadable) return;
  for (const p of policies) {
    const nodes = underlay.nodeNames.filter(
      (n) =>
        underlay.nodeLabels.has(n) && matchesLabels(p.spec.nodeSelector ?? {}, underlay.nodeLabels.get(n)),
    );
    if (!nodes.length) {
      net.problems.push(problem('sriov-policy-no-node', { policy: p.metadata.name }));
      continue;
    }
    for (const node of nodes) {
      for (const pf of underlay.pfs.get(node) ?? []) {
        if (pfMatches(pf.option, p.spec.nicSelector ?? {})) {
          addEdge(sink, { source: r.id, target: pf.id, kind: 'underlay', label: p.metadata.name });
        }
      }
    }
  }
};
