/**
 * Live lists in React. The watchers (watch.ts) write into react-query; this hook only subscribes to those cache
 * entries (queries stay disabled: the watcher lists) and to the watchers' connection state. Renders follow
 * cache writes, which the watcher makes at most once per frame.
 */
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import type { K8sObject } from '../domain/kube/meta';
import type { ListSnapshot } from './client';
import type { K8sError } from './errors';
import type { K8sModel } from './models';
import { listQuery, type ListScope } from './queries';
import { useK8sClient } from './K8sContext';
import type { ConnectionState } from './watch';
import { createWatchGroup, type WatchConfig } from './watchRegistry';

/** What a view shows in a banner: keep the data, say the server is unreachable, offer retry. */
export type Connection = { state: ConnectionState; lastError?: K8sError; retry: () => void };

export type WatchResult<T> = {
  /** Items of every scope, concatenated; empty until loaded. */
  data: T[];
  loaded: boolean;
  /** Set when nothing can be shown: the list was refused (forbidden, API absent) or never reached the server. */
  error: K8sError | null;
  connection: Connection;
};

const EMPTY: never[] = [];

const mergeSnapshots = <T>(results: UseQueryResult<ListSnapshot<T>, K8sError>[]) => {
  // One scope: hand out the cached array itself, so its identity changes only when the list does.
  if (results.length === 1) return { items: results[0]?.data?.items ?? EMPTY, loaded: !!results[0]?.data };
  return {
    items: results.flatMap((r) => r.data?.items ?? EMPTY),
    loaded: results.every((r) => !!r.data),
  };
};

/**
 * Watches `model` in each scope and merges the lists. `scopes` undefined means "not known yet" (access reviews
 * pending): loaded stays false. Scopes are compared by value, so callers may pass a fresh array each render.
 */
export const useListWatches = <T extends K8sObject>(
  model: K8sModel<T>,
  scopes: readonly ListScope[] | undefined,
  config?: WatchConfig,
): WatchResult<T> => {
  const client = useK8sClient();
  const qc = useQueryClient();
  const scopesKey = JSON.stringify(scopes ?? null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- scopesKey is the value identity of scopes
  const stableScopes = useMemo(() => scopes ?? [], [scopesKey]);
  const schedule = config?.schedule;
  const pageSize = config?.pageSize;
  const minFlushInterval = config?.minFlushInterval;
  const group = useMemo(
    () => createWatchGroup(qc, client, model, stableScopes, { schedule, pageSize, minFlushInterval }),
    [qc, client, model, stableScopes, schedule, pageSize, minFlushInterval],
  );
  const status = useSyncExternalStore(group.subscribe, group.getSnapshot, group.getSnapshot);
  const merged = useQueries({
    queries: stableScopes.map((s) => ({ ...listQuery(client, model, s), enabled: false })),
    // Module-level function: a stable `combine` lets react-query memoize the merge between cache writes.
    combine: mergeSnapshots<T>,
  });
  const connection = useMemo(
    () => ({ state: status.state, lastError: status.lastError, retry: group.retry }),
    [status, group],
  );
  const loaded = scopes !== undefined && merged.loaded;
  const fatal = status.state === 'failed' || (!loaded && status.state === 'unreachable');
  return { data: merged.items, loaded, error: fatal ? (status.lastError ?? null) : null, connection };
};

/** One live list: a namespace (or all namespaces for a cluster-scoped model or an admin), optional selector. */
export const useWatchList = <T extends K8sObject>(
  model: K8sModel<T>,
  scope: ListScope = {},
  config?: WatchConfig,
): WatchResult<T> => useListWatches(model, [scope], config);
