import { describe, expect, it, vi } from 'vitest';
import type { VM } from '../domain/kube/vm';
import { createK8sClient, type FetchLike } from './client';
import { ConfigMapModel, NamespaceModel, VirtualMachineModel } from './models';

type Call = { url: string; method: string; body?: string; headers: Record<string, string> };

const recorder = (respond: (c: Call) => Response | Promise<Response>) => {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const c = {
      url,
      method: init.method ?? 'GET',
      body: init.body as string | undefined,
      headers: init.headers as Record<string, string>,
    };
    calls.push(c);
    return respond(c);
  };
  const client = createK8sClient({ baseUrl: 'https://api:6443', fetch, openWebSocket: vi.fn() });
  return { calls, client };
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const vm = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'ns' },
} as unknown as VM;

describe('createK8sClient', () => {
  it('builds core, group, namespaced and cluster paths with selectors', async () => {
    const { calls, client } = recorder(() => json({ metadata: {}, items: [] }));
    await client.list(VirtualMachineModel, { namespace: 'ns', labelSelector: 'a=b,c', limit: 10 });
    await client.list(NamespaceModel, { namespace: 'ignored' });
    await client.get(ConfigMapModel, { namespace: 'n s', name: 'x' });
    expect(calls.map((c) => c.url)).toEqual([
      'https://api:6443/apis/kubevirt.io/v1/namespaces/ns/virtualmachines?labelSelector=a%3Db%2Cc&limit=10',
      'https://api:6443/api/v1/namespaces',
      'https://api:6443/api/v1/namespaces/n%20s/configmaps/x',
    ]);
  });

  it('writes: dry run, content types, namespace from the object', async () => {
    const { calls, client } = recorder(() => json(vm, 201));
    await client.create(VirtualMachineModel, vm, { dryRun: true });
    await client.jsonPatch(
      VirtualMachineModel,
      { namespace: 'ns', name: 'vm1' },
      [{ op: 'remove', path: '/x' }],
      {
        dryRun: true,
      },
    );
    await client.mergePatch(VirtualMachineModel, { namespace: 'ns', name: 'vm1' }, { spec: {} });
    await client.delete(
      VirtualMachineModel,
      { namespace: 'ns', name: 'vm1' },
      { propagationPolicy: 'Foreground' },
    );
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers['Content-Type'] ?? '-'}`)).toEqual([
      'POST https://api:6443/apis/kubevirt.io/v1/namespaces/ns/virtualmachines?dryRun=All application/json',
      'PATCH https://api:6443/apis/kubevirt.io/v1/namespaces/ns/virtualmachines/vm1?dryRun=All application/json-patch+json',
      'PATCH https://api:6443/apis/kubevirt.io/v1/namespaces/ns/virtualmachines/vm1 application/merge-patch+json',
      'DELETE https://api:6443/apis/kubevirt.io/v1/namespaces/ns/virtualmachines/vm1?propagationPolicy=Foreground -',
    ]);
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual([{ op: 'remove', path: '/x' }]);
  });

  it('errors are values, never exceptions', async () => {
    const { client } = recorder(() =>
      json({ kind: 'Status', code: 404, reason: 'NotFound', message: 'virtualmachines "x" not found' }, 404),
    );
    expect(await client.get(VirtualMachineModel, { namespace: 'ns', name: 'x' })).toEqual({
      ok: false,
      error: { kind: 'not-found', status: 404, reason: 'NotFound', message: 'virtualmachines "x" not found' },
    });
    const down = createK8sClient({
      baseUrl: 'https://api:6443',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      openWebSocket: vi.fn(),
    });
    expect(await down.list(VirtualMachineModel)).toEqual({
      ok: false,
      error: { kind: 'unreachable', message: 'fetch failed' },
    });
  });

  it('listAll follows continue tokens and returns the last page resourceVersion', async () => {
    const pages: Record<string, unknown> = {
      '': { metadata: { continue: 'p2', resourceVersion: '5' }, items: [{ metadata: { name: 'a' } }] },
      p2: { metadata: { continue: 'p3', resourceVersion: '5' }, items: [{ metadata: { name: 'b' } }] },
      p3: { metadata: { resourceVersion: '5' }, items: [{ metadata: { name: 'c' } }] },
    };
    const { calls, client } = recorder((c) => json(pages[new URL(c.url).searchParams.get('continue') ?? '']));
    const r = await client.listAll(ConfigMapModel, { namespace: 'ns', pageSize: 1 });
    expect(r.ok && r.value.items.map((i) => i.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(r.ok && r.value.resourceVersion).toBe('5');
    expect(calls).toHaveLength(3);
    expect(calls[0]?.url).toContain('limit=1');
  });

  it('listAll starts over when a continue token expired (410)', async () => {
    let n = 0;
    const { client } = recorder((c) => {
      n++;
      const cont = new URL(c.url).searchParams.get('continue');
      if (cont && n === 2)
        return json({ kind: 'Status', code: 410, reason: 'Expired', message: 'expired' }, 410);
      return cont
        ? json({ metadata: { resourceVersion: '9' }, items: [{ metadata: { name: 'b' } }] })
        : json({ metadata: { continue: 'c', resourceVersion: '9' }, items: [{ metadata: { name: 'a' } }] });
    });
    const r = await client.listAll(ConfigMapModel, { pageSize: 1 });
    expect(r.ok && r.value.items.map((i) => i.metadata.name)).toEqual(['a', 'b']);
    expect(n).toBe(4);
  });

  it('watch opens the same path over ws(s) with resourceVersion and bookmarks', () => {
    const openWebSocket = vi.fn(() => ({ close: vi.fn() }));
    const client = createK8sClient({ baseUrl: 'https://api:6443', fetch: vi.fn(), openWebSocket });
    client.watch(
      VirtualMachineModel,
      { namespace: 'ns', resourceVersion: '42', labelSelector: 'a=b' },
      {
        onOpen: vi.fn(),
        onMessage: vi.fn(),
        onClose: vi.fn(),
      },
    );
    expect(openWebSocket).toHaveBeenCalledWith(
      'wss://api:6443/apis/kubevirt.io/v1/namespaces/ns/virtualmachines?watch=true&resourceVersion=42&allowWatchBookmarks=true&labelSelector=a%3Db',
      expect.anything(),
    );
  });
});
