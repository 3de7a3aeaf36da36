// The plugin end to end on small fixtures: real vite builds, so the checks that only exist at build time
// (react-dom, code-ref exports, isolation, budget) are shown to fail the build.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { consolePlugin, type ConsolePluginOptions } from './index';

const root = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'console-plugin-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const route = (ref: string) => ({
  type: 'console.page/route',
  properties: { path: '/x', component: { $codeRef: ref } },
});
const metadata = (exposedModules: Record<string, string>) => ({
  name: 'fixture-plugin',
  version: '1.0.0',
  exposedModules,
  dependencies: { '@console/pluginAPI': '>=4.22.0-0' },
});
const FIXTURES = './build/vite-console-plugin/fixtures';

const run = (options: ConsolePluginOptions) =>
  build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [consolePlugin({ root, ...options })],
    build: { outDir, emptyOutDir: true },
  });

// Real builds: allow for a busy machine (the default 5 s is too tight under load).
describe('console plugin build', { timeout: 60_000 }, () => {
  it('writes manifest, entry script and chunks, without bundling React or PatternFly into the page', async () => {
    await run({
      metadata: metadata({ Page: `${FIXTURES}/Page.js` }),
      extensions: [route('Page'), route('Page.marker')],
    });
    const files = readdirSync(outDir, { recursive: true }).map(String);
    const manifest = JSON.parse(readFileSync(join(outDir, 'plugin-manifest.json'), 'utf8')) as {
      loadScripts: string[];
    };
    expect(manifest.loadScripts).toEqual([expect.stringMatching(/^plugin-entry\.[0-9a-f]{16}\.js$/)]);
    expect(files).toContain(manifest.loadScripts[0]);
    const page = files.find((f) => /^exposed-Page\.[\w-]+\.js$/.test(f)) as string;
    const code = readFileSync(join(outDir, page), 'utf8');
    expect(code).not.toContain('pf-v6-c-title'); // PF Title's class names live only in its fallback chunk
    expect(files.some((f) => /^chunks\/pf-Title\.[\w-]+\.js$/.test(f))).toBe(true);
    // React's own implementation (its hooks dispatcher) must be in no output file.
    const withReact = files.filter(
      (f) => f.endsWith('.js') && readFileSync(join(outDir, f), 'utf8').includes('ReactCurrentDispatcher'),
    );
    expect(withReact).toEqual([]);
  });

  it('fails on react-dom in plugin code, naming the importer', async () => {
    await expect(
      run({ metadata: metadata({ Page: `${FIXTURES}/UsesReactDom.js` }), extensions: [route('Page')] }),
    ).rejects.toThrow(/build\/vite-console-plugin\/fixtures\/UsesReactDom\.js imports "react-dom\/client"/);
  });

  it('fails on a code ref to an export the module does not have, naming the extension', async () => {
    await expect(
      run({
        metadata: metadata({ Page: `${FIXTURES}/Page.js` }),
        extensions: [route('Page'), route('Page.nope')],
      }),
    ).rejects.toThrow(
      /console-extensions.json\[1\] \(console.page\/route\) properties.component: \$codeRef "Page.nope"/,
    );
  });

  it('fails when a page other than the allowed one can load an isolated library', async () => {
    const isolate = [{ module: /\/node_modules\/cytoscape\//, onlyIn: ['Topology'] }];
    const exposed = { Topology: `${FIXTURES}/Graph.js`, Page: `${FIXTURES}/Page.js` };
    await expect(
      run({ metadata: metadata(exposed), extensions: [route('Page')], isolate }),
    ).resolves.toBeDefined();
    const leaky = { Page: `${FIXTURES}/Graph.js` };
    await expect(run({ metadata: metadata(leaky), extensions: [route('Page')], isolate })).rejects.toThrow(
      /Page can load .*node_modules\/cytoscape\/.*only allowed in Topology/,
    );
  });

  it('fails when entry + first page is over budget', async () => {
    await expect(
      run({
        metadata: metadata({ Page: `${FIXTURES}/Page.js` }),
        extensions: [route('Page')],
        firstPageBudgetGzip: 100,
      }),
    ).rejects.toThrow(/entry \+ first page \(Page\) is \d+ bytes gzip, over the 100-byte budget/);
  });
});
