/**
 * Test doubles for the watch machinery: a client whose sockets the test drives frame by frame, a scheduler that
 * runs "animation frames" on demand and timers that fire on demand. Used by unit tests only.
 */
import type { K8sObject } from '../domain/kube/meta';
import type { K8sClient, ListSnapshot, SocketClose, SocketHandlers, WatchOptions } from './client';
import type { K8sResult } from './errors';
import type { Scheduler, Timers } from './schedule';
import type { WatchEvent } from './types';

export type FakeSocket = {
  opts: WatchOptions;
  closed: boolean;
  open: () => void;
  send: (ev: WatchEvent | string) => void;
  end: (info?: SocketClose) => void;
};

export const cm = (
  name: string,
  rv: string,
  data: Record<string, string> = {},
  namespace = 'ns',
): K8sObject & {
  data: Record<string, string>;
} => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, resourceVersion: rv, uid: `uid-${name}` },
  data,
});

export const fakeClient = () => {
  const sockets: FakeSocket[] = [];
  const lists: ((value: K8sResult<ListSnapshot<K8sObject>>) => void)[] = [];
  let probe: K8sResult<unknown> = { ok: true, value: { items: [], metadata: {} } };
  const client = {
    listAll: () => new Promise<K8sResult<ListSnapshot<K8sObject>>>((resolve) => lists.push(resolve)),
    list: () => Promise.resolve(probe),
    watch: (_model: unknown, opts: WatchOptions, h: SocketHandlers) => {
      const s: FakeSocket = {
        opts,
        closed: false,
        open: () => h.onOpen(),
        send: (ev) => h.onMessage(typeof ev === 'string' ? ev : JSON.stringify(ev)),
        end: (info = { code: 1006 }) => h.onClose(info),
      };
      sockets.push(s);
      return {
        close: () => {
          s.closed = true;
        },
      };
    },
  } as unknown as K8sClient;
  return {
    client,
    sockets,
    lastSocket: () => sockets[sockets.length - 1] as FakeSocket,
    pendingLists: () => lists.length,
    /** Answers the oldest pending listAll. */
    resolveList: async (r: K8sResult<ListSnapshot<K8sObject>>) => {
      lists.shift()?.(r);
      await flushPromises();
    },
    setProbe: (r: K8sResult<unknown>) => {
      probe = r;
    },
  };
};

export const flushPromises = () => new Promise<void>((r) => setTimeout(r, 0));

export const manualScheduler = () => {
  let queue: (() => void)[] = [];
  const schedule: Scheduler = (cb) => {
    queue.push(cb);
    return () => {
      queue = queue.filter((c) => c !== cb);
    };
  };
  return {
    schedule,
    pending: () => queue.length,
    runFrame: () => {
      const q = queue;
      queue = [];
      q.forEach((cb) => cb());
    },
  };
};

export const manualTimers = () => {
  let pending: { cb: () => void; ms: number }[] = [];
  const timers: Timers = {
    set: (cb, ms) => {
      const t = { cb, ms };
      pending.push(t);
      return () => {
        pending = pending.filter((p) => p !== t);
      };
    },
  };
  return {
    timers,
    delays: () => pending.map((p) => p.ms),
    fireAll: () => {
      const p = pending;
      pending = [];
      p.forEach((t) => t.cb());
    },
  };
};
