/** Fixture builders for the manifest tests (small objects, only the fields a test needs). */
import type { FieldIssue } from '../issues';
import type {
  NMStateInterface,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  SriovInterfaceStatus,
  SriovNetworkNodeState,
} from '../kube/networks';
import type { ClusterContext } from '../manifests/shared/context';

export const eth = (name: string, mtu = 1500, extra: Partial<NMStateInterface> = {}): NMStateInterface => ({
  name,
  type: 'ethernet',
  state: 'up',
  mtu,
  ...extra,
});

/** br-ex (OVS) with `uplink` as its port, like every OVN-Kubernetes node. */
export const brEx = (uplink = 'ens3', mtu = 1500): NMStateInterface[] => [
  { name: 'br-ex', type: 'ovs-bridge', state: 'up', bridge: { port: [{ name: uplink }, { name: 'br-ex' }] } },
  { name: 'br-ex', type: 'ovs-interface', state: 'up', mtu },
];

export const aNodeState = (node: string, interfaces: NMStateInterface[]): NodeNetworkState => ({
  apiVersion: 'nmstate.io/v1beta1',
  kind: 'NodeNetworkState',
  metadata: { name: node },
  status: { currentState: { interfaces } },
});

/** A worker with br-ex on ens3 (MTU 1500) and a free NIC ens4 (MTU 9000). */
export const aWorker = (node: string, extra: NMStateInterface[] = []): NodeNetworkState =>
  aNodeState(node, [...brEx('ens3'), eth('ens3'), eth('ens4', 9000), ...extra]);

export const anNNCP = (
  name: string,
  mappings: { localnet: string; bridge: string }[],
  interfaces: NMStateInterface[] = [],
): NodeNetworkConfigurationPolicy => ({
  apiVersion: 'nmstate.io/v1',
  kind: 'NodeNetworkConfigurationPolicy',
  metadata: { name },
  spec: {
    desiredState: {
      interfaces,
      ovn: { 'bridge-mappings': mappings.map((m) => ({ ...m, state: 'present' })) },
    },
  },
});

export const aPF = (
  name: string,
  totalvfs: number,
  extra: Partial<SriovInterfaceStatus> = {},
): SriovInterfaceStatus => ({
  pciAddress: `0000:3b:00.${name.slice(-1)}`,
  name,
  vendor: '8086',
  deviceID: '158b',
  totalvfs,
  mtu: 1500,
  ...extra,
});

export const aSriovState = (node: string, pfs: SriovInterfaceStatus[]): SriovNetworkNodeState => ({
  apiVersion: 'sriovnetwork.openshift.io/v1',
  kind: 'SriovNetworkNodeState',
  metadata: { name: node, namespace: 'openshift-sriov-network-operator' },
  status: { interfaces: pfs },
});

/** A dual-stack OpenShift cluster with the usual install-time ranges. */
export const aCluster = (over: Partial<ClusterContext> = {}): ClusterContext => ({
  ipFamilies: [4, 6],
  clusterNetworks: ['10.128.0.0/14', 'fd01::/48'],
  serviceNetworks: ['172.30.0.0/16', 'fd02::/112'],
  ...over,
});

/** `code@field` strings: compact and order-independent to compare in tables. */
export const codes = (issues: readonly FieldIssue[], severity?: FieldIssue['severity']): string[] =>
  issues
    .filter((i) => !severity || i.severity === severity)
    .map((i) => `${i.code}@${i.field}`)
    .sort();
