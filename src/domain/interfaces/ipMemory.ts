/**
 * Remembers IPs per interface row so an address that vanishes from VMI status stays visible, marked stale with
 * when it was last seen. Guest-agent IPs disappear intermittently (kubevirt/kubevirt#12698) and vanished during
 * migration in kubevirt-plugin (PR #1753); a flapping table hides exactly what the user is looking for.
 *
 * Pure: `rememberIps` returns a new memory and rows; rows with nothing stale keep their identity.
 */
import { ipKey } from './ip';
import type { InterfaceRow, RowIp } from './rows';
import { buildSearchKey } from './rows';

type StaleIp = { ip: RowIp; key: string };

/** What one row looked like at `at`: its current IPs, and the stale IPs still shown. */
type RowMemory = { at: number; current: readonly RowIp[]; stale: readonly StaleIp[] };

export type IpMemory = ReadonlyMap<string, RowMemory>;

export const emptyIpMemory: IpMemory = new Map();

/** Stale IPs are dropped after this long (ms): long enough for an agent reconnect, short enough to not lie. */
export const IP_MEMORY_TTL_MS = 10 * 60 * 1000;

const sameAddresses = (a: readonly RowIp[], b: readonly RowIp[]): boolean =>
  a.length === b.length && a.every((ip, i) => ip.address === b[i]?.address);

const nextStale = (
  prev: RowMemory,
  current: readonly RowIp[],
  now: number,
  ttl: number,
): readonly StaleIp[] => {
  const live = new Set(current.map((ip) => ip.address));
  const out: StaleIp[] = [];
  const seen = new Set<string>();
  // Addresses that were current at the previous update were last seen then.
  for (const ip of prev.current) {
    if (live.has(ip.address) || seen.has(ip.address) || now - prev.at > ttl) continue;
    seen.add(ip.address);
    out.push({ ip: { ...ip, stale: true, lastSeen: prev.at }, key: ipKey(ip.address) ?? '' });
  }
  for (const s of prev.stale) {
    const lastSeen = s.ip.lastSeen ?? prev.at;
    if (live.has(s.ip.address) || seen.has(s.ip.address) || now - lastSeen > ttl) continue;
    seen.add(s.ip.address);
    out.push(s);
  }
  return out;
};

/**
 * Fold the latest rows into the memory. Rows of stopped VMs (no VMI) forget their IPs: the addresses are gone,
 * not flapping. Rows that disappeared (VM deleted) are dropped from the memory, so it never grows unbounded.
 */
export const rememberIps = (
  prev: IpMemory,
  rows: readonly InterfaceRow[],
  now: number,
  ttlMs: number = IP_MEMORY_TTL_MS,
): { memory: IpMemory; rows: InterfaceRow[] } => {
  const memory = new Map<string, RowMemory>();
  const out: InterfaceRow[] = new Array<InterfaceRow>(rows.length);
  rows.forEach((row, i) => {
    out[i] = row;
    if (row.ipStatus === 'stopped') return;
    const before = prev.get(row.id);
    const current = row.ips;
    if (!before) {
      if (current.length) memory.set(row.id, { at: now, current, stale: [] });
      return;
    }
    const stale =
      sameAddresses(before.current, current) && before.stale.length === 0
        ? before.stale
        : nextStale(before, current, now, ttlMs);
    if (current.length || stale.length) memory.set(row.id, { at: now, current, stale });
    if (stale.length === 0) return;
    const ips = [...row.ips, ...stale.map((s) => s.ip)];
    out[i] = {
      ...row,
      ips,
      ipKeys: [...row.ipKeys, ...stale.map((s) => s.key)],
      searchKey: buildSearchKey(row.vmName, ips, row.mac, { iface: row.name, network: row.network?.label }),
    };
  });
  return { memory, rows: out };
};

/** A memory built when first asked for, then kept. */
export type LazyIpMemory = () => IpMemory;

export const lazyEmptyIpMemory: LazyIpMemory = () => emptyIpMemory;

/**
 * `rememberIps`, building the memory only when the next rows come. Rows seen for the first time (an empty memory)
 * cannot have a stale IP, so they are returned as they are, at once, and their memory (a Map entry per row with
 * an address: 100,000 at 25,000 VMs × 4, a third of the first load past building the rows, bench/vm-networks) is
 * built from them later, by the update that needs it, with the same result.
 */
export const rememberIpsLater = (
  prev: LazyIpMemory,
  rows: InterfaceRow[],
  now: number,
  ttlMs: number = IP_MEMORY_TTL_MS,
): { memory: LazyIpMemory; rows: InterfaceRow[] } => {
  const before = prev();
  if (before.size === 0) {
    let built: IpMemory | undefined;
    return { memory: () => (built ??= rememberIps(emptyIpMemory, rows, now, ttlMs).memory), rows };
  }
  const next = rememberIps(before, rows, now, ttlMs);
  return { memory: () => next.memory, rows: next.rows };
};
