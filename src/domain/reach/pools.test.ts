import { describe, expect, it } from 'vitest';
import { addressesInUse, checkAddress, parsePoolEntry, poolView, type IPAddressPool } from './pools';
import type { Service } from './service';

const pool = (
  name: string,
  addresses: string[],
  extra: Partial<NonNullable<IPAddressPool['spec']>> = {},
): IPAddressPool => ({
  apiVersion: 'metallb.io/v1beta1',
  kind: 'IPAddressPool',
  metadata: { name, namespace: 'metallb-system' },
  spec: { addresses, ...extra },
});
const lb = (name: string, ingress: string[], annotations?: Record<string, string>): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'ns1', ...(annotations ? { annotations } : {}) },
  spec: { type: 'LoadBalancer' },
  status: { loadBalancer: { ingress: ingress.map((ip) => ({ ip })) } },
});

describe('parsePoolEntry', () => {
  it('reads CIDRs and ranges (spaces around the dash allowed)', () => {
    expect(parsePoolEntry('192.0.2.0/30')).toMatchObject({ family: 4, start: 0xc0000200n, end: 0xc0000203n });
    expect(parsePoolEntry('192.0.2.10 - 192.0.2.12')).toMatchObject({ start: 0xc000020an, end: 0xc000020cn });
    expect(parsePoolEntry('2001:db8::10-2001:db8::1f')).toMatchObject({ family: 6 });
  });
  it('refuses what MetalLB refuses: reversed, mixed families, junk', () => {
    expect(parsePoolEntry('192.0.2.12-192.0.2.10')).toBeUndefined();
    expect(parsePoolEntry('192.0.2.1-2001:db8::1')).toBeUndefined();
    expect(parsePoolEntry('192.0.2.1-192.0.2.2-192.0.2.3')).toBeUndefined();
    expect(parsePoolEntry('banana')).toBeUndefined();
  });
});

describe('poolView', () => {
  const services = [
    lb('web', ['192.0.2.11']),
    lb('asked', [], { 'metallb.universe.tf/loadBalancerIPs': '192.0.2.12' }),
    lb('other', ['198.51.100.1']),
  ];
  const inUse = addressesInUse(services);
  it('free addresses are the ranges minus assigned and requested ones (old annotation names count too)', () => {
    const v = poolView(pool('p', ['192.0.2.10-192.0.2.13']), inUse, 'ns1');
    expect(v.free).toEqual(['192.0.2.10', '192.0.2.13']);
    expect(v.freeCount).toBe('2');
    expect(v.used).toEqual([
      { address: '192.0.2.11', service: 'ns1/web' },
      { address: '192.0.2.12', service: 'ns1/asked' },
    ]);
  });
  it('avoidBuggyIPs leaves out .0 and .255', () => {
    const v = poolView(pool('p', ['10.0.0.0/23'], { avoidBuggyIPs: true }), new Map(), 'ns1', 3);
    expect(v.free).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    expect(v.freeCount).toBe(String(512 - 4));
  });
  it('counts a big IPv6 pool as text and lists only the first addresses', () => {
    const v = poolView(pool('p', ['2001:db8::/64']), new Map(), 'ns1', 2);
    expect(v.freeCount).toBe((1n << 64n).toString());
    expect(v.free).toEqual(['2001:db8::', '2001:db8::1']);
  });
  it('keeps invalid entries apart and honours serviceAllocation.namespaces', () => {
    const v = poolView(
      pool('p', ['nope', '192.0.2.1/32'], { serviceAllocation: { namespaces: ['other'] } }),
      new Map(),
      'ns1',
    );
    expect(v.invalid).toEqual(['nope']);
    expect(v.allowed).toBe(false);
    expect(v.autoAssign).toBe(true);
  });
});

describe('checkAddress', () => {
  const services = [lb('web', ['192.0.2.11'])];
  const inUse = addressesInUse(services);
  const pools = [
    poolView(pool('a', ['192.0.2.10-192.0.2.13']), inUse, 'ns1'),
    poolView(pool('b', ['10.0.0.0/30']), inUse, 'ns1'),
  ];
  it('ok, in use, outside the chosen pool, unknown pool', () => {
    expect(checkAddress(pools, inUse, '192.0.2.10', 'a')).toBe('ok');
    expect(checkAddress(pools, inUse, '192.0.2.11', 'a')).toBe('in-use');
    expect(checkAddress(pools, inUse, '10.0.0.1', 'a')).toBe('not-in-pool');
    expect(checkAddress(pools, inUse, '10.0.0.1', '')).toBe('ok');
    expect(checkAddress(pools, inUse, '10.0.0.1', 'zzz')).toBe('unknown-pool');
  });
});
