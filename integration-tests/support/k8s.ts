// A tiny Kubernetes client for tests and the seed: bearer token, the cluster CA, JSON in and out.
import { readFileSync } from 'node:fs';
import { Agent, fetch } from 'undici';
import { readClusterState, type ClusterState, type UserName } from '../cluster/state';

export type ObjectMeta = {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
};

/** Any Kubernetes object, list or Status; callers narrow what they read. */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  items?: KubeObject[];
  [key: string]: unknown;
};

export type KubeResponse<T = KubeObject> = { status: number; body: T };

export type WatchEvent = { type: string; object: KubeObject };

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';
const PATCH_CONTENT: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

export type KubeClient = ReturnType<typeof createClient>;

export const createClient = (opts: { server: string; ca: string; token: string; connections?: number }) => {
  const dispatcher = new Agent({ connect: { ca: opts.ca }, connections: opts.connections ?? 32 });
  const headers = (contentType?: string): Record<string, string> => ({
    authorization: `Bearer ${opts.token}`,
    accept: 'application/json',
    ...(contentType ? { 'content-type': contentType } : {}),
  });

  const request = async <T = KubeObject>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<KubeResponse<T>> => {
    const send = () =>
      fetch(opts.server + path, {
        method,
        dispatcher,
        headers: headers(body === undefined ? undefined : contentType),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    let res = await send();
    // Like client-go: a 429 with Retry-After (e.g. "storage is (re)initializing" after a restart) is retried.
    for (let attempt = 0; res.status === 429 && attempt < 20; attempt++) {
      const seconds = Math.min(Number(res.headers.get('retry-after') ?? 1) || 1, 2);
      await res.body?.cancel();
      await new Promise((r) => setTimeout(r, seconds * 500));
      res = await send();
    }
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json') ?? false;
    // Health endpoints answer plain text; keep it readable instead of failing to parse.
    return { status: res.status, body: (json ? JSON.parse(text) : { text }) as T };
  };

  return {
    request,
    get: <T = KubeObject>(path: string) => request<T>('GET', path),
    list: <T = KubeObject>(path: string) => request<T>('GET', path),
    create: <T = KubeObject>(path: string, obj: unknown) => request<T>('POST', path, obj),
    replace: <T = KubeObject>(path: string, obj: unknown) => request<T>('PUT', path, obj),
    patch: <T = KubeObject>(path: string, patch: unknown, type: PatchType = 'merge') =>
      request<T>('PATCH', path, patch, PATCH_CONTENT[type]),
    /** Server-side apply: create or update the fields this manager owns. */
    apply: <T = KubeObject>(path: string, obj: unknown, fieldManager = 'local-cluster') =>
      request<T>(
        'PATCH',
        `${path}?fieldManager=${fieldManager}&force=true&fieldValidation=Strict`,
        obj,
        PATCH_CONTENT.apply,
      ),
    delete: <T = KubeObject>(path: string) => request<T>('DELETE', path),
    /** Streams watch events until `signal` aborts or the server ends the watch. */
    watch: async (path: string, onEvent: (e: WatchEvent) => void, signal?: AbortSignal): Promise<number> => {
      const sep = path.includes('?') ? '&' : '?';
      const res = await fetch(`${opts.server}${path}${sep}watch=1&allowWatchBookmarks=true`, {
        dispatcher,
        headers: headers(),
        signal,
      });
      if (!res.ok || !res.body) return res.status;
      let buffer = '';
      const decoder = new TextDecoder();
      try {
        for await (const chunk of res.body) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl).trim();
            buffer = buffer.slice(nl + 1);
            if (line) onEvent(JSON.parse(line) as WatchEvent);
          }
        }
      } catch (e) {
        if (!signal?.aborted) throw e;
      }
      return res.status;
    },
    close: () => dispatcher.close(),
  };
};

/** A client acting as one of the local cluster's users. */
export const clientFor = (user: UserName, state: ClusterState = readClusterState()): KubeClient =>
  createClient({
    server: state.server,
    ca: readFileSync(state.caFile, 'utf8'),
    token: state.users[user].token,
  });

/** The REST path of a resource: core group when `group` is empty. */
export const resourcePath = (r: {
  group?: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}): string =>
  [
    r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`,
    r.namespace ? `namespaces/${r.namespace}` : '',
    r.plural,
    r.name ?? '',
    r.name && r.subresource ? r.subresource : '',
  ]
    .filter(Boolean)
    .join('/');
