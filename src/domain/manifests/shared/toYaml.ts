/**
 * YAML in and out. Output has a stable key order (well-known Kubernetes keys first, the rest alphabetical), so the
 * preview does not jump while the user types. Input is read as kubectl reads it, with line numbers
 * so the CLI can point at the line of a field.
 */
import { isMap, isPair, isScalar, isSeq, stringify } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { readManifestStream } from '../../yaml/kubectlYaml';

const FIRST_KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'generateName',
  'namespace',
  'labels',
  'annotations',
  'type',
  'topology',
  'role',
  'state',
  'spec',
];
const rank = (key: string): number => {
  const i = FIRST_KEYS.indexOf(key);
  return i < 0 ? FIRST_KEYS.length : i;
};

export const compareKeys = (a: string, b: string): number =>
  rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);

/** A deep copy with object keys in `compareKeys` order; arrays keep their order; undefined values dropped. */
export const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort(compareKeys)
      .flatMap((k) => {
        const v = (value as Record<string, unknown>)[k];
        return v === undefined ? [] : [[k, sortKeys(v)]];
      }),
  );
};

/** YAML text of one object (no line folding, so long CIDR lists and JSON configs stay readable). */
export const toYaml = (value: unknown): string => stringify(sortKeys(value), { lineWidth: 0 });

/** Several objects as one multi-document stream. */
export const toYamlDocuments = (values: readonly unknown[]): string => values.map(toYaml).join('---\n');

export type ParsedDocument = {
  /** 0-based position in the file. */
  index: number;
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
  errors: { line: number; message: string }[];
  /** Accepted by kubectl but probably a mistake (a key given twice). */
  warnings: { line: number; message: string }[];
  /** 1-based line of a field path ('spec.layer2.subnets[1]'); the nearest existing parent, else `line`. */
  lineOf: (field: string) => number;
};

/**
 * Walks `field` through the node tree. Map keys are matched as the longest key that prefixes the rest of the
 * path, so label keys with dots ('nodeSelector.kubernetes.io/hostname') resolve too.
 */
const lineOfField = (
  root: YamlNode | null,
  field: string,
  line: (offset: number) => number,
  fallback: number,
): number => {
  let node: unknown = root;
  let rest = field;
  let found = fallback;
  while (rest !== '' && node) {
    const index = /^\[(\d+)\]\.?/.exec(rest);
    if (index && isSeq(node)) {
      node = node.items[Number(index[1])];
      rest = rest.slice(index[0].length);
    } else if (isMap(node)) {
      const key = rest;
      const pair = node.items
        .filter((p) => isPair(p) && isScalar(p.key) && key.startsWith(String(p.key.value)))
        .filter((p) => /^($|\.|\[)/.test(key.slice(String((p.key as { value: unknown }).value).length)))
        .sort(
          (a, b) =>
            String((b.key as { value: unknown }).value).length -
            String((a.key as { value: unknown }).value).length,
        )[0];
      if (!pair) break;
      const keyText = String((pair.key as { value: unknown }).value);
      rest = key.slice(keyText.length).replace(/^\./, '');
      const keyRange = (pair.key as { range?: [number, number, number] }).range;
      if (keyRange) found = line(keyRange[0]);
      node = pair.value;
      continue;
    } else {
      break;
    }
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) found = line(range[0]);
  }
  return found;
};

/**
 * Parses a manifest stream as kubectl reads it (../../yaml/kubectlYaml.ts: YAML 1.1 values, go-yaml's lenient
 * indentation of quoted scalars and flow collections, `---` splitting); problems are reported per document,
 * never thrown.
 */
export const parseYamlDocuments = (text: string): ParsedDocument[] =>
  readManifestStream(text).map((d) => ({
    index: d.index,
    value: d.value,
    line: d.line,
    errors: d.errors,
    warnings: d.warnings,
    lineOf: (field: string) => lineOfField(d.contents, field, d.lineAt, d.line),
  }));
