// Unit tests: pure domain modules, the build plugin, and views in jsdom. Cluster-backed tests live in
// integration-tests/ and have their own config.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'build/**/*.test.ts',
      'shell/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
  },
});
