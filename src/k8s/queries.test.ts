import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { cm } from './fakes';
import { ConfigMapModel } from './models';
import { listQuery, listQueryKey, queryStore, retryTransient, unwrap } from './queries';
import type { K8sClient } from './client';

const client = {} as K8sClient;

describe('queries', () => {
  it('list keys separate namespace, label and field selectors', () => {
    expect(listQueryKey(ConfigMapModel, { namespace: 'a', labelSelector: 'x=y' })).toEqual([
      'k8s',
      'list',
      '',
      'v1',
      'configmaps',
      'a',
      'x=y',
      '',
    ]);
    expect(listQueryKey(ConfigMapModel)).toEqual(['k8s', 'list', '', 'v1', 'configmaps', '*', '', '']);
  });

  it('queryStore writes the entry listQuery reads, without structural sharing', () => {
    const qc = new QueryClient();
    const opts = listQuery(client, ConfigMapModel, { namespace: 'ns' });
    const store = queryStore(qc, opts);
    const a = cm('a', '1');
    store.set({ items: [a], resourceVersion: '1' });
    const next = { items: [cm('a', '1')], resourceVersion: '2' };
    store.set(next);
    // With sharing, react-query would hand back the old (deep-equal) object; the watcher owns identity instead.
    expect(qc.getQueryData(opts.queryKey)?.items[0]).toBe(next.items[0]);
    expect(store.get()).toBe(next);
  });

  it('unwrap rejects with the K8sError value; only transient errors are retried', () => {
    const error = { kind: 'forbidden' as const, status: 403, message: 'no' };
    expect(() => unwrap({ ok: false, error })).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(retryTransient(0, error)).toBe(false);
    expect(retryTransient(0, { kind: 'unreachable', message: '' })).toBe(true);
    expect(retryTransient(3, { kind: 'unreachable', message: '' })).toBe(false);
  });
});
