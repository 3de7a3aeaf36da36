// Module resolution for the console build: what the plugin must not bundle. Console-shared singletons
// and PatternFly dynamic modules become stub modules that read the host's copy from the registry the
// entry runtime fills; PatternFly CSS becomes nothing; react-dom is refused in plugin code.
import { basename, relative } from 'node:path';
import type { Plugin } from 'vite';
import { isPatternFlyCss, parseDynamicModuleRequest, resolveFallbackFile } from './patternfly';
import { classifySharedRequest } from './sharedModules';

export const SHARED = '\0console-shared:';
export const DYNAMIC = '\0console-pf:';
const EMPTY_CSS = '\0console-stub:patternfly-css';
const REACT_DOM_SHIM = '\0console-stub:react-dom';

// Vendor code may import react-dom, which console does not share. A second react-dom could not render
// into the host's roots anyway, so vendors get what works without one:
// - createPortal (PatternFly Popper, Modal…) only builds a plain object that the host's renderer reads;
// - flushSync (@tanstack/react-virtual while scrolling) and unstable_batchedUpdates just run the callback:
//   React 18 batches updates itself, and a bundled react-dom's flushSync could not flush the host's
//   roots either, so this is what a webpack-built plugin gets too (the render comes a frame later).
// Any other react-dom export fails the build as a missing export, naming the vendor file.
const REACT_DOM_SHIM_CODE = `const REACT_PORTAL_TYPE = Symbol.for('react.portal');
export function createPortal(children, containerInfo, key) {
  return { $$typeof: REACT_PORTAL_TYPE, key: key == null ? null : '' + key, children, containerInfo, implementation: null };
}
export function flushSync(fn, arg) {
  return fn ? fn(arg) : undefined;
}
export function unstable_batchedUpdates(fn, arg) {
  return fn(arg);
}
export default { createPortal, flushSync, unstable_batchedUpdates };
`;

export const isVendor = (id: string) => id.includes('/node_modules/');

/**
 * The resolver plugin. It runs before vite's own resolver (`enforce: 'pre'`), otherwise vite would
 * resolve `react` to node_modules first. `fallbackRefs` collects, per PatternFly key, the emitted
 * fallback chunk (the real ES module), which the entry runtime imports only if the host lacks the key.
 */
export const resolverPlugin = (
  root: string,
  registryName: string,
  fallbackRefs: Map<string, string>,
): Plugin => {
  const rel = (id: string | undefined) => (id ? relative(root, id) : '(entry)');
  // CommonJS on purpose: rolldown turns named and default imports into property reads of module.exports,
  // so the stub needs no export list.
  const stub = (key: string) =>
    `module.exports = globalThis[${JSON.stringify(registryName)}].require(${JSON.stringify(key)});\n`;
  return {
    name: 'console-plugin:resolve',
    enforce: 'pre',
    apply: 'build',
    resolveId(id, importer) {
      if (isPatternFlyCss(id, importer)) return EMPTY_CSS;
      if (id === 'react-dom' || id.startsWith('react-dom/')) {
        if (id === 'react-dom' && importer && isVendor(importer)) return REACT_DOM_SHIM;
        this.error(
          `${rel(importer)} imports "${id}": plugin code must not import react-dom; ` +
            'it renders through the console, which does not share react-dom',
        );
      }
      const shared = classifySharedRequest(id);
      if (shared.kind === 'shared') return SHARED + shared.key;
      if (shared.kind === 'subpath') {
        this.error(
          `${rel(importer)} imports "${id}": console shares only "${shared.key}" itself; import from it`,
        );
      }
      return parseDynamicModuleRequest(id) ? DYNAMIC + id : null;
    },
    load(id) {
      if (id === EMPTY_CSS) return { code: 'export {};\n', moduleType: 'js' };
      if (id === REACT_DOM_SHIM) return { code: REACT_DOM_SHIM_CODE, moduleType: 'js' };
      if (id.startsWith(SHARED)) return { code: stub(id.slice(SHARED.length)), moduleType: 'js' };
      if (!id.startsWith(DYNAMIC)) return null;
      const key = id.slice(DYNAMIC.length);
      if (!fallbackRefs.has(key)) {
        const file = resolveFallbackFile(root, key);
        const name = `pf-${basename(key)}`;
        fallbackRefs.set(
          key,
          this.emitFile({ type: 'chunk', id: file, name, preserveSignature: 'exports-only' }),
        );
      }
      return { code: stub(key), moduleType: 'js' };
    },
  };
};
