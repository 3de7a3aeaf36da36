// The standalone shell (vite dev server with the API proxy) for browser tests, against the local cluster.
import { createServer, type ViteDevServer } from 'vite';

export const startShell = async (): Promise<{ url: string; server: ViteDevServer }> => {
  process.env.SHELL_PORT ??= '9123';
  // The config imports its helpers without .ts extensions, which tsconfig requires; vite's notice is noise.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const server = await createServer({ configFile: 'shell/vite.config.ts', logLevel: 'warn' });
  await server.listen();
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('the shell dev server did not report its URL');
  return { url, server };
};
