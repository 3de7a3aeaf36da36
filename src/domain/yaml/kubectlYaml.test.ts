import { describe, expect, it } from 'vitest';
import { isMap } from 'yaml';
import { readManifestStream } from './kubectlYaml';

const values = (text: string) => readManifestStream(text).map((d) => d.value);
const only = (text: string) => {
  const docs = readManifestStream(text);
  expect(docs).toHaveLength(1);
  return docs[0];
};

describe('readManifestStream reads what kubectl reads', () => {
  it("reads the docs' NAD: single-quoted JSON over lines, closing quote at the key's indentation", () => {
    const doc = only(
      'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nspec:\n  config: \'{\n    "cniVersion": "0.3.1",\n    "type": "bridge"\n  }\'\n',
    );
    expect(doc?.errors).toEqual([]);
    expect(doc?.value).toEqual({
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      spec: { config: '{ "cniVersion": "0.3.1", "type": "bridge" }' },
    });
  });

  it('reads a flow list continued at less indentation', () => {
    expect(values('spec:\n  subnets: [10.0.0.0/24,\n 10.1.0.0/24]\n')).toEqual([
      { spec: { subnets: ['10.0.0.0/24', '10.1.0.0/24'] } },
    ]);
  });

  it('gives plain words and numbers their YAML 1.1 meaning, as go-yaml v2 does', () => {
    expect(
      values(
        'a: yes\nb: off\nc: y\nd: 0777\ne: 0x1F\nf: 1_000\ng: 08\nh: 2024-01-02\ni: "yes"\nj: 12:30\nk: 1e3\n',
      ),
    ).toEqual([
      {
        a: true,
        b: false,
        c: true,
        d: 511,
        e: 31,
        f: 1000,
        g: 8,
        h: '2024-01-02',
        i: 'yes',
        j: '12:30',
        k: 1000,
      },
    ]);
  });

  it('turns map keys into strings the way sigs.k8s.io/yaml does', () => {
    expect(values('yes: 1\n010: 2\n1.5: 3\n')).toEqual([{ true: 1, '8': 2, '1.5': 3 }]);
    expect(readManifestStream('~: 1\n')[0]?.errors[0]?.message).toMatch(/unsupported map key null/);
  });

  it('merges `<<` keys, later keys overriding', () => {
    expect(values('base: &b {p: 1, q: 2}\nitem:\n  <<: *b\n  q: 3\n')).toEqual([
      { base: { p: 1, q: 2 }, item: { p: 1, q: 3 } },
    ]);
  });

  it('splits at `---` lines, skips empty and null documents; text after a separator stops the stream there, as in kubectl', () => {
    expect(values('---\na: 1\n--- # two\n\n---\n~\n---\nb: 2\n...\nc: 3\n')).toEqual([{ a: 1 }, { b: 2 }]);
    const docs = readManifestStream('a: 1\n--- b: 2\n');
    expect(docs.map((d) => d.errors.map((e) => `${e.line}: ${e.message}`))).toEqual([
      ['2: invalid YAML document separator: b: 2'],
    ]);
  });

  it('drops a byte-order mark and CRLF line ends; reads a JSON stream', () => {
    expect(values('\uFEFFa: 1\r\nb: |\r\n  x\r\n')).toEqual([{ a: 1, b: 'x\n' }]);
    expect(values('{"a": 1}\n{"b": [2]}\n')).toEqual([{ a: 1 }, { b: [2] }]);
  });

  it('reports a broken document at its line and still reads the others', () => {
    const docs = readManifestStream('a: 1\n---\nb: [1,\n---\nc: 3\n');
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, undefined, { c: 3 }]);
    expect(docs[1]?.errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(docs[2]?.line).toBe(5);
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const doc = only(`${levels.join('\n')}\n`);
    expect(doc?.errors[0]?.message).toBe('document contains excessive aliasing');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses values JSON cannot hold and warns about a key given twice (kubectl keeps the last)', () => {
    expect(only('a: .inf\n')?.errors[0]?.message).toMatch(/unsupported value/);
    const doc = only('a: 1\nb: 2\na: 3\n');
    expect(doc?.value).toEqual({ a: 3, b: 2 });
    expect(doc?.warnings).toEqual([{ line: 3, message: 'key "a" appears twice; the last one is used' }]);
  });
});

describe('plain block YAML is read from the parser tokens, as the Document path reads it', () => {
  // A trailing comment sends the same stream through the Document path: both must read the same.
  const both = (text: string) => [
    readManifestStream(text),
    readManifestStream(`${text}# the Document path\n`),
  ];
  const STREAM = [
    'apiVersion: k8s.cni.cncf.io/v1',
    'kind: NetworkAttachmentDefinition',
    'metadata:',
    '  name: a',
    '  labels:',
    '    "quoted key": "x\\ty"',
    '    1: one',
    '    16777217: big',
    '    yes: y',
    '    __proto__: kept',
    'spec:',
    "  config: '{",
    '    "cniVersion": "0.3.1"',
    "  }'",
    '  literal: |',
    '    line one',
    '    line two',
    '  folded: >-',
    '    a',
    '    b',
    '  list:',
    '  - 10.0.0.0/24',
    '  - name: x',
    '    port: 0x1F',
    '  - - nested',
    '  - ~',
    '  - on',
    '  - 1_000',
    '  - 2001-12-14',
    '  - 1e3',
    '  empty:',
    '  twice: 1',
    '  twice: 2',
    '---',
    'b: 2',
    '',
  ].join('\n');

  it('same values, warnings and lines of fields', () => {
    const [fast = [], full = []] = both(STREAM);
    expect(fast.map((d) => d.value)).toEqual(full.map((d) => d.value));
    expect(fast.map((d) => [d.line, d.warnings, d.errors])).toEqual(
      full.map((d) => [d.line, d.warnings, d.errors]),
    );
    const labels = (fast[0]?.value as { metadata: { labels: Record<string, unknown> } }).metadata.labels;
    // Integer-like keys come first in any JS object (both paths); Go sorts keys anyway.
    expect(Object.keys(labels)).toEqual(['1', '16777217', 'quoted key', 'true', '__proto__']);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(fast[0]?.warnings).toEqual([
      { line: 33, message: 'key "twice" appears twice; the last one is used' },
    ]);
    // The tree for line numbers is built on demand, with the same lines.
    const linesOf = (d: (typeof fast)[number] | undefined) =>
      d && isMap(d.contents)
        ? d.contents.items.map((p) => d.lineAt((p.key as { range: number[] }).range[0] ?? 0))
        : [];
    expect(linesOf(fast[0])).toEqual([1, 2, 3, 11]);
    expect(linesOf(fast[0])).toEqual(linesOf(full[0]));
    expect(linesOf(fast[1])).toEqual([35]);
  });

  it('reads words that name Object.prototype members as the strings they are', () => {
    const [fast = [], full = []] = both(
      'a: constructor\nb: toString\n__proto__: x\nconstructor: hasOwnProperty\n',
    );
    const expected = JSON.parse(
      '{"a":"constructor","b":"toString","__proto__":"x","constructor":"hasOwnProperty"}',
    ) as unknown;
    expect(fast.map((d) => d.value)).toEqual([expected]);
    expect(full.map((d) => d.value)).toEqual([expected]);
    expect(Object.getPrototypeOf(fast[0]?.value)).toBe(Object.prototype);
  });

  it('leaves anything else to the Document path: a problem there is still reported', () => {
    const [fast = []] = both('a: 1\n---\nb: c: d\n');
    expect(fast[1]?.errors[0]?.message).toMatch(/Nested mappings|compact/);
    expect(values('a: .inf\n---\nb: 1\n')).toEqual([undefined, { b: 1 }]);
  });
});
