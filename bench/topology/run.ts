/**
 * The network topology canvas at 100 to 25,000 VMs in headless Chromium (npm run bench:topology). README.md says
 * what each number means. The data is generated inside the page (manyTopology) and is not timed.
 *
 * Env: BENCH_SIZES (VM counts, default 100,1000,5000,25000), BENCH_LOADS (page loads per side and view, default
 *      3; one above 20,000 VMs), BENCH_PROFILE=1 (also profile the last load of ours per size and view and print
 *      its top functions by self time; with BENCH_MINIFY=0 for readable names), BENCH_FLOOR_PARENTS=1 (the floor
 *      also nests nodes in the view's namespace and node boxes: how much of the gap the compound parents cost),
 *      BENCH_VIEWS=default (or expanded: only that view), BENCH_OUT_DIR (build the harness there), BENCH_STYLE=floor
 *      or nolabels (diagnostic: ours with the floor's style, or without labels; vite.config.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../../integration-tests/support/chromium';
import viteConfig, { OUT_DIR, STYLE } from './vite.config';
import { serve } from '../shared/serve';
import type { Interaction, LoadResult } from './probe';
import { table, type Row, type View } from './report';
import { panAndZoom } from './script';
import { profileSummary } from '../vm-networks/report';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000,25000').split(',').map((s) => {
  const n = Number(s.replace(/[_\s]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_SIZES: not a VM count: ${JSON.stringify(s)}`);
  return n;
});
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
if (!Number.isInteger(LOADS) || LOADS < 1)
  throw new Error(`BENCH_LOADS: not a count: ${process.env.BENCH_LOADS}`);
const BIG = 20_000;
const PROFILE = process.env.BENCH_PROFILE === '1';
/** Diagnostic: the floor also nests nodes in the view's compound parents, to tell their cost apart. */
const FLOOR_PARENTS = process.env.BENCH_FLOOR_PARENTS === '1';
const VIEWS = (process.env.BENCH_VIEWS ?? 'default,expanded').split(',').map((v) => {
  if (v !== 'default' && v !== 'expanded') throw new Error(`BENCH_VIEWS: not a view: ${JSON.stringify(v)}`);
  return v;
});

type Load = { result: LoadResult; heap: number; dataHeap: number; cpu: number; interaction?: Interaction };

const load = async (
  browser: Browser,
  url: string,
  o: { mode: 'ours' | 'floor'; view: View; vms: number; interact?: boolean },
): Promise<Load> => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapUsed = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    };
    const parents = o.mode === 'floor' && FLOOR_PARENTS ? '&parents=1' : '';
    await page.goto(`${url}/harness.html?mode=${o.mode}&view=${o.view}&vms=${o.vms}${parents}`);
    await page.waitForFunction(() => window.__topologyBench?.ready === true, null, { timeout: 300_000 });
    const dataHeap = await heapUsed(); // also: the generator's garbage is not the page's
    const profile = PROFILE && o.mode === 'ours' && o.interact;
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // CPU time of the page's main thread (CDP `ThreadTime`, seconds) over start(): unlike wall time, it does not
    // grow when other processes take the cores.
    const threadTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
    const cpu0 = await threadTime();
    const result = await page.evaluate(() => window.__topologyBench.start());
    const cpu = ((await threadTime()) - cpu0) * 1000;
    if (profile) {
      const { profile: p } = await cdp.send('Profiler.stop');
      process.stderr.write(`${o.vms} VMs, ${o.view} view, data → paint: ${profileSummary(p, 25)}\n\n`);
      if (process.env.BENCH_PROFILE_DIR) {
        await mkdir(process.env.BENCH_PROFILE_DIR, { recursive: true });
        await writeFile(
          join(process.env.BENCH_PROFILE_DIR, `topology-${o.vms}-${o.view}.cpuprofile`),
          JSON.stringify(p),
        );
      }
    }
    await page.waitForTimeout(500); // let late work (cytoscape's texture caches, React effects) run
    const heap = o.mode === 'ours' ? await heapUsed() : NaN;
    if (profile) await cdp.send('Profiler.start');
    const interaction = o.interact ? await panAndZoom(page) : undefined;
    if (profile) {
      const { profile: p } = await cdp.send('Profiler.stop');
      process.stderr.write(`${o.vms} VMs, ${o.view} view, pan and zoom: ${profileSummary(p, 25)}\n\n`);
      if (process.env.BENCH_PROFILE_DIR) {
        await mkdir(process.env.BENCH_PROFILE_DIR, { recursive: true });
        await writeFile(
          join(process.env.BENCH_PROFILE_DIR, `topology-${o.vms}-${o.view}-panzoom.cpuprofile`),
          JSON.stringify(p),
        );
      }
    }
    if (errors.length) throw new Error(`page errors (${o.mode}, ${o.view}, ${o.vms}): ${errors.join('; ')}`);
    return { result, heap, dataHeap, cpu, interaction };
  } finally {
    await page.close();
  }
};

const main = async () => {
  const started = Date.now();
  process.stderr.write(
    `building the harness (${process.env.BENCH_MINIFY === '0' ? 'unminified' : 'minified'}, style: ${STYLE})…\n`,
  );
  await build({ ...viteConfig, configFile: false });
  const { server, url } = await serve(OUT_DIR);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    // One warm-up of each side first (browser start, HTTP and code caches).
    await load(browser, url, { mode: 'ours', view: 'default', vms: 100 });
    await load(browser, url, { mode: 'floor', view: 'default', vms: 100 });
    const rows: Row[] = [];
    for (const vms of SIZES) {
      const loads = vms > BIG ? 1 : LOADS;
      for (const view of VIEWS) {
        const row: Row = { vms, view, ours: [], floor: [], heap: [], dataHeap: [], cpu: [], floorCpu: [] };
        // Interleaved, so a burst of load on the machine hits both sides alike; the last load of each side also
        // pans and zooms.
        // Above 20,000 VMs the expanded view is not panned: cytoscape hit-tests every element on each mouse move
        // (seconds per move there), which would take the run past its time budget.
        const interact = vms <= BIG || view === 'default';
        for (let i = 0; i < loads; i++) {
          const at = ((Date.now() - started) / 1000).toFixed(0);
          process.stderr.write(`${at} s: ${vms} VMs, ${view} view, load ${i + 1}/${loads}…\n`);
          const last = interact && i === loads - 1;
          const a = await load(browser, url, { mode: 'ours', view, vms, interact: last });
          const b = await load(browser, url, { mode: 'floor', view, vms, interact: last });
          if (a.result.nodes !== b.result.nodes || a.result.edges !== b.result.edges)
            throw new Error(
              `ours drew ${a.result.nodes} nodes / ${a.result.edges} edges, the floor ${b.result.nodes} / ${b.result.edges}`,
            );
          row.ours.push(a.result);
          row.floor.push(b.result);
          row.heap.push(a.heap);
          row.cpu.push(a.cpu);
          row.floorCpu.push(b.cpu);
          row.dataHeap.push(a.dataHeap);
          row.interaction = a.interaction ?? row.interaction;
          row.floorInteraction = b.interaction ?? row.floorInteraction;
        }
        rows.push(row);
      }
    }
    process.stdout.write(
      table(
        rows,
        loadavg(),
        (Date.now() - started) / 1000,
        `${LOADS} page loads per side (1 above ${BIG.toLocaleString('en')} VMs)`,
      ),
    );
    if (STYLE !== 'page')
      process.stdout.write(
        `\nBENCH_STYLE=${STYLE}: ours drawn ${STYLE === 'floor' ? "with the floor's style" : 'without labels'}, a diagnostic: the goals do not apply.\n`,
      );
  } finally {
    await browser.close();
    server.close();
  }
};

await main();
