// Live lists against the real API server: event order, 410 Gone → relist, and an API-server restart mid-watch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from '../../src/domain/kube/meta';
import { ConfigMapModel } from '../../src/k8s/models';
import type { Scheduler } from '../../src/k8s/schedule';
import { createListWatch, type WatchStatus } from '../../src/k8s/watch';
import { restartApiServer } from '../cluster/cluster';
import {
  configMap,
  createConfigMaps,
  createNamespace,
  deleteNamespace,
  duplicates,
  recordingStore,
  waitFor,
} from './helpers';
import { nodeK8s } from './nodeClient';

type CM = K8sObject & { data?: Record<string, string> };

const admin = nodeK8s('admin');
let ns = '';
beforeAll(async () => {
  ns = await createNamespace(admin.client, 'dl-watch');
});
afterAll(async () => {
  await deleteNamespace(admin.client, ns);
  await admin.close();
});

/** Flushes every event on its own, so the test sees each state a view could have shown. */
const immediate: Scheduler = (cb) => {
  cb();
  return () => undefined;
};

const serverNames = async (namespace: string) => {
  const r = await admin.client.listAll(ConfigMapModel, { namespace });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.items.map((i) => i.metadata.name).sort();
};

describe('live list (list + WebSocket watch)', () => {
  it('delivers create, update and delete in order', async () => {
    const rec = recordingStore<CM>();
    const w = createListWatch({
      client: admin.client,
      model: ConfigMapModel,
      namespace: ns,
      store: rec.store,
      schedule: immediate,
      minFlushInterval: 0,
    });
    w.start();
    await waitFor('live', () => w.getStatus().state === 'live');
    const c = admin.client;
    expect((await c.create(ConfigMapModel, configMap(ns, 'order', { v: '1' }))).ok).toBe(true);
    expect(
      (await c.mergePatch(ConfigMapModel, { namespace: ns, name: 'order' }, { data: { v: '2' } })).ok,
    ).toBe(true);
    expect(
      (await c.mergePatch(ConfigMapModel, { namespace: ns, name: 'order' }, { data: { v: '3' } })).ok,
    ).toBe(true);
    expect((await c.delete(ConfigMapModel, { namespace: ns, name: 'order' })).ok).toBe(true);
    await waitFor('delete seen', () => rec.writes.length >= 4 && !rec.names().includes('order'));
    const seen = rec.writes
      .map((s) => s.items.find((i) => i.metadata.name === 'order')?.data?.v ?? 'gone')
      .filter((v, i, all) => v !== all[i - 1]); // a bookmark re-writes the same items
    // The initial (empty) list, then one state per event, in the order they happened.
    expect(seen).toEqual(['gone', '1', '2', '3', 'gone']);
    w.stop();
  });

  it('a watch from resourceVersion "1" gets 410 Gone and relists: no ghosts, no duplicates', async () => {
    await createConfigMaps(admin.client, ns, 5);
    const rec = recordingStore<CM>();
    // A stale cache from "long ago": one object that no longer exists, and an ancient resourceVersion.
    rec.store.set({ items: [configMap(ns, 'ghost')], resourceVersion: '1' });
    let lists = 0;
    const client: typeof admin.client = {
      ...admin.client,
      listAll: (...args) => {
        lists++;
        return admin.client.listAll(...args);
      },
    };
    const w = createListWatch({ client, model: ConfigMapModel, namespace: ns, store: rec.store });
    w.start();
    expect(lists).toBe(0); // resumes from the cached resourceVersion first
    await waitFor('relisted', () => rec.current()?.resourceVersion !== '1' && w.getStatus().state === 'live');
    expect(lists).toBe(1);
    expect(rec.names()).toEqual(await serverNames(ns));
    expect(rec.names()).not.toContain('ghost');
    expect(duplicates(rec.current()?.items ?? [])).toEqual([]);
    w.stop();
  });

  it('API server restarted mid-watch: reconnects, catches up, no duplicates', async () => {
    const rec = recordingStore<CM>();
    const states: WatchStatus['state'][] = [];
    const w = createListWatch({
      client: admin.client,
      model: ConfigMapModel,
      namespace: ns,
      store: rec.store,
      backoff: () => 200, // keep the test short; backoff growth is unit-tested
    });
    w.subscribe(() => states.push(w.getStatus().state));
    w.start();
    await waitFor('live', () => w.getStatus().state === 'live');
    await admin.client.create(ConfigMapModel, configMap(ns, 'before-restart'));
    await waitFor('before-restart seen', () => rec.names().includes('before-restart'));

    await restartApiServer();
    // Changes the watcher missed while it was disconnected.
    await admin.client.create(ConfigMapModel, configMap(ns, 'after-restart'));
    await admin.client.delete(ConfigMapModel, { namespace: ns, name: 'before-restart' });

    await waitFor(
      'caught up',
      async () =>
        w.getStatus().state === 'live' &&
        JSON.stringify(rec.names()) === JSON.stringify(await serverNames(ns)),
      120_000,
    );
    expect(states).toContain('reconnecting');
    expect(rec.names()).toContain('after-restart');
    expect(rec.names()).not.toContain('before-restart');
    expect(duplicates(rec.current()?.items ?? [])).toEqual([]);
    // And it stays live: a change after the catch-up still arrives.
    await admin.client.create(ConfigMapModel, configMap(ns, 'later'));
    await waitFor('later seen', () => rec.names().includes('later'));
    w.stop();
  });
});
