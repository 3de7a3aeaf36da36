// Networks as users and operators write them: NADs of each kind, a primary UDN, CUDNs, SR-IOV networks, MetalLB.
import type { KubeObject } from '../../support/k8s';
import { obj, ownerRef } from './kinds';
import { SRIOV_NS } from './nodes';
import { SEED_TIME as NOW } from './time';

const UDN_LABEL = { 'k8s.ovn.org/user-defined-network': '' };

export const PRIMARY_UDN = {
  namespace: 'tenant-a',
  name: 'primary-udn',
  subnets: ['10.100.0.0/16', '2001:db8:a::/60'],
};

export const nad = (
  namespace: string,
  name: string,
  config: Record<string, unknown>,
  meta: Partial<KubeObject['metadata']> = {},
) =>
  obj('NetworkAttachmentDefinition', {
    metadata: { name, namespace, ...meta },
    spec: { config: JSON.stringify(config) },
  });

const layer2 = (namespace: string, name: string, subnets: string) =>
  nad(namespace, name, {
    cniVersion: '0.3.1',
    name,
    type: 'ovn-k8s-cni-overlay',
    topology: 'layer2',
    netAttachDefName: `${namespace}/${name}`,
    subnets,
  });

export const linuxBridge = (
  namespace: string,
  name: string,
  type: 'cnv-bridge' | 'bridge',
  bridge: string,
  vlan: number,
) =>
  nad(
    namespace,
    name,
    {
      cniVersion: '0.3.1',
      name,
      type,
      bridge,
      vlan,
      macspoofchk: true,
      ipam: {},
      preserveDefaultVlan: false,
    },
    // The annotation lets the bridge-marker schedule VMs only where the bridge exists.
    { annotations: { 'k8s.v1.cni.cncf.io/resourceName': `bridge.network.kubevirt.io/${bridge}` } },
  );

/** NADs users write by hand (the NADs operators generate come from the builders further down). */
export const buildUserNads = (): KubeObject[] => [
  layer2('default', 'l2-overlay', '10.200.0.0/16'),
  layer2('tenant-a-dev', 'dev-l2', '10.201.0.0/16'),
  layer2('tenant-b', 'tenant-b-l2', '10.202.0.0/16'),
  linuxBridge('default', 'br1-vlan100', 'cnv-bridge', 'br1', 100),
  linuxBridge('tenant-b', 'bridge-vlan20', 'bridge', 'br1', 20),
  linuxBridge('tenant-a-dev', 'dev-vlan30', 'cnv-bridge', 'br1', 30),
  // A localnet NAD's `name` is the localnet of an OVN bridge mapping (see the NNCPs and NodeNetworkStates).
  nad('default', 'localnet-physnet', {
    cniVersion: '0.3.1',
    name: 'physnet',
    type: 'ovn-k8s-cni-overlay',
    topology: 'localnet',
    netAttachDefName: 'default/localnet-physnet',
    vlanID: 200,
    subnets: '192.168.200.0/24',
    excludeSubnets: '192.168.200.1/32',
  }),
];

const networkCreated = (message: string) => ({
  type: 'NetworkCreated',
  status: 'True',
  reason: 'NetworkAttachmentDefinitionCreated',
  message,
  lastTransitionTime: NOW,
});

export const buildPrimaryUdn = (): KubeObject =>
  obj('UserDefinedNetwork', {
    metadata: { name: PRIMARY_UDN.name, namespace: PRIMARY_UDN.namespace },
    spec: {
      topology: 'Layer2',
      layer2: { role: 'Primary', subnets: PRIMARY_UDN.subnets, ipam: { lifecycle: 'Persistent' } },
    },
  });

export const udnStatus = () => ({
  conditions: [
    networkCreated('NetworkAttachmentDefinition has been created'),
    {
      type: 'NetworkAllocationSucceeded',
      status: 'True',
      reason: 'NetworkAllocationSucceeded',
      message: 'Network allocation succeeded for all synced nodes.',
      lastTransitionTime: NOW,
    },
  ],
});

/** The NAD ovn-kubernetes writes for a UDN, owned by it. */
export const buildUdnNad = (udn: KubeObject): KubeObject => {
  const { name = '', namespace = '' } = udn.metadata ?? {};
  return nad(
    namespace,
    name,
    {
      cniVersion: '1.0.0',
      type: 'ovn-k8s-cni-overlay',
      name: `${namespace}_${name}`,
      netAttachDefName: `${namespace}/${name}`,
      topology: 'layer2',
      role: 'primary',
      subnets: PRIMARY_UDN.subnets.join(','),
      joinSubnet: '100.65.0.0/16,fd99::/64',
      allowPersistentIPs: true,
      mtu: 1400,
    },
    { labels: UDN_LABEL, ownerReferences: [ownerRef(udn)] },
  );
};

type Cudn = {
  name: string;
  namespaces: string[];
  network: Record<string, unknown>;
  config: Record<string, unknown>;
};

export const CUDNS: Cudn[] = [
  {
    name: 'cudn-l2',
    namespaces: ['tenant-a-dev', 'tenant-b'],
    network: { topology: 'Layer2', layer2: { role: 'Secondary', subnets: ['10.210.0.0/16'] } },
    config: { topology: 'layer2', role: 'secondary', subnets: '10.210.0.0/16', mtu: 1400 },
  },
  {
    name: 'cudn-localnet',
    namespaces: ['default', 'tenant-b'],
    network: {
      topology: 'Localnet',
      localnet: {
        role: 'Secondary',
        physicalNetworkName: 'physnet-ext',
        vlan: { mode: 'Access', access: { id: 300 } },
        ipam: { mode: 'Disabled' },
      },
    },
    config: {
      topology: 'localnet',
      role: 'secondary',
      physicalNetworkName: 'physnet-ext',
      vlanID: 300,
      mtu: 1500,
    },
  },
];

export const buildCudn = (c: Cudn): KubeObject =>
  obj('ClusterUserDefinedNetwork', {
    metadata: { name: c.name },
    spec: {
      namespaceSelector: {
        matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: c.namespaces }],
      },
      network: c.network,
    },
  });

export const cudnStatus = (c: Cudn) => ({
  conditions: [
    networkCreated(
      `NetworkAttachmentDefinition has been created in following namespaces: [${c.namespaces.join(', ')}]`,
    ),
  ],
});

export const buildCudnNads = (c: Cudn, cudn: KubeObject): KubeObject[] =>
  c.namespaces.map((ns) =>
    nad(
      ns,
      c.name,
      {
        cniVersion: '1.0.0',
        type: 'ovn-k8s-cni-overlay',
        name: `cluster_udn_${c.name}`,
        netAttachDefName: `${ns}/${c.name}`,
        ...c.config,
      },
      { labels: UDN_LABEL, ownerReferences: [ownerRef(cudn)] },
    ),
  );

/** An SR-IOV network: its VFs come from the policy that provides `resourceName` (default `intelnics`). */
export type SriovNet = { name: string; target: string; vlan: number; resourceName?: string };

export const SRIOV_NETWORKS: SriovNet[] = [
  { name: 'sriov-default', target: 'default', vlan: 0 },
  { name: 'sriov-tenant-b', target: 'tenant-b', vlan: 50 },
];

export const buildSriovNetwork = (s: SriovNet): KubeObject =>
  obj('SriovNetwork', {
    metadata: { name: s.name, namespace: SRIOV_NS },
    spec: {
      resourceName: s.resourceName ?? 'intelnics',
      networkNamespace: s.target,
      vlan: s.vlan,
      spoofChk: 'on',
      trust: 'off',
      ipam: '{}',
      linkState: 'auto',
    },
  });

/** The NAD sriov-network-operator renders into the target namespace (cross-namespace, so an annotation, no owner). */
export const buildSriovNad = (s: SriovNet): KubeObject =>
  nad(
    s.target,
    s.name,
    {
      cniVersion: '1.0.0',
      name: s.name,
      type: 'sriov',
      vlan: s.vlan,
      spoofchk: 'on',
      trust: 'off',
      vlanQoS: 0,
      link_state: 'auto',
      logLevel: 'info',
      ipam: {},
    },
    {
      annotations: {
        'k8s.v1.cni.cncf.io/resourceName': `openshift.io/${s.resourceName ?? 'intelnics'}`,
        'sriovnetwork.openshift.io/owner-ref': `SriovNetwork.sriovnetwork.openshift.io/${SRIOV_NS}/${s.name}`,
      },
    },
  );

export const buildMetalLb = (): KubeObject[] => [
  obj('IPAddressPool', {
    metadata: { name: 'vm-services', namespace: 'metallb-system' },
    spec: { addresses: ['192.168.122.200-192.168.122.250', '2001:db8:122::200/124'], autoAssign: true },
  }),
  obj('L2Advertisement', {
    metadata: { name: 'vm-services', namespace: 'metallb-system' },
    spec: { ipAddressPools: ['vm-services'] },
  }),
];

/** OpenShift Virtualization's HyperConverged, v1beta1 (the stored version): migrations on a dedicated network, KubeSecondaryDNS. */
export const buildHyperConverged = (): KubeObject =>
  obj('HyperConverged', {
    metadata: { name: 'kubevirt-hyperconverged', namespace: 'openshift-cnv' },
    spec: {
      // KubeSecondaryDNS on (#15: the per-secondary-interface FQDNs on the VM tab).
      featureGates: { deployKubeSecondaryDNS: true },
      liveMigrationConfig: {
        network: 'migration-net',
        parallelMigrationsPerCluster: 5,
        completionTimeoutPerGiB: 150,
      },
    },
  });

/**
 * The migration network: a Linux bridge NAD in the HyperConverged namespace with whereabouts IPAM, so each
 * virt-handler gets its own address on migration0 (migration.ts has the other candidates and the migrations).
 */
export const buildMigrationNad = (): KubeObject =>
  nad(
    'openshift-cnv',
    'migration-net',
    {
      cniVersion: '0.3.1',
      name: 'migration-net',
      type: 'cnv-bridge',
      bridge: 'br1',
      vlan: 300,
      macspoofchk: true,
      ipam: { type: 'whereabouts', range: '10.250.0.0/24' },
    },
    { annotations: { 'k8s.v1.cni.cncf.io/resourceName': 'bridge.network.kubevirt.io/br1' } },
  );

export const hcoStatus = () => ({
  conditions: [
    ['ReconcileComplete', 'True', 'ReconcileCompleted', 'Reconcile completed successfully'],
    ['Available', 'True', 'ReconcileCompleted', 'Reconcile completed successfully'],
    ['Progressing', 'False', 'ReconcileCompleted', 'Reconcile completed successfully'],
    ['Degraded', 'False', 'ReconcileCompleted', 'Reconcile completed successfully'],
    ['Upgradeable', 'True', 'ReconcileCompleted', 'Reconcile completed successfully'],
  ].map(([type, status, reason, message]) => ({
    type,
    status,
    reason,
    message,
    lastTransitionTime: NOW,
    observedGeneration: 1,
  })),
});
