/**
 * Time-to-cache for VirtualMachine lists against the local cluster (npm run bench:data-layer).
 *
 * floor: raw fetch of the same list + JSON.parse, same auth and connection pool — what no client can beat.
 * ours:  a live list's first load — createListWatch lists through the K8sClient and writes the react-query
 *        cache (queryStore → setQueryData); timed until the entry holds every item. No React.
 * query: the one-shot path, queryClient.fetchQuery(listQuery(...)).
 * Median of RUNS runs each, interleaved in rotating order with a GC before each, so neither pays for the
 * other's garbage or benefits from a warmer server. Target: ours/floor ≤ 1.5.
 */
import { QueryClient } from '@tanstack/react-query';
import type { ListSnapshot } from '../../src/k8s/client';
import { NamespaceModel, VirtualMachineModel, resourcePath } from '../../src/k8s/models';
import { listQuery, listQueryKey, queryStore } from '../../src/k8s/queries';
import { createListWatch } from '../../src/k8s/watch';
import { forEachLimit } from '../../integration-tests/data-layer/helpers';
import { nodeK8s } from '../../integration-tests/data-layer/nodeClient';
import type { VM } from '../../src/domain/kube/vm';
import { requireLocalCluster } from './preflight';

// Present when run with --expose-gc (the npm script does).
const gc = (globalThis as { gc?: () => void }).gc;
const COUNTS = (process.env.BENCH_COUNTS ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
await requireLocalCluster('npm run bench:data-layer');
const { client, fetch, close } = nodeK8s('admin');

const minimalVM = (namespace: string, name: string) =>
  ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      runStrategy: 'Halted',
      template: {
        spec: {
          domain: {
            devices: { interfaces: [{ name: 'default', masquerade: {} }] },
            resources: { requests: { memory: '1Gi' } },
          },
          networks: [{ name: 'default', pod: {} }],
        },
      },
    },
  }) as unknown as VM;

/** The bench namespace for `count` VMs, created and filled on first use and kept for later runs. */
const ensureVMs = async (count: number): Promise<string> => {
  const namespace = `bench-data-layer-${count}`;
  await client.create(NamespaceModel, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  const existing = await client.listAll(VirtualMachineModel, { namespace });
  if (!existing.ok) throw new Error(`list ${namespace}: ${existing.error.message}`);
  const have = new Set(existing.value.items.map((v) => v.metadata.name));
  const missing = Array.from({ length: count }, (_, i) => `vm-${String(i).padStart(5, '0')}`).filter(
    (n) => !have.has(n),
  );
  if (missing.length) process.stderr.write(`creating ${missing.length} VMs in ${namespace}…\n`);
  await forEachLimit(missing.length, 48, async (i) => {
    const r = await client.create(VirtualMachineModel, minimalVM(namespace, missing[i] as string));
    if (!r.ok && r.error.reason !== 'AlreadyExists')
      throw new Error(`create ${missing[i]}: ${r.error.message}`);
  });
  return namespace;
};

const floor = async (namespace: string, expected: number): Promise<number> => {
  const t0 = performance.now();
  const res = await fetch(`${client.baseUrl}${resourcePath(VirtualMachineModel, { namespace })}`, {
    headers: { Accept: 'application/json' },
  });
  const list = JSON.parse(await res.text()) as { items: unknown[] };
  const ms = performance.now() - t0;
  if (list.items.length !== expected)
    throw new Error(`floor: ${list.items.length} items, expected ${expected}`);
  return ms;
};

const ours = async (namespace: string, expected: number): Promise<number> => {
  const qc = new QueryClient();
  const key = listQueryKey(VirtualMachineModel, { namespace });
  const t0 = performance.now();
  const ms = await new Promise<number>((resolve, reject) => {
    const unsub = qc.getQueryCache().subscribe(() => {
      const data = qc.getQueryData<ListSnapshot<VM>>(key);
      if (data) {
        unsub();
        resolve(performance.now() - t0);
      }
    });
    const w = createListWatch({
      client,
      model: VirtualMachineModel,
      namespace,
      store: queryStore(qc, listQuery(client, VirtualMachineModel, { namespace })),
    });
    // Stop as soon as the cache holds the list: the watch socket is not part of time-to-cache.
    w.subscribe(() => {
      if (w.getStatus().loaded || w.getStatus().state === 'failed') w.stop();
      if (w.getStatus().state === 'failed') reject(new Error(w.getStatus().lastError?.message));
    });
    w.start();
  });
  const n = qc.getQueryData<ListSnapshot<VM>>(key)?.items.length;
  if (n !== expected) throw new Error(`ours: ${n} items, expected ${expected}`);
  return ms;
};

const oneShotQuery = async (namespace: string, expected: number): Promise<number> => {
  const qc = new QueryClient();
  const t0 = performance.now();
  const data = await qc.fetchQuery(listQuery(client, VirtualMachineModel, { namespace }));
  const ms = performance.now() - t0;
  if (data.items.length !== expected)
    throw new Error(`query: ${data.items.length} items, expected ${expected}`);
  return ms;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const main = async () => {
  const rows: string[][] = [];
  for (const count of COUNTS) {
    const ns = await ensureVMs(count);
    // Warm-up: connection pool, JIT, the API server's watch cache.
    await floor(ns, count);
    await ours(ns, count);
    const f: number[] = [];
    const o: number[] = [];
    const q: number[] = [];
    const measures = [
      async () => f.push(await floor(ns, count)),
      async () => o.push(await ours(ns, count)),
      async () => q.push(await oneShotQuery(ns, count)),
    ];
    for (let i = 0; i < RUNS; i++) {
      // Rotate the order and collect garbage between runs, so no variant keeps paying for another's garbage.
      for (let k = 0; k < measures.length; k++) {
        gc?.();
        await measures[(i + k) % measures.length]?.();
      }
    }
    const [mf, mo, mq] = [median(f), median(o), median(q)];
    rows.push([
      String(count),
      mf.toFixed(1),
      mo.toFixed(1),
      (mo / mf).toFixed(2),
      mq.toFixed(1),
      (mq / mf).toFixed(2),
    ]);
  }
  const head = ['count', 'floor ms', 'ours ms', 'ratio', 'query ms', 'query ratio'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(width[i] ?? 0)).join(' | ')} |`;
  console.log(`VirtualMachine list → react-query cache, median of ${RUNS} runs (target ratio ≤ 1.5)`);
  console.log(line(head));
  console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rows.forEach((r) => console.log(line(r)));
};

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => void close());
