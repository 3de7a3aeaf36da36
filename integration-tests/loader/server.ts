// The loader test's web server: what console's Bridge does for a plugin, reduced to the parts that can
// break a plugin build. Plugin files are served under /api/plugins/<name>/ with `nosniff` and a
// JavaScript MIME type (module scripts are refused otherwise), and every response carries console's
// CSP, enforced rather than report-only, so a build that needs inline scripts or eval shows up here.
// With a cluster, `/api/kubernetes` is proxied to it as Bridge proxies it (issue #11, point 8): the session's
// identity added server-side, a CSRF check on writes (X-CSRFToken must equal the csrf-token cookie set with the
// page), impersonation headers passed on, and WebSocket watches whose `Impersonate-User.<base64url>` /
// `Impersonate-Group.<base64url>` subprotocols become the Impersonate-* headers (console pkg/proxy).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import WebSocket, { WebSocketServer } from 'ws';

const MIME: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Console's directives (pkg/utils/utils.go BuildCSPDirectives) without the console.redhat.com origin. */
export const consoleCsp = (nonce: string) =>
  [
    "default-src 'self'",
    "base-uri 'self'",
    `script-src 'self' 'unsafe-eval' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

export type LoaderServerOptions = {
  pluginName: string;
  /** The plugin build (dist/). */
  pluginDir: string;
  /** Host variant name -> folder with its webpack build (main.js). */
  hosts: Record<string, string>;
  /** The cluster behind `/api/kubernetes`, and the token of the session's user (console: the OAuth token). */
  kube?: { server: string; ca: string; token: string };
};

/** What the proxy saw of each watch upgrade, for the tests (GET /api/test/upgrades). */
export type UpgradeRecord = { path: string; impersonateUser?: string; impersonateGroups: string[] };

const cookie = (req: IncomingMessage, name: string): string | undefined =>
  (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name)?.[1];

const fromBase64Url = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

/** Impersonation carried as WebSocket subprotocols, and the subprotocols left for the API server. */
export const impersonationFromSubprotocols = (header: string | undefined) => {
  const protocols = (header ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  let user: string | undefined;
  const groups: string[] = [];
  const rest: string[] = [];
  for (const p of protocols) {
    if (p.startsWith('Impersonate-User.')) user = fromBase64Url(p.slice('Impersonate-User.'.length));
    else if (p.startsWith('Impersonate-Group.'))
      groups.push(fromBase64Url(p.slice('Impersonate-Group.'.length)));
    else rest.push(p);
  }
  return { user, groups, rest, protocols };
};

const IMPERSONATION_HEADERS = ['impersonate-user', 'impersonate-group'];

/** Joins a URL path onto a folder, refusing anything that climbs out of it. */
const safeJoin = (dir: string, urlPath: string): string | undefined => {
  const file = normalize(join(dir, decodeURIComponent(urlPath)));
  return file.startsWith(dir.endsWith(sep) ? dir : dir + sep) ? file : undefined;
};

const hostPage = (variant: string, nonce: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>loader test host (${variant})</title></head>
  <body>
    <div id="status" data-test="host-status">starting</div>
    <script nonce="${nonce}" src="/${variant}/main.js"></script>
  </body>
</html>
`;

export const startLoaderServer = async (
  options: LoaderServerOptions,
): Promise<{ url: string; server: Server }> => {
  const pluginPrefix = `/api/plugins/${options.pluginName}/`;
  const csrfToken = randomBytes(24).toString('base64url');
  const upgrades: UpgradeRecord[] = [];
  const kube = options.kube;

  /** Bridge's /api/kubernetes proxy for plain requests. */
  const proxyHttp = (req: IncomingMessage, res: ServerResponse, k: NonNullable<typeof kube>) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) {
      const header = req.headers['x-csrftoken'];
      if (!header || header !== cookie(req, 'csrf-token') || header !== csrfToken) {
        res.writeHead(403, { 'Content-Type': 'text/plain' }).end('invalid CSRF token');
        return;
      }
    }
    const headers: Record<string, string | string[]> = { Authorization: `Bearer ${k.token}` };
    for (const h of ['accept', 'content-type', 'content-length', ...IMPERSONATION_HEADERS]) {
      const v = req.headers[h];
      if (v !== undefined) headers[h] = v;
    }
    const upstream = httpsRequest(
      `${k.server}${(req.url ?? '/').slice('/api/kubernetes'.length)}`,
      { method, headers, ca: k.ca },
      (up) => {
        res.writeHead(up.statusCode ?? 502, {
          'Content-Type': up.headers['content-type'] ?? 'application/json',
        });
        up.pipe(res);
      },
    );
    upstream.on('error', (e) => res.writeHead(502).end(e.message));
    req.pipe(upstream);
  };

  const wss = new WebSocketServer({
    noServer: true,
    // Answer with the subprotocol the browser offered, as it requires one back when it sent any.
    handleProtocols: (protocols) => [...protocols][0] ?? false,
  });
  const proxyUpgrade = (req: IncomingMessage, socket: Socket, head: Buffer, k: NonNullable<typeof kube>) => {
    const imp = impersonationFromSubprotocols(req.headers['sec-websocket-protocol']);
    upgrades.push({ path: req.url ?? '', impersonateUser: imp.user, impersonateGroups: imp.groups });
    const headers: Record<string, string | string[]> = { Authorization: `Bearer ${k.token}` };
    if (imp.user) headers['Impersonate-User'] = imp.user;
    if (imp.groups.length) headers['Impersonate-Group'] = imp.groups;
    const upstream = new WebSocket(
      `${k.server.replace(/^http/, 'ws')}${(req.url ?? '/').slice('/api/kubernetes'.length)}`,
      imp.rest,
      { ca: k.ca, headers, origin: k.server },
    );
    const pending: WebSocket.RawData[] = [];
    upstream.on('unexpected-response', (_r, up) => {
      socket.end(`HTTP/1.1 ${up.statusCode ?? 502} Upstream refused\r\nConnection: close\r\n\r\n`);
    });
    upstream.on('error', () => socket.destroy());
    upstream.on('open', () => {
      wss.handleUpgrade(req, socket, head, (client) => {
        for (const m of pending) client.send(m, { binary: false });
        upstream.on('message', (m, binary) => client.send(m, { binary }));
        client.on('message', (m, binary) => upstream.send(m, { binary }));
        upstream.on('close', () => client.close());
        client.on('close', () => upstream.close());
      });
    });
    upstream.on('message', (m) => {
      if (upstream.listenerCount('message') === 1) pending.push(m);
    });
  };

  const server = createServer((req, res) => {
    void (async () => {
      const nonce = randomBytes(16).toString('base64');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', consoleCsp(nonce));
      res.setHeader('Cache-Control', 'no-store');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (kube && /^\/api\/kubernetes(\/|$)/.test(path)) return proxyHttp(req, res, kube);
      if (path === '/api/test/upgrades') {
        res.writeHead(200, { 'Content-Type': MIME['.json'] }).end(JSON.stringify(upgrades));
        return;
      }
      const [, variant = '', rest = ''] = /^\/([^/]+)\/(.*)$/.exec(path) ?? [];
      if (variant in options.hosts && (rest === '' || rest === 'index.html')) {
        // Bridge sets the CSRF cookie at login; the console reads it and sends it back on writes.
        res.setHeader('Set-Cookie', `csrf-token=${csrfToken}; Path=/; SameSite=Strict`);
        res.writeHead(200, { 'Content-Type': MIME['.html'] }).end(hostPage(variant, nonce));
        return;
      }
      const file = path.startsWith(pluginPrefix)
        ? safeJoin(options.pluginDir, path.slice(pluginPrefix.length))
        : variant in options.hosts
          ? safeJoin(options.hosts[variant] as string, rest)
          : undefined;
      const body = file ? await readFile(file).catch(() => undefined) : undefined;
      if (!file || !body) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
        return;
      }
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
    })();
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (kube && /^\/api\/kubernetes\//.test(req.url ?? '')) proxyUpgrade(req, socket, head, kube);
    else socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};
