import { describe, expect, it } from 'vitest';
import { PRIMARY_UDN_LABEL, type UDNForm, buildCUDNManifest, buildUDNManifest, emptyUDNForm } from './udn';
import { validateUDN } from './udnValidate';
import { aCluster, aWorker, anNNCP, codes } from '../../testing/manifests';

const aUDN = (over: Partial<UDNForm> = {}): UDNForm => ({
  ...emptyUDNForm('namespace'),
  name: 'blue',
  namespace: 'tenant-a',
  subnets: [{ cidr: '192.168.10.0/24' }, { cidr: 'fd10::/64' }],
  ...over,
});

const aCUDN = (over: Partial<UDNForm> = {}): UDNForm => ({
  ...emptyUDNForm('cluster'),
  name: 'shared',
  namespaceSelector: { matchLabels: { team: 'blue' } },
  ...over,
  subnets: over.subnets ?? [{ cidr: '192.168.20.0/24' }],
});

const aLocalnet = (over: Partial<UDNForm> = {}): UDNForm =>
  aCUDN({
    topology: 'Localnet',
    role: 'Secondary',
    physicalNetworkName: 'physnet',
    persistentIPs: false,
    ...over,
  });

const errors = (form: UDNForm, ctx = aCluster()) => codes(validateUDN(form, ctx), 'error');

describe('validateUDN: valid forms', () => {
  it.each([
    ['layer2 primary dual-stack', aUDN()],
    ['layer2 secondary v4 only', aUDN({ role: 'Secondary', subnets: [{ cidr: '10.200.0.0/16' }] })],
    [
      'layer2 secondary, IPAM disabled',
      aUDN({ role: 'Secondary', ipamMode: 'Disabled', persistentIPs: false, subnets: [] }),
    ],
    [
      'layer3 primary',
      aUDN({
        topology: 'Layer3',
        persistentIPs: false,
        subnets: [{ cidr: '10.200.0.0/16', hostSubnet: 24 }],
      }),
    ],
    [
      'layer3 primary, many subnets',
      aUDN({
        topology: 'Layer3',
        persistentIPs: false,
        subnets: [{ cidr: '10.200.0.0/16' }, { cidr: '10.201.0.0/16' }, { cidr: 'fd10::/48' }],
      }),
    ],
    ['primary with join subnets', aUDN({ joinSubnets: ['100.70.0.0/16', 'fd70::/64'] })],
    ['CUDN layer2', aCUDN()],
    [
      'CUDN localnet with VLAN and excludes',
      aLocalnet({ vlan: 100, subnets: [{ cidr: '192.168.30.0/24' }], excludeSubnets: ['192.168.30.0/29'] }),
    ],
    ['CUDN localnet without IPAM', aLocalnet({ ipamMode: 'Disabled', subnets: [] })],
    ['mtu in range', aUDN({ mtu: 1400 })],
  ])('%s', (_, form) => {
    expect(errors(form)).toEqual([]);
  });
});

describe('validateUDN: CRD rules', () => {
  it.each([
    ['name not a label', aUDN({ name: 'Blue_1' }), ['dns1123-label@name']],
    ['namespace missing', aUDN({ namespace: '' }), ['required@namespace']],
    ['subnets required (ipam enabled)', aUDN({ subnets: [] }), ['required@subnets']],
    ['bad CIDR', aUDN({ subnets: [{ cidr: '192.168.10.0/33' }] }), ['cidr-invalid@subnets[0]']],
    ['too long', aUDN({ subnets: [{ cidr: `fd10:${'0:'.repeat(20)}/64` }] }), ['too-long@subnets[0]']],
    [
      'host bits (stricter)',
      aUDN({ subnets: [{ cidr: '192.168.10.1/24' }, { cidr: 'fd10::/64' }] }),
      ['cidr-host-bits@subnets[0]'],
    ],
    [
      'two v4 subnets',
      aUDN({ subnets: [{ cidr: '10.1.0.0/16' }, { cidr: '10.2.0.0/16' }] }),
      ['subnets-same-family@subnets[1]'],
    ],
    [
      'three subnets on layer2',
      aUDN({ subnets: [{ cidr: '10.1.0.0/16' }, { cidr: 'fd10::/64' }, { cidr: '10.3.0.0/16' }] }),
      ['too-many@subnets'],
    ],
    [
      'IPAM disabled with subnets',
      aUDN({ role: 'Secondary', ipamMode: 'Disabled', persistentIPs: false }),
      ['ipam-disabled-subnets@subnets'],
    ],
    [
      'IPAM disabled on primary',
      aUDN({ ipamMode: 'Disabled', persistentIPs: false, subnets: [] }),
      ['ipam-disabled-primary@ipamMode'],
    ],
    [
      'persistent with IPAM disabled',
      aUDN({ role: 'Secondary', ipamMode: 'Disabled', subnets: [] }),
      ['persistent-needs-ipam@persistentIPs'],
    ],
    [
      'join on secondary',
      aUDN({ role: 'Secondary', joinSubnets: ['100.70.0.0/16'] }),
      ['join-subnets-primary-only@joinSubnets'],
    ],
    [
      'join: two v4',
      aUDN({ joinSubnets: ['100.70.0.0/16', '100.71.0.0/16'] }),
      ['subnets-same-family@joinSubnets[1]'],
    ],
    ['mtu below 576', aUDN({ mtu: 500 }), ['mtu-range@mtu']],
    ['mtu above 65536', aUDN({ mtu: 70000 }), ['mtu-range@mtu']],
    ['mtu below 1280 with IPv6', aUDN({ mtu: 1000 }), ['mtu-ipv6-min@mtu']],
    [
      'localnet on UDN',
      aUDN({
        topology: 'Localnet',
        role: 'Secondary',
        physicalNetworkName: 'x',
        persistentIPs: false,
        subnets: [{ cidr: '10.9.0.0/16' }],
      }),
      ['localnet-cluster-only@topology'],
    ],
    ['localnet primary', aLocalnet({ role: 'Primary' }), ['localnet-secondary-only@role']],
    [
      'localnet without physical network',
      aLocalnet({ physicalNetworkName: '' }),
      ['required@physicalNetworkName'],
    ],
    [
      'physical network with ":"',
      aLocalnet({ physicalNetworkName: 'a:b' }),
      ['physical-network-name@physicalNetworkName'],
    ],
    ['VLAN 4095', aLocalnet({ vlan: 4095 }), ['vlan-range@vlan']],
    ['VLAN 0', aLocalnet({ vlan: 0 }), ['vlan-range@vlan']],
    [
      'excludes without subnets',
      aLocalnet({ ipamMode: 'Disabled', subnets: [], excludeSubnets: ['10.0.0.0/29'] }),
      ['exclude-needs-subnets@excludeSubnets'],
    ],
    [
      'exclude outside subnets',
      aLocalnet({ excludeSubnets: ['10.99.0.0/29'] }),
      ['exclude-outside-subnets@excludeSubnets[0]'],
    ],
    ['CUDN without selector', aCUDN({ namespaceSelector: undefined }), ['required@namespaceSelector']],
    [
      'CUDN with empty selector (stricter)',
      aCUDN({ namespaceSelector: {} }),
      ['selector-empty@namespaceSelector'],
    ],
    [
      'CUDN bad selector key',
      aCUDN({ namespaceSelector: { matchLabels: { 'a b': 'x' } } }),
      ['qualified-name@namespaceSelector.matchLabels.a b'],
    ],
    [
      'CUDN In without values',
      aCUDN({ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In' }] } }),
      ['selector-values@namespaceSelector.matchExpressions[0].values'],
    ],
  ])('%s', (_, form, expected) => {
    expect(errors(form)).toEqual(expected);
  });

  it.each([
    [
      'hostSubnet not above prefix',
      [{ cidr: '10.200.0.0/16', hostSubnet: 16 }],
      ['host-subnet-range@subnets[0].hostSubnet'],
    ],
    [
      'hostSubnet 32 on IPv4',
      [{ cidr: '10.200.0.0/16', hostSubnet: 32 }],
      ['host-subnet-range@subnets[0].hostSubnet'],
    ],
    [
      'hostSubnet 128 on IPv6',
      [{ cidr: 'fd10::/48', hostSubnet: 128 }],
      ['host-subnet-range@subnets[0].hostSubnet'],
    ],
    [
      'same family, different hostSubnet',
      [
        { cidr: '10.200.0.0/16', hostSubnet: 24 },
        { cidr: '10.201.0.0/16', hostSubnet: 25 },
      ],
      ['host-subnet-mismatch@subnets[1].hostSubnet'],
    ],
    [
      'overlapping subnets',
      [{ cidr: '10.200.0.0/16' }, { cidr: '10.200.5.0/24' }],
      ['subnet-overlap@subnets[1]'],
    ],
    [
      'duplicate subnets',
      [{ cidr: '10.200.0.0/16' }, { cidr: '10.200.0.0/16' }],
      ['subnet-duplicate@subnets[1]'],
    ],
  ])('layer3: %s', (_, subnets, expected) => {
    expect(errors(aUDN({ topology: 'Layer3', persistentIPs: false, subnets }))).toEqual(expected);
  });

  it('layer3 secondary: at most two subnets, one per family', () => {
    const three = [{ cidr: '10.1.0.0/16' }, { cidr: '10.2.0.0/16' }, { cidr: 'fd10::/48' }];
    const twoV4 = three.slice(0, 2);
    const form = (subnets: { cidr: string }[]) =>
      aUDN({ topology: 'Layer3', role: 'Secondary', persistentIPs: false, subnets });
    expect([errors(form(three)), errors(form(twoV4))]).toEqual([
      ['secondary-subnet-count@subnets'],
      ['subnets-same-family@subnets[1]'],
    ]);
  });
});

describe('validateUDN: subnet planning against the cluster', () => {
  it.each([
    ['cluster network', '10.130.0.0/16', 'subnet-overlaps-cluster', { range: '10.128.0.0/14' }],
    ['service network', '172.30.5.0/24', 'subnet-overlaps-service', { range: '172.30.0.0/16' }],
    ['OVN join', '100.64.1.0/24', 'subnet-overlaps-reserved', { range: '100.64.0.0/16', name: 'join' }],
    ['OVN transit', '100.88.0.0/14', 'subnet-overlaps-reserved', { range: '100.88.0.0/16', name: 'transit' }],
    [
      'OVN masquerade',
      '169.254.0.0/16',
      'subnet-overlaps-reserved',
      { range: '169.254.0.0/17', name: 'masquerade' },
    ],
    [
      'UDN join (primary)',
      '100.65.0.0/24',
      'subnet-overlaps-reserved',
      { range: '100.65.0.0/16', name: 'UDN join' },
    ],
  ])('names the range hit: %s', (_, cidr, code, params) => {
    const issues = validateUDN(aUDN({ subnets: [{ cidr }, { cidr: 'fd10::/64' }] }), aCluster());
    expect(issues.find((i) => i.field === 'subnets[0]')).toEqual({
      field: 'subnets[0]',
      code,
      severity: 'error',
      params,
    });
  });

  it('uses the cluster-reported reserved ranges instead of the defaults', () => {
    const ctx = aCluster({ ovnReserved: { join: ['100.99.0.0/16'] } });
    const form = aUDN({ subnets: [{ cidr: '100.64.0.0/24' }, { cidr: 'fd10::/64' }] });
    expect(errors(form, ctx)).toEqual([]);
  });

  it('warns (not errors) on overlap with an existing network, naming its owner', () => {
    const ctx = aCluster({
      existingSubnets: [{ cidr: '192.168.10.0/23', owner: 'UserDefinedNetwork tenant-b/red' }],
    });
    expect(validateUDN(aUDN(), ctx).filter((i) => i.code === 'subnet-overlaps-existing')).toEqual([
      {
        field: 'subnets[0]',
        code: 'subnet-overlaps-existing',
        severity: 'warning',
        params: { range: '192.168.10.0/23', owner: 'UserDefinedNetwork tenant-b/red' },
      },
    ]);
  });

  it.each([
    ['IPv6 subnet on an IPv4 cluster: error for overlays', aUDN(), { ipFamilies: [4 as const] }, 'error'],
    [
      'IPv6 subnet on an IPv4 cluster: warning for localnet',
      aLocalnet({ subnets: [{ cidr: 'fd10::/64' }] }),
      { ipFamilies: [4 as const] },
      'warning',
    ],
  ])('%s', (_, form, over, severity) => {
    expect(validateUDN(form, aCluster(over)).find((i) => i.code === 'cidr-family-cluster')?.severity).toBe(
      severity,
    );
  });

  it('warns when a primary network misses a cluster family', () => {
    expect(
      codes(validateUDN(aUDN({ subnets: [{ cidr: '10.200.0.0/16' }] }), aCluster()), 'warning'),
    ).toContain('cidr-family-missing@subnets');
  });

  it('join subnets must not overlap the network subnets', () => {
    expect(errors(aUDN({ joinSubnets: ['192.168.10.0/25'] }))).toEqual([
      'join-subnet-overlap@joinSubnets[0]',
    ]);
  });

  it('offers no overlay on an IPv6 single-stack cluster, but localnet', () => {
    const ctx = aCluster({
      ipFamilies: [6],
      clusterNetworks: ['fd01::/48'],
      serviceNetworks: ['fd02::/112'],
    });
    expect([
      errors(aUDN({ subnets: [{ cidr: 'fd10::/64' }] }), ctx),
      errors(aLocalnet({ subnets: [{ cidr: 'fd10::/64' }] }), ctx),
    ]).toEqual([['kind-unavailable@topology'], []]);
  });
});

describe('validateUDN: cluster facts', () => {
  it('refuses a primary UDN in an existing namespace without the primary label', () => {
    const ctx = aCluster({ namespaces: [{ name: 'tenant-a', labels: {} }] });
    expect(errors(aUDN(), ctx)).toEqual(['primary-udn-namespace-unlabelled@namespace']);
  });

  it.each([
    ['namespaces unknown', undefined, ['primary-udn-namespace-label@role']],
    ['namespace labelled', { [PRIMARY_UDN_LABEL]: '' }, []],
  ])('warns that a primary network needs the namespace label: %s', (_, labels, expected) => {
    const ctx = aCluster(labels ? { namespaces: [{ name: 'tenant-a', labels }] } : {});
    expect(codes(validateUDN(aUDN(), ctx), 'warning')).toEqual(expected);
  });

  it('refuses a namespace that does not exist', () => {
    const ctx = aCluster({ namespaces: [{ name: 'other', labels: {} }] });
    expect(errors(aUDN(), ctx)).toEqual(['namespace-unknown@namespace']);
  });

  it('warns about a physical network no NNCP maps', () => {
    const ctx = aCluster({ nncps: [anNNCP('p1', [{ localnet: 'physnet', bridge: 'br-ex' }])] });
    expect(codes(validateUDN(aLocalnet({ physicalNetworkName: 'other' }), ctx), 'warning')).toEqual([
      'physical-network-unknown@physicalNetworkName',
    ]);
  });

  it.each([
    ['localnet above its bridge uplink', aLocalnet({ mtu: 9000 }), 'mtu-above-uplink@mtu', 'error'],
    ['overlay without room for Geneve', aUDN({ mtu: 1450 }), 'mtu-above-overlay@mtu', 'warning'],
    ['overlay above the uplink', aUDN({ mtu: 1600 }), 'mtu-above-uplink@mtu', 'error'],
  ])('%s', (_, form, expected, severity) => {
    const ctx = aCluster({
      nncps: [anNNCP('p1', [{ localnet: 'physnet', bridge: 'br-ex' }])],
      nodeStates: [aWorker('w1'), aWorker('w2')],
    });
    expect(codes(validateUDN(form, ctx), severity as 'error' | 'warning')).toContain(expected);
  });

  it('warns when a CUDN selector reaches openshift-* namespaces', () => {
    const ctx = aCluster({ namespaces: [{ name: 'openshift-dns', labels: { team: 'blue' } }] });
    expect(codes(validateUDN(aCUDN(), ctx), 'warning')).toContain(
      'selector-openshift-namespaces@namespaceSelector',
    );
  });
});

describe('build', () => {
  it('builds a primary layer2 UDN with persistent IPs', () => {
    expect(buildUDNManifest(aUDN({ mtu: 1400 }))).toEqual({
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'UserDefinedNetwork',
      metadata: { name: 'blue', namespace: 'tenant-a' },
      spec: {
        topology: 'Layer2',
        layer2: {
          role: 'Primary',
          subnets: ['192.168.10.0/24', 'fd10::/64'],
          mtu: 1400,
          ipam: { lifecycle: 'Persistent' },
        },
      },
    });
  });

  it('builds a layer3 UDN without ipam and with hostSubnet', () => {
    const form = aUDN({ topology: 'Layer3', subnets: [{ cidr: '10.200.0.0/16', hostSubnet: 24 }] });
    expect(buildUDNManifest(form).spec).toEqual({
      topology: 'Layer3',
      layer3: { role: 'Primary', subnets: [{ cidr: '10.200.0.0/16', hostSubnet: 24 }] },
    });
  });

  it('builds a localnet CUDN with VLAN access mode', () => {
    const form = aLocalnet({
      vlan: 200,
      subnets: [{ cidr: '192.168.30.0/24' }],
      excludeSubnets: ['192.168.30.1/32'],
      mtu: 1500,
    });
    expect(buildCUDNManifest(form).spec).toEqual({
      namespaceSelector: { matchLabels: { team: 'blue' } },
      network: {
        topology: 'Localnet',
        localnet: {
          role: 'Secondary',
          physicalNetworkName: 'physnet',
          subnets: ['192.168.30.0/24'],
          excludeSubnets: ['192.168.30.1/32'],
          mtu: 1500,
          vlan: { mode: 'Access', access: { id: 200 } },
        },
      },
    });
  });

  it('leaves subnets and lifecycle out when IPAM is disabled', () => {
    const form = aUDN({ role: 'Secondary', ipamMode: 'Disabled', subnets: [{ cidr: '10.0.0.0/24' }] });
    expect(buildUDNManifest(form).spec.layer2).toEqual({ role: 'Secondary', ipam: { mode: 'Disabled' } });
  });
});
