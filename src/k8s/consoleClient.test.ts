import { describe, expect, it, vi } from 'vitest';

// The real SDK module only works inside the console (it requires @console/shared).
vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const { fetchFromConsoleFetch } = await import('./consoleClient');
const { createK8sClient } = await import('./client');
const { VirtualMachineModel } = await import('./models');

class HttpError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly json?: unknown,
  ) {
    super(message);
  }
}

describe('fetchFromConsoleFetch', () => {
  it('turns consoleFetch HttpErrors back into responses so they map like any other', async () => {
    const status = {
      kind: 'Status',
      code: 403,
      reason: 'Forbidden',
      message:
        'User "tenant-a" cannot list resource "virtualmachines" in API group "kubevirt.io" at the cluster scope',
    };
    const cf = vi.fn(() => Promise.reject(new HttpError('Forbidden', 403, status)));
    const client = createK8sClient({
      baseUrl: '/api/kubernetes',
      fetch: fetchFromConsoleFetch(cf),
      openWebSocket: vi.fn(),
    });
    const r = await client.list(VirtualMachineModel);
    expect(cf).toHaveBeenCalledWith('/api/kubernetes/apis/kubevirt.io/v1/virtualmachines', expect.anything());
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'forbidden',
        missingPermission: { verb: 'list', resource: 'virtualmachines', group: 'kubevirt.io' },
      },
    });
  });

  it('rethrows failures without a status (network) so the client reports unreachable', async () => {
    const f = fetchFromConsoleFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(f('/x', {})).rejects.toThrow('Failed to fetch');
  });
});

/** A browser WebSocket stand-in: records close() and lets the test play the server's side. */
class FakeWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static all: FakeWebSocket[] = [];
  readyState = FakeWebSocket.CONNECTING;
  closeCalls = 0;
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.all.push(this);
  }
  close() {
    // Chromium logs "closed before the connection is established" exactly here.
    if (this.readyState === FakeWebSocket.CONNECTING) throw new Error('closed before established');
    this.closeCalls++;
    this.readyState = FakeWebSocket.CLOSED;
  }
  open() {
    this.readyState = FakeWebSocket.OPEN;
    this.onopen?.();
  }
}

describe('browserWebSocket', () => {
  const setup = async () => {
    FakeWebSocket.all = [];
    vi.stubGlobal('WebSocket', FakeWebSocket);
    const { browserWebSocket } = await import('./consoleClient');
    const h = { onOpen: vi.fn(), onMessage: vi.fn(), onClose: vi.fn() };
    const s = browserWebSocket()('ws://x/watch', h);
    const ws = FakeWebSocket.all[0];
    if (!ws) throw new Error('no socket opened');
    return { s, h, ws };
  };

  it('closes a socket still connecting once it opens, without warning and without reporting it', async () => {
    const { s, h, ws } = await setup();
    s.close(); // the page unmounted before the handshake finished
    expect(ws.closeCalls).toBe(0);
    ws.open();
    expect(ws.closeCalls).toBe(1); // not leaked
    ws.onmessage?.({ data: '{}' });
    expect(h.onOpen).not.toHaveBeenCalled();
    expect(h.onMessage).not.toHaveBeenCalled();
    expect(h.onClose).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('closes an open socket at once', async () => {
    const { s, h, ws } = await setup();
    ws.open();
    expect(h.onOpen).toHaveBeenCalledTimes(1);
    s.close();
    expect(ws.closeCalls).toBe(1);
    vi.unstubAllGlobals();
  });
});
