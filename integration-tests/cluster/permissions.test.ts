// Issue #11, point 6: the local cluster's secrets (every user's token in state.json and the kubeconfigs, the
// token file, the service-account key) are readable by their owner only.
import { mkdtempSync, readdirSync, statSync, writeFileSync, chmodSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restrictTree, writePrivate } from './private';
import { clusterDir, readClusterState, stateFile } from './state';

const mode = (p: string) => statSync(p).mode & 0o777;

/** Every path under dir whose permissions let group or others in. */
const exposed = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => join(dir, rel))
    .filter((p) => mode(p) & 0o077);

describe('local cluster file permissions', () => {
  it('the folder is 0700, state.json and every kubeconfig 0600, nothing readable by others', () => {
    const state = readClusterState();
    expect(mode(clusterDir()).toString(8)).toBe('700');
    expect(mode(stateFile()).toString(8)).toBe('600');
    for (const u of Object.values(state.users))
      expect(mode(u.kubeconfig).toString(8), u.kubeconfig).toBe('600');
    expect(exposed(clusterDir())).toEqual([]);
  });

  it('writePrivate also tightens a file that existed world-readable; restrictTree fixes an old folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vmnet-perm-'));
    try {
      const f = join(dir, 'state.json');
      writeFileSync(f, '{}', { mode: 0o644 });
      chmodSync(f, 0o644);
      writePrivate(f, '{"token":"x"}');
      expect(mode(f).toString(8)).toBe('600');

      mkdirSync(join(dir, 'kubeconfigs'), { mode: 0o755 });
      chmodSync(join(dir, 'kubeconfigs'), 0o755);
      writeFileSync(join(dir, 'kubeconfigs', 'admin.kubeconfig'), 'token: x');
      chmodSync(join(dir, 'kubeconfigs', 'admin.kubeconfig'), 0o644);
      chmodSync(dir, 0o755);
      restrictTree(dir);
      expect(mode(dir).toString(8)).toBe('700');
      expect(exposed(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
