/**
 * Minimal IP / CIDR parsing for search and the static-IP field. Written locally because no shared
 * `src/domain/net/cidr.ts` existed when this module was written; swap for it if one lands.
 *
 * Addresses are compared as a "key": `4:` + 8 hex digits or `6:` + 32 hex digits, so equal addresses written
 * differently (`fd00::1` vs `fd00:0:0::1`) compare equal and a CIDR test is a bit-prefix test on the hex.
 */

const V4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/;

const v4Hex = (s: string): string | undefined => {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => V4_OCTET.test(p))) return undefined;
  return parts.map((p) => Number(p).toString(16).padStart(2, '0')).join('');
};

/** 32 hex digits for a valid IPv6 address (with `::` and an optional dotted IPv4 tail), else undefined. */
const v6Hex = (input: string): string | undefined => {
  let s = input.toLowerCase();
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    // A dotted IPv4 tail ("::ffff:10.0.0.1") stands for the last two groups.
    const v4 = v4Hex(s.slice(lastColon + 1));
    if (!v4) return undefined;
    s = `${s.slice(0, lastColon + 1)}${v4.slice(0, 4)}:${v4.slice(4)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves[1] ? halves[1].split(':') : [];
  const total = head.length + rest.length;
  if (![...head, ...rest].every((g) => HEX_GROUP.test(g))) return undefined;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const zeros = Array<string>(8 - total).fill('0000');
  return [...head, ...zeros, ...rest].map((g) => g.padStart(4, '0')).join('');
};

/** Canonical comparison key for an IPv4 or IPv6 address, or undefined if it is not one. */
export const ipKey = (ip: string): string | undefined => {
  if (ip.includes(':')) {
    const h = v6Hex(ip);
    return h ? `6:${h}` : undefined;
  }
  const h = v4Hex(ip);
  return h ? `4:${h}` : undefined;
};

export type Cidr = { family: 4 | 6; key: string; prefix: number };

/** `10.0.0.0/24`, `fd00::/64`; the prefix must fit the family (≤ 32 or ≤ 128). */
export const parseCidr = (s: string): Cidr | undefined => {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const key = ipKey(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (!key || !/^\d{1,3}$/.test(bits)) return undefined;
  const family = key[0] === '4' ? 4 : 6;
  const prefix = Number(bits);
  if (prefix > (family === 4 ? 32 : 128)) return undefined;
  return { family, key, prefix };
};

/** True when the address key lies in the CIDR: compare whole hex digits, then the remaining high bits. */
export const keyInCidr = (key: string, cidr: Cidr): boolean => {
  if (key[0] !== cidr.key[0]) return false;
  const nibbles = cidr.prefix >> 2;
  // +2 skips the "4:" / "6:" tag.
  if (key.slice(2, 2 + nibbles) !== cidr.key.slice(2, 2 + nibbles)) return false;
  const rem = cidr.prefix & 3;
  if (rem === 0) return true;
  const shift = 4 - rem;
  return (
    parseInt(key.charAt(2 + nibbles), 16) >> shift === parseInt(cidr.key.charAt(2 + nibbles), 16) >> shift
  );
};

/** Host bits set (e.g. `10.0.0.5/24`): fine for an interface address, wrong for a network. */
export const hasHostBits = (cidr: Cidr): boolean => {
  const hex = cidr.key.slice(2);
  const bits = [...hex].map((c) => parseInt(c, 16).toString(2).padStart(4, '0')).join('');
  return bits.slice(cidr.prefix).includes('1');
};

/**
 * Link-local (fe80::/10, 169.254.0.0/16). KubeVirt reports them; kubevirt-plugin hides fe80:: (CNV-65987). We
 * keep them, marked, so the user sees every address the guest has.
 */
export const isLinkLocalKey = (key: string): boolean =>
  key.startsWith('6:fe') ? (parseInt(key.charAt(4), 16) & 0xc) === 0x8 : key.startsWith('4:a9fe');
