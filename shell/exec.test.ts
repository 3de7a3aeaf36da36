import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execTokenSource, parseExecCredential } from './exec';
import { kubeconfigTarget } from './target';

const dir = mkdtempSync(join(tmpdir(), 'vmnet-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An exec plugin as kubectl would run it: counts its runs, echoes what it was told in the token. */
const plugin = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, `#!/usr/bin/env node\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
};
const counter = join(dir, 'runs');
const good = plugin(
  'good-plugin',
  `const fs = require('fs');
fs.appendFileSync(${JSON.stringify(counter)}, 'x');
const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
const token = [info.kind, info.spec.interactive, process.env.EXTRA, process.argv[2]].join(':');
console.log(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential',
  status: { token, expirationTimestamp: process.env.EXPIRES } }));`,
);
const failing = plugin('failing-plugin', `console.error('login required: run oc login'); process.exit(3);`);

const kubeconfig = (user: object) => {
  const path = join(dir, `kc-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    path,
    JSON.stringify({
      'current-context': 'c',
      contexts: [{ name: 'c', context: { cluster: 'k', user: 'dev' } }],
      clusters: [{ name: 'k', cluster: { server: 'https://api.example:6443' } }],
      users: [{ name: 'dev', user }],
    }),
  );
  return path;
};

describe('kubeconfig users for the shell', () => {
  it('an exec user gets its token from the plugin, not nothing', () => {
    const t = kubeconfigTarget(
      kubeconfig({ exec: { apiVersion: 'client.authentication.k8s.io/v1', command: good, args: ['a'] } }),
    );
    expect(t.users.dev?.exec?.command).toBe(good);
  });

  it('auth-provider is refused with a message that says what to use instead', () => {
    expect(() => kubeconfigTarget(kubeconfig({ 'auth-provider': { name: 'oidc' } }))).toThrow(
      /user dev authenticates with auth-provider "oidc".*use an exec plugin, a token or a client certificate/,
    );
  });

  it('a user without credentials is refused instead of proxying anonymously', () => {
    expect(() => kubeconfigTarget(kubeconfig({}))).toThrow(/user dev has no credentials the shell can use/);
  });

  it('reads tokenFile relative to the kubeconfig', () => {
    writeFileSync(join(dir, 'token.txt'), 'tok-123\n');
    expect(kubeconfigTarget(kubeconfig({ tokenFile: 'token.txt' })).users.dev?.token).toBe('tok-123');
  });
});

describe('exec credential plugins', () => {
  it('runs the plugin as kubectl does and caches the token until it expires', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    process.env.EXPIRES = '2026-01-01T00:10:00Z';
    const source = execTokenSource(
      'dev',
      {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: good,
        args: ['arg1'],
        env: [{ name: 'EXTRA', value: 'from-kubeconfig' }],
      },
      { now: () => now },
    );
    expect(await source.token()).toBe('ExecCredential:false:from-kubeconfig:arg1');
    expect(await source.token()).toBe('ExecCredential:false:from-kubeconfig:arg1');
    expect(readFileSync(counter, 'utf8')).toBe('x'); // once: cached
    now = Date.parse('2026-01-01T00:09:50Z'); // within 30 s of expiry: refreshed
    expect(source.cachedToken()).toBeUndefined();
    await source.token();
    expect(readFileSync(counter, 'utf8')).toBe('xx');
    delete process.env.EXPIRES;
  });

  it('a failing plugin is an error naming the plugin and what it said', async () => {
    const source = execTokenSource('dev', { command: failing });
    await expect(source.token()).rejects.toThrow(
      /exec plugin ".*failing-plugin" failed \(exit 3\): login required/,
    );
  });

  it('a missing plugin says so, with the install hint', async () => {
    const source = execTokenSource('dev', {
      command: join(dir, 'nope'),
      installHint: 'Install it with dnf.',
    });
    await expect(source.token()).rejects.toThrow(/not found: Install it with dnf\./);
  });

  it('reads only a proper ExecCredential', () => {
    const v1 = 'client.authentication.k8s.io/v1';
    expect(() => parseExecCredential('nope', v1)).toThrow(/not JSON/);
    expect(() => parseExecCredential(JSON.stringify({ kind: 'Status' }), v1)).toThrow(/Status/);
    expect(() =>
      parseExecCredential(JSON.stringify({ kind: 'ExecCredential', apiVersion: v1, status: {} }), v1),
    ).toThrow(/no status.token/);
    expect(
      parseExecCredential(
        JSON.stringify({ kind: 'ExecCredential', apiVersion: v1, status: { token: 't' } }),
        v1,
      ),
    ).toEqual({ token: 't' });
    expect(() =>
      execTokenSource('dev', { command: 'x', apiVersion: 'client.authentication.k8s.io/v1alpha1' }),
    ).toThrow(/not supported/);
  });
});
