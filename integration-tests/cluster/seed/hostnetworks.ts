// Host networking cases (issue #16):
// - an NNCP whose nodeSelector matches no node. kubernetes-nmstate creates no enactment for it and reports it
//   Available with reason NoMatchingNode (pkg/policyconditions/conditions.go, SetPolicyNotMatching); the NNCP rollout
//   page flags it;
// - an NNCP that failed on its first worker and was aborted on the others (enactment condition Aborted True, reason
//   ConfigurationAborted: nmstate stops a rollout once a node fails);
// - two infra nodes with NIC layouts unlike the workers' (LACP bond of 25G ports with jumbo frames and VLANs on it,
//   a Mellanox PF, LLDP neighbours, a NIC that is down); no VM runs there and no worker NNCP selects them;
// - the live-migration network's candidates and migrations (migration.ts).
import type { KubeClient, KubeObject } from '../../support/k8s';
import { applyObject, forEachLimit } from './apply';
import { obj } from './kinds';
import { seedMigrations } from './migration';
import { buildEnactment } from './nmstate';
import { mac, nodeNetworkStateStatus, nodeStatus, workerName } from './nodes';
import { SEED_TIME as NOW } from './time';

export const NO_NODE_POLICY = {
  name: 'br-gpu-policy',
  nodeSelector: { 'node-role.kubernetes.io/gpu': '' },
} as const;

export const buildNoNodePolicy = (): KubeObject =>
  obj('NodeNetworkConfigurationPolicy', {
    metadata: { name: NO_NODE_POLICY.name },
    spec: {
      nodeSelector: { ...NO_NODE_POLICY.nodeSelector },
      desiredState: {
        interfaces: [
          {
            name: 'br-gpu',
            type: 'linux-bridge',
            state: 'up',
            ipv4: { enabled: false },
            bridge: { options: { stp: { enabled: false } }, port: [{ name: 'ens10' }] },
          },
        ],
      },
    },
  });

const cond = (type: string, status: 'True' | 'False') => ({
  type,
  status,
  reason: 'NoMatchingNode',
  message: 'Policy does not match any node',
  lastHeartbeatTime: NOW,
  lastTransitionTime: NOW,
});

export const noNodePolicyStatus = () => ({
  conditions: [cond('Available', 'True'), cond('Degraded', 'False'), cond('Progressing', 'False')],
});

// ---- an NNCP aborted after failing on one node ----------------------------------------------------------------

export const ABORTED_POLICY = {
  name: 'jumbo-ens10-policy',
  failsOn: 0,
  message:
    "error reconciling NodeNetworkConfigurationPolicy at desired state apply: , failed to execute nmstatectl set --no-commit --timeout 480: 'exit status 1' '' 'NmstateError: VerificationError: Verification failure: ens10.interface.mtu desire '9000', current '1500'",
} as const;

const abortedDesiredState = {
  interfaces: [{ name: 'ens10', type: 'ethernet', state: 'up', mtu: 9000 }],
};

export const buildAbortedPolicy = (): KubeObject =>
  obj('NodeNetworkConfigurationPolicy', {
    metadata: { name: ABORTED_POLICY.name },
    spec: {
      nodeSelector: { 'node-role.kubernetes.io/worker': '' },
      maxUnavailable: 1,
      desiredState: abortedDesiredState,
    },
  });

const c3 = (type: string, status: 'True' | 'False', reason: string, message = '') => ({
  type,
  status,
  reason,
  message,
  lastHeartbeatTime: NOW,
  lastTransitionTime: NOW,
});

export const abortedPolicyStatus = (workers: number) => ({
  lastUnavailableNodeCountUpdate: NOW,
  unavailableNodeCount: 0,
  conditions: [
    c3('Available', 'False', 'FailedToConfigure'),
    c3(
      'Degraded',
      'True',
      'FailedToConfigure',
      `1/${workers} nodes failed to configure, ${workers - 1} aborted`,
    ),
    c3('Progressing', 'False', 'FailedToConfigure'),
  ],
});

export const abortedEnactmentStatus = (nodeIndex: number) => {
  const failing = nodeIndex === ABORTED_POLICY.failsOn;
  const reason = failing ? 'FailedToConfigure' : 'ConfigurationAborted';
  return {
    desiredState: abortedDesiredState,
    desiredStateMetaInfo: { time: NOW, version: '0' },
    policyGeneration: 1,
    features: [],
    conditions: [
      c3('Failing', failing ? 'True' : 'False', reason, failing ? ABORTED_POLICY.message : ''),
      c3('Available', 'False', reason),
      c3('Progressing', 'False', reason),
      c3('Pending', 'False', reason),
      c3(
        'Aborted',
        failing ? 'False' : 'True',
        reason,
        failing ? '' : 'Configuration aborted since another node failed to configure',
      ),
    ],
  };
};

// ---- infra nodes with their own NIC layouts ---------------------------------------------------------------------

export const INFRA_NODES = [
  { name: 'infra-0', index: 200, ip: '192.168.122.5' },
  { name: 'infra-1', index: 201, ip: '192.168.122.6' },
] as const;

const INFRA_LABEL = 'node-role.kubernetes.io/infra';

export const buildInfraNode = (n: (typeof INFRA_NODES)[number]): KubeObject =>
  obj('Node', {
    metadata: {
      name: n.name,
      labels: {
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        [INFRA_LABEL]: '',
      },
      annotations: { 'k8s.ovn.org/node-primary-ifaddr': JSON.stringify({ ipv4: `${n.ip}/24` }) },
    },
    spec: { taints: [{ key: INFRA_LABEL, effect: 'NoSchedule' }] },
  });

export const infraNodeStatus = (n: (typeof INFRA_NODES)[number]) => {
  const s = nodeStatus(n.index);
  return {
    ...s,
    addresses: [
      { type: 'InternalIP', address: n.ip },
      { type: 'Hostname', address: n.name },
    ],
  };
};

const port = (node: number, nic: number, name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'ethernet',
  state: 'up',
  'mac-address': mac(node, nic).toUpperCase(),
  mtu: 9000,
  ipv4: { enabled: false },
  ipv6: { enabled: false },
  ...extra,
});

const lldp = (system: string, portId: string) => ({
  enabled: true,
  neighbors: [
    [
      {
        type: 1,
        'chassis-id': `00:1c:73:${portId.length.toString(16).padStart(2, '0')}:aa:01`,
        'chassis-id-type': 4,
      },
      { type: 2, 'port-id': portId, 'port-id-type': 5 },
      { type: 5, 'system-name': system },
    ],
  ],
});

/**
 * infra-0: ens3 on br-ex as on workers, an 802.3ad bond of two 25G ports (jumbo frames) with VLANs 201 and 202
 * on it, br1 on bond1.201 (so br1 is on every node, as the Linux-bridge NADs expect), LLDP from the top-of-rack
 * switch. infra-1: the same bond but one port down, and a Mellanox PF with 16 VFs configured, none reported.
 */
export const infraCurrentState = (n: (typeof INFRA_NODES)[number]) => {
  const i = n.index;
  const second = n.name === 'infra-1';
  return {
    interfaces: [
      { name: 'lo', type: 'loopback', state: 'up', mtu: 65536 },
      { ...port(i, 3, 'ens3', { controller: 'br-ex' }), mtu: 1500 },
      {
        name: 'br-ex',
        type: 'ovs-interface',
        state: 'up',
        'mac-address': mac(i, 3).toUpperCase(),
        mtu: 1500,
        ipv4: { enabled: true, dhcp: true, address: [{ ip: n.ip, 'prefix-length': 24 }] },
      },
      {
        name: 'br-ex',
        type: 'ovs-bridge',
        state: 'up',
        bridge: { port: [{ name: 'br-ex' }, { name: 'ens3' }] },
      },
      port(i, 1, 'ens1f0np0', { controller: 'bond1', lldp: lldp('tor-a.lab.example.com', 'Ethernet1/12') }),
      second
        ? { ...port(i, 2, 'ens1f1np1'), state: 'down' }
        : port(i, 2, 'ens1f1np1', {
            controller: 'bond1',
            lldp: lldp('tor-b.lab.example.com', 'Ethernet1/12'),
          }),
      {
        name: 'bond1',
        type: 'bond',
        state: 'up',
        mtu: 9000,
        'mac-address': mac(i, 1).toUpperCase(),
        'link-aggregation': {
          mode: '802.3ad',
          options: { miimon: '100', lacp_rate: 'fast', xmit_hash_policy: 'layer3+4' },
          port: second ? ['ens1f0np0'] : ['ens1f0np0', 'ens1f1np1'],
        },
      },
      {
        name: 'bond1.201',
        type: 'vlan',
        state: 'up',
        mtu: 9000,
        vlan: { 'base-iface': 'bond1', id: 201 },
        controller: 'br1',
      },
      {
        name: 'bond1.202',
        type: 'vlan',
        state: 'up',
        mtu: 9000,
        vlan: { 'base-iface': 'bond1', id: 202 },
        ipv4: { enabled: true, address: [{ ip: `172.16.202.${second ? 6 : 5}`, 'prefix-length': 24 }] },
        ipv6: { enabled: true, address: [{ ip: `fd00:202::${second ? 6 : 5}`, 'prefix-length': 64 }] },
      },
      {
        name: 'br1',
        type: 'linux-bridge',
        state: 'up',
        mtu: 9000,
        bridge: { options: { stp: { enabled: false } }, port: [{ name: 'bond1.201' }] },
      },
      ...(second
        ? [
            port(i, 4, 'ens2f0', {
              mtu: 1500,
              ethernet: { 'sr-iov': { 'total-vfs': 16, vfs: [] } },
            }),
          ]
        : []),
    ],
    ovn: { 'bridge-mappings': [{ localnet: 'physnet', bridge: 'br-ex' }] },
  };
};

export const buildInfraNodeState = (node: KubeObject): KubeObject =>
  obj('NodeNetworkState', {
    metadata: {
      name: node.metadata?.name ?? '',
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Node', name: node.metadata?.name ?? '', uid: node.metadata?.uid ?? '' },
      ],
    },
  });

const workerCountOf = async (client: KubeClient): Promise<number> => {
  const r = await client.list<{ items?: unknown[] }>(
    '/api/v1/nodes?labelSelector=node-role.kubernetes.io%2Fworker',
  );
  if (r.status !== 200) throw new Error(`list workers: HTTP ${r.status}`);
  return r.body.items?.length ?? 0;
};

export const seedHostNetworks = async (client: KubeClient): Promise<void> => {
  await applyObject(client, buildNoNodePolicy(), noNodePolicyStatus());
  const workers = await workerCountOf(client);
  const aborted = await applyObject(client, buildAbortedPolicy(), abortedPolicyStatus(workers));
  await forEachLimit([...Array(workers).keys()], 8, async (i) => {
    await applyObject(client, buildEnactment(aborted, workerName(i)), abortedEnactmentStatus(i));
  });
  for (const n of INFRA_NODES) {
    const node = await applyObject(client, buildInfraNode(n), infraNodeStatus(n));
    await applyObject(client, buildInfraNodeState(node), {
      ...nodeNetworkStateStatus(n.index),
      currentState: infraCurrentState(n),
    });
  }
  await seedMigrations(client);
};
