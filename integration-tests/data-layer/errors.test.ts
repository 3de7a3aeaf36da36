// Errors are values the views can show, straight from the real API server; tenants see only their namespaces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccess, readableNamespaces } from '../../src/k8s/access';
import { fetchDiscovery, isApiAvailable } from '../../src/k8s/discovery';
import {
  ConfigMapModel,
  SriovNetworkModel,
  VirtualMachineModel,
  NetworkAttachmentDefinitionModel,
} from '../../src/k8s/models';
import { configMap, createNamespace, deleteNamespace } from './helpers';
import { nodeK8s } from './nodeClient';

const admin = nodeK8s('admin');
const tenantA = nodeK8s('tenant-a');
let ns = '';
beforeAll(async () => {
  ns = await createNamespace(admin.client, 'dl-errors');
});
afterAll(async () => {
  await deleteNamespace(admin.client, ns);
  await Promise.all([admin.close(), tenantA.close()]);
});

describe('K8sError values from the API server', () => {
  it('403 names the missing permission', async () => {
    const r = await tenantA.client.list(VirtualMachineModel, { namespace: 'tenant-b' });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'forbidden',
        status: 403,
        missingPermission: {
          verb: 'list',
          resource: 'virtualmachines',
          group: 'kubevirt.io',
          namespace: 'tenant-b',
        },
      },
    });
  });

  it('404, 409 and a 422 dry run with field paths', async () => {
    const missing = await admin.client.get(ConfigMapModel, { namespace: ns, name: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });

    expect((await admin.client.create(ConfigMapModel, configMap(ns, 'twice'))).ok).toBe(true);
    const again = await admin.client.create(ConfigMapModel, configMap(ns, 'twice'));
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', reason: 'AlreadyExists' } });

    const invalid = await admin.client.create(ConfigMapModel, configMap(ns, 'Not_Valid'), { dryRun: true });
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'invalid', status: 422 } });
    expect(!invalid.ok && invalid.error.fieldIssues?.map((i) => [i.field, i.code])).toEqual([
      ['metadata.name', 'server'],
    ]);
  });

  it('dry run validates without persisting', async () => {
    const r = await admin.client.create(ConfigMapModel, configMap(ns, 'dry'), { dryRun: true });
    expect(r.ok).toBe(true);
    expect(await admin.client.get(ConfigMapModel, { namespace: ns, name: 'dry' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });

  it('unreachable when nothing listens', async () => {
    const { createK8sClient } = await import('../../src/k8s/client');
    const dead = createK8sClient({
      baseUrl: 'https://127.0.0.1:1',
      fetch: admin.fetch,
      openWebSocket: () => ({ close: () => undefined }),
    });
    expect(await dead.list(ConfigMapModel)).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });
});

describe('namespace scope and discovery', () => {
  it('admin lists cluster-wide; tenant-a gets only its own namespaces from the hints', async () => {
    expect(await readableNamespaces(admin.client, VirtualMachineModel)).toEqual({
      ok: true,
      value: { kind: 'cluster' },
    });
    const r = await readableNamespaces(tenantA.client, VirtualMachineModel, {
      hints: ['tenant-a', 'tenant-a-dev', 'tenant-b', 'default'],
    });
    expect(r.ok && r.value.kind === 'namespaces' && r.value.namespaces).toEqual(['tenant-a', 'tenant-a-dev']);
    expect(
      await checkAccess(tenantA.client, { verb: 'list', group: 'kubevirt.io', resource: 'virtualmachines' }),
    ).toEqual({
      ok: true,
      value: expect.objectContaining({ allowed: false }),
    });
  });

  it('discovery: installed CRDs are available, an API group the server does not serve is not', async () => {
    const nad = await fetchDiscovery(admin.client, NetworkAttachmentDefinitionModel);
    expect(nad.ok && isApiAvailable(nad.value, NetworkAttachmentDefinitionModel)).toBe(true);
    const absent = { ...SriovNetworkModel, group: 'absent.example.com' };
    const r = await fetchDiscovery(admin.client, absent);
    expect(r).toEqual({ ok: true, value: null });
    expect(isApiAvailable(r.ok ? r.value : undefined, absent)).toBe(false);
  });
});
