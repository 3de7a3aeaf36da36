// @vitest-environment jsdom
// Issue #11, point 3: the plugin's watches carry the console's impersonation, as the console's own watches do.
import { act, cleanup, render } from '@testing-library/react';
import { createElement, useEffect } from 'react';
import { Provider } from 'react-redux';
import { legacy_createStore as createStore } from 'redux';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({
  consoleFetch: vi.fn(() => Promise.resolve(new Response('{}'))),
}));

const { withPluginQueries } = await import('./PluginQueries');
const { useK8sClient } = await import('./K8sContext');
const { ConfigMapModel } = await import('./models');
const { impersonationOf, impersonationKey } = await import('./impersonation');

/** What the console puts in redux when an admin starts impersonating tenant-a (console's beginImpersonate). */
const TENANT = {
  kind: 'User',
  name: 'tenant-a',
  subprotocols: ['Impersonate-User.dGVuYW50LWE'],
};

type State = { sdkCore: { impersonate?: typeof TENANT } };
const consoleStore = (initial: State) =>
  createStore((state: State = initial, action: { type: string; impersonate?: typeof TENANT }) =>
    action.type === 'impersonate' ? { sdkCore: { impersonate: action.impersonate } } : state,
  );

let sockets: { url: string; protocols?: string | string[] }[] = [];
class FakeWebSocket {
  onopen = null;
  onmessage = null;
  onerror = null;
  onclose = null;
  constructor(url: string, protocols?: string | string[]) {
    sockets.push({ url, protocols });
  }
  close() {}
}

/** A page that opens one watch, as the plugin's list hooks do. */
const WatchingPage = () => {
  const client = useK8sClient();
  useEffect(() => {
    const s = client.watch(
      ConfigMapModel,
      { namespace: 'tenant-a', resourceVersion: '1' },
      { onOpen: () => {}, onMessage: () => {}, onClose: () => {} },
    );
    return () => s.close();
  }, [client]);
  return null;
};
const Page = withPluginQueries(WatchingPage);

beforeEach(() => {
  sockets = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('console impersonation on watches', () => {
  it('an impersonating admin’s watches pass the console’s impersonation subprotocols', () => {
    const store = consoleStore({ sdkCore: { impersonate: TENANT } });
    render(createElement(Provider, { store, children: createElement(Page) }));
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.protocols).toEqual(['Impersonate-User.dGVuYW50LWE']);
  });

  it('without impersonation, no subprotocols; starting and stopping it reopens the watches as the new identity', () => {
    const store = consoleStore({ sdkCore: {} });
    render(createElement(Provider, { store, children: createElement(Page) }));
    expect(sockets.map((s) => s.protocols)).toEqual([undefined]);
    act(() => {
      store.dispatch({ type: 'impersonate', impersonate: TENANT });
    });
    expect(sockets.map((s) => s.protocols)).toEqual([undefined, ['Impersonate-User.dGVuYW50LWE']]);
    act(() => {
      store.dispatch({ type: 'impersonate', impersonate: undefined });
    });
    expect(sockets.map((s) => s.protocols)).toEqual([undefined, ['Impersonate-User.dGVuYW50LWE'], undefined]);
  });

  it('reads only a well-formed impersonation', () => {
    expect(impersonationOf({ sdkCore: { impersonate: TENANT } })).toEqual(TENANT);
    expect(impersonationOf({ sdkCore: { impersonate: { kind: 'User', name: '' } } })).toBeUndefined();
    expect(impersonationOf({})).toBeUndefined();
    expect(impersonationOf(null)).toBeUndefined();
    expect(
      impersonationOf({ sdkCore: { impersonate: { ...TENANT, subprotocols: [1, 'x'] } } })?.subprotocols,
    ).toEqual(['x']);
    expect(impersonationKey(undefined)).toBe('');
    expect(impersonationKey(TENANT)).not.toBe(impersonationKey({ ...TENANT, name: 'tenant-b' }));
  });
});
