/**
 * Cold first visit of the dev shell (issue #12): a fresh vite dependency cache, the shell started, one page load of
 * /vm-networks/all-namespaces as admin, timed until the first row shows; prints the time, the number of requests
 * and whether vite re-optimized dependencies mid-visit (a full page reload). Needs the local cluster
 * (`npm run cluster:up`). Uses its own cache dir and port, so a shell that other tests run is not disturbed.
 *   npx tsx bench/shell-cold/run.ts   (BENCH_RUNS=3, BENCH_CONFIGS=shell/vite.config.ts,other.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumLaunchOptions } from '../../integration-tests/support/chromium';

const runs = Number(process.env.BENCH_RUNS ?? 1);

const once = async (configFile: string) => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'shell-cold-'));
  process.env.SHELL_PORT = process.env.BENCH_PORT ?? '9177';
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const started = performance.now();
  const server = await createServer({ configFile, cacheDir, logLevel: 'info' });
  await server.listen();
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('the shell did not report its URL');
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext();
    await context.addCookies([
      { name: 'vmnet-shell-user', value: 'admin', domain: new URL(url).hostname, path: '/' },
    ]);
    const page = await context.newPage();
    let requests = 0;
    let deps = 0;
    let navigations = 0;
    page.on('request', (r) => {
      requests++;
      if (/\/deps\/[^/]+\.js/.test(r.url())) deps++;
    });
    page.on('load', () => navigations++); // a second load is vite reloading after re-optimizing
    // BENCH_IDLE_MS: a person (or the test runner) arrives a moment after the server is up; 0 = at once.
    await new Promise((r) => setTimeout(r, Number(process.env.BENCH_IDLE_MS ?? 0)));
    const t0 = performance.now();
    await page.goto(`${url}/vm-networks/all-namespaces`, { waitUntil: 'domcontentloaded' });
    const loaded = performance.now() - t0;
    await page.locator('tr[data-test^="row-"]').first().waitFor({ timeout: 120_000 });
    const firstRow = performance.now() - t0;
    return { loaded, firstRow, requests, deps, reloads: navigations - 1, serverStart: t0 - started };
  } finally {
    await browser.close();
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
};

// BENCH_CONFIGS=a.ts,b.ts compares configs, interleaved run by run.
const configs = (process.env.BENCH_CONFIGS ?? 'shell/vite.config.ts').split(',');
const results = [];
for (let i = 0; i < runs; i++) for (const c of configs) results.push({ c, ...(await once(c)) });
for (const r of results)
  console.log(
    `${r.c}: visit ${(r.serverStart / 1000).toFixed(1)} s after start · page ${(r.loaded / 1000).toFixed(2)} s · ` +
      `first row ${(r.firstRow / 1000).toFixed(2)} s · ` +
      `${r.requests} requests (${r.deps} pre-bundled deps) · ${r.reloads} reload(s)`,
  );
