/**
 * The add/edit interface form model and its mapping to KubeVirt spec entries. The modal edits an
 * `InterfaceForm`; `validate.ts` checks it, `patch.ts` turns it into JSON patches.
 */
import type { Binding, VM, VMInterface, VMNetwork } from '../kube/vm';
import { BINDING_KEYS, getBinding, parseNadRef, specInterfaces, specNetworks } from '../kube/vm';
import { HOTPLUG_MODEL } from './hotplug';
import { parseMac } from './mac';
import type { NadType } from './nadTypes';

/** A network the user may attach to: `id` is `pod`, `primary-udn` or `<namespace>/<nad>`. */
export type NetworkOption = {
  id: string;
  kind: 'pod' | 'primary-udn' | 'nad';
  /** For `nad`; primary-role NADs are never options (the primary UDN is reached through `primary-udn`). */
  nadType?: Exclude<NadType, 'ovn-primary'>;
  namespace?: string;
  name?: string;
  /** The NAD's IPAM subnets (OVN-K `subnets`, or a bridge's `ipam.subnet`), when it declares any. */
  subnets?: string[];
};

export type InterfaceModel = 'virtio' | 'e1000e' | 'e1000' | 'igb' | 'rtl8139' | 'ne2k_pci' | 'pcnet';

/** KubeVirt's accepted models (CRD `interfaces[].model`); virtio is the default (which ones hot-plug: hotplug.ts). */
export const INTERFACE_MODELS: readonly InterfaceModel[] = [
  'virtio',
  'e1000e',
  'e1000',
  'igb',
  'rtl8139',
  'ne2k_pci',
  'pcnet',
];

export type InterfaceForm = {
  /** Interface and network name (they must match in KubeVirt). Fixed when editing. */
  name: string;
  /** `NetworkOption.id`; empty until chosen. */
  networkId: string;
  binding: Binding;
  model: string;
  /** Optional; empty means KubeMacPool (or libvirt) assigns one. */
  macAddress?: string;
  linkState?: 'up' | 'down';
  /** Optional static address for a secondary interface, `10.0.0.5/24` or `fd00::5/64`, via cloud-init. */
  staticIp?: string;
  /** Guest interface name (eth1…) used in networkData when no MAC is given to match on. */
  guestName?: string;
};

export const emptyForm = (name = ''): InterfaceForm => ({
  name,
  networkId: '',
  binding: '',
  model: 'virtio',
});

/** Option id for a spec network, as `networkOptionsFor` would produce it. */
export const networkIdOf = (net: VMNetwork | undefined, binding: Binding, vmNamespace: string): string => {
  if (!net) return '';
  if (net.pod) return binding === 'l2bridge' ? 'primary-udn' : 'pod';
  if (!net.multus) return '';
  const ref = parseNadRef(net.multus.networkName, vmNamespace);
  return `${ref.namespace}/${ref.name}`;
};

/** The form for editing an existing spec interface (undefined if there is none by that name). */
export const formFromVM = (vm: VM, name: string): InterfaceForm | undefined => {
  const iface = specInterfaces(vm).find((i) => i.name === name);
  if (!iface) return undefined;
  const binding = getBinding(iface);
  const net = specNetworks(vm).find((n) => n.name === name);
  const form: InterfaceForm = {
    name,
    networkId: networkIdOf(net, binding, vm.metadata.namespace ?? ''),
    binding,
    model: iface.model ?? 'virtio',
  };
  if (iface.macAddress) form.macAddress = iface.macAddress;
  if (iface.state === 'up' || iface.state === 'down') form.linkState = iface.state;
  return form;
};

/**
 * The spec interface for a form. `base` is the current entry when editing: fields the form does not own
 * (ports, bootOrder, pciAddress, …) are kept; the binding is replaced as a whole.
 */
export const toSpecInterface = (form: InterfaceForm, base?: VMInterface): VMInterface => {
  const out: VMInterface = { ...(base ?? {}), name: form.name };
  for (const k of BINDING_KEYS) delete out[k];
  const b = form.binding;
  if (b === 'masquerade' || b === 'bridge' || b === 'sriov') out[b] = {};
  // KubeVirt v1.9 has passt as a core binding (`passtBinding`), no KubeVirt CR registration needed.
  else if (b === 'passt') out.passtBinding = {};
  else if (b) out.binding = { name: b };
  // Written explicitly: the spec should say what the guest gets (and hot-plug needs virtio, hotplug.ts).
  out.model = form.model || HOTPLUG_MODEL;
  const parsed = form.macAddress?.trim() ? parseMac(form.macAddress) : undefined;
  // Canonical form when valid; an invalid value is written as typed (validation blocks it before sending).
  const mac = parsed && 'mac' in parsed ? parsed.mac : form.macAddress?.trim();
  if (mac) out.macAddress = mac;
  else delete out.macAddress;
  // Empty state means up; write `up` only to undo an explicit `down`.
  if (form.linkState === 'down') out.state = 'down';
  else if (form.linkState === 'up' && base?.state) out.state = 'up';
  else if (form.linkState === 'up') delete out.state;
  return out;
};

/** The spec network for a form: a NAD in the VM's own namespace is written without a prefix (KubeVirt default). */
export const toSpecNetwork = (form: InterfaceForm, vmNamespace: string): VMNetwork => {
  if (form.networkId === 'pod' || form.networkId === 'primary-udn') return { name: form.name, pod: {} };
  const ref = parseNadRef(form.networkId, vmNamespace);
  const networkName = ref.namespace === vmNamespace ? ref.name : `${ref.namespace}/${ref.name}`;
  return { name: form.name, multus: { networkName } };
};

/** True when the form targets a secondary network (only those may get a static IP from us). */
export const isSecondary = (form: InterfaceForm): boolean =>
  form.networkId !== '' && form.networkId !== 'pod' && form.networkId !== 'primary-udn';

/** What a form writes into `vm`: its interface (the current entry's other fields kept) and network. */
export const specOfForm = (
  vm: VM,
  form: InterfaceForm,
): { iface: VMInterface; net: VMNetwork; staticIp: boolean } => {
  const before = specInterfaces(vm).find((x) => x.name === form.name);
  return {
    iface: toSpecInterface(form, before),
    net: toSpecNetwork(form, vm.metadata.namespace ?? ''),
    staticIp: Boolean(form.staticIp),
  };
};
