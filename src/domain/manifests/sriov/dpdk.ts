/**
 * The SR-IOV policy wizard's DPDK preset, and the rules behind its policy inputs (linkType, priority, isRdma,
 * needVhostNet) that the SR-IOV network operator enforces or applies itself:
 *
 * - k8snetworkplumbingwg/sriov-network-operator pkg/webhook/validate.go (staticValidateSriovNetworkNodePolicy):
 *   `deviceType: vfio-pci` with `isRdma: true` is refused (RDMA needs the kernel driver; a VM gets the VF through
 *   vfio-pci instead).
 * - pkg/webhook/mutate.go (mutateSriovNetworkNodePolicy): a policy without `priority` gets 99 (the lowest), one
 *   without `isRdma` gets false, and `linkType: ib` (any case) with a deviceType other than vfio-pci gets
 *   `isRdma: true` (InfiniBand VFs on the kernel driver need RDMA), whatever the manifest said.
 * - api/v1/helper.go (ByPriority) and the policy controller: policies are applied from the highest number to the
 *   lowest, so on an overlapping PF the LOWER number wins (0 is the highest priority). The CRD bounds it 0–99.
 * - api/v1 SriovNetworkNodePolicySpec.LinkType: enum eth, ETH, ib, IB; the operator compares it case-insensitively.
 * - needVhostNet: the device plugin mounts /dev/vhost-net (and /dev/net/tun) into the pod that gets the VF; DPDK
 *   applications in containers use it for their kernel exception path. A VM's guest drives the VF through vfio
 *   and does not use the launcher pod's vhost-net device, so the preset leaves it off.
 */
import type { FieldIssue } from '../../issues';
import { err, warn } from '../shared/check';
import type { SriovPolicyForm } from './sriov';

/** OpenShift Virtualization: "Using DPDK with SR-IOV" (cluster, VM and guest setup for DPDK). */
export const DPDK_VM_DOCS_URL =
  'https://docs.redhat.com/en/documentation/openshift_container_platform/latest/html/virtualization/networking#virt-using-dpdk-with-sriov';

/** The operator's default priority (mutate.go): the lowest. */
export const SRIOV_DEFAULT_PRIORITY = 99;

/** Sets what DPDK in a VM needs of the policy: vfio-pci VFs, no RDMA. Other inputs are kept. */
export const applyDpdkPreset = (form: SriovPolicyForm): SriovPolicyForm => {
  const { isRdma: _rdma, ...rest } = form;
  return { ...rest, dpdk: true, deviceType: 'vfio-pci' };
};

/**
 * What the operator's mutating webhook will turn on: InfiniBand VFs on the kernel driver get RDMA. The wizard
 * applies it as the user picks `ib`, so the preview shows what the cluster will store.
 */
export const ibNeedsRdma = (form: Pick<SriovPolicyForm, 'linkType' | 'deviceType'>): boolean =>
  form.linkType?.toLowerCase() === 'ib' && form.deviceType !== 'vfio-pci';

/** Issues of the DPDK preset and the link/RDMA inputs; fields: 'deviceType', 'linkType', 'isRdma'. */
export const validateDpdkAndLink = (form: SriovPolicyForm): FieldIssue[] => [
  // validate.go: "'deviceType: vfio-pci' conflicts with 'isRdma: true'".
  ...(form.isRdma && form.deviceType === 'vfio-pci' ? [err('isRdma', 'rdma-vfio')] : []),
  // The preset is for VMs: KubeVirt's SR-IOV binding passes a vfio-pci VF to the guest, whose DPDK drives it.
  ...(form.dpdk && form.deviceType !== 'vfio-pci' ? [err('deviceType', 'sriov-dpdk-device-type')] : []),
  // mutate.go sets isRdma: true for ib unless vfio-pci; say so where the form does not already.
  ...(ibNeedsRdma(form) && !form.isRdma ? [warn('linkType', 'sriov-ib-rdma')] : []),
];
