// deploy/nginx.conf served by Debian's nginx over the plugin's real build (issue #11, point 7): TLS, the headers
// (no version, nosniff, caching per kind of file), content types, and nothing but files: 404 for unknown paths and
// directories, never a listing. Only the paths the container has (/usr/share/nginx/html, /var/cert, /tmp, port
// 9443) are rewritten to a scratch folder, and each rewrite must apply, so the config under test is the shipped one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDir, readClusterState } from '../cluster/state';
import { freePort, waitUntil } from '../cluster/processes';
import { requireNginx } from './tools';

let dir = '';
let port = 0;
let nginx: ChildProcess | undefined;
let ca = '';
let dist = '';

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
const get = (path: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, ca, servername: '127.0.0.1' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

const rewrite = (conf: string, from: string | RegExp, to: string): string => {
  const next = conf.replace(from, to);
  if (next === conf)
    throw new Error(`deploy/nginx.conf no longer contains ${String(from)}: update this test`);
  return next;
};

beforeAll(async () => {
  const bin = requireNginx();
  dir = mkdtempSync(join(tmpdir(), 'vmnet-nginx-'));
  // Started as root (CI containers), nginx serves files as `nobody`: let it into the scratch folder.
  chmodSync(dir, 0o755);
  dist = join(dir, 'html');
  // The plugin's production build, as the image copies it.
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'],
    {
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
  // A serving certificate for 127.0.0.1: the local cluster's (its CA is in the state).
  mkdirSync(join(dir, 'cert'), { mode: 0o700 });
  copyFileSync(join(clusterDir(), 'certs', 'apiserver.crt'), join(dir, 'cert', 'tls.crt'));
  copyFileSync(join(clusterDir(), 'certs', 'apiserver.key'), join(dir, 'cert', 'tls.key'));
  ca = readFileSync(readClusterState().caFile, 'utf8');
  mkdirSync(join(dir, 'tmp'));
  port = await freePort();
  let conf = readFileSync('deploy/nginx.conf', 'utf8');
  conf = rewrite(conf, /\/tmp\//g, `${dir}/tmp/`);
  conf = rewrite(conf, '/usr/share/nginx/html', dist);
  conf = rewrite(conf, /\/var\/cert\//g, `${dir}/cert/`);
  conf = rewrite(conf, 'listen 9443 ssl;', `listen 127.0.0.1:${port} ssl;`);
  conf = rewrite(conf, 'listen [::]:9443 ssl;', '');
  writeFileSync(join(dir, 'nginx.conf'), conf);
  // Output to a file, as a container runtime gives nginx (/dev/stdout cannot be opened on a socket).
  const log = openSync(join(dir, 'nginx.log'), 'a');
  const stdio = ['ignore', log, log] as const;
  const test = spawnSync(bin, ['-t', '-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: [...stdio] });
  if (test.status !== 0)
    throw new Error(`nginx -t refused deploy/nginx.conf: ${readFileSync(join(dir, 'nginx.log'), 'utf8')}`);
  nginx = spawn(bin, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: [...stdio] });
  closeSync(log);
  await waitUntil(
    'nginx',
    async () => (await get('/plugin-manifest.json').catch(() => undefined)) !== undefined,
    30_000,
  );
}, 300_000);

afterAll(() => {
  nginx?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const file = (re: RegExp, sub = '') => {
  const name = readdirSync(join(dist, sub)).find((f) => re.test(f));
  if (!name) throw new Error(`no ${re} in dist/${sub}`);
  return `/${sub ? `${sub}/` : ''}${name}`;
};

describe('deploy/nginx.conf with Debian nginx', () => {
  it('speaks TLS 1.2+ only and hides its version', async () => {
    const protocol = await new Promise<string | null>((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port, ca, servername: '127.0.0.1' }, () => {
        resolve(s.getProtocol());
        s.end();
      });
      s.on('error', reject);
    });
    expect(['TLSv1.2', 'TLSv1.3']).toContain(protocol);
    const old = await new Promise<string>((resolve) => {
      const s = connect({
        host: '127.0.0.1',
        port,
        ca,
        servername: '127.0.0.1',
        maxVersion: 'TLSv1.1',
        minVersion: 'TLSv1',
      });
      s.on('secureConnect', () => resolve('accepted'));
      s.on('error', () => resolve('refused'));
    });
    expect(old).toBe('refused');
    const r = await get('/plugin-manifest.json');
    expect(r.headers.server).toBe('nginx');
  });

  it('serves the manifest as JSON, never cached', async () => {
    const r = await get('/plugin-manifest.json');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(r.body).name).toBe('vm-network-console-plugin');
  });

  it('serves hashed scripts and styles as JavaScript and CSS, cached immutably', async () => {
    for (const [path, type] of [
      [file(/^plugin-entry\.[0-9a-f]+\.js$/), /^application\/javascript/],
      [file(/^exposed-VMNetworksPage\..+\.js$/), /^application\/javascript/],
      [file(/\.js$/, 'chunks'), /^application\/javascript/],
      [file(/\.css$/, 'assets'), /^text\/css/],
    ] as const) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toMatch(type);
      expect(r.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('serves translations as JSON, revalidated every time', async () => {
    const r = await get('/locales/en/plugin__vm-network-console-plugin.json');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    '/nope',
    '/chunks/',
    '/chunks',
    '/locales/',
    '/locales/en/',
    '/',
    '/../etc/passwd',
    '/nope.ABCDEFGH.js',
  ])('%s is 404: no listing, no index', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(path === '/../etc/passwd' ? 400 : 404);
    expect(r.body).not.toMatch(/Index of|<a href=/);
  });
});
