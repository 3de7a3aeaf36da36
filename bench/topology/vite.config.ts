/**
 * Production build of the topology bench harness (minified, NODE_ENV=production) into .cache/bench-topology, which
 * git ignores. The SDK import is aliased to shell/sdk.ts, as the standalone shell does (the harness imports
 * GROUP_THRESHOLD from the page module). BENCH_MINIFY=0 keeps function names readable for CPU profiles.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const OUT_DIR = here('../../.cache/bench-topology');

export default defineConfig({
  root: here('.'),
  base: './',
  mode: 'production',
  logLevel: 'warn',
  plugins: [react()],
  resolve: { alias: { '@openshift-console/dynamic-plugin-sdk': here('../../shell/sdk.ts') } },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    minify: process.env.BENCH_MINIFY !== '0',
    rollupOptions: { input: here('harness.html') },
    chunkSizeWarningLimit: 10_000,
  },
});
