// Loader test setup: make sure dist/ is a build of the current sources, build both host variants, start the
// local cluster (seeded), and start the server, which proxies /api/kubernetes to the cluster as Bridge does.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildHost, type HostVariant } from './buildHost';
import { startLoaderServer } from './server';
import { ensureSeededCluster } from '../support/clusterSetup';
import { readClusterState } from '../cluster/state';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const PLUGIN_INPUTS = [
  'src',
  'build',
  'locales',
  'console-extensions.json',
  'package.json',
  'vite.config.ts',
];
export const HOST_VARIANTS: HostVariant[] = ['with-pf', 'without-pf'];

/** Newest modification time under a path (files only). */
const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

/** dist/ is reused when it is newer than every input of the plugin build. */
const ensurePluginBuild = () => {
  const built = newest(join(dist, 'plugin-manifest.json'));
  if (built > Math.max(...PLUGIN_INPUTS.map((p) => newest(join(root, p))))) return;
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (vite.status !== 0) throw new Error(`vite build failed (exit ${vite.status})`);
};

export default async function globalSetup() {
  ensurePluginBuild();
  const hosts = Object.fromEntries(HOST_VARIANTS.map((v) => [v, join(root, '.cache/loader-host', v)]));
  for (const variant of HOST_VARIANTS) await buildHost(variant, dist, hosts[variant] as string);
  const stopCluster = await ensureSeededCluster();
  const state = readClusterState();
  const { url, server } = await startLoaderServer({
    pluginName: 'vm-network-console-plugin',
    pluginDir: dist,
    hosts,
    // The console session is the cluster admin's; tenants are reached by impersonation, as in the console.
    kube: { server: state.server, ca: readFileSync(state.caFile, 'utf8'), token: state.users.admin.token },
  });
  process.env.LOADER_TEST_URL = url;
  return async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await stopCluster();
  };
}
