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

/** Parses a kubeconfig file for its current (or the given) context. Throws with a message on anything missing. */
export const readKubeconfig = async (path: string, contextName?: string): Promise<Kubeconfig> => {
  const file = parse(await readFile(path, 'utf8')) as KubeconfigFile;
  const dir = dirname(path);
  const fromFile = async (p: unknown) => (str(p) ? readFile(resolve(dir, String(p)), 'utf8') : undefined);
  const name = contextName ?? file['current-context'];
  const context = file.contexts?.find((c) => c.name === name)?.context;
  if (!context) throw new Error(`kubeconfig ${path}: context "${name ?? ''}" not found`);
  const cluster = file.clusters?.find((c) => c.name === context.cluster)?.cluster;
  const user = file.users?.find((u) => u.name === context.user)?.user ?? {};
  const server = str(cluster?.server);
  if (!cluster || !server)
    throw new Error(`kubeconfig ${path}: cluster "${context.cluster ?? ''}" has no server`);
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

export const readCluster = async (config: Kubeconfig): Promise<ClusterRead> => {
  const dispatcher = new Agent({
    connect: {
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
          const res = await fetch(`${config.server}${s.path}`, { headers, dispatcher });
          if (!res.ok) return { s, skipped: `${s.label} (${res.status} ${res.statusText})` };
          const body = (await res.json()) as { items?: unknown[] };
          return { s, value: s.single ? body : (body.items ?? []) };
        } catch (e) {
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
