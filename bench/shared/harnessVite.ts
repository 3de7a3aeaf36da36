/**
 * The vite config of a bench harness page: a production build (minified, NODE_ENV=production) of `harness.html`
 * in the bench's folder into `.cache/bench-<name>` (git-ignored), with the SDK aliased to shell/sdk.ts as the
 * standalone shell does. BENCH_MINIFY=0 keeps function names readable for CPU profiles.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

export const harnessOutDir = (name: string): string => root(`.cache/bench-${name}`);

export const harnessConfig = (name: string): UserConfig =>
  defineConfig({
    root: root(`bench/${name}`),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias: { '@openshift-console/dynamic-plugin-sdk': root('shell/sdk.ts') } },
    build: {
      outDir: harnessOutDir(name),
      emptyOutDir: true,
      minify: process.env.BENCH_MINIFY !== '0',
      rollupOptions: { input: root(`bench/${name}/harness.html`) },
      chunkSizeWarningLimit: 10_000,
    },
  });
