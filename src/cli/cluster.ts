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

export type ClusterRead = { objects: ClusterObjects; skipped: string[] };

/** How long one request may take, connecting included, before it is given up (and its checks skipped). */
export const REQUEST_TIMEOUT_MS = 15_000;

export const readCluster = async (
  config: Kubeconfig,
  timeoutMs: number = REQUEST_TIMEOUT_MS,
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
  try {
    const results = await Promise.all(
      SOURCES.map(async (s) => {
        try {
          const res = await fetch(`${config.server}${s.path}`, {
            headers,
            dispatcher,
            signal: AbortSignal.timeout(timeoutMs),
          });
          if (!res.ok) return { s, skipped: `${s.label} (${res.status} ${res.statusText})` };
          const body = (await res.json()) as { items?: unknown[] };
          return { s, value: s.single ? body : (body.items ?? []) };
        } catch (e) {
          const code = e instanceof Error ? (e.cause as { code?: string } | undefined)?.code : undefined;
          if (e instanceof Error && (e.name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT'))
            return {
              s,
              skipped: `${s.label} (no answer from ${config.server} within ${timeoutMs / 1000} s)`,
            };
          const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
          return { s, skipped: `${s.label} (${e instanceof Error ? e.message : String(e)}${cause})` };
        }
      }),
    );
    const objects = Object.fromEntries(
      results.flatMap((r) => ('value' in r ? [[r.s.key, r.value]] : [])),
    ) as ClusterObjects;
    return { objects, skipped: results.flatMap((r) => (r.skipped ? [r.skipped] : [])) };
  } finally {
    await dispatcher.close();
  }
};
