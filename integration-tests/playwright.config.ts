// Browser tests: Debian's Chromium against the real local cluster (global setup starts it) and the built plugin.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';

export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.spec.ts',
  timeout: 120_000,
  // The machine is small (2 cores) and tenants' pages start with access reviews: allow for a slow first load.
  expect: { timeout: 20_000 },
  workers: 1,
  reporter: [['list']],
  globalSetup: './support/playwrightGlobalSetup.ts',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    testIdAttribute: 'data-test',
    trace: 'retain-on-failure',
  },
});
