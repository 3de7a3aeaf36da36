import { describe, expect, it } from 'vitest';
import type { NodeNetworkState } from '../kube/networks';
import {
  distinct,
  filterRows,
  nodeStateRows,
  topologyHref,
  type HostInterfaceRow,
  type NodeStateFilters,
} from './nodeState';

const nns = (name: string, currentState: unknown): NodeNetworkState =>
  ({
    apiVersion: 'nmstate.io/v1beta1',
    kind: 'NodeNetworkState',
    metadata: { name },
    status: { currentState },
  }) as NodeNetworkState;

const worker0 = nns('worker-0', {
  interfaces: [
    { name: 'lo', type: 'loopback', state: 'up', mtu: 65536 },
    {
      name: 'ens3',
      type: 'ethernet',
      state: 'up',
      mtu: 1500,
      'mac-address': '52:54:00:00:00:03',
      controller: 'br-ex',
      lldp: {
        enabled: true,
        neighbors: [
          [
            { type: 5, 'system-name': 'tor-switch-1' },
            { type: 1, 'chassis-id': '00:01:30:F9:AD:A0', 'chassis-id-type': 4 },
            { type: 2, 'port-id': 'Ethernet1/7', 'port-id-type': 5 },
          ],
        ],
      },
    },
    {
      name: 'br-ex',
      type: 'ovs-bridge',
      state: 'up',
      bridge: { port: [{ name: 'br-ex' }, { name: 'ens3' }] },
    },
    {
      name: 'br-ex',
      type: 'ovs-interface',
      state: 'up',
      ipv4: { enabled: true, address: [{ ip: '192.168.122.10', 'prefix-length': 24 }] },
      ipv6: { enabled: true, address: [{ ip: 'fd00::10', 'prefix-length': 64 }] },
    },
    { name: 'ens4', type: 'ethernet', state: 'down', 'mac-address': '52:54:00:00:00:04' },
    { name: 'br1', type: 'linux-bridge', state: 'up', bridge: { port: [{ name: 'ens4' }] } },
    { name: 'ens5.100', type: 'vlan', state: 'up', vlan: { 'base-iface': 'ens5', id: 100 } },
    {
      name: 'bond0',
      type: 'bond',
      state: 'up',
      'link-aggregation': { mode: 'active-backup', port: ['ens6', 'ens7'] },
    },
    {
      name: 'ens1f0',
      type: 'ethernet',
      state: 'up',
      ethernet: { 'sr-iov': { 'total-vfs': 8, vfs: [{ id: 0 }, { id: 1 }] } },
    },
    { name: 'ovs-br1', type: 'ovs-bridge', state: 'up', bridge: { port: [{ name: 'ens8' }] } },
  ],
  ovn: {
    'bridge-mappings': [
      { localnet: 'physnet', bridge: 'br-ex' },
      { localnet: 'physnet-ext', bridge: 'ovs-br1' },
      { localnet: 'gone', bridge: 'ovs-br1', state: 'absent' },
    ],
  },
});

const worker10 = nns('worker-10', {
  interfaces: [{ name: 'ens3', type: 'ethernet', state: 'up', 'mac-address': '52:54:00:00:0A:03' }],
});
const worker2 = nns('worker-2', { interfaces: [{ name: 'ens3', type: 'ethernet', state: 'up' }] });

const rows = nodeStateRows([worker10, worker0, worker2]);
const row = (node: string, type: string, name: string): HostInterfaceRow => {
  const r = rows.find((x) => x.node === node && x.type === type && x.name === name);
  if (!r) throw new Error(`no row ${node} ${type} ${name}`);
  return r;
};
const none: NodeStateFilters = { nodes: [], types: [], states: [], search: '' };

describe('nodeStateRows', () => {
  it('lists every interface of every node, nodes in natural order, ids as the topology graph has them', () => {
    expect(rows.filter((r) => r.name === 'ens3').map((r) => r.node)).toEqual([
      'worker-0',
      'worker-2',
      'worker-10',
    ]);
    expect(row('worker-0', 'ethernet', 'ens3').id).toBe('if:worker-0:ethernet:ens3');
    // An OVS bridge and its internal port of one name are two rows.
    expect(rows.filter((r) => r.node === 'worker-0' && r.name === 'br-ex').map((r) => r.type)).toEqual([
      'ovs-bridge',
      'ovs-interface',
    ]);
  });

  it('reads MTU, MAC, addresses, bond, bridge, VLAN, controller, SR-IOV and LLDP', () => {
    expect(row('worker-0', 'ethernet', 'ens3')).toMatchObject({
      mtu: 1500,
      mac: '52:54:00:00:00:03',
      controller: 'br-ex',
      lldp: [{ system: 'tor-switch-1', port: 'Ethernet1/7', chassis: '00:01:30:F9:AD:A0' }],
    });
    expect(row('worker-0', 'ovs-interface', 'br-ex')).toMatchObject({
      ipv4: ['192.168.122.10/24'],
      ipv6: ['fd00::10/64'],
    });
    expect(row('worker-0', 'bond', 'bond0')).toMatchObject({
      bondMode: 'active-backup',
      bondPorts: ['ens6', 'ens7'],
    });
    expect(row('worker-0', 'linux-bridge', 'br1').bridgePorts).toEqual(['ens4']);
    expect(row('worker-0', 'vlan', 'ens5.100').vlan).toEqual({ base: 'ens5', id: 100 });
    expect(row('worker-0', 'ethernet', 'ens1f0').sriov).toEqual({ totalVfs: 8, vfs: 2 });
    expect(row('worker-0', 'ethernet', 'ens4').sriov).toBeUndefined();
  });

  it('gives each OVS bridge its present OVN bridge mappings, and nothing to other types', () => {
    expect(row('worker-0', 'ovs-bridge', 'ovs-br1').bridgeMappings).toEqual(['physnet-ext']);
    expect(row('worker-0', 'ovs-bridge', 'br-ex').bridgeMappings).toEqual(['physnet']);
    expect(row('worker-0', 'ovs-interface', 'br-ex').bridgeMappings).toEqual([]);
  });

  it('skips entries without a name and survives fields of the wrong shape', () => {
    const odd = nodeStateRows([
      nns('n', {
        interfaces: [
          { type: 'ethernet' },
          {
            name: 'x',
            type: 'bond',
            mtu: 'big',
            'link-aggregation': { port: 'ens6' },
            lldp: { neighbors: 'no' },
          },
          null,
        ],
        ovn: { 'bridge-mappings': 'none' },
      }),
      nns('empty', undefined),
    ]);
    expect(odd).toHaveLength(1);
    expect(odd[0]).toMatchObject({ name: 'x', mtu: undefined, bondPorts: [], lldp: [] });
  });
});

describe('filterRows', () => {
  const names = (f: Partial<typeof none>) =>
    filterRows(rows, { ...none, ...f }).map((r) => `${r.node}/${r.name}`);

  it('returns the same list when nothing filters', () => {
    expect(filterRows(rows, none)).toBe(rows);
  });

  it('filters by node, type and state together', () => {
    expect(names({ nodes: ['worker-0'], types: ['ethernet'], states: ['down'] })).toEqual(['worker-0/ens4']);
    expect(names({ types: ['bond'] })).toEqual(['worker-0/bond0']);
  });

  it('searches names, MACs in any notation and IPs', () => {
    expect(names({ search: 'BOND' })).toEqual(['worker-0/bond0']);
    expect(names({ search: '52-54-00-00-0a-03' })).toEqual(['worker-10/ens3']);
    expect(names({ search: '5254.0000.0004' })).toEqual(['worker-0/ens4']);
    expect(names({ search: '192.168.122' })).toEqual(['worker-0/br-ex']);
    expect(names({ search: 'fd00::' })).toEqual(['worker-0/br-ex']);
    expect(names({ search: 'nothing-like-this' })).toEqual([]);
  });

  it('offers the distinct nodes, types and states', () => {
    expect(distinct(rows, 'node')).toEqual(['worker-0', 'worker-2', 'worker-10']);
    expect(distinct(rows, 'state')).toEqual(['down', 'up']);
  });
});

describe('topologyHref', () => {
  it('selects the interface on its node, encoding hostile names', () => {
    const href = topologyHref({ node: 'n&sel=x', id: 'if:n&sel=x:ethernet:a#b', onGraph: true });
    const url = new URL(href, 'http://h');
    expect(url.pathname).toBe('/vm-network-topology/all-namespaces');
    expect(url.searchParams.getAll('node')).toEqual(['n&sel=x']);
    expect(url.searchParams.getAll('sel')).toEqual(['if:n&sel=x:ethernet:a#b']);
  });

  it('selects the node for an interface the graph does not draw', () => {
    const href = topologyHref(row('worker-0', 'loopback', 'lo'));
    expect(new URL(href, 'http://h').searchParams.get('sel')).toBe('node:worker-0');
  });
});
