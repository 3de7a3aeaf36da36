/**
 * One live object (a VM and its VMI on a details tab): a live list narrowed by `metadata.name`, so it shares
 * the list machinery (resume, 410 relist, backoff) and a missing object is simply an empty list, not an error.
 */
import type { K8sObject } from '../domain/kube/meta';
import type { K8sError } from './errors';
import type { K8sModel } from './models';
import { useWatchList, type Connection } from './useWatchList';
import type { WatchConfig } from './watchRegistry';

export type WatchObjectResult<T> = {
  /** undefined while loading, and when loaded but the object does not exist. */
  data: T | undefined;
  loaded: boolean;
  error: K8sError | null;
  connection: Connection;
};

export const useWatchObject = <T extends K8sObject>(
  model: K8sModel<T>,
  ref: { namespace?: string; name: string },
  config?: WatchConfig,
): WatchObjectResult<T> => {
  const r = useWatchList(
    model,
    { namespace: ref.namespace, fieldSelector: `metadata.name=${ref.name}` },
    config,
  );
  return { data: r.data[0], loaded: r.loaded, error: r.error, connection: r.connection };
};
