/**
 * react-query options: each query key sits next to its fetch function (tq `queryOptions`). Live lists use the
 * same keys — the watcher writes into the query that `listQuery` describes — so a one-shot `useQuery(listQuery(…))`
 * and a live `useWatchList` share one cache entry. Query functions reject with a K8sError value.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { K8sObject } from '../domain/kube/meta';
import type { K8sClient, ListSnapshot, ObjectRef } from './client';
import { isTransient, type K8sError, type K8sResult } from './errors';
import {
  NetworkAttachmentDefinitionModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  type K8sModel,
} from './models';
import type { ListStore } from './watch';

/** Turns a result into a value or a rejection with the K8sError itself (react-query's `error`). */
export const unwrap = <T>(r: K8sResult<T>): T => {
  if (r.ok) return r.value;
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- on purpose, see below
  throw r.error; // the K8sError value itself, not an Error: views read kind/fieldIssues from it
};

/** Retry only what may heal by itself; give up on the third failure. */
export const retryTransient = (failureCount: number, error: K8sError): boolean =>
  failureCount < 3 && isTransient(error);

const isK8sError = (e: unknown): e is K8sError =>
  typeof e === 'object' && e !== null && 'kind' in e && 'message' in e;

/**
 * The plugin QueryClient's default for queries without a policy of their own: retry once, and only what may heal
 * by itself. A 403 or 404 is an answer (a tenant's forbidden namespaces or nodes), not a failure to ask again.
 */
export const defaultRetry = (failureCount: number, error: unknown): boolean =>
  failureCount < 1 && (!isK8sError(error) || isTransient(error));

export type ListScope = { namespace?: string; labelSelector?: string; fieldSelector?: string };

export const listQueryKey = (model: K8sModel, scope: ListScope = {}) =>
  [
    'k8s',
    'list',
    model.group,
    model.version,
    model.plural,
    scope.namespace ?? '*',
    scope.labelSelector ?? '',
    scope.fieldSelector ?? '',
  ] as const;

export const listQuery = <T extends K8sObject>(
  client: K8sClient,
  model: K8sModel<T>,
  scope: ListScope = {},
) =>
  queryOptions<ListSnapshot<T>, K8sError>({
    queryKey: listQueryKey(model, scope),
    queryFn: async ({ signal }) => unwrap(await client.listAll(model, { ...scope, signal })),
    // A watch keeps the entry fresh; a one-shot reader refreshes explicitly.
    staleTime: Infinity,
    // The watcher preserves identity of unchanged objects itself; deep-comparing 10k objects per frame would not.
    structuralSharing: false,
    retry: retryTransient,
  });

export const getQuery = <T extends K8sObject>(client: K8sClient, model: K8sModel<T>, ref: ObjectRef) =>
  queryOptions<T, K8sError>({
    queryKey: [
      'k8s',
      'get',
      model.group,
      model.version,
      model.plural,
      ref.namespace ?? '',
      ref.name,
    ] as const,
    queryFn: async ({ signal }) => unwrap(await client.get(model, ref, { signal })),
    retry: retryTransient,
  });

export const vmListQuery = (client: K8sClient, namespace?: string) =>
  listQuery(client, VirtualMachineModel, { namespace });
export const vmiListQuery = (client: K8sClient, namespace?: string) =>
  listQuery(client, VirtualMachineInstanceModel, { namespace });
export const nadListQuery = (client: K8sClient, namespace?: string) =>
  listQuery(client, NetworkAttachmentDefinitionModel, { namespace });

/**
 * A ListStore over one react-query entry: what the watcher writes, every observer of that key renders. The entry
 * is created with the list query's options, so writes skip structural sharing even before any observer mounts.
 */
export const queryStore = <T extends K8sObject>(
  queryClient: QueryClient,
  options: ReturnType<typeof listQuery<T>>,
): ListStore<T> => ({
  get: () => queryClient.getQueryData(options.queryKey),
  set: (s) => {
    queryClient.getQueryCache().build(queryClient, { queryKey: options.queryKey, structuralSharing: false });
    queryClient.setQueryData(options.queryKey, s);
  },
});
