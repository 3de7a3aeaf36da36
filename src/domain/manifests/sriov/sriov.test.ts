import { describe, expect, it } from 'vitest';
import {
  type SriovNetworkForm,
  type SriovPolicyForm,
  buildSriovNetworkManifest,
  buildSriovPolicyManifest,
  emptySriovNetworkForm,
  emptySriovPolicyForm,
  validateSriovNetwork,
  validateSriovPolicy,
} from './sriov';
import { aCluster, aPF, aSriovState, codes } from '../../testing/manifests';

const aPolicy = (over: Partial<SriovPolicyForm> = {}): SriovPolicyForm => ({
  ...emptySriovPolicyForm(),
  name: 'intel-vfio',
  resourceName: 'intel_vfio',
  numVfs: 8,
  nicSelector: { pfNames: ['ens1f0'] },
  ...over,
});

const aSriovNetwork = (over: Partial<SriovNetworkForm> = {}): SriovNetworkForm => ({
  ...emptySriovNetworkForm('tenant-a'),
  name: 'sriov-net',
  resourceName: 'intel_vfio',
  ...over,
});

const sriovCluster = () =>
  aCluster({
    nodes: [
      { name: 'w1', labels: { 'feature.node.kubernetes.io/network-sriov.capable': 'true' } },
      { name: 'w2', labels: { 'feature.node.kubernetes.io/network-sriov.capable': 'true' } },
    ],
    sriovNodeStates: [
      aSriovState('w1', [aPF('ens1f0', 64), aPF('ens1f1', 64)]),
      aSriovState('w2', [aPF('ens1f0', 32)]),
      aSriovState('w3', [aPF('ens1f0', 4)]),
    ],
  });

const errors = (form: SriovPolicyForm, ctx = sriovCluster()) =>
  codes(validateSriovPolicy(form, ctx), 'error');

describe('validateSriovPolicy', () => {
  it.each([
    ['pfNames', aPolicy()],
    ['VF range in pfNames', aPolicy({ nicSelector: { pfNames: ['ens1f0#0-3'] } })],
    ['vendor + device', aPolicy({ nicSelector: { vendor: '8086', deviceID: '158b' } })],
    ['rootDevices', aPolicy({ nicSelector: { rootDevices: ['0000:3b:00.0'] } })],
    ['numVfs at the tightest PF limit', aPolicy({ numVfs: 32 })],
    ['RDMA with netdevice', aPolicy({ deviceType: 'netdevice', isRdma: true })],
  ])('valid: %s', (_, form) => {
    expect(errors(form)).toEqual([]);
  });

  it.each([
    // pkg/webhook/validate.go validateResourceName: alphanumeric at both ends, at most 63 characters.
    ['resourceName starting with "_"', aPolicy({ resourceName: '_intel' }), ['resource-name@resourceName']],
    [
      'resourceName of 64 characters',
      aPolicy({ resourceName: 'a'.repeat(64) }),
      ['resource-name@resourceName'],
    ],
    ['resourceName with "."', aPolicy({ resourceName: 'intel.vfio' }), ['resource-name@resourceName']],
    ['resourceName missing', aPolicy({ resourceName: '' }), ['required@resourceName']],
    ['numVfs 0', aPolicy({ numVfs: 0 }), ['numvfs-range@numVfs']],
    ['empty nicSelector', aPolicy({ nicSelector: {} }), ['nic-selector-empty@nicSelector']],
    [
      'vendor not hex',
      aPolicy({ nicSelector: { vendor: 'intel' } }),
      ['nic-selector-hex@nicSelector.vendor'],
    ],
    ['bad pfName', aPolicy({ nicSelector: { pfNames: ['ens1f0#3'] } }), ['pf-name@nicSelector.pfNames[0]']],
    [
      'VF range beyond numVfs',
      aPolicy({ nicSelector: { pfNames: ['ens1f0#0-8'] } }),
      ['pf-vf-range@nicSelector.pfNames[0]'],
    ],
    [
      'bad root device',
      aPolicy({ nicSelector: { rootDevices: ['3b:00.0'] } }),
      ['pci-address@nicSelector.rootDevices[0]'],
    ],
    ['priority 100', aPolicy({ priority: 100 }), ['priority-range@priority']],
    ['RDMA with vfio-pci', aPolicy({ isRdma: true }), ['rdma-vfio@isRdma']],
    [
      'Mellanox above 128',
      aPolicy({ numVfs: 200, nicSelector: { vendor: '15b3' } }),
      ['numvfs-mellanox@numVfs'],
    ],
  ])('error: %s', (_, form, expected) => {
    expect(errors(form, aCluster())).toEqual(expected);
  });

  it('caps numVfs by the smallest totalvfs of matching PFs on the selected nodes', () => {
    // w3 (totalvfs 4) is not selected: it has no labels in the context.
    expect(
      validateSriovPolicy(aPolicy({ numVfs: 40 }), sriovCluster()).filter((i) => i.severity === 'error'),
    ).toEqual([
      {
        field: 'numVfs',
        code: 'numvfs-above-total',
        severity: 'error',
        params: { numVfs: 40, pf: 'ens1f0', node: 'w2', max: 32 },
      },
    ]);
  });

  it.each([
    [
      'resourceName with "-" (older operators refuse it)',
      aPolicy({ resourceName: 'intel-vfio' }),
      ['resource-name-dash@resourceName'],
    ],
    ['netdevice for VMs', aPolicy({ deviceType: 'netdevice' }), ['sriov-netdevice-vm@deviceType']],
  ])('warning: %s', (_, form, expected) => {
    expect(codes(validateSriovPolicy(form, sriovCluster()), 'warning')).toEqual(expected);
  });

  // The webhook refuses a nicSelector that selects no PF on the selected nodes ("no supported NIC is selected").
  it('error: no PF matches', () => {
    expect(errors(aPolicy({ nicSelector: { pfNames: ['ens9'] } }))).toEqual(['pf-no-match@nicSelector']);
  });
});

describe('validateSriovNetwork', () => {
  it.each([
    ['defaults', aSriovNetwork()],
    ['VLAN 0 (untagged)', aSriovNetwork({ vlan: 0 })],
    ['whereabouts IPAM', aSriovNetwork({ ipam: '{"type":"whereabouts","range":"10.56.217.0/24"}' })],
    ['blank IPAM', aSriovNetwork({ ipam: '  ' })],
    ['rates in order', aSriovNetwork({ minTxRate: 100, maxTxRate: 1000 })],
  ])('valid: %s', (_, form) => {
    expect(codes(validateSriovNetwork(form, aCluster()), 'error')).toEqual([]);
  });

  it.each([
    ['IPAM not JSON', aSriovNetwork({ ipam: '{type: static' }), ['ipam-json@ipam']],
    ['IPAM an array', aSriovNetwork({ ipam: '[]' }), ['ipam-json@ipam']],
    ['VLAN 4095', aSriovNetwork({ vlan: 4095 }), ['vlan-range@vlan']],
    ['VLAN -1', aSriovNetwork({ vlan: -1 }), ['vlan-range@vlan']],
    ['QoS 8', aSriovNetwork({ vlanQoS: 8 }), ['int-range@vlanQoS']],
    ['min above max', aSriovNetwork({ minTxRate: 1000, maxTxRate: 100 }), ['tx-rate-order@minTxRate']],
    [
      'network namespace',
      aSriovNetwork({ networkNamespace: 'Tenant_A' }),
      ['dns1123-label@networkNamespace'],
    ],
    ['resource name', aSriovNetwork({ resourceName: 'a.b' }), ['resource-name@resourceName']],
  ])('error: %s', (_, form, expected) => {
    expect(codes(validateSriovNetwork(form, aCluster()), 'error')).toEqual(expected);
  });

  it('keeps the IPAM parse error message', () => {
    const issue = validateSriovNetwork(aSriovNetwork({ ipam: '{' })).find((i) => i.code === 'ipam-json');
    expect(typeof issue?.params?.message).toBe('string');
  });

  it('warns about an unknown resource and a namespace the operator does not watch', () => {
    const ctx = aCluster({ sriovPolicies: [buildSriovPolicyManifest(aPolicy({ resourceName: 'other' }))] });
    expect(codes(validateSriovNetwork(aSriovNetwork({ namespace: 'tenant-a' }), ctx), 'warning')).toEqual([
      'resource-name-unknown@resourceName',
      'sriov-network-namespace@namespace',
    ]);
  });
});

describe('builders', () => {
  it('builds a vfio-pci policy', () => {
    expect(buildSriovPolicyManifest(aPolicy({ priority: 10, mtu: 9000 }))).toEqual({
      apiVersion: 'sriovnetwork.openshift.io/v1',
      kind: 'SriovNetworkNodePolicy',
      metadata: { name: 'intel-vfio', namespace: 'openshift-sriov-network-operator' },
      spec: {
        resourceName: 'intel_vfio',
        nodeSelector: { 'feature.node.kubernetes.io/network-sriov.capable': 'true' },
        numVfs: 8,
        nicSelector: { pfNames: ['ens1f0'] },
        deviceType: 'vfio-pci',
        priority: 10,
        mtu: 9000,
      },
    });
  });

  it('keeps the IPAM text verbatim', () => {
    const ipam = '{ "type": "static" }';
    expect(buildSriovNetworkManifest(aSriovNetwork({ ipam, vlan: 0, trust: 'on' })).spec).toEqual({
      resourceName: 'intel_vfio',
      networkNamespace: 'tenant-a',
      vlan: 0,
      spoofChk: 'on',
      trust: 'on',
      ipam,
    });
  });
});

describe('validateSriovPolicy: MTU and PF sharing', () => {
  it("refuses a VF MTU above the PF's, and warns above the jumbo ceiling when the PF is unknown", () => {
    expect(errors(aPolicy({ mtu: 9000 }))).toEqual(['mtu-above-uplink@mtu']);
    expect(errors(aPolicy({ mtu: 1500 }))).toEqual([]);
    expect(codes(validateSriovPolicy(aPolicy({ mtu: 10000 }), aCluster({})), 'warning')).toContain(
      'mtu-above-jumbo@mtu',
    );
  });
  it('refuses a second device type on the same VFs of a PF, allows another VF range', () => {
    const ctx = aCluster({
      sriovPolicies: [buildSriovPolicyManifest(aPolicy({ name: 'net', deviceType: 'netdevice' }))],
    });
    // Both take the whole PF: the webhook also refuses the overlapping VF ranges (webhookRules.ts).
    expect(codes(validateSriovPolicy(aPolicy(), ctx), 'error')).toEqual([
      'sriov-pf-device-type@deviceType',
      'sriov-vf-range-overlap@nicSelector.pfNames[0]',
    ]);
    const split = aCluster({
      sriovPolicies: [
        buildSriovPolicyManifest(
          aPolicy({ name: 'net', deviceType: 'netdevice', nicSelector: { pfNames: ['ens1f0#0-3'] } }),
        ),
      ],
    });
    expect(
      codes(validateSriovPolicy(aPolicy({ nicSelector: { pfNames: ['ens1f0#4-7'] } }), split), 'error'),
    ).toEqual([]);
  });
});
