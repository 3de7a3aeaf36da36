import { describe, expect, it } from 'vitest';
import type { NodeNetworkConfigurationEnactment, NodeNetworkConfigurationPolicy } from '../kube/networks';
import { aNode, anEnactment, anNncp } from '../testing/topology';
import { compareWithCurrent, enactmentState, nodeIndex, policyRollout, rollouts } from './rollout';

const nodes = [aNode('worker-0'), aNode('worker-1'), aNode('worker-2'), aNode('worker-10')];
const index = nodeIndex(nodes);
const bond = anNncp('bond0-policy', [{ name: 'bond0', type: 'bond', state: 'up' }]);

/** An enactment with one condition True, as kubernetes-nmstate writes them (the others False or Unknown). */
const enactment = (
  node: string,
  policy: string,
  type: string,
  message = '',
  others: 'False' | 'Unknown' = 'False',
): NodeNetworkConfigurationEnactment => ({
  apiVersion: 'nmstate.io/v1beta1',
  kind: 'NodeNetworkConfigurationEnactment',
  metadata: { name: `${node}.${policy}`, labels: { 'nmstate.io/node': node, 'nmstate.io/policy': policy } },
  status: {
    conditions: ['Failing', 'Available', 'Progressing', 'Pending', 'Aborted'].map((t) => ({
      type: t,
      status: t === type ? 'True' : others,
      reason: t === type ? `${t}Reason` : '',
      message: t === type ? message : '',
    })),
  },
});

describe('enactmentState', () => {
  it('reads the condition that is True; none True is Unknown', () => {
    for (const s of ['Failing', 'Aborted', 'Progressing', 'Pending', 'Available'] as const)
      expect(enactmentState(enactment('n', 'p', s))).toBe(s);
    expect(enactmentState(enactment('n', 'p', 'none', '', 'Unknown'))).toBe('Unknown');
  });
});

describe('policyRollout', () => {
  const nmstateError = 'NmstateError: VerificationError: Failed to find bond port ens7 of bond0';
  const r = policyRollout(
    bond,
    [
      enactment('worker-0', 'bond0-policy', 'Available', 'successfully reconciled'),
      enactment('worker-10', 'bond0-policy', 'Aborted', 'aborted after worker-1 failed'),
      enactment('worker-1', 'bond0-policy', 'Failing', nmstateError),
      enactment('worker-2', 'bond0-policy', 'Progressing', 'Applying desired state', 'Unknown'),
      // Another policy's enactment on the same node is not counted.
      enactment('worker-2', 'other-policy', 'Failing', 'not ours'),
    ],
    index,
  );

  it('counts the nodes per state', () => {
    expect(r.counts).toMatchObject({ Available: 1, Progressing: 1, Failing: 1, Aborted: 1, Pending: 0 });
    expect(r.matchesNoNode).toBe(false);
  });

  it("lists failing nodes first with the enactment's message, then aborted, progressing, available", () => {
    expect(r.nodes.map((n) => [n.node, n.state])).toEqual([
      ['worker-1', 'Failing'],
      ['worker-10', 'Aborted'],
      ['worker-2', 'Progressing'],
      ['worker-0', 'Available'],
    ]);
    expect(r.nodes[0]).toMatchObject({ message: nmstateError, reason: 'FailingReason', unselected: false });
  });

  it('shows selected nodes without an enactment as not started, and enactments of nodes no longer selected', () => {
    const p = policyRollout(bond, [enactment('old-node', 'bond0-policy', 'Available')], index);
    expect(p.nodes.map((n) => `${n.node} ${n.state} ${n.unselected}`)).toEqual([
      'worker-0 NotStarted false',
      'worker-1 NotStarted false',
      'worker-2 NotStarted false',
      'worker-10 NotStarted false',
      'old-node Available true',
    ]);
  });

  it('flags a policy whose selector matches no node', () => {
    const none: NodeNetworkConfigurationPolicy = {
      ...bond,
      metadata: { name: 'gpu-only' },
      spec: { ...bond.spec, nodeSelector: { 'node-role.kubernetes.io/gpu': '' } },
    };
    expect(policyRollout(none, [], index)).toMatchObject({ matchesNoNode: true, nodes: [] });
    // Without any known node nothing can be said.
    expect(policyRollout(none, [], nodeIndex([])).matchesNoNode).toBe(false);
  });
});

describe('rollouts', () => {
  it('puts failing policies first, then those matching no node, then those rolling out', () => {
    const policies = [
      anNncp('a-ok', []),
      anNncp('b-rolling', []),
      { ...anNncp('c-nowhere', []), spec: { nodeSelector: { gpu: 'yes' }, desiredState: {} } },
      anNncp('d-failing', []),
    ];
    const enactments = [
      ...nodes.map((n) => anEnactment(n.metadata.name, 'a-ok', 'Available')),
      ...nodes.map((n) => anEnactment(n.metadata.name, 'd-failing', 'Available')),
      anEnactment('worker-0', 'd-failing', 'Failing', 'boom'),
      anEnactment('worker-0', 'b-rolling', 'Progressing'),
    ];
    expect(rollouts(policies, enactments, nodes).map((r) => r.name)).toEqual([
      'd-failing',
      'c-nowhere',
      'b-rolling',
      'a-ok',
    ]);
  });
});

describe('compareWithCurrent', () => {
  const current = {
    interfaces: [
      { name: 'lo', type: 'loopback' },
      { name: 'br1', type: 'linux-bridge', state: 'up', mtu: 1500, bridge: { port: [{ name: 'ens4' }] } },
      {
        name: 'bond0',
        type: 'bond',
        state: 'up',
        'link-aggregation': { mode: 'active-backup', port: ['ens6'] },
      },
      { name: 'br-ex', type: 'ovs-bridge', state: 'up' },
      { name: 'br-ex', type: 'ovs-interface', state: 'up', 'mac-address': '52:54:00:AA:BB:CC' },
      { name: 'old', type: 'linux-bridge', state: 'up' },
    ],
    ovn: {
      'bridge-mappings': [
        { localnet: 'physnet', bridge: 'br-ex' },
        { localnet: 'moved', bridge: 'br-ex' },
      ],
    },
  };

  it("shows the node's current state of exactly the interfaces and mappings the policy names", () => {
    const c = compareWithCurrent(
      {
        interfaces: [{ name: 'br1', type: 'linux-bridge', state: 'up' }],
        ovn: { 'bridge-mappings': [{ localnet: 'physnet', bridge: 'br-ex' }] },
      },
      current,
    );
    expect(c.current).toEqual({
      interfaces: [current.interfaces[1]],
      ovn: { 'bridge-mappings': [{ localnet: 'physnet', bridge: 'br-ex' }] },
    });
    expect(c.changes).toEqual([{ name: 'br1', type: 'linux-bridge', change: 'none' }]);
    expect(c.mappingChanges).toEqual([]);
  });

  it('says what would change: created, removed and modified fields, and bridge mappings', () => {
    const c = compareWithCurrent(
      {
        interfaces: [
          { name: 'br2', type: 'linux-bridge', state: 'up' },
          { name: 'old', type: 'linux-bridge', state: 'absent' },
          { name: 'gone', type: 'linux-bridge', state: 'absent' },
          {
            name: 'bond0',
            type: 'bond',
            state: 'up',
            mtu: 9000,
            'link-aggregation': { mode: 'active-backup', port: ['ens6', 'ens7'] },
          },
          // nmstate reports MACs upper case, and may leave out what is off: not a change.
          {
            name: 'br-ex',
            type: 'ovs-interface',
            'mac-address': '52:54:00:aa:bb:cc',
            ipv6: { enabled: false },
          },
        ],
        ovn: {
          'bridge-mappings': [
            { localnet: 'new', bridge: 'br-ex' },
            { localnet: 'moved', bridge: 'ovs-br1' },
            { localnet: 'physnet', bridge: 'br-ex', state: 'absent' },
          ],
        },
      },
      current,
    );
    expect(c.changes).toEqual([
      { name: 'br2', type: 'linux-bridge', change: 'create' },
      { name: 'old', type: 'linux-bridge', change: 'remove' },
      { name: 'gone', type: 'linux-bridge', change: 'none' },
      { name: 'bond0', type: 'bond', change: 'modify', fields: ['mtu', 'link-aggregation.port'] },
      { name: 'br-ex', type: 'ovs-interface', change: 'none' },
    ]);
    expect(c.current.interfaces?.map((i) => `${i.type}/${i.name}`)).toEqual([
      'linux-bridge/old',
      'bond/bond0',
      'ovs-interface/br-ex',
    ]);
    expect(c.mappingChanges).toEqual([
      { localnet: 'new', change: 'create' },
      { localnet: 'moved', change: 'modify' },
      { localnet: 'physnet', change: 'remove' },
    ]);
  });

  it('treats a node without reported state as having none of it', () => {
    const c = compareWithCurrent(
      { interfaces: [{ name: 'br1', type: 'linux-bridge', state: 'up' }] },
      undefined,
    );
    expect(c.changes).toEqual([{ name: 'br1', type: 'linux-bridge', change: 'create' }]);
    expect(c.current).toEqual({ interfaces: [] });
  });
});
