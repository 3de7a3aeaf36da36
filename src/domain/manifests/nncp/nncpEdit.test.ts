import { describe, expect, it } from 'vitest';
import type { NMStateState, NodeNetworkConfigurationPolicy } from '../../kube/networks';
import type { NNCPForm } from './nncp';
import {
  buildEditedManifest,
  editedDesiredState,
  formOfPolicy,
  keptParts,
  removableInterfaces,
} from './nncpEdit';
import { validateNNCP } from './nncpValidate';
import { aCluster, aNodeState, brEx, codes, eth } from '../../testing/manifests';

const policy = (desiredState: NMStateState, over: Partial<NodeNetworkConfigurationPolicy['metadata']> = {}) =>
  ({
    apiVersion: 'nmstate.io/v1',
    kind: 'NodeNetworkConfigurationPolicy',
    metadata: { name: 'br1-ens4-policy', resourceVersion: '42', uid: 'u1', ...over },
    spec: { nodeSelector: { 'node-role.kubernetes.io/worker': '' }, maxUnavailable: '50%', desiredState },
  }) as NodeNetworkConfigurationPolicy;

// As the seed writes it (integration-tests/cluster/seed/nmstate.ts): no ipv6 key.
const br1 = policy({
  interfaces: [
    {
      name: 'br1',
      type: 'linux-bridge',
      state: 'up',
      ipv4: { enabled: false },
      bridge: { options: { stp: { enabled: false } }, port: [{ name: 'ens4' }] },
    },
  ],
});

const start = (p: NodeNetworkConfigurationPolicy): NNCPForm => {
  const s = formOfPolicy(p);
  if (!s.ok) throw new Error(`refused: ${JSON.stringify(s.refusal)}`);
  return s.form;
};

// A worker where br1 exists with ens4 as its port (the policy applied).
const applied = () =>
  aCluster({
    nodes: [{ name: 'w1', labels: { 'node-role.kubernetes.io/worker': '' } }],
    nodeStates: [
      aNodeState('w1', [
        ...brEx('ens3'),
        eth('ens3'),
        eth('ens4', 1500, { controller: 'br1' }),
        { name: 'br1', type: 'linux-bridge', state: 'up', bridge: { port: [{ name: 'ens4' }] } },
      ]),
    ],
  });

describe('formOfPolicy', () => {
  it('models a Linux bridge policy and rebuilds it exactly (a key it left out stays out)', () => {
    const form = start(br1);
    expect(form).toMatchObject({
      name: 'br1-ens4-policy',
      kind: 'linux-bridge',
      interfaceName: 'br1',
      nic: 'ens4',
      maxUnavailable: '50%',
      ipv4: { mode: 'disabled' },
      ipv6: undefined,
    });
    expect(editedDesiredState(form)).toEqual(br1.spec.desiredState);
  });

  it('models a VLAN with DHCP and a bond with options', () => {
    const vlan = policy({
      interfaces: [
        {
          name: 'ens5.100',
          type: 'vlan',
          state: 'up',
          vlan: { 'base-iface': 'ens5', id: 100 },
          ipv4: { enabled: true, dhcp: true },
        },
      ],
    });
    expect(start(vlan)).toMatchObject({ kind: 'vlan', vlanId: 100, nic: 'ens5', ipv4: { mode: 'dhcp' } });
    expect(editedDesiredState(start(vlan))).toEqual(vlan.spec.desiredState);
    const bond = policy({
      interfaces: [
        {
          name: 'bond0',
          type: 'bond',
          state: 'up',
          ipv4: { enabled: false },
          'link-aggregation': { mode: 'active-backup', options: { miimon: '100' }, port: ['ens6', 'ens7'] },
        },
      ],
    });
    expect(start(bond)).toMatchObject({ kind: 'bond', bond: { name: 'bond0', ports: ['ens6', 'ens7'] } });
    expect(editedDesiredState(start(bond))).toEqual(bond.spec.desiredState);
  });

  it('keeps what it does not model untouched: other interfaces, fields, mappings and sections', () => {
    const p = policy({
      interfaces: [
        { ...br1.spec.desiredState.interfaces![0]!, description: 'uplink bridge', lldp: { enabled: true } },
        { name: 'dummy0', type: 'dummy', state: 'up' },
      ],
      routes: { config: [{ destination: '0.0.0.0/0', 'next-hop-interface': 'br1' }] },
      'dns-resolver': { config: { server: ['192.0.2.53'] } },
    });
    const form = start(p);
    expect(editedDesiredState({ ...form, mtu: 9000 })).toEqual({
      ...p.spec.desiredState,
      interfaces: [{ ...p.spec.desiredState.interfaces![0], mtu: 9000 }, p.spec.desiredState.interfaces![1]],
    });
    expect(keptParts(form)).toEqual({
      interfaces: [{ name: 'dummy0', type: 'dummy' }],
      fields: [
        { iface: 'br1', field: 'description' },
        { iface: 'br1', field: 'lldp' },
      ],
      mappings: [],
      sections: ['routes', 'dns-resolver'],
    });
  });

  it('refuses, naming the interface and field, what it cannot rebuild exactly (never drops it)', () => {
    // The seed's OVS bridge writes stp as a boolean; the wizard writes other options.
    const ovs = policy({
      interfaces: [
        {
          name: 'ovs-br1',
          type: 'ovs-bridge',
          state: 'up',
          bridge: { options: { stp: false }, port: [{ name: 'ens8' }] },
        },
      ],
      ovn: { 'bridge-mappings': [{ localnet: 'physnet-ext', bridge: 'ovs-br1', state: 'present' }] },
    });
    expect(formOfPolicy(ovs)).toEqual({ ok: false, refusal: { iface: 'ovs-br1', field: 'bridge' } });
    const twoPorts = policy({
      interfaces: [
        {
          name: 'br1',
          type: 'linux-bridge',
          state: 'up',
          bridge: { port: [{ name: 'ens4' }, { name: 'ens5' }] },
        },
      ],
    });
    expect(formOfPolicy(twoPorts).ok).toBe(false);
    expect(formOfPolicy(policy({ interfaces: [{ name: 'eth9', type: 'ethernet', state: 'up' }] }))).toEqual({
      ok: false,
      refusal: { iface: 'eth9', field: 'type' },
    });
  });

  it('models a mapping onto br-ex, keeping the other mappings', () => {
    const p = policy({
      ovn: {
        'bridge-mappings': [
          { localnet: 'physnet', bridge: 'br-ex', state: 'present' },
          { localnet: 'other', bridge: 'ovs-br9', state: 'present' },
        ],
      },
    });
    const form = start(p);
    expect(form).toMatchObject({ kind: 'br-ex-mapping', physicalNetworkName: 'physnet' });
    expect(editedDesiredState(form)).toEqual(p.spec.desiredState);
    expect(editedDesiredState({ ...form, physicalNetworkName: 'physnet2' }).ovn?.['bridge-mappings']).toEqual(
      [
        { localnet: 'physnet', bridge: 'br-ex', state: 'absent' },
        { localnet: 'physnet2', bridge: 'br-ex', state: 'present' },
        { localnet: 'other', bridge: 'ovs-br9', state: 'present' },
      ],
    );
  });
});

describe('editing: removal and rename', () => {
  it('marks an interface absent (nmstate state: absent), keeping its type for the blast radius', () => {
    const form = start(br1);
    const removed = { ...form, edit: { ...form.edit!, absent: ['br1'] } };
    expect(editedDesiredState(removed).interfaces).toEqual([
      { name: 'br1', type: 'linux-bridge', state: 'absent' },
    ]);
    expect(removableInterfaces(form)).toEqual([{ name: 'br1', type: 'linux-bridge' }]);
    // Nothing else of a removed interface is checked.
    expect(codes(validateNNCP({ ...removed, nic: '' }, applied()), 'error')).toEqual([]);
  });

  it('renames by removing the old interface and creating the new one with the same port', () => {
    const form = { ...start(br1), interfaceName: 'br-new' };
    expect(editedDesiredState(form).interfaces).toEqual([
      { name: 'br1', type: 'linux-bridge', state: 'absent' },
      {
        name: 'br-new',
        type: 'linux-bridge',
        state: 'up',
        ipv4: { enabled: false },
        bridge: { options: { stp: { enabled: false } }, port: [{ name: 'ens4' }] },
      },
    ]);
  });

  it("is valid against the nodes where it applied: its own bridge and port are not 'in use'", () => {
    expect(codes(validateNNCP(start(br1), applied()), 'error')).toEqual([]);
    expect(codes(validateNNCP({ ...start(br1), interfaceName: 'br-new' }, applied()), 'error')).toEqual([]);
  });

  it('the update keeps the object (labels, other annotations) and changes the description and spec', () => {
    const p = {
      ...br1,
      metadata: { ...br1.metadata, labels: { team: 'net' }, annotations: { owner: 'x', description: 'old' } },
    };
    const m = buildEditedManifest({ ...start(p), description: 'new', maxUnavailable: '1' });
    expect(m.metadata).toEqual({
      name: 'br1-ens4-policy',
      labels: { team: 'net' },
      annotations: { owner: 'x', description: 'new' },
    });
    expect(m.spec.maxUnavailable).toBe(1);
    expect(m.spec.nodeSelector).toEqual({ 'node-role.kubernetes.io/worker': '' });
  });
});
