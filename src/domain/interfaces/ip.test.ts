import { describe, expect, it } from 'vitest';
import { hasHostBits, ipKey, isLinkLocalKey, keyInCidr, parseCidr } from './ip';

describe('ipKey', () => {
  it.each([
    ['10.0.0.1', '4:0a000001'],
    ['255.255.255.255', '4:ffffffff'],
    ['0.0.0.0', '4:00000000'],
    ['::', '6:' + '0'.repeat(32)],
    ['::1', '6:' + '0'.repeat(31) + '1'],
    ['fd00::1', '6:fd00' + '0'.repeat(27) + '1'],
    ['FD00:0:0::1', '6:fd00' + '0'.repeat(27) + '1'],
    ['fe80::a:b', '6:fe80' + '0'.repeat(20) + '000a000b'],
    ['1:2:3:4:5:6:7:8', '6:00010002000300040005000600070008'],
    ['::ffff:10.0.0.1', '6:' + '0'.repeat(20) + 'ffff0a000001'],
  ])('%s -> %s', (ip, key) => {
    expect(ipKey(ip)).toBe(key);
  });

  it.each([
    ['256.0.0.1'],
    ['10.0.0'],
    ['10.0.0.1.2'],
    ['01.0.0.1'],
    ['10.0.0.-1'],
    [''],
    ['1:2:3:4:5:6:7'],
    ['1:2:3:4:5:6:7:8:9'],
    ['1::2::3'],
    ['fd00::g'],
    ['12345::'],
    ['1:2:3:4:5:6:7::8'],
    ['::ffff:300.0.0.1'],
    [':::'],
    ['1::2:'],
    [':1::'],
    ['1:2:3:4:5:6:7:8:'],
  ])('rejects %j', (ip) => {
    expect(ipKey(ip)).toBeUndefined();
  });
});

describe('parseCidr / keyInCidr', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.77', true],
    ['10.0.0.0/24', '10.0.1.1', false],
    ['10.0.0.0/8', '10.255.1.1', true],
    ['10.0.0.0/0', '192.168.1.1', true],
    ['10.0.0.1/32', '10.0.0.1', true],
    ['10.0.0.1/32', '10.0.0.2', false],
    ['192.168.0.0/23', '192.168.1.200', true],
    ['192.168.0.0/23', '192.168.2.1', false],
    ['10.0.0.0/25', '10.0.0.128', false],
    ['fd00::/64', 'fd00::1234', true],
    ['fd00::/64', 'fd00:0:0:1::1', false],
    ['fd00::/7', 'fcff::1', true],
    ['fd00::/8', 'fcff::1', false],
    ['fd00::/64', '10.0.0.1', false],
    ['10.0.0.0/8', 'fd00::1', false],
  ])('%s contains %s: %s', (cidr, ip, inside) => {
    const c = parseCidr(cidr);
    expect(c).toBeDefined();
    expect(keyInCidr(ipKey(ip) ?? '', c ?? { family: 4, key: '', prefix: 0 })).toBe(inside);
  });

  it.each([
    ['10.0.0.0/33'],
    ['fd00::/129'],
    ['10.0.0.0'],
    ['10.0.0.0/'],
    ['10.0.0.0/a'],
    ['x/24'],
    ['10.0.0.0/1234'],
  ])('rejects %j', (s) => {
    expect(parseCidr(s)).toBeUndefined();
  });

  it.each([
    ['10.0.0.5/24', true],
    ['10.0.0.0/24', false],
    ['fd00::/64', false],
    ['fd00::1/64', true],
  ])('%s has host bits: %s', (s, expected) => {
    const c = parseCidr(s);
    expect(c && hasHostBits(c)).toBe(expected);
  });
});

describe('isLinkLocalKey', () => {
  it.each([
    ['fe80::1', true],
    ['febf::1', true],
    ['fec0::1', false],
    ['fd00::1', false],
    ['169.254.0.1', true],
    ['169.253.0.1', false],
    ['10.0.0.1', false],
  ])('%s: %s', (ip, ll) => {
    expect(isLinkLocalKey(ipKey(ip) ?? '')).toBe(ll);
  });
});
