/**
 * IP parsing for the row/search hot path. Validation uses the shared bigint-based `src/domain/net/cidr.ts`;
 * this module stays separate because rows parse every reported address (120,000 at 10,000 VMs) and a string
 * key costs no bigint allocations.
 *
 * Addresses are compared as a "key": `4:` + 8 hex digits or `6:` + 32 hex digits, so equal addresses written
 * differently (`fd00::1` vs `fd00:0:0::1`) compare equal and a CIDR test is a bit-prefix test on the hex.
 */

// Hand-rolled (no split/regex/map): rows parse every reported address, 120,000 of them at 10,000 VMs.
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 8 hex digits for a dotted IPv4 address; rejects leading zeros (as Go's net.ParseIP does since 1.17). */
const v4Hex = (s: string): string | undefined => {
  let out = '';
  let octet = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || parts === 4) return undefined;
      out += HEX2[octet];
      parts++;
      octet = 0;
      digits = 0;
    } else {
      if (c < 48 || c > 57 || (digits > 0 && octet === 0)) return undefined;
      octet = octet * 10 + (c - 48);
      digits++;
      if (octet > 255) return undefined;
    }
  }
  return parts === 4 ? out : undefined;
};

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

/** ':'-separated groups of 1–4 hex digits → zero-padded hex and group count; '' is zero groups. */
const groupsHex = (s: string): { hex: string; count: number } | undefined => {
  if (s === '') return { hex: '', count: 0 };
  let hex = '';
  let count = 0;
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 58;
    if (c === 58) {
      const len = i - start;
      if (len === 0 || len > 4) return undefined;
      hex += '0000'.slice(len) + s.slice(start, i);
      count++;
      start = i + 1;
    } else if (!isHex(c)) return undefined;
  }
  return { hex, count };
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
  const dbl = s.indexOf('::');
  if (dbl < 0) {
    const all = groupsHex(s);
    return all && all.count === 8 ? all.hex : undefined;
  }
  if (s.includes('::', dbl + 1)) return undefined;
  const head = groupsHex(s.slice(0, dbl));
  const tail = groupsHex(s.slice(dbl + 2));
  if (!head || !tail || head.count + tail.count > 7) return undefined;
  return head.hex + '0000'.repeat(8 - head.count - tail.count) + tail.hex;
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
