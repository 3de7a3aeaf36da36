/**
 * Models for every kind the plugin reads or writes. A model is plain data (no SDK import) so the same
 * definitions serve the console build, the standalone shell, Node tests and benches. The phantom type
 * parameter ties a model to the object shape the client returns for it.
 */
import type { K8sObject } from '../domain/kube/meta';
import type { VM, VMI } from '../domain/kube/vm';

export type K8sModel<T extends K8sObject = K8sObject> = {
  /** '' for the core group (served under /api/v1, not /apis). */
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  label: string;
  /** Never set at runtime; carries T so `client.list(VirtualMachineModel)` returns VM[]. */
  readonly __type?: T;
};

/** The object type a model describes. */
export type ObjectOf<M> = M extends K8sModel<infer T> ? T : never;

export const model = <T extends K8sObject = K8sObject>(m: Omit<K8sModel<T>, '__type'>): K8sModel<T> => m;

export const VirtualMachineModel = model<VM>({
  group: 'kubevirt.io',
  version: 'v1',
  plural: 'virtualmachines',
  kind: 'VirtualMachine',
  namespaced: true,
  label: 'VirtualMachine',
});
export const VirtualMachineInstanceModel = model<VMI>({
  group: 'kubevirt.io',
  version: 'v1',
  plural: 'virtualmachineinstances',
  kind: 'VirtualMachineInstance',
  namespaced: true,
  label: 'VirtualMachineInstance',
});
export const NetworkAttachmentDefinitionModel = model({
  group: 'k8s.cni.cncf.io',
  version: 'v1',
  plural: 'network-attachment-definitions',
  kind: 'NetworkAttachmentDefinition',
  namespaced: true,
  label: 'NetworkAttachmentDefinition',
});
export const UserDefinedNetworkModel = model({
  group: 'k8s.ovn.org',
  version: 'v1',
  plural: 'userdefinednetworks',
  kind: 'UserDefinedNetwork',
  namespaced: true,
  label: 'UserDefinedNetwork',
});
export const ClusterUserDefinedNetworkModel = model({
  group: 'k8s.ovn.org',
  version: 'v1',
  plural: 'clusteruserdefinednetworks',
  kind: 'ClusterUserDefinedNetwork',
  namespaced: false,
  label: 'ClusterUserDefinedNetwork',
});
export const NodeNetworkConfigurationPolicyModel = model({
  group: 'nmstate.io',
  version: 'v1',
  plural: 'nodenetworkconfigurationpolicies',
  kind: 'NodeNetworkConfigurationPolicy',
  namespaced: false,
  label: 'NodeNetworkConfigurationPolicy',
});
export const NodeNetworkStateModel = model({
  group: 'nmstate.io',
  version: 'v1beta1',
  plural: 'nodenetworkstates',
  kind: 'NodeNetworkState',
  namespaced: false,
  label: 'NodeNetworkState',
});
export const NodeNetworkConfigurationEnactmentModel = model({
  group: 'nmstate.io',
  version: 'v1beta1',
  plural: 'nodenetworkconfigurationenactments',
  kind: 'NodeNetworkConfigurationEnactment',
  namespaced: false,
  label: 'NodeNetworkConfigurationEnactment',
});
export const SriovNetworkModel = model({
  group: 'sriovnetwork.openshift.io',
  version: 'v1',
  plural: 'sriovnetworks',
  kind: 'SriovNetwork',
  namespaced: true,
  label: 'SriovNetwork',
});
export const SriovNetworkNodePolicyModel = model({
  group: 'sriovnetwork.openshift.io',
  version: 'v1',
  plural: 'sriovnetworknodepolicies',
  kind: 'SriovNetworkNodePolicy',
  namespaced: true,
  label: 'SriovNetworkNodePolicy',
});
export const SriovNetworkNodeStateModel = model({
  group: 'sriovnetwork.openshift.io',
  version: 'v1',
  plural: 'sriovnetworknodestates',
  kind: 'SriovNetworkNodeState',
  namespaced: true,
  label: 'SriovNetworkNodeState',
});
export const ServiceModel = model({
  group: '',
  version: 'v1',
  plural: 'services',
  kind: 'Service',
  namespaced: true,
  label: 'Service',
});
export const PodModel = model({
  group: '',
  version: 'v1',
  plural: 'pods',
  kind: 'Pod',
  namespaced: true,
  label: 'Pod',
});
export const NamespaceModel = model({
  group: '',
  version: 'v1',
  plural: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
  label: 'Namespace',
});
export const NodeModel = model({
  group: '',
  version: 'v1',
  plural: 'nodes',
  kind: 'Node',
  namespaced: false,
  label: 'Node',
});
export const ConfigMapModel = model({
  group: '',
  version: 'v1',
  plural: 'configmaps',
  kind: 'ConfigMap',
  namespaced: true,
  label: 'ConfigMap',
});
/** OpenShift only: lists the namespaces a user may see even when listing namespaces is forbidden. */
export const ProjectModel = model({
  group: 'project.openshift.io',
  version: 'v1',
  plural: 'projects',
  kind: 'Project',
  namespaced: false,
  label: 'Project',
});
/** A live migration of one VMI (kubevirt.io/v1): status.migrationState has the target node's address. */
export const VirtualMachineInstanceMigrationModel = model({
  group: 'kubevirt.io',
  version: 'v1',
  plural: 'virtualmachineinstancemigrations',
  kind: 'VirtualMachineInstanceMigration',
  namespaced: true,
  label: 'VirtualMachineInstanceMigration',
});
export const HyperConvergedModel = model({
  group: 'hco.kubevirt.io',
  version: 'v1beta1',
  plural: 'hyperconvergeds',
  kind: 'HyperConverged',
  namespaced: true,
  label: 'HyperConverged',
});
export const IPAddressPoolModel = model({
  group: 'metallb.io',
  version: 'v1beta1',
  plural: 'ipaddresspools',
  kind: 'IPAddressPool',
  namespaced: true,
  label: 'IPAddressPool',
});
export const NetworkPolicyModel = model({
  group: 'networking.k8s.io',
  version: 'v1',
  plural: 'networkpolicies',
  kind: 'NetworkPolicy',
  namespaced: true,
  label: 'NetworkPolicy',
});
/** Policies for secondary networks (OVN-Kubernetes enforces them on localnet and layer2 networks). */
export const MultiNetworkPolicyModel = model({
  group: 'k8s.cni.cncf.io',
  version: 'v1beta1',
  plural: 'multi-networkpolicies',
  kind: 'MultiNetworkPolicy',
  namespaced: true,
  label: 'MultiNetworkPolicy',
});
/** OpenShift's Infrastructure config (`cluster`): where the cluster runs (status.platform). */
export const InfrastructureModel = model({
  group: 'config.openshift.io',
  version: 'v1',
  plural: 'infrastructures',
  kind: 'Infrastructure',
  namespaced: false,
  label: 'Infrastructure',
});
export const SelfSubjectAccessReviewModel = model({
  group: 'authorization.k8s.io',
  version: 'v1',
  plural: 'selfsubjectaccessreviews',
  kind: 'SelfSubjectAccessReview',
  namespaced: false,
  label: 'SelfSubjectAccessReview',
});
export const SelfSubjectRulesReviewModel = model({
  group: 'authorization.k8s.io',
  version: 'v1',
  plural: 'selfsubjectrulesreviews',
  kind: 'SelfSubjectRulesReview',
  namespaced: false,
  label: 'SelfSubjectRulesReview',
});

/** `apiVersion` as written in manifests: `v1` for core, `group/version` otherwise. */
export const apiVersionOf = (m: K8sModel): string => (m.group ? `${m.group}/${m.version}` : m.version);

/** Discovery path of the model's group-version: `/api/v1` or `/apis/<group>/<version>`. */
export const groupVersionPath = (m: K8sModel): string =>
  m.group ? `/apis/${m.group}/${m.version}` : `/api/${m.version}`;

/** Path of a collection or an object, relative to the API server root. */
export const resourcePath = (m: K8sModel, ref: { namespace?: string; name?: string } = {}): string => {
  const ns = m.namespaced && ref.namespace ? `/namespaces/${encodeURIComponent(ref.namespace)}` : '';
  const name = ref.name ? `/${encodeURIComponent(ref.name)}` : '';
  return `${groupVersionPath(m)}${ns}/${m.plural}${name}`;
};
