import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCUDNManifest, buildUDNManifest, emptyUDNForm } from './udn/udn';
import { buildNADManifest, emptyNADForm } from './nad/nad';
import { buildNNCPManifest, emptyNNCPForm } from './nncp/nncp';
import {
  buildSriovNetworkManifest,
  buildSriovPolicyManifest,
  emptySriovNetworkForm,
  emptySriovPolicyForm,
} from './sriov/sriov';
import { clusterContextFrom, ownedSubnets } from './shared/facts';
import { aCluster, aWorker, codes } from '../testing/manifests';
import { recognize, validateManifest } from './validate';

const y = (text: string): unknown => parse(text);

const udn = (spec: string, meta = 'name: blue\n  namespace: tenant-a') =>
  y(`apiVersion: k8s.ovn.org/v1\nkind: UserDefinedNetwork\nmetadata:\n  ${meta}\nspec:\n${spec}`);

describe('recognize', () => {
  it.each([
    [{ apiVersion: 'k8s.ovn.org/v1', kind: 'UserDefinedNetwork' }, 'UserDefinedNetwork'],
    [
      { apiVersion: 'nmstate.io/v1beta1', kind: 'NodeNetworkConfigurationPolicy' },
      'NodeNetworkConfigurationPolicy',
    ],
    [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine' }, 'VirtualMachine'],
    [{ apiVersion: 'v1', kind: 'ConfigMap' }, undefined],
    [{ apiVersion: 'example.com/v1', kind: 'UserDefinedNetwork' }, undefined],
    [{ kind: 'UserDefinedNetwork' }, undefined],
    ['text', undefined],
  ])('%j → %s', (obj, kind) => {
    expect(recognize(obj)).toBe(kind);
  });
});

describe('validateManifest: what the builders produce is valid', () => {
  it.each([
    [
      'UDN',
      buildUDNManifest({
        ...emptyUDNForm('namespace'),
        name: 'blue',
        namespace: 'tenant-a',
        subnets: [{ cidr: '10.200.0.0/16' }, { cidr: 'fd20::/64' }],
      }),
    ],
    [
      'CUDN',
      buildCUDNManifest({
        ...emptyUDNForm('cluster'),
        name: 'shared',
        namespaceSelector: { matchLabels: { a: 'b' } },
        subnets: [{ cidr: '10.201.0.0/16' }, { cidr: 'fd21::/64' }],
      }),
    ],
    [
      'NAD',
      buildNADManifest({
        ...emptyNADForm('localnet', 'tenant-a'),
        name: 'ln',
        physicalNetworkName: 'physnet',
        vlan: 10,
      }),
    ],
    [
      'NNCP',
      buildNNCPManifest({
        ...emptyNNCPForm('linux-bridge'),
        name: 'br1',
        interfaceName: 'br1',
        nic: 'ens4',
        vlanFiltering: true,
      }),
    ],
    [
      'SriovNetworkNodePolicy',
      buildSriovPolicyManifest({
        ...emptySriovPolicyForm(),
        name: 'p',
        resourceName: 'r',
        nicSelector: { pfNames: ['ens1f0'] },
      }),
    ],
    [
      'SriovNetwork',
      buildSriovNetworkManifest({ ...emptySriovNetworkForm('tenant-a'), name: 'n', resourceName: 'r' }),
    ],
  ])('%s', (_, obj) => {
    expect(codes(validateManifest(obj, aCluster({ nodeStates: [aWorker('w1')] })), 'error')).toEqual([]);
  });
});

describe('validateManifest: versions', () => {
  const l2 = '  topology: Layer2\n  layer2:\n    role: Secondary\n    subnets: [10.0.0.0/24]';
  it('warns about a version of a known kind that its CRD does not serve, and still checks it', () => {
    const v2 = { ...(udn(l2) as object), apiVersion: 'k8s.ovn.org/v2' };
    expect(validateManifest(v2).map((i) => `${i.severity}:${i.code}@${i.field}`)).toEqual([
      'warning:kind-version-unknown@apiVersion',
    ]);
    const bad = { ...(udn('  topology: Layer2') as object), apiVersion: 'k8s.ovn.org/v2' };
    expect(validateManifest(bad).map((i) => i.code)).toEqual(['kind-version-unknown', 'required']);
  });
  it('says nothing about served versions (v1, and nmstate.io/v1beta1)', () => {
    expect(validateManifest(udn(l2))).toEqual([]);
    expect(
      validateManifest({
        apiVersion: 'nmstate.io/v1beta1',
        kind: 'NodeNetworkConfigurationPolicy',
        metadata: { name: 'p' },
        spec: {},
      }).map((i) => i.code),
    ).not.toContain('kind-version-unknown');
  });
});

describe('validateManifest: issues at manifest paths', () => {
  it.each([
    [
      'bad subnet',
      udn('  topology: Layer2\n  layer2:\n    role: Primary\n    subnets: [10.0.0.0/33]'),
      ['cidr-invalid@spec.layer2.subnets[0]'],
    ],
    [
      'role missing',
      udn('  topology: Layer2\n  layer2:\n    subnets: [10.0.0.0/24]'),
      ['required@spec.layer2.role'],
    ],
    [
      'role not in enum',
      udn('  topology: Layer2\n  layer2:\n    role: Tertiary\n    subnets: [10.0.0.0/24]'),
      ['enum-value@spec.layer2.role'],
    ],
    [
      'layer3 block on Layer2',
      udn(
        '  topology: Layer2\n  layer2:\n    role: Secondary\n    subnets: [10.0.0.0/24]\n  layer3:\n    role: Primary',
      ),
      ['field-not-allowed@spec.layer3'],
    ],
    ['layer2 block missing', udn('  topology: Layer2'), ['required@spec.layer2']],
    ['topology missing', udn('  layer2: {role: Primary}'), ['required@spec.topology']],
    ['Localnet on a UDN', udn('  topology: Localnet'), ['enum-value@spec.topology']],
    [
      'empty ipam',
      udn('  topology: Layer2\n  layer2:\n    role: Secondary\n    subnets: [10.0.0.0/24]\n    ipam: {}'),
      ['field-not-allowed@spec.layer2.ipam'],
    ],
    [
      'mtu a string',
      udn('  topology: Layer2\n  layer2:\n    role: Secondary\n    subnets: [10.0.0.0/24]\n    mtu: "1400"'),
      ['not-an-integer@spec.layer2.mtu'],
    ],
    [
      'layer3 hostSubnet',
      udn(
        '  topology: Layer3\n  layer3:\n    role: Primary\n    subnets:\n    - cidr: 10.0.0.0/16\n      hostSubnet: 8',
      ),
      ['host-subnet-range@spec.layer3.subnets[0].hostSubnet'],
    ],
    [
      'layer3 bad cidr',
      udn('  topology: Layer3\n  layer3:\n    role: Secondary\n    subnets:\n    - cidr: nope'),
      ['cidr-invalid@spec.layer3.subnets[0].cidr'],
    ],
    [
      'name',
      udn('  topology: Layer2\n  layer2: {role: Secondary, subnets: [10.0.0.0/24]}', 'name: Blue'),
      ['dns1123-label@metadata.name'],
    ],
  ])('UDN: %s', (_, obj, expected) => {
    expect(codes(validateManifest(obj, aCluster()), 'error')).toEqual(expected);
  });

  it('does not require metadata.namespace (kubectl -n or kustomize sets it)', () => {
    expect(
      codes(
        validateManifest(
          udn('  topology: Layer2\n  layer2: {role: Secondary, subnets: [10.0.0.0/24]}', 'name: blue'),
        ),
        'error',
      ),
    ).toEqual([]);
  });

  it.each([
    ['config not JSON', '{"type": "bridge",', ['nad-config-json@spec.config']],
    [
      'bridge name too long',
      '{"cniVersion":"0.3.1","type":"cnv-bridge","bridge":"bridge-too-long-x","name":"a"}',
      ['bridge-name@spec.config.bridge'],
    ],
    [
      'localnet VLAN',
      '{"type":"ovn-k8s-cni-overlay","name":"n","topology":"localnet","netAttachDefName":"tenant-a/n","physicalNetworkName":"p","vlanID":5000}',
      ['vlan-range@spec.config.vlanID'],
    ],
    [
      'a numeric string where the plugin reads a Go int (encoding/json refuses it)',
      '{"cniVersion":"0.3.1","type":"bridge","name":"a","bridge":"br1","mtu":"1500","vlan":"5"}',
      ['not-an-integer@spec.config.mtu', 'not-an-integer@spec.config.vlan'],
    ],
    [
      'netAttachDefName',
      '{"type":"ovn-k8s-cni-overlay","topology":"layer2","netAttachDefName":"other/n","name":"x"}',
      ['nad-netattachdefname@spec.config.netAttachDefName'],
    ],
    [
      'subnets',
      '{"type":"ovn-k8s-cni-overlay","name":"n","topology":"layer2","netAttachDefName":"tenant-a/n","subnets":"10.0.0.0/24,10.1.0.0/24"}',
      ['subnets-same-family@spec.config.subnets[1]'],
    ],
    [
      'OVN-K refuses a CNI ipam block and persistent IPs on layer3',
      '{"type":"ovn-k8s-cni-overlay","name":"n","topology":"layer3","netAttachDefName":"tenant-a/n","subnets":"10.0.0.0/16/24","allowPersistentIPs":true,"ipam":{"type":"whereabouts"}}',
      [
        'ovn-ipam-key@spec.config.ipam',
        'ovn-persistent-layer3@spec.config.allowPersistentIPs',
        'nad-type-unchecked@spec.config.type',
      ].filter((c) => !c.startsWith('nad-type')),
    ],
    [
      'OVN-K: localnet role, join subnet, primary layer2 without subnets, reserved name',
      '{"type":"ovn-k8s-cni-overlay","name":"default","topology":"localnet","role":"primary","joinSubnet":"100.66.0.0/16","netAttachDefName":"tenant-a/n"}',
      [
        'ovn-localnet-join-subnet@spec.config.joinSubnet',
        'ovn-localnet-role@spec.config.role',
        'ovn-name-required@spec.config.name',
      ],
    ],
    [
      'a localnet without physicalNetworkName is valid (it defaults to the network name)',
      '{"cniVersion":"0.3.1","type":"ovn-k8s-cni-overlay","name":"n","topology":"localnet","netAttachDefName":"tenant-a/n"}',
      [],
    ],
  ])('NAD: %s', (_, config, expected) => {
    const nad = {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: 'n', namespace: 'tenant-a' },
      spec: { config },
    };
    expect(codes(validateManifest(nad, aCluster()), 'error')).toEqual(expected);
  });

  it('passes other CNI types with a warning', () => {
    const nad = {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: 'n' },
      spec: { config: '{"type":"macvlan"}' },
    };
    expect(validateManifest(nad)).toEqual([
      {
        field: 'spec.config.type',
        code: 'nad-type-unchecked',
        severity: 'warning',
        params: { type: 'macvlan' },
      },
    ]);
  });

  it.each([
    [
      'empty bridge mapping',
      'ovn:\n      bridge-mappings:\n      - localnet: ""\n        bridge: br-ex',
      ['required@spec.desiredState.ovn.bridge-mappings[0].localnet'],
    ],
    [
      'VLAN id',
      'interfaces:\n      - name: ens4.5000\n        type: vlan\n        vlan: {base-iface: ens4, id: 5000}',
      ['vlan-range@spec.desiredState.interfaces[0].vlan.id'],
    ],
    [
      'bridge on br-ex NIC',
      'interfaces:\n      - name: br1\n        type: linux-bridge\n        bridge: {port: [{name: ens3}]}',
      ['nic-is-machine-network@spec.desiredState.interfaces[0].bridge.port[0].name'],
    ],
    [
      'bond mode',
      'interfaces:\n      - name: bond1\n        type: bond\n        link-aggregation: {mode: fast, port: [ens4]}',
      ['bond-mode@spec.desiredState.interfaces[0].link-aggregation.mode'],
    ],
    [
      'trunk range',
      'interfaces:\n      - name: br1\n        type: linux-bridge\n        bridge:\n          port:\n          - name: ens4\n            vlan: {mode: trunk, trunk-tags: [{id-range: {min: 10, max: 5000}}]}',
      ['vlan-range@spec.desiredState.interfaces[0].bridge.port[0].vlan.trunk-tags[0].id-range.max'],
    ],
    [
      'name length',
      'interfaces:\n      - name: a-very-long-bridge-name\n        type: linux-bridge',
      ['bridge-name@spec.desiredState.interfaces[0].name'],
    ],
  ])('NNCP: %s', (_, desired, expected) => {
    const obj = y(
      `apiVersion: nmstate.io/v1\nkind: NodeNetworkConfigurationPolicy\nmetadata:\n  name: p\nspec:\n  desiredState:\n    ${desired}`,
    );
    expect(codes(validateManifest(obj, aCluster({ nodeStates: [aWorker('w1')] })), 'error')).toEqual(
      expected,
    );
  });

  it('accepts a bond defined in the same policy as a bridge port', () => {
    const obj = y(`apiVersion: nmstate.io/v1
kind: NodeNetworkConfigurationPolicy
metadata: {name: p}
spec:
  desiredState:
    interfaces:
    - {name: bond1, type: bond, link-aggregation: {mode: active-backup, port: [ens4]}}
    - {name: br1, type: linux-bridge, bridge: {port: [{name: bond1}]}}`);
    expect(codes(validateManifest(obj, aCluster({ nodeStates: [aWorker('w1')] })), 'error')).toEqual([]);
  });

  it('checks VM bindings against NADs from the same files', () => {
    const sriovNad = {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: 's', namespace: 'ns' },
      spec: { config: '{"type":"sriov"}' },
    };
    const vm = y(`apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm1, namespace: ns}
spec:
  template:
    spec:
      domain:
        devices:
          interfaces:
          - {name: n1, bridge: {}, macAddress: "01:00:00:00:00:01"}
      networks:
      - {name: n1, multus: {networkName: s}}`);
    expect(codes(validateManifest(vm, {}, { nads: [sriovNad as never] }), 'error')).toEqual([
      'mac-multicast@spec.template.spec.domain.devices.interfaces[0].macAddress',
      'vm-binding-network@spec.template.spec.domain.devices.interfaces[0]',
    ]);
  });

  // KubeVirt's VM-wide rules land at the VM's own paths: disks, probes, networks' resourceClaim.
  it('reports boot orders, probes and DRA networks at their manifest paths', () => {
    const vm = y(`apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm1, namespace: ns}
spec:
  template:
    spec:
      readinessProbe: {httpGet: {port: 8080}}
      domain:
        devices:
          disks:
          - {name: root, bootOrder: 1}
          interfaces:
          - {name: n1, sriov: {}, bootOrder: 1}
      networks:
      - {name: n1, resourceClaim: {claimName: c}}`);
    expect(codes(validateManifest(vm), 'error')).toEqual([
      'required@spec.template.spec.networks[0].resourceClaim.requestName',
      'vm-boot-order-duplicate@spec.template.spec.domain.devices.interfaces[0].bootOrder',
      'vm-probe-pod-network@spec.template.spec.readinessProbe.httpGet',
    ]);
  });

  it.each([
    [
      'SriovNetwork IPAM',
      {
        apiVersion: 'sriovnetwork.openshift.io/v1',
        kind: 'SriovNetwork',
        metadata: { name: 'n', namespace: 'openshift-sriov-network-operator' },
        spec: { resourceName: 'r', ipam: '{bad' },
      },
      ['ipam-json@spec.ipam'],
    ],
    [
      'policy resourceName',
      {
        apiVersion: 'sriovnetwork.openshift.io/v1',
        kind: 'SriovNetworkNodePolicy',
        metadata: { name: 'p', namespace: 'openshift-sriov-network-operator' },
        spec: {
          resourceName: 'a.b',
          nodeSelector: {},
          numVfs: 4,
          nicSelector: { vendor: '8086' },
          deviceType: 'vfio-pci',
        },
      },
      ['resource-name@spec.resourceName'],
    ],
    [
      'policy required fields',
      {
        apiVersion: 'sriovnetwork.openshift.io/v1',
        kind: 'SriovNetworkNodePolicy',
        metadata: { name: 'p', namespace: 'openshift-sriov-network-operator' },
        spec: { deviceType: 'vfio-pci' },
      },
      [
        'nic-selector-empty@spec.nicSelector',
        'numvfs-range@spec.numVfs',
        'required@spec.nicSelector',
        'required@spec.nodeSelector',
        'required@spec.numVfs',
        'required@spec.resourceName',
        'required@spec.resourceName',
      ],
    ],
  ])('SR-IOV: %s', (_, obj, expected) => {
    expect(codes(validateManifest(obj), 'error')).toEqual(expected);
  });

  it('reports unknown kinds as warnings and missing kinds as errors', () => {
    expect([
      validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }),
      codes(validateManifest({ a: 1 })),
    ]).toEqual([
      [
        {
          field: 'kind',
          code: 'kind-unknown',
          severity: 'warning',
          params: { kind: 'ConfigMap', apiVersion: 'v1' },
        },
      ],
      ['kind-missing@kind'],
    ]);
  });

  it('does not report a network overlapping its own entry in the cluster', () => {
    const obj = buildUDNManifest({
      ...emptyUDNForm('namespace'),
      name: 'blue',
      namespace: 'ns',
      role: 'Secondary',
      subnets: [{ cidr: '10.200.0.0/16' }],
    });
    const ctx = { existingSubnets: ownedSubnets([obj]) };
    expect(codes(validateManifest(obj, ctx), 'warning')).toEqual([]);
  });
});

describe('clusterContextFrom', () => {
  it('derives families, networks and OVN ranges; skips UDN-generated NADs', () => {
    const generated = {
      ...buildNADManifest({ ...emptyNADForm('layer2', 'ns'), name: 'blue', subnets: ['10.200.0.0/16'] }),
    };
    generated.metadata.ownerReferences = [
      { apiVersion: 'k8s.ovn.org/v1', kind: 'UserDefinedNetwork', name: 'blue', uid: 'u' },
    ];
    const ctx = clusterContextFrom({
      network: {
        apiVersion: 'config.openshift.io/v1',
        kind: 'Network',
        metadata: { name: 'cluster' },
        status: { clusterNetwork: [{ cidr: '10.128.0.0/14' }], serviceNetwork: ['172.30.0.0/16'] },
      },
      operatorNetwork: {
        apiVersion: 'operator.openshift.io/v1',
        kind: 'Network',
        metadata: { name: 'cluster' },
        spec: { defaultNetwork: { ovnKubernetesConfig: { ipv4: { internalJoinSubnet: '100.99.0.0/16' } } } },
      },
      nads: [generated],
      udns: [],
    });
    expect(ctx).toEqual({
      ipFamilies: [4],
      clusterNetworks: ['10.128.0.0/14'],
      serviceNetworks: ['172.30.0.0/16'],
      ovnReserved: { join: ['100.99.0.0/16', 'fd98::/64'] },
      existingSubnets: [],
      existingNetworkNames: [],
      existingObjects: [{ kind: 'NetworkAttachmentDefinition', namespace: 'ns', name: 'blue' }],
    });
  });
});

describe('validateManifest: layer2 fields outside the wizard', () => {
  const primary = (extra: string) =>
    udn(
      `  topology: Layer2\n  layer2:\n    role: Primary\n    subnets: [10.200.0.0/16, fd20::/64]\n${extra}`,
    );

  it.each([
    [
      'valid',
      '    reservedSubnets: [10.200.0.0/24]\n    infrastructureSubnets: [10.200.1.0/24, fd20::/120]\n    defaultGatewayIPs: [10.200.1.1, fd20::1]',
      [],
    ],
    [
      'reserved outside subnets',
      '    reservedSubnets: [10.201.0.0/24]',
      ['outside-subnets@spec.layer2.reservedSubnets[0]'],
    ],
    [
      'reserved with host bits',
      '    reservedSubnets: [10.200.0.1/24]',
      ['cidr-host-bits@spec.layer2.reservedSubnets[0]'],
    ],
    [
      'infra overlaps reserved',
      '    reservedSubnets: [10.200.0.0/24]\n    infrastructureSubnets: [10.200.0.0/25]',
      ['subnet-overlap@spec.layer2.infrastructureSubnets[0]'],
    ],
    [
      'one gateway for two families',
      '    defaultGatewayIPs: [10.200.0.1]',
      ['gateway-per-family@spec.layer2.defaultGatewayIPs'],
    ],
    [
      'gateway not an IP',
      '    defaultGatewayIPs: [x, fd20::1]',
      ['ip-invalid@spec.layer2.defaultGatewayIPs[0]'],
    ],
    [
      'gateway outside infra',
      '    infrastructureSubnets: [10.200.1.0/24, fd20::/120]\n    defaultGatewayIPs: [10.200.2.1, fd20::1]',
      ['outside-subnets@spec.layer2.defaultGatewayIPs[0]'],
    ],
  ])('%s', (_, extra, expected) => {
    expect(codes(validateManifest(primary(extra), aCluster()), 'error')).toEqual(expected);
  });

  it('refuses them on a secondary network', () => {
    const obj = udn(
      '  topology: Layer2\n  layer2:\n    role: Secondary\n    subnets: [10.200.0.0/16]\n    reservedSubnets: [10.200.0.0/24]',
    );
    expect(codes(validateManifest(obj, aCluster()), 'error')).toEqual([
      'field-not-allowed@spec.layer2.reservedSubnets',
    ]);
  });
});
