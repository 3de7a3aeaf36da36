/**
 * kubectl's reading of a manifest stream, through the Go helper integration-tests/cluster/yamljson (built from the
 * local cluster's Go module, cached in .cache/yamljson/<key>/ like the cluster binaries).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../cluster/state';

export type KubectlRead = { documents: unknown[]; error: string | null };

const moduleDir = join(projectRoot, 'integration-tests', 'cluster');
const KEYED = ['go.mod', 'go.sum', join('yamljson', 'main.go')];

const key = (): string => {
  const hash = createHash('sha256');
  for (const f of KEYED)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(join(moduleDir, f)));
  return hash.digest('hex').slice(0, 16);
};

const run = (cmd: string, args: string[], input?: string): Promise<string> =>
  new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: moduleDir, env: process.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', (e) => fail(new Error(`${cmd} could not start (is Go installed?): ${e.message}`)));
    child.on('exit', (code) =>
      code === 0 ? done(out) : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`)),
    );
    child.stdin.end(input ?? '');
  });

/** Path of the helper binary, built on first use for this module content. */
export const ensureYamlJson = async (): Promise<string> => {
  const dir = join(projectRoot, '.cache', 'yamljson', key());
  const bin = join(dir, 'yamljson');
  if (existsSync(bin)) return bin;
  const tmp = `${dir}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  try {
    await run('go', ['build', '-o', join(tmp, 'yamljson'), './yamljson']);
    if (!existsSync(bin)) {
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return bin;
};

/** What kubectl reads from each stream (one helper process for the whole batch). */
export const kubectlRead = async (streams: readonly string[]): Promise<KubectlRead[]> => {
  const bin = await ensureYamlJson();
  return JSON.parse(await run(bin, ['-batch'], JSON.stringify(streams))) as KubectlRead[];
};
