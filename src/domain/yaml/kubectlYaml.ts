/**
 * Reads a manifest stream the way `kubectl apply -f` does, so the linter and the wizards' YAML import accept what
 * kubectl accepts and see the same values.
 *
 * kubectl (k8s.io/cli-runtime pkg/resource/visitor.go, k8s.io/apimachinery pkg/util/yaml/decoder.go) drops a
 * byte-order mark, sniffs a JSON stream (first non-space byte `{`), otherwise splits the text at lines that start
 * with `---` (only spaces or a comment may follow; anything else is an error), reads the first YAML document of
 * each piece with go-yaml v2 (YAML 1.1: `yes`/`on`/`y` are booleans, `0777` is octal, `1_000` an int, timestamps
 * stay strings, `<<` merges) and converts it to JSON with sigs.k8s.io/yaml (map keys become strings, NaN/Inf are
 * refused). Empty and null documents are skipped.
 *
 * Syntax is read by the `yaml` package with one relaxation go-yaml has: the lines of a quoted scalar need no
 * indentation (the docs' NAD `config: '{ ... }'` closes at the indentation of its key). The differential test
 * (integration-tests/differential/yaml.test.ts) compares this reader with kubectl's code on a corpus and on
 * generated documents.
 */
import { CST, Composer, Lexer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, Scalar } from 'yaml';

export type YamlProblem = { line: number; message: string };

export type ManifestDocument = {
  /** 0-based position among the documents kubectl reads (empty and null documents are not counted). */
  index: number;
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
  /** Anything that makes kubectl refuse the document; `value` is then undefined. */
  errors: YamlProblem[];
  /** Things kubectl accepts silently that are probably mistakes (a key given twice: the last one wins). */
  warnings: YamlProblem[];
  /** The parsed tree, for line numbers of fields. */
  contents: YamlNode | null;
  /** 1-based line of a 0-based character offset within the document's piece of text. */
  lineAt: (offset: number) => number;
};

const TAG = 'tag:yaml.org,2002:';

class YamlError extends Error {
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
const MERGE = Symbol('merge');

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

const resolvePlain = (s: string, explicit?: string): Resolved => {
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
const scalarValue = (node: Scalar): unknown => {
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

const keyString = (key: unknown, node: YamlNode | undefined): string => {
  if (typeof key === 'string') return key;
  if (typeof key === 'bigint') return key.toString();
  if (typeof key === 'number') return formatFloat32(key);
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  throw new YamlError(`unsupported map key ${key === null ? 'null' : 'of this type'}`, node);
};

// go-yaml v2 decoder limits against alias bombs (decode.go allowedAliasRatio).
const allowedAliasRatio = (decodes: number): number => {
  if (decodes <= 400_000) return 0.99;
  if (decodes >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodes - 400_000) / 3_600_000);
};

type Counters = { decodes: number; aliases: number; aliasDepth: number; warnings: YamlProblem[] };

/** libyaml's anchor and alias names: letters, digits, '_' and '-' (scannerc.go scan_anchor). */
const ANCHOR_NAME = /^[A-Za-z0-9_-]+$/;

const checkAnchor = (node: unknown): void => {
  const name = isAlias(node) ? node.source : (node as { anchor?: string } | null)?.anchor;
  if (name !== undefined && !ANCHOR_NAME.test(name))
    throw new YamlError(
      `anchor or alias name "${name}" may hold only letters, digits, '_' and '-'`,
      node as YamlNode,
    );
};

/** libyaml ends a plain scalar inside `[...]`/`{...}` at '?' too (scannerc.go scan_plain_scalar): an error. */
const checkFlowPlainScalars = (node: unknown, inFlow: boolean): void => {
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

const isMergeKey = (n: unknown): boolean =>
  isScalar(n) && n.source === '<<' && ((n.type === 'PLAIN' && !n.tag) || n.tag === `${TAG}merge`);

class Decoder {
  readonly counters: Counters = { decodes: 0, aliases: 0, aliasDepth: 0, warnings: [] };
  private readonly inProgress = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lineAt: (offset: number) => number,
  ) {}

  decode(node: unknown): unknown {
    const c = this.counters;
    c.decodes++;
    if (c.aliasDepth > 0) c.aliases++;
    if (c.aliases > 100 && c.decodes > 1000 && c.aliases / c.decodes > allowedAliasRatio(c.decodes))
      throw new YamlError('document contains excessive aliasing');
    if (node === null || node === undefined) return null;
    checkAnchor(node);
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YamlNode | undefined;
      if (!target) throw new YamlError(`unknown anchor '${node.source}' referenced`, node);
      if (this.inProgress.has(target))
        throw new YamlError(`anchor '${node.source}' value contains itself`, node);
      c.aliasDepth++;
      try {
        return this.decode(target);
      } finally {
        c.aliasDepth--;
      }
    }
    if (isScalar(node)) return scalarValue(node);
    this.inProgress.add(node as YamlNode);
    try {
      if (isSeq(node)) return node.items.map((item) => this.decode(item));
      if (isMap(node)) {
        const out = new Map<string, unknown>();
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          if (isMergeKey(pair.key)) {
            this.merge(pair.value, out);
            continue;
          }
          const key = this.decode(pair.key);
          const name = keyString(key, pair.key as YamlNode | undefined);
          if (out.has(name)) {
            const range = (pair.key as { range?: [number, number, number] } | null)?.range;
            c.warnings.push({
              line: this.lineAt(range?.[0] ?? 0),
              message: `key "${name}" appears twice; the last one is used`,
            });
            out.delete(name);
          }
          out.set(name, this.decode(pair.value));
        }
        return out;
      }
      throw new YamlError('unexpected node');
    } finally {
      this.inProgress.delete(node as YamlNode);
    }
  }

  /** `<<: *base` / `<<: [*a, *b]`: later keys override, earlier maps of a list take precedence. */
  private merge(node: unknown, out: Map<string, unknown>): void {
    const target = isAlias(node) ? (node.resolve(this.doc) as YamlNode | undefined) : node;
    const one = (n: unknown) => {
      const t = isAlias(n) ? (n.resolve(this.doc) as YamlNode | undefined) : n;
      if (!isMap(t)) throw new YamlError('map merge requires map or sequence of maps as the value');
      const merged = this.decode(n) as Map<string, unknown>;
      merged.forEach((v, k) => {
        out.delete(k);
        out.set(k, v);
      });
    };
    if (isSeq(target) && !isAlias(node)) [...target.items].reverse().forEach(one);
    else one(node);
  }
}

/** The JSON value sigs.k8s.io/yaml produces; NaN and infinities cannot be written (json: unsupported value). */
const toJson = (v: unknown): unknown => {
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

// ---------------------------------------------------------------------------------------------------------------
// Syntax.

/**
 * A lexer that, like go-yaml (libyaml's scanner), does not ask the continuation lines of a quoted scalar or of a
 * flow collection (`[...]`, `{...}`) to be indented. Only those two steps change; the document markers
 * `---`/`...` at the start of a line still end them.
 */
const kubectlLexer = (): Lexer => {
  const lexer = new Lexer();
  type Step = () => Generator<string, string>;
  const internals = lexer as unknown as {
    indentNext: number;
    parseQuotedScalar: Step;
    parseFlowCollection: Step;
  };
  const unindented = (step: Step): Step =>
    function* relaxed() {
      const saved = internals.indentNext;
      internals.indentNext = 0;
      try {
        return yield* step.call(lexer);
      } finally {
        internals.indentNext = saved;
      }
    };
  internals.parseQuotedScalar = unindented(internals.parseQuotedScalar);
  internals.parseFlowCollection = unindented(internals.parseFlowCollection);
  return lexer;
};

const COMPOSE_OPTIONS = {
  version: '1.1',
  schema: 'failsafe',
  uniqueKeys: false,
  merge: false,
  strict: false,
  prettyErrors: false,
} as const;

/** The YAML documents of `text`, read lazily (go-yaml's Unmarshal reads no further than the first). */
function* yamlDocuments(text: string, lineCounter: LineCounter): Generator<Document.Parsed> {
  lineCounter.addNewLine(0);
  const parser = new Parser(lineCounter.addNewLine);
  const lexer = kubectlLexer();
  function* tokens() {
    for (const lexeme of lexer.lex(text)) yield* parser.next(lexeme);
    yield* parser.end();
  }
  yield* new Composer(COMPOSE_OPTIONS).compose(tokens(), true, text.length);
}

const firstDocument = (text: string, lineCounter: LineCounter): Document.Parsed | undefined => {
  for (const doc of yamlDocuments(text, lineCounter)) return doc;
  return undefined;
};

type Piece = { text: string; firstLine: number } | { error: YamlProblem };

/** What splitPieces refuses: a line starting `---` followed by something other than blanks or a comment. */
const BAD_SEPARATOR = /^---[^\S\n]*[^\s#]/m;

/** apimachinery's YAMLReader: pieces between `---` lines. */
const splitPieces = (text: string): Piece[] => {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const pieces: Piece[] = [];
  let current: string[] = [];
  let first = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        pieces.push({ error: { line: i + 1, message: `invalid YAML document separator: ${rest}` } });
        return pieces;
      }
      if (current.length > 0) pieces.push({ text: `${current.join('\n')}\n`, firstLine: first });
      current = [];
      first = i + 2;
      continue;
    }
    if (current.length === 0) first = i + 1;
    current.push(line);
  }
  if (current.length > 0) pieces.push({ text: `${current.join('\n')}\n`, firstLine: first });
  return pieces;
};

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

/** One parsed document as kubectl sees it; undefined for an empty or null document (kubectl skips those). */
const decodeDocument = (
  doc: Document.Parsed,
  lineAt: (offset: number) => number,
): Omit<ManifestDocument, 'index'> | undefined => {
  const start = lineAt(doc.contents?.range[0] ?? doc.range[0]);
  const base = { line: start, contents: doc.contents, lineAt };
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: messageOf(e) }));
    return { ...base, value: undefined, errors, warnings: [] };
  }
  const decoder = new Decoder(doc, lineAt);
  try {
    checkFlowPlainScalars(doc.contents, false);
    const value = toJson(decoder.decode(doc.contents));
    if (value === null) return undefined;
    return { ...base, value, errors: [], warnings: decoder.counters.warnings };
  } catch (e) {
    const range =
      e instanceof YamlError
        ? (e.node as { range?: [number, number, number] } | undefined)?.range
        : undefined;
    return {
      ...base,
      value: undefined,
      errors: [{ line: range ? lineAt(range[0]) : start, message: messageOf(e) }],
      warnings: [],
    };
  }
};

const readPiece = (piece: {
  text: string;
  firstLine: number;
}): Omit<ManifestDocument, 'index'> | undefined => {
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => piece.firstLine - 1 + lineCounter.linePos(offset).line;
  const doc = firstDocument(piece.text, lineCounter);
  return doc ? decodeDocument(doc, lineAt) : undefined;
};

/**
 * The whole stream in one pass, when that reads the same as piece by piece: no `...` end markers or `%`
 * directives (after which YAML and kubectl's splitting differ) and no syntax error anywhere (errors are then
 * reported piece by piece, as kubectl would meet them). Saves a parser per document on large files.
 */
const readWhole = (text: string): ManifestDocument[] | undefined => {
  if (/^(\.\.\.|%)/m.test(text)) return undefined;
  const plain = readPlain(text);
  if (plain) return plain;
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const parsed = [...yamlDocuments(text, lineCounter)];
  if (parsed.some((d) => d.errors.length > 0)) return undefined;
  const docs: ManifestDocument[] = [];
  for (const doc of parsed) {
    const d = decodeDocument(doc, lineAt);
    if (d) docs.push({ index: docs.length, ...d });
  }
  return docs;
};

// ---------------------------------------------------------------------------------------------------------------
// Fast path: plain block YAML straight from the parser's tokens.
//
// Most manifests are block maps and lists of plain or quoted scalars. For those, building the `yaml` package's
// Document (nodes, ranges, schema tags) only to walk it once cost half the read of a large file and most of its
// garbage. A document whose tokens are only that shape is decoded from the tokens, with the same scalar functions
// the Document would use (CST.resolveAsScalar) and the same go-yaml rules (resolvePlain, keyString); the tree for
// line numbers is built later, only for a document whose fields are asked for. Anything else (comments, anchors,
// aliases, tags, flow collections, tabs, explicit keys, an error token, any problem a scalar reports) makes the
// whole stream go the Document way, so the two paths never have to agree on anything but this shape.

class NotPlain extends Error {}

type Token = CST.Token;
type SourceToken = CST.SourceToken;

/** Only spaces (no tab) and line breaks, plus at most `indicator` exactly once when it is given. */
const onlyBlanks = (tokens: readonly SourceToken[] | undefined, indicator?: string): boolean => {
  let found = 0;
  for (const t of tokens ?? []) {
    if (t.type === 'newline') continue;
    if (t.type === 'space' && !t.source.includes('\t')) continue;
    if (indicator !== undefined && t.type === indicator && found++ === 0) continue;
    return false;
  }
  return indicator === undefined || found === 1;
};

const SCALARS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar']);

class PlainDecoder {
  readonly warnings: YamlProblem[] = [];

  constructor(private readonly lineAt: (offset: number) => number) {}

  private scalar(token: Token): unknown {
    if ('end' in token && !onlyBlanks(token.end)) throw new NotPlain();
    const r = CST.resolveAsScalar(token as CST.FlowScalar | CST.BlockScalar, false, () => {
      throw new NotPlain();
    });
    if (!r) throw new NotPlain();
    if (r.type !== 'PLAIN') return r.value;
    const v = resolvePlain(r.value).value;
    if (v === MERGE || (typeof v === 'number' && !Number.isFinite(v))) throw new NotPlain();
    return v; // ints stay bigint here: a key is written from it exactly (keyString), a value as a JSON number
  }

  value(token: Token | undefined): unknown {
    if (token === undefined) return null;
    if (SCALARS.has(token.type)) {
      const v = this.scalar(token);
      return typeof v === 'bigint' ? Number(v) : v;
    }
    if (token.type === 'block-map') return this.map(token);
    if (token.type === 'block-seq') return this.seq(token);
    throw new NotPlain();
  }

  private seq(bs: CST.BlockSequence): unknown[] {
    return bs.items.map((item) => {
      if (!onlyBlanks(item.start, 'seq-item-ind')) throw new NotPlain();
      return this.value(item.value);
    });
  }

  map(bm: CST.BlockMap): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const item of bm.items) {
      const { start, key, sep, value } = item as {
        start: SourceToken[];
        key?: Token;
        sep?: SourceToken[];
        value?: Token;
      };
      if (!key || !onlyBlanks(start) || !onlyBlanks(sep, 'map-value-ind')) throw new NotPlain();
      if (
        key.type === 'block-scalar' ||
        !SCALARS.has(key.type) ||
        ('indent' in key && key.indent !== bm.indent)
      )
        throw new NotPlain();
      if ('source' in key && (key.source.includes('\n') || (key.type === 'scalar' && key.source === '<<')))
        throw new NotPlain();
      // A block collection as the value of a key on the same line is an error; leave it to the full path.
      if (
        (value?.type === 'block-map' || value?.type === 'block-seq') &&
        !sep?.some((t) => t.type === 'newline')
      )
        throw new NotPlain();
      let name: string;
      try {
        name = keyString(this.scalar(key), undefined);
      } catch {
        throw new NotPlain();
      }
      if (Object.prototype.hasOwnProperty.call(out, name)) {
        this.warnings.push({
          line: this.lineAt(key.offset),
          message: `key "${name}" appears twice; the last one is used`,
        });
        delete out[name];
      }
      const v = this.value(value);
      // `__proto__` is a key like any other in JSON: defined, not assigned (which would set the prototype).
      if (name === '__proto__')
        Object.defineProperty(out, name, { value: v, enumerable: true, writable: true, configurable: true });
      else out[name] = v;
    }
    return out;
  }
}

/** A document read on the fast path: its tree (for line numbers of fields) is composed on first use. */
class PlainDocument implements ManifestDocument {
  readonly index: number;
  readonly value: unknown;
  readonly line: number;
  readonly errors: YamlProblem[] = [];
  readonly warnings: YamlProblem[];
  /** End of the document's text; set when the next one starts. */
  to: number;
  private tree: YamlNode | null | undefined;

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly wholeLine: (offset: number) => number,
    read: { index: number; value: unknown; line: number; warnings: YamlProblem[] },
  ) {
    this.index = read.index;
    this.value = read.value;
    this.line = read.line;
    this.warnings = read.warnings;
    this.to = text.length;
  }

  get contents(): YamlNode | null {
    this.tree ??= firstDocument(this.text.slice(this.from, this.to), new LineCounter())?.contents ?? null;
    return this.tree;
  }

  /** Offsets in the tree are from the document's start. */
  lineAt = (offset: number): number => this.wholeLine(this.from + offset);
}

/**
 * Every document of `text` decoded from the parser's tokens, or undefined when one of them is not plain block
 * YAML (the caller then takes the Document path for the whole stream). `contents` is composed on first use.
 */
const readPlain = (text: string): ManifestDocument[] | undefined => {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  const parser = new Parser(lineCounter.addNewLine);
  const lexer = kubectlLexer();
  const wholeLine = (offset: number) => lineCounter.linePos(offset).line;
  const docs: ManifestDocument[] = [];
  // Each document's text ends where the next begins: known once the next arrives (or at the end).
  let previous: PlainDocument | undefined;
  const close = (to: number) => {
    if (previous) previous.to = to;
    previous = undefined;
  };
  const take = (token: Token): boolean => {
    if (token.type !== 'document') return false;
    const { value } = token;
    if (value?.type !== 'block-map' || !onlyBlanks(token.end)) return false;
    const marker = token.start.some((t) => t.type === 'doc-start');
    if (!onlyBlanks(token.start, marker ? 'doc-start' : undefined)) return false;
    if (token.start.length > 0 && !token.start.some((t) => t.type === 'newline')) return false;
    const decoder = new PlainDecoder(wholeLine);
    let decoded: unknown;
    try {
      decoded = decoder.map(value);
    } catch (e) {
      if (e instanceof NotPlain) return false;
      throw e;
    }
    close(token.offset);
    const doc = new PlainDocument(text, token.offset, wholeLine, {
      index: docs.length,
      value: decoded,
      line: wholeLine(value.offset),
      warnings: decoder.warnings,
    });
    docs.push(doc);
    previous = doc;
    return true;
  };
  // Token by token: a document's tokens are garbage as soon as it is decoded.
  for (const lexeme of lexer.lex(text)) for (const t of parser.next(lexeme)) if (!take(t)) return undefined;
  for (const t of parser.end()) if (!take(t)) return undefined;
  close(text.length);
  return docs;
};

/** A stream of JSON values (kubectl's json.Decoder path); undefined when the first value is not valid JSON. */
const readJsonStream = (text: string): ManifestDocument[] | undefined => {
  const docs: ManifestDocument[] = [];
  let pos = 0;
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  while (true) {
    while (pos < text.length && /\s/.test(text[pos] ?? '')) pos++;
    if (pos >= text.length) return docs;
    const end = jsonValueEnd(text, pos);
    let value: unknown;
    try {
      value = end === undefined ? undefined : JSON.parse(text.slice(pos, end));
    } catch {
      value = undefined;
    }
    if (end === undefined || value === undefined) {
      if (docs.length === 0) return undefined;
      docs.push({
        index: docs.length,
        value: undefined,
        line: lineOf(pos),
        errors: [{ line: lineOf(pos), message: 'invalid JSON' }],
        warnings: [],
        contents: null,
        lineAt: lineOf,
      });
      return docs;
    }
    const line = lineOf(pos);
    if (value !== null)
      docs.push({
        index: docs.length,
        value,
        line,
        errors: [],
        warnings: [],
        contents: null,
        lineAt: () => line,
      });
    pos = end;
  }
};

/** End offset of the JSON value starting at `start` (strings and nesting tracked); undefined if unterminated. */
const jsonValueEnd = (text: string, start: number): number | undefined => {
  const open = text[start];
  if (open !== '{' && open !== '[') {
    const m = /^("(?:[^"\\]|\\.)*"|[^\s{}[\],]+)/.exec(text.slice(start));
    return m ? start + m[0].length : undefined;
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
};

/**
 * Every document of a manifest stream as kubectl reads it. Unlike kubectl, a broken document does not hide the
 * ones after it (each piece between `---` lines is read on its own), so a linter can report them all.
 */
export const readManifestStream = (input: string): ManifestDocument[] => {
  // kubectl's reader drops a byte-order mark and the '\r' of CRLF line ends (bufio.Reader.ReadLine).
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (text.trimStart().startsWith('{')) {
    const json = readJsonStream(text);
    if (json) return json;
  }
  // A `---` line with more than a comment after it stops kubectl's reader: then the stream is read piece by piece.
  if (!BAD_SEPARATOR.test(text)) {
    const whole = readWhole(text);
    if (whole) return whole;
  }
  const pieces = splitPieces(text);
  const docs: ManifestDocument[] = [];
  for (const piece of pieces) {
    if ('error' in piece) {
      const { line } = piece.error;
      docs.push({
        index: docs.length,
        value: undefined,
        line,
        errors: [piece.error],
        warnings: [],
        contents: null,
        lineAt: () => line,
      });
      break;
    }
    const doc = readPiece(piece);
    if (doc) docs.push({ index: docs.length, ...doc });
  }
  return docs;
};
