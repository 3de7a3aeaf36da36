// Issue #11, point 9: the shell against a cluster whose kubeconfig user authenticates through an exec plugin
// (as `oc`, cloud CLIs and kubelogin do). The plugin here prints the local cluster's admin token as an
// ExecCredential; the proxy must run it, use the token for HTTP and WebSocket, and run it once while cached.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClusterState } from '../cluster/state';
import { startShell } from '../support/shell';

const dir = mkdtempSync(join(tmpdir(), 'vmnet-exec-kc-'));
const runs = join(dir, 'runs');
let shell: { url: string; server: ViteDevServer };
let port = 0;

const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: string; upgraded: boolean }>((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      headers: { host: `127.0.0.1:${port}`, ...headers },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, upgraded: false }));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: '', upgraded: true });
    });
    req.on('error', reject);
    req.end();
  });

beforeAll(async () => {
  const state = readClusterState();
  const plugin = join(dir, 'token-plugin');
  writeFileSync(
    plugin,
    `#!/usr/bin/env node
require('fs').appendFileSync(${JSON.stringify(runs)}, 'x');
console.log(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential',
  status: { token: ${JSON.stringify(state.users.admin.token)}, expirationTimestamp: new Date(Date.now() + 3600e3).toISOString() } }));
`,
  );
  chmodSync(plugin, 0o755);
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'dev',
      contexts: [{ name: 'dev', context: { cluster: 'local', user: 'sso-user' } }],
      clusters: [{ name: 'local', cluster: { server: state.server, 'certificate-authority': state.caFile } }],
      users: [
        {
          name: 'sso-user',
          user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin } },
        },
      ],
    }),
  );
  const previous = process.env.SHELL_KUBECONFIG;
  process.env.SHELL_KUBECONFIG = kubeconfig;
  process.env.SHELL_PORT = '0';
  try {
    shell = await startShell();
  } finally {
    if (previous === undefined) delete process.env.SHELL_KUBECONFIG;
    else process.env.SHELL_KUBECONFIG = previous;
  }
  port = Number(new URL(shell.url).port);
});

afterAll(async () => {
  await shell?.server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the shell with an exec-plugin kubeconfig', () => {
  it('offers the kubeconfig user, gets namespace hints, reads and watches with the plugin’s token', async () => {
    const cookie = 'vmnet-shell-user=sso-user';
    const users = JSON.parse((await get('/api/shell/users', { cookie })).body) as {
      users: string[];
      current: string;
      namespaces: string[];
    };
    expect(users.users).toEqual(['sso-user']);
    expect(users.current).toBe('sso-user');
    expect(users.namespaces).toContain('tenant-a'); // not only for a user named "admin"
    const list = await get('/api/kubernetes/api/v1/namespaces/tenant-a/configmaps', { cookie });
    expect(list.status).toBe(200);
    const watch = await get('/api/kubernetes/api/v1/namespaces/tenant-a/configmaps?watch=true', {
      cookie,
      origin: `http://127.0.0.1:${port}`,
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': Buffer.from('0123456789abcdef').toString('base64'),
    });
    expect(watch.upgraded).toBe(true);
    expect(readFileSync(runs, 'utf8')).toBe('x'); // cached: one run for all of it
  });
});
