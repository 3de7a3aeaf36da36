import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manyVMs } from '../testing/fixtures';
import { ipKey } from './ip';
import { buildVMRows } from './rows';
import { countVMs, hasNoUsableIp, matchesSearch, parseSearch, searchRows } from './search';
import { rowIndex, searchIndexes } from './searchIndex';

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
      }),
      { numRuns: 2000, seed: 5 },
    );
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
    expect(searchRows(rows, { search: 'vm-' })).toEqual({ rows, vms: 300 });
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
