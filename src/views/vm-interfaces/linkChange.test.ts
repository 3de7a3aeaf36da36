import { describe, expect, it } from 'vitest';
import { aVM } from '../../domain/testing/fixtures';
import type { VM } from '../../domain/kube/vm';
import type { K8sClient } from '../../k8s/client';
import type { K8sResult } from '../../k8s/errors';
import { setLinkState } from './linkChange';

/** A client that answers PATCH and GET from queues and counts what was sent. */
const client = (patches: K8sResult<VM>[], gets: K8sResult<VM>[] = []) => {
  const sent = { patch: 0, get: 0 };
  const c = {
    jsonPatch: () => {
      sent.patch++;
      return Promise.resolve(patches.shift()!);
    },
    get: () => {
      sent.get++;
      return Promise.resolve(gets.shift()!);
    },
  } as unknown as K8sClient;
  return { c, sent };
};

describe('setLinkState', () => {
  const vm = aVM({ nics: ['default', { name: 'eth1', network: 'br' }], resourceVersion: '5' });

  it('sends one PATCH and ends done', async () => {
    const { c, sent } = client([{ ok: true, value: vm }]);
    const result = await setLinkState(c, vm, 'eth1', 'down');
    expect(result.phase).toBe('done');
    expect(sent).toEqual({ patch: 1, get: 0 });
  });

  it('a failed resourceVersion test on a VM changed meanwhile is a conflict, not a second PATCH', async () => {
    const latest = aVM({ nics: ['default', { name: 'eth1', network: 'br' }], resourceVersion: '6' });
    const { c, sent } = client(
      [{ ok: false, error: { kind: 'invalid', status: 422, message: 'test failed' } }],
      [{ ok: true, value: latest }],
    );
    const result = await setLinkState(c, vm, 'eth1', 'down');
    expect(result.phase).toBe('conflict');
    expect(sent).toEqual({ patch: 1, get: 1 });
  });

  it('the same 422 on an unchanged VM is an error about the request', async () => {
    const { c } = client(
      [{ ok: false, error: { kind: 'invalid', status: 422, message: 'bad' } }],
      [{ ok: true, value: vm }],
    );
    expect((await setLinkState(c, vm, 'eth1', 'down')).phase).toBe('error');
  });
});
