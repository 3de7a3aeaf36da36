// The loader test's web server: what console's Bridge does for a plugin, reduced to the parts that can
// break a plugin build. Plugin files are served under /api/plugins/<name>/ with `nosniff` and a
// JavaScript MIME type (module scripts are refused otherwise), and every response carries console's
// CSP, enforced rather than report-only, so a build that needs inline scripts or eval shows up here.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

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
};

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
  const server = createServer((req, res) => {
    void (async () => {
      const nonce = randomBytes(16).toString('base64');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', consoleCsp(nonce));
      res.setHeader('Cache-Control', 'no-store');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const [, variant = '', rest = ''] = /^\/([^/]+)\/(.*)$/.exec(path) ?? [];
      if (variant in options.hosts && (rest === '' || rest === 'index.html')) {
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
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};
