// Background processes tracked by pid files, so a later run can find and stop what an earlier one left.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { writePrivate } from './private';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A port the kernel just handed out on 127.0.0.1; free unless someone grabs it meanwhile. */
export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Only signal a pid whose command line is still our binary: pids are reused after a reboot or a long time. */
const isOurs = (pid: number, binary: string): boolean => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === binary;
  } catch {
    return isAlive(pid);
  }
};

export type PidRecord = { pid: number; binary: string };

export const readPid = (pidFile: string): PidRecord | undefined => {
  if (!existsSync(pidFile)) return undefined;
  const [pid, binary] = readFileSync(pidFile, 'utf8').split('\n');
  return pid && binary ? { pid: Number(pid), binary } : undefined;
};

export const isRunning = (pidFile: string): boolean => {
  const rec = readPid(pidFile);
  return rec !== undefined && isAlive(rec.pid) && isOurs(rec.pid, rec.binary);
};

/** Sets the process umask and returns the old one; undefined where it cannot be set (a worker thread). */
const setUmask = (mask: number): number | undefined => {
  try {
    return process.umask(mask);
  } catch {
    return undefined;
  }
};

/** Starts `binary` detached (it outlives this Node process), output appended to logFile. */
export const startProcess = (binary: string, args: string[], logFile: string, pidFile: string): number => {
  const out = openSync(logFile, 'a', 0o600); // logs of the cluster's processes stay private too
  // The child inherits the umask: what etcd and the API server write later (etcd's snapshots, for one, which
  // appear once enough revisions pass) is private too, not only what this code writes.
  const umask = setUmask(0o077);
  let child;
  try {
    child = spawn(binary, args, { detached: true, stdio: ['ignore', out, out] });
  } finally {
    if (umask !== undefined) setUmask(umask);
    closeSync(out);
  }
  if (child.pid === undefined) throw new Error(`${binary} did not start; see ${logFile}`);
  child.unref();
  writePrivate(pidFile, `${child.pid}\n${binary}\n`);
  return child.pid;
};

/** SIGTERM, then SIGKILL after `graceMs`; removes the pid file. Safe when nothing runs. */
export const stopProcess = async (pidFile: string, graceMs = 15_000): Promise<void> => {
  const rec = readPid(pidFile);
  if (rec && isAlive(rec.pid) && isOurs(rec.pid, rec.binary)) {
    process.kill(rec.pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(rec.pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(rec.pid)) process.kill(rec.pid, 'SIGKILL');
    while (isAlive(rec.pid)) await sleep(50);
  }
  rmSync(pidFile, { force: true });
};

/** Polls `check` until it returns true; the error names what was awaited and where to look. */
export const waitUntil = async (
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  hint: () => string = () => '',
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}. ${hint()}`);
    await sleep(200);
  }
};
