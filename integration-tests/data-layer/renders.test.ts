// @vitest-environment jsdom
// A burst of 1,000 watch events from the real API server causes fewer than 60 renders of a list view.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { createElement, useRef } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigMapModel, VirtualMachineModel } from '../../src/k8s/models';
import { listQuery } from '../../src/k8s/queries';
import { createConfigMaps, createNamespace, deleteNamespace, waitFor } from './helpers';
import { nodeK8s } from './nodeClient';

// K8sContext falls back to the console client, whose SDK module only exists inside the console.
vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));
const { K8sContext } = await import('../../src/k8s/K8sContext');
const { useWatchList } = await import('../../src/k8s/useWatchList');
const { useWatchResources } = await import('../../src/k8s/useWatchResources');

const BURST = 1000;
const admin = nodeK8s('admin');
const tenantA = nodeK8s('tenant-a');
let ns = '';
beforeAll(async () => {
  ns = await createNamespace(admin.client, 'dl-render');
});
afterEach(cleanup);
// Updates here come from a real server in real time, not from inside act(): tell React not to expect act.
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(async () => {
  await deleteNamespace(admin.client, ns);
  await Promise.all([admin.close(), tenantA.close()]);
});

const renderCounting = (qc: QueryClient, client = admin.client) => {
  const seen = { renders: 0, size: 0, state: '' };
  const List = () => {
    const count = useRef(0);
    count.current++;
    const { data, connection } = useWatchList(ConfigMapModel, { namespace: ns });
    seen.renders = count.current;
    // Only ours: the controller manager adds kube-root-ca.crt to every namespace.
    seen.size = data.filter((d) => d.metadata.name.startsWith('cm-')).length;
    seen.state = connection.state;
    return createElement('ul', null, `${data.length}`);
  };
  render(
    createElement(
      QueryClientProvider,
      { client: qc },
      createElement(K8sContext.Provider, { value: { client } }, createElement(List)),
    ),
  );
  return seen;
};

describe('render budget (jsdom, requestAnimationFrame batching)', () => {
  it('1,000 events replayed by the server in one burst: < 60 renders', async () => {
    const qc = new QueryClient();
    // The view's cache holds the empty list at resourceVersion R; the objects are created after R, so when the
    // view mounts the server replays all 1,000 ADDED events at once: a true burst from the real server.
    await qc.fetchQuery(listQuery(admin.client, ConfigMapModel, { namespace: ns }));
    await createConfigMaps(admin.client, ns, BURST, 48);
    const seen = renderCounting(qc);
    await waitFor('all events applied', () => seen.size === BURST, 60_000);
    console.log(`burst replay: ${BURST} events → ${seen.renders} renders`);
    expect(seen.renders).toBeLessThan(60);
  });

  it('1,000 live DELETED events (delete collection while watching): one render per 100 ms at most', async () => {
    const qc = new QueryClient();
    await createConfigMaps(admin.client, ns, BURST, 48); // already there when the first test ran: no-op
    const seen = renderCounting(qc);
    await waitFor('live with all objects', () => seen.state === 'live' && seen.size === BURST, 60_000);
    const before = seen.renders;
    const t0 = performance.now();
    // The server deletes one by one, so the events arrive as a stream over a second or more, not one burst.
    const r = await admin.fetch(`${admin.client.baseUrl}/api/v1/namespaces/${ns}/configmaps`, {
      method: 'DELETE',
    });
    expect(r.status).toBe(200);
    await r.body?.cancel(); // an unread body holds the pooled connection until the dispatcher closes
    await waitFor('all deletions applied', () => seen.size === 0, 60_000);
    const ms = performance.now() - t0;
    const renders = seen.renders - before;
    console.log(`live stream: ${BURST} DELETED events over ${ms.toFixed(0)} ms → ${renders} renders`);
    expect(renders).toBeLessThanOrEqual(Math.ceil(ms / 100) + 2);
  });

  it('useWatchResources: tenant-a sees its namespaces merged, without a cluster-wide list', async () => {
    const qc = new QueryClient();
    const seen = { names: [] as string[], loaded: false };
    const View = () => {
      const { data, loaded } = useWatchResources(VirtualMachineModel);
      seen.loaded = loaded;
      seen.names = [...new Set(data.map((d) => d.metadata.namespace ?? ''))].sort();
      return null;
    };
    const hints = ['tenant-a', 'tenant-a-dev', 'tenant-b'];
    render(
      createElement(
        QueryClientProvider,
        { client: qc },
        createElement(
          K8sContext.Provider,
          { value: { client: tenantA.client, namespaceHints: hints } },
          createElement(View),
        ),
      ),
    );
    await waitFor('loaded', () => seen.loaded, 60_000);
    expect(seen.names.every((n) => n === 'tenant-a' || n === 'tenant-a-dev')).toBe(true);
    const cached = qc
      .getQueryCache()
      .findAll({ queryKey: ['k8s', 'list'] })
      .map((q) => q.queryKey[5]);
    expect(cached.sort()).toEqual(['tenant-a', 'tenant-a-dev']);
  });
});
