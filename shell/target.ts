/**
 * Where the shell's API proxy sends requests (Node side only). Either the local cluster (its state.json, written
 * by `npm run cluster:up`) or, when SHELL_KUBECONFIG is set, the current context of that kubeconfig (a real
 * cluster: token or client certificate).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import type { ExecConfig } from './exec';

/** `exec`: the token comes from an exec plugin at request time (shell/exec.ts). */
export type Credentials = { token?: string; cert?: Buffer; key?: Buffer; exec?: ExecConfig };
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
      tokenFile?: string;
      exec?: ExecConfig;
      'auth-provider'?: { name?: string };
    };
  }[];
};

const b64 = (s?: string) => (s ? Buffer.from(s, 'base64') : undefined);

/**
 * The current context of a kubeconfig as a proxy target with one user, named after the kubeconfig user. A user
 * that authenticates with a token, a token file, a client certificate or an exec plugin works; anything else
 * (the legacy auth-provider, no credentials at all) is refused with a message, not proxied anonymously.
 */
export const kubeconfigTarget = (path: string): ProxyTarget => {
  const kc = parse(readFileSync(path, 'utf8')) as Kubeconfig;
  // Relative file references are relative to the kubeconfig, as kubectl reads them.
  const file = (p?: string) => (p ? readFileSync(resolve(dirname(path), p)) : undefined);
  const ctx = kc.contexts?.find((c) => c.name === kc['current-context']) ?? kc.contexts?.[0];
  if (!ctx) throw new Error(`${path}: no context (set current-context)`);
  const cluster = kc.clusters?.find((c) => c.name === ctx.context.cluster)?.cluster;
  const user = kc.users?.find((u) => u.name === ctx.context.user)?.user;
  if (!cluster)
    throw new Error(`${path}: context ${ctx.name} names cluster ${ctx.context.cluster}, which is missing`);
  if (!user) throw new Error(`${path}: context ${ctx.name} names user ${ctx.context.user}, which is missing`);
  const who = `${path}: user ${ctx.context.user}`;
  if (user['auth-provider'])
    throw new Error(
      `${who} authenticates with auth-provider "${user['auth-provider'].name ?? '?'}", which the shell does not ` +
        'support (kubectl dropped it too): use an exec plugin, a token or a client certificate',
    );
  const token = user.token ?? file(user.tokenFile)?.toString('utf8').trim();
  const cert = b64(user['client-certificate-data']) ?? file(user['client-certificate']);
  const key = b64(user['client-key-data']) ?? file(user['client-key']);
  if (user.exec && typeof user.exec.command !== 'string') throw new Error(`${who}: exec has no command`);
  if (!token && !(cert && key) && !user.exec)
    throw new Error(
      `${who} has no credentials the shell can use (token, tokenFile, client certificate or exec)`,
    );
  return {
    server: cluster.server,
    ca: b64(cluster['certificate-authority-data']) ?? file(cluster['certificate-authority']),
    insecure: cluster['insecure-skip-tls-verify'],
    users: { [ctx.context.user]: { token, cert, key, ...(user.exec && !token ? { exec: user.exec } : {}) } },
  };
};

export const resolveTarget = (): ProxyTarget =>
  process.env.SHELL_KUBECONFIG ? kubeconfigTarget(process.env.SHELL_KUBECONFIG) : localClusterTarget();
