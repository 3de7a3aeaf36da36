/** When things run: flushes on animation frames, reconnects after a capped exponential backoff. Injectable for tests. */

/** Runs `cb` later (next animation frame in browsers); returns a cancel function. */
export type Scheduler = (cb: () => void) => () => void;

export const frameScheduler: Scheduler = (cb) => {
  if (typeof requestAnimationFrame !== 'function') {
    const id = setTimeout(cb, 16);
    return () => clearTimeout(id);
  }
  // Hidden tabs get no frames: the timeout keeps the buffer from growing without bound until the tab shows.
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timeout);
    cb();
  };
  const frame = requestAnimationFrame(run);
  const timeout = setTimeout(run, 1000);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timeout);
  };
};

export type Timers = { set: (cb: () => void, ms: number) => () => void };
export const realTimers: Timers = {
  set: (cb, ms) => {
    const id = setTimeout(cb, ms);
    return () => clearTimeout(id);
  },
};

/** Delay before reconnect attempt `attempt` (0-based): 500 ms doubling up to `cap`. */
export const backoffDelay = (attempt: number, base = 500, cap = 30_000): number =>
  Math.min(cap, base * 2 ** Math.min(attempt, 20));
