/**
 * Differential test of our manifest reader (src/domain/yaml/kubectlYaml.ts, used by vm-network-lint and the
 * wizards' YAML import) against kubectl's own code (integration-tests/cluster/yamljson: apimachinery's
 * YAMLOrJSONDecoder and sigs.k8s.io/yaml): on the hand-written corpus in yaml-corpus/ and on generated streams,
 * both must read the same documents with the same values, and refuse the same documents.
 *
 * YAML_DIFF_RUNS (default 400) generated streams, YAML_DIFF_SEED for fast-check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readManifestStream } from '../../src/domain/yaml/kubectlYaml';
import { type KubectlRead, kubectlRead } from './kubectlReader';
import { yamlStreams } from './yamlArbitraries';

const RUNS = Number(process.env.YAML_DIFF_RUNS ?? 400);
const SEED = Number(process.env.YAML_DIFF_SEED ?? 20261130);
const corpusDir = join(import.meta.dirname, 'yaml-corpus');

/** A difference between the two readings, or undefined when they agree. */
const difference = (text: string, go: KubectlRead): string | undefined => {
  const ours = readManifestStream(text);
  const n = go.documents.length;
  for (let i = 0; i < n; i++) {
    const doc = ours[i];
    if (!doc) return `kubectl reads document ${i + 1}, we do not`;
    if (doc.errors.length > 0)
      return `document ${i + 1}: kubectl reads it, we refuse it: ${doc.errors[0]?.message}`;
    // Compare as JSON values (key order is not significant).
    try {
      expect(doc.value).toEqual(go.documents[i]);
    } catch {
      return `document ${i + 1}: values differ:\n ours:    ${JSON.stringify(doc.value)}\n kubectl: ${JSON.stringify(go.documents[i])}`;
    }
  }
  if (go.error === null) {
    if (ours.length !== n) return `kubectl reads ${n} document(s), we read ${ours.length}`;
    return undefined;
  }
  const next = ours[n];
  if (!next || next.errors.length === 0)
    return `kubectl refuses document ${n + 1} (${go.error}), we ${next ? 'accept it' : 'do not see it'}`;
  return undefined;
};

describe('our YAML reading agrees with kubectl', () => {
  it('on the corpus of manifests written the ways people write them', async () => {
    const files = readdirSync(corpusDir).sort();
    expect(files.length).toBeGreaterThanOrEqual(10);
    const texts = files.map((f) => readFileSync(join(corpusDir, f), 'utf8'));
    const go = await kubectlRead(texts);
    const diffs = files.flatMap((f, i) => {
      const d = difference(texts[i] ?? '', go[i] as KubectlRead);
      return d ? [`${f}: ${d}`] : [];
    });
    expect(diffs).toEqual([]);
    // Every corpus file is a valid manifest stream: kubectl reads all of it.
    expect(go.filter((g) => g.error !== null).map((g, i) => `${files[i]}: ${g.error}`)).toEqual([]);
  });

  it(`on ${RUNS} generated streams (quoting, blocks, flow over lines, anchors, comments, markers, CRLF, BOM)`, async () => {
    const samples = fc.sample(yamlStreams, { numRuns: RUNS, seed: SEED });
    const go = await kubectlRead(samples);
    const diffs = samples.flatMap((text, i) => {
      const d = difference(text, go[i] as KubectlRead);
      return d ? [{ text, d }] : [];
    });
    const kubectlRefused = go.filter((g) => g.error !== null).length;
    console.log(
      `yaml differential: ${samples.length} streams, kubectl refused ${kubectlRefused}, ${diffs.length} difference(s)`,
    );
    expect(diffs.slice(0, 3).map((x) => `${x.d}\n--- input: ${JSON.stringify(x.text)}`)).toEqual([]);
  });
});
