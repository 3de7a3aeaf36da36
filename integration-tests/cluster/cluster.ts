// Starts and stops the local cluster: embedded etcd, kube-apiserver and kube-controller-manager, all on 127.0.0.1.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { clientFor, createClient, type KubeClient } from '../support/k8s';
import { ensureBinaries } from './build';
import { installCrds, readCrds } from './crds';
import {
  CERT_USERS,
  CONTROLLER_USER,
  type CertUser,
  clientCa,
  clientCertificate,
  generateTokens,
  kubeconfig,
  serviceAccountKeys,
  tokenFile,
} from './credentials';
import { withClusterLock } from './lock';
import { privateDir, restrictTree, writePrivate } from './private';
import { freePort, isRunning, startProcess, stopProcess, waitUntil } from './processes';
import { bootstrapObjects, bootstrapPath } from './rbac';
import { clusterDir, readClusterState, stateFile, USERS, type ClusterState } from './state';

const PROCESSES = ['kube-controller-manager', 'kube-apiserver', 'etcd'] as const;
type Proc = (typeof PROCESSES)[number];

// kube-controller-manager 1.35 controller names; without these, aggregated roles stay empty, deleted namespaces
// never go away and nothing is garbage-collected.
const CONTROLLERS = [
  'namespace-controller',
  'garbage-collector-controller',
  'clusterrole-aggregation-controller',
  'serviceaccount-controller',
  'serviceaccount-token-controller',
  'root-ca-certificate-publisher-controller',
];

const certUsers = Object.keys(CERT_USERS) as CertUser[];

/** What a restart needs that state.json (the public contract) does not hold. */
type Runtime = { binDir: string; args: Record<Proc, string[]> };

const paths = () => {
  const dir = clusterDir();
  return {
    dir,
    data: join(dir, 'etcd'),
    certs: join(dir, 'certs'),
    pki: join(dir, 'pki'),
    kubeconfigs: join(dir, 'kubeconfigs'),
    logs: join(dir, 'logs'),
    runtime: join(dir, 'runtime.json'),
    pid: (p: Proc) => join(dir, `${p}.pid`),
    log: (p: Proc) => join(dir, 'logs', `${p}.log`),
  };
};

const readRuntime = (): Runtime => JSON.parse(readFileSync(paths().runtime, 'utf8')) as Runtime;

const isReady = async (client: KubeClient): Promise<boolean> => (await client.get('/readyz')).status === 200;

/** True when every process of the last `up` runs and the API server answers /readyz. */
export const isHealthy = async (): Promise<boolean> => {
  const p = paths();
  if (!existsSync(stateFile()) || !PROCESSES.every((proc) => isRunning(p.pid(proc)))) return false;
  const client = clientFor('admin');
  try {
    return await isReady(client);
  } catch {
    return false;
  } finally {
    await client.close();
  }
};

/** Stops whatever an earlier run left (by pid file) and removes its data; logs are kept for a post-mortem. */
const stopAll = async (): Promise<boolean> => {
  const p = paths();
  const wasRunning = PROCESSES.some((proc) => isRunning(p.pid(proc)));
  for (const proc of PROCESSES) await stopProcess(p.pid(proc));
  const leftovers = [
    stateFile(),
    p.runtime,
    p.data,
    `${p.data}.snapshot`, // etcdData('snapshot')
    p.certs,
    p.pki,
    p.kubeconfigs,
    join(p.dir, SETUP_MARKER),
  ];
  for (const d of leftovers) rmSync(d, { recursive: true, force: true });
  return wasRunning;
};

const start = (bin: string, proc: Proc, args: string[]): void => {
  const p = paths();
  startProcess(join(bin, proc), args, p.log(proc), p.pid(proc));
};

const apiServerArgs = (p: ReturnType<typeof paths>, etcdPort: number, apiPort: number): string[] => [
  `--etcd-servers=http://127.0.0.1:${etcdPort}`,
  '--bind-address=127.0.0.1',
  '--advertise-address=127.0.0.1',
  `--secure-port=${apiPort}`,
  `--cert-dir=${p.certs}`,
  '--service-cluster-ip-range=10.96.0.0/16',
  '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
  `--service-account-key-file=${join(p.pki, 'sa.pub')}`,
  `--service-account-signing-key-file=${join(p.pki, 'sa.key')}`,
  `--token-auth-file=${join(p.pki, 'tokens.csv')}`,
  // Client certificates signed by our client CA are users too (CN = user, O = groups); see credentials.ts.
  `--client-ca-file=${join(p.pki, 'client-ca.crt')}`,
  '--authorization-mode=RBAC',
  '--allow-privileged=true',
  // One tenant-less test cluster: plain in-flight limits instead of fairness queues, so a big seed is not throttled.
  '--enable-priority-and-fairness=false',
  '--max-requests-inflight=1000',
  '--max-mutating-requests-inflight=500',
];

const waitForApiServer = async (client: KubeClient): Promise<void> =>
  waitUntil(
    'kube-apiserver /readyz',
    () => isReady(client),
    120_000,
    () => `See ${paths().log('kube-apiserver')}`,
  );

const applyBootstrap = async (client: KubeClient): Promise<void> => {
  for (const obj of bootstrapObjects()) {
    const res = await client.apply(bootstrapPath(obj), obj);
    if (res.status >= 300)
      throw new Error(`bootstrap ${obj.kind} ${obj.metadata?.name}: ${JSON.stringify(res.body)}`);
  }
};

/** The clusterrole-aggregation controller has run once `admin` carries the KubeVirt rules. */
const aggregated = async (client: KubeClient): Promise<boolean> => {
  const res = await client.get('/apis/rbac.authorization.k8s.io/v1/clusterroles/admin');
  const rules = (res.body.rules ?? []) as { apiGroups?: string[] }[];
  return rules.some((r) => r.apiGroups?.includes('kubevirt.io'));
};

const secondsSince = (t: number): string => `${((Date.now() - t) / 1000).toFixed(1)} s`;

/** Compacts etcd's history up to now (etcd's JSON gateway), as the API server does every 5 minutes. */
const compactEtcd = async (etcdPort: number): Promise<void> => {
  const post = async (api: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${etcdPort}/v3/kv/${api}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`etcd ${api}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as { header?: { revision?: string } };
  };
  const { header } = await post('range', { key: Buffer.from('/').toString('base64'), limit: 1 });
  if (header?.revision) await post('compaction', { revision: header.revision, physical: true });
};

/** Starts the cluster unless it already runs healthy. `started` tells whether this call started it. */
export const up = (): Promise<{ state: ClusterState; started: boolean }> => withClusterLock(startLocked);

const startLocked = async (): Promise<{ state: ClusterState; started: boolean }> => {
  if (await isHealthy()) {
    // Already up: only bring the bootstrap RBAC up to date (a few idempotent applies), and the folder's
    // permissions (a cluster started by an older version left its secrets world-readable).
    restrictTree(clusterDir());
    const state = readClusterState();
    const client = clientFor('admin', state);
    await applyBootstrap(client).finally(() => client.close());
    if (!state.certificateUsers)
      // Started before client certificates existed: left running (others may be using it); the next start adds them.
      console.log(
        `Note: this cluster was started without a client CA, so it has no client-certificate users; ` +
          `they come with its next start (npm run cluster:down, then npm run cluster:up).`,
      );
    return { state, started: false };
  }
  const crds = readCrds(); // fail before starting anything when CRD_DIR is wrong
  await stopAll();
  const bin = await ensureBinaries();
  const t0 = Date.now();
  const p = paths();
  for (const d of [p.dir, p.data, p.certs, p.pki, p.kubeconfigs, p.logs]) privateDir(d);
  restrictTree(p.dir);
  for (const proc of PROCESSES) rmSync(p.log(proc), { force: true });

  const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const tokens = generateTokens();
  const keys = serviceAccountKeys();
  writePrivate(join(p.pki, 'sa.key'), keys.privateKey);
  writePrivate(join(p.pki, 'sa.pub'), keys.publicKey);
  writePrivate(join(p.pki, 'tokens.csv'), tokenFile(tokens));
  const ca = clientCa();
  const clientCaFile = join(p.pki, 'client-ca.crt');
  writePrivate(clientCaFile, ca.cert);
  writePrivate(join(p.pki, 'client-ca.key'), ca.key);

  const server = `https://127.0.0.1:${apiPort}`;
  const caFile = join(p.certs, 'apiserver.crt');
  const kcmConfig = join(p.kubeconfigs, 'kube-controller-manager.kubeconfig');
  writePrivate(
    kcmConfig,
    kubeconfig({ server, caFile, user: CONTROLLER_USER, token: tokens[CONTROLLER_USER] }),
  );
  const args: Runtime['args'] = {
    etcd: [`-data-dir=${p.data}`, `-client-port=${etcdPort}`, `-peer-port=${peerPort}`],
    'kube-apiserver': apiServerArgs(p, etcdPort, apiPort),
    'kube-controller-manager': [
      `--kubeconfig=${kcmConfig}`,
      `--controllers=${CONTROLLERS.join(',')}`,
      '--leader-elect=false',
      '--secure-port=0',
      `--service-account-private-key-file=${join(p.pki, 'sa.key')}`,
      `--root-ca-file=${caFile}`,
    ],
  };
  writePrivate(p.runtime, JSON.stringify({ binDir: bin, args } satisfies Runtime, null, 2));

  start(bin, 'etcd', args.etcd);
  await waitUntil(
    'etcd',
    async () => (await fetch(`http://127.0.0.1:${etcdPort}/health`)).ok,
    30_000,
    () => `See ${p.log('etcd')}`,
  );
  start(bin, 'kube-apiserver', args['kube-apiserver']);
  const caWritten = () =>
    existsSync(caFile) && readFileSync(caFile, 'utf8').split('END CERTIFICATE').length > 2;
  await waitUntil('the API server certificate', caWritten, 60_000, () => `See ${p.log('kube-apiserver')}`);
  const state: ClusterState = {
    server,
    caFile,
    users: Object.fromEntries(
      USERS.map((u) => [u, { token: tokens[u], kubeconfig: join(p.kubeconfigs, `${u}.kubeconfig`) }]),
    ) as ClusterState['users'],
    certificateUsers: Object.fromEntries(
      certUsers.map((u) => [u, { kubeconfig: join(p.kubeconfigs, `${u}-cert.kubeconfig`) }]),
    ),
    clientCaFile,
  };
  const client = clientFor('admin', state);
  try {
    await waitForApiServer(client);
    await applyBootstrap(client);
    start(bin, 'kube-controller-manager', args['kube-controller-manager']);
    const names = await installCrds(client, crds);
    console.log(`Installed ${names.length} CRDs`);
    await waitUntil(
      'ClusterRole aggregation',
      () => aggregated(client),
      60_000,
      () => `See ${p.log('kube-controller-manager')}`,
    );
    // Like a cluster that has run a while: history compacted, and the API server's watch caches built after that
    // (a cache built at revision 1 would serve a watch "from 1" instead of answering 410 Gone).
    await compactEtcd(etcdPort);
    await stopProcess(p.pid('kube-apiserver'));
    start(bin, 'kube-apiserver', args['kube-apiserver']);
    await waitForApiServer(client);
  } finally {
    await client.close();
  }
  for (const user of USERS) {
    const namespace = user.startsWith('tenant-') ? user : undefined;
    writePrivate(
      state.users[user].kubeconfig,
      kubeconfig({ server, caFile, user, token: tokens[user], namespace }),
    );
  }
  for (const user of certUsers) {
    const namespace = user.startsWith('tenant-') ? user : undefined;
    writePrivate(
      join(p.kubeconfigs, `${user}-cert.kubeconfig`),
      kubeconfig({ server, caFile, user, certificate: clientCertificate(ca, user), namespace }),
    );
  }
  restrictTree(p.dir); // what the processes wrote (logs, the API server's serving key)
  writePrivate(stateFile(), JSON.stringify(state, null, 2)); // last: its presence means "ready"
  console.log(`Local cluster up at ${server} in ${secondsSince(t0)}; state in ${stateFile()}`);
  for (const user of USERS) console.log(`  ${user.padEnd(9)} KUBECONFIG=${state.users[user].kubeconfig}`);
  for (const user of certUsers)
    console.log(
      `  ${user.padEnd(9)} KUBECONFIG=${state.certificateUsers?.[user]?.kubeconfig ?? ''} (client certificate)`,
    );
  return { state, started: true };
};

/** Stops every process and removes the data. Returns whether anything was running. */
export const down = (): Promise<boolean> => withClusterLock(stopAll);

/** Marks the running cluster as started by a test setup, so the last setup to finish may stop it. */
export const SETUP_MARKER = 'started-by-test-setup';
export const markStartedBySetup = (): void =>
  writePrivate(join(clusterDir(), SETUP_MARKER), String(process.pid));

/** Stops the cluster only if a test setup started it and `unused()` holds, both checked under the lock. */
export const downIfUnused = (unused: () => boolean): Promise<boolean> =>
  withClusterLock(async () => (existsSync(join(clusterDir(), SETUP_MARKER)) && unused() ? stopAll() : false));

export const status = async (): Promise<string> => {
  const p = paths();
  const procs = PROCESSES.map((proc) => `${proc}: ${isRunning(p.pid(proc)) ? 'running' : 'stopped'}`);
  const healthy = await isHealthy();
  const where = healthy ? ` at ${readClusterState().server}` : '';
  return [`Local cluster ${healthy ? 'healthy' : 'not ready'}${where} (${p.dir})`, ...procs].join('\n');
};

/** Stops kube-apiserver and starts it again on the same port, data and certificates; waits until ready. */
export const restartApiServer = (): Promise<void> => withClusterLock(restartLocked);

const restartLocked = async (): Promise<void> => {
  const p = paths();
  const runtime = readRuntime();
  await stopProcess(p.pid('kube-apiserver'));
  start(runtime.binDir, 'kube-apiserver', runtime.args['kube-apiserver']);
  const state = readClusterState();
  const client = createClient({
    server: state.server,
    ca: readFileSync(state.caFile, 'utf8'),
    token: state.users.admin.token,
  });
  try {
    await waitForApiServer(client);
  } finally {
    await client.close();
  }
};

/**
 * For tests of what clients live through (issue #11): `snapshot` copies etcd's data aside, `restore` puts that
 * copy back (the cluster goes back in time: resourceVersions clients hold are ahead of the server), `wipe` starts
 * an empty etcd (a new cluster behind the same address). etcd and the API server are stopped and started again
 * around it. Only for a cluster of a test's own (LOCAL_CLUSTER_DIR): others would lose their data.
 */
export const etcdData = (action: 'snapshot' | 'restore' | 'wipe'): Promise<void> =>
  withClusterLock(async () => {
    const p = paths();
    const runtime = readRuntime();
    const snapshot = `${p.data}.snapshot`;
    await stopProcess(p.pid('kube-apiserver'));
    await stopProcess(p.pid('etcd'));
    if (action === 'snapshot') {
      rmSync(snapshot, { recursive: true, force: true });
      cpSync(p.data, snapshot, { recursive: true });
    } else {
      rmSync(p.data, { recursive: true, force: true });
      if (action === 'restore') cpSync(snapshot, p.data, { recursive: true });
      privateDir(p.data);
    }
    start(runtime.binDir, 'etcd', runtime.args.etcd);
    const etcdPort = runtime.args.etcd.find((a) => a.startsWith('-client-port='))?.split('=')[1];
    await waitUntil(
      'etcd',
      async () => (await fetch(`http://127.0.0.1:${etcdPort}/health`).catch(() => undefined))?.ok === true,
      30_000,
      () => `See ${p.log('etcd')}`,
    );
    start(runtime.binDir, 'kube-apiserver', runtime.args['kube-apiserver']);
    const state = readClusterState();
    const client = clientFor('admin', state);
    try {
      await waitForApiServer(client);
    } finally {
      await client.close();
    }
  });
