/**
 * IPv4 / IPv6 on an interface an NNCP creates, following nmstate's own rules (nmstate/nmstate
 * rust/src/lib/ip.rs: `autoconf` is refused under ipv4, an address of the other family in a section is refused,
 * prefix lengths 0–32 / 0–128; rust/src/lib/nm/ip.rs: IPv6 autoconf without DHCP is "not supported yet";
 * rust/src/lib/ifaces/inter_ifaces_controller.rs: a port of a bridge or bond "cannot have IP enabled"). Static
 * addresses are written with `dhcp: false` (with DHCP on nmstate only logs that they were given).
 */
import type { FieldIssue } from '../../issues';
import type { NMStateInterface, NodeNetworkState } from '../../kube/networks';
import { parseIP } from '../../net/cidr';
import { err, warn } from '../shared/check';
import { type ManifestReader, isObject } from '../shared/reader';

export const IPV4_MODES = ['disabled', 'dhcp', 'static'] as const;
export const IPV6_MODES = ['disabled', 'dhcp', 'autoconf', 'static'] as const;
export type Ipv4Mode = (typeof IPV4_MODES)[number];
export type Ipv6Mode = (typeof IPV6_MODES)[number];

/** One family's configuration; `addresses` ("ip/prefix") are used in mode 'static'. */
export type IpForm<M extends string> = { mode: M; addresses: string[] };
export type Ipv4Form = IpForm<Ipv4Mode>;
export type Ipv6Form = IpForm<Ipv6Mode>;

type Family = 4 | 6;
type Address = { ip: string; 'prefix-length': number };

/** "10.0.0.5/24" → the nmstate address; undefined when it is not an address of `family` with a prefix in range. */
export const parseAddress = (text: string, family: Family): Address | undefined => {
  const m = /^([^/\s]+)\/(0|[1-9]\d{0,2})$/.exec(text.trim());
  const ip = m ? parseIP(m[1] ?? '') : undefined;
  const prefix = Number(m?.[2]);
  if (!m || !ip || ip.family !== family || prefix > (family === 4 ? 32 : 128)) return undefined;
  return { ip: m[1] ?? '', 'prefix-length': prefix };
};

const addressesOf = (form: IpForm<string>, family: Family): Address[] =>
  form.addresses.flatMap((a) => {
    const parsed = parseAddress(a, family);
    return parsed ? [parsed] : [];
  });

/** The nmstate `ipv4` section of a form; undefined form → the key is left out (the node keeps what it has). */
export const ipv4State = (form: Ipv4Form | undefined): NMStateInterface['ipv4'] => {
  if (!form) return undefined;
  switch (form.mode) {
    case 'dhcp':
      return { enabled: true, dhcp: true };
    case 'static':
      return { enabled: true, dhcp: false, address: addressesOf(form, 4) };
    default:
      return { enabled: false };
  }
};

export const ipv6State = (form: Ipv6Form | undefined): NMStateInterface['ipv6'] => {
  if (!form) return undefined;
  switch (form.mode) {
    case 'dhcp':
      return { enabled: true, dhcp: true, autoconf: false };
    case 'autoconf':
      // NetworkManager's "auto" method: router advertisements, and DHCPv6 when they say so.
      return { enabled: true, dhcp: true, autoconf: true };
    case 'static':
      return { enabled: true, dhcp: false, autoconf: false, address: addressesOf(form, 6) };
    default:
      return { enabled: false };
  }
};

const addressText = (a: unknown): string =>
  isObject(a) ? `${String(a.ip)}/${String(a['prefix-length'])}` : '';

/** The form of an existing interface's section; undefined when the policy leaves the key out. */
export const ipv4FormOf = (ip: NMStateInterface['ipv4']): Ipv4Form | undefined => {
  if (!ip) return undefined;
  if (!ip.enabled) return { mode: 'disabled', addresses: [] };
  return ip.dhcp
    ? { mode: 'dhcp', addresses: [] }
    : { mode: 'static', addresses: (ip.address ?? []).map(addressText) };
};

export const ipv6FormOf = (ip: NMStateInterface['ipv6']): Ipv6Form | undefined => {
  if (!ip) return undefined;
  if (!ip.enabled) return { mode: 'disabled', addresses: [] };
  if (ip.dhcp) return { mode: ip.autoconf ? 'autoconf' : 'dhcp', addresses: [] };
  return { mode: 'static', addresses: (ip.address ?? []).map(addressText) };
};

const EXAMPLE: Record<Family, string> = { 4: '192.0.2.10/24', 6: '2001:db8::10/64' };

/** One family of the form: each address parses, a static mode has at least one. */
const validateFamily = (field: 'ipv4' | 'ipv6', form: IpForm<string> | undefined, family: Family) => {
  if (!form || form.mode !== 'static') return [];
  if (form.addresses.every((a) => a.trim() === ''))
    return [err(`${field}.addresses`, 'ip-static-needs-address')];
  return form.addresses.flatMap((a, i): FieldIssue[] => {
    const f = `${field}.addresses[${i}]`;
    const text = a.trim();
    if (text === '') return [];
    if (parseAddress(text, family)) return [];
    const [addr = '', prefix] = text.split('/');
    const ip = parseIP(addr);
    if (ip && ip.family !== family) return [err(f, 'ip-family', { address: addr, section: field })];
    if (ip && prefix !== undefined && /^\d+$/.test(prefix))
      return [err(f, 'ip-prefix-range', { max: family === 4 ? 32 : 128 })];
    return [err(f, 'ip-address-format', { example: EXAMPLE[family] })];
  });
};

/**
 * IP issues of the form's interface. `nodes`: how many nodes the policy selects (a static address on several
 * nodes is the same address on each of them).
 */
export const validateIpForm = (
  ipv4: Ipv4Form | undefined,
  ipv6: Ipv6Form | undefined,
  nodes: number | undefined,
): FieldIssue[] => {
  const statics = [
    ...(ipv4?.mode === 'static' ? addressesOf(ipv4, 4) : []),
    ...(ipv6?.mode === 'static' ? addressesOf(ipv6, 6) : []),
  ];
  const seen = new Map<string, string>();
  const dups = [
    ...(ipv4?.mode === 'static' ? ipv4.addresses.map((a, i) => ({ a, f: `ipv4.addresses[${i}]` })) : []),
    ...(ipv6?.mode === 'static' ? ipv6.addresses.map((a, i) => ({ a, f: `ipv6.addresses[${i}]` })) : []),
  ].flatMap(({ a, f }) => {
    const ip = a.trim().split('/')[0] ?? '';
    if (!ip) return [];
    const other = seen.get(ip);
    seen.set(ip, f);
    return other ? [err(f, 'ip-listed-twice', { ip })] : [];
  });
  return [
    ...validateFamily('ipv4', ipv4, 4),
    ...validateFamily('ipv6', ipv6, 6),
    ...dups,
    ...(nodes !== undefined && nodes > 1 && statics.length
      ? [
          warn(ipv4?.mode === 'static' ? 'ipv4.addresses' : 'ipv6.addresses', 'ip-static-many-nodes', {
            count: nodes,
            ip: statics[0]?.ip ?? '',
          }),
        ]
      : []),
  ];
};

/**
 * A static address the form sets that a selected node already has on another interface (`own`: the interface
 * an edit changes, whose current addresses are its own).
 */
export const validateIpOnNodes = (
  ipv4: Ipv4Form | undefined,
  ipv6: Ipv6Form | undefined,
  own: string | undefined,
  states: readonly NodeNetworkState[],
): FieldIssue[] => {
  const fields = [
    ...(ipv4?.mode === 'static'
      ? ipv4.addresses.map((a, i) => ({ a, f: `ipv4.addresses[${i}]`, family: 4 as const }))
      : []),
    ...(ipv6?.mode === 'static'
      ? ipv6.addresses.map((a, i) => ({ a, f: `ipv6.addresses[${i}]`, family: 6 as const }))
      : []),
  ];
  return fields.flatMap(({ a, f, family }) => {
    const parsed = parseAddress(a, family);
    if (!parsed) return [];
    const mine = parseIP(parsed.ip)?.value;
    const same = (ip: string) => {
      const x = parseIP(ip);
      return x?.family === family && x.value === mine;
    };
    for (const s of states) {
      for (const i of s.status?.currentState?.interfaces ?? []) {
        if (i.name === own) continue;
        const section = family === 4 ? i.ipv4 : i.ipv6;
        if ((section?.address ?? []).some((x) => same(x.ip)))
          return [err(f, 'ip-duplicate', { ip: parsed.ip, other: `${i.name} (${s.metadata.name})` })];
      }
    }
    return [];
  });
};

/**
 * Manifest-level IP checks of every interface of a desired state: nmstate's refusals (autoconf under ipv4, an
 * address of the other family, prefix out of range, IPv6 autoconf without DHCP, IP on a port), static addresses
 * with DHCP on, and one address on two interfaces of the policy.
 */
export const ipManifestIssues = (r: ManifestReader, ports: ReadonlyMap<string, string>): FieldIssue[] => {
  const interfaces = r.list('spec.desiredState.interfaces') ?? [];
  const owners = new Map<string, string>();
  return interfaces.flatMap((_, i) => {
    const p = `spec.desiredState.interfaces[${i}]`;
    const name = r.string(`${p}.name`) ?? '';
    if (r.string(`${p}.state`) === 'absent') return [];
    return (['ipv4', 'ipv6'] as const).flatMap((section): FieldIssue[] => {
      const s = `${p}.${section}`;
      const ip = r.get(s);
      if (!isObject(ip)) return [];
      const family: Family = section === 'ipv4' ? 4 : 6;
      const enabled = ip.enabled === true;
      const dhcp = ip.dhcp === true;
      const addresses = Array.isArray(ip.address) ? (ip.address as unknown[]) : [];
      const controller = ports.get(name);
      const issues: FieldIssue[] = [
        ...(section === 'ipv4' && ip.autoconf !== undefined
          ? [err(`${s}.autoconf`, 'ip-autoconf-ipv4')]
          : []),
        ...(section === 'ipv6' && ip.autoconf === true && !dhcp && enabled
          ? [err(`${s}.autoconf`, 'ip-autoconf-without-dhcp')]
          : []),
        ...(enabled && controller ? [err(`${s}.enabled`, 'ip-on-port', { iface: name, controller })] : []),
        ...(enabled && dhcp && addresses.length ? [warn(`${s}.address`, 'ip-static-with-dhcp')] : []),
      ];
      addresses.forEach((a, j) => {
        const f = `${s}.address[${j}]`;
        if (!isObject(a) || typeof a.ip !== 'string') {
          issues.push(err(`${f}.ip`, 'required'));
          return;
        }
        const parsed = parseIP(a.ip);
        const prefix = a['prefix-length'];
        if (!parsed) issues.push(err(`${f}.ip`, 'ip-address-format', { example: EXAMPLE[family] }));
        else if (parsed.family !== family)
          issues.push(err(`${f}.ip`, 'ip-family', { address: a.ip, section }));
        // The bound is the address's own family's (a wrong family is reported once, on the ip).
        const max = (parsed?.family ?? family) === 4 ? 32 : 128;
        if (prefix === undefined) issues.push(err(`${f}.prefix-length`, 'required'));
        else if (!Number.isInteger(Number(prefix)) || Number(prefix) < 0 || Number(prefix) > max)
          issues.push(err(`${f}.prefix-length`, 'ip-prefix-range', { max }));
        if (parsed && enabled) {
          const other = owners.get(a.ip);
          if (other !== undefined && other !== name)
            issues.push(err(`${f}.ip`, 'ip-duplicate', { ip: a.ip, other }));
          else owners.set(a.ip, name);
        }
      });
      return issues;
    });
  });
};

/** Interface name → the bridge or bond of this desired state that has it as a port. */
export const portsOf = (interfaces: readonly unknown[]): Map<string, string> => {
  const ports = new Map<string, string>();
  for (const x of interfaces) {
    if (!isObject(x) || typeof x.name !== 'string' || x.state === 'absent') continue;
    const bridge = isObject(x.bridge) && Array.isArray(x.bridge.port) ? x.bridge.port : [];
    const agg = isObject(x['link-aggregation']) ? x['link-aggregation'] : undefined;
    const bond =
      agg && Array.isArray(agg.port) ? agg.port : agg && Array.isArray(agg.slaves) ? agg.slaves : [];
    for (const p of [...(bridge as unknown[]), ...(bond as unknown[])]) {
      const n = typeof p === 'string' ? p : isObject(p) && typeof p.name === 'string' ? p.name : undefined;
      if (n && n !== x.name) ports.set(n, x.name);
    }
  }
  return ports;
};
