import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameScheduler } from './schedule';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('frameScheduler', () => {
  it('without requestAnimationFrame (Node): a 16 ms timeout', () => {
    vi.useFakeTimers();
    const cb = vi.fn();
    frameScheduler(cb);
    vi.advanceTimersByTime(15);
    expect(cb).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb).toHaveBeenCalledOnce();
  });

  it('runs once on the next frame, or after 1 s when frames stop (hidden tab)', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', vi.fn());
    const visible = vi.fn();
    frameScheduler(visible);
    frames[0]?.(0);
    vi.advanceTimersByTime(2000);
    expect(visible).toHaveBeenCalledOnce();

    const hidden = vi.fn();
    frameScheduler(hidden);
    vi.advanceTimersByTime(1000);
    expect(hidden).toHaveBeenCalledOnce();
    frames[1]?.(0); // a late frame does not run it again
    expect(hidden).toHaveBeenCalledOnce();
  });

  it('cancel prevents both', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', vi.fn());
    const cb = vi.fn();
    frameScheduler(cb)();
    frames[0]?.(0);
    vi.advanceTimersByTime(2000);
    expect(cb).not.toHaveBeenCalled();
  });
});
