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
