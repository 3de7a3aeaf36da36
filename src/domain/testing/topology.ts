/**
 * Topology inputs for tests and the topology bench: a small cluster with every network kind (`aTopology`) and a
 * generated large one (`manyTopology`). Deterministic: same arguments, same objects.
 */
import type { K8sObject } from '../kube/meta';
import type {
  ClusterUserDefinedNetwork,
  NMStateInterface,
  NodeNetworkConfigurationEnactment,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  SriovNetwork,
  SriovNetworkNodePolicy,
  SriovNetworkNodeState,
  UserDefinedNetwork,
} from '../kube/networks';
import type { VM, VMI } from '../kube/vm';
import type { TopologyInput, UnreadableInput } from '../topology/types';
import { aNAD, aVM, aVMI, type NicFixture } from './fixtures';

export const aNamespace = (name: string, labels: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
});

export const aNode = (name: string, labels: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    labels: { 'kubernetes.io/hostname': name, 'node-role.kubernetes.io/worker': '', ...labels },
  },
});

const iface = (name: string, type: string, extra: Partial<NMStateInterface> = {}): NMStateInterface => ({
  name,
  type,
  state: 'up',
  mtu: 1500,
  ...extra,
});

/**
 * A worker as nmstate reports it: br-ex (OVS bridge and its internal port of the same name) on ens3, Linux bridge
 * br1 on ens4 (unless `noBr1`), VLAN ens5.100, bond0 of ens6+ens7, OVS bridge ovs-br1 on ens8 mapped to localnet
 * physnet-ext, and an SR-IOV PF ens1f0 when `sriov`.
 */
export const aWorkerState = (
  node: string,
  o: { noBr1?: boolean; sriov?: boolean } = {},
): NodeNetworkState => ({
  apiVersion: 'nmstate.io/v1beta1',
  kind: 'NodeNetworkState',
  metadata: { name: node },
  status: {
    currentState: {
      interfaces: [
        iface('lo', 'loopback'),
        iface('ens3', 'ethernet', { controller: 'br-ex' }),
        iface('br-ex', 'ovs-bridge', { bridge: { port: [{ name: 'br-ex' }, { name: 'ens3' }] } }),
        iface('br-ex', 'ovs-interface'),
        iface('ens4', 'ethernet'),
        ...(o.noBr1 ? [] : [iface('br1', 'linux-bridge', { bridge: { port: [{ name: 'ens4' }] } })]),
        iface('ens5', 'ethernet'),
        iface('ens5.100', 'vlan', { vlan: { 'base-iface': 'ens5', id: 100 } }),
        iface('ens6', 'ethernet', { controller: 'bond0' }),
        iface('ens7', 'ethernet', { controller: 'bond0' }),
        iface('bond0', 'bond', { 'link-aggregation': { mode: 'active-backup', port: ['ens6', 'ens7'] } }),
        iface('ens8', 'ethernet'),
        iface('ovs-br1', 'ovs-bridge', { bridge: { port: [{ name: 'ens8' }] } }),
        ...(o.sriov ? [iface('ens1f0', 'ethernet', { ethernet: { 'sr-iov': { 'total-vfs': 64 } } })] : []),
      ],
      ovn: {
        'bridge-mappings': [
          { localnet: 'physnet', bridge: 'br-ex' },
          { localnet: 'physnet-ext', bridge: 'ovs-br1' },
        ],
      },
    },
  },
});

export const aSriovNodeState = (node: string): SriovNetworkNodeState => ({
  apiVersion: 'sriovnetwork.openshift.io/v1',
  kind: 'SriovNetworkNodeState',
  metadata: { name: node, namespace: 'openshift-sriov-network-operator' },
  status: {
    interfaces: [
      { pciAddress: '0000:3b:00.0', name: 'ens1f0', vendor: '8086', deviceID: '158b', totalvfs: 64 },
    ],
  },
});

export const aPolicy = (
  name: string,
  resourceName: string,
  nodeSelector: Record<string, string> = { 'feature.node.kubernetes.io/network-sriov.capable': 'true' },
): SriovNetworkNodePolicy => ({
  apiVersion: 'sriovnetwork.openshift.io/v1',
  kind: 'SriovNetworkNodePolicy',
  metadata: { name, namespace: 'openshift-sriov-network-operator' },
  spec: { resourceName, nodeSelector, numVfs: 8, nicSelector: { pfNames: ['ens1f0#0-7'] } },
});

export const aSriovNetwork = (name: string, resourceName: string, target: string): SriovNetwork => ({
  apiVersion: 'sriovnetwork.openshift.io/v1',
  kind: 'SriovNetwork',
  metadata: { name, namespace: 'openshift-sriov-network-operator' },
  spec: { resourceName, networkNamespace: target },
});

/** The NAD the SR-IOV operator renders for a SriovNetwork (tied to it by an annotation, not an owner). */
export const aSriovNad = (s: SriovNetwork) => {
  const nad = aNAD(s.metadata.name, s.spec.networkNamespace ?? '', { type: 'sriov' });
  nad.metadata.annotations = {
    'k8s.v1.cni.cncf.io/resourceName': `openshift.io/${s.spec.resourceName}`,
    'sriovnetwork.openshift.io/owner-ref': `SriovNetwork.sriovnetwork.openshift.io/${s.metadata.namespace}/${s.metadata.name}`,
  };
  return nad;
};

export const aPrimaryUdn = (namespace: string, name = 'primary'): UserDefinedNetwork => ({
  apiVersion: 'k8s.ovn.org/v1',
  kind: 'UserDefinedNetwork',
  metadata: { name, namespace, uid: `uid-udn-${namespace}-${name}` },
  spec: { topology: 'Layer2', layer2: { role: 'Primary', subnets: ['10.100.0.0/16'] } },
});

/** The NAD OVN-Kubernetes writes for a UDN or CUDN, owned by it. */
export const anOwnedNad = (
  owner: { kind: string; metadata: { name: string } },
  namespace: string,
  config: Record<string, unknown>,
) => {
  const nad = aNAD(owner.metadata.name, namespace, { type: 'ovn-k8s-cni-overlay', ...config });
  nad.metadata.ownerReferences = [
    {
      apiVersion: 'k8s.ovn.org/v1',
      kind: owner.kind,
      name: owner.metadata.name,
      uid: `uid-${owner.metadata.name}`,
    },
  ];
  return nad;
};

export const aLocalnetCudn = (
  name: string,
  physnet: string,
  namespaces: string[],
): ClusterUserDefinedNetwork => ({
  apiVersion: 'k8s.ovn.org/v1',
  kind: 'ClusterUserDefinedNetwork',
  metadata: { name },
  spec: {
    namespaceSelector: {
      matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: namespaces }],
    },
    network: { topology: 'Localnet', localnet: { role: 'Secondary', physicalNetworkName: physnet } },
  },
});

export const anNncp = (name: string, interfaces: NMStateInterface[]): NodeNetworkConfigurationPolicy => ({
  apiVersion: 'nmstate.io/v1',
  kind: 'NodeNetworkConfigurationPolicy',
  metadata: { name },
  spec: { nodeSelector: { 'node-role.kubernetes.io/worker': '' }, desiredState: { interfaces } },
});

export const anEnactment = (
  node: string,
  policy: string,
  state: 'Available' | 'Failing' | 'Progressing',
  message = '',
): NodeNetworkConfigurationEnactment => ({
  apiVersion: 'nmstate.io/v1beta1',
  kind: 'NodeNetworkConfigurationEnactment',
  metadata: { name: `${node}.${policy}`, labels: { 'nmstate.io/node': node, 'nmstate.io/policy': policy } },
  status: {
    conditions: (['Available', 'Failing', 'Progressing'] as const).map((type) => ({
      type,
      status: type === state ? 'True' : 'False',
      message: type === state ? message : '',
    })),
  },
});

/** A TopologyInput whose lists tests may push to. */
export type InputLists = {
  -readonly [K in UnreadableInput]-?: TopologyInput[K] extends readonly (infer U)[] ? U[] : never;
};

export const emptyInput = (): InputLists => ({
  namespaces: [],
  nodes: [],
  vms: [],
  vmis: [],
  nads: [],
  udns: [],
  cudns: [],
  nncps: [],
  nnses: [],
  enactments: [],
  sriovNetworks: [],
  sriovPolicies: [],
  sriovNodeStates: [],
});

const running = (vm: VM, nics: { name: string; spec: NicFixture; ips?: string[] }[], node: string): VMI => {
  const vmi = aVMI({ name: vm.metadata.name, namespace: vm.metadata.namespace, agent: true, nics });
  vmi.status!.nodeName = node;
  return vmi;
};

/**
 * Two workers (worker-1 lacks br1 and has no SR-IOV), every network kind and the problems the page must show:
 * a primary UDN namespace (tenant-a), a localnet CUDN, a Linux-bridge NAD on br1, an SR-IOV network, an overlay,
 * a dangling NAD reference, a bridge on no node, a localnet without mapping, an SR-IOV resource without policy,
 * a failing NNCP, a pending hot-plug and a VM that needs a restart.
 */
export const aTopology = (): InputLists => {
  const sriovNet = aSriovNetwork('sriov-net', 'intelnics', 'tenant-b');
  const orphanSriov = aSriovNetwork('sriov-orphan', 'nopolicy', 'tenant-b');
  const udn = aPrimaryUdn('tenant-a');
  const cudn = aLocalnetCudn('cudn-localnet', 'physnet-ext', ['tenant-b']);
  const nic = (name: string, network: string, binding: NicFixture['binding'] = 'bridge'): NicFixture => ({
    name,
    network,
    binding,
  });
  const vmA = aVM({
    name: 'vm-a',
    namespace: 'tenant-a',
    running: true,
    nics: [nic('default', 'pod', 'l2bridge')],
  });
  const vmLocal = aVM({
    name: 'vm-local',
    namespace: 'tenant-b',
    running: true,
    nics: [
      nic('default', 'pod', 'masquerade'),
      nic('ext', 'cudn-localnet'),
      nic('fast', 'sriov-net', 'sriov'),
    ],
  });
  const vmBr = aVM({
    name: 'vm-br',
    namespace: 'tenant-b',
    running: true,
    restartRequired: true,
    nics: [nic('default', 'pod', 'masquerade'), nic('br', 'br1-net'), nic('late', 'overlay')],
  });
  const vmBad = aVM({
    name: 'vm-bad',
    namespace: 'tenant-b',
    nics: [
      nic('default', 'pod', 'masquerade'),
      nic('gone', 'no-such-nad'),
      nic('nobr', 'br9-net'),
      nic('nomap', 'localnet-nomap'),
      nic('orphan', 'sriov-orphan', 'sriov'),
    ],
  });
  return {
    ...emptyInput(),
    namespaces: [
      aNamespace('tenant-a', { 'k8s.ovn.org/primary-user-defined-network': '' }),
      aNamespace('tenant-b'),
    ],
    nodes: [
      aNode('worker-0', { 'feature.node.kubernetes.io/network-sriov.capable': 'true' }),
      aNode('worker-1'),
    ],
    nnses: [aWorkerState('worker-0', { sriov: true }), aWorkerState('worker-1', { noBr1: true })],
    sriovNodeStates: [aSriovNodeState('worker-0')],
    sriovPolicies: [aPolicy('intel-policy', 'intelnics')],
    sriovNetworks: [sriovNet, orphanSriov],
    udns: [udn],
    cudns: [cudn],
    nncps: [
      anNncp('bond0-policy', [iface('bond0', 'bond')]),
      anNncp('br1-policy', [iface('br1', 'linux-bridge')]),
    ],
    enactments: [
      anEnactment('worker-0', 'bond0-policy', 'Available'),
      anEnactment('worker-1', 'bond0-policy', 'Failing', 'Failed to find bond port ens7 of bond0'),
      anEnactment('worker-0', 'br1-policy', 'Progressing'),
    ],
    nads: [
      anOwnedNad(udn, 'tenant-a', {
        topology: 'layer2',
        role: 'primary',
        netAttachDefName: 'tenant-a/primary',
      }),
      anOwnedNad(cudn, 'tenant-b', { topology: 'localnet', physicalNetworkName: 'physnet-ext' }),
      aSriovNad(sriovNet),
      aSriovNad(orphanSriov),
      aNAD('br1-net', 'tenant-b', { type: 'cnv-bridge', bridge: 'br1', vlan: 100 }),
      aNAD('br9-net', 'tenant-b', { type: 'cnv-bridge', bridge: 'br9' }),
      aNAD('overlay', 'tenant-b', {
        type: 'ovn-k8s-cni-overlay',
        topology: 'layer2',
        subnets: '10.200.0.0/16',
      }),
      aNAD('localnet-nomap', 'tenant-b', { type: 'ovn-k8s-cni-overlay', topology: 'localnet' }),
    ],
    vms: [vmA, vmLocal, vmBr, vmBad],
    vmis: [
      running(
        vmA,
        [{ name: 'default', spec: nic('default', 'pod', 'l2bridge'), ips: ['10.100.0.5'] }],
        'worker-0',
      ),
      running(
        vmLocal,
        [
          { name: 'default', spec: nic('default', 'pod', 'masquerade'), ips: ['10.128.2.7'] },
          { name: 'ext', spec: nic('ext', 'cudn-localnet'), ips: ['192.168.50.7', 'fe80::1'] },
          { name: 'fast', spec: nic('fast', 'sriov-net', 'sriov') },
        ],
        'worker-0',
      ),
      // `late` is in the VM spec but not on the VMI yet: a pending hot-plug.
      running(
        vmBr,
        [
          { name: 'default', spec: nic('default', 'pod', 'masquerade') },
          { name: 'br', spec: nic('br', 'br1-net') },
        ],
        'worker-0',
      ),
    ],
  };
};

/**
 * A large cluster for benches: `vms` VMs with 2–4 NICs over about 200 networks (NADs in 50 namespaces, a few
 * CUDNs), `nodes` workers with the usual underlay. VMs are spread evenly over 50 namespaces.
 */
export const manyTopology = (vms: number, nodes = 20, namespaces = 50): InputLists => {
  const input = emptyInput();
  for (let n = 0; n < namespaces; n++) input.namespaces.push(aNamespace(`ns-${n}`));
  for (let w = 0; w < nodes; w++) {
    input.nodes.push(
      aNode(`worker-${w}`, w % 2 === 0 ? { 'feature.node.kubernetes.io/network-sriov.capable': 'true' } : {}),
    );
    // The last of three or more workers lacks br1 (a Linux bridge missing on one node, as clusters drift).
    input.nnses.push(
      aWorkerState(`worker-${w}`, { sriov: w % 2 === 0, noBr1: nodes > 2 && w === nodes - 1 }),
    );
    if (w % 2 === 0) input.sriovNodeStates.push(aSriovNodeState(`worker-${w}`));
  }
  input.sriovPolicies.push(aPolicy('intel-policy', 'intelnics'));
  // Per namespace: two bridge NADs and one overlay (150); plus 50 localnet NADs in a shared namespace.
  for (let n = 0; n < namespaces; n++) {
    const ns = `ns-${n}`;
    input.nads.push(
      aNAD(`br-a`, ns, { type: 'cnv-bridge', bridge: 'br1', vlan: 100 + n }),
      aNAD(`br-b`, ns, { type: 'cnv-bridge', bridge: 'br1', vlan: 1000 + n }),
      aNAD(`l2`, ns, { type: 'ovn-k8s-cni-overlay', topology: 'layer2', subnets: `10.${n}.0.0/16` }),
    );
  }
  for (let l = 0; l < 50; l++) {
    input.nads.push(
      aNAD(`localnet-${l}`, 'default', {
        type: 'ovn-k8s-cni-overlay',
        topology: 'localnet',
        physicalNetworkName: 'physnet-ext',
        vlanID: 2000 + l,
      }),
    );
  }
  for (let i = 0; i < vms; i++) {
    const ns = `ns-${i % namespaces}`;
    const name = `vm-${String(i).padStart(5, '0')}`;
    const count = 2 + (i % 3);
    const nics: NicFixture[] = [{ name: 'default', network: 'pod', binding: 'masquerade' }];
    const choices = ['br-a', 'br-b', 'l2', `default/localnet-${i % 50}`];
    for (let j = 1; j < count; j++)
      nics.push({ name: `nic${j}`, network: choices[(i + j) % 4]!, binding: 'bridge' });
    const vm = aVM({ name, namespace: ns, running: i % 4 !== 3, nics });
    input.vms.push(vm);
    if (i % 4 === 3) continue;
    const vmi = aVMI({
      name,
      namespace: ns,
      agent: true,
      nics: nics.map((spec, j) => ({ name: spec.name, spec, ips: [`10.${j}.${(i >> 8) & 255}.${i & 255}`] })),
    });
    vmi.status!.nodeName = `worker-${i % nodes}`;
    input.vmis.push(vmi);
  }
  return input;
};
