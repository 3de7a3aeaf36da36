/**
 * Production build of the topology bench harness into .cache/bench-topology (bench/shared/harnessVite.ts; the
 * harness imports GROUP_THRESHOLD from the page module, so the SDK alias matters here too). BENCH_OUT_DIR builds
 * into another folder, so two runs on one work tree do not empty each other's harness.
 *
 * Diagnostic, BENCH_STYLE: `floor` builds ours with the floor's two-rule style instead of the page's
 * (`buildStyle` of src/views/topology/style.ts), `nolabels` with the page's style less its `label` properties. The
 * rest of ours (domain, React, the canvas) is unchanged, so the table tells what the look costs. Only this build
 * changes; the page never does.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { harnessConfig, harnessOutDir } from '../shared/harnessVite';

export const OUT_DIR = process.env.BENCH_OUT_DIR
  ? resolve(process.env.BENCH_OUT_DIR)
  : harnessOutDir('topology');

export const STYLE = process.env.BENCH_STYLE ?? 'page';
if (!['page', 'floor', 'nolabels'].includes(STYLE))
  throw new Error(`BENCH_STYLE: not page, floor or nolabels: ${JSON.stringify(STYLE)}`);

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const STYLE_MODULE = here('../../src/views/topology/style.ts');
const FLOOR_MODULE = here('floorStyle.ts');

/** Renames the page's `buildStyle` and exports one that gives the style BENCH_STYLE asks for. */
const benchStyle = (): Plugin => ({
  name: 'bench-topology-style',
  transform(code, id) {
    if (STYLE === 'page' || id !== STYLE_MODULE) return undefined;
    const declared = 'export const buildStyle = ';
    if (!code.includes(declared)) throw new Error(`BENCH_STYLE: ${declared} not found in ${id}`);
    const wrapper =
      STYLE === 'floor'
        ? `export const buildStyle = (_th) => FLOOR_STYLE;`
        : `export const buildStyle = (th) => pageStyle(th).map((b) => ({ ...b, style: Object.fromEntries(Object.entries(b.style).filter(([k]) => k !== 'label')) }));`;
    return `import { FLOOR_STYLE } from ${JSON.stringify(FLOOR_MODULE)};\n${code.replace(declared, 'const pageStyle = ')}\n${wrapper}\n`;
  },
});

const config = harnessConfig('topology');

export default {
  ...config,
  plugins: [...(config.plugins ?? []), benchStyle()],
  build: { ...config.build, outDir: OUT_DIR },
};
