import { describe, expect, it } from 'vitest';
import { parseYamlDocuments, sortKeys, toYaml, toYamlDocuments } from './toYaml';

describe('toYaml', () => {
  it('puts well-known keys first and sorts the rest', () => {
    const obj = {
      spec: { z: 1, a: 2, topology: 'Layer2' },
      metadata: { namespace: 'ns', name: 'n' },
      kind: 'K',
      apiVersion: 'v1',
    };
    expect(toYaml(obj)).toBe(
      [
        'apiVersion: v1',
        'kind: K',
        'metadata:',
        '  name: n',
        '  namespace: ns',
        'spec:',
        '  topology: Layer2',
        '  a: 2',
        '  z: 1',
        '',
      ].join('\n'),
    );
  });

  it('is independent of insertion order', () => {
    expect(toYaml({ b: 1, a: { d: 1, c: 2 } })).toBe(toYaml({ a: { c: 2, d: 1 }, b: 1 }));
  });

  it('drops undefined values and keeps array order', () => {
    expect(sortKeys({ b: undefined, a: [3, 1, 2] })).toEqual({ a: [3, 1, 2] });
  });

  it('does not fold long strings and writes JSON configs as block scalars', () => {
    const config = JSON.stringify(
      { cniVersion: '0.3.1', subnets: `${'10.0.0.0/24,'.repeat(20)}10.1.0.0/24` },
      null,
      2,
    );
    const text = toYaml({ spec: { config } });
    expect([text.startsWith('spec:\n  config: |'), parseYamlDocuments(text)[0]?.value]).toEqual([
      true,
      { spec: { config } },
    ]);
  });

  it('joins documents', () => {
    expect(toYamlDocuments([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });
});

describe('parseYamlDocuments', () => {
  const text = [
    'apiVersion: v1', // 1
    'kind: A', // 2
    'spec:', // 3
    '  subnets:', // 4
    '    - 10.0.0.0/24', // 5
    '    - 10.1.0.0/24', // 6
    '  nodeSelector:', // 7
    '    kubernetes.io/hostname: w1', // 8
    '---', // 9
    '# comment', // 10
    'kind: B', // 11
    'metadata:', // 12
    '  name: b', // 13
  ].join('\n');
  const docs = parseYamlDocuments(text);

  it('splits documents and records where each starts', () => {
    expect(docs.map((d) => [d.index, d.line, (d.value as { kind: string }).kind])).toEqual([
      [0, 1, 'A'],
      [1, 11, 'B'],
    ]);
  });

  it.each([
    ['spec.subnets[1]', 6],
    ['spec.subnets[0]', 5],
    ['spec.subnets', 4],
    ['spec.nodeSelector.kubernetes.io/hostname', 8],
    ['spec.missing', 3],
    ['spec.subnets[9]', 4],
    ['nothing', 1],
  ])('line of %s is %i', (field, line) => {
    expect(docs[0]?.lineOf(field)).toBe(line);
  });

  it('finds fields in later documents', () => {
    expect(docs[1]?.lineOf('metadata.name')).toBe(13);
  });

  it('reports syntax errors with their line instead of throwing', () => {
    const [doc] = parseYamlDocuments('a: 1\nb: [1, 2\nc: 3\n');
    expect([doc?.value, doc?.errors.length !== 0, typeof doc?.errors[0]?.line]).toEqual([
      undefined,
      true,
      'number',
    ]);
  });

  it('returns nothing for an empty stream', () => {
    expect(parseYamlDocuments('')).toEqual([]);
  });
});
