import { describe, expect, it } from 'vitest';
import type { ClusterContext } from './context';
import { availableKinds, unavailableReasonText } from './kinds';
import {
  getBridgeUplinkMtu,
  getMachineNetworkNics,
  getNicOptions,
  getPfOptions,
  getPhysicalNetworkOptions,
  getSelectedNodeStates,
  getUplinkMtu,
} from './options';
import { aCluster, aNodeState, aPF, aSriovState, aWorker, anNNCP, brEx, eth } from '../../testing/manifests';

describe('getPhysicalNetworkOptions', () => {
  it('lists mapped localnet names, skipping removed and empty mappings (OCPBUGS-55292)', () => {
    const absent = anNNCP('gone', [{ localnet: 'old', bridge: 'br-old' }]);
    absent.spec.desiredState.ovn = {
      'bridge-mappings': [{ localnet: 'old', bridge: 'br-old', state: 'absent' }],
    };
    const nncps = [
      anNNCP('p2', [
        { localnet: 'physnet', bridge: 'br-ex' },
        { localnet: ' ', bridge: 'br1' },
      ]),
      anNNCP('p1', [{ localnet: 'datacenter', bridge: 'ovs-br1' }]),
      absent,
    ];
    expect(getPhysicalNetworkOptions(nncps)).toEqual([
      { name: 'datacenter', bridge: 'ovs-br1', policy: 'p1' },
      { name: 'physnet', bridge: 'br-ex', policy: 'p2' },
    ]);
  });
});

describe('NICs from NodeNetworkState', () => {
  const bond = {
    name: 'bond0',
    type: 'bond',
    'link-aggregation': { mode: 'active-backup', port: ['ens5', 'ens6'] },
  };
  const w1 = aNodeState('w1', [
    ...brEx('bond0'),
    bond,
    eth('ens5'),
    eth('ens6'),
    eth('ens7', 9000),
    eth('ens8'),
    eth('genev_sys_6081'),
  ]);
  const w2 = aNodeState('w2', [...brEx('bond0'), bond, eth('ens5'), eth('ens6'), eth('ens7', 1500)]);

  it('finds the NICs behind br-ex, through a bond', () => {
    expect(getMachineNetworkNics(w1)).toEqual(['bond0', 'ens5', 'ens6']);
  });

  it('offers NICs present on every node, with the smallest MTU and why some are unusable', () => {
    expect(getNicOptions([w1, w2])).toEqual([
      { name: 'bond0', bond: true, unusable: { reason: 'machine-network', node: 'w1' } },
      { name: 'ens5', mtu: 1500, unusable: { reason: 'machine-network', node: 'w1' } },
      { name: 'ens6', mtu: 1500, unusable: { reason: 'machine-network', node: 'w1' } },
      { name: 'ens7', mtu: 1500 },
    ]);
  });

  it('marks a NIC used by another bridge', () => {
    const node = aWorker('w1', [{ name: 'br1', type: 'linux-bridge', bridge: { port: [{ name: 'ens4' }] } }]);
    expect(getNicOptions([node]).find((n) => n.name === 'ens4')?.unusable).toEqual({
      reason: 'in-use',
      node: 'w1',
      controller: 'br1',
    });
  });

  it('returns nothing without node states', () => {
    expect(getNicOptions([])).toEqual([]);
  });

  it.each([
    ['ens7', { mtu: 1500, node: 'w2' }],
    ['ens8', { mtu: 1500, node: 'w1' }],
    ['nope', undefined],
  ])('uplink MTU of %s', (iface, expected) => {
    expect(getUplinkMtu([w1, w2], iface)).toEqual(expected);
  });

  it('bridge uplink MTU is the smallest port MTU over the nodes', () => {
    expect(getBridgeUplinkMtu([aWorker('w1'), aWorker('w2')], 'br-ex')).toEqual({
      mtu: 1500,
      node: 'w1',
      uplink: 'ens3',
    });
  });

  it('selects node states by node labels, or all when labels are unknown', () => {
    const ctx = aCluster({
      nodeStates: [w1, w2],
      nodes: [
        { name: 'w1', labels: { role: 'a' } },
        { name: 'w2', labels: { role: 'b' } },
      ],
    });
    expect([
      getSelectedNodeStates(ctx, { role: 'b' }).map((s) => s.metadata.name),
      getSelectedNodeStates({ nodeStates: [w1, w2] }, { role: 'b' }).map((s) => s.metadata.name),
    ]).toEqual([['w2'], ['w1', 'w2']]);
  });
});

describe('getPfOptions', () => {
  it('lists PFs with totalvfs, optionally for some nodes', () => {
    const states = [
      aSriovState('w1', [aPF('ens1f0', 64)]),
      aSriovState('w2', [aPF('ens1f1', 8, { vendor: '15b3' })]),
    ];
    expect(getPfOptions(states, ['w2'])).toEqual([
      {
        node: 'w2',
        pciAddress: '0000:3b:00.1',
        name: 'ens1f1',
        vendor: '15b3',
        deviceID: '158b',
        totalvfs: 8,
        mtu: 1500,
      },
    ]);
  });
});

describe('availableKinds', () => {
  const unavailable = (ctx: Parameters<typeof availableKinds>[0]) =>
    availableKinds(ctx)
      .filter((k) => !k.available)
      .map((k) => `${k.kind}:${k.reason ?? ''}`);

  it.each<[string, ClusterContext, string[]]>([
    ['unknown cluster: everything', {}, []],
    ['dual-stack: everything', { ipFamilies: [4, 6] }, []],
    [
      'IPv6 single-stack: no overlays',
      { ipFamilies: [6] },
      [
        'nad-layer2:ipv6-single-stack-overlay',
        'udn-layer2:ipv6-single-stack-overlay',
        'udn-layer3:ipv6-single-stack-overlay',
        'cudn-layer2:ipv6-single-stack-overlay',
        'cudn-layer3:ipv6-single-stack-overlay',
      ],
    ],
    [
      'missing operators',
      { installed: { udn: false, nmstate: false, sriov: false } },
      [
        'udn-layer2:udn-api-missing',
        'udn-layer3:udn-api-missing',
        'cudn-layer2:udn-api-missing',
        'cudn-layer3:udn-api-missing',
        'cudn-localnet:udn-api-missing',
        'nncp:nmstate-missing',
        'sriov-policy:sriov-missing',
        'sriov-network:sriov-missing',
      ],
    ],
  ])('%s', (_, ctx, expected) => {
    expect(unavailable(ctx)).toEqual(expected);
  });

  it('explains every reason', () => {
    expect(Object.values(unavailableReasonText).every((t) => t.length > 20)).toBe(true);
  });
});
