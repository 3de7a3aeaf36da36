import { describe, expect, it } from 'vitest';
import { type NADForm, buildNADConfig, buildNADManifest, emptyNADForm, validateNAD } from './nad';
import { aCluster, aNodeState, aWorker, anNNCP, codes, eth } from '../../testing/manifests';

const aNAD = (type: NADForm['type'], over: Partial<NADForm> = {}): NADForm => ({
  ...emptyNADForm(type, 'tenant-a'),
  name: 'net1',
  ...(type === 'bridge' ? { bridge: 'br1' } : {}),
  ...(type === 'localnet' ? { physicalNetworkName: 'physnet' } : {}),
  ...over,
});

const errors = (form: NADForm, ctx = aCluster()) => codes(validateNAD(form, ctx), 'error');

describe('validateNAD', () => {
  it.each([
    ['layer2 without subnets', aNAD('layer2')],
    [
      'layer2 dual-stack with persistent IPs',
      aNAD('layer2', { subnets: ['10.200.0.0/24', 'fd20::/64'], allowPersistentIPs: true }),
    ],
    [
      'layer2 with excludes',
      aNAD('layer2', { subnets: ['10.200.0.0/24'], excludeSubnets: ['10.200.0.0/30'] }),
    ],
    ['localnet with VLAN', aNAD('localnet', { vlan: 100, subnets: ['192.168.50.0/24'], mtu: 1500 })],
    ['bridge with VLAN', aNAD('bridge', { vlan: 10, mtu: 1500 })],
    // OVN-Kubernetes uses the network name when physicalNetworkName is left out.
    ['localnet without physical network name', aNAD('localnet', { physicalNetworkName: '' })],
    // Any object name: dots are allowed in a NAD's name.
    ['name with dots', aNAD('bridge', { name: 'br1.vlan10' })],
  ])('valid: %s', (_, form) => {
    expect(errors(form)).toEqual([]);
  });

  it.each([
    ['name', aNAD('layer2', { name: 'Net.1' }), ['dns1123-subdomain@name']],
    ['namespace', aNAD('layer2', { namespace: '' }), ['required@namespace']],
    ['bad subnet', aNAD('layer2', { subnets: ['10.200.0.0'] }), ['cidr-invalid@subnets[0]']],
    ['two v6', aNAD('layer2', { subnets: ['fd20::/64', 'fd21::/64'] }), ['subnets-same-family@subnets[1]']],
    [
      'cluster overlap',
      aNAD('layer2', { subnets: ['10.128.0.0/24'] }),
      ['subnet-overlaps-cluster@subnets[0]'],
    ],
    [
      'persistent without subnets',
      aNAD('layer2', { allowPersistentIPs: true }),
      ['persistent-needs-ipam@allowPersistentIPs'],
    ],
    [
      'exclude outside',
      aNAD('layer2', { subnets: ['10.200.0.0/24'], excludeSubnets: ['10.201.0.0/30'] }),
      ['exclude-outside-subnets@excludeSubnets[0]'],
    ],
    ['VLAN on layer2', aNAD('layer2', { vlan: 5 }), ['field-not-allowed@vlan']],
    ['localnet VLAN 4095', aNAD('localnet', { vlan: 4095 }), ['vlan-range@vlan']],
    ['bridge name too long', aNAD('bridge', { bridge: 'bridge-name-16ch' }), ['bridge-name@bridge']],
    ['bridge name with space', aNAD('bridge', { bridge: 'br 1' }), ['bridge-name@bridge']],
    ['bridge on br-ex', aNAD('bridge', { bridge: 'br-ex' }), ['field-not-allowed@bridge']],
    ['bridge VLAN 0', aNAD('bridge', { vlan: 0 }), ['vlan-range@vlan']],
    ['bridge VLAN not an integer', aNAD('bridge', { vlan: 1.5 }), ['not-an-integer@vlan']],
    ['mtu too small', aNAD('bridge', { mtu: 100 }), ['mtu-range@mtu']],
    ['mtu below 1280 with IPv6', aNAD('layer2', { subnets: ['fd20::/64'], mtu: 1200 }), ['mtu-ipv6-min@mtu']],
  ])('error: %s', (_, form, expected) => {
    expect(errors(form)).toEqual(expected);
  });

  it('offers no layer2 overlay NAD on an IPv6 single-stack cluster', () => {
    const ctx = aCluster({ ipFamilies: [6] });
    expect([errors(aNAD('layer2'), ctx), errors(aNAD('bridge'), ctx), errors(aNAD('localnet'), ctx)]).toEqual(
      [['kind-unavailable@type'], [], []],
    );
  });

  it('refuses a bridge MTU above the bridge uplink on some node', () => {
    const br1 = { name: 'br1', type: 'linux-bridge', bridge: { port: [{ name: 'ens4' }] } };
    const ctx = aCluster({
      nodeStates: [aWorker('w1', [br1]), aNodeState('w2', [br1, eth('ens4', 1500)])],
    });
    expect(
      validateNAD(aNAD('bridge', { mtu: 9000 }), ctx).filter((i) => i.code === 'mtu-above-uplink'),
    ).toEqual([
      {
        field: 'mtu',
        code: 'mtu-above-uplink',
        severity: 'error',
        params: { mtu: 9000, uplinkMtu: 1500, uplink: 'br1/ens4', node: 'w2' },
      },
    ]);
  });

  it('warns when the bridge is missing on a node', () => {
    const ctx = aCluster({ nodeStates: [aWorker('w1')] });
    expect(codes(validateNAD(aNAD('bridge'), ctx), 'warning')).toEqual(['bridge-unknown@bridge']);
  });

  // The bridge CNI plugin defaults the bridge to cni0 (issue #14 point 2): not required, but a warning.
  it('warns that a bridge NAD without a bridge name uses cni0', () => {
    const form = aNAD('bridge', { bridge: '' });
    expect(codes(validateNAD(form), 'error')).toEqual([]);
    expect(codes(validateNAD(form), 'warning')).toEqual(['bridge-default-cni0@bridge']);
  });

  it('warns when another namespace uses the same network name (isolation breach)', () => {
    const ctx = aCluster({
      existingNetworkNames: [
        { networkName: 'shared', owner: 'NetworkAttachmentDefinition tenant-b/x', namespace: 'tenant-b' },
      ],
    });
    expect(codes(validateNAD(aNAD('layer2', { networkName: 'shared' }), ctx), 'warning')).toEqual([
      'nad-shared-network-name@networkName',
    ]);
  });

  it('warns about a localnet name no NNCP maps', () => {
    const ctx = aCluster({ nncps: [anNNCP('p', [{ localnet: 'other', bridge: 'br-ex' }])] });
    expect(codes(validateNAD(aNAD('localnet'), ctx), 'warning')).toEqual([
      'physical-network-unknown@physicalNetworkName',
    ]);
  });
});

describe('buildNADManifest', () => {
  it('builds a layer2 overlay with the right netAttachDefName', () => {
    const nad = buildNADManifest(
      aNAD('layer2', { subnets: ['10.200.0.0/24', 'fd20::/64'], allowPersistentIPs: true, mtu: 1400 }),
    );
    expect([nad.metadata, JSON.parse(nad.spec?.config ?? '')]).toEqual([
      { name: 'net1', namespace: 'tenant-a' },
      {
        cniVersion: '0.3.1',
        name: 'tenant-a.net1',
        type: 'ovn-k8s-cni-overlay',
        topology: 'layer2',
        netAttachDefName: 'tenant-a/net1',
        subnets: '10.200.0.0/24,fd20::/64',
        mtu: 1400,
        allowPersistentIPs: true,
      },
    ]);
  });

  it('builds a localnet NAD with vlanID', () => {
    const config = JSON.parse(
      buildNADManifest(aNAD('localnet', { vlan: 100, networkName: 'prod' })).spec?.config ?? '',
    );
    expect(config).toEqual({
      cniVersion: '0.3.1',
      name: 'prod',
      type: 'ovn-k8s-cni-overlay',
      topology: 'localnet',
      netAttachDefName: 'tenant-a/net1',
      physicalNetworkName: 'physnet',
      vlanID: 100,
    });
  });

  it('builds a bridge NAD with the bridge-marker resource annotation', () => {
    const nad = buildNADManifest(aNAD('bridge', { vlan: 10, description: 'lab' }));
    expect([nad.metadata.annotations, JSON.parse(nad.spec?.config ?? '')]).toEqual([
      { description: 'lab', 'k8s.v1.cni.cncf.io/resourceName': 'bridge.network.kubevirt.io/br1' },
      {
        cniVersion: '0.3.1',
        name: 'tenant-a.net1',
        type: 'bridge',
        bridge: 'br1',
        vlan: 10,
        macspoofchk: true,
        preserveDefaultVlan: false,
        ipam: {},
      },
    ]);
  });
});

describe('buildNADConfig of a form being filled in', () => {
  it('leaves out names it cannot make yet, and numbers that are not numbers', () => {
    const config = buildNADConfig({ ...emptyNADForm('layer2'), mtu: Number('abc') });
    expect(config).not.toHaveProperty('name');
    expect(config).not.toHaveProperty('netAttachDefName');
    expect(config).not.toHaveProperty('mtu');
    expect(JSON.stringify(config)).not.toContain('null');
    const named = buildNADConfig({ ...emptyNADForm('layer2', 'ns1'), name: 'blue', mtu: 1400 });
    expect(named).toMatchObject({ name: 'ns1.blue', netAttachDefName: 'ns1/blue', mtu: 1400 });
  });
});

describe('validateNAD: overlay MTU and the cluster network', () => {
  it("refuses an overlay MTU above the cluster network's, leaves a localnet alone", () => {
    const ctx = { clusterNetworkMtu: 1400 };
    const l2 = { ...emptyNADForm('layer2', 'ns1'), name: 'blue', subnets: ['10.250.0.0/16'] };
    expect(codes(validateNAD({ ...l2, mtu: 9999 }, ctx), 'error')).toEqual(['mtu-above-cluster-network@mtu']);
    expect(codes(validateNAD({ ...l2, mtu: 1400 }, ctx), 'error')).toEqual([]);
  });
});
