import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { duplicateMacs, macPoolState } from './mac';

/** The rule written plainly: every other VM with the row's MAC. */
const naive = (rows: { id: string; namespace: string; vmName: string; mac?: string }[]) => {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.mac) continue;
    const others = new Set(
      rows
        .filter((o) => o.mac === r.mac && (o.namespace !== r.namespace || o.vmName !== r.vmName))
        .map((o) => `${o.namespace}/${o.vmName}`),
    );
    if (others.size) out.set(r.id, [...others].sort());
  }
  return out;
};

describe('duplicateMacs', () => {
  it('marks rows whose MAC another VM uses, with the other VMs', () => {
    const rows = [
      { id: 'a/1/n', namespace: 'a', vmName: '1', mac: '02:00:00:00:00:01' },
      { id: 'b/2/n', namespace: 'b', vmName: '2', mac: '02:00:00:00:00:01' },
      { id: 'b/3/n', namespace: 'b', vmName: '3', mac: '02:00:00:00:00:01' },
      { id: 'a/1/m', namespace: 'a', vmName: '1', mac: '02:00:00:00:00:02' },
      { id: 'a/1/o', namespace: 'a', vmName: '1', mac: '02:00:00:00:00:02' },
      { id: 'c/4/n', namespace: 'c', vmName: '4' },
    ];
    const d = duplicateMacs(rows);
    expect(Object.fromEntries(d)).toEqual({
      'a/1/n': ['b/2', 'b/3'],
      'b/2/n': ['a/1', 'b/3'],
      'b/3/n': ['a/1', 'b/2'],
    });
  });
});

describe('duplicateMacs against the plain rule', () => {
  it('agrees on generated rows (few MACs, VMs and namespaces, so duplicates are common)', () => {
    const row = fc.record({
      namespace: fc.constantFrom('a', 'b'),
      vmName: fc.constantFrom('1', '2', '3'),
      // Two MACs in another form than rows normally carry (compared as text, not as numbers).
      mac: fc.option(
        fc.constantFrom(
          '02:00:00:00:00:01',
          '02:00:00:00:00:02',
          '02:00:00:00:00:03',
          '02-00-00-00-00-01',
          'x',
        ),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (raw) => {
        const rows = raw.map((r, i) => ({ ...r, id: `${r.namespace}/${r.vmName}/nic${i}` }));
        expect(duplicateMacs(rows)).toEqual(naive(rows));
      }),
      { numRuns: 1000, seed: 3 },
    );
  });
});

describe('macPoolState', () => {
  it('opted out only by the ignore label; unknown when the namespace is unreadable', () => {
    expect(macPoolState({ 'mutatevirtualmachines.kubemacpool.io': 'ignore' })).toBe('opted-out');
    expect(macPoolState({ 'mutatevirtualmachines.kubemacpool.io': 'allocate' })).toBe('assigns');
    expect(macPoolState({})).toBe('assigns');
    expect(macPoolState(undefined)).toBe('unknown');
  });
});
