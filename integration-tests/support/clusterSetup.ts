// Shared by the vitest and Playwright global setups: the local cluster up and seeded with a small data set.
import { down, up } from '../cluster/cluster';
import { seed } from '../cluster/seed/seed';
import { clientFor } from './k8s';

/** Small enough to seed in seconds; still holds every scenario (see seed/vms.ts vmPlan). */
export const SMALL_DATA_SET_VMS = 40;

/**
 * Starts the cluster unless it already runs, seeds it, and returns the teardown: it stops the cluster only when
 * this setup started it (and KEEP_CLUSTER is not set), so a developer's running cluster is left alone.
 */
export const ensureSeededCluster = async (): Promise<() => Promise<void>> => {
  const { state, started } = await up();
  const client = clientFor('admin', state);
  try {
    await seed(client, { vms: SMALL_DATA_SET_VMS });
  } finally {
    await client.close();
  }
  return async () => {
    if (started && !process.env.KEEP_CLUSTER) await down();
  };
};
