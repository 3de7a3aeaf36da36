import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../kube/meta';
import { alreadyExistsIssues, nameTakenIssues } from './existing';

const nad = (name: string, namespace = 'tenant-a'): K8sObject => ({
  apiVersion: 'k8s.cni.cncf.io/v1',
  kind: 'NetworkAttachmentDefinition',
  metadata: { name, namespace },
});
const ctx = {
  existingObjects: [
    { kind: 'NetworkAttachmentDefinition', namespace: 'tenant-a', name: 'blue' },
    { kind: 'NodeNetworkConfigurationPolicy', name: 'br1-policy' },
  ],
};

describe('nameTakenIssues', () => {
  it('flags the Name field when the kind, namespace and name all match', () => {
    expect(nameTakenIssues(nad('blue'), ctx)).toEqual([
      {
        field: 'name',
        code: 'name-exists',
        severity: 'error',
        params: { kind: 'NetworkAttachmentDefinition', name: 'blue' },
      },
    ]);
  });
  it('another namespace, another kind, an empty name or unknown objects are fine', () => {
    expect(nameTakenIssues(nad('blue', 'tenant-b'), ctx)).toEqual([]);
    expect(nameTakenIssues({ ...nad('br1-policy'), kind: 'UserDefinedNetwork' }, ctx)).toEqual([]);
    expect(nameTakenIssues(nad(''), ctx)).toEqual([]);
    expect(nameTakenIssues(nad('blue'), {})).toEqual([]);
  });
  it('cluster-scoped objects match without a namespace', () => {
    const nncp = {
      apiVersion: 'nmstate.io/v1',
      kind: 'NodeNetworkConfigurationPolicy',
      metadata: { name: 'br1-policy' },
    };
    expect(nameTakenIssues(nncp, ctx)).toHaveLength(1);
  });
});

describe('alreadyExistsIssues', () => {
  it('maps AlreadyExists to the Name field, not a stale-update Conflict', () => {
    expect(alreadyExistsIssues({ status: 409, reason: 'AlreadyExists' }, nad('blue'))[0]?.field).toBe('name');
    expect(alreadyExistsIssues({ status: 409, reason: 'Conflict' }, nad('blue'))).toEqual([]);
    expect(alreadyExistsIssues({ status: 422 }, nad('blue'))).toEqual([]);
    expect(alreadyExistsIssues(undefined, nad('blue'))).toEqual([]);
  });
});
