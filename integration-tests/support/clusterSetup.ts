// Shared by the vitest and Playwright global setups: the local cluster up and seeded with a small data set.
import { downIfUnused, markStartedBySetup, up } from '../cluster/cluster';
import { releaseLease, takeLease } from '../cluster/lock';
import { seed } from '../cluster/seed/seed';
import { clientFor } from './k8s';

/** Small enough to seed in seconds; still holds every scenario (see seed/vms.ts vmPlan). */
export const SMALL_DATA_SET_VMS = 40;

/**
 * Starts the cluster unless it already runs, seeds it, and returns the teardown. Test runs may overlap (vitest
 * and Playwright, several developers' runs): each holds a lease, and the last one out stops the cluster only if a
 * test setup started it and KEEP_CLUSTER is unset. A cluster started with `npm run cluster:up` is left running.
 */
export const ensureSeededCluster = async (): Promise<() => Promise<void>> => {
  takeLease();
  const { state, started } = await up();
  if (started) markStartedBySetup();
  const client = clientFor('admin', state);
  try {
    await seed(client, { vms: SMALL_DATA_SET_VMS });
  } finally {
    await client.close();
  }
  return async () => {
    await downIfUnused(() => releaseLease() === 0 && !process.env.KEEP_CLUSTER);
  };
};
