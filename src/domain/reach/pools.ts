/**
 * MetalLB IPAddressPools and their free addresses. `spec.addresses` entries are CIDRs (`192.0.2.0/28`) or ranges
 * (`192.0.2.10-192.0.2.20`, spaces around the dash allowed, both ends of one family), as MetalLB's config parser
 * reads them (metallb/metallb internal/config/config.go). `avoidBuggyIPs` leaves out IPv4 addresses ending in .0
 * and .255. An address is in use when a LoadBalancer Service has it in `status.loadBalancer.ingress` or asks for it
 * (the `loadBalancerIPs` annotation or `spec.loadBalancerIP`): MetalLB gives one address to one Service unless
 * they share it on purpose.
 */
import type { K8sObject } from '../kube/meta';
import { formatIP, parseCidr, parseIP, type IPFamily } from '../net/cidr';
import { requestedIPs, type Service } from './service';

export type IPAddressPool = K8sObject & {
  spec?: {
    addresses?: string[];
    autoAssign?: boolean;
    avoidBuggyIPs?: boolean;
    serviceAllocation?: { priority?: number; namespaces?: string[]; namespaceSelectors?: unknown[] };
  };
};

export type AddressRange = { family: IPFamily; start: bigint; end: bigint; text: string };

/** One `spec.addresses` entry as a range, or undefined when MetalLB would refuse it. */
export const parsePoolEntry = (text: string): AddressRange | undefined => {
  const t = text.trim();
  if (t.includes('-')) {
    const parts = t.split('-');
    if (parts.length !== 2) return undefined;
    const a = parseIP((parts[0] ?? '').trim());
    const b = parseIP((parts[1] ?? '').trim());
    if (!a || !b || a.family !== b.family || a.value > b.value) return undefined;
    return { family: a.family, start: a.value, end: b.value, text: t };
  }
  const c = parseCidr(t);
  if (!c) return undefined;
  const size = 1n << BigInt((c.family === 4 ? 32 : 128) - c.prefix);
  return { family: c.family, start: c.network, end: c.network + size - 1n, text: t };
};

/** Every address a LoadBalancer Service holds or asks for, as `<family>:<value>` keys. */
export const addressesInUse = (services: readonly Service[]): Map<string, Service> => {
  const used = new Map<string, Service>();
  for (const s of services) {
    if (s.spec?.type !== 'LoadBalancer') continue;
    const texts = [
      ...(s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? ''),
      ...(requestedIPs(s) ?? '').split(','),
      s.spec.loadBalancerIP ?? '',
    ];
    for (const text of texts) {
      const ip = parseIP(text.trim());
      if (ip) used.set(`${ip.family}:${ip.value}`, s);
    }
  }
  return used;
};

const buggy = (family: IPFamily, v: bigint, avoid: boolean) =>
  avoid && family === 4 && ((v & 0xffn) === 0n || (v & 0xffn) === 0xffn);

/** How many addresses of the range have `last` as their last octet. */
const endingIn = (r: AddressRange, last: bigint): bigint => {
  const upTo = (x: bigint) => (x < last ? 0n : (x - last) / 256n + 1n);
  return upTo(r.end) - (r.start === 0n ? 0n : upTo(r.start - 1n));
};

export type PoolView = {
  name: string;
  namespace?: string;
  ranges: AddressRange[];
  /** Entries MetalLB would refuse (shown, never offered). */
  invalid: string[];
  autoAssign: boolean;
  /** False when the pool's serviceAllocation names namespaces and this one is not among them. */
  allowed: boolean;
  /** How many addresses are free, as text (an IPv6 pool can hold more than a number can count). */
  freeCount: string;
  /** The first free addresses, in range order, at most `limit`. */
  free: string[];
  /** Addresses of the pool in use, with the Service holding each. */
  used: { address: string; service: string }[];
};

/** The pool with its free and used addresses, for a Service in `namespace`. */
export const poolView = (
  pool: IPAddressPool,
  inUse: Map<string, Service>,
  namespace: string,
  limit = 256,
): PoolView => {
  const ranges: AddressRange[] = [];
  const invalid: string[] = [];
  for (const e of pool.spec?.addresses ?? []) {
    const r = parsePoolEntry(e);
    if (r) ranges.push(r);
    else invalid.push(e);
  }
  const avoid = !!pool.spec?.avoidBuggyIPs;
  const used: PoolView['used'] = [];
  let usedCount = 0n;
  let buggyCount = 0n;
  for (const [key, svc] of inUse) {
    const [fam, val] = key.split(':');
    const family = Number(fam) as IPFamily;
    const value = BigInt(val ?? '0');
    if (ranges.some((r) => r.family === family && value >= r.start && value <= r.end)) {
      if (!buggy(family, value, avoid)) usedCount++;
      used.push({
        address: formatIP({ family, value }),
        service: `${svc.metadata.namespace ?? ''}/${svc.metadata.name}`,
      });
    }
  }
  const free: string[] = [];
  let total = 0n;
  for (const r of ranges) {
    total += r.end - r.start + 1n;
    if (avoid && r.family === 4) buggyCount += endingIn(r, 0n) + endingIn(r, 255n);
    for (let v = r.start; v <= r.end && free.length < limit; v++) {
      if (buggy(r.family, v, avoid) || inUse.has(`${r.family}:${v}`)) continue;
      free.push(formatIP({ family: r.family, value: v }));
    }
  }
  const names = pool.spec?.serviceAllocation?.namespaces;
  const selectors = pool.spec?.serviceAllocation?.namespaceSelectors;
  const allowed = !names?.length || names.includes(namespace) || !!selectors?.length;
  const freeTotal = total - usedCount - buggyCount;
  return {
    name: pool.metadata.name,
    namespace: pool.metadata.namespace,
    ranges,
    invalid,
    autoAssign: pool.spec?.autoAssign !== false,
    allowed,
    freeCount: (freeTotal < 0n ? 0n : freeTotal).toString(),
    free,
    used: used.sort((a, b) => a.address.localeCompare(b.address)),
  };
};

/** Is `address` one the user may ask for from `pool` ('' = any pool)? */
export const checkAddress = (
  pools: readonly PoolView[],
  inUse: Map<string, Service>,
  address: string,
  pool: string,
): 'ok' | 'not-in-pool' | 'in-use' | 'unknown-pool' => {
  const ip = parseIP(address);
  if (!ip) return 'not-in-pool';
  const candidates = pool ? pools.filter((p) => p.name === pool) : pools;
  if (pool && candidates.length === 0) return 'unknown-pool';
  const inRange = candidates.some((p) =>
    p.ranges.some((r) => r.family === ip.family && ip.value >= r.start && ip.value <= r.end),
  );
  if (!inRange) return 'not-in-pool';
  return inUse.has(`${ip.family}:${ip.value}`) ? 'in-use' : 'ok';
};
