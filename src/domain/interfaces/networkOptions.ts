/**
 * Which networks a VM interface may attach to, and which bindings each allows. The caller passes only the
 * NADs the user can list, so every option is readable.
 */
import type { NetworkAttachmentDefinition } from '../kube/networks';
import type { Binding } from '../kube/vm';
import { parseCniConfig } from '../kube/networks';
import type { NetworkOption } from './form';
import { nadTypeOf } from './nadTypes';

/** KubeVirt resolves `multus.networkName` in the VM's namespace or in `default` (openshift-docs #33975). */
export const NAD_GLOBAL_NAMESPACE = 'default';

/** The NAD OpenShift Virtualization creates to wire the primary-UDN binding; never a user choice. */
const INTERNAL_NADS = new Set(['primary-udn-kubevirt-binding']);

/** The subnets a NAD assigns addresses from: OVN-K's `subnets` ("a/b,c/d"; layer3 "cidr/hostSubnet") or `ipam.subnet`. */
export const nadSubnets = (nad: NetworkAttachmentDefinition): string[] => {
  const config = parseCniConfig(nad) as { subnets?: unknown; ipam?: { subnet?: unknown } } | undefined;
  const list =
    typeof config?.subnets === 'string'
      ? config.subnets.split(',')
      : typeof config?.ipam?.subnet === 'string'
        ? [config.ipam.subnet]
        : [];
  return list.map((s) => s.trim().split('/').slice(0, 2).join('/')).filter(Boolean);
};

/**
 * Options for a VM in `vmNamespace`: the pod network, or the namespace's primary UDN that replaces it, then
 * NADs from the VM's namespace and `default` (VM namespace first, then by name). Primary-role NADs (the primary
 * UDN's own NAD) are skipped: a primary UDN is reached through the pod network, never as a secondary.
 */
export const networkOptionsFor = (
  vmNamespace: string,
  nads: readonly NetworkAttachmentDefinition[],
  hasPrimaryUdn: boolean,
): NetworkOption[] => {
  const first: NetworkOption = hasPrimaryUdn
    ? { id: 'primary-udn', kind: 'primary-udn' }
    : { id: 'pod', kind: 'pod' };
  const seen = new Set<string>();
  const out: NetworkOption[] = [];
  for (const nad of nads) {
    const namespace = nad.metadata.namespace ?? '';
    const name = nad.metadata.name;
    if (namespace !== vmNamespace && namespace !== NAD_GLOBAL_NAMESPACE) continue;
    if (INTERNAL_NADS.has(name)) continue;
    const nadType = nadTypeOf(nad);
    if (nadType === 'ovn-primary') continue;
    const id = `${namespace}/${name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const subnets = nadSubnets(nad);
    out.push({ id, kind: 'nad', nadType, namespace, name, ...(subnets.length ? { subnets } : {}) });
  }
  const rank = (o: NetworkOption) => (o.namespace === vmNamespace ? 0 : 1);
  out.sort((a, b) => rank(a) - rank(b) || (a.name ?? '').localeCompare(b.name ?? ''));
  return [first, ...out];
};

/**
 * Bindings KubeVirt supports on each kind of network: masquerade or passt on the pod network; the l2bridge
 * binding plugin on a primary UDN; bridge on Linux-bridge, OVN layer2 and localnet NADs; sriov on SR-IOV NADs.
 * OVN layer3 secondaries serve pods only (no VM binding). Unknown CNI types get bridge, KubeVirt's generic
 * binding for multus networks. The first entry is the default.
 */
export const allowedBindings = (option: NetworkOption | undefined): Binding[] => {
  if (!option) return [];
  if (option.kind === 'pod') return ['masquerade', 'passt'];
  if (option.kind === 'primary-udn') return ['l2bridge'];
  switch (option.nadType) {
    case 'sriov':
      return ['sriov'];
    case 'ovn-layer3':
      return [];
    default:
      return ['bridge'];
  }
};

/** Link up/down is a vNIC setting; an SR-IOV VF is passed through to the guest, so KubeVirt cannot set it. */
export const supportsLinkState = (binding: Binding): boolean => binding !== 'sriov';

/** OVN-K overlay NADs may be attached once per VM; other NADs may repeat (kubevirt-plugin PR #3355). */
export const isSingleUseNetwork = (option: NetworkOption | undefined): boolean =>
  option?.kind === 'pod' ||
  option?.kind === 'primary-udn' ||
  option?.nadType === 'ovn-layer2' ||
  option?.nadType === 'ovn-localnet' ||
  option?.nadType === 'ovn-layer3';
