import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../domain/kube/meta';
import type { ListSnapshot } from './client';
import { cm, fakeClient, flushPromises, manualScheduler, manualTimers } from './fakes';
import { ConfigMapModel } from './models';
import { backoffDelay } from './schedule';
import { applyEvents, createListWatch, objectKey, type ListStore } from './watch';

const memoryStore = () => {
  let data: ListSnapshot<K8sObject> | undefined;
  const writes: ListSnapshot<K8sObject>[] = [];
  const store: ListStore<K8sObject> = {
    get: () => data,
    set: (s) => {
      data = s;
      writes.push(s);
    },
  };
  return {
    store,
    writes,
    names: () => data?.items.map((i) => i.metadata.name).sort(),
    rv: () => data?.resourceVersion,
  };
};

const setup = (initial?: ListSnapshot<K8sObject>) => {
  const fake = fakeClient();
  const mem = memoryStore();
  if (initial) mem.store.set(initial);
  mem.writes.length = 0;
  const frames = manualScheduler();
  const t = manualTimers();
  const watch = createListWatch({
    client: fake.client,
    model: ConfigMapModel,
    namespace: 'ns',
    store: mem.store,
    schedule: frames.schedule,
    timers: t.timers,
  });
  return { fake, mem, frames, t, watch };
};

const listed = (items: K8sObject[], resourceVersion: string) => ({
  ok: true as const,
  value: { items, resourceVersion },
});

describe('pure helpers', () => {
  it('backoff doubles from 500 ms and is capped', () => {
    expect([0, 1, 2, 3, 10, 100].map((n) => backoffDelay(n))).toEqual([
      500, 1000, 2000, 4000, 30_000, 30_000,
    ]);
    expect(backoffDelay(3, 100, 500)).toBe(500);
  });

  it('applyEvents upserts and deletes by namespace/name, in order, and returns the last resourceVersion', () => {
    const map = new Map([[objectKey(cm('a', '1')), cm('a', '1')]]);
    const rv = applyEvents(map, [
      { type: 'MODIFIED', object: cm('a', '2', { v: '2' }) },
      { type: 'ADDED', object: cm('b', '3') },
      { type: 'DELETED', object: cm('b', '4') },
      { type: 'ADDED', object: cm('b', '5') },
      { type: 'ADDED', object: cm('b', '6', { v: '6' }) }, // a duplicate ADDED must not duplicate the entry
    ]);
    expect(rv).toBe('6');
    expect([...map.values()]).toEqual([cm('a', '2', { v: '2' }), cm('b', '6', { v: '6' })]);
  });
});

describe('createListWatch', () => {
  it('lists, then watches from the list resourceVersion with bookmarks', async () => {
    const { fake, mem, watch } = setup();
    watch.start();
    expect(watch.getStatus()).toEqual({ state: 'connecting', loaded: false });
    await fake.resolveList(listed([cm('a', '10')], '12'));
    expect(mem.names()).toEqual(['a']);
    expect(fake.lastSocket().opts).toMatchObject({ namespace: 'ns', resourceVersion: '12' });
    fake.lastSocket().open();
    expect(watch.getStatus()).toEqual({ state: 'live', loaded: true });
  });

  it('applies 1,000 events in one store write per frame', async () => {
    const { fake, mem, frames, watch } = setup();
    watch.start();
    await fake.resolveList(listed([], '1'));
    const s = fake.lastSocket();
    s.open();
    mem.writes.length = 0;
    for (let i = 0; i < 1000; i++) s.send({ type: 'ADDED', object: cm(`o${i}`, String(i + 2)) });
    expect(mem.writes).toHaveLength(0);
    expect(frames.pending()).toBe(1);
    frames.runFrame();
    expect(mem.writes).toHaveLength(1);
    expect(mem.names()).toHaveLength(1000);
    expect(mem.rv()).toBe('1001');
  });

  it('works with a synchronous scheduler (one write per event)', async () => {
    const fake = fakeClient();
    const mem = memoryStore();
    const watch = createListWatch({
      client: fake.client,
      model: ConfigMapModel,
      store: mem.store,
      schedule: (cb) => {
        cb();
        return () => undefined;
      },
      minFlushInterval: 0,
    });
    watch.start();
    await fake.resolveList(listed([], '1'));
    fake.lastSocket().send({ type: 'ADDED', object: cm('a', '2') });
    fake.lastSocket().send({ type: 'ADDED', object: cm('b', '3') });
    expect(mem.writes.map((w) => w.items.length)).toEqual([0, 1, 2]);
    watch.stop();
  });

  it('under a sustained stream, flushes at most every minFlushInterval ms', async () => {
    const fake = fakeClient();
    const mem = memoryStore();
    const frames = manualScheduler();
    const t = manualTimers();
    let clock = 0;
    const watch = createListWatch({
      client: fake.client,
      model: ConfigMapModel,
      store: mem.store,
      schedule: frames.schedule,
      timers: t.timers,
      now: () => clock,
      idleTimeout: 0, // only the flush timers here
    });
    watch.start();
    await fake.resolveList(listed([], '1'));
    const s = fake.lastSocket();
    mem.writes.length = 0;
    s.send({ type: 'ADDED', object: cm('a', '2') });
    frames.runFrame(); // calm: the next frame
    expect(mem.writes).toHaveLength(1);
    clock = 16;
    s.send({ type: 'ADDED', object: cm('b', '3') });
    expect(frames.pending()).toBe(0);
    expect(t.delays()).toEqual([84]); // waits out the rest of the 100 ms, then the next frame
    s.send({ type: 'ADDED', object: cm('c', '4') });
    expect(t.delays()).toEqual([84]);
    clock = 100;
    t.fireAll();
    frames.runFrame();
    expect(mem.writes).toHaveLength(2);
    expect(mem.names()).toEqual(['a', 'b', 'c']);
  });

  it('keeps identity of untouched objects across a batch', async () => {
    const { fake, mem, frames, watch } = setup();
    watch.start();
    const a = cm('a', '1');
    await fake.resolveList(listed([a, cm('b', '1')], '1'));
    fake.lastSocket().send({ type: 'MODIFIED', object: cm('b', '2') });
    frames.runFrame();
    expect(mem.store.get()?.items[0]).toBe(a);
  });

  it('a bookmark advances the resourceVersion used to reconnect', async () => {
    const { fake, mem, frames, t, watch } = setup();
    watch.start();
    await fake.resolveList(listed([cm('a', '1')], '5'));
    const s = fake.lastSocket();
    s.open();
    s.send({
      type: 'BOOKMARK',
      object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '', resourceVersion: '99' } },
    });
    frames.runFrame();
    expect(mem.rv()).toBe('99');
    expect(mem.names()).toEqual(['a']);
    s.end({ code: 1000 }); // server-side timeout after frames: resume, no relist
    expect(watch.getStatus().state).toBe('reconnecting');
    expect(t.delays()).toEqual([500]);
    t.fireAll();
    expect(fake.lastSocket().opts.resourceVersion).toBe('99');
    expect(fake.pendingLists()).toBe(0);
  });

  it('410 ERROR event → relist replaces the cache: no ghosts, no duplicates, buffered events dropped', async () => {
    const { fake, mem, frames, watch } = setup();
    watch.start();
    await fake.resolveList(listed([cm('a', '1'), cm('ghost', '1')], '1'));
    const s = fake.lastSocket();
    s.open();
    s.send({ type: 'ADDED', object: cm('stale', '2') }); // buffered, older than the relist
    s.send({
      type: 'ERROR',
      object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version' },
    });
    expect(s.closed).toBe(true);
    expect(fake.pendingLists()).toBe(1);
    expect(watch.getStatus().state).toBe('reconnecting');
    await fake.resolveList(listed([cm('a', '7'), cm('b', '8')], '9'));
    frames.runFrame();
    expect(mem.names()).toEqual(['a', 'b']);
    expect(mem.rv()).toBe('9');
    expect(fake.lastSocket().opts.resourceVersion).toBe('9');
    s.send({ type: 'ADDED', object: cm('late', '3') }); // from the superseded socket: ignored
    frames.runFrame();
    expect(mem.names()).toEqual(['a', 'b']);
  });

  it('an upgrade refused with HTTP 410 also relists', async () => {
    const { fake, watch } = setup({ items: [cm('a', '1')], resourceVersion: '1' });
    watch.start();
    expect(fake.pendingLists()).toBe(0); // resumed from the cache, no list
    fake.lastSocket().end({ httpStatus: 410 });
    expect(fake.pendingLists()).toBe(1);
  });

  it('backs off while unreachable, says so, keeps data, and goes live again', async () => {
    const { fake, mem, t, watch } = setup();
    watch.start();
    await fake.resolveList(listed([cm('a', '1')], '3'));
    fake.setProbe({ ok: false, error: { kind: 'unreachable', message: 'ECONNREFUSED' } });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      fake.lastSocket().end({ code: 1006 });
      await flushPromises();
      delays.push(...t.delays());
      if (i === 0) expect(watch.getStatus().state).toBe('reconnecting');
      t.fireAll();
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(watch.getStatus()).toMatchObject({
      state: 'unreachable',
      loaded: true,
      lastError: { kind: 'unreachable' },
    });
    expect(mem.names()).toEqual(['a']);
    const s = fake.lastSocket();
    s.open();
    s.send({ type: 'MODIFIED', object: cm('a', '4') });
    expect(watch.getStatus()).toEqual({ state: 'live', loaded: true });
  });

  it('a non-transient failure stops retrying until retry()', async () => {
    const { fake, t, watch } = setup();
    watch.start();
    await fake.resolveList({ ok: false, error: { kind: 'forbidden', status: 403, message: 'no' } });
    expect(watch.getStatus()).toMatchObject({
      state: 'failed',
      loaded: false,
      lastError: { kind: 'forbidden' },
    });
    expect(t.delays()).toEqual([]);
    watch.retry();
    expect(fake.pendingLists()).toBe(1);
    await fake.resolveList(listed([], '1'));
    expect(watch.getStatus()).toEqual({ state: 'connecting', loaded: true });
  });

  it('an initial list that cannot reach the server is retried with backoff', async () => {
    const { fake, t, watch } = setup();
    watch.start();
    await fake.resolveList({ ok: false, error: { kind: 'unreachable', message: 'down' } });
    expect(watch.getStatus().state).toBe('reconnecting');
    t.fireAll();
    expect(fake.pendingLists()).toBe(1);
  });

  it('stop() closes the socket and drops unflushed events, leaving a consistent snapshot', async () => {
    const { fake, mem, frames, watch } = setup();
    watch.start();
    await fake.resolveList(listed([cm('a', '1')], '1'));
    const s = fake.lastSocket();
    s.send({ type: 'ADDED', object: cm('b', '2') });
    watch.stop();
    expect(s.closed).toBe(true);
    expect(frames.pending()).toBe(0);
    expect(mem.store.get()).toEqual({ items: [cm('a', '1')], resourceVersion: '1' });
  });

  it('a listener that stops the watch on the first load leaves no socket open', async () => {
    const { fake, watch } = setup();
    watch.subscribe(() => {
      if (watch.getStatus().loaded) watch.stop();
    });
    watch.start();
    await fake.resolveList(listed([], '1'));
    expect(fake.sockets).toHaveLength(0);
  });

  it('resumes refused while lists work (a resourceVersion the server no longer knows): relists after 3, no ghosts', async () => {
    // The cache is from before etcd was restored: its resourceVersion is beyond anything the server has, so the
    // upgrade is refused (504, which the browser cannot even see) while a plain list works.
    const { fake, mem, frames, t, watch } = setup({
      items: [cm('a', '1'), cm('ghost', '2')],
      resourceVersion: '99999',
    });
    const states: string[] = [];
    watch.subscribe(() => states.push(watch.getStatus().state));
    watch.start();
    for (let i = 0; i < 3; i++) {
      expect(fake.lastSocket().opts.resourceVersion).toBe('99999');
      fake.lastSocket().end({ code: 1006, error: 'WebSocket error' });
      await flushPromises(); // the probe list answers 200
      expect(fake.pendingLists()).toBe(0);
      t.fireAll();
    }
    expect(fake.pendingLists()).toBe(1); // gave up the resourceVersion
    expect(states).toContain('reconnecting'); // the banner never claimed live meanwhile
    expect(states).not.toContain('live');
    await fake.resolveList(listed([cm('a', '50'), cm('b', '51')], '60'));
    frames.runFrame();
    expect(mem.names()).toEqual(['a', 'b']);
    expect(fake.lastSocket().opts.resourceVersion).toBe('60');
    fake.lastSocket().open();
    expect(watch.getStatus()).toEqual({ state: 'live', loaded: true });
  });

  it('watch ERROR frames other than 410 (e.g. 504 "too large resource version") also relist after 3', async () => {
    const { fake, t, watch } = setup({ items: [cm('a', '1')], resourceVersion: '99999' });
    watch.start();
    for (let i = 0; i < 3; i++) {
      const s = fake.lastSocket();
      s.open();
      s.send({ type: 'ERROR', object: { kind: 'Status', code: 504, message: 'Too large resource version' } });
      expect(s.closed).toBe(true);
      t.fireAll();
    }
    expect(fake.pendingLists()).toBe(1);
  });

  it('a resume accepted but silent (a resourceVersion ahead of the server) relists after 3 idle timeouts', async () => {
    const { fake, mem, frames, t, watch } = setup({ items: [cm('ghost', '1')], resourceVersion: '99999' });
    const states: string[] = [];
    watch.subscribe(() => states.push(watch.getStatus().state));
    watch.start();
    for (let i = 0; i < 3; i++) {
      expect(fake.lastSocket().opts.resourceVersion).toBe('99999');
      fake.lastSocket().open(); // the server accepts the watch, then never sends anything
      t.fireAll();
    }
    expect(fake.pendingLists()).toBe(1);
    expect(watch.getStatus().state).toBe('reconnecting');
    // Once a resume had gone silent, the later opened-but-silent sockets never claimed "live".
    expect(states.slice(states.indexOf('reconnecting'))).not.toContain('live');
    await fake.resolveList(listed([cm('a', '3')], '4'));
    frames.runFrame();
    expect(mem.names()).toEqual(['a']);
  });

  it('a server that is down (lists fail too) keeps resuming from the resourceVersion, no relist', async () => {
    const { fake, t, watch } = setup({ items: [cm('a', '1')], resourceVersion: '7' });
    fake.setProbe({ ok: false, error: { kind: 'unreachable', message: 'ECONNREFUSED' } });
    watch.start();
    for (let i = 0; i < 5; i++) {
      fake.lastSocket().end({ code: 1006 });
      await flushPromises();
      t.fireAll();
    }
    expect(fake.pendingLists()).toBe(0);
    expect(fake.lastSocket().opts.resourceVersion).toBe('7');
  });

  it('a socket silent for idleTimeout (half-open) is replaced, resuming from the last resourceVersion', async () => {
    const { fake, mem, frames, t, watch } = setup();
    watch.start();
    await fake.resolveList(listed([cm('a', '1')], '5'));
    const s = fake.lastSocket();
    s.open();
    expect(t.delays()).toEqual([120_000]);
    s.send({ type: 'ADDED', object: cm('b', '6') });
    frames.runFrame();
    s.send({ type: 'MODIFIED', object: cm('b', '7') });
    frames.runFrame();
    expect(t.delays().filter((d) => d > 1000)).toEqual([120_000]); // each frame re-arms the one idle timer
    t.fireAll(); // two minutes without an event or bookmark
    expect(s.closed).toBe(true);
    expect(watch.getStatus().state).toBe('reconnecting');
    const next = fake.lastSocket();
    expect(next).not.toBe(s);
    expect(next.opts.resourceVersion).toBe('7');
    expect(fake.pendingLists()).toBe(0);
    s.send({ type: 'ADDED', object: cm('late', '8') }); // the dead socket wakes up: ignored
    frames.runFrame();
    expect(mem.names()).toEqual(['a', 'b']);
    next.open();
    expect(watch.getStatus().state).toBe('live');
  });

  it('notifies subscribers only when the status changes', async () => {
    const { fake, watch } = setup();
    let calls = 0;
    watch.subscribe(() => calls++);
    watch.start();
    await fake.resolveList(listed([], '1'));
    fake.lastSocket().open();
    fake.lastSocket().open();
    expect(calls).toBe(2); // connecting+loaded, live
  });
});
