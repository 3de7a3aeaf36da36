// Builds kube-apiserver, kube-controller-manager and the embedded etcd from this Go module, once per module
// content: the binaries are cached in .cache/cluster-bin/<key>/, where key hashes go.mod, go.sum and etcd/main.go.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './state';

export const BINARIES = ['kube-apiserver', 'kube-controller-manager', 'etcd'] as const;
export type Binary = (typeof BINARIES)[number];

const moduleDir = join(projectRoot, 'integration-tests', 'cluster');
const KEYED_FILES = ['go.mod', 'go.sum', join('etcd', 'main.go')];
// Same package list and flags as a plain `go build`, so a warm GOCACHE is reused (-trimpath would miss it).
const PACKAGES = [
  'k8s.io/kubernetes/cmd/kube-apiserver',
  'k8s.io/kubernetes/cmd/kube-controller-manager',
  './etcd',
];

export const binaryKey = (): string => {
  const hash = createHash('sha256');
  for (const file of KEYED_FILES)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(moduleDir, file)));
  return hash.digest('hex').slice(0, 16);
};

export const binDir = (key = binaryKey()): string => join(projectRoot, '.cache', 'cluster-bin', key);

const hasAll = (dir: string): boolean => BINARIES.every((b) => existsSync(join(dir, b)));

const run = (cmd: string, args: string[], cwd: string): Promise<void> =>
  new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, stdio: 'inherit', env: process.env });
    child.on('error', (e) => fail(new Error(`${cmd} could not start (is Go installed?): ${e.message}`)));
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });

/** Returns the folder holding the three binaries, building them first when this module content has none. */
export const ensureBinaries = async (): Promise<string> => {
  const dir = binDir();
  if (hasAll(dir)) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  console.log(`Building the local cluster binaries into ${dir} (a cold build takes several minutes)…`);
  const started = Date.now();
  try {
    await run('go', ['build', '-o', `${tmp}/`, ...PACKAGES], moduleDir);
    // Another process may have finished first; either copy is good.
    if (!hasAll(dir)) {
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return dir;
};

// `npx tsx integration-tests/cluster/build.ts` (scripts/setup) builds or reuses the binaries.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBinaries()
    .then((dir) => console.log(`Local cluster binaries: ${dir}`))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
