/**
 * fast-check generators of YAML manifest streams for the reader differential (yaml.test.ts): trees of maps and
 * lists written in every style a person or a tool writes them (plain, quoted over several lines, folded and
 * literal blocks, flow collections over lines, sequences indented or not), with anchors and aliases, comments,
 * document markers, CRLF line ends and a byte-order mark. Values include YAML 1.1 words and number forms where
 * YAML 1.1 (kubectl) and 1.2 differ.
 */
import fc from 'fast-check';

/** Plain words that YAML 1.1, YAML 1.2 and JSON read differently, and ordinary manifest values. */
const TRICKY = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'N',
  'true',
  'False',
  'NULL',
  'null',
  '~',
  'On',
  'OFF',
  '0777',
  '0o17',
  '0x1F',
  '-0x1f',
  '0b101',
  '1_000',
  '1e3',
  '1E-2',
  '.5',
  '-.5',
  '+1',
  '-0',
  '08',
  '09.5',
  '3.',
  '1.0',
  '.inf',
  '-.Inf',
  '.nan',
  '12:30',
  '12:30:45',
  '2024-02-30',
  '2024-01-02',
  '2001-12-14t21:59:43.10-05:00',
  '10.0.0.0/24',
  'fd00::/64',
  '02:00:00:00:00:01',
  'br-ex',
  'a b',
  'x=y',
  'foo#bar',
  'k8s.ovn.org/v1',
  '1.2.3',
  '0.3.1',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  '0x',
  '+',
  '-',
  '=',
  '<<',
  'é',
  'ünïcode',
  '0.',
  '1__0',
  '_1',
  '1_',
  '0_7',
  '1e',
  '1e+',
  '6e-1',
  '0.1e-9',
];
const WORD = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

const scalarText = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY), weight: 3 },
  { arbitrary: WORD, weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.integer({ min: -100000, max: 100000 }).map(String), weight: 1 },
);

type Style = 'plain' | 'single' | 'double' | 'literal' | 'folded';
export type Node =
  | { t: 'scalar'; text: string; style: Style; chomp: '' | '-' | '+'; split: number; contIndent: number }
  | { t: 'map'; entries: [string, Node][]; flow: boolean; multiline: boolean }
  | { t: 'seq'; items: Node[]; flow: boolean; multiline: boolean; indented: boolean }
  | { t: 'alias' };

const scalar: fc.Arbitrary<Node> = fc.record({
  t: fc.constant('scalar' as const),
  text: scalarText,
  style: fc.constantFrom<Style>('plain', 'plain', 'single', 'double', 'literal', 'folded'),
  chomp: fc.constantFrom<'' | '-' | '+'>('', '-', '+'),
  split: fc.nat({ max: 3 }),
  contIndent: fc.integer({ min: -2, max: 4 }),
});

const key = fc.oneof(
  { arbitrary: WORD, weight: 6 },
  { arbitrary: fc.constantFrom('yes', 'on', '1', '010', '1.5', 'a.b', 'kubernetes.io/hostname'), weight: 1 },
);

const { tree } = fc.letrec<{ tree: Node; map: Node; seq: Node }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalar, weight: 3 },
    { arbitrary: tie('map'), weight: 2 },
    { arbitrary: tie('seq'), weight: 1 },
    { arbitrary: fc.constant<Node>({ t: 'alias' }), weight: 1 },
  ),
  map: fc.record({
    t: fc.constant('map' as const),
    entries: fc.uniqueArray(fc.tuple(key, tie('tree')), {
      minLength: 1,
      maxLength: 4,
      selector: (e) => e[0],
    }),
    flow: fc.boolean(),
    multiline: fc.boolean(),
  }),
  seq: fc.record({
    t: fc.constant('seq' as const),
    items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
    flow: fc.boolean(),
    multiline: fc.boolean(),
    indented: fc.boolean(),
  }),
}));

/** Text of a scalar in flow context (no block styles there). */
const inline = (n: Extract<Node, { t: 'scalar' }>): string => {
  if (n.style === 'single') return `'${n.text.replaceAll("'", "''")}'`;
  if (n.style === 'plain') return n.text;
  return JSON.stringify(n.text);
};

/** A quoted scalar whose text is broken over lines (continuations at `contIndent` relative to the key). */
const multilineQuoted = (n: Extract<Node, { t: 'scalar' }>, indent: number): string => {
  const q = inline({ ...n, style: n.style === 'single' ? 'single' : 'double' });
  if (n.split === 0 || q.length < 4) return q;
  const at = Math.min(q.length - 2, 1 + n.split);
  const pad = ' '.repeat(Math.max(0, indent + n.contIndent));
  return `${q.slice(0, at)}\n${pad}${q.slice(at)}`;
};

let anchorCount = 0;

const renderFlow = (n: Node, indent: number, multiline: boolean, anchors: string[]): string => {
  const sep = multiline ? `,\n${' '.repeat(indent + 1)}` : ', ';
  switch (n.t) {
    case 'scalar':
      return n.style === 'plain' && /[,[\]{}#:]|^[-?!&*|>'"%@`]/.test(n.text)
        ? JSON.stringify(n.text)
        : inline(n);
    case 'alias':
      return anchors.length ? `*${anchors[anchors.length - 1]}` : 'null';
    case 'map':
      return `{${n.entries.map(([k, v]) => `${k}: ${renderFlow(v, indent + 1, multiline, anchors)}`).join(sep)}}`;
    case 'seq':
      return `[${n.items.map((v) => renderFlow(v, indent + 1, multiline, anchors)).join(sep)}]`;
  }
};

/** Lines of `value` as the value of a key (or list item) at `indent`; returns the text after `key:`. */
const renderValue = (n: Node, indent: number, anchors: string[], anchor: boolean): string => {
  const pad = (k: number) => ' '.repeat(k);
  let tag = '';
  if (anchor && n.t !== 'alias') {
    const name = `a${anchorCount++}`;
    anchors.push(name);
    tag = ` &${name}`;
  }
  switch (n.t) {
    case 'alias':
      return anchors.length ? ` *${anchors[anchors.length - 1]}` : ' ~';
    case 'scalar': {
      if (n.style === 'literal' || n.style === 'folded') {
        const lines = [n.text, ...(n.split ? ['', 'second line', `  indented ${n.text}`] : [])];
        return `${tag} ${n.style === 'literal' ? '|' : '>'}${n.chomp}\n${lines
          .map((l) => (l === '' ? '' : `${pad(indent + 2)}${l.replace(/\n/g, ' ')}`))
          .join('\n')}`;
      }
      // A plain value starting with an anchor, alias or tag indicator is not how people write one, and the one
      // place where libyaml and the yaml package split differently (`&a?b`: anchor `a` then `?b` for libyaml); it
      // is written quoted.
      if (n.style === 'plain') return `${tag} ${/^[&*!]/.test(n.text) ? JSON.stringify(n.text) : n.text}`;
      return `${tag} ${multilineQuoted(n, indent)}`;
    }
    case 'map':
      if (n.flow) return `${tag} ${renderFlow(n, indent, n.multiline, anchors)}`;
      return `${tag}\n${n.entries
        .map(
          ([k, v]) => `${pad(indent + 2)}${k}:${renderValue(v, indent + 2, anchors, anchorCount % 3 === 0)}`,
        )
        .join('\n')}`;
    case 'seq': {
      if (n.flow) return `${tag} ${renderFlow(n, indent, n.multiline, anchors)}`;
      const at = n.indented ? indent + 2 : indent;
      return `${tag}\n${n.items
        .map((v) => `${pad(at)}-${renderValue(v, at, anchors, false).replace(/^\n {0,}/, ' ')}`)
        .join('\n')}`;
    }
  }
};

const COMMENTS = ['', ' # a comment', '  #: not a key', '\n# full-line comment', '\n    # indented comment'];

export type StreamOptions = { crlf: boolean; bom: boolean; start: string; end: string; comment: number };

const streamOptions: fc.Arbitrary<StreamOptions> = fc.record({
  crlf: fc.boolean(),
  bom: fc.boolean(),
  start: fc.constantFrom('', '---\n', '--- # first\n', '\n\n'),
  end: fc.constantFrom('', '\n', '\n...\n', '\n---\n'),
  comment: fc.nat({ max: COMMENTS.length - 1 }),
});

/** One document: a manifest-like map at the top with generated fields under `spec`. */
const renderDocument = (name: string, spec: Node, comment: string): string => {
  anchorCount = 0;
  const anchors: string[] = [];
  return `apiVersion: example.com/v1${comment}\nkind: Thing\nmetadata:\n  name: ${name}\nspec:${renderValue(
    spec.t === 'map' ? spec : { t: 'map', entries: [['value', spec]], flow: false, multiline: false },
    0,
    anchors,
    false,
  )}`;
};

export const yamlStreams: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(WORD, tree), { minLength: 1, maxLength: 3 }), streamOptions)
  .map(([docs, o]) => {
    const body = docs
      .map(([name, spec]) => renderDocument(name, spec, COMMENTS[o.comment] ?? ''))
      .join('\n---\n');
    const text = `${o.start}${body}${o.end}`;
    return `${o.bom ? '\uFEFF' : ''}${o.crlf ? text.replace(/\n/g, '\r\n') : text}`;
  });
