// Several test runs (vitest, Playwright, a developer's shell) share one state folder: a lock serialises
// up/down/restart, and leases tell a test setup's teardown whether anyone else still uses the cluster.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, sleep } from './processes';
import { clusterDir } from './state';

const lockDir = (): string => `${clusterDir()}.lock`;
const leaseDir = (): string => join(clusterDir(), 'leases');

const holder = (dir: string): number => {
  try {
    return Number(readFileSync(join(dir, 'pid'), 'utf8'));
  } catch {
    return 0;
  }
};

/** Runs `fn` while holding the cluster lock (a directory, created atomically); a dead holder's lock is taken over. */
export const withClusterLock = async <T>(fn: () => Promise<T>, timeoutMs = 45 * 60_000): Promise<T> => {
  const dir = lockDir();
  const deadline = Date.now() + timeoutMs;
  for (let announced = false; ;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = holder(dir);
      // A lock without a pid file is being created right now; one whose holder died is stale.
      if (pid && !isAlive(pid)) rmSync(dir, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new Error(`Timed out waiting for the cluster lock ${dir} (held by pid ${pid})`);
      else if (!announced) {
        console.log(
          `Waiting for another process (pid ${pid}) to finish starting or stopping the local cluster…`,
        );
        announced = true;
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Marks this process as a user of the cluster until `releaseLease`. */
export const takeLease = (): void => {
  pruneLeases();
  mkdirSync(leaseDir(), { recursive: true });
  writeFileSync(join(leaseDir(), String(process.pid)), '');
};

/** Drops this process's lease; returns how many live processes still hold one. */
export const releaseLease = (): number => {
  rmSync(join(leaseDir(), String(process.pid)), { force: true });
  return pruneLeases();
};

/** Removes the leases of processes that died without releasing them (a killed test run); counts the rest. */
const pruneLeases = (): number => {
  let live = 0;
  for (const name of safeReaddir(leaseDir())) {
    if (isAlive(Number(name))) live++;
    else rmSync(join(leaseDir(), name), { force: true });
  }
  return live;
};

const safeReaddir = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
