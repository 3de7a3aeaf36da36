import { describe, expect, it } from 'vitest';
import { isMulticastMac, parseMac } from './mac';

describe('parseMac (Go net.ParseMAC forms, MAC-48 only)', () => {
  it.each([
    ['02:00:5e:10:00:01', '02:00:5e:10:00:01'],
    ['02-00-5E-10-00-01', '02:00:5e:10:00:01'],
    ['  02:AB:cd:EF:00:01 ', '02:ab:cd:ef:00:01'],
    ['0200.5e10.0001', '02:00:5e:10:00:01'],
  ])('%j -> %s', (text, mac) => {
    expect(parseMac(text)).toEqual({ mac });
  });

  it.each([
    ['0123.4567x89ab', 'mac-format'],
    ['0123.4567.89ab.cdef', 'mac-length'],
    ['02:00:5e:10:00:01:02:03', 'mac-length'],
    ['02:00:5e:10:00', 'mac-format'],
    ['02:00:5e:10:00:01:02', 'mac-format'],
    ['02:00-5e:10:00:01', 'mac-format'],
    ['2:00:5e:10:00:01', 'mac-format'],
    ['02:00:5e:10:00:1', 'mac-format'],
    ['02:00:5e:10:00:0g', 'mac-format'],
    ['02005e100001', 'mac-format'],
    ['02:00:5e:10:00:01:', 'mac-format'],
    ['0200.5e10.001', 'mac-format'],
    ['', 'mac-format'],
  ])('%j -> %s', (text, error) => {
    expect(parseMac(text)).toEqual({ error });
  });

  it.each([
    ['02:00:00:00:00:01', false],
    ['01:00:5e:00:00:01', true],
    ['ff:ff:ff:ff:ff:ff', true],
    ['03:00:00:00:00:00', true],
  ])('%s multicast: %s', (mac, multicast) => {
    expect(isMulticastMac(mac)).toBe(multicast);
  });
});
