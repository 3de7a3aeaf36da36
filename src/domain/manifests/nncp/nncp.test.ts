import { describe, expect, it } from 'vitest';
import { type NNCPForm, buildNNCPManifest, emptyNNCPForm, parseTrunkVlans } from './nncp';
import { validateNNCP } from './nncpValidate';
import { aCluster, aNodeState, aWorker, anNNCP, brEx, codes, eth } from '../../testing/manifests';

const anNNCPForm = (kind: NNCPForm['kind'], over: Partial<NNCPForm> = {}): NNCPForm => ({
  ...emptyNNCPForm(kind),
  name: 'br1-policy',
  ...(kind === 'linux-bridge' || kind === 'ovs-bridge' ? { interfaceName: 'br1', nic: 'ens4' } : {}),
  ...(kind === 'vlan' ? { nic: 'ens4', vlanId: 100 } : {}),
  ...(kind === 'bond'
    ? { bond: { name: 'bond1', ports: ['ens4', 'ens5'], mode: 'active-backup' as const } }
    : {}),
  ...(kind === 'ovs-bridge' || kind === 'br-ex-mapping' ? { physicalNetworkName: 'physnet' } : {}),
  ...over,
});

const twoWorkers = () =>
  aCluster({
    nodes: [
      { name: 'w1', labels: { 'node-role.kubernetes.io/worker': '' } },
      { name: 'w2', labels: { 'node-role.kubernetes.io/worker': '' } },
      { name: 'm1', labels: { 'node-role.kubernetes.io/master': '' } },
    ],
    nodeStates: [
      aWorker('w1', [eth('ens5')]),
      aWorker('w2', [eth('ens5')]),
      // The master lacks ens4, but it is not selected.
      aNodeState('m1', [...brEx('ens3'), eth('ens3')]),
    ],
  });

const errors = (form: NNCPForm, ctx = twoWorkers()) => codes(validateNNCP(form, ctx), 'error');

describe('validateNNCP', () => {
  it.each([
    ['linux bridge over a NIC', anNNCPForm('linux-bridge')],
    [
      'linux bridge with VLAN filtering',
      anNNCPForm('linux-bridge', { vlanFiltering: true, trunkVlans: '100, 200-299' }),
    ],
    [
      'linux bridge over a bond',
      anNNCPForm('linux-bridge', {
        uplinkType: 'bond',
        bond: { name: 'bond1', ports: ['ens4', 'ens5'], mode: '802.3ad', options: { miimon: '100' } },
      }),
    ],
    ['vlan', anNNCPForm('vlan', { mtu: 9000 })],
    ['bond', anNNCPForm('bond', { mtu: 9000 })],
    ['ovs bridge with mapping', anNNCPForm('ovs-bridge')],
    ['mapping onto br-ex', anNNCPForm('br-ex-mapping')],
    ['maxUnavailable count', anNNCPForm('linux-bridge', { maxUnavailable: '1' })],
    ['maxUnavailable percent', anNNCPForm('linux-bridge', { maxUnavailable: '100%' })],
  ])('valid: %s', (_, form) => {
    expect(errors(form)).toEqual([]);
  });

  it.each([
    ['name', anNNCPForm('linux-bridge', { name: 'Br1' }), ['dns1123-subdomain@name']],
    [
      'bridge name > 15 characters',
      anNNCPForm('linux-bridge', { interfaceName: 'a-very-long-bridge' }),
      ['bridge-name@interfaceName'],
    ],
    [
      'bridge exists on a node',
      anNNCPForm('linux-bridge', { interfaceName: 'ens5' }),
      ['iface-exists@interfaceName'],
    ],
    ['NIC behind br-ex', anNNCPForm('linux-bridge', { nic: 'ens3' }), ['nic-is-machine-network@nic']],
    ['NIC missing on a node', anNNCPForm('linux-bridge', { nic: 'ens9' }), ['nic-missing@nic']],
    ['NIC required', anNNCPForm('linux-bridge', { nic: '' }), ['required@nic']],
    [
      'bad trunk',
      anNNCPForm('linux-bridge', { vlanFiltering: true, trunkVlans: '100-4095' }),
      ['vlan-trunk@trunkVlans'],
    ],
    ['VLAN id missing', anNNCPForm('vlan', { vlanId: undefined }), ['required@vlanId']],
    ['VLAN id 4095', anNNCPForm('vlan', { vlanId: 4095 }), ['vlan-range@vlanId']],
    ['VLAN over the br-ex NIC', anNNCPForm('vlan', { nic: 'ens3' }), ['nic-is-machine-network@nic']],
    [
      'bond without ports',
      anNNCPForm('bond', { bond: { name: 'bond1', ports: [], mode: 'active-backup' } }),
      ['required@bond.ports'],
    ],
    [
      'bond port twice',
      anNNCPForm('bond', { bond: { name: 'bond1', ports: ['ens4', 'ens4'], mode: 'active-backup' } }),
      ['nic-duplicate@bond.ports[1]'],
    ],
    [
      'bond port behind br-ex',
      anNNCPForm('bond', { bond: { name: 'bond1', ports: ['ens3', 'ens4'], mode: 'active-backup' } }),
      ['nic-is-machine-network@bond.ports[0]'],
    ],
    [
      'bond unknown option',
      anNNCPForm('bond', {
        bond: { name: 'bond1', ports: ['ens4', 'ens5'], mode: 'active-backup', options: { foo: '1' } },
      }),
      ['bond-option@bond.options.foo'],
    ],
    [
      'bond numeric option',
      anNNCPForm('bond', {
        bond: { name: 'bond1', ports: ['ens4', 'ens5'], mode: 'active-backup', options: { miimon: 'fast' } },
      }),
      ['bond-option-value@bond.options.miimon'],
    ],
    [
      'bond bad mode',
      anNNCPForm('bond', { bond: { name: 'bond1', ports: ['ens4', 'ens5'], mode: 'slb' as never } }),
      ['bond-mode@bond.mode'],
    ],
    ['mtu above the NIC', anNNCPForm('linux-bridge', { mtu: 9200 }), ['mtu-above-uplink@mtu']],
    ['mtu on an OVS bridge', anNNCPForm('ovs-bridge', { mtu: 9000 }), ['field-not-allowed@mtu']],
    [
      'physical network required',
      anNNCPForm('ovs-bridge', { physicalNetworkName: '' }),
      ['required@physicalNetworkName'],
    ],
    [
      'node selector key',
      anNNCPForm('linux-bridge', { nodeSelector: { 'bad key': 'x' } }),
      ['qualified-name@nodeSelector.bad key'],
    ],
    [
      'maxUnavailable 0',
      anNNCPForm('linux-bridge', { maxUnavailable: '0' }),
      ['max-unavailable@maxUnavailable'],
    ],
    [
      'maxUnavailable 150%',
      anNNCPForm('linux-bridge', { maxUnavailable: '150%' }),
      ['max-unavailable@maxUnavailable'],
    ],
  ])('error: %s', (_, form, expected) => {
    expect(errors(form)).toEqual(expected);
  });

  it('reports a NIC already enslaved elsewhere, naming its controller', () => {
    const ctx = aCluster({ nodeStates: [aWorker('w1', [eth('ens5', 1500, { controller: 'bond0' })])] });
    expect(validateNNCP(anNNCPForm('linux-bridge', { nic: 'ens5' }), ctx)).toEqual([
      {
        field: 'nic',
        code: 'nic-in-use',
        severity: 'error',
        params: { nic: 'ens5', node: 'w1', controller: 'bond0' },
      },
    ]);
  });

  it.each([
    [
      'bond mode 0 under a bridge',
      anNNCPForm('linux-bridge', {
        uplinkType: 'bond',
        bond: { name: 'b1', ports: ['ens4', 'ens5'], mode: 'balance-rr' },
      }),
      ['bond-mode-vm@bond.mode'],
    ],
    [
      'single-port bond',
      anNNCPForm('bond', { bond: { name: 'b1', ports: ['ens4'], mode: 'active-backup' } }),
      ['bond-single-port@bond.ports'],
    ],
    [
      'selector matches no node',
      anNNCPForm('linux-bridge', { nodeSelector: { gpu: 'yes' } }),
      ['node-selector-no-nodes@nodeSelector'],
    ],
  ])('warning: %s', (_, form, expected) => {
    expect(codes(validateNNCP(form, twoWorkers()), 'warning')).toEqual(expected);
  });

  it('warns when the physical network is mapped to another bridge by another policy', () => {
    const ctx = aCluster({ nncps: [anNNCP('other', [{ localnet: 'physnet', bridge: 'br-ex' }])] });
    expect(codes(validateNNCP(anNNCPForm('ovs-bridge'), ctx), 'warning')).toEqual([
      'bridge-mapping-duplicate@physicalNetworkName',
    ]);
  });
});

describe('parseTrunkVlans', () => {
  it.each([
    ['', [{ 'id-range': { min: 2, max: 4094 } }]],
    ['100', [{ id: 100 }]],
    ['100,200-299', [{ id: 100 }, { 'id-range': { min: 200, max: 299 } }]],
    ['0', undefined],
    ['300-200', undefined],
    ['1-4095', undefined],
    ['a', undefined],
  ])('%j', (text, tags) => {
    expect(parseTrunkVlans(text)).toEqual(tags);
  });
});

describe('buildNNCPManifest', () => {
  it('builds a Linux bridge over a bond with VLAN filtering, STP off, no IP', () => {
    const form = anNNCPForm('linux-bridge', {
      uplinkType: 'bond',
      bond: { name: 'bond1', ports: ['ens4', 'ens5'], mode: 'active-backup', options: { miimon: '100' } },
      vlanFiltering: true,
      trunkVlans: '100',
      maxUnavailable: '3',
    });
    const noIP = { ipv4: { enabled: false }, ipv6: { enabled: false } };
    expect(buildNNCPManifest(form).spec).toEqual({
      nodeSelector: { 'node-role.kubernetes.io/worker': '' },
      maxUnavailable: 3,
      desiredState: {
        interfaces: [
          {
            name: 'bond1',
            type: 'bond',
            state: 'up',
            ...noIP,
            'link-aggregation': { mode: 'active-backup', options: { miimon: '100' }, port: ['ens4', 'ens5'] },
          },
          {
            name: 'br1',
            type: 'linux-bridge',
            state: 'up',
            ...noIP,
            bridge: {
              options: { stp: { enabled: false } },
              port: [{ name: 'bond1', vlan: { mode: 'trunk', 'trunk-tags': [{ id: 100 }] } }],
            },
          },
        ],
      },
    });
  });

  it('names a VLAN interface <base>.<id> by default', () => {
    expect(buildNNCPManifest(anNNCPForm('vlan')).spec.desiredState.interfaces?.[0]).toMatchObject({
      name: 'ens4.100',
      type: 'vlan',
      vlan: { 'base-iface': 'ens4', id: 100 },
    });
  });

  it('builds an OVS bridge with the OVN bridge mapping', () => {
    const state = buildNNCPManifest(anNNCPForm('ovs-bridge')).spec.desiredState;
    expect([state.interfaces?.[0]?.type, state.interfaces?.[0]?.bridge?.port, state.ovn]).toEqual([
      'ovs-bridge',
      [{ name: 'ens4' }],
      { 'bridge-mappings': [{ localnet: 'physnet', bridge: 'br1', state: 'present' }] },
    ]);
  });

  it('maps onto br-ex without creating interfaces', () => {
    expect(buildNNCPManifest(anNNCPForm('br-ex-mapping')).spec.desiredState).toEqual({
      ovn: { 'bridge-mappings': [{ localnet: 'physnet', bridge: 'br-ex', state: 'present' }] },
    });
  });
});
