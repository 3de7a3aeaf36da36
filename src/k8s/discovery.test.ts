import { describe, expect, it } from 'vitest';
import type { K8sClient } from './client';
import { fetchDiscovery, isApiAvailable } from './discovery';
import { fail, ok } from './errors';
import { SriovNetworkModel, SriovNetworkNodePolicyModel } from './models';

const doc = {
  groupVersion: 'sriovnetwork.openshift.io/v1',
  resources: [{ name: 'sriovnetworks', kind: 'SriovNetwork', namespaced: true }],
};

describe('discovery', () => {
  it('isApiAvailable looks for the plural in the group-version document', () => {
    expect(isApiAvailable(doc, SriovNetworkModel)).toBe(true);
    expect(isApiAvailable(doc, SriovNetworkNodePolicyModel)).toBe(false);
    expect(isApiAvailable(null, SriovNetworkModel)).toBe(false);
  });

  it('a 404 for the group-version means "not installed", not an error', async () => {
    const paths: string[] = [];
    const client = {
      request: (path: string) => {
        paths.push(path);
        return Promise.resolve(fail({ kind: 'not-found', status: 404, message: '404 page not found' }));
      },
    } as unknown as K8sClient;
    expect(await fetchDiscovery(client, SriovNetworkModel)).toEqual(ok(null));
    expect(paths).toEqual(['/apis/sriovnetwork.openshift.io/v1']);
  });

  it('other failures stay errors', async () => {
    const client = {
      request: () => Promise.resolve(fail({ kind: 'unreachable', message: 'down' })),
    } as unknown as K8sClient;
    expect(await fetchDiscovery(client, SriovNetworkModel)).toEqual(
      fail({ kind: 'unreachable', message: 'down' }),
    );
  });
});
