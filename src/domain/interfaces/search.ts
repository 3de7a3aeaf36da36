/**
 * Search and filters over interface rows. Benchmarked at 40,000 rows per keystroke: the query is parsed once,
 * each row carries a precomputed lower-case `searchKey` and `ipKeys`, and matching allocates nothing per row.
 */
import type { Cidr } from './ip';
import { ipKey, keyInCidr, parseCidr } from './ip';
import { startsVM, type InterfaceRow } from './rows';
import { builtRowIndex, narrows, rowIndex, searchIndexes, searchWithin } from './searchIndex';

export type SearchQuery =
  | { kind: 'all' }
  /** `10.0.0.0/24`, `fd00::/64`: any IP of the row inside. */
  | { kind: 'cidr'; cidr: Cidr }
  /** Looks like (the start of) an address: prefix of an IP token, or equal to `key` when complete. */
  | { kind: 'ip'; token: string; key?: string }
  /** Anything else: substring of the VM name, IPs and MAC; `mac` is the ':' form of a '-' MAC query. */
  | { kind: 'text'; text: string; mac?: string };

const V4_PREFIX = /^\d{1,3}(\.\d{0,3}){1,3}$/;
const V6_PREFIX = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){1,7}(:\d{1,3}(\.\d{0,3}){0,3})?$/;
const MAC_PART = /^([0-9a-f]{2}[:-]){1,5}[0-9a-f]{0,2}$/;
/** Cisco's dotted MAC form (0200.000f.0005), which the interface modal accepts too; a prefix of it while typing. */
const MAC_DOTTED = /^[0-9a-f]{4}\.[0-9a-f]{0,4}(\.[0-9a-f]{0,4})?$/;

export const parseSearch = (query: string): SearchQuery => {
  const q = query.trim().toLowerCase();
  if (q === '') return { kind: 'all' };
  if (q.includes('/')) {
    const cidr = parseCidr(q);
    if (cidr) return { kind: 'cidr', cidr };
  }
  if (MAC_DOTTED.test(q)) {
    const mac = (q.replace(/\./g, '').match(/.{1,2}/g) ?? []).join(':');
    return { kind: 'text', text: q, mac };
  }
  if (V4_PREFIX.test(q)) return { kind: 'ip', token: ' ' + q, key: ipKey(q) };
  // "02:00:5e" is both a MAC prefix and a (short) IPv6 prefix: treat it as text so both match.
  if (MAC_PART.test(q)) return { kind: 'text', text: q, mac: q.replace(/-/g, ':') };
  if (q.includes(':') && V6_PREFIX.test(q)) return { kind: 'ip', token: ' ' + q, key: ipKey(q) };
  return { kind: 'text', text: q };
};

let lastQuery = '';
let lastParsed: SearchQuery = { kind: 'all' };

/** Parse with a one-entry cache, so calling `matchesSearch(row, text)` in a loop parses once. */
const parsed = (query: string): SearchQuery => {
  if (query !== lastQuery) {
    lastParsed = parseSearch(query);
    lastQuery = query;
  }
  return lastParsed;
};

export const matchesSearch = (row: InterfaceRow, query: string | SearchQuery): boolean => {
  const q = typeof query === 'string' ? parsed(query) : query;
  switch (q.kind) {
    case 'all':
      return true;
    case 'cidr':
      return row.ipKeys.some((k) => k !== '' && keyInCidr(k, q.cidr));
    case 'ip':
      return row.searchKey.includes(q.token) || (q.key !== undefined && row.ipKeys.includes(q.key));
    case 'text':
      return row.searchKey.includes(q.text) || (q.mac !== undefined && row.searchKey.includes(q.mac));
  }
};

/** Any change the user is waiting on: hot-plug/unplug, restart, link state not applied yet. */
export const hasPendingChange = (row: InterfaceRow): boolean =>
  row.flags.pendingHotplug || row.flags.pendingUnplug || row.flags.restartRequired || row.flags.linkPending;

/**
 * A running VM's interface without a usable address: nothing current besides link-local ones ("unknown" rows
 * included). Stopped VMs have no addresses by nature; they are not what "No IP" looks for.
 */
export const hasNoUsableIp = (row: InterfaceRow): boolean =>
  row.ipStatus !== 'stopped' && !row.ips.some((ip) => !ip.stale && !ip.linkLocal);

export type RowFilters = {
  namespaces?: readonly string[];
  /** `NetworkRef.key` values: `pod`, `primary-udn`, `<ns>/<nad>`. */
  networks?: readonly string[];
  bindings?: readonly string[];
  noIp?: boolean;
  pendingChanges?: boolean;
  search?: string;
};

const setOf = (xs: readonly string[] | undefined): ReadonlySet<string> | undefined =>
  xs && xs.length ? new Set(xs) : undefined;

export type SearchResult = {
  /** The rows passing every filter, in row order; the input array itself when no filter is set. */
  rows: readonly InterfaceRow[];
  /** How many VMs those rows belong to. */
  vms: number;
  /** IP lines of each of those rows (`RowIndex.lines`), when the search index is built: row height estimates. */
  lines?: Uint8Array;
  /** Where each of those rows is in the searched rows array; absent when they are that array itself. */
  at?: Int32Array;
};

type Cached = {
  result: SearchResult;
  /** The parsed search text, and the other filters as a key: what a later search may narrow. */
  query: SearchQuery;
  others: string;
};

/** The last results per rows array, newest last: erasing a search with Backspace revisits each of them. */
const resultCaches = new WeakMap<readonly InterfaceRow[], Map<string, Cached>>();
const CACHED_RESULTS = 24;

const othersKey = (f: RowFilters): string =>
  JSON.stringify([f.namespaces ?? [], f.networks ?? [], f.bindings ?? [], !!f.noIp, !!f.pendingChanges]);

/**
 * A cached result of the same other filters whose search the new one narrows (one more character typed), when
 * it holds few enough rows that searching each of them beats one scan of the whole index: the smallest.
 */
const narrowedFrom = (
  cache: ReadonlyMap<string, Cached>,
  rows: readonly InterfaceRow[],
  query: SearchQuery,
  others: string,
): Int32Array | undefined => {
  let best: Int32Array | undefined;
  for (const c of cache.values()) {
    const at = c.result.at;
    if (!at || at.length > rows.length / 4 || (best && best.length <= at.length)) continue;
    if (c.others === others && narrows(query, c.query)) best = at;
  }
  return best;
};

/**
 * `searchRows` remembering its last results for each rows array (which is immutable: a watch event makes a new
 * one). The same filters give the very same result object, so nothing downstream recomputes; a search that
 * extends a remembered one looks only at the rows that one found.
 */
export const searchRowsCached = (rows: readonly InterfaceRow[], filters: RowFilters): SearchResult => {
  let cache = resultCaches.get(rows);
  if (!cache) resultCaches.set(rows, (cache = new Map<string, Cached>()));
  const others = othersKey(filters);
  const text = (filters.search ?? '').trim().toLowerCase();
  const key = JSON.stringify([text, others]);
  let entry = cache.get(key);
  if (entry) cache.delete(key);
  else {
    const query = parseSearch(text);
    const result = searchRows(rows, filters, narrowedFrom(cache, rows, query, others));
    entry = { result, query, others };
    // At most three times as many cached rows as there are rows, at any size: the oldest results go first.
    const size = (r: SearchResult) => (r.rows === rows ? 0 : r.rows.length);
    let kept = size(result);
    for (const c of cache.values()) kept += size(c.result);
    for (const [k, c] of cache) {
      if (cache.size < CACHED_RESULTS && kept <= 3 * rows.length) break;
      cache.delete(k);
      kept -= size(c.result);
    }
  }
  cache.set(key, entry);
  return entry.result;
};

/**
 * Rows passing every filter; empty lists mean "any". Keeps row order (rows of one VM stay together). The search
 * text is matched through the rows' index (searchIndex.ts), the other filters row by row on what it leaves.
 */
export const searchRows = (
  rows: readonly InterfaceRow[],
  filters: RowFilters,
  /**
   * Rows (indexes, ascending) that hold every row these filters pass: those of a search this one narrows, with
   * the same other filters. Only they are searched.
   */
  within?: ArrayLike<number>,
): SearchResult => {
  const ns = setOf(filters.namespaces);
  const nets = setOf(filters.networks);
  const bindings = setOf(filters.bindings);
  const { noIp, pendingChanges } = filters;
  const q = parseSearch(filters.search ?? '');
  const rowFilters = !!(ns || nets || bindings || noIp || pendingChanges);
  const matched = within ? searchWithin(rows, q, within) : searchIndexes(rows, q);
  // Everything matches: the same array, so whoever shows it can tell nothing changed.
  if (!rowFilters && (!matched || matched.length === rows.length)) {
    const built = builtRowIndex(rows);
    return built ? { rows, vms: vmCount(rows), lines: built.lines } : { rows, vms: vmCount(rows) };
  }
  const { vm, lines } = rowIndex(rows);
  const out: InterfaceRow[] = [];
  const n = matched ? matched.length : rows.length;
  const outLines = new Uint8Array(n);
  const at = new Int32Array(n);
  let vms = 0;
  let lastVM = -1;
  for (let k = 0; k < n; k++) {
    const i = matched ? matched[k]! : k;
    const row = rows[i]!;
    // Only the row filters read the row objects: a search alone touches the index.
    if (rowFilters) {
      if (ns && !ns.has(row.namespace)) continue;
      if (nets && !(row.network && nets.has(row.network.key))) continue;
      if (bindings && !(row.binding && bindings.has(row.binding))) continue;
      if (noIp && !hasNoUsableIp(row)) continue;
      if (pendingChanges && !hasPendingChange(row)) continue;
    }
    outLines[out.length] = lines[i]!;
    at[out.length] = i;
    out.push(row);
    if (vm[i] !== lastVM) {
      vms++;
      lastVM = vm[i]!;
    }
  }
  return { rows: out, vms, lines: outLines.subarray(0, out.length), at: at.subarray(0, out.length) };
};

const vmCounts = new WeakMap<readonly InterfaceRow[], number>();

/** countVMs, remembered per rows array (the unfiltered page asks again on every cleared search). */
const vmCount = (rows: readonly InterfaceRow[]): number => {
  let n = vmCounts.get(rows);
  if (n === undefined) vmCounts.set(rows, (n = countVMs(rows)));
  return n;
};

/** The rows of `searchRows`. */
export const filterRows = (rows: readonly InterfaceRow[], filters: RowFilters): readonly InterfaceRow[] =>
  searchRows(rows, filters).rows;

/** VMs among rows grouped by VM (as built): counts where the VM changes, without a Set of 40,000 keys. */
export const countVMs = (rows: readonly InterfaceRow[]): number => {
  let count = 0;
  for (let i = 0; i < rows.length; i++) if (startsVM(rows, i)) count++;
  return count;
};

/** The same rows in the same order (by identity): a search that changed nothing visible. */
export const sameRows = (a: readonly InterfaceRow[], b: readonly InterfaceRow[]): boolean => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
