/**
 * Network resource shapes: only the fields the plugin reads or writes, from the upstream CRDs in
 * /work/shared/crds (see SOURCES.md for the commits). API objects carry more fields.
 */
import type { Condition, K8sObject } from './meta';

export type LabelSelectorRequirement = {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
};
export type LabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
};

/** k8s.cni.cncf.io/v1: `spec.config` is a CNI JSON document in a string. */
export type NetworkAttachmentDefinition = K8sObject & { spec?: { config?: string } };

/** The CNI config fields we read from a NAD (ovn-k8s-cni-overlay, bridge/cnv-bridge, sriov). */
export type CNIConfig = {
  cniVersion?: string;
  name?: string;
  type?: string;
  // ovn-k8s-cni-overlay
  topology?: 'layer2' | 'layer3' | 'localnet' | string;
  netAttachDefName?: string;
  role?: 'primary' | 'secondary' | string;
  /** Comma-separated CIDRs (Layer3 entries may carry "/hostSubnet" as "10.0.0.0/16/24"). */
  subnets?: string;
  excludeSubnets?: string;
  joinSubnet?: string;
  mtu?: number | string;
  vlanID?: number | string;
  physicalNetworkName?: string;
  allowPersistentIPs?: boolean;
  // bridge / cnv-bridge
  bridge?: string;
  vlan?: number;
  macspoofchk?: boolean;
  preserveDefaultVlan?: boolean;
  ipam?: Record<string, unknown>;
  [field: string]: unknown;
};

/** A NAD's CNI config (spec.config JSON), or undefined when it is missing or not a JSON object. */
export const parseCniConfig = (nad: NetworkAttachmentDefinition): CNIConfig | undefined => {
  try {
    const value: unknown = JSON.parse(nad.spec?.config ?? '');
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as CNIConfig)
      : undefined;
  } catch {
    return undefined;
  }
};

export type UDNRole = 'Primary' | 'Secondary';
export type UDNTopology = 'Layer2' | 'Layer3' | 'Localnet';
export type IPAMConfig = { mode?: 'Enabled' | 'Disabled'; lifecycle?: 'Persistent' };

export type Layer2Config = {
  role: UDNRole;
  mtu?: number;
  subnets?: string[];
  joinSubnets?: string[];
  ipam?: IPAMConfig;
  reservedSubnets?: string[];
  infrastructureSubnets?: string[];
  defaultGatewayIPs?: string[];
};

export type Layer3Subnet = { cidr: string; hostSubnet?: number };
export type Layer3Config = { role: UDNRole; mtu?: number; subnets: Layer3Subnet[]; joinSubnets?: string[] };

export type LocalnetConfig = {
  role: 'Secondary';
  physicalNetworkName: string;
  mtu?: number;
  subnets?: string[];
  excludeSubnets?: string[];
  ipam?: IPAMConfig;
  vlan?: { mode: 'Access'; access?: { id: number } };
};

/** k8s.ovn.org/v1 UserDefinedNetwork (namespaced; no Localnet). */
export type UserDefinedNetworkSpec = {
  topology: 'Layer2' | 'Layer3';
  layer2?: Layer2Config;
  layer3?: Layer3Config;
};
export type UserDefinedNetwork = K8sObject & {
  spec: UserDefinedNetworkSpec;
  status?: { conditions?: Condition[] };
};

/** k8s.ovn.org/v1 ClusterUserDefinedNetwork (cluster-scoped). */
export type ClusterUserDefinedNetworkSpec = {
  namespaceSelector: LabelSelector;
  network: {
    topology: UDNTopology;
    layer2?: Layer2Config;
    layer3?: Layer3Config;
    localnet?: LocalnetConfig;
    transport?: string;
  };
};
export type ClusterUserDefinedNetwork = K8sObject & {
  spec: ClusterUserDefinedNetworkSpec;
  status?: { conditions?: Condition[] };
};

/** nmstate interface entry (`desiredState.interfaces[]` / `currentState.interfaces[]`), partial. */
export type NMStateInterface = {
  name: string;
  type: string;
  state?: 'up' | 'down' | 'absent' | 'ignore' | string;
  mtu?: number;
  'mac-address'?: string;
  ipv4?: { enabled?: boolean; address?: { ip: string; 'prefix-length': number }[]; dhcp?: boolean };
  ipv6?: {
    enabled?: boolean;
    address?: { ip: string; 'prefix-length': number }[];
    dhcp?: boolean;
    autoconf?: boolean;
  };
  bridge?: {
    options?: Record<string, unknown>;
    port?: { name: string; vlan?: Record<string, unknown> }[];
    'allow-extra-patch-ports'?: boolean;
  };
  'link-aggregation'?: {
    mode?: string;
    options?: Record<string, unknown>;
    port?: string[];
    slaves?: string[];
  };
  vlan?: { 'base-iface': string; id: number };
  controller?: string;
  [field: string]: unknown;
};

export type BridgeMapping = { localnet: string; bridge: string; state?: 'present' | 'absent' };

export type NMStateState = {
  interfaces?: NMStateInterface[];
  ovn?: { 'bridge-mappings'?: BridgeMapping[] };
  routes?: { config?: Record<string, unknown>[]; running?: Record<string, unknown>[] };
  [field: string]: unknown;
};

/** nmstate.io/v1 NodeNetworkConfigurationPolicy (cluster-scoped). */
export type NodeNetworkConfigurationPolicy = K8sObject & {
  spec: {
    nodeSelector?: Record<string, string>;
    maxUnavailable?: number | string;
    desiredState: NMStateState;
  };
  status?: { conditions?: Condition[] };
};

/** nmstate.io/v1beta1 NodeNetworkState: one per node, named after the node. */
export type NodeNetworkState = K8sObject & {
  status?: { currentState?: NMStateState; conditions?: Condition[]; lastSuccessfulUpdateTime?: string };
};

/** nmstate.io/v1beta1 NodeNetworkConfigurationEnactment: one per (node, policy), named `<node>.<policy>`. */
export type NodeNetworkConfigurationEnactment = K8sObject & {
  status?: { conditions?: Condition[]; desiredState?: NMStateState; policyGeneration?: number };
};

export type SriovNicSelector = {
  vendor?: string;
  deviceID?: string;
  pfNames?: string[];
  rootDevices?: string[];
  netFilter?: string;
};

/** sriovnetwork.openshift.io/v1 SriovNetworkNodePolicy (in the operator namespace). */
export type SriovNetworkNodePolicy = K8sObject & {
  spec: {
    resourceName: string;
    nodeSelector: Record<string, string>;
    numVfs: number;
    nicSelector: SriovNicSelector;
    priority?: number;
    mtu?: number;
    deviceType?: 'netdevice' | 'vfio-pci';
    isRdma?: boolean;
    linkType?: 'eth' | 'ETH' | 'ib' | 'IB';
    needVhostNet?: boolean;
    eSwitchMode?: 'legacy' | 'switchdev';
    excludeTopology?: boolean;
  };
};

/** sriovnetwork.openshift.io/v1 SriovNetwork: the operator renders a NAD in `networkNamespace`. */
export type SriovNetwork = K8sObject & {
  spec: {
    resourceName: string;
    networkNamespace?: string;
    vlan?: number;
    vlanQoS?: number;
    spoofChk?: 'on' | 'off';
    trust?: 'on' | 'off';
    linkState?: 'auto' | 'enable' | 'disable';
    maxTxRate?: number;
    minTxRate?: number;
    ipam?: string;
    capabilities?: string;
    metaPlugins?: string;
  };
};

export type SriovVF = {
  pciAddress: string;
  vfID: number;
  name?: string;
  mtu?: number;
  driver?: string;
  mac?: string;
};

export type SriovInterfaceStatus = {
  pciAddress: string;
  name?: string;
  vendor?: string;
  deviceID?: string;
  driver?: string;
  mtu?: number;
  numVfs?: number;
  totalvfs?: number;
  linkType?: string;
  linkSpeed?: string;
  eSwitchMode?: string;
  externallyManaged?: boolean;
  Vfs?: SriovVF[];
};

/** sriovnetwork.openshift.io/v1 SriovNetworkNodeState: one per node, named after the node. */
export type SriovNetworkNodeState = K8sObject & {
  status?: { interfaces?: SriovInterfaceStatus[]; syncStatus?: string; lastSyncError?: string };
};

export type Node = K8sObject;
export type Namespace = K8sObject;
