/**
 * KubeVirt's VM admission rules for the fields of one interface and for the VM-wide network facts, read rule by
 * rule from kubevirt/kubevirt (the file of each rule is named at it):
 *   pkg/network/admitter/netiface.go   name format, model, PCI address, ports, port ranges, DHCP options
 *   pkg/network/admitter/binding.go    exactly one binding, masquerade reserved MAC
 *   pkg/network/admitter/discontinued.go  slirp, passt (the old key) and macvtap refused on create
 *   pkg/network/admitter/netsource.go  a multus network needs a networkName
 *   pkg/network/admitter/dra.go        resourceClaim networks
 *   pkg/virt-api/webhooks/validating-webhook/admitters/vmi-create-admitter.go  boot order, probes need the pod network
 * Values are read as the manifest gives them (unknown), so a wrong type is reported, never thrown.
 */
import type { FieldIssue } from '../../issues';
import { err, warn } from '../shared/check';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

// netiface.go validateInterfaceNameFormat.
const IFACE_NAME = /^[A-Za-z0-9_-]+$/;
// netiface.go validInterfaceModels.
export const VM_INTERFACE_MODELS = ['e1000', 'e1000e', 'igb', 'ne2k_pci', 'pcnet', 'rtl8139', 'virtio'];
// pkg/util/hardware PCI_ADDRESS_PATTERN: domain:bus:slot.function.
const PCI_ADDRESS = /^[\da-fA-F]{4}:[\da-fA-F]{2}:[\da-fA-F]{2}\.[0-7]$/;
// pkg/network/link/mac.go StaticMasqueradeBridgeMAC: compared as written.
export const MASQUERADE_BRIDGE_MAC = '02:00:00:00:00:00';
// The discontinued binding keys (discontinued.go): refused when a VM is created.
const DISCONTINUED = ['slirp', 'passt', 'macvtap'] as const;

/** apimachinery IsValidPortName (an IANA service name): ≤ 15, lowercase alphanumerics and "-", one letter. */
export const isValidPortName = (name: string): boolean =>
  name.length <= 15 &&
  /^[-a-z0-9]+$/.test(name) &&
  /[a-z]/.test(name) &&
  !name.includes('--') &&
  !name.startsWith('-') &&
  !name.endsWith('-');

const isIPv4 = (s: string): boolean => {
  const parts = s.split('.');
  return (
    parts.length === 4 &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && String(Number(p)) === p)
  );
};

/** The interface's own fields: name, model, PCI address, discontinued bindings, masquerade MAC, DHCP options. */
export const interfaceFieldIssues = (iface: Obj, i: number): FieldIssue[] => {
  const f = `interfaces[${i}]`;
  const out: FieldIssue[] = [];
  if (typeof iface.name === 'string' && !IFACE_NAME.test(iface.name))
    out.push(err(`${f}.name`, 'vm-iface-name'));
  if (iface.model !== undefined && iface.model !== '') {
    if (typeof iface.model !== 'string' || !VM_INTERFACE_MODELS.includes(iface.model))
      out.push(err(`${f}.model`, 'vm-iface-model', { allowed: VM_INTERFACE_MODELS.join(', ') }));
  }
  if (iface.pciAddress !== undefined && iface.pciAddress !== '') {
    if (typeof iface.pciAddress !== 'string' || !PCI_ADDRESS.test(iface.pciAddress))
      out.push(err(`${f}.pciAddress`, 'vm-pci-address'));
  }
  for (const key of DISCONTINUED)
    if (iface[key] !== undefined) out.push(err(`${f}.${key}`, 'vm-binding-discontinued', { binding: key }));
  if (iface.masquerade !== undefined && iface.macAddress === MASQUERADE_BRIDGE_MAC)
    out.push(err(`${f}.macAddress`, 'mac-reserved', { mac: MASQUERADE_BRIDGE_MAC }));
  const dhcp = iface.dhcpOptions;
  if (isObj(dhcp)) {
    const seen = new Set<unknown>();
    list(dhcp.privateOptions).forEach((o, j) => {
      const option = isObj(o) ? o.option : undefined;
      const field = `${f}.dhcpOptions.privateOptions[${j}]`;
      if (typeof option !== 'number' || option < 224 || option > 254)
        out.push(err(`${field}.option`, 'vm-dhcp-option-range'));
      if (seen.has(option)) out.push(err(`${field}.option`, 'vm-dhcp-option-duplicate'));
      seen.add(option);
    });
    list(dhcp.ntpServers).forEach((ip, j) => {
      if (typeof ip !== 'string' || !isIPv4(ip))
        out.push(err(`${f}.dhcpOptions.ntpServers[${j}]`, 'vm-ntp-server'));
    });
  }
  return out;
};

/** netiface.go validatePortConfiguration: `ports` on the pod network (elsewhere KubeVirt ignores them). */
const portIssues = (iface: Obj, f: string): FieldIssue[] => {
  const names = new Set<string>();
  return list(iface.ports).flatMap((p, j) => {
    const pf = `${f}.ports[${j}]`;
    if (!isObj(p)) return [err(pf, 'not-an-object')];
    const out: FieldIssue[] = [];
    if (typeof p.name === 'string' && p.name !== '') {
      if (names.has(p.name)) out.push(err(`${pf}.name`, 'vm-port-name-duplicate', { name: p.name }));
      if (!isValidPortName(p.name)) out.push(err(`${pf}.name`, 'vm-port-name'));
      names.add(p.name);
    }
    if (p.port === undefined || p.port === 0) out.push(err(`${pf}.port`, 'required'));
    else if (typeof p.port !== 'number' || !Number.isInteger(p.port) || p.port < 0 || p.port >= 65536)
      out.push(err(`${pf}.port`, 'vm-port-range'));
    if (p.protocol !== undefined && p.protocol !== '' && p.protocol !== 'TCP' && p.protocol !== 'UDP')
      out.push(err(`${pf}.protocol`, 'vm-port-protocol'));
    return out;
  });
};

/** netiface.go validatePortRangesConfiguration (VEP 168; behind the PortRangesSpec feature gate). */
const portRangeIssues = (iface: Obj, f: string): FieldIssue[] => {
  const ranges = list(iface.portRanges);
  const out: FieldIssue[] = [warn(`${f}.portRanges`, 'vm-port-ranges-gate')];
  if (iface.ports !== undefined) out.push(err(`${f}.portRanges`, 'vm-port-ranges-with-ports'));
  if (iface.masquerade === undefined) out.push(err(`${f}.portRanges`, 'vm-port-ranges-masquerade'));
  if (ranges.length > 10) return [...out, err(`${f}.portRanges`, 'too-many', { max: 10 })];
  const byProtocol = new Map<string, { start: number; end: number; j: number }[]>();
  ranges.forEach((r, j) => {
    const rf = `${f}.portRanges[${j}]`;
    const o = isObj(r) ? r : {};
    const valid = (n: unknown): n is number =>
      typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 65536;
    if (o.protocol !== 'TCP' && o.protocol !== 'UDP') out.push(err(`${rf}.protocol`, 'vm-port-protocol'));
    else if (!valid(o.start)) out.push(err(`${rf}.start`, 'vm-port-range'));
    else if (!valid(o.end)) out.push(err(`${rf}.end`, 'vm-port-range'));
    else if (o.start > o.end) out.push(err(`${rf}.start`, 'vm-port-range-order'));
    else
      byProtocol.set(o.protocol, [...(byProtocol.get(o.protocol) ?? []), { start: o.start, end: o.end, j }]);
  });
  for (const [protocol, spans] of byProtocol) {
    const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let k = 1; k < sorted.length; k++) {
      const [prev, cur] = [sorted[k - 1]!, sorted[k]!];
      if (cur.start <= prev.end)
        out.push(
          err(`${f}.portRanges[${cur.j}]`, 'vm-port-ranges-overlap', {
            protocol,
            other: `${prev.start}-${prev.end}`,
          }),
        );
    }
  }
  return out;
};

/** Ports and port ranges are read only for an interface on the pod network (netiface.go). */
export const podPortIssues = (iface: Obj, i: number, onPodNetwork: boolean): FieldIssue[] => {
  const f = `interfaces[${i}]`;
  // portRanges without the gate are refused on any network; with it, the checks run on the pod network.
  if (!onPodNetwork)
    return iface.portRanges !== undefined ? [warn(`${f}.portRanges`, 'vm-port-ranges-gate')] : [];
  return [
    ...(iface.ports !== undefined ? portIssues(iface, f) : []),
    ...(iface.portRanges !== undefined ? portRangeIssues(iface, f) : []),
  ];
};

/**
 * vmi-create-admitter.go validateBootOrder / validateInterfaceBootOrder: a boot order is ≥ 1 and unique across
 * disks and interfaces. Fields: 'interfaces[0].bootOrder', 'disks[1].bootOrder'.
 */
export const bootOrderIssues = (interfaces: readonly unknown[], disks: readonly unknown[]): FieldIssue[] => {
  const seen = new Map<number, string>();
  const out: FieldIssue[] = [];
  const visit = (entries: readonly unknown[], kind: 'disks' | 'interfaces') =>
    entries.forEach((d, i) => {
      const order = isObj(d) ? d.bootOrder : undefined;
      if (order === undefined || order === null) return;
      const field = `${kind}[${i}].bootOrder`;
      if (typeof order !== 'number' || !Number.isInteger(order))
        return void out.push(err(field, 'not-an-integer'));
      if (order < 1) return void out.push(err(field, 'vm-boot-order'));
      const other = seen.get(order);
      // Disks are checked first upstream, so the interface is the one reported.
      if (other !== undefined) out.push(err(field, 'vm-boot-order-duplicate', { other }));
      else seen.set(order, `${kind}[${i}]`);
    });
  visit(disks, 'disks');
  visit(interfaces, 'interfaces');
  return out;
};

/** vmi-create-admitter.go: an httpGet or tcpSocket probe needs the pod network (`pod: {}`). */
export const probeIssues = (spec: Obj, hasPodNetwork: boolean): FieldIssue[] =>
  hasPodNetwork
    ? []
    : (['readinessProbe', 'livenessProbe'] as const).flatMap((p) => {
        const probe = spec[p];
        if (!isObj(probe)) return [];
        return (['httpGet', 'tcpSocket'] as const)
          .filter((k) => probe[k] !== undefined)
          .map((k) => err(`${p}.${k}`, 'vm-probe-pod-network'));
      });

/**
 * dra.go: a network backed by a resourceClaim (DRA) needs an SR-IOV interface, a claimName and a requestName,
 * a claim declared in spec.resourceClaims, a unique claim/request pair, and no multus networks beside it.
 */
export const draIssues = (spec: Obj, interfaces: readonly Obj[]): FieldIssue[] => {
  const networks = list(spec.networks).filter(isObj);
  const dra = networks.flatMap((n, i) => (isObj(n.resourceClaim) ? [{ n, i, rc: n.resourceClaim }] : []));
  if (!dra.length) return [];
  const claims = new Set(
    list(spec.resourceClaims).flatMap((c) => (isObj(c) && typeof c.name === 'string' ? [c.name] : [])),
  );
  const pairs = new Map<string, number>();
  const out: FieldIssue[] = [];
  for (const { n, i, rc } of dra) {
    const f = `networks[${i}].resourceClaim`;
    const iface = interfaces.find((x) => x.name === n.name);
    if (iface && iface.sriov === undefined) out.push(err(`networks[${i}]`, 'vm-dra-sriov'));
    const claim = typeof rc.claimName === 'string' ? rc.claimName : '';
    const request = typeof rc.requestName === 'string' ? rc.requestName : '';
    if (!claim) out.push(err(`${f}.claimName`, 'required'));
    if (!request) out.push(err(`${f}.requestName`, 'required'));
    if (!claim || !request) continue;
    if (!claims.has(claim)) out.push(err(`${f}.claimName`, 'vm-dra-claim-unknown', { claim }));
    const key = `${claim}/${request}`;
    const first = pairs.get(key);
    if (first !== undefined)
      out.push(err(`networks[${i}]`, 'vm-dra-duplicate', { other: `networks[${first}]` }));
    else pairs.set(key, i);
  }
  const multus = networks.findIndex((n) => n.multus !== undefined);
  if (multus >= 0) out.push(err(`networks[${multus}]`, 'vm-dra-multus'));
  return out;
};
