/**
 * Upstream admission rules that were read rule by rule (issue #14 point 3) and judged not to apply to the
 * manifests vm-network-lint checks, or not checkable from them, with the reason. docs/rules.md lists them
 * (rules/markdown.ts), so a reader sees what was left out on purpose.
 */
export type NotApplicable = { component: string; source: string; rule: string; why: string };

export const NOT_APPLICABLE: readonly NotApplicable[] = [
  {
    component: 'KubeVirt',
    source: 'kubevirt/kubevirt pkg/network/admitter/binding.go (validateBridgeBinding)',
    rule: 'bridge binding on the pod network refused when the KubeVirt CR sets permitBridgeInterfaceOnPodNetwork: false',
    why: 'depends on the KubeVirt CR, which vm-network-lint does not read; KubeVirt permits it by default',
  },
  {
    component: 'KubeVirt',
    source: 'kubevirt/kubevirt pkg/network/admitter/passt.go',
    rule: 'passtBinding refused without the PasstBinding feature gate',
    why: 'depends on the KubeVirt feature gates, which vm-network-lint does not read',
  },
  {
    component: 'KubeVirt',
    source: 'kubevirt/kubevirt pkg/network/admitter/dra.go',
    rule: 'resourceClaim networks refused without the NetworkDevicesWithDRA feature gate',
    why: 'feature gate (not read); the other DRA network rules are checked',
  },
  {
    component: 'KubeVirt',
    source: 'kubevirt/kubevirt pkg/virt-api/webhooks/validating-webhook/admitters/vms-admitter.go',
    rule: 'feature gates named in the VM, instancetype and preference conflicts',
    why: 'not network rules; they need the cluster configuration and the instancetype objects',
  },
  {
    component: 'KubeVirt',
    source: 'kubevirt/kubevirt pkg/virt-api/webhooks/validating-webhook/admitters/vmi-update-admitter.go',
    rule: 'hot-plug of CPU, memory and volumes on a running VMI',
    why: 'no network part; interface hot-plug and hot-unplug rules live in domain/interfaces/hotplug.ts',
  },
  {
    component: 'SR-IOV network operator',
    source:
      'k8snetworkplumbingwg/sriov-network-operator pkg/webhook/validate.go (staticValidateSriovNetworkNodePolicy)',
    rule: 'DEV_MODE=TRUE in the operator deployment admits NICs outside supported-nic-ids',
    why: 'operator deployment setting; the supported-NIC check is a warning for that reason',
  },
  {
    component: 'SR-IOV network operator',
    source: 'k8snetworkplumbingwg/sriov-network-operator pkg/webhook/validate.go (validateNicModel)',
    rule: 'a netFilter selector matches VFs on cloud platforms by node providerID',
    why: 'needs the nodes’ providerID and the platform list; the no-PF check is skipped for netFilter',
  },
  {
    component: 'SR-IOV network operator',
    source:
      'k8snetworkplumbingwg/sriov-network-operator pkg/webhook/validate.go (validatePolicyForNodeState)',
    rule: 'externallyManaged: linkType must equal the PF’s link type',
    why: 'SriovNetworkNodeState link types are not read into the PF options (numVfs and MTU are checked)',
  },
  {
    component: 'SR-IOV network operator',
    source: 'k8snetworkplumbingwg/sriov-network-operator pkg/webhook/validate.go',
    rule: 'SriovOperatorConfig, SriovNetworkPoolConfig, SriovIBNetwork and OVSNetwork rules',
    why: 'kinds vm-network-lint does not check',
  },
  {
    component: 'SR-IOV network operator',
    source:
      'k8snetworkplumbingwg/sriov-network-operator pkg/webhook/validate.go (validateSriovNetworkNodePolicy)',
    rule: 'the deprecated "default" policy in the operator namespace is never validated',
    why: 'nothing to check: such a policy is admitted as is',
  },
  {
    component: 'kubernetes-nmstate',
    source: 'nmstate/kubernetes-nmstate pkg/webhook/nodenetworkconfigurationpolicy (mutating hooks)',
    rule: 'conditions reset and timestamp annotation on every change',
    why: 'mutations, not validations',
  },
  {
    component: 'kubernetes-nmstate',
    source: 'nmstate/kubernetes-nmstate deploy/handler/operator.yaml (nncp-validation-policy)',
    rule: 'updates of a policy still in progress, or of spec.capture',
    why: 'checked only when the cluster’s policies are known (vm-network-lint --kubeconfig); the wizard’s edit mode relies on the server dry run',
  },
];
