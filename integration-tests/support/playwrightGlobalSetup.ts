// Playwright globalSetup (integration-tests/playwright.config.ts): a returned function runs as global teardown.
import { ensureSeededCluster } from './clusterSetup';

export default ensureSeededCluster;
