/**
 * Live lists without React: list, then watch from the list's resourceVersion; buffer events and apply them at
 * most once per frame; reconnect with capped exponential backoff; on 410 Gone relist and replace everything.
 * Watches heal: after a few resumes in a row that fail while the server answers (a resourceVersion it no longer
 * knows, e.g. after etcd was restored or replaced: the upgrade is refused with 504, not 410), relist; and when no
 * event or bookmark arrived for `idleTimeout` (a half-open socket), reconnect.
 * The result goes to a `ListStore` (react-query in the app, anything in tests) as a consistent snapshot: its
 * resourceVersion always matches its items, so a later watcher can resume from it.
 */
import type { K8sObject } from '../domain/kube/meta';
import type { K8sClient, ListSnapshot, SocketClose } from './client';
import { isTransient, toK8sError, type K8sError } from './errors';
import type { K8sModel } from './models';
import { backoffDelay, frameScheduler, realTimers, type Scheduler, type Timers } from './schedule';
import type { WatchEvent } from './types';

/** Objects are keyed by namespace/name: one entry per name even if a delete and re-create were coalesced. */
export const objectKey = (o: K8sObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Applies watch events in order to `map` (mutated). Returns the last resourceVersion seen, if any. */
export const applyEvents = <T extends K8sObject>(map: Map<string, T>, events: readonly WatchEvent<T>[]) => {
  let rv: string | undefined;
  for (const ev of events) {
    if (ev.type === 'ERROR') continue;
    rv = ev.object.metadata.resourceVersion ?? rv;
    if (ev.type === 'ADDED' || ev.type === 'MODIFIED') map.set(objectKey(ev.object), ev.object);
    else if (ev.type === 'DELETED') map.delete(objectKey(ev.object));
  }
  return rv;
};

export type ListStore<T> = { get: () => ListSnapshot<T> | undefined; set: (s: ListSnapshot<T>) => void };

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'unreachable' | 'failed';
/** `failed`: a non-transient error (forbidden, not found…) stopped the watch; `retry()` starts it again. */
export type WatchStatus = { state: ConnectionState; loaded: boolean; lastError?: K8sError };

export type ListWatchOptions<T extends K8sObject> = {
  client: Pick<K8sClient, 'listAll' | 'list' | 'watch'>;
  model: K8sModel<T>;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  store: ListStore<T>;
  schedule?: Scheduler;
  timers?: Timers;
  backoff?: (attempt: number) => number;
  /**
   * Under a sustained stream (a mass delete takes the server a second or two) flush at most this often, on top of
   * once per frame: a 10k-row table re-rendered 60 times a second helps nobody. Default 100 ms; 0 = every frame.
   */
  minFlushInterval?: number;
  now?: () => number;
  /** Consecutive failures before `reconnecting` turns into `unreachable`. */
  unreachableAfter?: number;
  /** Consecutive failed resumes (watch refused or errored) before giving up the resourceVersion and relisting. */
  relistAfter?: number;
  /**
   * No frame (event or bookmark; bookmarks are requested) for this long: the socket is presumed dead (half-open)
   * and the watch resumes on a new one. Default 2 minutes; 0 disables.
   */
  idleTimeout?: number;
  pageSize?: number;
};

export type ListWatch = {
  start: () => void;
  stop: () => void;
  retry: () => void;
  getStatus: () => WatchStatus;
  subscribe: (cb: () => void) => () => void;
};

export const createListWatch = <T extends K8sObject>(o: ListWatchOptions<T>): ListWatch => {
  const { client, model, namespace, labelSelector, fieldSelector, store } = o;
  const selectors = { namespace, labelSelector, fieldSelector };
  const schedule = o.schedule ?? frameScheduler;
  const timers = o.timers ?? realTimers;
  const backoff = o.backoff ?? ((n: number) => backoffDelay(n));
  const unreachableAfter = o.unreachableAfter ?? 2;
  const relistAfter = o.relistAfter ?? 3;
  const idleTimeout = o.idleTimeout ?? 120_000;
  const minFlushInterval = o.minFlushInterval ?? 100;
  const now = o.now ?? (() => performance.now());
  let lastFlush = -Infinity;

  let map = new Map<string, T>();
  let rv = '';
  let buffer: WatchEvent<T>[] = [];
  let rvDirty = false;
  let cancelFlush: (() => void) | undefined;
  let flushPending = false; // separate from cancelFlush: a synchronous scheduler runs flush before returning
  let cancelTimer: (() => void) | undefined;
  let cancelIdle: (() => void) | undefined;
  let socket: { close: () => void } | undefined;
  let failures = 0;
  // Consecutive resumes refused by a server that answers (a list worked, or the watch sent an ERROR frame).
  let refusals = 0;
  let running = false;
  // Bumped whenever a socket or list is superseded, so late callbacks from it are ignored.
  let generation = 0;
  let status: WatchStatus = { state: 'connecting', loaded: false };
  const listeners = new Set<() => void>();

  const setStatus = (next: WatchStatus) => {
    if (next.state === status.state && next.loaded === status.loaded && next.lastError === status.lastError)
      return;
    status = next;
    listeners.forEach((l) => l());
  };

  const flush = () => {
    flushPending = false;
    cancelFlush = undefined;
    if (!buffer.length && !rvDirty) return;
    lastFlush = now();
    const events = buffer;
    buffer = [];
    rvDirty = false;
    applyEvents(map, events);
    store.set({ items: Array.from(map.values()), resourceVersion: rv });
  };
  const scheduleFlush = () => {
    if (flushPending) return;
    flushPending = true;
    const wait = lastFlush + minFlushInterval - now();
    if (wait <= 0) {
      cancelFlush = schedule(flush);
      return;
    }
    let cancelFrame: (() => void) | undefined;
    const cancelWait = timers.set(() => {
      cancelFrame = schedule(flush);
    }, wait);
    cancelFlush = () => {
      cancelWait();
      cancelFrame?.();
    };
  };

  const closeSocket = () => {
    cancelIdle?.();
    cancelIdle = undefined;
    generation++;
    const s = socket;
    socket = undefined;
    s?.close();
  };

  const retryLater = (error: K8sError, again: () => void) => {
    if (!running) return;
    if (!isTransient(error)) {
      setStatus({ state: 'failed', loaded: status.loaded, lastError: error });
      return;
    }
    failures++;
    setStatus({
      state: failures >= unreachableAfter ? 'unreachable' : 'reconnecting',
      loaded: status.loaded,
      lastError: error,
    });
    // Resuming keeps being refused while the server answers lists: the resourceVersion may be one it no longer
    // knows. Start over from a list.
    const next = again === connect && refusals >= relistAfter ? relist : again;
    cancelTimer?.();
    cancelTimer = timers.set(
      () => {
        cancelTimer = undefined;
        if (running) next();
      },
      backoff(failures - 1),
    );
  };

  /** Replaces the cache with a fresh list: events buffered before it are older than it, so they are dropped. */
  const relist = () => {
    closeSocket();
    const gen = generation;
    buffer = [];
    rvDirty = false;
    cancelFlush?.();
    cancelFlush = undefined;
    flushPending = false;
    // Data on screen is about to be replaced (410, or resuming failed): say so; a first load stays 'connecting'.
    if (status.loaded) setStatus({ ...status, state: 'reconnecting' });
    void client.listAll(model, { ...selectors, pageSize: o.pageSize }).then((r) => {
      if (!running || gen !== generation) return;
      if (!r.ok) return retryLater(r.error, relist);
      map = new Map(r.value.items.map((item) => [objectKey(item), item]));
      rv = r.value.resourceVersion;
      refusals = 0;
      store.set({ items: r.value.items, resourceVersion: rv });
      setStatus({ state: 'connecting', loaded: true });
      connect();
    });
  };

  const onFrame = (data: string) => {
    let ev: WatchEvent<T>;
    try {
      ev = JSON.parse(data) as WatchEvent<T>;
    } catch {
      return; // a torn frame: the next reconnect resumes from the last good resourceVersion
    }
    if (ev.type === 'ERROR') {
      const code = ev.object.code ?? 500;
      if (code === 410) return relist();
      refusals++;
      closeSocket();
      return retryLater(toK8sError(code, ev.object), connect);
    }
    refusals = 0; // the server resumed from our resourceVersion
    if (status.state !== 'live') setStatus({ state: 'live', loaded: true });
    rv = ev.object.metadata.resourceVersion ?? rv;
    if (ev.type === 'BOOKMARK') rvDirty = true;
    else buffer.push(ev);
    scheduleFlush();
  };

  /** The socket failed before opening: ask with a cheap list why (browsers hide the HTTP status of an upgrade). */
  const onConnectFailure = (info: SocketClose) => {
    if (info.httpStatus === 410) return relist();
    const gen = generation;
    void client.list(model, { ...selectors, limit: 1 }).then((r) => {
      if (!running || gen !== generation) return;
      if (r.ok) refusals++;
      // The list works, so the server is there and the watch alone fails: worth retrying, and relisting after
      // `relistAfter` attempts (retryLater) if the resourceVersion is the problem.
      const error: K8sError = r.ok
        ? {
            kind: 'unknown',
            status: info.httpStatus && info.httpStatus >= 500 ? info.httpStatus : undefined,
            message: info.error ?? `Watch connection failed (${info.code ?? 'no code'})`,
          }
        : r.error;
      retryLater(error, connect);
    });
  };

  /** (Re)arms the half-open detector of the current socket: no frame for idleTimeout → resume on a new one. */
  // A socket that never delivered a frame (not even a bookmark, which the server sends about once a minute) is
  // also a refused resume: a watch from a resourceVersion ahead of the server's (etcd restored or replaced) is
  // accepted and then stays silent, since every event the server has is older than it.
  const armIdle = (gen: number, silent: () => boolean) => {
    if (!idleTimeout) return;
    cancelIdle?.();
    cancelIdle = timers.set(() => {
      cancelIdle = undefined;
      if (!running || gen !== generation) return;
      closeSocket();
      if (silent()) refusals++;
      setStatus({ ...status, state: 'reconnecting' });
      if (refusals >= relistAfter) relist();
      else connect();
    }, idleTimeout);
  };

  const connect = () => {
    closeSocket();
    if (!running) return; // a status listener may have stopped us (e.g. after the first load)
    const gen = generation;
    let opened = false;
    let frames = 0;
    socket = client.watch(
      model,
      { ...selectors, resourceVersion: rv },
      {
        onOpen: () => {
          if (gen !== generation) return;
          opened = true;
          armIdle(gen, () => frames === 0);
          // After refused resumes, an open socket proves nothing (a resume from an unknown resourceVersion is
          // accepted and stays silent): the status stays as it is until the first event or bookmark.
          if (refusals === 0) setStatus({ state: 'live', loaded: true });
        },
        onMessage: (data) => {
          if (gen !== generation) return;
          armIdle(gen, () => false);
          // Reset backoff on the first frame, not on open: a server that accepts and hangs up must still back off.
          if (frames++ === 0) failures = 0;
          onFrame(data);
        },
        onClose: (info) => {
          if (gen !== generation || !running) return;
          cancelIdle?.();
          cancelIdle = undefined;
          socket = undefined;
          generation++;
          // Closed before any frame: probably refused (proxy, auth), not a normal server-side timeout.
          if (!opened || frames === 0) return onConnectFailure(info);
          // The server ends watches on its own (request timeout, restart): resume from the last resourceVersion.
          setStatus({ ...status, state: 'reconnecting' });
          cancelTimer = timers.set(() => {
            cancelTimer = undefined;
            if (running) connect();
          }, backoff(0));
        },
      },
    );
  };

  const start = () => {
    if (running) return;
    running = true;
    const cached = store.get();
    if (cached?.resourceVersion) {
      // Resume from the cache (a remount): the server replays what changed since, or answers 410 → relist.
      map = new Map(cached.items.map((item) => [objectKey(item), item]));
      rv = cached.resourceVersion;
      setStatus({ state: 'connecting', loaded: true });
      connect();
    } else relist();
  };

  const stop = () => {
    running = false;
    closeSocket();
    cancelTimer?.();
    cancelTimer = undefined;
    // Buffered events are dropped with their resourceVersion: the store stays a consistent snapshot.
    cancelFlush?.();
    cancelFlush = undefined;
    flushPending = false;
    buffer = [];
    rvDirty = false;
  };

  const retry = () => {
    stop();
    failures = 0;
    start();
  };

  return {
    start,
    stop,
    retry,
    getStatus: () => status,
    subscribe: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
};
