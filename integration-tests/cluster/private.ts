// The local cluster's folder holds every user's token (state.json, kubeconfigs, the token file) and the
// service-account signing key: only its owner may read it. The folder is 0700 and every file in it 0600 (or
// 0700 for the rare executable), whatever the umask, and also for a folder left by an older run.
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Creates (or re-protects) a folder only its owner may enter. */
export const privateDir = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
};

/** Writes a file only its owner may read; `mode` on creation alone would leave an existing file as it was. */
export const writePrivate = (file: string, data: string): void => {
  writeFileSync(file, data, { mode: 0o600 });
  chmodSync(file, 0o600);
};

/** Takes group and other permissions off everything under `dir` (symlinks are left alone, not followed). */
export const restrictTree = (dir: string): void => {
  const st = lstatSync(dir, { throwIfNoEntry: false });
  if (!st || st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) restrictTree(join(dir, name));
  } else if (st.mode & 0o077) chmodSync(dir, st.mode & 0o700);
};
