import { describe, expect, it } from 'vitest';
import { accessOfReview, accessOfScope, namespaceAccessIssues, namespaceOptions } from './createAccess';

describe('accessOfScope / accessOfReview', () => {
  it('reads cluster-wide, some namespaces, none, and not yet answered', () => {
    expect(accessOfScope({ kind: 'cluster' })).toEqual({ state: 'allowed', namespaces: 'all' });
    expect(accessOfScope({ kind: 'namespaces', namespaces: ['tenant-a-dev', 'tenant-a'] })).toEqual({
      state: 'allowed',
      namespaces: ['tenant-a', 'tenant-a-dev'],
    });
    expect(accessOfScope({ kind: 'namespaces', namespaces: [] })).toEqual({ state: 'denied' });
    expect(accessOfScope(undefined)).toEqual({ state: 'unknown' });
    expect(accessOfReview({ allowed: false })).toEqual({ state: 'denied' });
    expect(accessOfReview({ allowed: true })).toEqual({ state: 'allowed', namespaces: 'all' });
    expect(accessOfReview(undefined)).toEqual({ state: 'unknown' });
  });
});

describe('namespaceAccessIssues', () => {
  const tenantA = accessOfScope({ kind: 'namespaces', namespaces: ['tenant-a', 'tenant-a-dev'] });
  it('warns at once on a namespace the user may not create in, naming the ones they may', () => {
    expect(namespaceAccessIssues('NetworkAttachmentDefinition', 'tenant-b', tenantA)).toEqual([
      {
        field: 'namespace',
        code: 'create-denied-namespace',
        severity: 'warning',
        params: {
          kind: 'NetworkAttachmentDefinition',
          namespace: 'tenant-b',
          allowed: 'tenant-a, tenant-a-dev',
        },
      },
    ]);
  });
  it('says nothing for an allowed or empty namespace, or before the reviews answered', () => {
    expect(namespaceAccessIssues('X', 'tenant-a', tenantA)).toEqual([]);
    expect(namespaceAccessIssues('X', ' ', tenantA)).toEqual([]);
    expect(namespaceAccessIssues('X', 'tenant-b', { state: 'unknown' })).toEqual([]);
    expect(namespaceAccessIssues('X', 'tenant-b', { state: 'allowed', namespaces: 'all' })).toEqual([]);
  });
  it('a kind the user may create nowhere is said once, on the namespace', () => {
    expect(namespaceAccessIssues('X', 'tenant-b', { state: 'denied' })[0]?.code).toBe('create-denied-kind');
  });
});

describe('namespaceOptions', () => {
  it('offers the allowed namespaces when known, otherwise the readable ones', () => {
    const access = accessOfScope({ kind: 'namespaces', namespaces: ['tenant-a'] });
    expect(namespaceOptions(access, ['default', 'tenant-a', 'tenant-b'])).toEqual(['tenant-a']);
    expect(namespaceOptions({ state: 'allowed', namespaces: 'all' }, ['default'])).toEqual(['default']);
    expect(namespaceOptions({ state: 'unknown' }, undefined)).toBeUndefined();
  });
});
