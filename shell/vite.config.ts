/**
 * The standalone shell: the plugin's pages outside the console, served by the vite dev server. The SDK import is
 * aliased to shell/sdk.ts, and `/api/kubernetes` (HTTP and WebSocket) is proxied to the local cluster (or the
 * cluster of SHELL_KUBECONFIG) with the bearer token of the user chosen in the masthead.
 *
 * The proxy holds real cluster identities, so it serves only the shell's own pages (shell/guard.ts): loopback
 * Host, same Origin, a chosen user (no default: 401) and a CSRF token on writes, for HTTP and WebSocket upgrades;
 * CORS is off. README.md, "Security", lists the attacks and their tests.
 */
import { Agent } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createLogger, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { Agent as UndiciAgent } from 'undici';
import { checkOrigin, checkProxyRequest, CSRF_COOKIE, csrfTokens, statusBody, type Verdict } from './guard';
import { execTokenSource } from './exec';
import { namespaceHints } from './hints';
import { parseCookie, pickUser } from './users';
import { resolveTarget } from './target';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Vite's logger, minus the "ws proxy error: read ECONNRESET" (or EPIPE) it prints whenever a browser tab with open
 * watches closes or reloads: the watch sockets are reset by design then, and nothing is wrong.
 */
const logger = (() => {
  const base = createLogger();
  return {
    ...base,
    error: (msg: string, options?: Parameters<typeof base.error>[1]) => {
      const err = options?.error as NodeJS.ErrnoException | undefined;
      if (/ws proxy (socket )?error/.test(msg) && /ECONNRESET|EPIPE/.test(`${err?.code ?? ''} ${msg}`))
        return;
      base.error(msg, options);
    },
  };
})();

export default defineConfig(() => {
  const target = resolveTarget();
  const userNames = Object.keys(target.users);
  const single = userNames.length === 1 ? target.users[userNames[0]!] : undefined;
  const agent = new Agent({
    ca: target.ca,
    cert: single?.cert,
    key: single?.key,
    rejectUnauthorized: !target.insecure,
    keepAlive: true,
  });
  // Users of a kubeconfig whose token comes from an exec plugin (shell/exec.ts): refreshed before each proxied
  // request (cached until it expires), read synchronously by the proxy's request hooks.
  const execTokens = new Map(
    userNames.flatMap((u) => {
      const exec = target.users[u]?.exec;
      return exec ? [[u, execTokenSource(u, exec, { server: target.server })] as const] : [];
    }),
  );
  const tokenOf = (user: string) => target.users[user]?.token ?? execTokens.get(user)?.cachedToken();
  /** Runs the user's exec plugin when its token is missing or expiring; the error names the plugin. */
  const refreshToken = async (user: string): Promise<string | undefined> => {
    try {
      await execTokens.get(user)?.token();
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };
  const authFor = (req: IncomingMessage) => {
    const token = tokenOf(pickUser(req.headers.cookie, userNames) ?? '');
    return token ? `Bearer ${token}` : undefined;
  };
  const csrf = csrfTokens();

  // One connection pool per user for the namespace-hint lookups (shell/hints.ts), not a new one per page load.
  const dispatchers = new Map<string, UndiciAgent>();
  const listNamespacesAs = async (user: string): Promise<unknown> => {
    const creds = target.users[user];
    if (!creds || (await refreshToken(user))) return undefined;
    const token = tokenOf(user);
    let dispatcher = dispatchers.get(user);
    if (!dispatcher) {
      dispatcher = new UndiciAgent({
        connect: { ca: target.ca, cert: creds.cert, key: creds.key, rejectUnauthorized: !target.insecure },
      });
      dispatchers.set(user, dispatcher);
    }
    const res = await fetch(`${target.server}/api/v1/namespaces`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      // @ts-expect-error undici's dispatcher option is not in the DOM fetch types
      dispatcher,
    });
    return res.ok ? res.json() : undefined;
  };

  const refuse = (res: ServerResponse, v: Extract<Verdict, { ok: false }>) => {
    res.statusCode = v.status;
    res.setHeader('Content-Type', 'application/json');
    res.end(statusBody(v.status, v.message));
  };
  const refuseUpgrade = (socket: Socket, v: Extract<Verdict, { ok: false }>) => {
    const body = statusBody(v.status, v.message);
    const reason = v.status === 401 ? 'Unauthorized' : 'Forbidden';
    socket.end(
      `HTTP/1.1 ${v.status} ${reason}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
  const isProxied = (url?: string) => /^\/api\/kubernetes(\/|\?|$)/.test(url ?? '');

  /**
   * The guard in front of the proxy and the shell's own API, and the CSRF cookie (issued to every page load
   * that lacks a valid one; shell/sdk.ts sends it back as X-CSRFToken on writes, as the console does).
   */
  const guard: Plugin = {
    name: 'shell-guard',
    configureServer(server) {
      const port = () => (server.httpServer?.address() as AddressInfo | null)?.port ?? 0;
      const check = (req: IncomingMessage, upgrade: boolean) =>
        checkProxyRequest(
          { method: req.method ?? 'GET', headers: req.headers, upgrade },
          { port: port(), users: userNames, csrf, pickUser: (c) => pickUser(c, userNames) },
        );
      server.middlewares.use((req, res, next) => {
        if (!csrf.valid(parseCookie(req.headers.cookie, CSRF_COOKIE)))
          res.setHeader('Set-Cookie', `${CSRF_COOKIE}=${csrf.issue()}; Path=/; SameSite=Strict`);
        if (isProxied(req.url)) {
          const v = check(req, false);
          if (!v.ok) return refuse(res, v);
          if (execTokens.has(v.user))
            return void refreshToken(v.user).then((err) =>
              err ? refuse(res, { ok: false, status: 401, message: err }) : next(),
            );
        } else if (req.url?.startsWith('/api/shell/')) {
          const bad = checkOrigin({ method: req.method ?? 'GET', headers: req.headers }, port());
          if (bad && !bad.ok) return refuse(res, bad);
        }
        next();
      });
      // WebSocket upgrades bypass the middlewares: put the same check in front of vite's upgrade listeners
      // (its proxy's among them), which exist once the internal middlewares are installed.
      return () => {
        const http = server.httpServer;
        if (!http) return;
        const listeners = http.listeners('upgrade') as ((...a: unknown[]) => void)[];
        http.removeAllListeners('upgrade');
        http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
          const relay = () => {
            for (const l of listeners) l.call(http, req, socket, head);
          };
          if (isProxied(req.url)) {
            const v = check(req, true);
            if (!v.ok) return refuseUpgrade(socket, v);
            if (execTokens.has(v.user))
              return void refreshToken(v.user).then((err) =>
                err ? refuseUpgrade(socket, { ok: false, status: 401, message: err }) : relay(),
              );
          }
          relay();
        });
      };
    },
  };

  /** `/api/shell/users`: who the proxy can act as (user switcher), who it acts as now, and the namespace hints. */
  const usersEndpoint: Plugin = {
    name: 'shell-users',
    configureServer(server) {
      server.middlewares.use('/api/shell/users', (req, res) => {
        const current = pickUser(req.headers.cookie, userNames);
        void namespaceHints(current, userNames, listNamespacesAs).then((namespaces) => {
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Cache-Control', 'no-store');
          res.end(JSON.stringify({ users: userNames, current, namespaces }));
        });
      });
    },
  };

  return {
    customLogger: logger,
    root: here('.'),
    publicDir: here('../public'),
    plugins: [react(), guard, usersEndpoint],
    resolve: {
      alias: { '@openshift-console/dynamic-plugin-sdk': here('./sdk.ts') },
    },
    // A first visit must not wait for dependencies found late (vite then re-bundles and reloads the page): scan the
    // shell and every page up front, name the deep imports (single icons, PatternFly styles) outright, and
    // transform the shell's module graph before the browser asks. Measured in bench/README.md (shell-cold).
    optimizeDeps: {
      entries: ['index.html', '../src/views/**/*.tsx', '!../src/**/*.test.tsx'],
      include: [
        'react',
        'react/jsx-dev-runtime',
        'react-dom/client',
        'react-router',
        'react-i18next',
        'i18next',
        'react-redux',
        '@tanstack/react-query',
        '@tanstack/react-virtual',
        '@patternfly/react-core',
        '@patternfly/react-table',
        '@patternfly/react-styles',
        '@patternfly/react-styles/css/components/Table/table',
        '@patternfly/react-styles/css/components/Table/table-scrollable',
        '@patternfly/react-icons',
        '@patternfly/react-icons/dist/esm/icons/copy-icon',
        '@patternfly/react-icons/dist/esm/icons/download-icon',
        '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon',
        '@patternfly/react-icons/dist/esm/icons/plus-circle-icon',
        '@patternfly/react-icons/dist/esm/icons/user-icon',
        'cytoscape',
        'yaml',
      ],
    },
    server: {
      host: '127.0.0.1',
      port: Number(process.env.SHELL_PORT ?? 9000),
      strictPort: false,
      // No CORS: vite's default lets any localhost:<port> page read the proxy's answers.
      cors: false,
      fs: { allow: [here('..')] },
      // main.tsx imports every page statically, so warming it transforms the whole graph.
      warmup: { clientFiles: ['./main.tsx'] },
      proxy: {
        '/api/kubernetes': {
          target: target.server,
          changeOrigin: true,
          ws: true,
          agent,
          rewrite: (p) => p.replace(/^\/api\/kubernetes/, ''),
          configure: (proxy) => {
            // A browser closing a watch socket resets the connection: expected, not worth a stack trace.
            proxy.on('error', (err) => {
              if (!['ECONNRESET', 'EPIPE'].includes((err as NodeJS.ErrnoException).code ?? ''))
                console.error('shell proxy:', err.message);
            });
            proxy.on('proxyReq', (proxyReq, req) => {
              proxyReq.removeHeader('cookie');
              proxyReq.removeHeader('x-csrftoken');
              const auth = authFor(req);
              if (auth) proxyReq.setHeader('Authorization', auth);
            });
            proxy.on('proxyReqWs', (proxyReq, req) => {
              proxyReq.removeHeader('cookie');
              const auth = authFor(req);
              if (auth) proxyReq.setHeader('Authorization', auth);
            });
          },
        },
      },
    },
  };
});
