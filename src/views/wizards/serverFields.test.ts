import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../domain/issues';
import type { NetworkKind } from '../../domain/manifests/shared/kinds';
import { REVIEW_FIELD, formFieldOf, mapServerIssues } from './serverFields';

describe('formFieldOf', () => {
  it.each<[NetworkKind, string, string | undefined]>([
    ['cudn-layer2', 'spec.network.layer2.subnets[1]', 'subnets[1]'],
    ['udn-layer2', 'spec.layer2.subnets[0]', 'subnets[0]'],
    ['udn-layer3', 'spec.layer3.subnets[2].cidr', 'subnets[2]'],
    ['udn-layer3', 'spec.layer3.subnets[0].hostSubnet', 'subnets[0].hostSubnet'],
    ['cudn-layer2', 'spec.network.layer2.joinSubnets', 'joinSubnets'],
    ['cudn-layer2', 'spec.network.layer2.ipam.lifecycle', 'persistentIPs'],
    ['cudn-localnet', 'spec.network.localnet.physicalNetworkName', 'physicalNetworkName'],
    ['cudn-localnet', 'spec.network.localnet.vlan.access.id', 'vlan'],
    ['cudn-localnet', 'spec.network.localnet.excludeSubnets[0]', 'excludeSubnets[0]'],
    ['cudn-localnet', 'spec.namespaceSelector.matchLabels', 'namespaceSelector'],
    ['cudn-layer3', 'spec.network.topology', 'topology'],
    ['cudn-layer2', 'spec.network', undefined],
    ['nad-layer2', 'spec.config', undefined],
    ['nad-bridge', 'metadata.name', 'name'],
    ['udn-layer2', 'metadata.namespace', 'namespace'],
    ['nncp', 'spec.desiredState.interfaces[0].name', undefined],
    ['nncp', 'spec.desiredState.ovn.bridge-mappings[0].localnet', 'physicalNetworkName'],
    ['nncp', 'spec.nodeSelector', 'nodeSelector'],
    ['nncp', 'spec.maxUnavailable', 'maxUnavailable'],
    ['sriov-policy', 'spec.numVfs', 'numVfs'],
    ['sriov-policy', 'spec.nicSelector.pfNames[0]', 'nicSelector.pfNames'],
    ['sriov-network', 'spec.vlan', 'vlan'],
  ])('%s %s → %s', (kind, path, field) => {
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
