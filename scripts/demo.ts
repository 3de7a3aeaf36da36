/**
 * `npm run demo`: starts the local cluster (idempotent), seeds demo data, then serves the standalone shell with
 * the vite dev server. With SHELL_KUBECONFIG set, skips the local cluster and proxies to that cluster instead.
 * Options: --vms N (demo VMs to seed, default 60), --port P (shell port, default 9000).
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'vite';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};

const run = (script: string, ...args: string[]) => {
  const r = spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(`demo: "npm run ${script}" failed (exit ${r.status ?? r.signal}); see its output above.`);
    process.exit(1);
  }
};

if (!process.env.SHELL_KUBECONFIG) {
  run('cluster:up');
  run('cluster:seed', '--vms', arg('vms', '60'));
}
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
process.env.SHELL_PORT = arg('port', process.env.SHELL_PORT ?? '9000');
const server = await createServer({ configFile: 'shell/vite.config.ts' });
await server.listen();
server.printUrls();
console.log(
  process.env.SHELL_KUBECONFIG
    ? `Proxying the API to the cluster of ${process.env.SHELL_KUBECONFIG}.`
    : 'Users (masthead switcher): admin, tenant-a, tenant-b, viewer. Stop with Ctrl+C; "npm run cluster:down" stops the cluster.',
);
