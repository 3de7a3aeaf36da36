import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../issues';
import type { NetworkKind } from './shared/kinds';
import { REVIEW_FIELD, formFieldOf, mapServerIssues } from './serverFields';

describe('formFieldOf', () => {
  it.each<{ kind: NetworkKind; path: string; field: string | undefined }>([
    { kind: 'cudn-layer2', path: 'spec.network.layer2.subnets[1]', field: 'subnets[1]' },
    { kind: 'udn-layer2', path: 'spec.layer2.subnets[0]', field: 'subnets[0]' },
    { kind: 'cudn-localnet', path: 'spec.network.localnet.ipam', field: 'ipamMode' },
    { kind: 'udn-layer2', path: 'spec.layer2.vlan.access', field: 'vlan' },
    { kind: 'sriov-policy', path: 'spec.nicSelector', field: 'nicSelector' },
    { kind: 'udn-layer3', path: 'spec.layer3.subnets[2].cidr', field: 'subnets[2]' },
    { kind: 'udn-layer3', path: 'spec.layer3.subnets[0].hostSubnet', field: 'subnets[0].hostSubnet' },
    { kind: 'cudn-layer2', path: 'spec.network.layer2.joinSubnets', field: 'joinSubnets' },
    { kind: 'cudn-layer2', path: 'spec.network.layer2.ipam.lifecycle', field: 'persistentIPs' },
    {
      kind: 'cudn-localnet',
      path: 'spec.network.localnet.physicalNetworkName',
      field: 'physicalNetworkName',
    },
    { kind: 'cudn-localnet', path: 'spec.network.localnet.vlan.access.id', field: 'vlan' },
    { kind: 'cudn-localnet', path: 'spec.network.localnet.excludeSubnets[0]', field: 'excludeSubnets[0]' },
    { kind: 'cudn-localnet', path: 'spec.namespaceSelector.matchLabels', field: 'namespaceSelector' },
    { kind: 'cudn-layer3', path: 'spec.network.topology', field: 'topology' },
    { kind: 'cudn-layer2', path: 'spec.network', field: undefined },
    { kind: 'nad-layer2', path: 'spec.config', field: undefined },
    { kind: 'nad-bridge', path: 'metadata.name', field: 'name' },
    { kind: 'udn-layer2', path: 'metadata.namespace', field: 'namespace' },
    { kind: 'nncp', path: 'spec.desiredState.interfaces[0].name', field: undefined },
    { kind: 'nncp', path: 'spec.desiredState.ovn.bridge-mappings[0].localnet', field: 'physicalNetworkName' },
    { kind: 'nncp', path: 'spec.nodeSelector', field: 'nodeSelector' },
    { kind: 'nncp', path: 'spec.maxUnavailable', field: 'maxUnavailable' },
    { kind: 'sriov-policy', path: 'spec.numVfs', field: 'numVfs' },
    { kind: 'sriov-policy', path: 'spec.nicSelector.pfNames[0]', field: 'nicSelector.pfNames' },
    { kind: 'sriov-network', path: 'spec.vlan', field: 'vlan' },
  ])('$kind $path → $field', ({ kind, path, field }) => {
    expect(formFieldOf(kind, path)).toBe(field);
  });
});

describe('mapServerIssues', () => {
  it('re-addresses causes and keeps the server path; unplaceable ones go to the review step', () => {
    const issues: FieldIssue[] = [
      {
        field: 'spec.network.layer2.subnets[0]',
        code: 'server',
        severity: 'error',
        params: { message: 'bad' },
      },
      { field: 'spec.network', code: 'server', severity: 'error', params: { message: 'rule' } },
    ];
    expect(mapServerIssues('cudn-layer2', issues)).toEqual([
      {
        field: 'subnets[0]',
        code: 'server',
        severity: 'error',
        params: { message: 'bad', path: 'spec.network.layer2.subnets[0]' },
      },
      {
        field: REVIEW_FIELD,
        code: 'server',
        severity: 'error',
        params: { message: 'rule', path: 'spec.network' },
      },
    ]);
  });
});
