/**
 * Live list of a kind across what the user may read: one cluster-wide watch when allowed, else one watch per
 * readable namespace (access.ts explains how they are found), merged into one list.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { K8sObject } from '../domain/kube/meta';
import {
  namespaceCandidates,
  readableNamespaces,
  type NamespaceCandidates,
  type NamespaceScope,
} from './access';
import type { K8sClient } from './client';
import { fail, ok, type K8sError } from './errors';
import type { K8sModel } from './models';
import { retryTransient, unwrap, type ListScope } from './queries';
import { useK8sClient, useNamespaceHints } from './K8sContext';
import { useListWatches, type WatchResult } from './useWatchList';
import type { WatchConfig } from './watchRegistry';

/**
 * The namespaces (or projects) the user may see: one entry for every model, so a tenant's page that watches
 * several kinds asks `list namespaces` / `list projects` once, not once per kind.
 */
export const namespaceCandidatesQuery = (client: K8sClient) =>
  queryOptions<NamespaceCandidates, K8sError>({
    queryKey: ['k8s', 'namespace-candidates'] as const,
    queryFn: async () => unwrap(await namespaceCandidates(client)),
    staleTime: 60_000,
    retry: retryTransient,
  });

/** Where `model` may be listed; the candidates come from the shared entry, the access reviews are per model. */
export const readableScopeQuery = (client: K8sClient, model: K8sModel, hints: readonly string[] = []) =>
  queryOptions<NamespaceScope, K8sError>({
    queryKey: ['k8s', 'readable', model.group, model.plural, [...hints].sort()] as const,
    queryFn: async ({ client: queryClient }) =>
      unwrap(
        await readableNamespaces(client, model, {
          hints,
          candidates: async () => {
            try {
              return ok(await queryClient.fetchQuery(namespaceCandidatesQuery(client)));
            } catch (e) {
              return fail(e as K8sError);
            }
          },
        }),
      ),
    staleTime: 60_000,
    retry: retryTransient,
  });

/** The list scopes to watch for a resolved NamespaceScope. */
export const scopesFor = (scope: NamespaceScope, labelSelector?: string): ListScope[] =>
  scope.kind === 'cluster'
    ? [{ labelSelector }]
    : scope.namespaces.map((namespace) => ({ namespace, labelSelector }));

export type WatchResourcesOptions = {
  /** Only this namespace (no access discovery needed). */
  namespace?: string;
  labelSelector?: string;
  /** Candidate namespaces for users who cannot list namespaces; defaults to the K8sContext hints. */
  namespaces?: readonly string[];
} & WatchConfig;

export const useWatchResources = <T extends K8sObject>(
  model: K8sModel<T>,
  o: WatchResourcesOptions = {},
): WatchResult<T> => {
  const client = useK8sClient();
  const contextHints = useNamespaceHints();
  const needsDiscovery = model.namespaced && !o.namespace;
  const scopeQ = useQuery({
    ...readableScopeQuery(client, model, o.namespaces ?? contextHints),
    enabled: needsDiscovery,
  });
  const { namespace, labelSelector } = o;
  const resolved = scopeQ.data;
  const scopes = useMemo(() => {
    if (!needsDiscovery) return [{ namespace, labelSelector }];
    return resolved ? scopesFor(resolved, labelSelector) : undefined;
  }, [needsDiscovery, namespace, labelSelector, resolved]);
  const result = useListWatches(model, scopes, {
    schedule: o.schedule,
    pageSize: o.pageSize,
    minFlushInterval: o.minFlushInterval,
  });
  return needsDiscovery && scopeQ.error ? { ...result, error: scopeQ.error } : result;
};
