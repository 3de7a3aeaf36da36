/**
 * Syntax as kubectl reads it: the `yaml` package's lexer with go-yaml's one relaxation (continuation lines of a
 * quoted scalar or a flow collection need no indentation), composed as YAML 1.1 without schema (values are
 * resolved by goYamlValues.ts), and the shape of one read document.
 */
import { Composer, Lexer, Parser } from 'yaml';
import type { Document, Node as YamlNode, LineCounter } from 'yaml';

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

/**
 * A lexer that, like go-yaml (libyaml's scanner), does not ask the continuation lines of a quoted scalar or of a
 * flow collection (`[...]`, `{...}`) to be indented. Only those two steps change; the document markers
 * `---`/`...` at the start of a line still end them.
 */
export const kubectlLexer = (): Lexer => {
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

export const COMPOSE_OPTIONS = {
  version: '1.1',
  schema: 'failsafe',
  uniqueKeys: false,
  merge: false,
  strict: false,
  prettyErrors: false,
} as const;

/** The YAML documents of `text`, read lazily (go-yaml's Unmarshal reads no further than the first). */
export function* yamlDocuments(text: string, lineCounter: LineCounter): Generator<Document.Parsed> {
  lineCounter.addNewLine(0);
  const parser = new Parser(lineCounter.addNewLine);
  const lexer = kubectlLexer();
  function* tokens() {
    for (const lexeme of lexer.lex(text)) yield* parser.next(lexeme);
    yield* parser.end();
  }
  yield* new Composer(COMPOSE_OPTIONS).compose(tokens(), true, text.length);
}

export const firstDocument = (text: string, lineCounter: LineCounter): Document.Parsed | undefined => {
  for (const doc of yamlDocuments(text, lineCounter)) return doc;
  return undefined;
};
