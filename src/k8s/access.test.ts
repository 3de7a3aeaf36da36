import { describe, expect, it } from 'vitest';
import { accessReviewBody, readableNamespaces } from './access';
import type { K8sClient } from './client';
import { fail, ok, type K8sError } from './errors';
import { ClusterUserDefinedNetworkModel, VirtualMachineModel } from './models';

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
  const client = {
    request: (_path: string, r: { body: ReturnType<typeof accessReviewBody> }) => {
      const ns = r.body.spec.resourceAttributes.namespace;
      reviews.push(ns);
      const allowed = ns ? o.readable.includes(ns) : !!o.cluster;
      return Promise.resolve(ok({ ...r.body, status: { allowed } }));
    },
    listAll: (model: { plural: string }) => {
      const names = model.plural === 'namespaces' ? o.namespaces : o.projects;
      if (!names) return Promise.resolve(fail(model.plural === 'namespaces' ? forbidden : notFound));
      return Promise.resolve(
        ok({ items: names.map((name) => ({ metadata: { name } })), resourceVersion: '1' }),
      );
    },
  } as unknown as K8sClient;
  return { client, reviews };
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
