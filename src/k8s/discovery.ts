/**
 * API discovery: optional operators (SR-IOV, nmstate, MetalLB, OVN UDN, HCO) may be absent. Features ask
 * `isApiAvailable` and say "SR-IOV operator not installed" instead of failing on a 404 list.
 */
import { queryOptions } from '@tanstack/react-query';
import type { K8sClient } from './client';
import { ok, type K8sError, type K8sResult } from './errors';
import { groupVersionPath, type K8sModel } from './models';
import { retryTransient, unwrap } from './queries';
import type { APIResourceList } from './types';

/** Whether the group-version document lists the model's resource. `null` = the group-version is not served. */
export const isApiAvailable = (doc: APIResourceList | null | undefined, model: K8sModel): boolean =>
  !!doc && doc.resources.some((r) => r.name === model.plural);

/** The discovery document of the model's group-version, or `null` when the server does not serve it (404). */
export const fetchDiscovery = async (
  client: K8sClient,
  model: K8sModel,
): Promise<K8sResult<APIResourceList | null>> => {
  const r = await client.request<APIResourceList>(groupVersionPath(model));
  if (!r.ok && r.error.kind === 'not-found') return ok(null);
  return r;
};

export const discoveryQuery = (client: K8sClient, model: K8sModel) =>
  queryOptions<APIResourceList | null, K8sError>({
    // One entry per group-version: every model of that group shares the request.
    queryKey: ['k8s', 'discovery', model.group, model.version] as const,
    queryFn: async () => unwrap(await fetchDiscovery(client, model)),
    // Operators get installed while the console is open; re-ask every few minutes.
    staleTime: 5 * 60_000,
    retry: retryTransient,
  });
