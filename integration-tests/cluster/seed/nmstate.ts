// NodeNetworkConfigurationPolicies and their per-node enactments, with the conditions kubernetes-nmstate writes.
import type { KubeObject } from '../../support/k8s';
import { obj, ownerRef } from './kinds';
import { SEED_TIME as NOW } from './time';

const WORKERS = { 'node-role.kubernetes.io/worker': '' };

type Policy = { name: string; desiredState: Record<string, unknown>; failsOn?: number };

/** Linux bridge on a NIC, a VLAN, a bond and an OVS bridge mapping for localnet; the bond fails on one node. */
export const POLICIES: Policy[] = [
  {
    name: 'br1-ens4-policy',
    desiredState: {
      interfaces: [
        {
          name: 'br1',
          type: 'linux-bridge',
          state: 'up',
          ipv4: { enabled: false },
          bridge: { options: { stp: { enabled: false } }, port: [{ name: 'ens4' }] },
        },
      ],
    },
  },
  {
    name: 'vlan100-ens5-policy',
    desiredState: {
      interfaces: [
        {
          name: 'ens5.100',
          type: 'vlan',
          state: 'up',
          vlan: { 'base-iface': 'ens5', id: 100 },
          ipv4: { enabled: true, dhcp: true },
        },
      ],
    },
  },
  {
    name: 'bond0-policy',
    failsOn: 1,
    desiredState: {
      interfaces: [
        {
          name: 'bond0',
          type: 'bond',
          state: 'up',
          ipv4: { enabled: false },
          'link-aggregation': { mode: 'active-backup', options: { miimon: '100' }, port: ['ens6', 'ens7'] },
        },
      ],
    },
  },
  {
    name: 'ovs-br1-localnet-policy',
    desiredState: {
      interfaces: [
        {
          name: 'ovs-br1',
          type: 'ovs-bridge',
          state: 'up',
          bridge: { options: { stp: false }, port: [{ name: 'ens8' }] },
        },
      ],
      ovn: { 'bridge-mappings': [{ localnet: 'physnet-ext', bridge: 'ovs-br1', state: 'present' }] },
    },
  },
];

export const buildPolicy = (p: Policy): KubeObject =>
  obj('NodeNetworkConfigurationPolicy', {
    metadata: { name: p.name },
    spec: { nodeSelector: WORKERS, maxUnavailable: '50%', desiredState: p.desiredState },
  });

const cond = (type: string, status: boolean, reason: string, message = '') => ({
  type,
  status: status ? 'True' : 'False',
  reason,
  message,
  lastHeartbeatTime: NOW,
  lastTransitionTime: NOW,
});

export const policyStatus = (p: Policy, nodes: number) => {
  const failed = p.failsOn !== undefined && p.failsOn < nodes ? 1 : 0;
  const ok = nodes - failed;
  return {
    lastUnavailableNodeCountUpdate: NOW,
    unavailableNodeCount: 0,
    conditions: failed
      ? [
          cond('Available', false, 'FailedToConfigure', ''),
          cond('Degraded', true, 'FailedToConfigure', `${failed}/${nodes} nodes failed to configure`),
          cond('Progressing', false, 'FailedToConfigure', ''),
        ]
      : [
          cond('Available', true, 'SuccessfullyConfigured', `${ok}/${nodes} nodes successfully configured`),
          cond('Degraded', false, 'SuccessfullyConfigured', ''),
          cond('Progressing', false, 'SuccessfullyConfigured', ''),
        ],
  };
};

export const enactmentName = (node: string, policy: string): string => `${node}.${policy}`;

export const buildEnactment = (policy: KubeObject, node: string): KubeObject =>
  obj('NodeNetworkConfigurationEnactment', {
    metadata: {
      name: enactmentName(node, policy.metadata?.name ?? ''),
      labels: { 'nmstate.io/node': node, 'nmstate.io/policy': policy.metadata?.name ?? '' },
      ownerReferences: [ownerRef(policy, false)],
    },
  });

export const enactmentStatus = (p: Policy, nodeIndex: number) => {
  const failing = p.failsOn === nodeIndex;
  const error = `error reconciling NodeNetworkConfigurationPolicy at desired state apply: , failed to execute nmstatectl set --no-commit --timeout 480: 'exit status 1' '' 'NmstateError: VerificationError: Failed to find bond port ens7 of bond0'`;
  return {
    desiredState: p.desiredState,
    desiredStateMetaInfo: { time: NOW, version: '0' },
    policyGeneration: 1,
    features: [],
    conditions: [
      cond(
        'Failing',
        failing,
        failing ? 'FailedToConfigure' : 'SuccessfullyConfigured',
        failing ? error : '',
      ),
      cond(
        'Available',
        !failing,
        failing ? 'FailedToConfigure' : 'SuccessfullyConfigured',
        failing ? '' : 'successfully reconciled',
      ),
      cond('Progressing', false, failing ? 'FailedToConfigure' : 'SuccessfullyConfigured'),
      cond('Pending', false, failing ? 'FailedToConfigure' : 'SuccessfullyConfigured'),
      cond('Aborted', false, failing ? 'FailedToConfigure' : 'SuccessfullyConfigured'),
    ],
  };
};
