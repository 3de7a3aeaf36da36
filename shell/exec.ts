/**
 * kubeconfig users that authenticate through an exec plugin (oc, gke-gcloud-auth-plugin, kubelogin, aws…), run
 * the way kubectl runs them (client-go plugin/pkg/client/auth/exec; the client.authentication.k8s.io
 * ExecCredential protocol): the command with its args and env, KUBERNETES_EXEC_INFO describing the request, stdin
 * closed (interactive mode is not supported), and the ExecCredential printed on stdout read for `status.token`.
 * The token is cached until its `expirationTimestamp` (30 s early), or for the process lifetime without one.
 * Node side only.
 */
import { execFile } from 'node:child_process';

export type ExecConfig = {
  apiVersion?: string;
  command: string;
  args?: string[];
  env?: { name: string; value: string }[] | null;
  installHint?: string;
  provideClusterInfo?: boolean;
  interactiveMode?: string;
};

export type ExecCredential = { token: string; expires?: number };

const API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];

/** Parses an ExecCredential printed by a plugin; throws with what is wrong. */
export const parseExecCredential = (stdout: string, apiVersion: string): ExecCredential => {
  let cred: { apiVersion?: string; kind?: string; status?: Record<string, unknown> };
  try {
    cred = JSON.parse(stdout) as typeof cred;
  } catch {
    throw new Error('the exec plugin did not print an ExecCredential (not JSON)');
  }
  if (cred.kind !== 'ExecCredential')
    throw new Error(`the exec plugin printed a ${cred.kind ?? 'document without kind'}`);
  if (cred.apiVersion !== apiVersion)
    throw new Error(
      `the exec plugin answered ${cred.apiVersion ?? '(no apiVersion)'}, the kubeconfig asks ${apiVersion}`,
    );
  const token = cred.status?.token;
  if (typeof token !== 'string' || !token) {
    if (cred.status?.clientCertificateData)
      throw new Error('the exec plugin returned a client certificate; the shell supports exec tokens only');
    throw new Error('the exec plugin returned no status.token');
  }
  const exp = cred.status?.expirationTimestamp;
  const expires = typeof exp === 'string' ? Date.parse(exp) : undefined;
  return { token, ...(expires !== undefined && !Number.isNaN(expires) ? { expires } : {}) };
};

export type ExecRunner = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
) => Promise<{ stdout: string; stderr: string; code: number | null; missing?: boolean }>;

const nodeRunner: ExecRunner = (command, args, env) =>
  new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      { env, timeout: 60_000, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: string | number }) | null;
        resolve({
          stdout: String(stdout),
          stderr: String(stderr),
          code: e ? (typeof e.code === 'number' ? e.code : 1) : 0,
          missing: e?.code === 'ENOENT',
        });
      },
    );
    child.stdin?.end();
  });

/** A token source for one exec user: runs the plugin when there is no valid cached token (one run at a time). */
export const execTokenSource = (
  user: string,
  exec: ExecConfig,
  o: { run?: ExecRunner; now?: () => number; server?: string } = {},
) => {
  const run = o.run ?? nodeRunner;
  const now = o.now ?? Date.now;
  const apiVersion = exec.apiVersion ?? API_VERSIONS[0]!;
  if (!API_VERSIONS.includes(apiVersion))
    throw new Error(
      `user ${user}: exec apiVersion ${apiVersion} is not supported (use ${API_VERSIONS.join(' or ')})`,
    );
  let cached: ExecCredential | undefined;
  let pending: Promise<string> | undefined;
  const fresh = () => cached && (cached.expires === undefined || cached.expires - 30_000 > now());
  const fetchToken = async (): Promise<string> => {
    const info = {
      apiVersion,
      kind: 'ExecCredential',
      spec: {
        interactive: false,
        ...(exec.provideClusterInfo && o.server ? { cluster: { server: o.server } } : {}),
      },
    };
    const env: NodeJS.ProcessEnv = { ...process.env, KUBERNETES_EXEC_INFO: JSON.stringify(info) };
    for (const e of exec.env ?? []) env[e.name] = e.value;
    const r = await run(exec.command, exec.args ?? [], env);
    if (r.missing)
      throw new Error(
        `user ${user}: exec plugin "${exec.command}" not found${exec.installHint ? `: ${exec.installHint.trim()}` : ''}`,
      );
    if (r.code !== 0)
      throw new Error(
        `user ${user}: exec plugin "${exec.command}" failed (exit ${r.code}): ${r.stderr.trim().slice(0, 500)}`,
      );
    try {
      cached = parseExecCredential(r.stdout, apiVersion);
    } catch (e) {
      throw new Error(`user ${user}: ${(e as Error).message}`);
    }
    return cached.token;
  };
  return {
    /** A valid token, from the cache or a new plugin run. */
    token: (): Promise<string> => {
      if (fresh()) return Promise.resolve(cached!.token);
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    /** The cached token if still valid (synchronous; for the proxy's request hooks). */
    cachedToken: (): string | undefined => (fresh() ? cached!.token : undefined),
  };
};
