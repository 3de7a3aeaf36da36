/**
 * Reads what the cluster checks need, with the credentials of a kubeconfig (server, CA, token or client
 * certificate). Every list is fetched on its own: what the user may not read (403) or the cluster does not serve
 * (404) is reported as skipped, and the checks that need it do not run.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Agent, fetch } from 'undici';
import { parse } from 'yaml';
import type { ClusterObjects } from '../domain/manifests/shared/facts';
import { type SchemaSet, schemasFromCrds, schemasFromOpenApi } from '../domain/manifests/schema/structural';

export type Kubeconfig = {
  server: string;
  ca?: string;
  insecure: boolean;
  token?: string;
  cert?: string;
  key?: string;
};

type Named<T> = { name: string } & T;
type KubeconfigFile = {
  'current-context'?: string;
  contexts?: Named<{ context?: { cluster?: string; user?: string } }>[];
  clusters?: Named<{ cluster?: Record<string, unknown> }>[];
  users?: Named<{ user?: Record<string, unknown> }>[];
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const b64 = (v: unknown): string | undefined =>
  str(v) ? Buffer.from(String(v), 'base64').toString('utf8') : undefined;

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** The kubeconfig file as YAML, or a clear message: cannot read, empty, not YAML, not a kubeconfig. */
const loadKubeconfigFile = async (path: string): Promise<KubeconfigFile> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`kubeconfig ${path}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
  }
  if (text.trim() === '') throw new Error(`kubeconfig ${path} is empty`);
  let file: unknown;
  try {
    file = parse(text);
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    throw new Error(`kubeconfig ${path} is not valid YAML: ${first}`);
  }
  if (
    file === null ||
    typeof file !== 'object' ||
    Array.isArray(file) ||
    !('contexts' in file || 'clusters' in file)
  )
    throw new Error(`kubeconfig ${path} is not a kubeconfig (no clusters or contexts in it)`);
  return file as KubeconfigFile;
};

/** Parses a kubeconfig file for its current (or the given) context. Throws with a message on anything missing. */
export const readKubeconfig = async (path: string, contextName?: string): Promise<Kubeconfig> => {
  const file = await loadKubeconfigFile(path);
  const dir = dirname(path);
  const fromFile = async (p: unknown) => {
    if (!str(p)) return undefined;
    try {
      return await readFile(resolve(dir, String(p)), 'utf8');
    } catch (e) {
      throw new Error(
        `kubeconfig ${path}: cannot read ${String(p)} (${e instanceof Error ? e.message : String(e)})`,
      );
    }
  };
  const name = contextName ?? str(file['current-context']);
  if (!name) throw new Error(`kubeconfig ${path} has no current-context; give --context NAME`);
  const context = list<Named<{ context?: { cluster?: string; user?: string } }>>(file.contexts).find(
    (c) => c?.name === name,
  )?.context;
  if (!context) throw new Error(`kubeconfig ${path}: context "${name}" not found`);
  const cluster = list<Named<{ cluster?: Record<string, unknown> }>>(file.clusters).find(
    (c) => c?.name === context.cluster,
  )?.cluster;
  const user =
    list<Named<{ user?: Record<string, unknown> }>>(file.users).find((u) => u?.name === context.user)?.user ??
    {};
  const server = str(cluster?.server);
  if (!cluster || !server)
    throw new Error(`kubeconfig ${path}: cluster "${context.cluster ?? ''}" has no server`);
  if (!/^https?:\/\/[^/\s]+/.test(server) || !URL.canParse(server))
    throw new Error(`kubeconfig ${path}: cluster "${context.cluster ?? ''}" has an invalid server URL`);
  if (user.exec || user['auth-provider']) {
    throw new Error(
      `kubeconfig ${path}: exec/auth-provider users are not supported; use a token (oc whoami -t)`,
    );
  }
  const token = str(user.token) ?? (await fromFile(user.tokenFile))?.trim();
  return {
    server: server.replace(/\/+$/, ''),
    insecure: cluster['insecure-skip-tls-verify'] === true,
    ...optional(
      'ca',
      b64(cluster['certificate-authority-data']) ?? (await fromFile(cluster['certificate-authority'])),
    ),
    ...optional('token', token),
    ...optional('cert', b64(user['client-certificate-data']) ?? (await fromFile(user['client-certificate']))),
    ...optional('key', b64(user['client-key-data']) ?? (await fromFile(user['client-key']))),
  };
};

const optional = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> =>
  v === undefined ? {} : ({ [key]: v } as Record<K, string>);

type Source = { key: keyof ClusterObjects; path: string; label: string; single?: boolean };

/** What we read, cluster-wide; tenants typically get 403 on most of it, which only skips checks. */
const SOURCES: Source[] = [
  {
    key: 'network',
    path: '/apis/config.openshift.io/v1/networks/cluster',
    label: 'cluster network config',
    single: true,
  },
  {
    key: 'operatorNetwork',
    path: '/apis/operator.openshift.io/v1/networks/cluster',
    label: 'OVN-Kubernetes config',
    single: true,
  },
  {
    key: 'nads',
    path: '/apis/k8s.cni.cncf.io/v1/network-attachment-definitions',
    label: 'NetworkAttachmentDefinitions',
  },
  { key: 'udns', path: '/apis/k8s.ovn.org/v1/userdefinednetworks', label: 'UserDefinedNetworks' },
  {
    key: 'cudns',
    path: '/apis/k8s.ovn.org/v1/clusteruserdefinednetworks',
    label: 'ClusterUserDefinedNetworks',
  },
  {
    key: 'nncps',
    path: '/apis/nmstate.io/v1/nodenetworkconfigurationpolicies',
    label: 'NodeNetworkConfigurationPolicies',
  },
  { key: 'nodeStates', path: '/apis/nmstate.io/v1beta1/nodenetworkstates', label: 'NodeNetworkStates' },
  {
    key: 'sriovNodeStates',
    path: '/apis/sriovnetwork.openshift.io/v1/sriovnetworknodestates',
    label: 'SriovNetworkNodeStates',
  },
  {
    key: 'sriovPolicies',
    path: '/apis/sriovnetwork.openshift.io/v1/sriovnetworknodepolicies',
    label: 'SriovNetworkNodePolicies',
  },
  { key: 'nodes', path: '/api/v1/nodes', label: 'Nodes' },
  { key: 'namespaces', path: '/api/v1/namespaces', label: 'Namespaces' },
];

/** Structural schemas read from the cluster, or why they could not be. */
export type SchemaRead =
  { schemas: SchemaSet; from: 'crds' | 'openapi'; notes: string[] } | { skipped: string; notes: string[] };

export type ClusterRead = { objects: ClusterObjects; skipped: string[]; schemas?: SchemaRead };

export type ReadOptions = {
  /** `group/version`s whose schemas to read (those of the files' manifests); none: no schema read. */
  schemaGroupVersions?: readonly string[];
};

/** How long one request may take, connecting included, before it is given up (and its checks skipped). */
export const REQUEST_TIMEOUT_MS = 15_000;

type Got = { value: unknown } | { skipped: string };

export const readCluster = async (
  config: Kubeconfig,
  timeoutMs: number = REQUEST_TIMEOUT_MS,
  options: ReadOptions = {},
): Promise<ClusterRead> => {
  const dispatcher = new Agent({
    // The request's own signal (below) ends it first, with the clearer message.
    headersTimeout: timeoutMs + 1000,
    bodyTimeout: timeoutMs + 1000,
    connect: {
      timeout: timeoutMs,
      ...(config.ca ? { ca: config.ca } : {}),
      ...(config.cert ? { cert: config.cert } : {}),
      ...(config.key ? { key: config.key } : {}),
      rejectUnauthorized: !config.insecure,
    },
  });
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (config.token) headers.Authorization = `Bearer ${config.token}`;
  /** One GET; any failure becomes the reason it was skipped, named by `label`. */
  const get = async (path: string, label: string): Promise<Got> => {
    try {
      const res = await fetch(`${config.server}${path}`, {
        headers,
        dispatcher,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) {
        await res.body?.cancel();
        return { skipped: `${label} (${res.status} ${res.statusText})` };
      }
      return { value: await res.json() };
    } catch (e) {
      const code = e instanceof Error ? (e.cause as { code?: string } | undefined)?.code : undefined;
      if (e instanceof Error && (e.name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT'))
        return { skipped: `${label} (no answer from ${config.server} within ${timeoutMs / 1000} s)` };
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
      return { skipped: `${label} (${e instanceof Error ? e.message : String(e)}${cause})` };
    }
  };
  try {
    const [results, schemas] = await Promise.all([
      Promise.all(
        SOURCES.map(async (s) => {
          const got = await get(s.path, s.label);
          if ('skipped' in got) return { s, skipped: got.skipped };
          const body = got.value as { items?: unknown[] } | null;
          return { s, value: s.single ? body : (body?.items ?? []) };
        }),
      ),
      options.schemaGroupVersions ? readSchemas(get, options.schemaGroupVersions) : undefined,
    ]);
    const objects = Object.fromEntries(
      results.flatMap((r) => ('value' in r ? [[r.s.key, r.value]] : [])),
    ) as ClusterObjects;
    return {
      objects,
      skipped: results.flatMap((r) => (r.skipped ? [r.skipped] : [])),
      ...(schemas ? { schemas } : {}),
    };
  } finally {
    await dispatcher.close();
  }
};

/**
 * The structural schemas of the wanted group-versions: from the CustomResourceDefinitions when the user may list
 * them, else from the OpenAPI v3 documents (the `system:discovery` role lets any authenticated user read
 * /openapi/v3), else the reason both failed.
 */
const readSchemas = async (
  get: (path: string, label: string) => Promise<Got>,
  groupVersions: readonly string[],
): Promise<SchemaRead> => {
  const crds = await get(
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    'CustomResourceDefinitions',
  );
  if ('value' in crds) {
    const items = (crds.value as { items?: unknown } | null)?.items;
    // Items of a list carry no kind of their own.
    const crdList = (Array.isArray(items) ? (items as unknown[]) : []).map((i) =>
      i !== null && typeof i === 'object' ? { kind: 'CustomResourceDefinition', ...i } : i,
    );
    return { schemas: schemasFromCrds(crdList), from: 'crds', notes: [] };
  }
  const index = await get('/openapi/v3', 'the OpenAPI v3 index');
  if ('skipped' in index) return { skipped: `${crds.skipped}; ${index.skipped}`, notes: [] };
  const paths =
    (index.value as { paths?: Record<string, { serverRelativeURL?: unknown }> } | null)?.paths ?? {};
  const notes = [`could not read ${crds.skipped}; schemas read from the OpenAPI v3 documents instead`];
  const docs = await Promise.all(
    [...new Set(groupVersions)].map(async (gv) => {
      const key = gv.includes('/') ? `apis/${gv}` : `api/${gv}`;
      const url = paths[key]?.serverRelativeURL;
      if (typeof url !== 'string' || !url.startsWith('/openapi/v3/')) {
        notes.push(`the cluster serves no ${gv}; its manifests were not checked against a schema`);
        return undefined;
      }
      const doc = await get(url, `the OpenAPI v3 document of ${gv}`);
      if ('skipped' in doc) {
        notes.push(`could not read ${doc.skipped}; its manifests were not checked against a schema`);
        return undefined;
      }
      return doc.value;
    }),
  );
  return { schemas: schemasFromOpenApi(docs.filter((d) => d !== undefined)), from: 'openapi', notes };
};
