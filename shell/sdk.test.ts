// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleFetch, csrfHeaders } from './sdk';

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'csrf-token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('shell consoleFetch: CSRF as the console sends it', () => {
  it('writes to the own server carry the csrf-token cookie as X-CSRFToken; reads and absolute URLs do not', () => {
    document.cookie = 'csrf-token=abc.def; path=/';
    expect(csrfHeaders('/api/kubernetes/api/v1/namespaces/x/configmaps', 'POST')).toEqual({
      'X-CSRFToken': 'abc.def',
    });
    expect(csrfHeaders('/api/kubernetes/x', 'delete')).toEqual({ 'X-CSRFToken': 'abc.def' });
    expect(csrfHeaders('/api/kubernetes/x', 'GET')).toEqual({});
    expect(csrfHeaders('/api/kubernetes/x')).toEqual({});
    expect(csrfHeaders('https://elsewhere.example/x', 'POST')).toEqual({});
  });

  it('sends the header with the request, keeping the caller’s headers', async () => {
    document.cookie = 'csrf-token=tok; path=/';
    const fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await consoleFetch('/api/kubernetes/x', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json-patch+json' },
    });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    const headers = new Headers(init.headers);
    expect(headers.get('X-CSRFToken')).toBe('tok');
    expect(headers.get('Content-Type')).toBe('application/json-patch+json');
    expect(init.credentials).toBe('same-origin');
  });
});
