/**
 * The network topology graph as plain data: what `buildTopologyGraph` returns and the page draws. No React, no
 * cytoscape: the view hands these nodes and edges to cytoscape with positions from `layoutGraph`.
 */
import type { K8sObject } from '../kube/meta';
import type {
  ClusterUserDefinedNetwork,
  NetworkAttachmentDefinition,
  NodeNetworkConfigurationEnactment,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  SriovNetwork,
  SriovNetworkNodePolicy,
  SriovNetworkNodeState,
  UserDefinedNetwork,
} from '../kube/networks';
import type { VM, VMI } from '../kube/vm';
import type { DetailLabel, TopologyProblem } from './problems';

export type GraphNodeKind =
  | 'PodNetwork'
  | 'UserDefinedNetwork'
  | 'ClusterUserDefinedNetwork'
  | 'NetworkAttachmentDefinition'
  | 'SriovNetwork'
  | 'Namespace'
  | 'VirtualMachine'
  | 'VMGroup'
  | 'Node'
  | 'BridgeMapping'
  | 'OVSBridge'
  | 'LinuxBridge'
  | 'Bond'
  | 'VLAN'
  | 'Ethernet'
  | 'SriovPF';

/** Network kinds a user filters by (the "network kind" filter and the legend). */
export type NetworkFlavor =
  'pod' | 'primary-udn' | 'ovn-layer2' | 'ovn-layer3' | 'ovn-localnet' | 'linux-bridge' | 'sriov' | 'other';

/** Network kinds in the order the legend, the filter and the layout use. */
export const NETWORK_FLAVORS: readonly NetworkFlavor[] = [
  'pod',
  'primary-udn',
  'ovn-layer2',
  'ovn-layer3',
  'ovn-localnet',
  'linux-bridge',
  'sriov',
  'other',
];

export type GraphNode = {
  /** Unique in the graph; stable across rebuilds for the same object. */
  id: string;
  kind: GraphNodeKind;
  name: string;
  namespace?: string;
  /** The Kubernetes node an underlay element sits on, or the node a running VM runs on. */
  node?: string;
  /** Compound parent: a Namespace for VMs and VM groups, a Node for underlay elements. */
  parent?: string;
  problems: TopologyProblem[];
  /** Networks: what kind of network it is (for filters, legend and colour). */
  flavor?: NetworkFlavor;
  /** Networks: a primary network (replaces the pod network in the namespaces that use it). */
  primary?: boolean;
  /** Networks: referenced by a VM but not found (or not readable). Drawn as a ghost. */
  missing?: boolean;
  /** Networks: the keys the VM networks page filters its rows by (`pod`, `primary-udn`, `<ns>/<nad>`). */
  filterKeys?: string[];
  /** Namespaces: isolated by a primary UDN or CUDN (no pod-network access). */
  isolated?: boolean;
  /** VM groups: how many VMs it stands for. */
  count?: number;
  /**
   * Shared underlay (made by `viewGraph`): one element standing for the element of this kind and name on each of
   * these Kubernetes nodes, so many networks reach many nodes through it (see `bundleUnderlay`).
   */
  nodes?: string[];
  /** Short facts for the side panel and the table view, already in display order (label → value). */
  details: [DetailLabel, string][];
};

export type GraphEdgeKind =
  /** A VM interface: VM → network. */
  | 'interface'
  /** A namespace's primary network: Namespace → pod network, UDN or CUDN. */
  | 'primary-network'
  /** A network rides on an underlay element: network → bridge mapping, Linux bridge or SR-IOV PF. */
  | 'underlay'
  /** A bridge mapping names its OVS bridge. */
  | 'bridge-mapping'
  /** A port, bond member or VLAN base inside one node: upper → lower. */
  | 'port';

export type GraphEdge = {
  /** Unique in the graph. */
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  /** Interface edges: `name` and the IPs; other edges: a short note (a VLAN id). */
  label?: string;
  problems: TopologyProblem[];
  /** Interface edges: waiting to be hot-plugged or hot-unplugged (drawn dashed). */
  pending?: 'hotplug' | 'unplug';
  /** Interface edges: the VM interface name. */
  interfaceName?: string;
  /** Interface edges: IPs reported for the interface (may be the VMI status's own list: never change it). */
  ips?: readonly string[];
};

export type TopologyGraph = { nodes: GraphNode[]; edges: GraphEdge[] };

/** Raw Kubernetes objects the graph is built from; any of them may be empty (not installed, not readable). */
export type TopologyInput = {
  /** Namespaces the user can read (their objects; labels are used for CUDN selectors). */
  namespaces: readonly K8sObject[];
  nodes: readonly K8sObject[];
  vms: readonly VM[];
  vmis: readonly VMI[];
  nads: readonly NetworkAttachmentDefinition[];
  udns: readonly UserDefinedNetwork[];
  cudns: readonly ClusterUserDefinedNetwork[];
  nncps: readonly NodeNetworkConfigurationPolicy[];
  nnses: readonly NodeNetworkState[];
  enactments: readonly NodeNetworkConfigurationEnactment[];
  sriovNetworks: readonly SriovNetwork[];
  sriovPolicies: readonly SriovNetworkNodePolicy[];
  sriovNodeStates: readonly SriovNetworkNodeState[];
  /**
   * Lists the user may not read (a tenant and the cluster-scoped kinds). Checks that depend on them are skipped
   * rather than reported as problems: "no bridge on any node" is only said when the node states were read.
   */
  unreadable?: readonly UnreadableInput[];
};

export type UnreadableInput = Exclude<keyof TopologyInput, 'unreadable'>;
