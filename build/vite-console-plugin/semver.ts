// Minimal semver for the plugin entry runtime: the entry script must pick versions out of the host's
// webpack share scope without bundling node-semver (it is a classic script with no imports).
//
// The functions below are serialized into the entry script with Function.prototype.toString
// (entryRuntime.ts), so each one may only reference the others in this file and browser globals:
// no imports, no module-level constants, no TypeScript helpers.
//
// Grammar (node-semver subset): `||` alternatives; each alternative is either a hyphen range
// `1.2.3 - 2.3.4` or space-separated comparators; a comparator is `*`/`x`/empty, or an operator
// (`=`, `>`, `>=`, `<`, `<=`, `^`, `~`) followed by a full or partial version (`1`, `1.2`, `1.2.x`,
// `1.2.3-rc.1`). Prereleases are treated like any other version (node-semver `includePrerelease`),
// as lib-core does for plugin dependencies; `^`/`~` upper bounds exclude the next version's prereleases.

/** A parsed version: [major, minor, patch, prerelease identifiers]. */
export type Version = [number, number, number, string[]];

/** Parses a full version (`1.2.3`, `v1.2.3-rc.1+build`); undefined when it is not valid semver. */
export function parseVersion(text: string): Version | undefined {
  const m =
    /^\s*v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?\s*$/.exec(
      text,
    );
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? m[4].split('.') : []];
}

/** Semver 2.0 precedence: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  const pa = a[3];
  const pb = b[3];
  // A version without prerelease ranks above the same version with one.
  if (pa.length === 0 || pb.length === 0) return pb.length - pa.length;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Number(x) - Number(y);
    if (nx) return -1; // numeric identifiers rank below alphanumeric ones
    if (ny) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Turns one comparator into [operator, version] bounds, all of them one of `>=`, `>`, `<`, `<=`, `=`.
 * An empty list means "any version". Throws on text it does not understand, so a bad range fails loudly.
 */
export function comparatorBounds(text: string): [string, Version][] {
  const m =
    /^(\^|~|>=|<=|>|<|=)?v?(?:(\*|x|X|\d+)(?:\.(\*|x|X|\d+)(?:\.(\*|x|X|\d+)(?:-([0-9A-Za-z.-]+))?)?)?)?$/.exec(
      text,
    );
  if (!m || text === '') throw new Error(`Invalid semver comparator "${text}"`);
  const op = m[1] || '';
  const wild = (s: string | undefined) => s === undefined || s === '*' || s === 'x' || s === 'X';
  if (wild(m[2])) return op === '<' || op === '>' ? [['<', [0, 0, 0, ['0']]]] : [];
  const major = Number(m[2]);
  const minor = wild(m[3]) ? undefined : Number(m[3]);
  const patch = minor === undefined || wild(m[4]) ? undefined : Number(m[4]);
  const pre = patch !== undefined && m[5] ? m[5].split('.') : [];
  const low: Version = [major, minor ?? 0, patch ?? 0, pre];
  // The first version above a partial one: 1.2 -> 1.3.0-0, 1 -> 2.0.0-0.
  const nextPartial: Version = minor === undefined ? [major + 1, 0, 0, ['0']] : [major, minor + 1, 0, ['0']];
  if (op === '^') {
    if (major > 0 || minor === undefined)
      return [
        ['>=', low],
        ['<', [major + 1, 0, 0, ['0']]],
      ];
    if (minor > 0 || patch === undefined)
      return [
        ['>=', low],
        ['<', [0, minor + 1, 0, ['0']]],
      ];
    return [
      ['>=', low],
      ['<', [0, 0, patch + 1, ['0']]],
    ];
  }
  if (op === '~')
    return [
      ['>=', low],
      ['<', minor === undefined ? nextPartial : [major, minor + 1, 0, ['0']]],
    ];
  if (patch !== undefined) return [[op || '=', low]];
  // Partial versions with an operator.
  if (op === '' || op === '=')
    return [
      ['>=', low],
      ['<', nextPartial],
    ];
  if (op === '>') return [['>=', nextPartial.slice(0, 3).concat([[]]) as Version]];
  if (op === '<=') return [['<', nextPartial]];
  if (op === '<') return [['<', [major, minor ?? 0, 0, ['0']]]];
  return [['>=', low]];
}

/** True when `version` satisfies `range`; false for an invalid version. Throws on an invalid range. */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  const test = (op: string, bound: Version) => {
    const c = compareVersions(v, bound);
    return op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : c === 0;
  };
  return range.split('||').some((alt) => {
    const text = alt.trim().replace(/(\^|~|>=|<=|>|<|=)\s+/g, '$1');
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    const parts = hyphen ? ['>=' + hyphen[1], '<=' + hyphen[2]] : text.split(/\s+/).filter(Boolean);
    return parts.every((part) => comparatorBounds(part).every(([op, bound]) => test(op, bound)));
  });
}

/** The highest of `versions` that satisfies `range` (any valid one when range is undefined). */
export function maxSatisfying(versions: string[], range: string | undefined): string | undefined {
  let best: string | undefined;
  let bestParsed: Version | undefined;
  for (const candidate of versions) {
    const parsed = parseVersion(candidate);
    if (!parsed || (range !== undefined && !satisfies(candidate, range))) continue;
    if (!bestParsed || compareVersions(parsed, bestParsed) > 0) {
      best = candidate;
      bestParsed = parsed;
    }
  }
  return best;
}

/** Every function the entry runtime needs, in dependency order, for serialization. */
export const SEMVER_FUNCTIONS = [parseVersion, compareVersions, comparatorBounds, satisfies, maxSatisfying];
