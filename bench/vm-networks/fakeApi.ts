/**
 * An in-memory API server for the harness page: the plugin's real K8sClient (createK8sClient) over a `fetch` that
 * answers from generated data, so the bench times rendering, not the network (bench/data-layer times the real
 * API server). Lists are serialized before the page mounts and handed out once, so parsing is the only list cost
 * left before "data available" and the strings do not linger in the heap measured after load.
 */
import { aNAD, manyVMs } from '../../src/domain/testing/fixtures';
import { createK8sClient, type FetchLike, type K8sClient, type OpenWebSocket } from '../../src/k8s/client';
import {
  NetworkAttachmentDefinitionModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  resourcePath,
  type K8sModel,
} from '../../src/k8s/models';

const BASE = '/api/kubernetes';

export const listJson = (items: unknown[]) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '100000' }, items });

/** NADs the generated NICs refer to (`net-0..2`, plain bridges: no primary UDN) in each of the 10 namespaces. */
const nads = () =>
  Array.from({ length: 10 }, (_, n) => [0, 1, 2].map((k) => aNAD(`net-${k}`, `ns-${n}`))).flat();

/** Serialized cluster-wide lists, keyed by request path, for `vms` VMs with `nics` interfaces each. */
export const generateLists = (vms: number, nics: number): Map<string, string> => {
  const data = manyVMs(vms, nics);
  const path = (m: K8sModel) => `${BASE}${resourcePath(m)}`;
  return new Map([
    [path(VirtualMachineModel), listJson(data.vms)],
    [path(VirtualMachineInstanceModel), listJson(data.vmis)],
    [path(NetworkAttachmentDefinitionModel), listJson(nads())],
  ]);
};

export const json = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

/** Every access review is allowed, so the page takes its cluster-wide path: one list per kind. */
export const fakeFetch =
  (lists: Map<string, string>): FetchLike =>
  (url, init) => {
    const path = url.split('?')[0] ?? url;
    if (init.method === 'POST' && path.endsWith('/selfsubjectaccessreviews')) {
      const review = JSON.parse(typeof init.body === 'string' ? init.body : '{}') as object;
      return Promise.resolve(json(JSON.stringify({ ...review, status: { allowed: true } }), 201));
    }
    const body = lists.get(path);
    if (body === undefined || init.method !== 'GET')
      return Promise.resolve(json(JSON.stringify({ kind: 'Status', code: 404, reason: 'NotFound' }), 404));
    lists.delete(path); // served once: a watch that relists would be a bug in the bench, and shows as a 404
    return Promise.resolve(json(body));
  };

/** A watch socket that opens and then never speaks: no events, no close. */
export const silentSocket: OpenWebSocket = (_url, handlers) => {
  queueMicrotask(handlers.onOpen);
  return { close: () => undefined };
};

export type BenchClient = { client: K8sClient; dataAt: () => number | undefined };

/**
 * The client the page gets. `dataAt()` is when both the VM and the VMI list calls had resolved (performance.now()),
 * i.e. when the data became available to the page.
 */
export const benchClient = (lists: Map<string, string>): BenchClient => {
  const client = createK8sClient({
    baseUrl: BASE,
    wsBaseUrl: 'ws://bench.invalid/api/kubernetes',
    fetch: fakeFetch(lists),
    openWebSocket: silentSocket,
  });
  const resolved = new Map<string, number>();
  const listAll: K8sClient['listAll'] = async (model, o) => {
    const r = await client.listAll(model, o);
    if (r.ok) resolved.set(model.plural, performance.now());
    return r;
  };
  const dataAt = () => {
    const vm = resolved.get(VirtualMachineModel.plural);
    const vmi = resolved.get(VirtualMachineInstanceModel.plural);
    return vm === undefined || vmi === undefined ? undefined : Math.max(vm, vmi);
  };
  return { client: { ...client, listAll }, dataAt };
};
