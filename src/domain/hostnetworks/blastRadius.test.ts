import { describe, expect, it } from 'vitest';
import type {
  ClusterUserDefinedNetwork,
  NetworkAttachmentDefinition,
  NMStateState,
  SriovNetwork,
  SriovNetworkNodePolicy,
} from '../kube/networks';
import type { VM, VMI } from '../kube/vm';
import { blastRadius, type BlastInput } from './blastRadius';

const nad = (ns: string, name: string, config: object, owner?: string): NetworkAttachmentDefinition => ({
  apiVersion: 'k8s.cni.cncf.io/v1',
  kind: 'NetworkAttachmentDefinition',
  metadata: {
    name,
    namespace: ns,
    ...(owner
      ? {
          ownerReferences: [
            { apiVersion: 'k8s.ovn.org/v1', kind: 'ClusterUserDefinedNetwork', name: owner, uid: 'u' },
          ],
        }
      : {}),
  },
  spec: { config: JSON.stringify({ cniVersion: '0.4.0', ...config }) },
});

const cudn: ClusterUserDefinedNetwork = {
  apiVersion: 'k8s.ovn.org/v1',
  kind: 'ClusterUserDefinedNetwork',
  metadata: { name: 'cudn-localnet' },
  spec: {
    namespaceSelector: {},
    network: { topology: 'Localnet', localnet: { role: 'Secondary', physicalNetworkName: 'physnet-ext' } },
  },
};

const vm = (ns: string, name: string, networkName: string): VM => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, namespace: ns },
  spec: {
    template: {
      spec: {
        domain: { devices: {} },
        networks: [
          { name: 'default', pod: {} },
          { name: 'net', multus: { networkName } },
        ],
      },
    },
  },
});
const vmi = (ns: string, name: string, nodeName: string): VMI => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name, namespace: ns },
  spec: { domain: { devices: {} } },
  status: { phase: 'Running', nodeName },
});

const sriovPolicy: SriovNetworkNodePolicy = {
  apiVersion: 'sriovnetwork.openshift.io/v1',
  kind: 'SriovNetworkNodePolicy',
  metadata: { name: 'intel-policy', namespace: 'openshift-sriov-network-operator' },
  spec: {
    resourceName: 'intelnics',
    nodeSelector: { sriov: 'true' },
    numVfs: 8,
    nicSelector: { pfNames: ['ens1f0#0-3'] },
  },
};
const sriovNet: SriovNetwork = {
  apiVersion: 'sriovnetwork.openshift.io/v1',
  kind: 'SriovNetwork',
  metadata: { name: 'sriov-net', namespace: 'openshift-sriov-network-operator' },
  spec: { resourceName: 'intelnics', networkNamespace: 'tenant-b' },
};

const current: NMStateState = {
  interfaces: [],
  ovn: {
    'bridge-mappings': [
      { localnet: 'physnet', bridge: 'br-ex' },
      { localnet: 'physnet-ext', bridge: 'ovs-br1' },
    ],
  },
};

const base = (desired: NMStateState, o: Partial<BlastInput> = {}): BlastInput => ({
  desired,
  nodes: ['worker-0', 'worker-1'],
  current: new Map([
    ['worker-0', current],
    ['worker-1', current],
  ]),
  nodeLabels: new Map<string, Record<string, string>>([
    ['worker-0', { sriov: 'true' }],
    ['worker-1', {}],
  ]),
  cudns: [cudn],
  nads: [
    nad('tenant-b', 'cudn-localnet', { type: 'ovn-k8s-cni-overlay', topology: 'localnet' }, 'cudn-localnet'),
    nad('tenant-a', 'br1-net', { type: 'cnv-bridge', bridge: 'br1' }),
    nad('tenant-a', 'br9-net', { type: 'bridge', bridge: 'br9' }),
    nad('default', 'ext-localnet', {
      name: 'physnet-ext',
      type: 'ovn-k8s-cni-overlay',
      topology: 'localnet',
    }),
    nad('default', 'other-localnet', {
      type: 'ovn-k8s-cni-overlay',
      topology: 'localnet',
      physicalNetworkName: 'physnet',
    }),
    nad('tenant-b', 'sriov-net', { type: 'sriov' }),
  ],
  sriovPolicies: [sriovPolicy],
  sriovNetworks: [sriovNet],
  vms: [
    vm('tenant-b', 'local-elsewhere', 'cudn-localnet'),
    vm('tenant-b', 'local-here', 'cudn-localnet'),
    vm('tenant-a', 'bridged', 'br1-net'),
    vm('tenant-a', 'other-bridge', 'br9-net'),
    vm('tenant-c', 'via-default', 'default/ext-localnet'),
    vm('tenant-b', 'sriov-vm', 'sriov-net'),
  ],
  vmis: [
    vmi('tenant-b', 'local-elsewhere', 'worker-7'),
    vmi('tenant-b', 'local-here', 'worker-1'),
    vmi('tenant-b', 'sriov-vm', 'worker-0'),
  ],
  ...o,
});

const ovsBr1 = {
  interfaces: [{ name: 'ovs-br1', type: 'ovs-bridge', state: 'up', bridge: { port: [{ name: 'ens8' }] } }],
};

describe('blastRadius', () => {
  it("follows an OVS bridge's mappings to the localnet CUDN, localnet NADs and their VMs, running on its nodes first", () => {
    const r = blastRadius(base(ovsBr1));
    expect(r.bridgeMappings).toEqual([{ localnet: 'physnet-ext', bridge: 'ovs-br1' }]);
    expect(r.networks).toEqual([
      { kind: 'ClusterUserDefinedNetwork', name: 'cudn-localnet', via: 'physnet-ext' },
      { kind: 'NetworkAttachmentDefinition', namespace: 'default', name: 'ext-localnet', via: 'physnet-ext' },
    ]);
    expect(r.vms.map((v) => `${v.namespace}/${v.name} ${v.network} ${v.node ?? '-'}`)).toEqual([
      'tenant-b/local-here cudn-localnet worker-1',
      'tenant-b/local-elsewhere cudn-localnet worker-7',
      'tenant-c/via-default default/ext-localnet -',
    ]);
    expect(r.sriovPolicies).toEqual([]);
    expect(r.removals).toEqual([]);
  });

  it('finds Linux-bridge NADs on its bridges and their VMs', () => {
    const r = blastRadius(base({ interfaces: [{ name: 'br1', type: 'linux-bridge', state: 'up' }] }));
    expect(r.networks.map((n) => `${n.namespace}/${n.name} via ${n.via}`)).toEqual([
      'tenant-a/br1-net via br1',
    ]);
    expect(r.vms.map((v) => v.name)).toEqual(['bridged']);
  });

  it('finds SR-IOV policies on its NICs where they apply, and the VMs on their networks', () => {
    const desired = {
      interfaces: [{ name: 'ens1f0', type: 'ethernet', state: 'up', mtu: 9000 }],
    };
    const r = blastRadius(base(desired));
    expect(r.sriovPolicies).toEqual([
      {
        kind: 'SriovNetworkNodePolicy',
        namespace: 'openshift-sriov-network-operator',
        name: 'intel-policy',
        via: 'ens1f0',
      },
    ]);
    expect(r.vms.map((v) => [v.name, v.onSelectedNode])).toEqual([['sriov-vm', true]]);
    // A policy selecting only nodes the SR-IOV policy does not apply to touches none of its VFs.
    expect(blastRadius(base(desired, { nodes: ['worker-1'] })).sriovPolicies).toEqual([]);
  });

  it('warns when a bridge or mapping still in use is removed, naming the networks', () => {
    const r = blastRadius(
      base({
        interfaces: [
          { name: 'br1', type: 'linux-bridge', state: 'absent' },
          { name: 'ovs-br1', type: 'ovs-bridge', state: 'absent' },
        ],
      }),
    );
    // The warning names the VMs on those networks too, the ones running on a selected node first.
    expect(r.removals).toEqual([
      { what: 'br1', users: ['tenant-a/br1-net'], vms: ['tenant-a/bridged'] },
      {
        what: 'physnet-ext',
        users: ['cudn-localnet', 'default/ext-localnet'],
        vms: ['tenant-b/local-here', 'tenant-b/local-elsewhere', 'tenant-c/via-default'],
      },
    ]);
    // Removing a bridge no network uses is no warning.
    expect(
      blastRadius(base({ interfaces: [{ name: 'br7', type: 'linux-bridge', state: 'absent' }] })).removals,
    ).toEqual([]);
  });

  it('warns when the policy removes a bridge mapping in use', () => {
    const r = blastRadius(
      base({ ovn: { 'bridge-mappings': [{ localnet: 'physnet', bridge: 'br-ex', state: 'absent' }] } }),
    );
    expect(r.removals).toEqual([{ what: 'physnet', users: ['default/other-localnet'], vms: [] }]);
  });
});

describe('blastRadius: moves that break networks without removing anything', () => {
  it('warns when the policy points a localnet mapping in use at another bridge, naming the networks', () => {
    const r = blastRadius(
      base({ ovn: { 'bridge-mappings': [{ localnet: 'physnet-ext', bridge: 'br-ex', state: 'present' }] } }),
    );
    expect(r.removals).toEqual([
      {
        what: 'physnet-ext',
        users: ['cudn-localnet', 'default/ext-localnet'],
        vms: ['tenant-b/local-here', 'tenant-b/local-elsewhere', 'tenant-c/via-default'],
        change: 'moved',
        from: 'ovs-br1',
        to: 'br-ex',
      },
    ]);
    // Mapping it to the bridge it is on already moves nothing.
    expect(
      blastRadius(
        base({
          ovn: { 'bridge-mappings': [{ localnet: 'physnet-ext', bridge: 'ovs-br1', state: 'present' }] },
        }),
      ).removals,
    ).toEqual([]);
  });

  it("warns when a new bridge takes another bridge's port (a rename), naming what rode on the old one", () => {
    const withBr1: NMStateState = {
      ...current,
      interfaces: [
        { name: 'ens4', type: 'ethernet', state: 'up', controller: 'br1' },
        { name: 'br1', type: 'linux-bridge', state: 'up', bridge: { port: [{ name: 'ens4' }] } },
      ],
    };
    const nodes = { current: new Map([['worker-0', withBr1]]), nodes: ['worker-0'] };
    const r = blastRadius(
      base(
        {
          interfaces: [
            { name: 'br-new', type: 'linux-bridge', state: 'up', bridge: { port: [{ name: 'ens4' }] } },
          ],
        },
        nodes,
      ),
    );
    expect(r.removals).toEqual([
      {
        what: 'br1',
        users: ['tenant-a/br1-net'],
        vms: ['tenant-a/bridged'],
        change: 'port-taken',
        from: 'ens4',
        to: 'br-new',
      },
    ]);
    expect(r.networks.map((n) => `${n.namespace}/${n.name} via ${n.via}`)).toEqual([
      'tenant-a/br1-net via br1',
    ]);
    // The same bridge keeping its port is no move.
    expect(
      blastRadius(
        base(
          {
            interfaces: [
              { name: 'br1', type: 'linux-bridge', state: 'up', bridge: { port: [{ name: 'ens4' }] } },
            ],
          },
          nodes,
        ),
      ).removals,
    ).toEqual([]);
  });
});
