/**
 * Benchmarks need the local cluster. Without it, say how to start it instead of dying with a stack trace
 * (no state file, or a state file whose API server does not answer).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Agent, fetch } from 'undici';

type State = { server: string; caFile: string; users: { admin: { token: string } } };

const stateFile = () => join(resolve(process.env.LOCAL_CLUSTER_DIR ?? '.local-cluster'), 'state.json');

/** Why the local cluster cannot be used, or undefined when its API server answers /readyz. */
export const localClusterProblem = async (): Promise<string | undefined> => {
  const file = stateFile();
  if (!existsSync(file)) return `No local cluster (no ${file}).`;
  let state: State;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as State;
  } catch {
    return `The local cluster state ${file} is unreadable.`;
  }
  const dispatcher = new Agent({ connect: { ca: readFileSync(state.caFile, 'utf8'), timeout: 3000 } });
  try {
    const r = await fetch(`${state.server}/readyz`, {
      dispatcher,
      headers: { Authorization: `Bearer ${state.users.admin.token}` },
      signal: AbortSignal.timeout(5000),
    });
    return r.ok ? undefined : `The local cluster at ${state.server} is not ready (${r.status}).`;
  } catch (e) {
    return `The local cluster at ${state.server} does not answer (${(e as Error).cause ? String((e as Error & { cause: Error }).cause.message) : (e as Error).message}).`;
  } finally {
    await dispatcher.close();
  }
};

/** Exits with a message saying how to start the cluster when it is not running. */
export const requireLocalCluster = async (command: string): Promise<void> => {
  const problem = await localClusterProblem().catch((e: unknown) => (e as Error).message);
  if (!problem) return;
  process.stderr.write(`${problem}\nStart it with \`npm run cluster:up\`, then run \`${command}\` again.\n`);
  process.exit(1);
};
