/**
 * IPv4/IPv6 addresses and CIDRs as bigints. Parsing is as strict as the Kubernetes CEL `isCIDR`/`isIP`
 * functions the OVN-Kubernetes CRDs use (k8s.io/apiserver/pkg/cel/library/{ip,cidr}.go): Go's netip syntax
 * (no leading zeros in IPv4 octets or in the prefix length, no zones) and no IPv4-mapped IPv6 addresses.
 * Host bits after the prefix are allowed by `isCIDR`, so `parseCidr` keeps them and `hasHostBits` reports them.
 */
export type IPFamily = 4 | 6;

export type IP = { family: IPFamily; value: bigint };

export type Cidr = {
  family: IPFamily;
  /** The address as written (host bits included). */
  ip: bigint;
  prefix: number;
  /** The address with host bits cleared. */
  network: bigint;
};

const bitsOf = (family: IPFamily): number => (family === 4 ? 32 : 128);

const maskOf = (family: IPFamily, prefix: number): bigint => {
  const bits = BigInt(bitsOf(family));
  const all = (1n << bits) - 1n;
  return all ^ ((1n << (bits - BigInt(prefix))) - 1n);
};

const OCTET = /^(0|[1-9]\d{0,2})$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

const parseIPv4 = (text: string): bigint | undefined => {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!OCTET.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
};

const hextets = (text: string): bigint[] | undefined => {
  if (text === '') return [];
  const parts = text.split(':');
  return parts.every((p) => HEXTET.test(p)) ? parts.map((p) => BigInt(`0x${p}`)) : undefined;
};

const parseIPv6 = (text: string): bigint | undefined => {
  // Zones ("fe80::1%eth0") are refused by CEL isIP/isCIDR.
  if (text.includes('%')) return undefined;
  let head = text;
  let tail: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    // An embedded IPv4 tail ("::1.2.3.4") fills the last two hextets.
    tail = parseIPv4(last);
    if (tail === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = hextets(halves[0] ?? '');
  const right = halves.length === 2 ? hextets(halves[1] ?? '') : [];
  if (!left || !right) return undefined;
  const count = left.length + right.length;
  // Without "::" all 8 hextets are needed; with it, "::" must stand for at least one zero hextet (Go netip).
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const groups = [...left, ...Array<bigint>(8 - count).fill(0n), ...right];
  const value = groups.reduce((acc, g) => (acc << 16n) | g, 0n);
  return tail === undefined ? value : (value & ~0xffffffffn) | tail;
};

/** IPv4-mapped IPv6 (::ffff:0:0/96) is refused by the Kubernetes CEL ip()/cidr() functions. */
const isIPv4Mapped = (value: bigint): boolean => value >> 32n === 0xffffn;

/** Parses a single IP address, or returns undefined when CEL `isIP` would be false. */
export const parseIP = (text: string): IP | undefined => {
  if (text.includes(':')) {
    const value = parseIPv6(text);
    return value === undefined || isIPv4Mapped(value) ? undefined : { family: 6, value };
  }
  const value = parseIPv4(text);
  return value === undefined ? undefined : { family: 4, value };
};

const PREFIX = /^(0|[1-9]\d{0,2})$/;

/** Parses `addr/prefix`, or returns undefined when CEL `isCIDR` would be false. Host bits are kept. */
/**
 * Parsed CIDRs by text: the same few ranges (reserved, cluster and the files' own) are parsed again and again by
 * the checks, and BigInt parsing is what a 10,000-network lint run spent most of its checking time in. Cidr values
 * are frozen, so sharing them is safe; the cache is emptied when it grows past its bound.
 */
const parsedCidrs = new Map<string, Cidr | null>();
const PARSED_CIDRS_MAX = 50_000;

export const parseCidr = (text: string): Cidr | undefined => {
  const known = parsedCidrs.get(text);
  if (known !== undefined) return known ?? undefined;
  const cidr = parseCidrUncached(text);
  if (parsedCidrs.size >= PARSED_CIDRS_MAX) parsedCidrs.clear();
  parsedCidrs.set(text, cidr ? Object.freeze(cidr) : null);
  return cidr;
};

const parseCidrUncached = (text: string): Cidr | undefined => {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !PREFIX.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > bitsOf(ip.family)) return undefined;
  return { family: ip.family, ip: ip.value, prefix, network: ip.value & maskOf(ip.family, prefix) };
};

export const hasHostBits = (cidr: Cidr): boolean => cidr.ip !== cidr.network;

/** True when the two ranges share at least one address (one contains the other). */
export const cidrsOverlap = (a: Cidr, b: Cidr): boolean => {
  if (a.family !== b.family) return false;
  const mask = maskOf(a.family, Math.min(a.prefix, b.prefix));
  return (a.network & mask) === (b.network & mask);
};

/** True when every address of `inner` is in `outer` (CEL `cidr(outer).containsCIDR(inner)`). */
export const cidrContains = (outer: Cidr, inner: Cidr): boolean =>
  outer.family === inner.family &&
  outer.prefix <= inner.prefix &&
  (inner.network & maskOf(outer.family, outer.prefix)) === outer.network;

export const cidrContainsIP = (cidr: Cidr, ip: IP): boolean =>
  cidr.family === ip.family && (ip.value & maskOf(cidr.family, cidr.prefix)) === cidr.network;

const formatIPv4 = (value: bigint): string =>
  [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');

/** RFC 5952 text: lower case, the longest run (≥ 2) of zero hextets shortened to "::". */
const formatIPv6 = (value: bigint): string => {
  const groups = Array.from({ length: 8 }, (_, i) => (value >> BigInt(112 - 16 * i)) & 0xffffn);
  let best = { start: -1, len: 0 };
  let run = { start: -1, len: 0 };
  groups.forEach((g, i) => {
    run = g === 0n ? { start: run.len ? run.start : i, len: run.len + 1 } : { start: -1, len: 0 };
    if (run.len > best.len) best = run;
  });
  const hex = groups.map((g) => g.toString(16));
  if (best.len < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.len).join(':')}`;
};

export const formatIP = (ip: IP): string => (ip.family === 4 ? formatIPv4(ip.value) : formatIPv6(ip.value));

/** The canonical (masked) text of a CIDR, e.g. "10.0.0.5/24" → "10.0.0.0/24". */
export const formatCidr = (cidr: Cidr): string =>
  `${formatIP({ family: cidr.family, value: cidr.network })}/${cidr.prefix}`;

/** Number of addresses in the range, as a bigint (an IPv6 /0 does not fit a number). */
export const cidrSize = (cidr: Cidr): bigint => 1n << BigInt(bitsOf(cidr.family) - cidr.prefix);

/** The IP families present in a list of CIDR texts (unparsable entries ignored), sorted. */
export const familiesOf = (texts: readonly string[]): IPFamily[] =>
  [...new Set(texts.map((t) => parseCidr(t)?.family).filter((f): f is IPFamily => f !== undefined))].sort();

/** A dual-stack pair is exactly one IPv4 and one IPv6 CIDR, in any order. */
export const isDualStackPair = (texts: readonly string[]): boolean =>
  texts.length === 2 && familiesOf(texts).length === 2;
