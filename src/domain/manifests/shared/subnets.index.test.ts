import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrsOverlap, formatCidr, parseCidr } from '../../net/cidr';
import type { OwnedSubnet } from './context';
import { overlappingSubnets } from './subnets';

/** Canonical CIDRs (no host bits) in a small space, so overlaps and nesting are frequent. */
const cidr = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 8, max: 30 }))
    .map(([b, c, prefix]) => formatCidr(parseCidr(`10.${b}.${c * 64}.0/${prefix}`)!)),
  fc
    .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 16, max: 120 }))
    .map(([h, prefix]) => formatCidr(parseCidr(`fd00:${h.toString(16)}::/${prefix}`)!)),
);

describe('overlappingSubnets (the linter index)', () => {
  it('finds exactly the entries a scan of every subnet finds, in list order', () => {
    fc.assert(
      fc.property(fc.array(cidr, { maxLength: 60 }), cidr, (list, query) => {
        const entries: OwnedSubnet[] = list.map((c, i) => ({ cidr: c, owner: `n${i}` }));
        const q = parseCidr(query)!;
        const scan = entries.filter((e) => cidrsOverlap(parseCidr(e.cidr)!, q));
        expect(overlappingSubnets(entries, q)).toEqual(scan);
      }),
      { numRuns: 500 },
    );
  });

  it('answers 10,000 queries against 10,000 subnets in under 3 s, even on a loaded machine', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({
      cidr: `10.${(i >> 8) & 255}.${i & 255}.0/24`,
      owner: `n${i}`,
    }));
    const started = performance.now();
    let hits = 0;
    for (const e of entries) hits += overlappingSubnets(entries, parseCidr(e.cidr)!).length;
    expect(hits).toBe(10_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
