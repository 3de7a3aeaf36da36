// Issue #11, point 6: the shell dev server answers, and stays up, when the API server's namespace list has no
// `items` (a proxy's error page, a Status, an aggregated API gone wrong). The API server here is a stand-in that
// serves the local cluster's certificate and answers every request with `{}`.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDir, readClusterState } from '../cluster/state';
import { startShell } from '../support/shell';

const dir = mkdtempSync(join(tmpdir(), 'vmnet-hints-'));
let api: Server;
let shell: { url: string; server: ViteDevServer };
let port = 0;
const seen: string[] = [];

const get = (path: string, cookie?: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      headers: { host: `127.0.0.1:${port}`, ...(cookie ? { cookie } : {}) },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

beforeAll(async () => {
  api = createServer(
    {
      cert: readFileSync(join(clusterDir(), 'certs', 'apiserver.crt')),
      key: readFileSync(join(clusterDir(), 'certs', 'apiserver.key')),
    },
    (req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    },
  );
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  copyFileSync(readClusterState().caFile, join(dir, 'ca.crt'));
  writeFileSync(
    join(dir, 'state.json'),
    JSON.stringify({
      server: `https://127.0.0.1:${(api.address() as { port: number }).port}`,
      caFile: join(dir, 'ca.crt'),
      users: { admin: { token: 'a' }, 'tenant-a': { token: 't' } },
    }),
  );
  const previous = process.env.LOCAL_CLUSTER_DIR;
  process.env.LOCAL_CLUSTER_DIR = dir;
  process.env.SHELL_PORT = '0';
  try {
    shell = await startShell();
  } finally {
    if (previous === undefined) delete process.env.LOCAL_CLUSTER_DIR;
    else process.env.LOCAL_CLUSTER_DIR = previous;
  }
  port = Number(new URL(shell.url).port);
});

afterAll(async () => {
  await shell?.server.close();
  api?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('namespace hints from a list without items', () => {
  it('answers with no hints, and keeps answering', async () => {
    const r = await get('/api/shell/users', 'vmnet-shell-user=tenant-a');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ users: ['admin', 'tenant-a'], current: 'tenant-a', namespaces: [] });
    expect(seen).toContain('/api/v1/namespaces'); // it did ask
    // Still up.
    expect((await get('/api/shell/users')).status).toBe(200);
  });
});
