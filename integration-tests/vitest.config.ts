// Tests against the real local cluster (integration-tests/cluster). The global setup starts it once.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration-tests/**/*.test.ts'],
    globalSetup: ['integration-tests/support/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
