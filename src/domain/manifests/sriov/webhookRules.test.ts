// The SR-IOV network operator's webhook rules (pkg/webhook/validate.go, validate_networks.go), one named case per
// rule: through the wizard validators (form fields) and through validateManifest (manifest-only fields).
import { describe, expect, it } from 'vitest';
import type { SriovNetworkNodePolicy } from '../../kube/networks';
import { aCluster, aPF, aSriovState, codes } from '../../testing/manifests';
import { validateManifest } from '../validate';
import {
  type SriovPolicyForm,
  buildSriovPolicyManifest,
  emptySriovNetworkForm,
  emptySriovPolicyForm,
  validateSriovNetwork,
  validateSriovPolicy,
} from './sriov';
import { nicSupportIssue } from './webhookRules';

const LABEL = { 'feature.node.kubernetes.io/network-sriov.capable': 'true' };
const aPolicy = (over: Partial<SriovPolicyForm> = {}): SriovPolicyForm => ({
  ...emptySriovPolicyForm(),
  name: 'intel-vfio',
  resourceName: 'intel_vfio',
  numVfs: 8,
  nicSelector: { pfNames: ['ens1f0'] },
  ...over,
});
const cluster = (policies: SriovNetworkNodePolicy[] = [], pfExtra = {}) =>
  aCluster({
    nodes: [
      { name: 'w1', labels: LABEL },
      { name: 'w2', labels: { ...LABEL, rack: 'b' } },
    ],
    sriovNodeStates: [
      aSriovState('w1', [aPF('ens1f0', 64, pfExtra)]),
      aSriovState('w2', [aPF('ens1f0', 64, pfExtra)]),
    ],
    sriovPolicies: policies,
  });
const other = (
  over: Partial<SriovPolicyForm>,
  spec: Record<string, unknown> = {},
): SriovNetworkNodePolicy => {
  const m = buildSriovPolicyManifest(aPolicy({ name: 'other', ...over }));
  return { ...m, spec: { ...m.spec, ...spec } };
};
const errors = (form: SriovPolicyForm, ctx = cluster()) => codes(validateSriovPolicy(form, ctx), 'error');
const warnings = (form: SriovPolicyForm, ctx = cluster()) => codes(validateSriovPolicy(form, ctx), 'warning');

/** A policy manifest with extra spec fields, checked as the CLI does. */
const manifestErrors = (
  spec: Record<string, unknown>,
  ctx = cluster(),
  form: Partial<SriovPolicyForm> = {},
) => {
  const m = buildSriovPolicyManifest(aPolicy(form));
  return codes(validateManifest({ ...m, spec: { ...m.spec, ...spec } }, ctx), 'error');
};

describe('SR-IOV operator webhook: SriovNetworkNodePolicy form rules', () => {
  it('accepts a plain vfio-pci policy on a supported Intel NIC', () => {
    expect(
      errors(aPolicy({ nicSelector: { vendor: '8086', deviceID: '158b', pfNames: ['ens1f0'] } })),
    ).toEqual([]);
  });

  it.each<[string, SriovPolicyForm, SriovNetworkNodePolicy[], string[]]>([
    [
      'netFilter with pfNames',
      aPolicy({ nicSelector: { netFilter: 'openstack/NetworkID:x', pfNames: ['ens1f0'] } }),
      [],
      ['sriov-netfilter-exclusive@nicSelector.netFilter'],
    ],
    [
      'netFilter with linkType ib',
      aPolicy({
        nicSelector: { netFilter: 'openstack/NetworkID:x' },
        linkType: 'ib',
        deviceType: 'netdevice',
        isRdma: true,
      }),
      [],
      ['sriov-netfilter-link-type@linkType'],
    ],
    [
      'a node selector that selects no node',
      aPolicy({ nodeSelector: { rack: 'z' } }),
      [],
      ['sriov-no-nodes@nodeSelector'],
    ],
    [
      'VFs 0-3 of a PF another policy gives 2-5',
      aPolicy({ nicSelector: { pfNames: ['ens1f0#0-3'] } }),
      [other({ nicSelector: { pfNames: ['ens1f0#2-5'] } })],
      ['sriov-vf-range-overlap@nicSelector.pfNames[0]'],
    ],
    [
      'a whole PF another policy also takes whole',
      aPolicy(),
      [other({})],
      ['sriov-vf-range-overlap@nicSelector.pfNames[0]'],
    ],
    [
      'overlapping VFs with a second policy after a first one that does not overlap',
      aPolicy({ nicSelector: { pfNames: ['ens1f0#0-3'] } }),
      [
        other({ nicSelector: { pfNames: ['ens1f0#4-7'] } }),
        {
          ...other({ nicSelector: { pfNames: ['ens1f0#2-3'] } }),
          metadata: { name: 'third', namespace: 'openshift-sriov-network-operator' },
        },
      ],
      ['sriov-vf-range-overlap@nicSelector.pfNames[0]'],
    ],
    [
      'a root device another policy selects',
      aPolicy({ nicSelector: { rootDevices: ['0000:3b:00.0'] } }),
      [other({ nicSelector: { rootDevices: ['0000:3b:00.0'] } })],
      ['sriov-root-device-overlap@nicSelector.rootDevices[0]'],
    ],
  ])('refuses %s', (_, form, policies, expected) => {
    expect(errors(form, cluster(policies))).toEqual(expected);
  });

  it.each<[string, SriovPolicyForm, SriovNetworkNodePolicy[]]>([
    [
      'separate VF ranges of one PF',
      aPolicy({ nicSelector: { pfNames: ['ens1f0#0-3'] } }),
      [other({ nicSelector: { pfNames: ['ens1f0#4-7'] } })],
    ],
    // ParseVfRange gives a whole PF -1..-1: against a range it is not an overlap for the webhook.
    [
      'a whole PF against another policy’s range',
      aPolicy(),
      [other({ nicSelector: { pfNames: ['ens1f0#0-3'] } })],
    ],
    [
      'the same PF on other nodes only',
      aPolicy({ nodeSelector: { rack: 'b' } }),
      [other({ nodeSelector: { rack: 'c' } })],
    ],
  ])('accepts %s', (_, form, policies) => {
    expect(errors(form, cluster(policies))).not.toContain('sriov-vf-range-overlap@nicSelector.pfNames[0]');
  });

  it.each<[string, SriovPolicyForm, string]>([
    [
      'a policy outside the operator namespace',
      aPolicy({ namespace: 'tenant-a' }),
      'sriov-policy-namespace@namespace',
    ],
    [
      'a vendor not in supported-nic-ids',
      aPolicy({ nicSelector: { vendor: '10ec', pfNames: ['ens1f0'] } }),
      'sriov-nic-unsupported@nicSelector.vendor',
    ],
    [
      'an upper-case vendor (compared exactly)',
      aPolicy({ nicSelector: { vendor: '15B3', pfNames: ['ens1f0'] } }),
      'sriov-nic-unsupported@nicSelector.vendor',
    ],
    [
      'a device ID not in supported-nic-ids',
      aPolicy({ nicSelector: { deviceID: 'ffff', pfNames: ['ens1f0'] } }),
      'sriov-nic-unsupported@nicSelector.deviceID',
    ],
    ['a resource name with "-"', aPolicy({ resourceName: 'intel-vfio' }), 'resource-name-dash@resourceName'],
  ])('warns about %s', (_, form, expected) => {
    expect(warnings(form)).toContain(expected);
  });

  it('knows the default supported NICs', () => {
    expect(nicSupportIssue('15b3', '101d')).toBeUndefined();
    expect(nicSupportIssue('15b3', '158b')).toBe('vendor/device 15b3/158b');
  });
});

describe('SR-IOV operator webhook: fields only a manifest carries', () => {
  it.each<[string, Record<string, unknown>, Partial<SriovPolicyForm>, string[]]>([
    [
      'switchdev with linkType ib',
      { eSwitchMode: 'switchdev', linkType: 'ib' },
      { linkType: 'ib', deviceType: 'netdevice', isRdma: true },
      ['sriov-switchdev-eth@spec.eSwitchMode'],
    ],
    [
      'vdpaType with vfio-pci',
      { vdpaType: 'virtio', eSwitchMode: 'switchdev' },
      {},
      ['sriov-vdpa-netdevice@spec.vdpaType', 'sriov-vdpa-vendor@spec.vdpaType'],
    ],
    [
      'vdpaType without switchdev',
      { vdpaType: 'vhost' },
      { deviceType: 'netdevice' },
      ['sriov-needs-switchdev@spec.vdpaType', 'sriov-vdpa-vendor@spec.vdpaType'],
    ],
    ['a bridge without switchdev', { bridge: { ovs: {} } }, {}, ['sriov-needs-switchdev@spec.bridge']],
    [
      'a bridge on an externally managed PF',
      { bridge: { ovs: {} }, eSwitchMode: 'switchdev', externallyManaged: true },
      { numVfs: 4 },
      ['field-not-allowed@spec.bridge'],
    ],
    [
      'eSwitchMode with netFilter',
      { eSwitchMode: 'legacy' },
      { nicSelector: { netFilter: 'openstack/NetworkID:x' } },
      ['field-not-allowed@spec.eSwitchMode'],
    ],
    [
      'more VFs than an externally managed PF has',
      { externallyManaged: true },
      { numVfs: 16 },
      ['sriov-external-numvfs@spec.numVfs'],
    ],
    [
      'an MTU above an externally managed PF’s (sriov.ts: every policy)',
      { externallyManaged: true, mtu: 9000 },
      { numVfs: 4, mtu: 9000 },
      ['mtu-above-uplink@spec.mtu'],
    ],
  ])('refuses %s', (_, spec, form, expected) => {
    expect(manifestErrors(spec, cluster([], { numVfs: 8 }), form)).toEqual(expected);
  });

  it('refuses externallyManaged unlike another policy on the same PF', () => {
    const ctx = cluster([other({ nicSelector: { pfNames: ['ens1f0#4-7'] } }, { externallyManaged: true })]);
    expect(manifestErrors({}, ctx, { nicSelector: { pfNames: ['ens1f0#0-3'] } })).toEqual([
      'sriov-external-inconsistent@spec.externallyManaged',
    ]);
  });

  it('refuses excludeTopology unlike another policy giving the same resource', () => {
    const ctx = cluster([other({ nicSelector: { pfNames: ['ens1f1'] } }, { excludeTopology: true })]);
    expect(manifestErrors({}, ctx)).toEqual(['sriov-exclude-topology@spec.excludeTopology']);
  });
});

describe('SR-IOV operator webhook: SriovNetwork', () => {
  it('refuses networkNamespace on a SriovNetwork outside the operator namespace', () => {
    const form = {
      ...emptySriovNetworkForm('tenant-b'),
      name: 'n',
      namespace: 'tenant-a',
      resourceName: 'intel_vfio',
    };
    expect(codes(validateSriovNetwork(form), 'error')).toEqual([
      'sriov-network-namespace-field@networkNamespace',
    ]);
    expect(codes(validateSriovNetwork({ ...form, networkNamespace: '' }), 'error')).toEqual([]);
  });
});
