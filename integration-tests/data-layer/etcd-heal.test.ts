// Issue #11, point 2, against a real API server whose etcd goes back in time or is replaced: the live list (what
// every page shows) heals. This test starts a cluster of its own (its etcd is restored and wiped; the shared
// one is left alone). No ghosts, no duplicates, and the status says "reconnecting" until the data is true again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from '../../src/domain/kube/meta';
import { ConfigMapModel, NamespaceModel } from '../../src/k8s/models';
import { createListWatch, type WatchStatus } from '../../src/k8s/watch';
import { down, etcdData, up } from '../cluster/cluster';
import { configMap, duplicates, recordingStore, waitFor } from './helpers';
import { nodeK8s, type NodeK8s } from './nodeClient';

type CM = K8sObject & { data?: Record<string, string> };
const NS = 'heal';
const LABEL = { 'vmnet-test': 'etcd-heal' };
const previousDir = process.env.LOCAL_CLUSTER_DIR;
const dir = mkdtempSync(join(tmpdir(), 'vmnet-etcd-heal-'));
let admin: NodeK8s;

beforeAll(async () => {
  process.env.LOCAL_CLUSTER_DIR = dir;
  const { state } = await up();
  admin = nodeK8s('admin', state);
}, 600_000);

afterAll(async () => {
  await admin?.close();
  await down();
  if (previousDir === undefined) delete process.env.LOCAL_CLUSTER_DIR;
  else process.env.LOCAL_CLUSTER_DIR = previousDir;
  rmSync(dir, { recursive: true, force: true });
});

const create = async (name: string) => {
  const r = await admin.client.create(ConfigMapModel, configMap(NS, name, {}, LABEL));
  if (!r.ok) throw new Error(`create ${name}: ${r.error.message}`);
};
const ensureNamespace = async () => {
  const r = await admin.client.create(NamespaceModel, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: NS },
  });
  if (!r.ok && r.error.reason !== 'AlreadyExists') throw new Error(r.error.message);
};
const serverNames = async () => {
  const r = await admin.client.listAll(ConfigMapModel, {
    namespace: NS,
    labelSelector: 'vmnet-test=etcd-heal',
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.items.map((i) => i.metadata.name).sort();
};

const liveList = () => {
  const rec = recordingStore<CM>();
  const states: WatchStatus['state'][] = [];
  const w = createListWatch({
    client: admin.client,
    model: ConfigMapModel,
    namespace: NS,
    labelSelector: 'vmnet-test=etcd-heal',
    store: rec.store,
    backoff: () => 300,
    idleTimeout: 3_000, // 2 minutes in the app
  });
  w.subscribe(() => states.push(w.getStatus().state));
  return { rec, states, w };
};

const caughtUp = async (rec: ReturnType<typeof recordingStore<CM>>, w: { getStatus: () => WatchStatus }) => {
  await waitFor(
    'the live list equals the server',
    async () =>
      w.getStatus().state === 'live' && JSON.stringify(rec.names()) === JSON.stringify(await serverNames()),
    120_000,
  );
};

describe('live lists across etcd restore and replacement', () => {
  it('etcd restored from a backup under a live list: the newer object goes, nothing doubles', async () => {
    await ensureNamespace();
    await create('kept');
    await etcdData('snapshot');
    await create('after-backup');
    const { rec, states, w } = liveList();
    w.start();
    await waitFor('live with both', () => w.getStatus().state === 'live' && rec.names().length === 2, 60_000);

    states.length = 0;
    await etcdData('restore');
    await caughtUp(rec, w);
    expect(rec.names()).toEqual(['kept']);
    expect(duplicates(rec.current()?.items ?? [])).toEqual([]);
    expect(states).toContain('reconnecting');
    // A working watch again.
    await create('later');
    await waitFor('later seen', () => rec.names().includes('later'), 30_000);
    w.stop();
  });

  it('the API server restarted with a new, empty etcd: the list empties, then follows the new cluster', async () => {
    await ensureNamespace();
    await create('old');
    const { rec, states, w } = liveList();
    w.start();
    await waitFor('live', () => w.getStatus().state === 'live' && rec.names().includes('old'), 60_000);

    states.length = 0;
    await etcdData('wipe');
    await caughtUp(rec, w);
    expect(rec.names()).toEqual([]);
    expect(states).toContain('reconnecting');
    await ensureNamespace();
    await create('new');
    await waitFor('new seen', () => JSON.stringify(rec.names()) === '["new"]', 60_000);
    expect(duplicates(rec.current()?.items ?? [])).toEqual([]);
    w.stop();
  });
});
