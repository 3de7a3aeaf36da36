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
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import {
  type Counters,
  YamlError,
  allowedAliasRatio,
  checkAnchor,
  checkFlowPlainScalars,
  isMergeKey,
  keyString,
  scalarValue,
  toJson,
} from './goYamlValues';
import { type ManifestDocument, type YamlProblem, firstDocument, yamlDocuments } from './kubectlSyntax';
import { readPlain } from './plainTokens';

export type { ManifestDocument, YamlProblem } from './kubectlSyntax';

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
