/**
 * The plugin's client: consoleFetch (CSRF token, impersonation headers, session handling by the console; in the
 * standalone shell vite aliases the SDK to shell/sdk.ts) and browser WebSockets on the same `/api/kubernetes` path
 * that the console's Bridge (or the shell's proxy) forwards to the API server.
 */
import { consoleFetch } from '@openshift-console/dynamic-plugin-sdk';
import { createK8sClient, type FetchLike, type K8sClient, type OpenWebSocket } from './client';
import { impersonationKey, watchSubprotocols, type ConsoleImpersonation } from './impersonation';

type HttpErrorLike = { code?: number; response?: { status?: number }; json?: unknown; message?: string };

/**
 * consoleFetch rejects non-2xx responses with an HttpError whose body was already read into `json`; turn it back
 * into a Response so the client maps every status the same way in every environment.
 */
export const fetchFromConsoleFetch =
  (cf: (url: string, init?: RequestInit) => Promise<Response>): FetchLike =>
  async (url, init) => {
    try {
      return await cf(url, init);
    } catch (e) {
      const h = (typeof e === 'object' && e !== null ? e : {}) as HttpErrorLike;
      const status = h.code ?? h.response?.status;
      if (typeof status !== 'number' || status < 400) throw e; // network failure or abort: no response
      const body = h.json !== undefined ? JSON.stringify(h.json) : (h.message ?? '');
      return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
    }
  };

/**
 * Browser WebSocket. `subprotocols` carries impersonation the way the console's watches do (impersonation.ts):
 * the subprotocols the console computed when impersonation began, passed through unchanged.
 */
export const browserWebSocket =
  (subprotocols: () => string[] = () => []): OpenWebSocket =>
  (url, h) => {
    const protocols = subprotocols();
    const ws = protocols.length ? new WebSocket(url, protocols) : new WebSocket(url);
    let closed = false;
    const end = (info: Parameters<typeof h.onClose>[0]) => {
      if (closed) return;
      closed = true;
      h.onClose(info);
    };
    ws.onopen = () => h.onOpen();
    ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data === 'string') h.onMessage(ev.data);
    };
    // Browsers hide why a socket failed; onclose always follows onerror, so report once from there.
    let errored = false;
    ws.onerror = () => {
      errored = true;
    };
    ws.onclose = (ev) =>
      end({ code: ev.code, reason: ev.reason, ...(errored ? { error: 'WebSocket error' } : {}) });
    return {
      close: () => {
        closed = true; // the caller asked: no onClose callback for a deliberate close
        ws.onmessage = null;
        // Closing a socket still CONNECTING makes Chromium log "WebSocket is closed before the connection is
        // established" (every navigation away from a live page did): close it as soon as it opens instead. A
        // socket that never opens ends by itself (onerror, onclose), so nothing leaks.
        if (ws.readyState === WebSocket.CONNECTING) ws.onopen = () => ws.close();
        else ws.close();
      },
    };
  };

declare global {
  interface Window {
    SERVER_FLAGS?: { basePath?: string };
  }
}

/** Console's Bridge may be served under a base path (`SERVER_FLAGS.basePath`, default `/`). */
const apiBase = (): string => {
  const base = (typeof window !== 'undefined' && window.SERVER_FLAGS?.basePath) || '/';
  return `${base.endsWith('/') ? base : `${base}/`}api/kubernetes`;
};

/**
 * Where the console's impersonation is read (PluginQueries.tsx registers the console's redux store). Outside the
 * console (shell, tests) there is none.
 */
let impersonation: () => ConsoleImpersonation | undefined = () => undefined;
export const setImpersonationSource = (read: () => ConsoleImpersonation | undefined): void => {
  impersonation = read;
};

const instances = new Map<string, K8sClient>();

/**
 * The client for the identity the console acts as now: one per impersonation, so each has its own watches (the
 * watch registry is per client) opened with that impersonation's subprotocols. Created on first use so that
 * importing this module never touches `window` (Node tests mock the SDK).
 */
export const getConsoleK8sClient = (): K8sClient => {
  const imp = impersonation();
  const key = impersonationKey(imp);
  let client = instances.get(key);
  if (!client) {
    client = createK8sClient({
      baseUrl: apiBase(),
      fetch: fetchFromConsoleFetch(consoleFetch),
      openWebSocket: browserWebSocket(() => watchSubprotocols(imp)),
    });
    instances.set(key, client);
  }
  return client;
};
