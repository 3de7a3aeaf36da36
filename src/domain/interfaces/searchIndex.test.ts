import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manyVMs } from '../testing/fixtures';
import { ipKey } from './ip';
import { buildVMRows } from './rows';
import { countVMs, hasNoUsableIp, matchesSearch, parseSearch, searchRows, searchRowsCached } from './search';
import { builtRowIndex, narrows, rowIndex, searchIndexes, union } from './searchIndex';

const { vms, vmis } = manyVMs(300, 3);
const rows = buildVMRows(vms, vmis);

/** What searchRows must return: every row tested one by one with matchesSearch. */
const naive = (search: string, noIp = false, namespace?: string) => {
  const q = parseSearch(search);
  const out = rows.filter(
    (r) => matchesSearch(r, q) && (!noIp || hasNoUsableIp(r)) && (!namespace || r.namespace === namespace),
  );
  return { ids: out.map((r) => r.id), vms: countVMs(out) };
};

const pieces = rows.flatMap((r) => [r.vmName, r.mac ?? '', ...r.ips.map((ip) => ip.address)]).filter(Boolean);

/** Texts users type: parts of real names, addresses and MACs (any case, padded), CIDRs around real IPs, noise. */
const query = fc.oneof(
  fc
    .tuple(fc.constantFrom(...pieces), fc.nat(), fc.nat(), fc.boolean(), fc.boolean())
    .map(([p, a, b, upper, pad]) => {
      const start = a % p.length;
      const s = p.slice(start, start + 1 + (b % (p.length - start)));
      return `${pad ? ' ' : ''}${upper ? s.toUpperCase() : s}${pad ? ' ' : ''}`;
    }),
  fc
    .tuple(fc.constantFrom(...pieces.filter((p) => /[.:]/.test(p) && !p.includes('-'))), fc.nat(128))
    .map(([ip, prefix]) => `${ip}/${ip.includes(':') ? prefix : prefix % 33}`),
  // A complete IPv6 address written out in full: found by its value, not its text.
  fc
    .constantFrom(...pieces.filter((p) => p.includes(':') && !p.includes('-') && ipKey(p)))
    .map((ip) => (ipKey(ip) ?? '').slice(2).match(/.{4}/g)!.join(':')),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef:.-/ vmABC\n'), maxLength: 12 }),
);

describe('searchRows through the index', () => {
  it('returns exactly the rows matchesSearch accepts, and their VM count (2,000 generated queries)', () => {
    fc.assert(
      fc.property(query, fc.boolean(), fc.boolean(), (search, noIp, nsFilter) => {
        const got = searchRows(rows, { search, noIp, namespaces: nsFilter ? ['ns-2'] : [] });
        const want = naive(search, noIp, nsFilter ? 'ns-2' : undefined);
        expect(got.rows.map((r) => r.id)).toEqual(want.ids);
        expect(got.vms).toBe(want.vms);
        // The table's row height estimates: one entry per row shown, its number of IP lines.
        if (got.lines) expect(got.lines.length).toBe(got.rows.length);
        got.rows.forEach((r, i) => got.lines && expect(got.lines[i]).toBe(r.ips.length));
      }),
      { numRuns: 2000, seed: 5 },
    );
  }, 60_000);

  it('the cached search gives what searchRows gives, and the very same object when asked again', () => {
    const typed = ['vm-001', 'vm-0012', 'vm-00123', '10.1.', '10.1.0', '02-00-00-0'];
    const first = typed.map((search) => searchRowsCached(rows, { search }));
    typed.forEach((search, i) => {
      expect(first[i]!.rows.map((r) => r.id)).toEqual(searchRows(rows, { search }).rows.map((r) => r.id));
    });
    // Erasing: the same texts backwards (the search box's case and spaces do not matter).
    [...typed].reverse().forEach((search) => {
      expect(searchRowsCached(rows, { search: ` ${search.toUpperCase()} ` })).toBe(
        first[typed.indexOf(search)],
      );
    });
    // Other filters are another search.
    expect(searchRowsCached(rows, { search: '10', noIp: true })).not.toBe(first[1]);
  });

  it('forgets the oldest results: at most 24, and at most three times the rows in all', () => {
    const many = buildVMRows(vms, vmis);
    const oldest = searchRowsCached(many, { search: 'vm-0001' });
    for (let i = 0; i < 24; i++) searchRowsCached(many, { search: `vm-${String(100 + i).padStart(5, '0')}` });
    expect(searchRowsCached(many, { search: 'vm-0001' })).not.toBe(oldest);
    // Four results of 80 % of the rows each (8 of the 10 namespaces): the first one no longer fits.
    const all = Array.from({ length: 10 }, (_, i) => `ns-${i}`);
    const quarters = [0, 1, 2, 3].map((k) => all.filter((_, j) => j !== 2 * k && j !== 2 * k + 1));
    const results = quarters.map((namespaces) => searchRowsCached(many, { namespaces }));
    expect(results[0]!.rows.length).toBeGreaterThan(many.length / 2);
    expect(searchRowsCached(many, { namespaces: quarters[3] })).toBe(results[3]);
    expect(searchRowsCached(many, { namespaces: quarters[0] })).not.toBe(results[0]);
  });

  it('an unfiltered result carries the line counts once the index is built', () => {
    const fresh = buildVMRows(vms, vmis);
    expect(searchRows(fresh, {}).lines).toBeUndefined();
    rowIndex(fresh);
    expect(builtRowIndex(fresh)).toBeDefined();
    expect(Array.from(searchRows(fresh, {}).lines ?? [])).toEqual(fresh.map((r) => r.ips.length));
  });

  it.each([
    ['a VM name', 'vm-00012'],
    ['an IPv4 prefix', '10.1.'],
    ['a complete IPv6 address in another spelling', 'fd00:0001:0:0:0:0:0:5'],
    ['a MAC with dashes', '02-00-00-05'],
    ['a CIDR', '10.2.0.0/16'],
    ['nothing', 'zzz'],
  ])('%s (%s)', (_, search) => {
    expect(searchRows(rows, { search }).rows.map((r) => r.id)).toEqual(naive(search).ids);
  });

  it('gives back the very same array when nothing is filtered out (so a table can skip re-rendering)', () => {
    expect(searchRows(rows, {}).rows).toBe(rows);
    expect(searchRows(rows, { search: '  ' }).rows).toBe(rows);
    expect(searchRows(rows, { search: 'vm-' })).toMatchObject({ rows, vms: 300 });
    expect(searchRows(rows, { search: 'vm-', namespaces: ['ns-1'] }).rows).not.toBe(rows);
  });

  it('builds the index once per rows array', () => {
    expect(rowIndex(rows)).toBe(rowIndex(rows));
    expect(rowIndex([...rows])).not.toBe(rowIndex(rows));
  });

  it('finds a row only once when the text occurs twice in it', () => {
    // "0" occurs many times in each key: each row is listed once.
    const hits = searchIndexes(rows, parseSearch('0'));
    expect(hits && new Set(hits).size).toBe(hits?.length);
  });
});

describe('typing narrows the last search', () => {
  it('typed one character at a time (each search looks only at the rows of a search it extends), gives what searchRows gives (300 generated queries)', () => {
    fc.assert(
      fc.property(query, fc.boolean(), fc.boolean(), (search, noIp, nsFilter) => {
        // A fresh rows array each run, so every run starts with an empty cache.
        const fresh = [...rows];
        const namespaces = nsFilter ? ['ns-2'] : [];
        for (let n = 1; n <= search.length; n++) {
          const typed = search.slice(0, n);
          const got = searchRowsCached(fresh, { search: typed, noIp, namespaces });
          const want = naive(typed, noIp, nsFilter ? 'ns-2' : undefined);
          expect(got.rows.map((r) => r.id)).toEqual(want.ids);
          expect(got.vms).toBe(want.vms);
          got.rows.forEach((r, i) => got.at && expect(fresh[got.at[i]!]).toBe(r));
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  }, 60_000);

  it.each([
    { next: 'vm-0012', prev: 'vm-001', narrows: true },
    { next: 'm-001', prev: 'vm-001', narrows: false },
    { next: '10.1.0', prev: '10.1.', narrows: true },
    // A MAC written with '-' is also looked for with ':'; each needle contains one of the shorter query's.
    { next: '02-00-00', prev: '02-00-0', narrows: true },
    { next: '02:00', prev: '02', narrows: true },
    { next: '10.1.0.0/16', prev: '10.1.0.0/8', narrows: false },
    { next: 'vm', prev: '', narrows: false },
  ])('$next narrows $prev: $narrows', ({ next, prev, narrows: expected }) => {
    expect(narrows(parseSearch(next), parseSearch(prev))).toBe(expected);
  });
});

describe('union', () => {
  it('merges ascending lists into one ascending list without duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50)), fc.array(fc.nat(50)), (xs, ys) => {
        const a = [...new Set(xs)].sort((p, q) => p - q);
        const b = [...new Set(ys)].sort((p, q) => p - q);
        expect(union([...a], b)).toEqual([...new Set([...a, ...b])].sort((p, q) => p - q));
      }),
      { seed: 7 },
    );
  });
});
