/**
 * Production build of the topology bench harness into .cache/bench-topology (bench/shared/harnessVite.ts; the
 * harness imports GROUP_THRESHOLD from the page module, so the SDK alias matters here too). BENCH_OUT_DIR builds
 * into another folder, so two runs on one work tree do not empty each other's harness.
 */
import { resolve } from 'node:path';
import { harnessConfig, harnessOutDir } from '../shared/harnessVite';

export const OUT_DIR = process.env.BENCH_OUT_DIR
  ? resolve(process.env.BENCH_OUT_DIR)
  : harnessOutDir('topology');

const config = harnessConfig('topology');

export default { ...config, build: { ...config.build, outDir: OUT_DIR } };
