// Loader test: the built plugin loaded by lib-core's real PluginStore in a console-like webpack host,
// in Debian's Chromium, its API calls proxied to the local cluster. Run with `npm run test:loader`.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  // The machine is shared; give rendering room before calling it a failure.
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  globalSetup: './globalSetup.ts',
  outputDir: '../../test-results/loader',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    testIdAttribute: 'data-test',
    trace: 'retain-on-failure',
  },
});
