/**
 * Checks for the add/edit interface form. Returns FieldIssue[] (codes, no text); the modal shows each next to
 * its field and sends nothing while any has severity `error`.
 */
import type { FieldIssue } from '../issues';
import type { VM } from '../kube/vm';
import { getBinding, hasImplicitPodInterface, specInterfaces, specNetworks } from '../kube/vm';
import { cidrContainsIP, hasHostBits, parseCidr } from '../net/cidr';
import type { InterfaceForm, NetworkOption } from './form';
import { INTERFACE_MODELS, isSecondary, networkIdOf } from './form';
import { isMulticastMac, parseMac } from './mac';
import { MASQUERADE_BRIDGE_MAC } from '../manifests/vm/admitterRules';
import { networkDataTarget, withStaticIp } from './networkData';
import { allowedBindings, isSingleUseNetwork, supportsLinkState } from './networkOptions';
import { staticIpId } from './patch';
import type { InterfaceRow } from './rows';

export type MacOwner = { namespace: string; vmName: string; interfaceName: string };

export type InterfaceValidationContext = {
  vm: VM;
  /** Networks the user may choose (from `networkOptionsFor`, i.e. only NADs they can read). */
  options: readonly NetworkOption[];
  /** Name of the interface being edited; undefined when adding. */
  editing?: string;
  /** MACs of every VM the user can see (`macsInUseFrom(rows)`). */
  macsInUse?: ReadonlyMap<string, MacOwner>;
  /** The VM has a running VMI. */
  running?: boolean;
};

/** Kubernetes DNS-1123 label: KubeVirt requires network names to be one ("Must be a DNS_LABEL"). */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_MAX = 63;
/** Linux IFNAMSIZ is 16 including the NUL byte. */
const IFNAME = /^[^\s/:]{1,15}$/;

const issue = (field: string, code: string, params?: FieldIssue['params']): FieldIssue =>
  params ? { field, code, severity: 'error', params } : { field, code, severity: 'error' };
const warning = (field: string, code: string, params?: FieldIssue['params']): FieldIssue =>
  params ? { field, code, severity: 'warning', params } : { field, code, severity: 'warning' };

/** Every MAC (spec and reported) in the rows, with who uses it. */
export const macsInUseFrom = (rows: readonly InterfaceRow[]): Map<string, MacOwner> => {
  const out = new Map<string, MacOwner>();
  for (const r of rows) {
    const owner = { namespace: r.namespace, vmName: r.vmName, interfaceName: r.name };
    if (r.specMac) out.set(r.specMac, owner);
    if (r.reportedMac) out.set(r.reportedMac, owner);
  }
  return out;
};

const validateName = (form: InterfaceForm, ctx: InterfaceValidationContext): FieldIssue[] => {
  const name = form.name.trim();
  if (!name) return [issue('name', 'required')];
  if (name.length > DNS1123_MAX) return [issue('name', 'too-long', { max: DNS1123_MAX })];
  if (!DNS1123_LABEL.test(name)) return [issue('name', 'dns-label')];
  if (ctx.editing !== undefined) return [];
  const taken = new Set([...specInterfaces(ctx.vm), ...specNetworks(ctx.vm)].map((x) => x.name));
  if (hasImplicitPodInterface(ctx.vm)) taken.add('default');
  return taken.has(name) ? [issue('name', 'name-taken')] : [];
};

/** Ids of the networks the VM's other interfaces use. */
const usedNetworkIds = (ctx: InterfaceValidationContext): Set<string> => {
  const ns = ctx.vm.metadata.namespace ?? '';
  const nets = specNetworks(ctx.vm);
  const ids = new Set<string>();
  for (const iface of specInterfaces(ctx.vm)) {
    if (iface.name === ctx.editing || iface.state === 'absent') continue;
    ids.add(
      networkIdOf(
        nets.find((n) => n.name === iface.name),
        getBinding(iface),
        ns,
      ),
    );
  }
  if (hasImplicitPodInterface(ctx.vm)) ids.add('pod');
  return ids;
};

const currentNetworkId = (ctx: InterfaceValidationContext): string | undefined => {
  if (ctx.editing === undefined) return undefined;
  const iface = specInterfaces(ctx.vm).find((i) => i.name === ctx.editing);
  const net = specNetworks(ctx.vm).find((n) => n.name === ctx.editing);
  return iface ? networkIdOf(net, getBinding(iface), ctx.vm.metadata.namespace ?? '') : undefined;
};

const validateNetworkAndBinding = (form: InterfaceForm, ctx: InterfaceValidationContext): FieldIssue[] => {
  if (!form.networkId) return [issue('network', 'required')];
  const option = ctx.options.find((o) => o.id === form.networkId);
  const out: FieldIssue[] = [];
  if (!option) {
    // Editing another field of a NIC whose NAD the user cannot list must stay possible.
    if (form.networkId !== currentNetworkId(ctx)) return [issue('network', 'network-unavailable')];
    out.push(warning('network', 'network-unreadable'));
  } else if (isSingleUseNetwork(option) && usedNetworkIds(ctx).has(option.id)) {
    out.push(issue('network', 'network-in-use'));
  }
  const allowed = option ? allowedBindings(option) : undefined;
  if (allowed && allowed.length === 0) out.push(issue('network', 'network-unsupported'));
  if (!form.binding) out.push(issue('binding', 'required'));
  else if (allowed && allowed.length > 0 && !allowed.includes(form.binding)) {
    out.push(issue('binding', 'binding-not-allowed', { allowed: allowed.join(', ') }));
  }
  return out;
};

const validateMac = (form: InterfaceForm, ctx: InterfaceValidationContext): FieldIssue[] => {
  if (!form.macAddress?.trim()) return [];
  const parsed = parseMac(form.macAddress);
  if ('error' in parsed) return [issue('macAddress', parsed.error)];
  if (isMulticastMac(parsed.mac)) return [issue('macAddress', 'mac-multicast')];
  // The linter's rules (manifests/vm/vmNetworks.ts, admitterRules.ts): KubeVirt accepts the zero MAC (the guest
  // replaces it), and refuses the in-pod bridge's MAC on a masquerade interface (pkg/network/link/mac.go).
  if (parsed.mac === '00:00:00:00:00:00') return [warning('macAddress', 'mac-zero')];
  if (form.binding === 'masquerade' && form.macAddress.trim() === MASQUERADE_BRIDGE_MAC)
    return [issue('macAddress', 'mac-reserved', { mac: MASQUERADE_BRIDGE_MAC })];
  const owner = ctx.macsInUse?.get(parsed.mac);
  const self =
    owner?.namespace === (ctx.vm.metadata.namespace ?? '') &&
    owner.vmName === ctx.vm.metadata.name &&
    owner.interfaceName === (ctx.editing ?? form.name);
  // A warning, not an error: the user may be moving the MAC on purpose, and we cannot see every namespace.
  return owner && !self
    ? [warning('macAddress', 'mac-in-use', { vm: `${owner.namespace}/${owner.vmName}` })]
    : [];
};

const validateStaticIp = (form: InterfaceForm, ctx: InterfaceValidationContext): FieldIssue[] => {
  const text = form.staticIp?.trim();
  if (!text) return [];
  if (!isSecondary(form)) return [issue('staticIp', 'static-ip-secondary-only')];
  const cidr = parseCidr(text);
  if (!cidr) return [issue('staticIp', 'cidr-format')];
  // 10.0.0.0/24 names the network, not a host in it (except /31 and /32, and any IPv6 /127+ pair).
  const hostPrefix = cidr.family === 4 ? 31 : 127;
  if (!hasHostBits(cidr) && cidr.prefix < hostPrefix) return [issue('staticIp', 'static-ip-network-address')];
  const out: FieldIssue[] = [];
  // On a network that assigns addresses from subnets, an address outside them never reaches anyone.
  const subnets = ctx.options.find((o) => o.id === form.networkId)?.subnets ?? [];
  const parsed = subnets.map(parseCidr).filter((c) => c !== undefined);
  const sameFamily = parsed.filter((c) => c.family === cidr.family);
  if (parsed.length && !sameFamily.some((c) => cidrContainsIP(c, { family: cidr.family, value: cidr.ip })))
    out.push(issue('staticIp', 'static-ip-outside-subnet', { subnets: subnets.join(', ') }));
  if (!form.macAddress?.trim() && !form.guestName?.trim())
    out.push(issue('guestName', 'static-ip-needs-match'));
  if (form.guestName?.trim() && !IFNAME.test(form.guestName.trim()))
    out.push(issue('guestName', 'guest-name-format'));
  const target = networkDataTarget(ctx.vm);
  if (target.kind === 'none') out.push(issue('staticIp', 'static-ip-no-cloud-init'));
  else if (target.kind === 'unmanaged') out.push(issue('staticIp', 'static-ip-unmanaged'));
  else if (out.length === 0) {
    const entry = { id: staticIpId(form), cidr: text };
    const res = withStaticIp(ctx.vm, target.networkData, entry, ctx.editing !== undefined);
    if ('error' in res) out.push(issue('staticIp', res.error));
  }
  // cloud-init applies network config when the guest boots; a hot-plugged NIC gets it at the next boot.
  if (ctx.running) out.push(warning('staticIp', 'static-ip-next-boot'));
  return out;
};

export const validateInterfaceForm = (form: InterfaceForm, ctx: InterfaceValidationContext): FieldIssue[] => {
  const out = [...validateName(form, ctx), ...validateNetworkAndBinding(form, ctx)];
  if (!INTERFACE_MODELS.some((m) => m === form.model)) out.push(issue('model', 'model-unknown'));
  out.push(...validateMac(form, ctx));
  if (form.linkState === 'down' && form.binding && !supportsLinkState(form.binding)) {
    out.push(issue('linkState', 'link-state-unsupported'));
  }
  out.push(...validateStaticIp(form, ctx));
  return out;
};
