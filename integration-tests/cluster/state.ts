// Where the local cluster keeps its files, and the state other tools read to reach it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const USERS = ['admin', 'tenant-a', 'tenant-b', 'viewer'] as const;
export type UserName = (typeof USERS)[number];

export type UserCredentials = { token: string; kubeconfig: string };

/** The contract with every other tool: keep this shape stable. */
export type ClusterState = {
  server: string;
  caFile: string;
  users: Record<UserName, UserCredentials>;
  /**
   * Kubeconfigs of users who sign in with a client certificate (CN = user, O = groups) signed by `clientCaFile`.
   * Absent in a cluster started before client certificates were added (restart it: down, then up).
   */
  certificateUsers?: Partial<Record<UserName, { kubeconfig: string }>>;
  clientCaFile?: string;
};

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The state folder: `.local-cluster/` in the project, or LOCAL_CLUSTER_DIR. */
export const clusterDir = (): string =>
  resolve(process.env.LOCAL_CLUSTER_DIR ?? join(projectRoot, '.local-cluster'));

export const stateFile = (): string => join(clusterDir(), 'state.json');

export const readClusterState = (): ClusterState => {
  const file = stateFile();
  if (!existsSync(file)) {
    throw new Error(`No local cluster state at ${file}: run \`npm run cluster:up\` first`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as ClusterState;
};
