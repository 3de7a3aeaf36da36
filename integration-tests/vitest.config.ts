// Tests against the real local cluster (integration-tests/cluster). The global setup starts it once.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration-tests/**/*.test.ts'],
    // The seed's builder tests need no cluster: they run with the unit tests (../vitest.config.ts).
    exclude: [...configDefaults.exclude, 'integration-tests/cluster/seed/**'],
    globalSetup: ['integration-tests/support/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
