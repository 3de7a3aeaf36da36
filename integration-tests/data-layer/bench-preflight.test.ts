// Issue #11, point 9: `npm run bench:data-layer` without a running cluster says how to start it, no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localClusterProblem } from '../../bench/data-layer/preflight';
import { readClusterState } from '../cluster/state';

const dir = mkdtempSync(join(tmpdir(), 'vmnet-nocluster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bench = (clusterDir: string) =>
  spawnSync('npm', ['run', '--silent', 'bench:data-layer'], {
    encoding: 'utf8',
    env: { ...process.env, LOCAL_CLUSTER_DIR: clusterDir, BENCH_COUNTS: '10', BENCH_RUNS: '1' },
    timeout: 60_000,
  });

describe('bench:data-layer without the local cluster', () => {
  it('no state at all: says to start the cluster, exit 1, no stack trace', () => {
    const r = bench(join(dir, 'none'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Start it with `npm run cluster:up`');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('a state whose API server is gone: the same', () => {
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    const state = readClusterState();
    writeFileSync(join(gone, 'state.json'), JSON.stringify({ ...state, server: 'https://127.0.0.1:1' }));
    const r = bench(gone);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not answer[\s\S]*npm run cluster:up/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('the running cluster passes the check', async () => {
    expect(await localClusterProblem()).toBeUndefined();
  });
});
