/**
 * The node network state page at 100 nodes × 100 interfaces in headless Chromium (npm run bench:node-state).
 * README.md says what each number means. The data comes from an in-memory API inside the page: this times
 * rendering only. Prints a table of ours, a floor measured in the same run, and their ratio; nothing is asserted.
 *
 * Env: BENCH_LOADS (page loads per side, default 5), BENCH_NODES / BENCH_IFACES (100 / 100).
 */
import { loadavg } from 'node:os';
import { build } from 'vite';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { chromiumLaunchOptions } from '../../integration-tests/support/chromium';
import { filterRows, nodeStateRows, type HostInterfaceRow } from '../../src/domain/hostnetworks/nodeState';
import { manyNodeStates } from '../../src/domain/testing/hostnetworks';
import { serve } from '../shared/serve';
import { typeAndMeasure } from '../shared/keystrokes';
import type { Expectation } from '../vm-networks/probe';
import { keystrokePlan, median, quantiles, type Quantiles } from '../vm-networks/report';
import viteConfig, { OUT_DIR } from './vite.config';

const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const NODES = Number(process.env.BENCH_NODES ?? 100);
const IFACES = Number(process.env.BENCH_IFACES ?? 100);
for (const [name, v] of Object.entries({ BENCH_LOADS: LOADS, BENCH_NODES: NODES, BENCH_IFACES: IFACES }))
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name}: not a count: ${String(v)}`);

/** An IP (one row), a MAC in another notation (one row), a name on every node, and an IP prefix matching nothing. */
const QUERIES = [`10.${NODES - 1}.42.1/`, '52-54-00-00-63-2a', 'eth42', '10.250.'];
const ROWS_IN_VIEW = 'tr[data-test^="hostif-if:"]';

/** The page's summary and first row for a search, computed with the same domain code the page runs. */
const expectations = (rows: readonly HostInterfaceRow[]) => {
  const cache = new Map<string, Expectation>();
  return (search: string): Expectation => {
    let e = cache.get(search);
    if (!e) {
      const visible = filterRows(rows, { nodes: [], types: [], states: [], search });
      const nodes = new Set(visible.map((r) => r.node)).size;
      e = {
        kind: 'page',
        summary: `${visible.length === 1 ? '1 interface' : `${visible.length} interfaces`} on ${nodes === 1 ? '1 node' : `${nodes} nodes`}`,
        firstRow: visible[0] ? `hostif-${visible[0].id}` : null,
      };
      cache.set(search, e);
    }
    return e;
  };
};

const heapUsed = async (cdp: CDPSession): Promise<number> => {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
};

type Load = { dataToRows: number; startToRows: number; rowsInDom: number; heap: number; rowsBuild: number };

const load = async (browser: Browser, url: string, mode: 'page' | 'floor', keep = false) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${url}/harness.html?mode=${mode}&nodes=${NODES}&ifaces=${IFACES}`);
  await page.waitForFunction(() => window.__bench?.ready === true, null, { timeout: 120_000 });
  await cdp.send('HeapProfiler.collectGarbage'); // the generator's garbage is not the page's
  await page.evaluate(() => window.__bench.start());
  const t = await page.evaluate(async () => ({
    ...(await window.__bench.firstRows),
    rowsBuild: window.__bench.marks.rows ?? NaN,
  }));
  await page.waitForTimeout(1000); // let late renders and idle work finish
  const result: Load = {
    ...t,
    rowsInDom: await page.locator(ROWS_IN_VIEW).count(),
    heap: await heapUsed(cdp),
  };
  if (errors.length) throw new Error(`page errors (${mode}): ${errors.join('; ')}`);
  if (!keep) await page.close();
  return { result, page: keep ? page : undefined };
};

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '—');
const mb = (x: number) => `${(x / 2 ** 20).toFixed(1)} MB`;
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : '—');

const table = (r: {
  rows: number;
  shown: string;
  ours: Load[];
  floor: Load[];
  keys: { ours: Quantiles; floor: Quantiles; count: number };
  seconds: number;
}): string => {
  const m = (xs: Load[], f: (l: Load) => number) => median(xs.map(f));
  const lines: string[][] = [['metric', 'ours', 'floor', 'ours/floor']];
  const add = (name: string, a: number, b: number, fmt: (x: number) => string = ms) =>
    lines.push([name, fmt(a), fmt(b), ratio(a, b)]);
  add(
    'first rows after data (median)',
    m(r.ours, (l) => l.dataToRows),
    m(r.floor, (l) => l.dataToRows),
  );
  add(
    '  of which: rows built (floor)',
    NaN,
    m(r.floor, (l) => l.rowsBuild),
  );
  add(
    'mount → first rows (median)',
    m(r.ours, (l) => l.startToRows),
    m(r.floor, (l) => l.startToRows),
  );
  add(
    'rows in the DOM',
    m(r.ours, (l) => l.rowsInDom),
    m(r.floor, (l) => l.rowsInDom),
    String,
  );
  add('keystroke → table painted p50', r.keys.ours.p50, r.keys.floor.p50);
  add('keystroke → table painted p95', r.keys.ours.p95, r.keys.floor.p95);
  add('keystroke → table painted max', r.keys.ours.max, r.keys.floor.max);
  add(
    'JS heap used after load (median)',
    m(r.ours, (l) => l.heap),
    m(r.floor, (l) => l.heap),
    mb,
  );
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const fmt = (l: string[]) => `| ${l.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`;
  return [
    `node network state: ${NODES} nodes × ${IFACES} interfaces = ${r.rows} rows (page shows "${r.shown}"), ${LOADS} loads per side, ${r.keys.count} keystrokes per side`,
    fmt(lines[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.slice(1).map(fmt),
    `floor: the same list through the same client, nodeStateRows, 50 rows in a bare <table>; keystrokes into a plain <input> on the page.`,
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} · ${r.seconds.toFixed(0)} s`,
    '',
  ].join('\n');
};

const main = async () => {
  const started = Date.now();
  process.stderr.write('building the harness…\n');
  await build({ ...viteConfig, configFile: false });
  const { server, url } = await serve(OUT_DIR);
  const rows = nodeStateRows(manyNodeStates(NODES, IFACES));
  const expectPage = expectations(rows);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const ours: Load[] = [];
    const floor: Load[] = [];
    // Interleaved, so a burst of load on the machine hits both sides alike. One warm-up of each first.
    for (let i = -1; i < LOADS; i++) {
      process.stderr.write(`page load ${i + 1}/${LOADS}\r`);
      const a = await load(browser, url, 'page');
      const b = await load(browser, url, 'floor');
      if (i < 0) continue;
      ours.push(a.result);
      floor.push(b.result);
    }
    process.stderr.write('\nkeystrokes…\n');
    const { page } = await load(browser, url, 'page', true);
    if (!page) throw new Error('the keystroke page was not kept open');
    // The page must show what the domain code computes here, or every keystroke would time out.
    await page.evaluate((e) => window.__bench.settled(e, 30_000), expectPage(''));
    const plan = keystrokePlan(QUERIES);
    const floorMs: number[] = [];
    const oursMs: number[] = [];
    // Per query: the floor input first, then the search box, so both see the same machine load.
    for (const query of QUERIES) {
      const keys = plan.filter((k) => k.query === query);
      floorMs.push(
        ...(await typeAndMeasure(page, '[data-test="floor-input"]', keys, (k) => ({
          kind: 'input',
          value: k.text,
        }))),
      );
      oursMs.push(
        ...(await typeAndMeasure(page, '[data-test="hostnet-search"] input', keys, (k) =>
          expectPage(k.text),
        )),
      );
    }
    process.stdout.write(
      table({
        rows: rows.length,
        shown: (expectPage('') as { summary: string }).summary,
        ours,
        floor,
        keys: { ours: quantiles(oursMs), floor: quantiles(floorMs), count: plan.length },
        seconds: (Date.now() - started) / 1000,
      }),
    );
  } finally {
    await browser.close();
    server.close();
  }
};

await main();
