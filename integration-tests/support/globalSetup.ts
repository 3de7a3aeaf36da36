// vitest globalSetup (integration-tests/vitest.config.ts): the returned function is the teardown.
import { ensureSeededCluster } from './clusterSetup';

export default ensureSeededCluster;
