/**
 * Stand-ins for the k8s hooks that reach the cluster (watches, access reviews, discovery), for render tests that
 * mock those modules at the hook boundary:
 *
 *   vi.mock('../../k8s/useWatchResources', async () => (await import('../testing/fakeK8sHooks')).watchResources);
 *
 * Lists come from `setLists` (by kind), answers to access reviews from `setAccess`. Each list's result object is
 * kept per kind so its identity is stable between renders, as the real hooks' are.
 */
import type { K8sObject } from '../../domain/kube/meta';
import type { AccessAttributes } from '../../k8s/access';
import type { K8sModel } from '../../k8s/models';
import type { WatchResult } from '../../k8s/useWatchList';

const results = new Map<string, WatchResult<K8sObject>>();
const connection = { state: 'live' as const, retry: () => undefined };

/** The watched lists, by kind; any kind not given is an empty loaded list. */
export const setLists = (byKind: Record<string, readonly K8sObject[]>): void => {
  results.clear();
  for (const [kind, items] of Object.entries(byKind))
    results.set(kind, { data: [...items], loaded: true, error: null, connection });
};

const resultOf = (model: K8sModel): WatchResult<K8sObject> => {
  let r = results.get(model.kind);
  if (!r) {
    r = { data: [], loaded: true, error: null, connection };
    results.set(model.kind, r);
  }
  return r;
};

type Answer = { allowed: boolean; reason?: string };
let access: (attrs: AccessAttributes) => Answer = () => ({ allowed: true });

/** How access reviews answer (default: allowed). */
export const setAccess = (answer: (attrs: AccessAttributes) => Answer): void => {
  access = answer;
};

export const watchResources = { useWatchResources: (model: K8sModel) => resultOf(model) };

export const watchList = {
  useWatchList: (model: K8sModel) => resultOf(model),
  useListWatches: (model: K8sModel) => resultOf(model),
};

export const accessReview = {
  useAccessReview: (attrs: AccessAttributes) => ({ ...access(attrs), loaded: true, error: null }),
  accessReviewQuery: (_client: unknown, attrs: AccessAttributes) => ({
    queryKey: ['k8s', 'access', attrs] as const,
    queryFn: () => Promise.resolve(access(attrs)),
  }),
};

export const apiAvailable = {
  useApiAvailable: () => ({ available: true, loaded: true, error: null }),
};
