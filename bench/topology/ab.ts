/**
 * `npm run bench:topology:ab -- <git revision>`: the topology canvas of another revision against this work tree's,
 * interleaved in one headless Chromium, with the floor's loads in between. Single runs of `bench:topology` move by
 * ±15% from one minute to the next on a 2-core machine even when nothing else runs; loads of the two sides taken in
 * turn share those minutes, so their medians can be compared (README.md, "Latest figures").
 *
 * The other revision is taken with `git archive` into .cache/bench-ab/<rev>/tree (node_modules linked to this
 * tree's) and its harness built there (its own bench/topology/vite.config.ts, BENCH_OUT_DIR). Prints, per side,
 * the median data→paint, main-thread CPU and build, their ratios to the floor, every load's paint, and (with
 * BENCH_AB_PAN=1) each load's longest pan-and-zoom task.
 *
 * Env: BENCH_SIZES (one or more VM counts, default 5000), BENCH_VIEWS (default), BENCH_LOADS (8).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../../integration-tests/support/chromium';
import viteConfig, { OUT_DIR } from './vite.config';
import { serve } from '../shared/serve';
import { panAndZoom } from './script';
import { median } from './report';

const rev = process.argv[2];
if (!rev || rev.startsWith('-')) throw new Error('usage: npm run bench:topology:ab -- <git revision>');
const root = resolve(import.meta.dirname, '../..');
const sha = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], {
  cwd: root,
  encoding: 'utf8',
}).trim();
const SIZES = (process.env.BENCH_SIZES ?? '5000').split(',').map(Number);
const VIEWS = (process.env.BENCH_VIEWS ?? 'default').split(',');
const LOADS = Number(process.env.BENCH_LOADS ?? 8);
const PAN = process.env.BENCH_AB_PAN === '1';
for (const n of [...SIZES, LOADS])
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive count: ${n} (BENCH_SIZES, BENCH_LOADS)`);
for (const v of VIEWS)
  if (v !== 'default' && v !== 'expanded') throw new Error(`BENCH_VIEWS: not a view: ${JSON.stringify(v)}`);

/** The other revision's harness, built once per commit. */
const buildOther = (): string => {
  const dir = join(root, '.cache/bench-ab', sha);
  const out = join(dir, 'out');
  if (existsSync(join(out, 'harness.html'))) return out;
  const tree = join(dir, 'tree');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  // git archive | tar, without a shell: the revision is passed as one argument.
  const archive = execFileSync('git', ['archive', sha], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', tree], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'bench/topology/vite.config.ts'], {
    cwd: tree,
    env: { ...process.env, BENCH_OUT_DIR: out },
    stdio: 'inherit',
  });
  return out;
};

type Sample = { paint: number; cpu: number; build: number; task?: number };

const load = async (
  browser: Browser,
  url: string,
  mode: string,
  view: string,
  vms: number,
): Promise<Sample> => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${url}/harness.html?mode=${mode}&view=${view}&vms=${vms}`);
    await page.waitForFunction(() => window.__topologyBench?.ready === true, null, { timeout: 300_000 });
    await cdp.send('HeapProfiler.collectGarbage');
    const threadTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
    const cpu0 = await threadTime();
    const r = await page.evaluate(() => window.__topologyBench.start());
    const cpu = ((await threadTime()) - cpu0) * 1000;
    let task: number | undefined;
    if (PAN) {
      await page.waitForTimeout(500);
      task = (await panAndZoom(page)).longestTask;
    }
    return { paint: r.paint, cpu, build: r.build, task };
  } finally {
    await page.close();
  }
};

const main = async () => {
  process.stderr.write(`building ${rev} (${sha.slice(0, 12)}) and this work tree…\n`);
  const other = buildOther();
  await build({ ...viteConfig, configFile: false });
  const sides = [
    { name: rev, ...(await serve(other)) },
    { name: 'this tree', ...(await serve(OUT_DIR)) },
  ];
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (const s of sides) await load(browser, s.url, 'ours', 'default', 100); // warm-up
    for (const vms of SIZES) {
      for (const view of VIEWS) {
        const got = new Map<string, Sample[]>();
        for (const name of [...sides.map((x) => x.name), 'floor']) got.set(name, []);
        for (let i = 0; i < LOADS; i++) {
          process.stderr.write(`${vms} VMs, ${view} view, round ${i + 1}/${LOADS}…\n`);
          for (const s of sides) got.get(s.name)!.push(await load(browser, s.url, 'ours', view, vms));
          got.get('floor')!.push(await load(browser, sides[1]!.url, 'floor', view, vms));
        }
        const floor = got.get('floor')!;
        const fPaint = median(floor.map((x) => x.paint));
        const fCpu = median(floor.map((x) => x.cpu));
        process.stdout.write(`\n${vms.toLocaleString('en')} VMs, ${view} view, ${LOADS} loads per side\n`);
        for (const [name, xs] of got) {
          const paint = median(xs.map((x) => x.paint));
          const cpu = median(xs.map((x) => x.cpu));
          const cols = [
            name.padEnd(12),
            `data→paint ${paint.toFixed(0).padStart(6)}`,
            `cpu ${cpu.toFixed(0).padStart(6)}`,
            name === 'floor'
              ? ''.padEnd(10)
              : `build ${median(xs.map((x) => x.build))
                  .toFixed(0)
                  .padStart(4)}`,
            `/floor ${(paint / fPaint).toFixed(2)}×`,
            `cpu/floor ${(cpu / fCpu).toFixed(2)}×`,
            `loads ${xs.map((x) => x.paint.toFixed(0)).join(' ')}`,
          ];
          if (PAN)
            cols.push(
              `longest pan/zoom task ${xs.map((x) => (x.task ? x.task.toFixed(0) : '<50')).join(' ')}`,
            );
          process.stdout.write(`${cols.join('  ')}\n`);
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of sides) s.server.close();
  }
};

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
