// Worker Nodes and what node agents report about them: nmstate's NodeNetworkStates and SR-IOV node states.
import type { KubeObject } from '../../support/k8s';
import { obj, ownerRef } from './kinds';
import { SEED_TIME as NOW } from './time';

export const SRIOV_NS = 'openshift-sriov-network-operator';
export const SRIOV_CAPABLE = 'feature.node.kubernetes.io/network-sriov.capable';
const hex = (n: number): string => (n & 255).toString(16).padStart(2, '0');

export const workerName = (i: number): string => `worker-${i}`;
export const nodeIP = (i: number): string => `192.168.122.${10 + (i % 240)}`;
/** Every second worker has an SR-IOV NIC (as on a mixed fleet); worker-0 always does. */
export const isSriovCapable = (i: number): boolean => i % 2 === 0;

export const buildNode = (i: number): KubeObject => {
  const name = workerName(i);
  return obj('Node', {
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node-role.kubernetes.io/worker': '',
        'kubevirt.io/schedulable': 'true',
        ...(isSriovCapable(i) ? { [SRIOV_CAPABLE]: 'true' } : {}),
      },
      annotations: { 'k8s.ovn.org/node-primary-ifaddr': JSON.stringify({ ipv4: `${nodeIP(i)}/24` }) },
    },
    spec: {},
  });
};

export const nodeStatus = (i: number) => {
  const resources = {
    cpu: '32',
    memory: '131811372Ki',
    pods: '250',
    'devices.kubevirt.io/kvm': '1k',
    'devices.kubevirt.io/tun': '1k',
    ...(isSriovCapable(i) ? { 'openshift.io/intelnics': '8', 'openshift.io/intel_dpdk': '4' } : {}),
  };
  return {
    addresses: [
      { type: 'InternalIP', address: nodeIP(i) },
      { type: 'Hostname', address: workerName(i) },
    ],
    capacity: resources,
    allocatable: { ...resources, cpu: '31500m', memory: '130684972Ki' },
    conditions: [
      {
        type: 'MemoryPressure',
        status: 'False',
        reason: 'KubeletHasSufficientMemory',
        message: 'kubelet has sufficient memory available',
        lastHeartbeatTime: NOW,
        lastTransitionTime: NOW,
      },
      {
        type: 'DiskPressure',
        status: 'False',
        reason: 'KubeletHasNoDiskPressure',
        message: 'kubelet has no disk pressure',
        lastHeartbeatTime: NOW,
        lastTransitionTime: NOW,
      },
      {
        type: 'PIDPressure',
        status: 'False',
        reason: 'KubeletHasSufficientPID',
        message: 'kubelet has sufficient PID available',
        lastHeartbeatTime: NOW,
        lastTransitionTime: NOW,
      },
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
        lastHeartbeatTime: NOW,
        lastTransitionTime: NOW,
      },
    ],
    nodeInfo: {
      architecture: 'amd64',
      operatingSystem: 'linux',
      osImage: 'Red Hat Enterprise Linux CoreOS 9.6.20260110-0 (Plow)',
      kernelVersion: '5.14.0-570.el9_6.x86_64',
      containerRuntimeVersion: 'cri-o://1.35.1-2.rhaos4.22.el9',
      kubeletVersion: 'v1.35.4',
      kubeProxyVersion: '',
      machineID: `${hex(i)}`.padEnd(32, '0'),
      systemUUID: `${hex(i)}000000-0000-0000-0000-000000000000`,
      bootID: `b00t${hex(i)}00-0000-0000-0000-000000000000`,
    },
  };
};

/**
 * A Linux bridge an NNCP is still rolling out (topology.ts, `br2-ens9-policy`): configured on these workers only,
 * so a NAD on it works on some nodes. ens9 is a spare NIC on every worker.
 */
export const PARTIAL_BRIDGE = { bridge: 'br2', port: 'ens9', onWorkers: [0] };

export const mac = (node: number, nic: number): string =>
  `52:54:00:${hex(node >> 8)}:${hex(node)}:${hex(nic)}`;
const eth = (node: number, nic: number, name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'ethernet',
  state: 'up',
  'mac-address': mac(node, nic).toUpperCase(),
  mtu: 1500,
  ipv4: { enabled: false },
  ipv6: { enabled: false },
  ...extra,
});

/**
 * nmstate's view of a worker: br-ex on ens3, br1 on ens4, a VLAN on ens5, bond0, an OVS bridge, SR-IOV PFs, and
 * br2 on ens9 where its NNCP has been applied (PARTIAL_BRIDGE).
 */
export const currentState = (i: number) => ({
  'dns-resolver': {
    config: { search: [], server: [] },
    running: { search: ['lab.example.com'], server: ['192.168.122.1'] },
  },
  interfaces: [
    {
      name: 'lo',
      type: 'loopback',
      state: 'up',
      mtu: 65536,
      ipv4: { enabled: true, address: [{ ip: '127.0.0.1', 'prefix-length': 8 }] },
    },
    eth(i, 3, 'ens3', { controller: 'br-ex' }),
    {
      name: 'br-ex',
      type: 'ovs-interface',
      state: 'up',
      'mac-address': mac(i, 3).toUpperCase(),
      mtu: 1500,
      ipv4: { enabled: true, dhcp: true, address: [{ ip: nodeIP(i), 'prefix-length': 24 }] },
      ipv6: { enabled: false },
    },
    {
      name: 'br-ex',
      type: 'ovs-bridge',
      state: 'up',
      bridge: { port: [{ name: 'br-ex' }, { name: 'ens3' }, { name: 'patch-br-ex_worker-to-br-int' }] },
    },
    eth(i, 4, 'ens4', { controller: 'br1' }),
    {
      name: 'br1',
      type: 'linux-bridge',
      state: 'up',
      'mac-address': mac(i, 4).toUpperCase(),
      mtu: 1500,
      bridge: {
        options: { stp: { enabled: false } },
        port: [
          { name: 'ens4', vlan: { mode: 'trunk', 'trunk-tags': [{ 'id-range': { min: 2, max: 4094 } }] } },
        ],
      },
    },
    eth(i, 5, 'ens5'),
    {
      name: 'ens5.100',
      type: 'vlan',
      state: 'up',
      mtu: 1500,
      vlan: { 'base-iface': 'ens5', id: 100 },
      ipv4: {
        enabled: true,
        dhcp: false,
        address: [{ ip: `10.100.0.${10 + (i % 240)}`, 'prefix-length': 24 }],
      },
    },
    eth(i, 6, 'ens6', { controller: 'bond0' }),
    eth(i, 7, 'ens7', { controller: 'bond0' }),
    {
      name: 'bond0',
      type: 'bond',
      state: 'up',
      mtu: 1500,
      'mac-address': mac(i, 6).toUpperCase(),
      'link-aggregation': { mode: 'active-backup', options: { miimon: '100' }, port: ['ens6', 'ens7'] },
    },
    eth(i, 8, 'ens8', { controller: 'ovs-br1' }),
    { name: 'ovs-br1', type: 'ovs-bridge', state: 'up', bridge: { port: [{ name: 'ens8' }] } },
    ...(PARTIAL_BRIDGE.onWorkers.includes(i)
      ? [
          eth(i, 9, PARTIAL_BRIDGE.port, { controller: PARTIAL_BRIDGE.bridge }),
          {
            name: PARTIAL_BRIDGE.bridge,
            type: 'linux-bridge',
            state: 'up',
            'mac-address': mac(i, 9).toUpperCase(),
            mtu: 1500,
            bridge: { options: { stp: { enabled: false } }, port: [{ name: PARTIAL_BRIDGE.port }] },
          },
        ]
      : [eth(i, 9, PARTIAL_BRIDGE.port)]),
    ...(isSriovCapable(i)
      ? [
          eth(i, 16, 'ens1f0', {
            ethernet: {
              'sr-iov': {
                'total-vfs': 64,
                vfs: [...Array(8).keys()].map((v) => ({
                  id: v,
                  'mac-address': mac(i, 0x20 + v).toUpperCase(),
                  'spoof-check': true,
                  trust: false,
                  'vlan-id': 0,
                })),
              },
            },
          }),
          eth(i, 17, 'ens1f1'),
        ]
      : []),
    {
      name: 'ovn-k8s-mp0',
      type: 'ovs-interface',
      state: 'up',
      mtu: 1400,
      ipv4: { enabled: true, address: [{ ip: `10.128.${i % 256}.2`, 'prefix-length': 23 }] },
    },
  ],
  routes: {
    config: [],
    running: [
      {
        destination: '0.0.0.0/0',
        'next-hop-address': '192.168.122.1',
        'next-hop-interface': 'br-ex',
        metric: 48,
        'table-id': 254,
      },
    ],
  },
  ovn: {
    'bridge-mappings': [
      { localnet: 'physnet', bridge: 'br-ex' },
      { localnet: 'physnet-ext', bridge: 'ovs-br1' },
    ],
  },
});

export const buildNodeNetworkState = (node: KubeObject, i: number): KubeObject =>
  obj('NodeNetworkState', {
    metadata: { name: workerName(i), ownerReferences: [ownerRef(node, false)] },
  });

export const nodeNetworkStateStatus = (i: number) => ({
  currentState: currentState(i),
  lastSuccessfulUpdateTime: NOW,
  handlerNmstateVersion: 'nmstate 2.2.45',
  hostNetworkManagerVersion: '1.52.0',
  handlerNetworkManagerVersion: '1.52.0',
  conditions: [
    {
      type: 'Available',
      status: 'True',
      reason: 'SuccessfullyConfigured',
      message: '',
      lastHeartbeatTime: NOW,
      lastTransitionTime: NOW,
    },
    {
      type: 'Failing',
      status: 'False',
      reason: 'SuccessfullyConfigured',
      message: '',
      lastHeartbeatTime: NOW,
      lastTransitionTime: NOW,
    },
  ],
});
