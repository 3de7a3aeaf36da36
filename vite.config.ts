// Production build of the console plugin: `npm run build` writes dist/ for console 4.22 to load
// (plugin-manifest.json, plugin-entry.<hash>.js, ES-module chunks, locales/). How it works:
// build/vite-console-plugin/README.md.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { consolePlugin } from './build/vite-console-plugin';

export default defineConfig({
  plugins: [
    react(),
    consolePlugin({
      firstPage: 'VMNetworksPage',
      firstPageBudgetGzip: 150 * 1024,
      // The topology graph library is large; only the topology page may load it.
      isolate: [{ module: /\/node_modules\/cytoscape\//, onlyIn: ['TopologyPage'] }],
    }),
  ],
  // public/ holds the standalone shell's static files (favicon); the console build ships none of them.
  publicDir: false,
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
