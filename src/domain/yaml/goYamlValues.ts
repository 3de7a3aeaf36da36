/**
 * Values as kubectl gets them: go-yaml v2's YAML 1.1 resolution of plain scalars (`yes`/`on` booleans, `0777`
 * octal, `1_000` ints, timestamps kept as strings, `<<` merges), its map-key stringification, its alias limits and
 * anchor names, and sigs.k8s.io/yaml's conversion to JSON. Used by both readers in kubectlYaml.ts (the Document
 * path) and plainTokens.ts (the token path), so the two cannot disagree on a value.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Scalar } from 'yaml';
import type { YamlProblem } from './kubectlSyntax';

export const TAG = 'tag:yaml.org,2002:';

export class YamlError extends Error {
  constructor(
    message: string,
    readonly node?: YamlNode,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scalars: go-yaml v2's resolve (go.yaml.in/yaml/v2 resolve.go), rewritten.

const BOOLS: Record<string, boolean> = Object.fromEntries([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(
    (s) => [s, false] as const,
  ),
]);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '+.inf': Infinity,
  '+.Inf': Infinity,
  '+.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
};
export const MERGE = Symbol('merge');

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, 0, 64) / ParseUint syntax after go-yaml removed underscores; undefined if invalid. */
const parseGoInt = (s: string): bigint | undefined => {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const [, sign, body = ''] = m;
  let digits: bigint;
  if (/^0[xXoObB]/.test(body)) digits = BigInt(`0${body[1]?.toLowerCase()}${body.slice(2)}`);
  else if (body.length > 1 && body.startsWith('0')) digits = BigInt(`0o${body.slice(1)}`);
  else digits = BigInt(body);
  const v = sign === '-' ? -digits : digits;
  if (v >= INT64_MIN && v <= INT64_MAX) return v;
  // ParseUint takes no sign.
  return sign === '' && v <= UINT64_MAX ? v : undefined;
};

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** go-yaml v2 parseTimestamp: 4 digits, '-', then one of its time.Parse layouts. Such plain scalars stay strings. */
const isTimestamp = (s: string): boolean =>
  /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ||
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) ||
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/.test(s);

type Resolved = { tag: string; value: unknown };

const NOT_NUMERIC = /[^0-9a-fA-FxXoObB_.+\-:tTZ ]/;

export const resolvePlain = (s: string, explicit?: string): Resolved => {
  if (explicit === `${TAG}str` || explicit === `${TAG}binary`) return { tag: explicit, value: s };
  // Own keys only: `constructor` or `__proto__` are words, not Object.prototype's members.
  if (Object.hasOwn(BOOLS, s)) return { tag: `${TAG}bool`, value: BOOLS[s] };
  if (NULLS.has(s)) return { tag: `${TAG}null`, value: null };
  if (Object.hasOwn(SPECIAL_FLOATS, s)) return { tag: `${TAG}float`, value: SPECIAL_FLOATS[s] };
  if (s === '<<') return { tag: `${TAG}merge`, value: MERGE };
  // No timestamp, integer or float holds any other character (a CIDR's '/', a name's letters): a string.
  if (NOT_NUMERIC.test(s)) return { tag: `${TAG}str`, value: s };
  const hint = s[0] ?? '';
  if (hint === '.') {
    // strconv.ParseFloat of a value starting with '.'
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return { tag: `${TAG}float`, value: Number(s) };
  } else if (/[-+0-9]/.test(hint)) {
    if ((explicit === undefined || explicit === `${TAG}timestamp`) && isTimestamp(s))
      return { tag: `${TAG}timestamp`, value: s };
    const plain = s.replaceAll('_', '');
    const int = parseGoInt(plain);
    if (int !== undefined) return { tag: `${TAG}int`, value: int };
    if (YAML_STYLE_FLOAT.test(plain)) return { tag: `${TAG}float`, value: Number(plain) };
  }
  return { tag: `${TAG}str`, value: s };
};

const RESOLVABLE = new Set(['str', 'bool', 'int', 'float', 'null', 'timestamp'].map((t) => `${TAG}${t}`));

const decodeBase64 = (s: string, node: YamlNode): string => {
  try {
    const bin = atob(s.replace(/\s+/g, ''));
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    throw new YamlError('!!binary value is not valid base64', node);
  }
};

const shortTag = (tag: string) => (tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag);

/** A scalar's value as go-yaml v2 decodes it into interface{} (ints as bigint until JSON). */
export const scalarValue = (node: Scalar): unknown => {
  const raw: unknown = node.source ?? node.value;
  const text = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : JSON.stringify(raw);
  const tag = node.tag || undefined;
  if (tag === `${TAG}binary`) return decodeBase64(text, node);
  if (tag !== undefined && !RESOLVABLE.has(tag)) return text; // '!' or a custom tag: the text as it is
  // Quoted and block scalars are strings unless a tag says otherwise.
  if (node.type !== 'PLAIN' && tag === undefined) return text;
  const r = resolvePlain(text, tag);
  if (tag === undefined || tag === r.tag || tag === `${TAG}str`) return tag === `${TAG}str` ? text : r.value;
  if (tag === `${TAG}float` && r.tag === `${TAG}int`) return Number(r.value);
  throw new YamlError(`cannot decode ${shortTag(r.tag)} \`${text}\` as a ${shortTag(tag)}`, node);
};

// ---------------------------------------------------------------------------------------------------------------
// Trees: go-yaml v2's decoder into interface{} (decode.go) and sigs.k8s.io/yaml's JSON conversion (yaml.go).

/** strconv.FormatFloat(f, 'g', -1, 32), which sigs.k8s.io/yaml uses for float map keys. */
const formatFloat32 = (f: number): string => {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  const x = Math.fround(f);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let digits = '';
  for (let p = 1; p <= 9; p++) {
    digits = x.toExponential(p - 1);
    if (Math.fround(Number(digits)) === x) break;
  }
  const [mantissa = '', expText = '0'] = digits.split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  return String(Number(`${mantissa}e${exp}`));
};

export const keyString = (key: unknown, node: YamlNode | undefined): string => {
  if (typeof key === 'string') return key;
  if (typeof key === 'bigint') return key.toString();
  if (typeof key === 'number') return formatFloat32(key);
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  throw new YamlError(`unsupported map key ${key === null ? 'null' : 'of this type'}`, node);
};

// go-yaml v2 decoder limits against alias bombs (decode.go allowedAliasRatio).
export const allowedAliasRatio = (decodes: number): number => {
  if (decodes <= 400_000) return 0.99;
  if (decodes >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodes - 400_000) / 3_600_000);
};

export type Counters = { decodes: number; aliases: number; aliasDepth: number; warnings: YamlProblem[] };

/** libyaml's anchor and alias names: letters, digits, '_' and '-' (scannerc.go scan_anchor). */
const ANCHOR_NAME = /^[A-Za-z0-9_-]+$/;

export const checkAnchor = (node: unknown): void => {
  const name = isAlias(node) ? node.source : (node as { anchor?: string } | null)?.anchor;
  if (name !== undefined && !ANCHOR_NAME.test(name))
    throw new YamlError(
      `anchor or alias name "${name}" may hold only letters, digits, '_' and '-'`,
      node as YamlNode,
    );
};

/** libyaml ends a plain scalar inside `[...]`/`{...}` at '?' too (scannerc.go scan_plain_scalar): an error. */
export const checkFlowPlainScalars = (node: unknown, inFlow: boolean): void => {
  if (isScalar(node)) {
    if (inFlow && node.type === 'PLAIN' && typeof node.source === 'string' && node.source.includes('?'))
      throw new YamlError(
        "did not find expected ',' (a plain value in [...] or {...} cannot hold '?')",
        node,
      );
  } else if (isMap(node) || isSeq(node)) {
    const flow = inFlow || node.flow === true;
    for (const item of node.items) {
      if (isPair(item)) {
        checkFlowPlainScalars(item.key, flow);
        checkFlowPlainScalars(item.value, flow);
      } else checkFlowPlainScalars(item, flow);
    }
  }
};

export const isMergeKey = (n: unknown): boolean =>
  isScalar(n) && n.source === '<<' && ((n.type === 'PLAIN' && !n.tag) || n.tag === `${TAG}merge`);

/** The JSON value sigs.k8s.io/yaml produces; NaN and infinities cannot be written (json: unsupported value). */
export const toJson = (v: unknown): unknown => {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    v.forEach((val, k: string) => {
      Object.defineProperty(o, k, {
        value: toJson(val),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return o;
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && !Number.isFinite(v)) throw new YamlError(`json: unsupported value: ${v}`);
  if (v === MERGE) return '<<';
  return v;
};
