/** Serves a built harness directory on 127.0.0.1 (a free port) for the browser benches; nothing outside `dir`. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export const serve = (dir: string) =>
  new Promise<{ server: Server; url: string }>((resolve) => {
    const server = createServer((req, res) => {
      const path = normalize(join(dir, (req.url ?? '/').split('?')[0] ?? '/'));
      if (!path.startsWith(dir)) return void res.writeHead(403).end();
      readFile(path).then(
        (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'font/woff2' }).end(body),
        () => res.writeHead(404).end(),
      );
    });
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
    });
  });
