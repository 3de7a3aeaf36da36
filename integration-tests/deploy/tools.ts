// Tools the deployment tests need: kustomize (renders deploy/, built from its Go module into .cache/tools the
// first time, like the local cluster's binaries) and Debian's nginx (installed by scripts/setup).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../cluster/state';

export const KUSTOMIZE_MODULE = 'sigs.k8s.io/kustomize/kustomize/v5@v5.7.1';
const toolsDir = join(projectRoot, '.cache', 'tools');
export const kustomizePath = join(toolsDir, 'kustomize');
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export const ensureKustomize = async (): Promise<string> => {
  if (existsSync(kustomizePath)) return kustomizePath;
  console.log(`Building ${KUSTOMIZE_MODULE} into ${toolsDir}…`);
  await new Promise<void>((done, fail) => {
    const child = spawn('go', ['install', KUSTOMIZE_MODULE], {
      stdio: 'inherit',
      env: { ...process.env, GOBIN: toolsDir },
    });
    child.on('error', (e) => fail(new Error(`go could not start (is Go installed?): ${e.message}`)));
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`go install exited ${code}`))));
  });
  return kustomizePath;
};

/** `kustomize build dir`: the YAML stream that would be applied. */
export const kustomizeBuild = async (dir: string): Promise<string> => {
  const bin = await ensureKustomize();
  const r = spawnSync(bin, ['build', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kustomize build ${dir} failed: ${r.stderr}`);
  return r.stdout;
};

export const requireNginx = (): string => {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: run scripts/setup (installs Debian's nginx)`);
  return NGINX;
};

// `npx tsx integration-tests/deploy/tools.ts` (scripts/setup) builds kustomize unless it is there.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureKustomize()
    .then((p) => console.log(`kustomize: ${p}`))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
