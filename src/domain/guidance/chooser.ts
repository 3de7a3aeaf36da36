/**
 * "Which network should I use?": a few answers about the workload and facts about the cluster lead to ranked
 * recommendations, each with its reasons and limits, and the options ruled out with why. Pure decision table.
 *
 * Rules, from the OpenShift Virtualization networking documentation ("Networking overview", "About user-defined
 * networks", "Connecting a VM to a Linux bridge / OVN-Kubernetes localnet / SR-IOV network"):
 * - public clouds (ROSA on AWS, ARO on Azure, OCI, GCP, IBM Cloud) give VMs no physical underlay: no localnet, no
 *   Linux bridge, no SR-IOV; a layer2 user-defined network is the way to isolate VMs and keep their IPs there;
 * - SR-IOV needs bare metal (or Red Hat OpenStack Platform with SR-IOV ports);
 * - IPv6 single-stack clusters support only localnet and Linux bridge secondary networks for VMs (Technology
 *   Preview): no overlay, no primary UDN;
 * - persistent IPs across live migration: primary layer2 UDN (ipam lifecycle Persistent) or a secondary layer2
 *   overlay with allowPersistentIPs; the pod network's address changes when a VM migrates;
 * - hot-plug: bridge binding (Linux bridge, localnet, layer2 overlay) with virtio, and SR-IOV (through a
 *   migration); a primary network is never hot-plugged (it is the pod interface).
 */
import type { NetworkKind } from '../manifests/shared/kinds';

export type ChooserAnswers = {
  /** Which namespaces will use the network. */
  scope?: 'one-namespace' | 'several-namespaces';
  /** What the VMs must reach: the datacenter network, only each other, or clients through Services. */
  reach?: 'physical' | 'vms-only' | 'services';
  /** The VMs need a VLAN of the physical network. */
  vlan?: boolean;
  /** The VMs keep their IP addresses across live migration. */
  persistentIps?: boolean;
  /** Line-rate or DPDK traffic. */
  performance?: 'normal' | 'line-rate' | 'dpdk';
  /** Where the cluster runs; read from the cluster when possible (see platformOf). */
  platform?: Platform;
  /** An IPv6 single-stack cluster; read from the cluster network when possible. */
  ipv6SingleStack?: boolean;
};

export type Platform = 'bare-metal' | 'public-cloud' | 'openstack' | 'other';

export type OptionId =
  'pod-service' | 'primary-udn' | 'secondary-overlay' | 'localnet' | 'linux-bridge' | 'sriov';

/** A reason or limit, as an i18n key (the English text) with parameters. */
export type Note = { text: ChooserText; params?: Record<string, string> };

export type Recommendation = {
  option: OptionId;
  /** The wizard that creates it, or undefined when nothing needs creating (the pod network). */
  kind?: NetworkKind;
  reasons: Note[];
  limits: Note[];
};

export type RuledOut = { option: OptionId; why: Note };

export type ChooserResult = { recommended: Recommendation[]; ruledOut: RuledOut[] };

/** Every sentence the chooser says; also the i18n keys (collected by npm run i18n). */
export const chooserTexts = [
  'Public clouds give VMs no physical underlay',
  'SR-IOV needs bare metal or Red Hat OpenStack Platform',
  'IPv6 single-stack clusters support only localnet and Linux bridge networks for VMs (Technology Preview)',
  'The pod network changes a VM address when it live-migrates',
  'Only SR-IOV gives line-rate and DPDK traffic',
  'Reaches the physical network through an OVS bridge mapping, managed by OVN-Kubernetes',
  'Reaches the physical network through a Linux bridge on each node',
  'Supports MultiNetworkPolicy and OVN-Kubernetes IP management',
  'Simple: no OVN involved, the bridge carries the VLAN',
  'One ClusterUserDefinedNetwork serves every selected namespace',
  'Isolates the namespace: its VMs reach only each other and the Services of the namespace',
  'Keeps VM IP addresses across live migration',
  'Connects VMs of the selected namespaces to each other without touching the physical network',
  'The default: VMs reach everything the pods reach; expose them with a Service',
  'Line-rate traffic straight to a virtual function of the NIC',
  'Needs an NNCP that maps the physical network name to an OVS bridge on the nodes',
  'Needs an NNCP that creates the Linux bridge on every node that runs these VMs',
  'Needs SR-IOV NICs and a SriovNetworkNodePolicy; the VM needs dedicated CPUs and hugepages for DPDK',
  'Must be created before the namespace has any pod, and the namespace needs the label k8s.ovn.org/primary-user-defined-network',
  'Cannot be hot-plugged: it is the VM pod interface',
  'Can be hot-plugged with the bridge binding and a virtio model',
  'Hot-plugged through a live migration',
  'Not reachable from outside the cluster without a Service',
  'No VLAN on an overlay: the VLAN belongs to the physical network',
  'Technology Preview on IPv6 single-stack clusters',
] as const;
export type ChooserText = (typeof chooserTexts)[number];

/** Infrastructure `status.platform` (or `platformStatus.type`) → where the cluster runs. */
export const platformOf = (type: string | undefined): Platform | undefined => {
  switch (type) {
    case undefined:
    case '':
      return undefined;
    case 'BareMetal':
    case 'None':
      return 'bare-metal';
    case 'OpenStack':
      return 'openstack';
    case 'AWS':
    case 'Azure':
    case 'GCP':
    case 'IBMCloud':
    case 'External': // OCI installs as External
    case 'AlibabaCloud':
    case 'PowerVS':
      return 'public-cloud';
    default:
      return 'other';
  }
};

const note = (text: ChooserText): Note => ({ text });

export const chooseNetwork = (a: ChooserAnswers): ChooserResult => {
  const ruledOut: RuledOut[] = [];
  const out = (option: OptionId, text: ChooserText) => ruledOut.push({ option, why: note(text) });
  const cloud = a.platform === 'public-cloud';
  const several = a.scope === 'several-namespaces';
  const v6only = a.ipv6SingleStack === true;

  const usable = new Set<OptionId>([
    'pod-service',
    'primary-udn',
    'secondary-overlay',
    'localnet',
    'linux-bridge',
    'sriov',
  ]);
  const drop = (option: OptionId, text: ChooserText) => {
    if (!usable.delete(option)) return;
    out(option, text);
  };
  if (cloud) {
    drop('localnet', 'Public clouds give VMs no physical underlay');
    drop('linux-bridge', 'Public clouds give VMs no physical underlay');
  }
  if (cloud || (a.platform && a.platform !== 'bare-metal' && a.platform !== 'openstack'))
    drop('sriov', 'SR-IOV needs bare metal or Red Hat OpenStack Platform');
  if (v6only) {
    const why =
      'IPv6 single-stack clusters support only localnet and Linux bridge networks for VMs (Technology Preview)';
    drop('primary-udn', why);
    drop('secondary-overlay', why);
    drop('pod-service', why);
  }
  if (a.persistentIps) drop('pod-service', 'The pod network changes a VM address when it live-migrates');
  if (a.performance === 'line-rate' || a.performance === 'dpdk') {
    for (const o of ['pod-service', 'primary-udn', 'secondary-overlay', 'localnet', 'linux-bridge'] as const)
      drop(o, 'Only SR-IOV gives line-rate and DPDK traffic');
  }
  if (a.vlan) {
    drop('secondary-overlay', 'No VLAN on an overlay: the VLAN belongs to the physical network');
    drop('primary-udn', 'No VLAN on an overlay: the VLAN belongs to the physical network');
  }

  // Order: what the answers ask for first, the rest after, as fallbacks.
  const order: OptionId[] =
    a.performance === 'line-rate' || a.performance === 'dpdk'
      ? ['sriov']
      : a.reach === 'physical'
        ? ['localnet', 'linux-bridge', 'sriov', 'primary-udn', 'secondary-overlay', 'pod-service']
        : a.reach === 'vms-only'
          ? ['secondary-overlay', 'primary-udn', 'localnet', 'linux-bridge', 'pod-service']
          : a.reach === 'services'
            ? ['pod-service', 'primary-udn', 'secondary-overlay', 'localnet', 'linux-bridge']
            : ['pod-service', 'primary-udn', 'secondary-overlay', 'localnet', 'linux-bridge', 'sriov'];
  // On a public cloud the physical network is out of reach: a layer2 UDN is the way to isolate VMs there.
  if (cloud && a.reach === 'physical') order.unshift('primary-udn');
  if (a.persistentIps) order.sort((x, y) => Number(y === 'primary-udn') - Number(x === 'primary-udn'));

  const seen = new Set<OptionId>();
  const recommended = order
    .filter((o) => usable.has(o) && !seen.has(o) && seen.add(o))
    .map((o) => describe(o, a, several, v6only));
  return { recommended, ruledOut };
};

const describe = (option: OptionId, a: ChooserAnswers, several: boolean, v6only: boolean): Recommendation => {
  switch (option) {
    case 'pod-service':
      return {
        option,
        reasons: [note('The default: VMs reach everything the pods reach; expose them with a Service')],
        limits: [
          note('Not reachable from outside the cluster without a Service'),
          note('The pod network changes a VM address when it live-migrates'),
        ],
      };
    case 'primary-udn':
      return {
        option,
        kind: several ? 'cudn-layer2' : 'udn-layer2',
        reasons: [
          note('Isolates the namespace: its VMs reach only each other and the Services of the namespace'),
          note('Keeps VM IP addresses across live migration'),
          ...(several ? [note('One ClusterUserDefinedNetwork serves every selected namespace')] : []),
        ],
        limits: [
          note(
            'Must be created before the namespace has any pod, and the namespace needs the label k8s.ovn.org/primary-user-defined-network',
          ),
          note('Cannot be hot-plugged: it is the VM pod interface'),
        ],
      };
    case 'secondary-overlay':
      return {
        option,
        kind: several ? 'cudn-layer2' : 'nad-layer2',
        reasons: [
          note('Connects VMs of the selected namespaces to each other without touching the physical network'),
          note('Supports MultiNetworkPolicy and OVN-Kubernetes IP management'),
          ...(a.persistentIps ? [note('Keeps VM IP addresses across live migration')] : []),
        ],
        limits: [note('Can be hot-plugged with the bridge binding and a virtio model')],
      };
    case 'localnet':
      return {
        option,
        kind: several ? 'cudn-localnet' : 'nad-localnet',
        reasons: [
          note('Reaches the physical network through an OVS bridge mapping, managed by OVN-Kubernetes'),
          note('Supports MultiNetworkPolicy and OVN-Kubernetes IP management'),
          ...(several ? [note('One ClusterUserDefinedNetwork serves every selected namespace')] : []),
        ],
        limits: [
          note('Needs an NNCP that maps the physical network name to an OVS bridge on the nodes'),
          note('Can be hot-plugged with the bridge binding and a virtio model'),
          ...(v6only ? [note('Technology Preview on IPv6 single-stack clusters')] : []),
        ],
      };
    case 'linux-bridge':
      return {
        option,
        kind: 'nad-bridge',
        reasons: [
          note('Reaches the physical network through a Linux bridge on each node'),
          note('Simple: no OVN involved, the bridge carries the VLAN'),
        ],
        limits: [
          note('Needs an NNCP that creates the Linux bridge on every node that runs these VMs'),
          note('Can be hot-plugged with the bridge binding and a virtio model'),
          ...(v6only ? [note('Technology Preview on IPv6 single-stack clusters')] : []),
        ],
      };
    case 'sriov':
      return {
        option,
        kind: 'sriov-policy',
        reasons: [note('Line-rate traffic straight to a virtual function of the NIC')],
        limits: [
          note(
            'Needs SR-IOV NICs and a SriovNetworkNodePolicy; the VM needs dedicated CPUs and hugepages for DPDK',
          ),
          note('Hot-plugged through a live migration'),
        ],
      };
  }
};

/** Linux bridge vs localnet, the comparison users ask for, as rows of (aspect, Linux bridge, localnet). */
export const bridgeVsLocalnet = [
  [
    'Managed by',
    'kubernetes-nmstate (NNCP creates the bridge)',
    'OVN-Kubernetes (NNCP creates the bridge mapping)',
  ],
  ['VLAN', 'on the NAD (bridge CNI vlan)', 'on the NAD or CUDN (vlanID / access VLAN)'],
  ['IP management', 'none, static or whereabouts', 'OVN-Kubernetes (subnets) or none'],
  ['Network policy', 'not enforced', 'MultiNetworkPolicy'],
  ['Across namespaces', 'one NAD per namespace', 'one ClusterUserDefinedNetwork'],
  ['Hot-plug', 'bridge binding, virtio', 'bridge binding, virtio'],
] as const;
