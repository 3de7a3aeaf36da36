// Issue #14 point 2: a field the component fills in or falls back on is not "Required". Each case is a manifest
// the component accepts; the validators must not call the field required (they may warn what happens instead).
import { describe, expect, it } from 'vitest';
import { aNodeState, codes, eth } from '../testing/manifests';
import { validateManifest } from './validate';

const nncp = (spec: Record<string, unknown>) => ({
  apiVersion: 'nmstate.io/v1',
  kind: 'NodeNetworkConfigurationPolicy',
  metadata: { name: 'p1' },
  spec,
});

describe('"Required" only where the component requires it', () => {
  it('a NAD without spec.config: Multus reads the CNI config file of that name on the node', () => {
    const nad = {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: 'macvlan-conf', namespace: 'tenant-a' },
      spec: {},
    };
    expect(codes(validateManifest(nad), 'error')).toEqual([]);
    expect(codes(validateManifest(nad), 'warning')).toEqual(['nad-config-from-file@spec.config']);
    expect(codes(validateManifest({ ...nad, spec: { config: '' } }), 'warning')).toEqual([
      'nad-config-from-file@spec.config',
    ]);
  });

  it('an NNCP without desiredState: kubernetes-nmstate ignores an empty desired state', () => {
    const issues = validateManifest(nncp({ nodeSelector: { a: 'b' } }));
    expect(codes(issues, 'error')).toEqual([]);
    expect(codes(issues, 'warning')).toEqual(['nncp-desired-state-empty@spec.desiredState']);
  });

  it('an NNCP interface without type: nmstate takes it from the existing interface', () => {
    const absent = nncp({ desiredState: { interfaces: [{ name: 'br1', state: 'absent' }] } });
    expect(codes(validateManifest(absent))).toEqual([]);
    const existing = nncp({ desiredState: { interfaces: [{ name: 'ens4', state: 'up', mtu: 9000 }] } });
    const nodes = { nodes: [{ name: 'w1' }], nodeStates: [aNodeState('w1', [eth('ens4')])] };
    expect(codes(validateManifest(existing, nodes), 'error')).toEqual([]);
    // Without node states it cannot be told: a warning. Missing on a node: a new interface, type required.
    expect(codes(validateManifest(existing), 'warning')).toEqual([
      'nmstate-type-from-current@spec.desiredState.interfaces[0].type',
    ]);
    const elsewhere = { nodes: [{ name: 'w1' }], nodeStates: [aNodeState('w1', [eth('ens5')])] };
    expect(codes(validateManifest(existing, elsewhere), 'error')).toEqual([
      'required@spec.desiredState.interfaces[0].type',
    ]);
  });
});
