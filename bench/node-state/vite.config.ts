/** Production build of the node-state bench harness into .cache/bench-node-state (bench/shared/harnessVite.ts). */
import { harnessConfig, harnessOutDir } from '../shared/harnessVite';

export const OUT_DIR = harnessOutDir('node-state');

export default harnessConfig('node-state');
