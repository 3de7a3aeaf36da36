// The standalone shell's API proxy under attack (issue #11, point 1), against the real local cluster: the shell's
// vite dev server is started as the browser tests start it, and each request below is what a hostile page (or a
// DNS-rebinding name) could make a browser send. Each must be refused before it reaches the API server with a
// cluster identity; the shell's own requests must still work. README.md, "Security", lists these.
import { request, type IncomingHttpHeaders } from 'node:http';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, type KubeClient } from '../support/k8s';
import { startShell } from '../support/shell';

type Answer = { status: number; headers: IncomingHttpHeaders; body: string; upgraded: boolean };

let shell: { url: string; server: ViteDevServer };
let port: number;
let csrfToken: string;
let admin: KubeClient;
const NS = 'tenant-a';

/** A raw HTTP request: any Host, any Origin, as a browser (or curl) could send it. */
const send = (
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method,
      path,
      headers: { host: `127.0.0.1:${port}`, ...headers },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, upgraded: false }),
      );
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '', upgraded: true });
    });
    req.on('error', reject);
    req.end(body);
  });

const upgrade = (path: string, headers: Record<string, string> = {}) =>
  send('GET', path, {
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': Buffer.from('0123456789abcdef').toString('base64'),
    ...headers,
  });

const own = () => `http://127.0.0.1:${port}`;
const asAdmin = () => `vmnet-shell-user=admin; csrf-token=${csrfToken}`;
const SECRETS = '/api/kubernetes/api/v1/secrets';
const SECRETS_WATCH = `${SECRETS}?watch=true`;

const configMap = async (name: string) => {
  const r = await admin.request('POST', `/api/v1/namespaces/${NS}/configmaps`, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, labels: { 'vmnet-test': 'proxy-security' } },
    data: { a: '1' },
  });
  expect([201, 409]).toContain(r.status);
};
const exists = async (name: string) =>
  (await admin.request('GET', `/api/v1/namespaces/${NS}/configmaps/${name}`)).status === 200;

beforeAll(async () => {
  process.env.SHELL_PORT = '0'; // any free port: browser tests of other runs may hold the usual one
  shell = await startShell();
  port = Number(new URL(shell.url).port);
  const page = await send('GET', '/', { 'sec-fetch-site': 'none' });
  const cookie = (page.headers['set-cookie'] ?? []).find((c) => c.startsWith('csrf-token='));
  csrfToken = cookie?.split(';')[0]?.split('=').slice(1).join('=') ?? '';
  admin = clientFor('admin');
});

afterAll(async () => {
  await admin?.request(
    'DELETE',
    `/api/v1/namespaces/${NS}/configmaps?labelSelector=vmnet-test%3Dproxy-security`,
  );
  await admin?.close();
  await shell?.server.close();
});

describe('the shell proxy refuses', () => {
  it('a request without a chosen user (no default admin): 401', async () => {
    const r = await send('GET', SECRETS);
    expect(r.status).toBe(401);
    expect(r.body).not.toContain('SecretList');
  });

  it('a foreign Origin, even with the user cookie (a same-site localhost page shares it): 403', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:3000', `http://127.0.0.1:${port + 1}`]) {
      const r = await send('GET', SECRETS, { origin, cookie: asAdmin() });
      expect(r.status, origin).toBe(403);
      expect(r.body).not.toContain('SecretList');
    }
  });

  it('a DNS-rebound Host: 403', async () => {
    const r = await send('GET', SECRETS, { host: `rebind.evil.example:${port}`, cookie: asAdmin() });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('SecretList');
  });

  it('CORS: no Access-Control-Allow-Origin for another localhost origin, preflight or not', async () => {
    const pre = await send('OPTIONS', `/api/kubernetes/api/v1/namespaces/${NS}/configmaps/x`, {
      origin: 'http://localhost:3000',
      'access-control-request-method': 'DELETE',
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const get = await send('GET', SECRETS, { origin: 'http://localhost:3000', cookie: asAdmin() });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a cross-site DELETE (cookies sent, foreign Origin): 403, the object stays', async () => {
    await configMap('victim-1');
    const r = await send('DELETE', `/api/kubernetes/api/v1/namespaces/${NS}/configmaps/victim-1`, {
      origin: 'http://localhost:3000',
      cookie: asAdmin(),
      'x-csrftoken': csrfToken,
    });
    expect(r.status).toBe(403);
    expect(await exists('victim-1')).toBe(true);
  });

  it('a write without the CSRF token, or with a token this shell never issued: 403, the object stays', async () => {
    await configMap('victim-2');
    const path = `/api/kubernetes/api/v1/namespaces/${NS}/configmaps/victim-2`;
    const noToken = await send('DELETE', path, { origin: own(), cookie: 'vmnet-shell-user=admin' });
    expect(noToken.status).toBe(403);
    const planted = await send('DELETE', path, {
      origin: own(),
      cookie: 'vmnet-shell-user=admin; csrf-token=abc.def',
      'x-csrftoken': 'abc.def',
    });
    expect(planted.status).toBe(403);
    expect(await exists('victim-2')).toBe(true);
  });

  it('WebSocket upgrades from a foreign Origin, a rebound Host, without Origin or without a user', async () => {
    const attacks: [string, Record<string, string>, number][] = [
      ['foreign Origin', { origin: 'https://evil.example', cookie: asAdmin() }, 403],
      [
        'rebound Host',
        {
          origin: `http://rebind.evil.example:${port}`,
          host: `rebind.evil.example:${port}`,
          cookie: asAdmin(),
        },
        403,
      ],
      ['no Origin', { cookie: asAdmin() }, 403],
      ['no user', { origin: own() }, 401],
    ];
    for (const [name, headers, status] of attacks) {
      const r = await upgrade(SECRETS_WATCH, headers);
      expect(r.upgraded, name).toBe(false);
      expect(r.status, name).toBe(status);
    }
  });

  it('the shell’s own API: foreign Origin 403, and no current user without the cookie', async () => {
    expect((await send('GET', '/api/shell/users', { origin: 'https://evil.example' })).status).toBe(403);
    const r = await send('GET', '/api/shell/users');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({
      users: ['admin', 'tenant-a', 'tenant-b', 'viewer'],
      namespaces: [],
    });
    expect(JSON.parse(r.body).current).toBeUndefined();
  });
});

describe('the shell still works for its own pages', () => {
  it('reads as the chosen user', async () => {
    const r = await send('GET', `/api/kubernetes/api/v1/namespaces/${NS}/configmaps`, { cookie: asAdmin() });
    expect(r.status).toBe(200);
    const tenant = await send('GET', SECRETS, { cookie: 'vmnet-shell-user=tenant-a' });
    expect(tenant.status).toBe(403); // the API server's answer for tenant-a: the proxy used tenant-a's token
    expect(tenant.body).toContain('tenant-a');
  });

  it('writes with Origin and the CSRF token it issued', async () => {
    expect(csrfToken).toMatch(/\./);
    await configMap('mine');
    const r = await send('DELETE', `/api/kubernetes/api/v1/namespaces/${NS}/configmaps/mine`, {
      origin: own(),
      cookie: asAdmin(),
      'x-csrftoken': csrfToken,
    });
    expect(r.status).toBe(200);
    expect(await exists('mine')).toBe(false);
  });

  it('opens watches from its own origin', async () => {
    const r = await upgrade(`/api/kubernetes/api/v1/namespaces/${NS}/configmaps?watch=true`, {
      origin: own(),
      cookie: asAdmin(),
    });
    expect(r.upgraded).toBe(true);
    expect(r.status).toBe(101);
  });
});
