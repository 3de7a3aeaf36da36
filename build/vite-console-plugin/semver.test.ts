import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, maxSatisfying, parseVersion, satisfies, type Version } from './semver';

describe('satisfies', () => {
  it.each([
    // Ranges console and the SDK actually use.
    ['18.3.1', '^18.3.1', true],
    ['18.2.0', '^18.3.1', false],
    ['19.0.0', '^18.3.1', false],
    ['7.13.2', '~7.13.1', true],
    ['7.14.0', '~7.13.1', false],
    ['6.4.2', '~6.4.2', true],
    ['6.4.1', '~6.4.2', false],
    ['4.22.0', '>=4.22.0-0', true],
    ['4.22.0-ec.3', '>=4.22.0-0', true],
    ['4.21.9', '>=4.22.0-0', false],
    // Partial versions and wildcards.
    ['1.2.9', '1.2', true],
    ['1.3.0', '1.2.x', false],
    ['2.0.0', '1', false],
    ['5.0.0', '*', true],
    ['5.0.0', '', true],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['0.0.4', '^0.0.3', false],
    ['1.9.0', '~1', true],
    ['1.3.0', '>1.2', true],
    ['1.2.9', '>1.2', false],
    ['1.2.9', '<=1.2', true],
    ['1.3.0-0', '<=1.2', false],
    ['1.1.9', '<1.2', true],
    // Operators, sets, hyphen ranges, prereleases.
    ['1.2.3', '>= 1.2.3 < 2', true],
    ['2.0.0', '>=1.2.3 <2', false],
    ['3.1.0', '^1.0.0 || ^3.0.0', true],
    ['2.5.0', '1.0.0 - 2.5', true],
    ['2.6.0', '1.0.0 - 2.5', false],
    ['2.0.0-rc.1', '^1.0.0', false],
    ['1.2.3-beta.2', '^1.2.3-beta.1', true],
    ['1.2.3-alpha', '=1.2.3-alpha', true],
    ['not-a-version', '*', false],
  ])('%s satisfies %j: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('throws on a range it cannot read, instead of matching nothing silently', () => {
    expect(() => satisfies('1.0.0', '^latest')).toThrow(/Invalid semver comparator "\^latest"/);
  });

  // Oracles: the caret and tilde rules written out independently of the implementation. Small
  // numbers, so equal majors and minors come up often.
  const version = fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4));

  it('^a.b.c keeps the left-most non-zero part and allows anything at or above a.b.c', () => {
    fc.assert(
      fc.property(version, version, ([a, b, c], [x, y, z]) => {
        const atOrAbove = x > a || (x === a && (y > b || (y === b && z >= c)));
        const expected =
          a > 0 ? x === a && atOrAbove : b > 0 ? x === 0 && y === b && z >= c : x === 0 && y === 0 && z === c;
        return satisfies(`${x}.${y}.${z}`, `^${a}.${b}.${c}`) === expected;
      }),
    );
  });

  it('~a.b.c matches exactly the same major.minor at or above a.b.c', () => {
    fc.assert(
      fc.property(version, version, ([a, b, c], [x, y, z]) => {
        return satisfies(`${x}.${y}.${z}`, `~${a}.${b}.${c}`) === (x === a && y === b && z >= c);
      }),
    );
  });
});

describe('compareVersions', () => {
  const v = (s: string) => parseVersion(s) as Version;
  it('orders by semver 2.0 precedence', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.1.0',
      '2.0.0',
    ];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort((a, b) => compareVersions(v(a), v(b)))).toEqual(ordered);
  });
});

describe('maxSatisfying', () => {
  it('takes the highest matching version, ignoring invalid ones', () => {
    expect(maxSatisfying(['6.4.2', '6.5.0', '6.4.10', 'junk'], '~6.4.0')).toBe('6.4.10');
    expect(maxSatisfying(['18.2.0', '18.3.1'], undefined)).toBe('18.3.1');
    expect(maxSatisfying(['5.0.0'], '^6.0.0')).toBeUndefined();
  });
});
