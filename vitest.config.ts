// Unit tests: pure domain modules, the build plugin, the pure builders of the cluster seed, and the few view and
// hook tests that ask for jsdom (`// @vitest-environment jsdom` at the top of the file). Cluster-backed tests live
// in integration-tests/ and have their own config.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'build/**/*.test.ts',
      'shell/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      // Pure: they build the seed's objects and check them, no cluster (integration-tests/vitest.config.ts skips them).
      'integration-tests/cluster/seed/**/*.test.ts',
    ],
    environment: 'node',
    // PatternFly's style modules import their .css: processed by vite (to nothing), not by Node, so a render test
    // can load a view that reads class names from them (the interface table's columns.tsx).
    server: { deps: { inline: [/@patternfly\/react-styles/] } },
  },
});
