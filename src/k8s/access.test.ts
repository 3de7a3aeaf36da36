import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { accessReviewBody, readableNamespaces } from './access';
import type { K8sClient } from './client';
import { fail, ok, type K8sError } from './errors';
import {
  ClusterUserDefinedNetworkModel,
  NetworkAttachmentDefinitionModel,
  PodModel,
  VirtualMachineModel,
} from './models';
import { readableScopeQuery } from './useWatchResources';

// useWatchResources reaches the console client; the real SDK only works inside the console (vi.mock is hoisted).
vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const forbidden: K8sError = { kind: 'forbidden', status: 403, message: 'no' };
const notFound: K8sError = { kind: 'not-found', status: 404, message: 'no' };

/** A client whose SSARs allow `list` in `readable` namespaces (or cluster-wide when `cluster`). */
const fakeAccess = (o: {
  cluster?: boolean;
  readable: string[];
  namespaces?: string[];
  projects?: string[];
}) => {
  const reviews: (string | undefined)[] = [];
  const lists: string[] = [];
  const client = {
    request: (_path: string, r: { body: ReturnType<typeof accessReviewBody> }) => {
      const ns = r.body.spec.resourceAttributes.namespace;
      reviews.push(ns);
      const allowed = ns ? o.readable.includes(ns) : !!o.cluster;
      return Promise.resolve(ok({ ...r.body, status: { allowed } }));
    },
    listAll: (model: { plural: string }) => {
      lists.push(model.plural);
      const names = model.plural === 'namespaces' ? o.namespaces : o.projects;
      if (!names) return Promise.resolve(fail(model.plural === 'namespaces' ? forbidden : notFound));
      return Promise.resolve(
        ok({ items: names.map((name) => ({ metadata: { name } })), resourceVersion: '1' }),
      );
    },
  } as unknown as K8sClient;
  return { client, reviews, lists };
};

describe('accessReviewBody', () => {
  it('leaves out empty attributes', () => {
    expect(accessReviewBody({ verb: 'list', group: '', resource: 'services', namespace: undefined })).toEqual(
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        metadata: {},
        spec: { resourceAttributes: { verb: 'list', resource: 'services' } },
      },
    );
  });
});

describe('readableNamespaces', () => {
  it('cluster-wide when the SSAR without namespace allows it', async () => {
    const { client, reviews } = fakeAccess({ cluster: true, readable: [] });
    expect(await readableNamespaces(client, VirtualMachineModel)).toEqual(ok({ kind: 'cluster' }));
    expect(reviews).toEqual([undefined]);
  });

  it('a user who can list namespaces gets those where it can list the resource', async () => {
    const { client } = fakeAccess({ readable: ['b', 'a'], namespaces: ['a', 'b', 'c'] });
    expect(await readableNamespaces(client, VirtualMachineModel)).toEqual(
      ok({ kind: 'namespaces', namespaces: ['a', 'b'], source: 'namespaces' }),
    );
  });

  it('OpenShift projects when namespaces are forbidden', async () => {
    const { client } = fakeAccess({ readable: ['p1'], projects: ['p1', 'p2'] });
    expect(await readableNamespaces(client, VirtualMachineModel)).toEqual(
      ok({ kind: 'namespaces', namespaces: ['p1'], source: 'projects' }),
    );
  });

  it('falls back to hints, checked one by one: a tenant never gets a namespace it cannot read', async () => {
    const { client } = fakeAccess({ readable: ['tenant-a', 'tenant-a-dev'] });
    expect(
      await readableNamespaces(client, VirtualMachineModel, {
        hints: ['tenant-b', 'tenant-a-dev', 'tenant-a', 'tenant-a'],
      }),
    ).toEqual(ok({ kind: 'namespaces', namespaces: ['tenant-a', 'tenant-a-dev'], source: 'hints' }));
  });

  it('cluster-scoped kinds are never split per namespace', async () => {
    const { client } = fakeAccess({ readable: [] });
    expect(await readableNamespaces(client, ClusterUserDefinedNetworkModel)).toEqual(ok({ kind: 'cluster' }));
  });
});

describe('readableScopeQuery', () => {
  it('a tenant page watching several kinds lists namespaces and projects once; the access reviews stay per kind', async () => {
    const { client, lists, reviews } = fakeAccess({ readable: ['a'], projects: ['a', 'b'] });
    const qc = new QueryClient();
    const models = [VirtualMachineModel, NetworkAttachmentDefinitionModel, PodModel];
    const scopes = await Promise.all(models.map((m) => qc.fetchQuery(readableScopeQuery(client, m))));
    for (const s of scopes) expect(s).toEqual({ kind: 'namespaces', namespaces: ['a'], source: 'projects' });
    expect(lists).toEqual(['namespaces', 'projects']); // not 3 × 2
    expect(reviews.filter((ns) => ns === 'b')).toHaveLength(models.length);
  });
});
