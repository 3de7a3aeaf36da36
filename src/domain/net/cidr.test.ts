import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cidrContains,
  cidrContainsIP,
  cidrSize,
  cidrsOverlap,
  familiesOf,
  formatCidr,
  formatIP,
  hasHostBits,
  isDualStackPair,
  parseCidr,
  parseIP,
} from './cidr';

const c = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`test fixture ${text} does not parse`);
  return parsed;
};

describe('parseIP', () => {
  it.each([
    ['0.0.0.0', 4],
    ['255.255.255.255', 4],
    ['10.1.2.3', 4],
    ['::', 6],
    ['::1', 6],
    ['fd00::', 6],
    ['2001:DB8::1', 6],
    ['1:2:3:4:5:6:7:8', 6],
    ['1:2:3:4:5:6:7::', 6],
    ['::2:3:4:5:6:7:8', 6],
    ['64:ff9b::1.2.3.4', 6],
    ['::1.2.3.4', 6],
  ])('accepts %s as IPv%i', (text, family) => {
    expect(parseIP(text)?.family).toBe(family);
  });

  it.each([
    ['empty', ''],
    ['three octets', '10.0.0'],
    ['five octets', '10.0.0.0.0'],
    ['octet above 255', '10.0.0.256'],
    ['leading zero (Go netip refuses it)', '10.0.0.01'],
    ['sign', '10.0.0.+1'],
    ['spaces', ' 10.0.0.1'],
    ['two ellipses', '1::2::3'],
    ['triple colon', '1:::2'],
    ['nine hextets', '1:2:3:4:5:6:7:8:9'],
    ['seven hextets, no ellipsis', '1:2:3:4:5:6:7'],
    ['ellipsis that expands to nothing', '1:2:3:4::5:6:7:8'],
    ['five hex digits', '12345::'],
    ['zone', 'fe80::1%eth0'],
    ['IPv4-mapped IPv6 (CEL refuses it)', '::ffff:10.0.0.1'],
    ['bad IPv4 tail', '::1.2.3'],
    ['leading colon', ':1::'],
  ])('refuses %s', (_, text) => {
    expect(parseIP(text)).toBeUndefined();
  });

  it('reads the embedded IPv4 tail into the last 32 bits', () => {
    expect(parseIP('::1.2.3.4')?.value).toBe(0x01020304n);
  });
});

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/8', 4, 8, false],
    ['10.0.0.5/24', 4, 24, true],
    ['0.0.0.0/0', 4, 0, false],
    ['192.168.1.1/32', 4, 32, false],
    ['fd00::/64', 6, 64, false],
    ['fd00::1/64', 6, 64, true],
    ['::/0', 6, 0, false],
    ['2001:db8::1/128', 6, 128, false],
  ])('%s → IPv%i /%i, host bits %s', (text, family, prefix, hostBits) => {
    const cidr = c(text);
    expect([cidr.family, cidr.prefix, hasHostBits(cidr)]).toEqual([family, prefix, hostBits]);
  });

  it.each([
    ['no prefix', '10.0.0.0'],
    ['empty prefix', '10.0.0.0/'],
    ['IPv4 prefix 33', '10.0.0.0/33'],
    ['IPv6 prefix 129', 'fd00::/129'],
    ['leading zero in prefix', '10.0.0.0/08'],
    ['negative prefix', '10.0.0.0/-1'],
    ['two slashes', '10.0.0.0/8/8'],
    ['bad address', '10.0.0/8'],
    ['IPv4-mapped', '::ffff:10.0.0.0/104'],
    ['trailing space', '10.0.0.0/8 '],
  ])('refuses %s', (_, text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('overlap and containment', () => {
  it.each([
    ['10.0.0.0/8', '10.1.0.0/16', true],
    ['10.1.0.0/16', '10.0.0.0/8', true],
    ['10.0.0.0/24', '10.0.1.0/24', false],
    ['10.0.0.0/23', '10.0.1.0/24', true],
    ['0.0.0.0/0', '192.168.0.0/16', true],
    ['fd00::/64', 'fd00::/48', true],
    ['fd00::/64', 'fd00:0:0:1::/64', false],
    ['10.0.0.0/8', 'fd00::/8', false],
    ['10.128.0.5/14', '10.130.0.0/16', true],
  ])('%s vs %s overlap: %s', (a, b, overlap) => {
    expect(cidrsOverlap(c(a), c(b))).toBe(overlap);
  });

  it.each([
    ['10.0.0.0/8', '10.1.0.0/16', true],
    ['10.1.0.0/16', '10.0.0.0/8', false],
    ['10.0.0.0/24', '10.0.0.0/24', true],
    ['fd00::/48', 'fd00:0:0:ff::/64', true],
    ['fd00::/48', '10.0.0.0/8', false],
  ])('%s contains %s: %s', (outer, inner, contains) => {
    expect(cidrContains(c(outer), c(inner))).toBe(contains);
  });

  it.each([
    ['10.0.0.0/24', '10.0.0.255', true],
    ['10.0.0.0/24', '10.0.1.0', false],
    ['fd00::/64', 'fd00::1', true],
    ['fd00::/64', '10.0.0.1', false],
  ])('%s contains IP %s: %s', (cidr, ip, contains) => {
    const parsed = parseIP(ip);
    expect(parsed !== undefined && cidrContainsIP(c(cidr), parsed)).toBe(contains);
  });

  it('overlap is symmetric and implied by containment (property)', () => {
    const v4 = fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
      .map(([n, p]) => c(`${formatIP({ family: 4, value: BigInt(n) })}/${p}`));
    fc.assert(
      fc.property(v4, v4, (a, b) => {
        expect(cidrsOverlap(a, b)).toBe(cidrsOverlap(b, a));
        expect(cidrContains(a, b) || cidrContains(b, a)).toBe(cidrsOverlap(a, b));
      }),
    );
  });
});

describe('formatting', () => {
  it.each([
    ['10.0.0.5/24', '10.0.0.0/24'],
    ['fd00:0:0:0:0:0:0:1/64', 'fd00::/64'],
    ['2001:DB8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128'],
    ['1:0:2:3:4:5:6:7/128', '1:0:2:3:4:5:6:7/128'],
    ['::/0', '::/0'],
    ['::1.2.3.4/128', '::102:304/128'],
  ])('%s → %s', (text, canonical) => {
    expect(formatCidr(c(text))).toBe(canonical);
  });

  it('round-trips any IPv6 address (property)', () => {
    const v6 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).filter((v) => v >> 32n !== 0xffffn);
    fc.assert(
      fc.property(v6, (value) => {
        expect(parseIP(formatIP({ family: 6, value }))?.value).toBe(value);
      }),
    );
  });

  it('counts addresses', () => {
    expect([cidrSize(c('10.0.0.0/24')), cidrSize(c('fd00::/64'))]).toEqual([256n, 1n << 64n]);
  });
});

describe('families', () => {
  it.each([
    [['10.0.0.0/24'], [4], false],
    [['fd00::/64'], [6], false],
    [['10.0.0.0/24', 'fd00::/64'], [4, 6], true],
    [['fd00::/64', '10.0.0.0/24'], [4, 6], true],
    [['10.0.0.0/24', '10.1.0.0/24'], [4], false],
    [['junk', '10.1.0.0/24'], [4], false],
  ])('%j → families %j, dual-stack pair %s', (texts, families, dual) => {
    expect([familiesOf(texts), isDualStackPair(texts)]).toEqual([families, dual]);
  });
});
