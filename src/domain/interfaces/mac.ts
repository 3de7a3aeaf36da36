/**
 * MAC addresses as KubeVirt checks them: it parses `macAddress` with Go's net.ParseMAC
 * (https://pkg.go.dev/net#ParseMAC), which accepts 6, 8 or 20 octets written as `xx:xx:…`, `xx-xx-…` or
 * `xxxx.xxxx.…` (exactly two / four hex digits per group, one separator throughout). A virtual NIC is MAC-48,
 * so we accept only the 6-octet forms. kubevirt-plugin's regex left the `.` unescaped, so `0123.4567x89ab`
 * passed; here every group and separator is checked.
 */

export type MacParse = { mac: string } | { error: 'mac-format' | 'mac-length' };

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
const allHex = (s: string) => [...s].every((ch) => isHex(ch.charCodeAt(0)));

/** Canonical lower-case `xx:xx:xx:xx:xx:xx`, or why the text is not a MAC-48. */
export const parseMac = (text: string): MacParse => {
  const s = text.trim().toLowerCase();
  let octets: string[];
  if (s.length >= 3 && (s[2] === ':' || s[2] === '-')) {
    const groups = s.split(s[2]);
    if (!groups.every((g) => g.length === 2 && allHex(g))) return { error: 'mac-format' };
    octets = groups;
  } else if (s.length >= 5 && s[4] === '.') {
    const groups = s.split('.');
    if (!groups.every((g) => g.length === 4 && allHex(g))) return { error: 'mac-format' };
    octets = groups.flatMap((g) => [g.slice(0, 2), g.slice(2)]);
  } else {
    return { error: 'mac-format' };
  }
  if (octets.length === 8 || octets.length === 20) return { error: 'mac-length' };
  if (octets.length !== 6) return { error: 'mac-format' };
  return { mac: octets.join(':') };
};

/** The I/G bit (lowest bit of the first octet) set means multicast; a NIC address must be unicast. */
export const isMulticastMac = (mac: string): boolean => (parseInt(mac.slice(0, 2), 16) & 1) === 1;
