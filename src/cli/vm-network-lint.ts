/**
 * vm-network-lint FILE... [--kubeconfig PATH] [--context NAME] [--crd-dir DIR]
 *
 * Checks NAD, UDN, CUDN, NNCP, SriovNetwork, SriovNetworkNodePolicy manifests and the network part of
 * VirtualMachines with the validators the console wizards use. Prints `file:line field: message` per problem and
 * exits 1 when any manifest has an error, 0 otherwise (2 on bad usage). Cluster checks (overlaps with existing
 * networks, NICs, PFs) run only with --kubeconfig. Each manifest is checked against its structural schema: the
 * CRDs of --crd-dir, else the cluster's (its CustomResourceDefinitions, or for a user who may not list them its
 * OpenAPI v3 documents); without either the CLI says the check was skipped and why.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FieldIssue } from '../domain/issues';
import type { K8sObject } from '../domain/kube/meta';
import type { NetworkAttachmentDefinition } from '../domain/kube/networks';
import type { ClusterContext } from '../domain/manifests/shared/context';
import { clusterContextFrom, networkNames, ownedSubnets, ownerOf } from '../domain/manifests/shared/facts';
import { formatMessage } from '../domain/manifests/shared/messages';
import type { IssueCode } from '../domain/manifests/shared/messages';
import { isObject } from '../domain/manifests/shared/reader';
import { type ParsedDocument, parseYamlDocuments } from '../domain/manifests/shared/toYaml';
import { recognize, validateManifest } from '../domain/manifests/validate';
import {
  type SchemaSet,
  schemasFromCrds,
  validateAgainstSchema,
} from '../domain/manifests/schema/structural';
import { type ClusterRead, type ReadOptions, readCluster, readKubeconfig } from './cluster';

export type CliIO = {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  readFile: (path: string) => Promise<string>;
  readCluster: (kubeconfig: string, context?: string, options?: ReadOptions) => Promise<ClusterRead>;
  /** Texts of the YAML/JSON files in a folder and its subfolders (CRDs for --crd-dir). */
  readDir?: (dir: string) => Promise<string[]>;
};

const readYamlDir = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Promise.all(files.map((f) => readFile(f, 'utf8')));
};

const defaultIO: CliIO = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFile(path, 'utf8'),
  readCluster: async (kubeconfig, context, options) =>
    readCluster(await readKubeconfig(kubeconfig, context), undefined, options),
  readDir: readYamlDir,
};

const USAGE = 'usage: vm-network-lint FILE... [--kubeconfig PATH] [--context NAME] [--crd-dir DIR]';

type Args = {
  files: string[];
  kubeconfig?: string;
  context?: string;
  crdDir?: string;
  help: boolean;
  error?: string;
};

export const parseArgs = (argv: readonly string[]): Args => {
  const args: Args = { files: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--kubeconfig' || flag === '--context' || flag === '--crd-dir') {
      const value = inline ?? argv[++i];
      if (!value) return { ...args, error: `${flag} needs a value` };
      if (flag === '--kubeconfig') args.kubeconfig = value;
      else if (flag === '--crd-dir') args.crdDir = value;
      else args.context = value;
    } else if (a.startsWith('-') && a !== '-') return { ...args, error: `unknown option ${a}` };
    else args.files.push(a);
  }
  return args;
};

/** One object to check: a document, or an item of a `kind: List` document. */
type Unit = { file: string; doc: ParsedDocument; prefix: string; obj: unknown };

const unitsOf = (file: string, doc: ParsedDocument): Unit[] => {
  const v = doc.value;
  if (isObject(v) && v.kind === 'List' && Array.isArray(v.items)) {
    return (v.items as unknown[]).map((obj, i) => ({ file, doc, prefix: `items[${i}].`, obj }));
  }
  return v === null || v === undefined ? [] : [{ file, doc, prefix: '', obj: v }];
};

/**
 * Objects of these kinds whose metadata names them with strings. Anything else (a non-string name, no metadata)
 * is left to the per-object check, which reports it; it must not break the facts every other object uses.
 */
const asObjects = (units: readonly Unit[], kinds: readonly string[]): K8sObject[] =>
  units.flatMap((u) => {
    const kind = recognize(u.obj);
    const meta = isObject(u.obj) ? u.obj.metadata : undefined;
    return kind &&
      kinds.includes(kind) &&
      isObject(meta) &&
      typeof meta.name === 'string' &&
      (meta.namespace === undefined || typeof meta.namespace === 'string')
      ? [u.obj as K8sObject]
      : [];
  });

/** `facts` of each object, skipping one too broken to read (its own check reports why). */
const safely = <T>(objs: readonly K8sObject[], facts: (o: K8sObject[]) => T[]): T[] =>
  objs.flatMap((o) => {
    try {
      return facts([o]);
    } catch {
      return [];
    }
  });

/** Cluster facts plus what the files themselves define (their subnets and NADs are "existing" to each other). */
const contextFor = (units: readonly Unit[], cluster: ClusterContext): ClusterContext => {
  const networks = asObjects(units, [
    'UserDefinedNetwork',
    'ClusterUserDefinedNetwork',
    'NetworkAttachmentDefinition',
  ]);
  const nads = networks.filter((o) => o.kind === 'NetworkAttachmentDefinition');
  // The cluster's copy of an object in the files is replaced by the file's version.
  const mine = new Set(networks.map(ownerOf));
  const stale = (owner: string) => mine.has(owner);
  return {
    ...cluster,
    existingSubnets: [
      ...(cluster.existingSubnets ?? []).filter((s) => !stale(s.owner)),
      ...safely(networks, ownedSubnets),
    ],
    existingNetworkNames: [
      ...(cluster.existingNetworkNames ?? []).filter((n) => !stale(n.owner)),
      ...safely(nads, (o) => networkNames(o as NetworkAttachmentDefinition[])),
    ],
  };
};

/** The `group/version`s of the objects in the files (`v1` for the core group), for the cluster's schemas. */
const groupVersionsOf = (units: readonly Unit[]): string[] => [
  ...new Set(
    units.flatMap((u) =>
      isObject(u.obj) &&
      typeof u.obj.apiVersion === 'string' &&
      /^[\w.-]+(\/[\w.-]+)?$/.test(u.obj.apiVersion)
        ? [u.obj.apiVersion]
        : [],
    ),
  ),
];

// C0 and C1 controls, DEL, line/paragraph separators, bidi controls and the byte-order mark.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a manifest or a file name, safe to print in a terminal or a CI log: control characters are written
 * as escapes, so a value cannot start a new line, forge a CI workflow command (`::error ...`) or rewrite the
 * terminal.
 */
export const escapeText = (text: string): string =>
  text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return (
      NAMED[c] ??
      (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
    );
  });

/** An output line: escaped, and never starting with `::` (GitHub Actions reads those as workflow commands). */
const safeLine = (line: string): string => {
  const escaped = escapeText(line);
  return escaped.startsWith('::') ? `./${escaped}` : escaped;
};

const render = (u: Unit, issue: FieldIssue): string => {
  const field = `${u.prefix}${issue.field}`.replace(/\.$/, '');
  const line = u.doc.lineOf(field);
  const text = formatMessage(issue.code as IssueCode, issue.params);
  return `${u.file}:${line} ${field || '(document)'}: ${issue.severity === 'warning' ? 'warning: ' : ''}${text}`;
};

/** The reason an object could not be checked, without a stack trace. */
const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

export const main = async (argv: readonly string[], rawIO: CliIO = defaultIO): Promise<number> => {
  const io: CliIO = {
    ...rawIO,
    stdout: (line) => rawIO.stdout(safeLine(line)),
    stderr: (line) => rawIO.stderr(safeLine(line)),
  };
  const args = parseArgs(argv);
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (args.error || args.files.length === 0) {
    io.stderr(args.error ? `vm-network-lint: ${args.error}` : 'vm-network-lint: no files given');
    io.stderr(USAGE);
    return 2;
  }
  let failed = false;
  let warnings = 0;
  const units: Unit[] = [];
  for (const file of args.files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (e) {
      io.stdout(`${file}:1 (file): cannot read: ${e instanceof Error ? e.message : String(e)}`);
      failed = true;
      continue;
    }
    for (const doc of parseYamlDocuments(text)) {
      doc.errors.forEach((e) =>
        io.stdout(`${file}:${e.line} (yaml): ${formatMessage('yaml-syntax', { message: e.message })}`),
      );
      doc.warnings.forEach((w) => io.stdout(`${file}:${w.line} (yaml): warning: ${w.message}`));
      warnings += doc.warnings.length;
      failed ||= doc.errors.length > 0;
      units.push(...unitsOf(file, doc));
    }
  }
  let cluster: ClusterContext = {};
  let clusterNads: NetworkAttachmentDefinition[] = [];
  let schemas: SchemaSet | undefined;
  /** Why the schema check did not run, when it did not. */
  let schemaSkipped: string | undefined;
  if (args.kubeconfig) {
    try {
      // The cluster's schemas only when no --crd-dir says which to use; those of the files' group-versions.
      const schemaGroupVersions = args.crdDir ? undefined : groupVersionsOf(units);
      const read = await io.readCluster(args.kubeconfig, args.context, { schemaGroupVersions });
      cluster = clusterContextFrom(read.objects);
      clusterNads = read.objects.nads ?? [];
      read.skipped.forEach((s) =>
        io.stderr(`vm-network-lint: could not read ${s}; checks that need it were skipped`),
      );
      read.schemas?.notes.forEach((n) => io.stderr(`vm-network-lint: ${n}`));
      if (read.schemas && 'schemas' in read.schemas) schemas = read.schemas.schemas;
      else if (read.schemas) schemaSkipped = `could not read ${read.schemas.skipped}`;
    } catch (e) {
      io.stderr(`vm-network-lint: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
  } else {
    io.stderr(
      `vm-network-lint: ${formatMessage('cluster-checks-skipped', { reason: 'no --kubeconfig (overlaps with existing networks, NICs, PFs)' })}`,
    );
  }
  if (args.crdDir) {
    try {
      const texts = await (io.readDir ?? readYamlDir)(args.crdDir);
      schemas = schemasFromCrds(texts.flatMap((t) => parseYamlDocuments(t).map((d) => d.value)));
      if (schemas.size === 0)
        io.stderr(`vm-network-lint: --crd-dir ${args.crdDir}: no CustomResourceDefinitions found`);
    } catch (e) {
      io.stderr(`vm-network-lint: --crd-dir ${args.crdDir}: ${reasonOf(e)}`);
      return 2;
    }
  } else if (!schemas) {
    const reason =
      schemaSkipped ??
      'no --crd-dir or --kubeconfig (unknown fields, such as spec.ipam on a UserDefinedNetwork, are not found; the fields the rules read are still type-checked)';
    io.stderr(`vm-network-lint: ${formatMessage('schema-checks-skipped', { reason })}`);
  }
  const ctx = contextFor(units, cluster);
  const fileNads = asObjects(units, ['NetworkAttachmentDefinition']) as NetworkAttachmentDefinition[];
  const peers = { nads: [...clusterNads, ...fileNads] };
  let errors = 0;
  for (const u of units) {
    // One broken object never stops the run: it is reported as not checked and the next one goes on.
    try {
      const seen = new Set<string>();
      // The schema and the rules may both name an enum value: once is enough.
      const schemaIssues = schemas ? (validateAgainstSchema(u.obj, schemas) ?? []) : [];
      // The schema knows the served versions; the rules' own guess about them is then noise.
      const versionKnown = schemaIssues.some((i) => i.code === 'schema-version-not-served');
      const issues = [...schemaIssues, ...validateManifest(u.obj, ctx, peers)].filter((i) => {
        if (versionKnown && i.code === 'kind-version-unknown') return false;
        const key = `${i.field}|${i.code}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const lines = issues.map((i) => ({ line: u.doc.lineOf(`${u.prefix}${i.field}`), text: render(u, i) }));
      lines.sort((a, b) => a.line - b.line).forEach((l) => io.stdout(l.text));
      errors += issues.filter((i) => i.severity === 'error').length;
      warnings += issues.filter((i) => i.severity === 'warning').length;
    } catch (e) {
      const line = u.doc.lineOf(u.prefix.replace(/\.$/, ''));
      io.stdout(
        `${u.file}:${line} ${u.prefix.replace(/\.$/, '') || '(document)'}: could not be checked: ${reasonOf(e)}`,
      );
      errors += 1;
    }
  }
  io.stderr(`vm-network-lint: ${units.length} manifest(s), ${errors} error(s), ${warnings} warning(s)`);
  return failed || errors > 0 ? 1 : 0;
};

// Run when executed directly (`tsx src/cli/vm-network-lint.ts`); bin/vm-network-lint.mjs calls main itself.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
