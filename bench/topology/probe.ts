/**
 * In-page timers of the topology bench (window.__topologyBench); run.ts drives them over playwright. One clock:
 * performance.now().
 */
import type { Core } from 'cytoscape';

/** What one page load measured (ms unless named otherwise). */
export type LoadResult = {
  /** buildDefaultView: the view the page draws, from the lists (ours only; NaN on the floor). */
  build: number;
  /** layoutGraph (ours only). */
  viewLayout: number;
  /** From start() (data in memory) to the first painted frame that shows the elements. */
  paint: number;
  /** Elements on the canvas when it first painted. */
  nodes: number;
  edges: number;
};

export type Interaction = {
  /** Longest PerformanceObserver 'longtask' entry during the script (0: none of 50 ms or more). */
  longestTask: number;
  longTasks: number;
  /** Longest gap between two animation frames during the script (every task and the frame's own work in it). */
  maxFrameGap: number;
  frames: number;
  /** Zoom and pan before and after: the script must have moved the viewport. */
  before: { zoom: number; x: number; y: number };
  after: { zoom: number; x: number; y: number };
};

export type BenchApi = {
  /** Set once the data is generated; run.ts collects garbage, then calls start(). */
  ready: boolean;
  start: () => Promise<LoadResult>;
  /** Starts recording frames and long tasks for the scripted pan and zoom. */
  beginInteraction: () => void;
  endInteraction: () => Interaction;
};

declare global {
  interface Window {
    __topologyBench: BenchApi;
  }
}

/** The cytoscape instance cytoscape registered on its container (`container._cyreg.cy`, cytoscape's core init). */
export const cyOf = (container: Element | null): Core | undefined =>
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- it is needed: Element has no _cyreg
  (container as (Element & { _cyreg?: { cy?: Core } }) | null)?._cyreg?.cy;

/**
 * Resolves with the time of the first painted frame in which `cy` drew a non-empty graph: cytoscape emits
 * 'render' from its requestAnimationFrame callback once the canvas is drawn; the next animation frame starts after
 * that frame was produced, and a task queued from it runs after that second frame too.
 */
export const firstPaint = (cy: Core): Promise<number> =>
  new Promise((resolve) => {
    const onRender = () => {
      if (cy.elements().empty()) return;
      cy.off('render', onRender);
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    };
    cy.on('render', onRender);
  });

/** Waits for cytoscape to be created inside `root` (by React, in an effect), then for its first paint. */
export const firstPaintIn = (root: Element, selector: string): Promise<number> =>
  new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const cy = cyOf(root.querySelector(selector));
      if (!cy) return;
      observer.disconnect();
      // This callback is a microtask after the effect that created cytoscape and added the elements; cytoscape
      // draws in a later animation frame, so the 'render' listener is in place in time.
      void firstPaint(cy).then(resolve);
    });
    observer.observe(root, { childList: true, subtree: true });
  });

export const installProbe = (start: () => Promise<LoadResult>, cy: () => Core | undefined): BenchApi => {
  const longTasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
    type: 'longtask',
    buffered: true,
  });
  let recording:
    { from: number; last: number; maxGap: number; frames: number; before: Interaction['before'] } | undefined;
  const viewport = () => {
    const c = cy();
    if (!c) throw new Error('no cytoscape instance on the page');
    return { zoom: c.zoom(), ...c.pan() };
  };
  const frame = (now: number) => {
    if (!recording) return;
    recording.maxGap = Math.max(recording.maxGap, now - recording.last);
    recording.last = now;
    recording.frames++;
    requestAnimationFrame(frame);
  };
  const api: BenchApi = {
    ready: false,
    start,
    beginInteraction: () => {
      const now = performance.now();
      recording = { from: now, last: now, maxGap: 0, frames: 0, before: viewport() };
      requestAnimationFrame(frame);
    },
    endInteraction: () => {
      if (!recording) throw new Error('no interaction recorded');
      const r = recording;
      recording = undefined;
      const tasks = longTasks.filter((t) => t.startTime + t.duration >= r.from);
      return {
        longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
        longTasks: tasks.length,
        maxFrameGap: Math.max(r.maxGap, performance.now() - r.last),
        frames: r.frames,
        before: r.before,
        after: viewport(),
      };
    },
  };
  window.__topologyBench = api;
  return api;
};
