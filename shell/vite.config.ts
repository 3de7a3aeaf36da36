/**
 * The standalone shell: the plugin's pages outside the console, served by the vite dev server. The SDK import is
 * aliased to shell/sdk.ts, and `/api/kubernetes` (HTTP and WebSocket) is proxied to the local cluster (or the
 * cluster of SHELL_KUBECONFIG) with the bearer token of the user chosen in the masthead.
 */
import { Agent } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createLogger, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { Agent as UndiciAgent } from 'undici';
import { pickUser } from './users';
import { resolveTarget } from './target';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Vite's logger, minus the "ws proxy error: read ECONNRESET" it prints whenever a browser tab with open watches
 * closes or reloads: the watch sockets are reset by design then, and nothing is wrong.
 */
const logger = (() => {
  const base = createLogger();
  return {
    ...base,
    error: (msg: string, options?: Parameters<typeof base.error>[1]) => {
      const err = options?.error as NodeJS.ErrnoException | undefined;
      if (/ws proxy (socket )?error/.test(msg) && (err?.code === 'ECONNRESET' || /ECONNRESET/.test(msg)))
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
  const authFor = (req: IncomingMessage) => {
    const token = target.users[pickUser(req.headers.cookie, userNames) ?? '']?.token;
    return token ? `Bearer ${token}` : undefined;
  };

  /**
   * Namespace hints for users who may not list namespaces. OpenShift answers "which namespaces can I see" with its
   * projects API; upstream Kubernetes has none, so the shell stands in for it with the admin's namespace list (the
   * plugin still checks each one with an access review).
   */
  // One connection pool for the hint lookups, not a new one per page load.
  const hintsDispatcher = new UndiciAgent({ connect: { ca: target.ca } });
  const namespaceHints = async (): Promise<string[]> => {
    const admin = target.users.admin?.token;
    if (!admin) return [];
    const res = await fetch(`${target.server}/api/v1/namespaces`, {
      headers: { Authorization: `Bearer ${admin}` },
      // @ts-expect-error undici's dispatcher option is not in the DOM fetch types
      dispatcher: hintsDispatcher,
    }).catch(() => undefined);
    if (!res?.ok) return [];
    const list = (await res.json()) as { items: { metadata: { name: string } }[] };
    return list.items.map((n) => n.metadata.name);
  };

  /** `/api/shell/users`: who the proxy can act as (user switcher) and the namespace hints. */
  const usersEndpoint: Plugin = {
    name: 'shell-users',
    configureServer(server) {
      server.middlewares.use('/api/shell/users', (req, res) => {
        void namespaceHints().then((namespaces) => {
          res.setHeader('Content-Type', 'application/json');
          res.end(
            JSON.stringify({
              users: userNames,
              current: pickUser(req.headers.cookie, userNames),
              namespaces,
            }),
          );
        });
      });
    },
  };

  return {
    customLogger: logger,
    root: here('.'),
    publicDir: here('../public'),
    plugins: [react(), usersEndpoint],
    resolve: {
      alias: { '@openshift-console/dynamic-plugin-sdk': here('./sdk.ts') },
    },
    server: {
      host: '127.0.0.1',
      port: Number(process.env.SHELL_PORT ?? 9000),
      strictPort: false,
      fs: { allow: [here('..')] },
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
              if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET')
                console.error('shell proxy:', err.message);
            });
            proxy.on('proxyReq', (proxyReq, req) => {
              proxyReq.removeHeader('cookie');
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
