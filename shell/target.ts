/**
 * Where the shell's API proxy sends requests (Node side only). Either the local cluster (its state.json, written
 * by `npm run cluster:up`) or, when SHELL_KUBECONFIG is set, the current context of that kubeconfig (a real
 * cluster: token or client certificate).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export type Credentials = { token?: string; cert?: Buffer; key?: Buffer };
export type ProxyTarget = {
  server: string;
  ca?: Buffer;
  insecure?: boolean;
  users: Record<string, Credentials>;
};

const clusterDir = () => resolve(process.env.LOCAL_CLUSTER_DIR ?? '.local-cluster');

type LocalState = { server: string; caFile: string; users: Record<string, { token: string }> };

export const localClusterTarget = (): ProxyTarget => {
  const file = resolve(clusterDir(), 'state.json');
  let state: LocalState;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as LocalState;
  } catch {
    throw new Error(`No local cluster state at ${file}: run "npm run cluster:up" (or set SHELL_KUBECONFIG).`);
  }
  const users = Object.fromEntries(
    Object.entries(state.users).map(([name, u]) => [name, { token: u.token }]),
  );
  return { server: state.server, ca: readFileSync(state.caFile), users };
};

type Kubeconfig = {
  'current-context'?: string;
  contexts?: { name: string; context: { cluster: string; user: string } }[];
  clusters?: {
    name: string;
    cluster: {
      server: string;
      'certificate-authority'?: string;
      'certificate-authority-data'?: string;
      'insecure-skip-tls-verify'?: boolean;
    };
  }[];
  users?: {
    name: string;
    user: {
      token?: string;
      'client-certificate-data'?: string;
      'client-key-data'?: string;
      'client-certificate'?: string;
      'client-key'?: string;
    };
  }[];
};

const b64 = (s?: string) => (s ? Buffer.from(s, 'base64') : undefined);
const file = (p?: string) => (p ? readFileSync(p) : undefined);

/** The current context of a kubeconfig as a proxy target with one user, named after the kubeconfig user. */
export const kubeconfigTarget = (path: string): ProxyTarget => {
  const kc = parse(readFileSync(path, 'utf8')) as Kubeconfig;
  const ctx = kc.contexts?.find((c) => c.name === kc['current-context']) ?? kc.contexts?.[0];
  if (!ctx) throw new Error(`${path}: no context (set current-context)`);
  const cluster = kc.clusters?.find((c) => c.name === ctx.context.cluster)?.cluster;
  const user = kc.users?.find((u) => u.name === ctx.context.user)?.user;
  if (!cluster)
    throw new Error(`${path}: context ${ctx.name} names cluster ${ctx.context.cluster}, which is missing`);
  if (!user) throw new Error(`${path}: context ${ctx.name} names user ${ctx.context.user}, which is missing`);
  return {
    server: cluster.server,
    ca: b64(cluster['certificate-authority-data']) ?? file(cluster['certificate-authority']),
    insecure: cluster['insecure-skip-tls-verify'],
    users: {
      [ctx.context.user]: {
        token: user.token,
        cert: b64(user['client-certificate-data']) ?? file(user['client-certificate']),
        key: b64(user['client-key-data']) ?? file(user['client-key']),
      },
    },
  };
};

export const resolveTarget = (): ProxyTarget =>
  process.env.SHELL_KUBECONFIG ? kubeconfigTarget(process.env.SHELL_KUBECONFIG) : localClusterTarget();
