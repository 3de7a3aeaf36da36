/**
 * The plugin's K8sClient wired for Node: undici fetch with the cluster CA and a bearer token, and the `ws`
 * package for watches (same paths the console proxies, straight to the API server). Used by the data-layer
 * integration tests and by bench/data-layer.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import WebSocket from 'ws';
import { createK8sClient, type FetchLike, type K8sClient, type OpenWebSocket } from '../../src/k8s/client';
import type { ClusterState, UserName } from '../cluster/state';

/**
 * Same location as cluster/state.ts readClusterState(), which cannot be imported in jsdom test files: there
 * import.meta.url is not a file: URL. Tests and benches run from the project root.
 */
const readState = (): ClusterState =>
  JSON.parse(
    readFileSync(join(resolve(process.env.LOCAL_CLUSTER_DIR ?? '.local-cluster'), 'state.json'), 'utf8'),
  ) as ClusterState;

export type NodeK8s = { client: K8sClient; fetch: FetchLike; close: () => Promise<void> };

/** A message's text: one Buffer, or the fragments of one. */
const textOf = (data: WebSocket.RawData): string =>
  (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString();

const wsOpener =
  (ca: string, token: string, origin: string): OpenWebSocket =>
  (url, h) => {
    // The API server's WebSocket handler (golang.org/x/net/websocket) answers 403 to a handshake without an
    // Origin header; browsers always send one.
    const ws = new WebSocket(url, { ca, origin, headers: { Authorization: `Bearer ${token}` } });
    let done = false;
    let lastError: string | undefined;
    const end = (info: Parameters<typeof h.onClose>[0]) => {
      if (done) return;
      done = true;
      h.onClose(info);
    };
    ws.on('open', () => h.onOpen());
    ws.on('message', (data: WebSocket.RawData) => h.onMessage(textOf(data)));
    // An upgrade answered with a plain HTTP status (401/403/410…): report it, as browsers cannot.
    ws.on('unexpected-response', (req, res) => {
      res.resume();
      req.destroy();
      end({ httpStatus: res.statusCode ?? 0, error: `HTTP ${res.statusCode ?? '?'}` });
    });
    ws.on('error', (e: Error) => {
      lastError = e.message;
    });
    ws.on('close', (code: number, reason: Buffer) =>
      end({ code, reason: reason.toString(), ...(lastError ? { error: lastError } : {}) }),
    );
    return {
      close: () => {
        done = true;
        ws.terminate();
      },
    };
  };

/** A client acting as one of the local cluster's users. */
export const nodeK8s = (user: UserName = 'admin', state: ClusterState = readState()): NodeK8s => {
  const ca = readFileSync(state.caFile, 'utf8');
  const token = state.users[user].token;
  const dispatcher = new Agent({ connect: { ca }, connections: 32 });
  const fetch: FetchLike = (url, init) =>
    undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
    }) as unknown as Promise<Response>;
  const client = createK8sClient({
    baseUrl: state.server,
    fetch,
    openWebSocket: wsOpener(ca, token, state.server),
  });
  return { client, fetch, close: () => dispatcher.close() };
};
