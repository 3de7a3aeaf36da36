// 10,000 objects: the client pages through them (limit/continue) and returns each exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigMapModel } from '../../src/k8s/models';
import { listQuery } from '../../src/k8s/queries';
import { QueryClient } from '@tanstack/react-query';
import { BULK, createConfigMaps, createNamespace, deleteNamespace, duplicates } from './helpers';
import { nodeK8s } from './nodeClient';

const COUNT = 10_000;
const admin = nodeK8s('admin');
let ns = '';

beforeAll(async () => {
  ns = await createNamespace(admin.client, 'dl-10k');
  await createConfigMaps(admin.client, ns, COUNT, 48);
}, 600_000);
afterAll(async () => {
  await deleteNamespace(admin.client, ns);
  await admin.close();
});

describe('10,000 objects', () => {
  it('paginated listAll returns all of them once', async () => {
    const r = await admin.client.listAll(ConfigMapModel, {
      namespace: ns,
      labelSelector: BULK,
      pageSize: 500,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.items).toHaveLength(COUNT);
    expect(duplicates(r.value.items)).toEqual([]);
    expect(r.value.resourceVersion).not.toBe('');
  });

  it('a single page stops at the limit and hands out a continue token', async () => {
    const r = await admin.client.list(ConfigMapModel, { namespace: ns, labelSelector: BULK, limit: 1000 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.items).toHaveLength(1000);
    expect(r.value.metadata.continue).toBeTruthy();
  });

  it('the react-query list query caches the full list', async () => {
    const qc = new QueryClient();
    const data = await qc.fetchQuery(
      listQuery(admin.client, ConfigMapModel, { namespace: ns, labelSelector: BULK }),
    );
    expect(data.items).toHaveLength(COUNT);
    expect(
      qc.getQueryData(
        listQuery(admin.client, ConfigMapModel, { namespace: ns, labelSelector: BULK }).queryKey,
      )?.items,
    ).toHaveLength(COUNT);
  });
});
