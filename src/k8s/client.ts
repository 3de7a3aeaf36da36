/**
 * One Kubernetes client for every environment. It only knows a base URL, a fetch and a WebSocket opener:
 * the console instance (consoleClient.ts) passes consoleFetch and `/api/kubernetes`; Node tests and benches pass
 * undici fetch + `ws` against the API server. Every operation resolves to a K8sResult — it never throws.
 */
import type { K8sObject, PatchOp } from '../domain/kube/meta';
import { fail, fromException, ok, toK8sError, type K8sResult } from './errors';
import { resourcePath, type K8sModel } from './models';
import type { K8sList, Status } from './types';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How a watch socket ended. `httpStatus` is set when the upgrade was refused (only Node's `ws` can see it). */
export type SocketClose = { code?: number; reason?: string; httpStatus?: number; error?: string };
export type SocketHandlers = {
  onOpen: () => void;
  onMessage: (data: string) => void;
  onClose: (info: SocketClose) => void;
};
/** Opens a WebSocket to an absolute ws(s) URL; must call onClose exactly once, including on connect failure. */
export type OpenWebSocket = (url: string, handlers: SocketHandlers) => { close: () => void };

export type K8sClientOptions = {
  /** API server root: `/api/kubernetes` in the console and shell, `https://127.0.0.1:6443` in Node. */
  baseUrl: string;
  fetch: FetchLike;
  openWebSocket: OpenWebSocket;
  /** ws(s) form of baseUrl; derived from baseUrl (and `location` for a relative one) when omitted. */
  wsBaseUrl?: string;
};

export type ObjectRef = { namespace?: string; name: string };
export type ListOptions = {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  signal?: AbortSignal;
};
export type ListAllOptions = Omit<ListOptions, 'limit' | 'continue'> & { pageSize?: number };
export type WriteOptions = { dryRun?: boolean; signal?: AbortSignal; fieldManager?: string };
export type DeleteOptions = WriteOptions & { propagationPolicy?: 'Foreground' | 'Background' | 'Orphan' };
export type WatchOptions = {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion: string;
};
export type ListSnapshot<T> = { items: T[]; resourceVersion: string };

export type RequestOptions = {
  method?: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
};

export type K8sClient = ReturnType<typeof createK8sClient>;

const queryString = (q: RequestOptions['query'] = {}): string => {
  const parts = Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

const deriveWsBase = (baseUrl: string): string => {
  if (/^https?:\/\//.test(baseUrl)) return baseUrl.replace(/^http/, 'ws');
  const loc = globalThis.location as Location | undefined;
  if (!loc) return baseUrl; // no location (Node): caller must pass wsBaseUrl
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${baseUrl}`;
};

// Bodies of error responses may be a Status, plain text or empty (a proxy's 502 page).
const readError = async (res: Response): Promise<K8sResult<never>> => {
  const text = await res.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text as the message
  }
  return fail(toK8sError(res.status, body));
};

export const createK8sClient = (opts: K8sClientOptions) => {
  const { baseUrl, fetch: doFetch, openWebSocket } = opts;
  const wsBaseUrl = opts.wsBaseUrl ?? deriveWsBase(baseUrl);

  /** Any request relative to the API root (`/apis/...`); a 2xx JSON body becomes the value. */
  const request = async <R>(path: string, o: RequestOptions = {}): Promise<K8sResult<R>> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (o.body !== undefined) headers['Content-Type'] = o.contentType ?? 'application/json';
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}${queryString(o.query)}`, {
        method: o.method ?? 'GET',
        headers,
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
        signal: o.signal,
      });
    } catch (e) {
      return fail(fromException(e));
    }
    if (!res.ok) return readError(res);
    try {
      return ok((res.status === 204 ? {} : await res.json()) as R);
    } catch (e) {
      return fail({ ...fromException(e), kind: 'unknown' });
    }
  };

  const write = (o: WriteOptions = {}) => ({
    dryRun: o.dryRun ? 'All' : undefined,
    fieldManager: o.fieldManager,
  });

  const list = <T extends K8sObject>(
    model: K8sModel<T>,
    o: ListOptions = {},
  ): Promise<K8sResult<K8sList<T>>> =>
    request<K8sList<T>>(resourcePath(model, { namespace: o.namespace }), {
      query: {
        labelSelector: o.labelSelector,
        fieldSelector: o.fieldSelector,
        limit: o.limit,
        continue: o.continue,
      },
      signal: o.signal,
    });

  /**
   * Follows `continue` tokens until the collection is complete. A 410 mid-way means the token outlived etcd
   * compaction; the pages so far may be inconsistent with the rest, so start over once.
   */
  const listAll = async <T extends K8sObject>(
    model: K8sModel<T>,
    o: ListAllOptions = {},
  ): Promise<K8sResult<ListSnapshot<T>>> => {
    const { pageSize, ...rest } = o;
    for (let attempt = 0; attempt < 2; attempt++) {
      let items: T[] = [];
      let cont: string | undefined;
      let expired = false;
      do {
        const r = await list(model, { ...rest, limit: pageSize, continue: cont });
        if (!r.ok) {
          if (r.error.status === 410 && cont) {
            expired = true;
            break;
          }
          return r;
        }
        // concat of the first page keeps the parsed array itself: no copy for unpaginated lists.
        items = items.length ? items.concat(r.value.items) : r.value.items;
        cont = r.value.metadata.continue || undefined;
        if (!cont) return ok({ items, resourceVersion: r.value.metadata.resourceVersion ?? '' });
      } while (cont);
      if (!expired) break;
    }
    return fail({
      kind: 'unknown',
      status: 410,
      reason: 'Expired',
      message: 'List continue token expired twice',
    });
  };

  const get = <T extends K8sObject>(model: K8sModel<T>, ref: ObjectRef, o: { signal?: AbortSignal } = {}) =>
    request<T>(resourcePath(model, ref), { signal: o.signal });

  const create = <T extends K8sObject>(
    model: K8sModel<T>,
    obj: T,
    o: WriteOptions & { namespace?: string } = {},
  ) =>
    request<T>(resourcePath(model, { namespace: o.namespace ?? obj.metadata.namespace }), {
      method: 'POST',
      body: obj,
      query: write(o),
      signal: o.signal,
    });

  /** PUT: replaces the object; its metadata.resourceVersion makes the server refuse (409) a stale copy. */
  const update = <T extends K8sObject>(model: K8sModel<T>, obj: T, o: WriteOptions = {}) =>
    request<T>(resourcePath(model, { namespace: obj.metadata.namespace, name: obj.metadata.name }), {
      method: 'PUT',
      body: obj,
      query: write(o),
      signal: o.signal,
    });

  const jsonPatch = <T extends K8sObject>(
    model: K8sModel<T>,
    ref: ObjectRef,
    ops: PatchOp[],
    o: WriteOptions = {},
  ) =>
    request<T>(resourcePath(model, ref), {
      method: 'PATCH',
      body: ops,
      contentType: 'application/json-patch+json',
      query: write(o),
      signal: o.signal,
    });

  const mergePatch = <T extends K8sObject>(
    model: K8sModel<T>,
    ref: ObjectRef,
    patch: object,
    o: WriteOptions = {},
  ) =>
    request<T>(resourcePath(model, ref), {
      method: 'PATCH',
      body: patch,
      contentType: 'application/merge-patch+json',
      query: write(o),
      signal: o.signal,
    });

  /** Resolves to the object (deletion pending, e.g. finalizers) or a Success Status. */
  const del = <T extends K8sObject>(model: K8sModel<T>, ref: ObjectRef, o: DeleteOptions = {}) =>
    request<T | Status>(resourcePath(model, ref), {
      method: 'DELETE',
      query: { ...write(o), propagationPolicy: o.propagationPolicy },
      signal: o.signal,
    });

  /** Opens a watch on the collection from `resourceVersion`; the caller parses frames (see watch.ts). */
  const watch = <T extends K8sObject>(model: K8sModel<T>, o: WatchOptions, handlers: SocketHandlers) => {
    const q = queryString({
      watch: true,
      resourceVersion: o.resourceVersion,
      allowWatchBookmarks: true,
      labelSelector: o.labelSelector,
      fieldSelector: o.fieldSelector,
    });
    return openWebSocket(`${wsBaseUrl}${resourcePath(model, { namespace: o.namespace })}${q}`, handlers);
  };

  return { baseUrl, request, list, listAll, get, create, update, jsonPatch, mergePatch, delete: del, watch };
};
