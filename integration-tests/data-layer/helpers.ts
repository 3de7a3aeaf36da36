// Shared by the data-layer integration tests and the bench: throwaway namespaces, bulk creation, polling.
import { randomBytes } from 'node:crypto';
import type { K8sObject } from '../../src/domain/kube/meta';
import type { K8sClient, ListSnapshot } from '../../src/k8s/client';
import { ConfigMapModel, NamespaceModel } from '../../src/k8s/models';
import type { ListStore } from '../../src/k8s/watch';

export const suffix = (): string => randomBytes(3).toString('hex');

export const createNamespace = async (client: K8sClient, prefix: string): Promise<string> => {
  const name = `${prefix}-${suffix()}`;
  const r = await client.create(NamespaceModel, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  if (!r.ok) throw new Error(`create namespace ${name}: ${r.error.message}`);
  return name;
};

export const deleteNamespace = async (client: K8sClient, name: string): Promise<void> => {
  await client.delete(NamespaceModel, { name });
};

/** Label on bulk-created objects: the controller manager adds kube-root-ca.crt to every namespace too. */
export const BULK = 'vmnet-test/bulk=true';

export const configMap = (
  namespace: string,
  name: string,
  data: Record<string, string> = {},
  labels?: Record<string, string>,
) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, ...(labels ? { labels } : {}) },
  data,
});

/** Runs `fn(i)` for i in [0, count) with at most `concurrency` in flight; throws on the first failure. */
export const forEachLimit = async (
  count: number,
  concurrency: number,
  fn: (i: number) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
};

export const createConfigMaps = (client: K8sClient, namespace: string, count: number, concurrency = 32) =>
  forEachLimit(count, concurrency, async (i) => {
    const r = await client.create(
      ConfigMapModel,
      configMap(namespace, `cm-${String(i).padStart(5, '0')}`, { i: `${i}` }, { 'vmnet-test/bulk': 'true' }),
    );
    if (!r.ok && r.error.reason !== 'AlreadyExists') throw new Error(`create cm-${i}: ${r.error.message}`);
  });

export const waitFor = async (
  what: string,
  cond: () => boolean | Promise<boolean>,
  ms = 60_000,
): Promise<void> => {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** A ListStore in memory that remembers every write, for assertions on what views would have rendered. */
export const recordingStore = <T extends K8sObject>() => {
  let data: ListSnapshot<T> | undefined;
  const writes: ListSnapshot<T>[] = [];
  const store: ListStore<T> = {
    get: () => data,
    set: (s) => {
      data = s;
      writes.push(s);
    },
  };
  return {
    store,
    writes,
    current: () => data,
    names: () => (data?.items ?? []).map((i) => i.metadata.name).sort(),
  };
};

/** Names that occur more than once in a list (a duplicate is a bug: one entry per object). */
export const duplicates = (items: readonly K8sObject[]): string[] => {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const i of items) {
    const k = `${i.metadata.namespace}/${i.metadata.name}`;
    if (seen.has(k)) dups.push(k);
    seen.add(k);
  }
  return dups;
};
