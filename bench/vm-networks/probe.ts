/**
 * Timing probes that live in the harness page (window.__bench); run.ts drives them over playwright.
 * All times are performance.now() / Event.timeStamp, one clock.
 */

/** What the DOM must show once a keystroke has been handled. */
export type Expectation =
  /** The VM networks page: its summary text and the data-test of the first row (null: the empty state). */
  | { kind: 'page'; summary: string; firstRow: string | null }
  /** The floor: a plain input, whose value is right as soon as the browser handled the key. */
  | { kind: 'input'; value: string };

export type BenchApi = {
  /** Set once the data is generated and serialized; run.ts collects garbage, then calls start(). */
  ready: boolean;
  start: () => void;
  /** Resolves when the first table row is in the DOM: ms from data available (list calls resolved) to then. */
  firstRows: Promise<{ dataToRows: number; startToRows: number }>;
  /** ms from the last keydown to the first frame, painted, whose DOM meets `e` (rAF, then a task after it). */
  settled: (e: Expectation, timeoutMs?: number) => Promise<number>;
  /**
   * Arms a measurement for the next keydown: from that keydown's timeStamp, every frame is checked against `e`
   * (rAF, then a task after it). Armed before the key is pressed, so no frame is missed while playwright's
   * press() is still waiting for the browser to acknowledge the key's events.
   */
  arm: (e: Expectation, timeoutMs?: number) => void;
  /** The armed measurement: ms from the keydown to the first painted frame meeting its expectation. */
  armed: () => Promise<number>;
  /** Extra durations the harness records (ms), e.g. how long the floor's buildVMRows took. */
  marks: Record<string, number>;
  /** keydown timeStamps seen so far, one per keystroke. */
  keydowns: number[];
  /** For each keydown, the longest Event Timing duration of events in its interaction window (0: under 16 ms). */
  eventDurations: () => number[];
};

declare global {
  interface Window {
    __bench: BenchApi;
  }
}

/** Where the page shows its rows, its summary and its "nothing matches" state (CSS selectors). */
export type PageSelectors = { row: string; summary: string; empty: string };

/** The VM networks page's; other pages' benches pass theirs to installProbe. */
export const VM_NETWORKS_SELECTORS: PageSelectors = {
  row: 'tr[data-test^="row-"]',
  summary: '[data-test="interface-summary"]',
  empty: '[data-test="empty-filtered"]',
};

let selectors = VM_NETWORKS_SELECTORS;

const meets = (e: Expectation): boolean => {
  if (e.kind === 'input')
    return document.querySelector<HTMLInputElement>('[data-test="floor-input"]')?.value === e.value;
  const summary = document.querySelector(selectors.summary)?.textContent?.trim();
  if (summary !== e.summary) return false;
  if (e.firstRow === null) return !!document.querySelector(selectors.empty);
  return document.querySelector(selectors.row)?.getAttribute('data-test') === e.firstRow;
};

const firstRowsAfter = (dataAt: () => number | undefined, startedAt: () => number) =>
  new Promise<{ dataToRows: number; startToRows: number }>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selectors.row)) return;
      const now = performance.now();
      observer.disconnect();
      resolve({ dataToRows: now - (dataAt() ?? NaN), startToRows: now - startedAt() });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });

export const installProbe = (
  dataAt: () => number | undefined,
  mount: () => void,
  pageSelectors: PageSelectors = VM_NETWORKS_SELECTORS,
): BenchApi => {
  selectors = pageSelectors;
  const events: PerformanceEventTiming[] = [];
  // durationThreshold (Event Timing Level 1) is missing from TypeScript's DOM types, hence the cast.
  new PerformanceObserver((list) => {
    events.push(...(list.getEntries() as PerformanceEventTiming[]));
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  const keydowns: number[] = [];
  let onKeydown: ((at: number) => void) | undefined;
  window.addEventListener(
    'keydown',
    (e) => {
      keydowns.push(e.timeStamp);
      onKeydown?.(e.timeStamp);
      onKeydown = undefined;
    },
    true,
  );
  let armed: Promise<number> = Promise.reject(new Error('nothing armed'));
  armed.catch(() => undefined);

  /** From `from`, checks each frame until the DOM meets `e`; resolves with the time of the task after that frame. */
  const watch = (e: Expectation, from: number, timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      const frame = () => {
        // In a rAF callback the DOM is what this frame will paint; a task queued here runs after the paint.
        if (meets(e)) setTimeout(() => resolve(performance.now() - from), 0);
        else if (performance.now() - from > timeoutMs)
          reject(new Error(`not settled after ${timeoutMs} ms: ${JSON.stringify(e)}`));
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });

  let startedAt = NaN;
  const api: BenchApi = {
    ready: false,
    start: () => {
      startedAt = performance.now();
      mount();
    },
    firstRows: firstRowsAfter(dataAt, () => startedAt),
    marks: {},
    keydowns,
    settled: (e, timeoutMs = 10_000) =>
      watch(e, keydowns[keydowns.length - 1] ?? performance.now(), timeoutMs),
    arm: (e, timeoutMs = 10_000) => {
      armed = new Promise<number>((resolve, reject) => {
        onKeydown = (at) => void watch(e, at, timeoutMs).then(resolve, reject);
      });
    },
    armed: () => armed,
    eventDurations: () =>
      keydowns.map((t, i) => {
        const end = keydowns[i + 1] ?? Infinity;
        const mine = events.filter((ev) => ev.startTime >= t - 1 && ev.startTime < end - 1);
        return Math.max(0, ...mine.map((ev) => ev.duration));
      }),
  };
  window.__bench = api;
  return api;
};
