// Issue #11, point 2: watches heal against the real API server. A cache whose resourceVersion the server has
// never reached (what a page holds after etcd was restored from a backup or replaced by a fresh one: the server
// accepts the resume and then stays silent, or refuses it with 504, never 410) relists after a few failed
// resumes; a
// socket that stops answering (a TCP proxy that stalls it, as a half-open connection would) is replaced after the
// idle timeout and resumes. No duplicates, no ghosts, and the status never claims live while it is not.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from '../../src/domain/kube/meta';
import { ConfigMapModel } from '../../src/k8s/models';
import { createListWatch, type WatchStatus } from '../../src/k8s/watch';
import { readClusterState } from '../cluster/state';
import { configMap, createNamespace, deleteNamespace, duplicates, recordingStore, waitFor } from './helpers';
import { nodeK8s } from './nodeClient';

type CM = K8sObject & { data?: Record<string, string> };

const admin = nodeK8s('admin');
let ns = '';
beforeAll(async () => {
  ns = await createNamespace(admin.client, 'dl-heal');
});
afterAll(async () => {
  await deleteNamespace(admin.client, ns);
  await admin.close();
});

const serverNames = async () => {
  const r = await admin.client.listAll(ConfigMapModel, { namespace: ns });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.items.map((i) => i.metadata.name).sort();
};

/** A TCP proxy to the API server whose open connections can be frozen (bytes held, sockets left open). */
const stallingProxy = async (target: URL) => {
  const pairs: { client: Socket; upstream: Socket }[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    pairs.push({ client, upstream });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${port}`,
    /** Existing connections stop moving bytes either way; new ones work. */
    stall: () => {
      for (const { client, upstream } of pairs.splice(0)) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    close: () =>
      new Promise<void>((r) => {
        for (const { client, upstream } of pairs) {
          client.destroy();
          upstream.destroy();
        }
        server.close(() => r());
      }),
  };
};

describe('watches heal', () => {
  it('a resourceVersion the server does not know (etcd restored or replaced): relists, no ghosts', async () => {
    await admin.client.create(ConfigMapModel, configMap(ns, 'real'));
    const now = await admin.client.list(ConfigMapModel, { namespace: ns, limit: 1 });
    if (!now.ok) throw new Error(now.error.message);
    const future = String(Number(now.value.metadata.resourceVersion) + 10_000_000);
    const rec = recordingStore<CM>();
    rec.store.set({ items: [configMap(ns, 'ghost'), configMap(ns, 'real')], resourceVersion: future });
    const states: WatchStatus['state'][] = [];
    const w = createListWatch({
      client: admin.client,
      model: ConfigMapModel,
      namespace: ns,
      store: rec.store,
      backoff: () => 200,
      idleTimeout: 3_000, // 2 minutes in the app; no bookmark arrives on a resume from the future either way
    });
    w.subscribe(() => states.push(w.getStatus().state));
    w.start();
    await waitFor(
      'relisted and live',
      () => rec.current()?.resourceVersion !== future && w.getStatus().state === 'live',
      90_000,
    );
    expect(rec.names()).toEqual(await serverNames());
    expect(rec.names()).not.toContain('ghost');
    expect(duplicates(rec.current()?.items ?? [])).toEqual([]);
    // Before the relist the status said so (reconnecting after each silent resume).
    expect(states).toContain('reconnecting');
    // And it is a working watch again.
    await admin.client.create(ConfigMapModel, configMap(ns, 'after'));
    await waitFor('after seen', () => rec.names().includes('after'));
    w.stop();
  });

  it('a socket that stops answering is replaced after the idle timeout and catches up', async () => {
    const proxy = await stallingProxy(new URL(readClusterState().server));
    const viaProxy = nodeK8s('admin', { ...readClusterState(), server: proxy.url });
    try {
      const rec = recordingStore<CM>();
      const states: WatchStatus['state'][] = [];
      const w = createListWatch({
        client: { ...admin.client, watch: viaProxy.client.watch },
        model: ConfigMapModel,
        namespace: ns,
        store: rec.store,
        backoff: () => 200,
        idleTimeout: 4_000,
      });
      w.subscribe(() => states.push(w.getStatus().state));
      w.start();
      await waitFor('live', () => w.getStatus().state === 'live');
      await admin.client.create(ConfigMapModel, configMap(ns, 'before-stall'));
      await waitFor('before-stall seen', () => rec.names().includes('before-stall'));

      proxy.stall();
      states.length = 0;
      await admin.client.create(ConfigMapModel, configMap(ns, 'during-stall'));
      await admin.client.delete(ConfigMapModel, { namespace: ns, name: 'before-stall' });
      await waitFor(
        'caught up on a new socket',
        async () =>
          w.getStatus().state === 'live' &&
          JSON.stringify(rec.names()) === JSON.stringify(await serverNames()),
        60_000,
      );
      expect(states[0]).toBe('reconnecting');
      expect(rec.names()).toContain('during-stall');
      expect(rec.names()).not.toContain('before-stall');
      expect(duplicates(rec.current()?.items ?? [])).toEqual([]);
      w.stop();
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });
});
