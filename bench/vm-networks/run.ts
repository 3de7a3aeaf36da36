/**
 * VM networks page at 10,000 VMs × 4 interfaces in headless Chromium (npm run bench:vm-networks). README.md says
 * what each number means. The data comes from an in-memory API inside the page: this times rendering only.
 *
 * Env: BENCH_LOADS (page loads per mode, default 7), BENCH_VMS / BENCH_NICS (10000 / 4),
 *      BENCH_PROFILE=1 (also write CPU profiles of one page load and of the keystrokes, and print their top functions;
 *      build unminified with BENCH_MINIFY=0 to get readable names),
 *      BENCH_VERBOSE=1 (also print each keystroke's time, ours and floor, with the search text after it),
 *      BENCH_TRACE=1 (after the measured keystrokes, type the page's keys once more under a Chrome trace and print
 *      where the main thread's time went: script, style, layout, paint; the trace is written beside the profiles).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { build } from 'vite';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { chromiumLaunchOptions } from '../../integration-tests/support/chromium';
import { buildVMRows, type InterfaceRow } from '../../src/domain/interfaces/rows';
import { filterRows } from '../../src/domain/interfaces/search';
import { manyVMs } from '../../src/domain/testing/fixtures';
import viteConfig, { OUT_DIR } from './vite.config';
import type { Expectation } from './probe';
import {
  keystrokePlan,
  profileSummary,
  quantiles,
  table,
  traceSummary,
  type Keystroke,
  type Trace,
} from './report';
import { serve } from '../shared/serve';
import { typeAndMeasure } from '../shared/keystrokes';

const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const VMS = Number(process.env.BENCH_VMS ?? 10_000);
const NICS = Number(process.env.BENCH_NICS ?? 4);
const PROFILE = process.env.BENCH_PROFILE === '1';
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const TRACE = process.env.BENCH_TRACE === '1';
/** Beside the build, which each run empties. */
const PROFILE_DIR = join(OUT_DIR, '..', 'bench-vm-networks-profiles');

/** What the page must show for each search text: computed here with the same domain code the page runs. */
const expectations = (rows: readonly InterfaceRow[]) => {
  const cache = new Map<string, Expectation>();
  return (search: string): Expectation => {
    let e = cache.get(search);
    if (!e) {
      const visible = filterRows(rows, { search });
      const vms = new Set(visible.map((r) => `${r.namespace}/${r.vmName}`)).size;
      const first = visible[0];
      e = {
        kind: 'page',
        summary: `${visible.length === 1 ? '1 interface' : `${visible.length} interfaces`} on ${vms === 1 ? '1 VM' : `${vms} VMs`}`,
        firstRow: first ? `row-${first.namespace}-${first.vmName}-${first.name}` : null,
      };
      cache.set(search, e);
    }
    return e;
  };
};

const startProfile = async (cdp: CDPSession) => {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
};

/** Writes the profile next to the build and prints where self time went. */
const stopProfile = async (cdp: CDPSession, what: string) => {
  const { profile } = await cdp.send('Profiler.stop');
  await mkdir(PROFILE_DIR, { recursive: true });
  const file = join(PROFILE_DIR, `${what}-${Date.now()}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  process.stdout.write(`${what}: ${profileSummary(profile)}\nCPU profile: ${file}\n\n`);
};

/** What Chrome's Performance panel records for the main thread. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];

const heapUsed = async (cdp: CDPSession): Promise<number> => {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
};

type Load = { dataToRows: number; startToRows: number; buildVMRows: number; heap: number };

/** A fresh page in `mode`, loaded up to its first rows; the heap is measured after the page went idle. */
const load = async (browser: Browser, url: string, mode: 'page' | 'floor', keep = false) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => process.stderr.write(`[${mode}] page error: ${e.message}\n`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${url}/harness.html?mode=${mode}&vms=${VMS}&nics=${NICS}`);
  await page.waitForFunction(() => window.__bench?.ready === true, null, { timeout: 120_000 });
  await cdp.send('HeapProfiler.collectGarbage'); // the generator's garbage is not the page's
  if (PROFILE && keep) await startProfile(cdp);
  await page.evaluate(() => window.__bench.start());
  const t = await page.evaluate(async () => ({
    ...(await window.__bench.firstRows),
    buildVMRows: window.__bench.marks.buildVMRows ?? NaN,
  }));
  if (PROFILE && keep) await stopProfile(cdp, 'load');
  await page.waitForTimeout(1500); // let late renders (NADs, access reviews) and idle work finish
  const result: Load = { ...t, heap: await heapUsed(cdp) };
  if (!keep) await page.close();
  return { result, page: keep ? page : undefined, cdp };
};

const main = async () => {
  const started = Date.now();
  process.stderr.write(
    `building the harness (${process.env.BENCH_MINIFY === '0' ? 'unminified' : 'minified'})…\n`,
  );
  await build({ ...viteConfig, configFile: false });
  const { server, url } = await serve(OUT_DIR);
  const rows = (() => {
    const { vms, vmis } = manyVMs(VMS, NICS);
    return buildVMRows(vms, vmis);
  })();
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
    const { page, cdp } = await load(browser, url, 'page', true);
    if (!page) throw new Error('the keystroke page was not kept open');
    // The page must show what the domain code computes here, or every keystroke would time out.
    await page.evaluate((e) => window.__bench.settled(e, 30_000), expectPage(''));
    const plan = keystrokePlan();
    if (PROFILE) await startProfile(cdp);
    const floorMs: number[] = [];
    const oursMs: number[] = [];
    const verbose: string[] = [];
    // Per query: the floor input first, then the search box, so both see the same machine load.
    for (const query of new Set(plan.map((k) => k.query))) {
      const keys = plan.filter((k) => k.query === query);
      floorMs.push(
        ...(await typeAndMeasure(page, '[data-test="floor-input"]', keys, (k) => ({
          kind: 'input',
          value: k.text,
        }))),
      );
      const timed = await typeAndMeasure(page, '[data-test="interface-search"] input', keys, (k) =>
        expectPage(k.text),
      );
      if (VERBOSE)
        keys.forEach((k, i) =>
          verbose.push(
            `${timed[i]!.toFixed(0).padStart(5)} ms  ${floorMs[floorMs.length - keys.length + i]!.toFixed(0).padStart(4)} ms  ${JSON.stringify(k.text)} → ${(expectPage(k.text) as { summary: string }).summary}`,
          ),
        );
      oursMs.push(...timed);
    }
    const durations = await page.evaluate(() => window.__bench.eventDurations());
    if (durations.length !== 2 * plan.length)
      throw new Error(`${durations.length} keydowns seen, ${2 * plan.length} keys pressed`);
    // keydowns alternate per query: floor keys, then ours.
    const evFloor: number[] = [];
    const evOurs: number[] = [];
    let at = 0;
    for (const query of new Set(plan.map((k) => k.query))) {
      const n = plan.filter((k) => k.query === query).length;
      evFloor.push(...durations.slice(at, at + n));
      evOurs.push(...durations.slice(at + n, at + 2 * n));
      at += 2 * n;
    }
    if (PROFILE) await stopProfile(cdp, 'keystrokes');
    if (TRACE) {
      // Each side's keys alone under a trace, typed once more after the measured ones: the floor's, then ours.
      const traced = async (what: string, selector: string, expect: (k: Keystroke) => Expectation) => {
        await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        for (const query of new Set(plan.map((k) => k.query)))
          await typeAndMeasure(
            page,
            selector,
            plan.filter((k) => k.query === query),
            expect,
          );
        const trace = await browser.stopTracing();
        await mkdir(PROFILE_DIR, { recursive: true });
        const file = join(PROFILE_DIR, `keystrokes-${what}-${Date.now()}.trace.json`);
        await writeFile(file, trace);
        process.stdout.write(
          `${what}: ${traceSummary(JSON.parse(trace.toString()) as Trace, plan.length)}\nChrome trace: ${file}\n\n`,
        );
      };
      await traced('floor', '[data-test="floor-input"]', (k) => ({ kind: 'input', value: k.text }));
      await traced('page', '[data-test="interface-search"] input', (k) => expectPage(k.text));
    }
    if (VERBOSE) process.stdout.write(`ours  floor  search text → page\n${verbose.join('\n')}\n\n`);
    process.stdout.write(
      table({
        vms: VMS,
        nics: NICS,
        rows: rows.length,
        shown: (expectPage('') as { summary: string }).summary,
        loads: LOADS,
        ours,
        floor,
        keystrokes: { ours: quantiles(oursMs), floor: quantiles(floorMs) },
        events: { ours: quantiles(evOurs), floor: quantiles(evFloor) },
        keystrokeCount: plan.length,
        load: loadavg(),
        seconds: (Date.now() - started) / 1000,
      }),
    );
  } finally {
    await browser.close();
    server.close();
  }
};

await main();
