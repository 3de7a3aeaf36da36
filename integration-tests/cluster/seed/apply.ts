// Writes seed objects through the API with server-side apply (create or update, so seeding twice is a no-op),
// status through the status subresource where the kind has one, and a bounded number of requests in flight.
import type { KubeClient, KubeObject, KubeResponse } from '../../support/k8s';
import { sleep } from '../processes';
import { hasStatusSubresource, pathOf } from './kinds';

const FIELD_MANAGER = 'local-cluster-seed';
const TRANSIENT = new Set([429, 500, 502, 503, 504]);

const describe = (o: KubeObject): string =>
  `${o.kind} ${[o.metadata?.namespace, o.metadata?.name].filter(Boolean).join('/')}`;

/** One request, retried on throttling, restarts and dropped connections. */
const withRetry = async (what: string, send: () => Promise<KubeResponse>): Promise<KubeObject> => {
  for (let attempt = 1; ; attempt++) {
    let res: KubeResponse | undefined;
    try {
      res = await send();
    } catch (e) {
      if (attempt >= 6) throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (res && res.status < 300) return res.body;
    if (res && (!TRANSIENT.has(res.status) || attempt >= 6)) {
      throw new Error(
        `${what}: HTTP ${res.status} ${typeof res.body.message === 'string' ? res.body.message : JSON.stringify(res.body)}`,
      );
    }
    await sleep(200 * 2 ** attempt);
  }
};

/** Applies `o`, then its `status` (via /status when the kind has that subresource). Returns the stored object. */
export const applyObject = async (
  client: KubeClient,
  o: KubeObject,
  status?: unknown,
): Promise<KubeObject> => {
  const path = pathOf(o);
  const stored = await withRetry(`apply ${describe(o)}`, () => client.apply(path, o, FIELD_MANAGER));
  return status === undefined ? stored : applyStatus(client, o, status);
};

/**
 * Create, or server-side apply when the object exists: same result as applyObject, but a create costs the API
 * server a fraction of an apply on big schemas (VM, VMI), which is what makes a 10,000-VM seed take minutes.
 */
export const createOrApply = async (client: KubeClient, o: KubeObject): Promise<KubeObject> => {
  const path = pathOf(o);
  const collection = path.slice(0, path.lastIndexOf('/'));
  const created = await client.request(
    'POST',
    `${collection}?fieldManager=${FIELD_MANAGER}&fieldValidation=Strict`,
    o,
  );
  if (created.status === 409) return applyObject(client, o);
  if (created.status < 300) return created.body;
  return withRetry(`create ${describe(o)}`, () => client.apply(path, o, FIELD_MANAGER));
};

/** Applies only the status of an existing object, through its status subresource. */
export const applyStatus = async (
  client: KubeClient,
  o: KubeObject,
  status: unknown,
): Promise<KubeObject> => {
  if (!hasStatusSubresource(o))
    throw new Error(`${o.kind} has no status subresource: put status in the object`);
  const { name, namespace } = o.metadata ?? {};
  const patch = { apiVersion: o.apiVersion, kind: o.kind, metadata: { name, namespace }, status };
  return withRetry(`apply status of ${describe(o)}`, () =>
    client.apply(`${pathOf(o)}/status`, patch, FIELD_MANAGER),
  );
};

/** Runs `fn` over `items` with at most `concurrency` in flight; stops at the first error. */
export const forEachLimit = async <T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
};
