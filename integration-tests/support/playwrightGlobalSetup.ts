// Playwright globalSetup (integration-tests/playwright.config.ts): the local cluster up and seeded, then the
// standalone shell serving the plugin's pages against it. Tests read SHELL_URL. The returned function is the
// global teardown.
import { ensureSeededCluster } from './clusterSetup';
import { startShell } from './shell';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stopCluster = await ensureSeededCluster();
  const { url, server } = await startShell();
  process.env.SHELL_URL = url;
  return async () => {
    await server.close();
    await stopCluster();
  };
}
