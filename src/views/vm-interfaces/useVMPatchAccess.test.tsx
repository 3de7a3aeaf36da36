// @vitest-environment jsdom
import '../testing/renderSetup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AccessAttributes } from '../../k8s/access';
import { createK8sClient, type FetchLike } from '../../k8s/client';
import { K8sContext } from '../../k8s/K8sContext';
import { useServiceCreateAccess, useVMPatchAccess } from './useVMPatchAccess';

// The console's client (K8sContext's default) is not used: each test provides its own.
vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

/** An API server that answers access reviews by `allow` and records what was asked. */
const server = (allow: (a: AccessAttributes) => boolean) => {
  const asked: AccessAttributes[] = [];
  const fetch: FetchLike = async (_url, init) => {
    const review = JSON.parse(init.body as string) as { spec: { resourceAttributes: AccessAttributes } };
    const attrs = review.spec.resourceAttributes;
    asked.push(attrs);
    return new Response(JSON.stringify({ ...review, status: { allowed: allow(attrs) } }), {
      status: 201,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  const client = createK8sClient({ baseUrl: 'https://api:6443', fetch, openWebSocket: vi.fn() });
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(
      QueryClientProvider,
      { client: new QueryClient({ defaultOptions: { queries: { retry: false } } }) },
      createElement(K8sContext.Provider, { value: { client } }, children),
    );
  return { asked, wrapper };
};

const NAMESPACES = Array.from({ length: 30 }, (_, i) => `ns-${i}`);

describe('useVMPatchAccess / useServiceCreateAccess', () => {
  it('a user allowed everywhere is answered by one review per verb, not one per namespace', async () => {
    const { asked, wrapper } = server(() => true);
    const { result } = renderHook(() => useVMPatchAccess(NAMESPACES), { wrapper });
    await waitFor(() => expect(result.current('ns-7')).toEqual({ allowed: true }));
    expect(NAMESPACES.every((ns) => result.current(ns).allowed)).toBe(true);
    expect(asked).toEqual([{ verb: 'patch', group: 'kubevirt.io', resource: 'virtualmachines' }]);
  });

  it('a tenant denied cluster-wide is asked per namespace, and told which namespace refuses', async () => {
    const { asked, wrapper } = server((a) => a.namespace === 'ns-1' || a.namespace === 'ns-2');
    const { result } = renderHook(() => useServiceCreateAccess(['ns-2', 'ns-1', 'ns-3', 'ns-1']), {
      wrapper,
    });
    // Nothing is allowed before the answers come.
    expect(result.current('ns-1')).toEqual({ allowed: false, reason: 'Checking your permissions…' });
    await waitFor(() => expect(result.current('ns-1')).toEqual({ allowed: true }));
    expect(result.current('ns-2')).toEqual({ allowed: true });
    expect(result.current('ns-3')).toEqual({
      allowed: false,
      reason: 'You may not create Services in namespace ns-3.',
    });
    expect(asked.map((a) => a.namespace ?? '(all)').sort()).toEqual(['(all)', 'ns-1', 'ns-2', 'ns-3']);
    expect(new Set(asked.map((a) => `${a.verb} ${a.resource}`))).toEqual(new Set(['create services']));
  });

  it('no namespaces: nothing is asked', async () => {
    const { asked, wrapper } = server(() => true);
    const { result } = renderHook(() => useServiceCreateAccess([]), { wrapper });
    await new Promise((r) => setTimeout(r, 20));
    expect(result.current('ns-1').allowed).toBe(false);
    expect(asked).toEqual([]);
  });
});
