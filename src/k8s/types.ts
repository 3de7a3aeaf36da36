/** Wire shapes of the Kubernetes API that the data layer reads (meta/v1 Status, lists, watch events, discovery). */
import type { K8sObject } from '../domain/kube/meta';

export type StatusCause = { reason?: string; message?: string; field?: string };

/** meta/v1 Status: the body of every error response and of watch ERROR events. */
export type Status = {
  kind?: 'Status';
  apiVersion?: string;
  status?: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[] };
};

export type ListMeta = { resourceVersion?: string; continue?: string; remainingItemCount?: number };

export type K8sList<T extends K8sObject = K8sObject> = {
  apiVersion?: string;
  kind?: string;
  metadata: ListMeta;
  items: T[];
};

/** One frame of a watch stream. BOOKMARK carries only metadata.resourceVersion; ERROR carries a Status. */
export type WatchEvent<T extends K8sObject = K8sObject> =
  { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: T } | { type: 'ERROR'; object: Status };

/** Discovery document for one group-version (`GET /apis/<group>/<version>`). */
export type APIResourceList = {
  groupVersion: string;
  resources: { name: string; kind: string; namespaced: boolean; verbs?: string[] }[];
};
