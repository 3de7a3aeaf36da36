/**
 * kubectlYaml.ts's fast path (see the comment below): plain block YAML decoded straight from the parser's tokens,
 * with the value rules of goYamlValues.ts.
 */
import { CST, LineCounter, Parser } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { MERGE, keyString, resolvePlain } from './goYamlValues';
import { type ManifestDocument, type YamlProblem, firstDocument, kubectlLexer } from './kubectlSyntax';

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
export const readPlain = (text: string): ManifestDocument[] | undefined => {
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
