/**
 * The VM-interfaces view model: one row per interface, joining the VM spec (desired) with the VMI spec and
 * `status.interfaces` (actual). Replaces kubevirt-plugin's component-level `useMemo` join and keeps what it
 * drops: link-local IPs, IP sources, "unknown" vs "none".
 */
import type {
  Binding,
  RunState,
  GuestAgentState,
  VM,
  VMI,
  VMInterface,
  VMIStatusInterface,
  VMNetwork,
} from '../kube/vm';
import {
  getBinding,
  getGuestAgentState,
  getRunState,
  hasImplicitPodInterface,
  implicitPodEntry,
  isRestartRequired,
  parseNadRef,
  specInterfaces,
  specNetworks,
  vmKey,
} from '../kube/vm';
import { isPendingHotplug, isPendingUnplug } from './hotplug';
import { ipKey, isLinkLocalKey } from './ip';

/** What an interface's network is (not the kinds the create wizard offers: manifests/shared/kinds.ts). */
export type NetworkRefKind = 'pod' | 'primary-udn' | 'multus' | 'sriov';

export type NetworkRef = {
  kind: NetworkRefKind;
  /** Stable filter key: `pod`, `primary-udn` or `<nadNamespace>/<nadName>`. */
  key: string;
  nadNamespace?: string;
  nadName?: string;
  /** Untranslated fallback; views translate pod / primary-udn by `kind`. */
  label: string;
};

export type IpSource = 'guest-agent' | 'domain' | 'multus-status' | (string & {});

export type RowIp = {
  address: string;
  /** `infoSource` of the status entry that reported it. */
  sources: IpSource[];
  linkLocal: boolean;
  /** Not in the latest status; kept by `rememberIps` while the guest agent flaps. */
  stale: boolean;
  lastSeen?: number;
};

/**
 * `reported`: at least one current address. `unknown`: the VMI runs but nothing that reports IPs (guest agent,
 * multus status) does, so we cannot tell. `none`: the agent is connected and reports no address. `stopped`: no VMI.
 */
export type IpStatus = 'reported' | 'unknown' | 'none' | 'stopped';

/**
 * Where the row comes from: the VM spec, the implicit pod interface KubeVirt attaches when the spec declares
 * none, the VMI spec only (removed from the VM, still on the VMI until restart), or VMI status only (an interface
 * the guest agent sees that no spec declares).
 */
export type RowOrigin = 'spec' | 'implicit' | 'vmi' | 'guest';

export type RowFlags = {
  /** In the VM spec, not (yet) on the running VMI. Stays until the VMI status shows it (hotplug.ts). */
  pendingHotplug: boolean;
  /** `state: absent` in the VM spec, or removed from the VM spec but still on the VMI (hotplug.ts). */
  pendingUnplug: boolean;
  /** The VM's RestartRequired condition (same for every row of the VM). */
  restartRequired: boolean;
  /** Desired link state differs from the state the VMI reports. */
  linkPending: boolean;
  /** Not declared by the VM spec (origin `vmi` or `guest`). */
  ephemeral: boolean;
};

export type InterfaceRow = {
  /** `<namespace>/<vm>/<interface>`; unique across rows. */
  id: string;
  vmName: string;
  namespace: string;
  runState: RunState;
  name: string;
  /** Name inside the guest (eth0…), when the agent reports it. */
  guestName?: string;
  origin: RowOrigin;
  network?: NetworkRef;
  binding?: Binding;
  model?: string;
  /** Lower-case, ':'-separated. The reported MAC wins: it is what the guest uses. */
  mac?: string;
  macOrigin?: 'spec' | 'reported';
  specMac?: string;
  reportedMac?: string;
  ips: RowIp[];
  ipStatus: IpStatus;
  link: { desired: 'up' | 'down' | 'absent'; reported?: string };
  guestAgent: GuestAgentState;
  flags: RowFlags;
  /** Lower-case text matched by `matchesSearch`: VM name, then a space before each IP and MAC. */
  searchKey: string;
  /** `ipKey` of each IP, in `ips` order, for exact and CIDR search without re-parsing. */
  ipKeys: string[];
};

export type RowOptions = {
  /** Namespaces whose pod network is a primary UDN (detected from NADs by the caller). */
  primaryUdnNamespaces?: ReadonlySet<string>;
};

export const normalizeMac = (mac: string | undefined): string | undefined =>
  mac ? mac.toLowerCase().replace(/-/g, ':') : undefined;

// Shared by every pod-network row (treat as read-only).
const POD: NetworkRef = { kind: 'pod', key: 'pod', label: 'Pod network' };
const PRIMARY_UDN: NetworkRef = { kind: 'primary-udn', key: 'primary-udn', label: 'Primary UDN' };

export const getNetworkRef = (
  net: VMNetwork | undefined,
  binding: Binding | undefined,
  vmNamespace: string,
  opts?: RowOptions,
): NetworkRef | undefined => {
  if (!net) return undefined;
  if (net.pod) {
    // A primary UDN replaces the pod network: VMs attach with `pod: {}` and the l2bridge binding plugin.
    return binding === 'l2bridge' || opts?.primaryUdnNamespaces?.has(vmNamespace) ? PRIMARY_UDN : POD;
  }
  if (!net.multus) return undefined;
  const { namespace, name } = parseNadRef(net.multus.networkName, vmNamespace);
  const label = `${namespace}/${name}`;
  // SR-IOV is a multus network whose interface uses the sriov binding.
  const kind = binding === 'sriov' ? 'sriov' : 'multus';
  return { kind, key: label, nadNamespace: namespace, nadName: name, label };
};

const sourceCache = new Map<string, IpSource[]>();
const NO_SOURCES: IpSource[] = [];

/**
 * `infoSource` is a comma-separated list such as "domain, guest-agent, multus-status". Only a handful of
 * distinct values exist, so the parsed lists are shared between rows (treat them as read-only).
 */
const parseSources = (s: string | undefined): IpSource[] => {
  if (!s) return NO_SOURCES;
  let parsed = sourceCache.get(s);
  if (!parsed) {
    parsed = s.split(',').map((x) => x.trim());
    if (sourceCache.size < 64) sourceCache.set(s, parsed);
  }
  return parsed;
};

const toRowIps = (st: VMIStatusInterface | undefined): { ips: RowIp[]; keys: string[] } => {
  const addrs = statusIps(st);
  const sources = parseSources(st?.infoSource);
  const ips: RowIp[] = [];
  const keys: string[] = [];
  for (const address of addrs) {
    const key = ipKey(address) ?? '';
    // Unparsable addresses are still shown (never dropped silently); they just never match a CIDR.
    ips.push({ address, sources, linkLocal: key !== '' && isLinkLocalKey(key), stale: false });
    keys.push(key);
  }
  return { ips, keys };
};

/** Row `i` starts a VM's rows (rows come grouped by VM): the first row, or another VM than the row before. */
export const startsVM = (rows: readonly InterfaceRow[], i: number): boolean => {
  const prev = rows[i - 1];
  const row = rows[i]!;
  return !prev || prev.vmName !== row.vmName || prev.namespace !== row.namespace;
};

/**
 * What a text search matches: the VM name, each IP, the MAC, then the interface name and the network's label
 * (after a tab, so an IP-prefix query, which starts with a space, never matches inside a name).
 */
export const buildSearchKey = (
  vmName: string,
  ips: readonly RowIp[],
  mac: string | undefined,
  names: { iface?: string; network?: string } = {},
): string => {
  let key = vmName.toLowerCase();
  for (const ip of ips) key += ' ' + ip.address.toLowerCase();
  if (mac) key += ' ' + mac;
  if (names.iface) key += '\t' + names.iface.toLowerCase();
  if (names.network) key += '\t' + names.network.toLowerCase();
  return key;
};

export const ipStatusOf = (ips: readonly RowIp[], vmi: VMI | undefined, agent: GuestAgentState): IpStatus => {
  if (ips.some((ip) => !ip.stale)) return 'reported';
  if (!vmi) return 'stopped';
  return agent === 'connected' ? 'none' : 'unknown';
};

/** A plain loop, not `Array.find`: called a few times per interface of every VM, it allocates no callback. */
const findByName = <T extends { name?: string }>(
  list: readonly T[] | undefined,
  name: string,
): T | undefined => {
  if (!list) return undefined;
  for (let i = 0; i < list.length; i++) if (list[i]!.name === name) return list[i];
  return undefined;
};

/** Spec interfaces of the VM, with the implicit pod interface KubeVirt attaches (kube/vm.ts) written out. */
const desired = (vm: VM): { ifaces: VMInterface[]; nets: VMNetwork[]; implicit: boolean } => {
  if (hasImplicitPodInterface(vm)) {
    const { iface, net } = implicitPodEntry();
    return { ifaces: [iface], nets: [net], implicit: true };
  }
  return { ifaces: specInterfaces(vm), nets: specNetworks(vm), implicit: false };
};

/**
 * One interface of a VM as the VM spec × VMI join sees it, before it becomes a row: its name and origin, the
 * spec entries and the status entry it was joined from, and whether it waits for a hot-plug or unplug.
 */
export type InterfaceEntry = {
  name: string;
  origin: RowOrigin;
  iface?: VMInterface;
  net?: VMNetwork;
  status?: VMIStatusInterface;
  pendingHotplug: boolean;
  pendingUnplug: boolean;
};

/**
 * The join itself: spec interfaces first, then VMI-only and guest-only ones. `buildInterfaceRows` makes rows of
 * it; the topology (domain/topology/vms.ts) draws its edges from it, so both pages agree on every interface.
 */
export const interfaceEntries = (vm: VM, vmi?: VMI): InterfaceEntry[] => {
  const statuses = vmi?.status?.interfaces;
  const vmiIfaces = vmi?.spec.domain.devices.interfaces;
  const { ifaces, nets, implicit } = desired(vm);
  const entries: InterfaceEntry[] = [];
  for (const iface of ifaces) {
    const st = findByName(statuses, iface.name);
    const inVmiSpec = findByName(vmiIfaces, iface.name) !== undefined;
    entries.push({
      name: iface.name,
      origin: implicit ? 'implicit' : 'spec',
      iface,
      net: findByName(nets, iface.name),
      status: st,
      pendingHotplug: isPendingHotplug(iface, vmi, inVmiSpec, st !== undefined),
      pendingUnplug: isPendingUnplug(iface, true),
    });
  }
  for (const iface of vmiIfaces ?? []) {
    if (findByName(ifaces, iface.name)) continue;
    entries.push({
      name: iface.name,
      origin: 'vmi',
      iface,
      net: findByName(vmi?.spec.networks, iface.name),
      status: findByName(statuses, iface.name),
      pendingHotplug: false,
      pendingUnplug: isPendingUnplug(iface, false),
    });
  }
  statuses?.forEach((st, i) => {
    if (st.name && (findByName(ifaces, st.name) || findByName(vmiIfaces, st.name))) return;
    const name = st.name || st.interfaceName || `#${i}`;
    entries.push({ name, origin: 'guest', status: st, pendingHotplug: false, pendingUnplug: false });
  });
  return entries;
};

/** Addresses a status entry reports (`ipAddresses`, else the single `ipAddress`). */
export const statusIps = (st: VMIStatusInterface | undefined): string[] => {
  if (!st) return [];
  if (st.ipAddresses?.length) return st.ipAddresses;
  return st.ipAddress ? [st.ipAddress] : [];
};

/** Rows for one VM and its VMI (if any): spec interfaces first, then VMI-only and guest-only ones. */
export const buildInterfaceRows = (vm: VM, vmi?: VMI, opts?: RowOptions): InterfaceRow[] => {
  const namespace = vm.metadata.namespace ?? '';
  const vmName = vm.metadata.name;
  const runState = getRunState(vm, vmi);
  const guestAgent = getGuestAgentState(vmi);
  const restartRequired = isRestartRequired(vm);
  return interfaceEntries(vm, vmi).map((entry): InterfaceRow => {
    const { name, origin, iface, net, status: st, pendingHotplug, pendingUnplug } = entry;
    const binding = iface ? getBinding(iface) : undefined;
    const specMac = normalizeMac(iface?.macAddress);
    const reportedMac = normalizeMac(st?.mac);
    const mac = reportedMac ?? specMac;
    const { ips, keys } = toRowIps(st);
    const desiredLink = iface?.state ?? 'up';
    const reported = st?.linkState;
    const networkRef = getNetworkRef(net, binding, namespace, opts);
    return {
      // Guest-only names come from the guest and may repeat a spec name; '~' keeps ids unique.
      id: `${namespace}/${vmName}/${origin === 'guest' ? '~' : ''}${name}`,
      vmName,
      namespace,
      runState,
      name,
      guestName: st?.interfaceName,
      origin,
      network: networkRef,
      binding,
      model: iface ? (iface.model ?? 'virtio') : undefined,
      mac,
      macOrigin: reportedMac ? 'reported' : specMac ? 'spec' : undefined,
      specMac,
      reportedMac,
      ips,
      ipStatus: ipStatusOf(ips, vmi, guestAgent),
      link: { desired: desiredLink, reported },
      guestAgent,
      flags: {
        pendingHotplug,
        pendingUnplug,
        restartRequired,
        linkPending: reported !== undefined && desiredLink !== 'absent' && reported !== desiredLink,
        ephemeral: origin === 'vmi' || origin === 'guest',
      },
      searchKey: buildSearchKey(vmName, ips, mac, { iface: name, network: networkRef?.label }),
      ipKeys: keys,
    };
  });
};

/** Rows for many VMs: VMIs are indexed once (a per-row lookup was kubevirt-plugin's list bottleneck, PR #251). */
export const buildVMRows = (vms: readonly VM[], vmis: readonly VMI[], opts?: RowOptions): InterfaceRow[] => {
  const byKey = new Map<string, VMI>();
  for (const vmi of vmis) byKey.set(vmKey(vmi.metadata.namespace, vmi.metadata.name), vmi);
  const rows: InterfaceRow[] = [];
  for (const vm of vms) {
    for (const row of buildInterfaceRows(
      vm,
      byKey.get(vmKey(vm.metadata.namespace, vm.metadata.name)),
      opts,
    )) {
      rows.push(row);
    }
  }
  return rows;
};
