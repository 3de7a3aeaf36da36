import type { Core } from 'cytoscape';

const DONE = Symbol('vm-network-topology.withoutPressState');

/**
 * Takes away cytoscape's "press" state (`:active`): pressing the mouse button on an element no longer activates it.
 *
 * Cytoscape activates the element under a pressed button (its default stylesheet draws a grey overlay on it) and
 * deactivates it on release, or when the drag turns into a pan (`src/extensions/renderer/base/load-listeners.mjs`).
 * Each of the two restyles the element whether or not its look changed (`activate` in
 * `src/collection/switch-functions.mjs` → `updateStyle` in `src/collection/style.mjs`), and any restyle makes the
 * canvas renderer drop the layered textures holding that element and draw every element on its own for the next
 * 250 ms (`invalidateTextureCaches` in `src/extensions/renderer/canvas/index.mjs`, `invalidThreshold` in
 * `.../canvas/layered-texture-cache.mjs`). Nearly every press lands on something (a namespace box, a line), so the
 * frame ending each drag redrew the whole graph: 5,000 VMs fully expanded, longest pan/zoom task 215–283 → 113–120 ms
 * without the press state (A/B in bench/topology/README.md). The page marks selection and keyboard focus with its own classes and never
 * used the press overlay; taps and hovers do not depend on it.
 *
 * Cytoscape's extension API refuses to replace a built-in (`src/extension.mjs`), so the collection prototype's
 * `activate` / `unactivate` become no-ops, once, in this bundle's own copy of cytoscape (the plugin bundles it; the
 * console shares no cytoscape with other plugins).
 */
export const withoutPressState = (cy: Core): void => {
  const proto = Object.getPrototypeOf(cy.collection()) as Record<string | symbol, unknown>;
  if (proto[DONE]) return;
  const unchanged = function (this: unknown) {
    return this;
  };
  proto.activate = unchanged;
  proto.unactivate = unchanged;
  proto[DONE] = true;
};
