/**
 * Production build of the VM networks bench harness into .cache/bench-vm-networks (bench/shared/harnessVite.ts;
 * BENCH_MINIFY=0 keeps function names readable for run.ts --profile). Also usable as `vite build -c` this file.
 */
import { harnessConfig, harnessOutDir } from '../shared/harnessVite';

export const OUT_DIR = harnessOutDir('vm-networks');

export default harnessConfig('vm-networks');
