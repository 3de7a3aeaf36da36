// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { createElement, useRef, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const { K8sContext } = await import('./K8sContext');
const { useWatchList } = await import('./useWatchList');
const { useWatchResources } = await import('./useWatchResources');
const { useWatchObject } = await import('./useWatchObject');
const { ConfigMapModel } = await import('./models');
const { cm, fakeClient, flushPromises, manualScheduler } = await import('./fakes');

const setup = () => {
  const fake = fakeClient();
  const frames = manualScheduler();
  const qc = new QueryClient();
  const wrap = (children: ReactNode) =>
    createElement(
      QueryClientProvider,
      { client: qc },
      createElement(K8sContext.Provider, { value: { client: fake.client, namespaceHints: [] } }, children),
    );
  return { fake, frames, qc, wrap };
};

afterEach(cleanup);

describe('useWatchList', () => {
  it('renders at most once per frame however many events arrive, and shares one watch between components', async () => {
    const { fake, frames, wrap } = setup();
    const renders = { n: 0 };
    const List = () => {
      const count = useRef(0);
      count.current++;
      renders.n = count.current;
      const { data, loaded, connection } = useWatchList(
        ConfigMapModel,
        { namespace: 'ns' },
        { schedule: frames.schedule, minFlushInterval: 0 },
      );
      return createElement('p', { 'data-testid': 'out' }, `${loaded} ${data.length} ${connection.state}`);
    };
    const Twin = () => {
      useWatchList(ConfigMapModel, { namespace: 'ns' }, { schedule: frames.schedule, minFlushInterval: 0 });
      return null;
    };
    render(wrap([createElement(List, { key: 1 }), createElement(Twin, { key: 2 })]));
    expect(screen.getByTestId('out').textContent).toBe('false 0 connecting');
    await act(() => fake.resolveList({ ok: true, value: { items: [cm('a', '1')], resourceVersion: '1' } }));
    expect(fake.sockets).toHaveLength(1);
    act(() => fake.lastSocket().open());
    expect(screen.getByTestId('out').textContent).toBe('true 1 live');
    const before = renders.n;
    for (let f = 0; f < 10; f++) {
      act(() => {
        for (let i = 0; i < 100; i++)
          fake.lastSocket().send({ type: 'ADDED', object: cm(`o${f}-${i}`, `${f * 100 + i + 2}`) });
      });
      await act(async () => {
        frames.runFrame();
        await flushPromises();
      });
    }
    expect(screen.getByTestId('out').textContent).toBe('true 1001 live');
    expect(renders.n - before).toBeLessThanOrEqual(10);
  });

  it('keeps data and reports unreachable when the server goes away', async () => {
    const { fake, frames, wrap } = setup();
    const List = () => {
      const { data, error, connection } = useWatchList(
        ConfigMapModel,
        { namespace: 'ns' },
        { schedule: frames.schedule },
      );
      return createElement(
        'p',
        { 'data-testid': 'out' },
        `${data.length} ${connection.state} ${error?.kind ?? '-'}`,
      );
    };
    render(wrap(createElement(List)));
    await act(() => fake.resolveList({ ok: true, value: { items: [cm('a', '1')], resourceVersion: '1' } }));
    fake.setProbe({ ok: false, error: { kind: 'unreachable', message: 'down' } });
    await act(async () => {
      fake.lastSocket().end({ code: 1006 });
      await flushPromises();
    });
    expect(screen.getByTestId('out').textContent).toBe('1 reconnecting -');
  });

  it('useWatchResources: a forbidden list is an error value, not a throw', async () => {
    const { fake, frames, wrap } = setup();
    const List = () => {
      const { loaded, error } = useWatchResources(ConfigMapModel, {
        namespace: 'other',
        schedule: frames.schedule,
      });
      return createElement('p', { 'data-testid': 'out' }, `${loaded} ${error?.kind ?? '-'}`);
    };
    render(wrap(createElement(List)));
    await act(() =>
      fake.resolveList({ ok: false, error: { kind: 'forbidden', status: 403, message: 'no' } }),
    );
    expect(screen.getByTestId('out').textContent).toBe('false forbidden');
  });

  it('useWatchObject: a field-selected list; missing is loaded with no data, not an error', async () => {
    const { fake, frames, wrap } = setup();
    const One = () => {
      const { data, loaded, error } = useWatchObject(
        ConfigMapModel,
        { namespace: 'ns', name: 'a' },
        { schedule: frames.schedule },
      );
      return createElement(
        'p',
        { 'data-testid': 'out' },
        `${loaded} ${data?.metadata.name ?? '-'} ${error?.kind ?? '-'}`,
      );
    };
    render(wrap(createElement(One)));
    await act(() => fake.resolveList({ ok: true, value: { items: [], resourceVersion: '1' } }));
    expect(screen.getByTestId('out').textContent).toBe('true - -');
    expect(fake.lastSocket().opts).toMatchObject({ namespace: 'ns', fieldSelector: 'metadata.name=a' });
    await act(async () => {
      fake.lastSocket().send({ type: 'ADDED', object: cm('a', '2') });
      frames.runFrame();
      await flushPromises();
    });
    expect(screen.getByTestId('out').textContent).toBe('true a -');
  });
});
