/**
 * Differential test (issue #6, item 3): for generated wizard forms of every kind, our validator's verdict (no
 * error-severity issue) against the real API server's verdict on the built manifest (server-side dry run with the
 * upstream CRDs: schema + CEL). "We accept, the server refuses" is a bug and fails the test; "we refuse, the
 * server accepts" is allowed (we are stricter on purpose in places) and its top reasons are printed.
 *
 * DIFF_RUNS (default 1000) inputs per kind, DIFF_SEED (default below) for fast-check, DIFF_CONCURRENCY (12).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasErrors, type FieldIssue } from '../../src/domain/issues';
import type { ClusterContext } from '../../src/domain/manifests/shared/context';
import { buildNADManifest, validateNAD } from '../../src/domain/manifests/nad/nad';
import { buildNNCPManifest } from '../../src/domain/manifests/nncp/nncp';
import { validateNNCP } from '../../src/domain/manifests/nncp/nncpValidate';
import {
  SRIOV_NAMESPACE,
  buildSriovNetworkManifest,
  buildSriovPolicyManifest,
  validateSriovNetwork,
  validateSriovPolicy,
} from '../../src/domain/manifests/sriov/sriov';
import { PRIMARY_UDN_LABEL, buildCUDNManifest, buildUDNManifest } from '../../src/domain/manifests/udn/udn';
import { validateUDN } from '../../src/domain/manifests/udn/udnValidate';
import { clientFor, resourcePath } from '../support/k8s';
import {
  TEST_NAMESPACE,
  cudnForms,
  nadForms,
  nncpForms,
  sriovNetworkForms,
  sriovPolicyForms,
  udnForms,
} from './arbitraries';

const RUNS = Number(process.env.DIFF_RUNS ?? 1000);
const SEED = Number(process.env.DIFF_SEED ?? 20260606);
const CONCURRENCY = Number(process.env.DIFF_CONCURRENCY ?? 12);

const admin = clientFor('admin');

/** What the validators know: only the namespaces the dry runs go to (the server knows no other cluster facts). */
const ctx: ClusterContext = {
  namespaces: [
    { name: TEST_NAMESPACE, labels: { [PRIMARY_UDN_LABEL]: '' } },
    { name: SRIOV_NAMESPACE, labels: {} },
  ],
};

type Kind<F> = {
  kind: string;
  forms: fc.Arbitrary<F>;
  validate: (form: F, c: ClusterContext) => FieldIssue[];
  build: (form: F) => unknown;
  /** The collection the dry run posts to (a namespace mismatch in the manifest is then a 400, a refusal). */
  collection: string;
};

const kind = <F>(k: Kind<F>): Kind<unknown> => k as unknown as Kind<unknown>;

const KINDS: Kind<unknown>[] = [
  kind({
    kind: 'UserDefinedNetwork',
    forms: udnForms,
    validate: validateUDN,
    build: buildUDNManifest,
    collection: resourcePath({
      group: 'k8s.ovn.org',
      version: 'v1',
      plural: 'userdefinednetworks',
      namespace: TEST_NAMESPACE,
    }),
  }),
  kind({
    kind: 'ClusterUserDefinedNetwork',
    forms: cudnForms,
    validate: validateUDN,
    build: buildCUDNManifest,
    collection: resourcePath({ group: 'k8s.ovn.org', version: 'v1', plural: 'clusteruserdefinednetworks' }),
  }),
  kind({
    kind: 'NetworkAttachmentDefinition',
    forms: nadForms,
    validate: validateNAD,
    build: buildNADManifest,
    collection: resourcePath({
      group: 'k8s.cni.cncf.io',
      version: 'v1',
      plural: 'network-attachment-definitions',
      namespace: TEST_NAMESPACE,
    }),
  }),
  kind({
    kind: 'NodeNetworkConfigurationPolicy',
    forms: nncpForms,
    validate: validateNNCP,
    build: buildNNCPManifest,
    collection: resourcePath({
      group: 'nmstate.io',
      version: 'v1',
      plural: 'nodenetworkconfigurationpolicies',
    }),
  }),
  kind({
    kind: 'SriovNetworkNodePolicy',
    forms: sriovPolicyForms,
    validate: validateSriovPolicy,
    build: buildSriovPolicyManifest,
    collection: resourcePath({
      group: 'sriovnetwork.openshift.io',
      version: 'v1',
      plural: 'sriovnetworknodepolicies',
      namespace: SRIOV_NAMESPACE,
    }),
  }),
  kind({
    kind: 'SriovNetwork',
    forms: sriovNetworkForms,
    validate: validateSriovNetwork,
    build: buildSriovNetworkManifest,
    collection: resourcePath({
      group: 'sriovnetwork.openshift.io',
      version: 'v1',
      plural: 'sriovnetworks',
      namespace: SRIOV_NAMESPACE,
    }),
  }),
];

type Verdict = { accept: true } | { accept: false; message: string };

/** The server's verdict: 201 accepts, 400/422 refuse; anything else means the test cannot judge. */
const serverVerdict = async (collection: string, manifest: unknown): Promise<Verdict> => {
  const res = await admin.create<{ message?: string }>(`${collection}?dryRun=All`, manifest);
  if (res.status === 201) return { accept: true };
  if (res.status === 400 || res.status === 422)
    return { accept: false, message: res.body.message ?? JSON.stringify(res.body) };
  throw new Error(
    `dry run of ${JSON.stringify(manifest)} answered HTTP ${res.status}: ${JSON.stringify(res.body).slice(0, 600)}`,
  );
};

/** Runs `fn` over `items` with at most `limit` in flight; keeps the input order. */
const mapLimit = async <T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> => {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
};

type Row = {
  kind: string;
  inputs: number;
  bothAccept: number;
  bothRefuse: number;
  stricter: number;
  bugs: number;
  stricterReasons: [string, number][];
};
const rows: Row[] = [];

const pct = (n: number, total: number) => `${n} (${((100 * n) / Math.max(total, 1)).toFixed(1)}%)`;

const printTable = (seconds: number) => {
  const head = [
    'kind',
    'inputs',
    'both accept',
    'both refuse',
    'we refuse, server accepts (stricter, allowed)',
    'we accept, server refuses (BUG)',
  ];
  const body = rows.map((r) => [
    r.kind,
    String(r.inputs),
    pct(r.bothAccept, r.inputs),
    pct(r.bothRefuse, r.inputs),
    pct(r.stricter, r.inputs),
    pct(r.bugs, r.inputs),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const reasons = rows
    .filter((r) => r.stricterReasons.length)
    .map((r) => `  ${r.kind}: ${r.stricterReasons.map(([code, n]) => `${code} ×${n}`).join(', ')}`);
  console.log(
    [
      `Differential test: validator vs API-server dry run — ${RUNS} inputs per kind, seed ${SEED} ` +
        `(DIFF_RUNS / DIFF_SEED), ${CONCURRENCY} in flight, ${seconds.toFixed(1)} s`,
      line(head),
      line(widths.map((w) => '-'.repeat(w))),
      ...body.map(line),
      'Top reasons we refuse what the server accepts (error codes):',
      ...reasons,
    ].join('\n'),
  );
};

const started = Date.now();

beforeAll(async () => {
  const namespaces = resourcePath({ version: 'v1', plural: 'namespaces' });
  for (const ns of ctx.namespaces ?? []) {
    const res = await admin.create(namespaces, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns.name, labels: ns.labels },
    });
    if (res.status === 409 && ns.labels && Object.keys(ns.labels).length) {
      const patched = await admin.patch(`${namespaces}/${ns.name}`, { metadata: { labels: ns.labels } });
      expect(patched.status).toBe(200);
    } else if (res.status !== 409) {
      expect(res.status).toBe(201);
    }
  }
});

afterAll(async () => {
  printTable((Date.now() - started) / 1000);
  await admin.close();
});

describe(`validator vs API server (${RUNS} inputs per kind, seed ${SEED})`, () => {
  for (const k of KINDS) {
    it(
      k.kind,
      async () => {
        const forms = fc.sample(k.forms, { numRuns: RUNS, seed: SEED });
        const results = await mapLimit(forms, CONCURRENCY, async (form) => {
          const issues = k.validate(form, ctx);
          const manifest = k.build(form);
          return {
            form,
            issues,
            manifest,
            ours: !hasErrors(issues),
            server: await serverVerdict(k.collection, manifest),
          };
        });
        const bugs = results.filter((r) => r.ours && !r.server.accept);
        const stricter = results.filter((r) => !r.ours && r.server.accept);
        const reasons = new Map<string, number>();
        for (const r of stricter)
          for (const code of new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.code)))
            reasons.set(code, (reasons.get(code) ?? 0) + 1);
        rows.push({
          kind: k.kind,
          inputs: results.length,
          bothAccept: results.filter((r) => r.ours && r.server.accept).length,
          bothRefuse: results.filter((r) => !r.ours && !r.server.accept).length,
          stricter: stricter.length,
          bugs: bugs.length,
          stricterReasons: [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 6),
        });
        // Smallest first: the shortest form that disagrees is the easiest to read.
        const shown = [...bugs]
          .sort((a, b) => JSON.stringify(a.form).length - JSON.stringify(b.form).length)
          .slice(0, 3)
          .map((b) =>
            [
              `form:     ${JSON.stringify(b.form)}`,
              `manifest: ${JSON.stringify(b.manifest)}`,
              `server:   ${b.server.accept ? '' : b.server.message}`,
            ].join('\n'),
          );
        expect(
          bugs.length,
          `${k.kind}: ${bugs.length} of ${results.length} inputs pass our validator but the API server refuses ` +
            `them (seed ${SEED}). First ones:\n${shown.join('\n\n')}`,
        ).toBe(0);
      },
      900_000,
    );
  }
});
