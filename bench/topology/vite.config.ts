/**
 * Production build of the topology bench harness into .cache/bench-topology (bench/shared/harnessVite.ts; the
 * harness imports GROUP_THRESHOLD from the page module, so the SDK alias matters here too).
 */
import { harnessConfig, harnessOutDir } from '../shared/harnessVite';

export const OUT_DIR = harnessOutDir('topology');

export default harnessConfig('topology');
