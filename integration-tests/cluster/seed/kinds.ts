// The kinds the seed writes: their API group/version, plural, scope, and whether status is a subresource.
import type { KubeObject } from '../../support/k8s';

type Kind = { apiVersion: string; plural: string; namespaced: boolean; statusSubresource: boolean };

export const KINDS: Record<string, Kind> = {
  Namespace: { apiVersion: 'v1', plural: 'namespaces', namespaced: false, statusSubresource: true },
  Node: { apiVersion: 'v1', plural: 'nodes', namespaced: false, statusSubresource: true },
  Service: { apiVersion: 'v1', plural: 'services', namespaced: true, statusSubresource: true },
  Role: {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    plural: 'roles',
    namespaced: true,
    statusSubresource: false,
  },
  RoleBinding: {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    plural: 'rolebindings',
    namespaced: true,
    statusSubresource: false,
  },
  NetworkAttachmentDefinition: {
    apiVersion: 'k8s.cni.cncf.io/v1',
    plural: 'network-attachment-definitions',
    namespaced: true,
    statusSubresource: false,
  },
  IPAMClaim: {
    apiVersion: 'k8s.cni.cncf.io/v1alpha1',
    plural: 'ipamclaims',
    namespaced: true,
    statusSubresource: true,
  },
  UserDefinedNetwork: {
    apiVersion: 'k8s.ovn.org/v1',
    plural: 'userdefinednetworks',
    namespaced: true,
    statusSubresource: true,
  },
  ClusterUserDefinedNetwork: {
    apiVersion: 'k8s.ovn.org/v1',
    plural: 'clusteruserdefinednetworks',
    namespaced: false,
    statusSubresource: true,
  },
  NodeNetworkConfigurationPolicy: {
    apiVersion: 'nmstate.io/v1',
    plural: 'nodenetworkconfigurationpolicies',
    namespaced: false,
    statusSubresource: true,
  },
  NodeNetworkState: {
    apiVersion: 'nmstate.io/v1beta1',
    plural: 'nodenetworkstates',
    namespaced: false,
    statusSubresource: true,
  },
  NodeNetworkConfigurationEnactment: {
    apiVersion: 'nmstate.io/v1beta1',
    plural: 'nodenetworkconfigurationenactments',
    namespaced: false,
    statusSubresource: true,
  },
  SriovNetwork: {
    apiVersion: 'sriovnetwork.openshift.io/v1',
    plural: 'sriovnetworks',
    namespaced: true,
    statusSubresource: true,
  },
  SriovNetworkNodePolicy: {
    apiVersion: 'sriovnetwork.openshift.io/v1',
    plural: 'sriovnetworknodepolicies',
    namespaced: true,
    statusSubresource: true,
  },
  SriovNetworkNodeState: {
    apiVersion: 'sriovnetwork.openshift.io/v1',
    plural: 'sriovnetworknodestates',
    namespaced: true,
    statusSubresource: true,
  },
  IPAddressPool: {
    apiVersion: 'metallb.io/v1beta1',
    plural: 'ipaddresspools',
    namespaced: true,
    statusSubresource: true,
  },
  L2Advertisement: {
    apiVersion: 'metallb.io/v1beta1',
    plural: 'l2advertisements',
    namespaced: true,
    statusSubresource: true,
  },
  HyperConverged: {
    apiVersion: 'hco.kubevirt.io/v1beta1',
    plural: 'hyperconvergeds',
    namespaced: true,
    statusSubresource: true,
  },
  VirtualMachine: {
    apiVersion: 'kubevirt.io/v1',
    plural: 'virtualmachines',
    namespaced: true,
    statusSubresource: true,
  },
  // Upstream VirtualMachineInstance has no status subresource: its status is written with the object.
  VirtualMachineInstance: {
    apiVersion: 'kubevirt.io/v1',
    plural: 'virtualmachineinstances',
    namespaced: true,
    statusSubresource: false,
  },
};

const kindOf = (obj: KubeObject): Kind => {
  const kind = KINDS[obj.kind ?? ''];
  if (!kind) throw new Error(`seed: unknown kind ${obj.kind}`);
  return kind;
};

/** The REST path of an object (by its kind, namespace and name). */
export const pathOf = (obj: KubeObject): string => {
  const kind = kindOf(obj);
  const base = kind.apiVersion.includes('/') ? `/apis/${kind.apiVersion}` : `/api/${kind.apiVersion}`;
  const ns = kind.namespaced ? `/namespaces/${obj.metadata?.namespace ?? 'default'}` : '';
  return `${base}${ns}/${kind.plural}/${obj.metadata?.name ?? ''}`;
};

export const hasStatusSubresource = (obj: KubeObject): boolean => kindOf(obj).statusSubresource;

/** A typed object with apiVersion and kind filled in from the table. */
export const obj = (kind: keyof typeof KINDS, body: Omit<KubeObject, 'apiVersion' | 'kind'>): KubeObject => ({
  apiVersion: KINDS[kind]?.apiVersion,
  kind,
  ...body,
});

/** An ownerReference to an applied object, as controllers write them. */
export const ownerRef = (owner: KubeObject, controller = true) => ({
  apiVersion: owner.apiVersion,
  kind: owner.kind,
  name: owner.metadata?.name,
  uid: owner.metadata?.uid,
  controller,
  blockOwnerDeletion: true,
});
