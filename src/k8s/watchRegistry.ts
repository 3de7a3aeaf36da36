/**
 * One watcher per (query client, k8s client, model, scope), shared by every component that shows that list and
 * stopped when the last one unmounts. A group bundles the watchers of one hook call (one per namespace) behind
 * the subscribe/getSnapshot pair that useSyncExternalStore wants. No React import: testable in Node.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { K8sObject } from '../domain/kube/meta';
import type { K8sClient } from './client';
import type { K8sModel } from './models';
import { listQuery, listQueryKey, queryStore, type ListScope } from './queries';
import type { Scheduler } from './schedule';
import { createListWatch, type ListWatch, type WatchStatus } from './watch';

type Entry = { watch: ListWatch; refs: number };
const registries = new WeakMap<QueryClient, WeakMap<K8sClient, Map<string, Entry>>>();

const entries = (qc: QueryClient, client: K8sClient): Map<string, Entry> => {
  let byClient = registries.get(qc);
  if (!byClient) registries.set(qc, (byClient = new WeakMap()));
  let map = byClient.get(client);
  if (!map) byClient.set(client, (map = new Map<string, Entry>()));
  return map;
};

const keyOf = (model: K8sModel, scope: ListScope) => JSON.stringify(listQueryKey(model, scope));

export type WatchConfig = { schedule?: Scheduler; pageSize?: number; minFlushInterval?: number };

export const acquireListWatch = <T extends K8sObject>(
  qc: QueryClient,
  client: K8sClient,
  model: K8sModel<T>,
  scope: ListScope,
  config: WatchConfig = {},
): { watch: ListWatch; release: () => void } => {
  const map = entries(qc, client);
  const key = keyOf(model, scope);
  let entry = map.get(key);
  if (!entry) {
    const watch = createListWatch<T>({
      client,
      model,
      ...scope,
      store: queryStore(qc, listQuery(client, model, scope)),
      ...config,
    });
    entry = { watch, refs: 0 };
    map.set(key, entry);
    watch.start();
  }
  entry.refs++;
  const e = entry;
  let released = false;
  return {
    watch: e.watch,
    release: () => {
      if (released) return;
      released = true;
      if (--e.refs > 0) return;
      e.watch.stop();
      if (map.get(key) === e) map.delete(key);
    },
  };
};

export const peekListWatch = (qc: QueryClient, client: K8sClient, model: K8sModel, scope: ListScope) =>
  entries(qc, client).get(keyOf(model, scope))?.watch;

const RANK: Record<WatchStatus['state'], number> = {
  live: 0,
  connecting: 1,
  reconnecting: 2,
  unreachable: 3,
  failed: 4,
};

/** The status a banner should show for several watches: the worst state, with its error. */
export const combineStatuses = (statuses: readonly WatchStatus[]): WatchStatus => {
  if (!statuses.length) return { state: 'live', loaded: true };
  let worst = statuses[0] as WatchStatus;
  for (const s of statuses) if (RANK[s.state] > RANK[worst.state]) worst = s;
  const loaded = statuses.every((s) => s.loaded);
  return worst.loaded === loaded ? worst : { ...worst, loaded };
};

const CONNECTING: WatchStatus = { state: 'connecting', loaded: false };

export type WatchGroup = {
  subscribe: (cb: () => void) => () => void;
  getSnapshot: () => WatchStatus;
  retry: () => void;
};

export const createWatchGroup = <T extends K8sObject>(
  qc: QueryClient,
  client: K8sClient,
  model: K8sModel<T>,
  scopes: readonly ListScope[],
  config: WatchConfig = {},
): WatchGroup => {
  let lastInputs: WatchStatus[] = [];
  let lastValue: WatchStatus = combineStatuses([]);
  return {
    // Subscribing is what keeps the watchers running: useSyncExternalStore subscribes on mount, not during render.
    subscribe: (cb) => {
      const handles = scopes.map((s) => acquireListWatch(qc, client, model, s, config));
      const unsubs = handles.map((h) => h.watch.subscribe(cb));
      cb();
      return () => {
        unsubs.forEach((u) => u());
        handles.forEach((h) => h.release());
      };
    },
    // Must return the same object while nothing changed, or React re-renders forever.
    getSnapshot: () => {
      const inputs = scopes.map((s) => peekListWatch(qc, client, model, s)?.getStatus() ?? CONNECTING);
      if (inputs.length !== lastInputs.length || inputs.some((s, i) => s !== lastInputs[i])) {
        lastInputs = inputs;
        lastValue = combineStatuses(inputs);
      }
      return lastValue;
    },
    retry: () => scopes.forEach((s) => peekListWatch(qc, client, model, s)?.retry()),
  };
};
