// Host networking cases (issue #16): an NNCP whose nodeSelector matches no node. kubernetes-nmstate creates no
// enactment for it and reports it Available with reason NoMatchingNode (pkg/policyconditions/conditions.go,
// SetPolicyNotMatching); the NNCP rollout page flags it.
import type { KubeClient, KubeObject } from '../../support/k8s';
import { applyObject } from './apply';
import { obj } from './kinds';
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

export const seedHostNetworks = async (client: KubeClient): Promise<void> => {
  await applyObject(client, buildNoNodePolicy(), noNodePolicyStatus());
};
