import { describe, expect, it } from 'vitest';
import { aCluster, aPF, aSriovState, codes } from '../../testing/manifests';
import { applyDpdkPreset, ibNeedsRdma } from './dpdk';
import {
  type SriovPolicyForm,
  buildSriovPolicyManifest,
  emptySriovPolicyForm,
  validateSriovPolicy,
} from './sriov';
import { sriovPolicyFormFromManifest } from './sriovManifest';

const aPolicy = (over: Partial<SriovPolicyForm> = {}): SriovPolicyForm => ({
  ...emptySriovPolicyForm(),
  name: 'dpdk',
  resourceName: 'intel_dpdk',
  numVfs: 4,
  nicSelector: { pfNames: ['ens1f0'] },
  ...over,
});

const issues = (form: SriovPolicyForm) => codes(validateSriovPolicy(form, aCluster()));

describe('DPDK preset', () => {
  it('sets vfio-pci and clears RDMA, keeping the other inputs', () => {
    const before = aPolicy({
      deviceType: 'netdevice',
      isRdma: true,
      linkType: 'eth',
      priority: 10,
      mtu: 9000,
    });
    const after = applyDpdkPreset(before);
    expect(after).toMatchObject({
      dpdk: true,
      deviceType: 'vfio-pci',
      linkType: 'eth',
      priority: 10,
      mtu: 9000,
    });
    expect(after.isRdma).toBeUndefined();
    expect(issues(after)).toEqual([]);
  });

  it('is refused on deviceType when the VFs are switched back to netdevice', () => {
    const form = { ...applyDpdkPreset(aPolicy()), deviceType: 'netdevice' as const };
    expect(codes(validateSriovPolicy(form, aCluster()), 'error')).toEqual([
      'sriov-dpdk-device-type@deviceType',
    ]);
  });

  it('leaves no trace in the manifest but its device type', () => {
    const spec = buildSriovPolicyManifest(applyDpdkPreset(aPolicy())).spec;
    expect(spec).not.toHaveProperty('dpdk');
    expect(spec).not.toHaveProperty('isRdma');
    expect(spec.deviceType).toBe('vfio-pci');
  });
});

describe('linkType, isRdma, priority, needVhostNet', () => {
  it('RDMA with vfio-pci is refused on isRdma (webhook validate.go)', () => {
    expect(codes(validateSriovPolicy(aPolicy({ isRdma: true }), aCluster()), 'error')).toEqual([
      'rdma-vfio@isRdma',
    ]);
  });

  it.each([
    ['ib + netdevice, RDMA off: the operator turns it on', { linkType: 'ib', deviceType: 'netdevice' }, true],
    ['ib + netdevice + RDMA', { linkType: 'ib', deviceType: 'netdevice', isRdma: true }, false],
    ['ib + vfio-pci: the operator leaves RDMA off', { linkType: 'ib', deviceType: 'vfio-pci' }, false],
    ['eth + netdevice', { linkType: 'eth', deviceType: 'netdevice' }, false],
  ] as const)('%s', (_, over, warned) => {
    const form = aPolicy(over);
    const found = validateSriovPolicy(form, aCluster()).filter((i) => i.code === 'sriov-ib-rdma');
    expect(found.map((i) => `${i.severity}@${i.field}`)).toEqual(warned ? ['warning@linkType'] : []);
    expect(ibNeedsRdma(form)).toBe(over.linkType === 'ib' && over.deviceType === 'netdevice');
  });

  it('no linkType combination is an error by itself (the webhook refuses none without netFilter/switchdev)', () => {
    for (const linkType of ['eth', 'ib'] as const)
      for (const deviceType of ['netdevice', 'vfio-pci'] as const)
        expect(codes(validateSriovPolicy(aPolicy({ linkType, deviceType }), aCluster()), 'error')).toEqual(
          [],
        );
  });

  it.each([
    [0, []],
    [99, []],
    [-1, ['priority-range@priority']],
    [100, ['priority-range@priority']],
    [1.5, ['not-an-integer@priority']],
  ])('priority %s', (priority, expected) => {
    expect(codes(validateSriovPolicy(aPolicy({ priority }), aCluster()), 'error')).toEqual(expected);
  });

  it('writes linkType, priority, isRdma and needVhostNet, and reads them back', () => {
    const form = aPolicy({
      deviceType: 'netdevice',
      linkType: 'ib',
      isRdma: true,
      priority: 5,
      needVhostNet: true,
    });
    const manifest = buildSriovPolicyManifest(form);
    expect(manifest.spec).toMatchObject({ linkType: 'ib', isRdma: true, priority: 5, needVhostNet: true });
    const back = sriovPolicyFormFromManifest(manifest);
    expect(back.issues).toEqual([]);
    expect(back.form).toMatchObject({ linkType: 'ib', isRdma: true, priority: 5, needVhostNet: true });
  });

  it('reads linkType in any case the CRD allows, and refuses others', () => {
    const spec = buildSriovPolicyManifest(aPolicy()).spec;
    const read = (linkType: string) =>
      sriovPolicyFormFromManifest({
        apiVersion: 'sriovnetwork.openshift.io/v1',
        kind: 'SriovNetworkNodePolicy',
        metadata: { name: 'p', namespace: 'openshift-sriov-network-operator' },
        spec: { ...spec, linkType },
      });
    expect(read('IB').form?.linkType).toBe('ib');
    expect(read('ETH').form?.linkType).toBe('eth');
    expect(read('Eth').issues.map((i) => i.field)).toEqual(['spec.linkType']);
  });
});

describe('linkType against the link type the PFs report', () => {
  const CAPABLE = { 'feature.node.kubernetes.io/network-sriov.capable': 'true' };
  const cluster = (vendor: string) =>
    aCluster({
      nodes: [{ name: 'w1', labels: CAPABLE }],
      sriovNodeStates: [aSriovState('w1', [aPF('ens1f0', 64, { vendor, linkType: 'ETH' })])],
    });
  const linkIssues = (form: SriovPolicyForm, vendor: string) =>
    validateSriovPolicy(form, cluster(vendor))
      .filter((i) => i.code.startsWith('sriov-link-type'))
      .map((i) => `${i.severity}:${i.code}@${i.field}`);

  it('the same link type (any case) or none: nothing to say', () => {
    expect(linkIssues(aPolicy({ linkType: 'eth' }), '8086')).toEqual([]);
    expect(linkIssues(aPolicy(), '8086')).toEqual([]);
  });

  it('an Ethernet-only NIC cannot become InfiniBand: an error on linkType', () => {
    const found = validateSriovPolicy(aPolicy({ linkType: 'ib', deviceType: 'vfio-pci' }), cluster('8086'));
    expect(found.filter((i) => i.code === 'sriov-link-type-fixed')).toEqual([
      {
        field: 'linkType',
        code: 'sriov-link-type-fixed',
        severity: 'error',
        params: { pf: 'ens1f0', node: 'w1', current: 'eth', wanted: 'ib' },
      },
    ]);
  });

  it('a Mellanox port is switched in firmware with a reboot: a warning', () => {
    expect(linkIssues(aPolicy({ linkType: 'ib' }), '15b3')).toEqual([
      'warning:sriov-link-type-switch@linkType',
    ]);
  });

  it('PFs the nicSelector does not pick are not compared', () => {
    expect(linkIssues(aPolicy({ linkType: 'ib', nicSelector: { pfNames: ['ens9f0'] } }), '8086')).toEqual([]);
  });
});
