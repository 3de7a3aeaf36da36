import { describe, expect, it } from 'vitest';
import type { NMStateState } from '../kube/networks';
import type { TopologyGraph } from '../topology/types';
import type { BlastRadius } from './blastRadius';
import { overlayHighlight, overlayHref, overlayIds } from './overlay';

const radius: BlastRadius = {
  bridgeMappings: [{ localnet: 'physnet-ext', bridge: 'ovs-br1' }],
  networks: [
    { kind: 'ClusterUserDefinedNetwork', name: 'cudn-localnet', via: 'physnet-ext' },
    { kind: 'NetworkAttachmentDefinition', namespace: 'default', name: 'br1-vlan100', via: 'br1' },
  ],
  sriovPolicies: [],
  vms: [{ namespace: 'tenant-b', name: 'vm-1', network: 'cudn-localnet', node: 'w0', onSelectedNode: true }],
  removals: [
    {
      what: 'br1',
      users: ['default/br1-vlan100'],
      vms: [],
      change: 'port-taken',
      from: 'ens4',
      to: 'br-new',
    },
  ],
};
const desired: NMStateState = {
  interfaces: [{ name: 'br-new', type: 'linux-bridge', state: 'up', bridge: { port: [{ name: 'ens4' }] } }],
};
const current = new Map<string, NMStateState | undefined>([
  [
    'w0',
    {
      interfaces: [
        { name: 'ens4', type: 'ethernet', state: 'up' },
        { name: 'br1', type: 'linux-bridge', state: 'up' },
      ],
    },
  ],
]);

describe('the draft NNCP overlay on the topology graph', () => {
  it('names the touched interfaces by their reported type, the mappings, networks and VMs', () => {
    expect(overlayIds(radius, desired, ['w0'], current)).toEqual([
      'node:w0',
      'if:w0:linux-bridge:br-new',
      'if:w0:ethernet:ens4',
      'if:w0:linux-bridge:br1',
      'bm:w0:physnet-ext',
      'cudn:cudn-localnet',
      'nad:default/br1-vlan100',
      'vm:tenant-b/vm-1',
    ]);
  });

  it('carries the ids in the URL, encoded', () => {
    const href = overlayHref(['nad:default/a&b', 'vm:ns/x y']);
    expect(href).toBe('/vm-network-topology/all-namespaces?hl=nad%3Adefault%2Fa%26b&hl=vm%3Ans%2Fx+y');
    expect(new URLSearchParams(href.split('?')[1]).getAll('hl')).toEqual(['nad:default/a&b', 'vm:ns/x y']);
  });

  it('lights what the view draws, a grouped VM through its group, and the edges between lit elements', () => {
    // Only ids and ends matter here (the graph types carry more, and change with the topology work).
    const node = (id: string) => ({ id, kind: 'NetworkAttachmentDefinition', name: id });
    const g = {
      nodes: [
        node('nad:default/br1-vlan100'),
        node('if:w0:linux-bridge:br1'),
        node('vmgroup:tenant-b'),
        node('x'),
      ],
      edges: [
        { id: 'e1', source: 'nad:default/br1-vlan100', target: 'if:w0:linux-bridge:br1', kind: 'underlay' },
        { id: 'e2', source: 'x', target: 'if:w0:linux-bridge:br1', kind: 'underlay' },
      ],
    } as unknown as TopologyGraph;
    const h = overlayHighlight(g, [
      'nad:default/br1-vlan100',
      'if:w0:linux-bridge:br1',
      'vm:tenant-b/vm-1',
      'gone',
    ]);
    expect([...h.nodes]).toEqual(['nad:default/br1-vlan100', 'if:w0:linux-bridge:br1', 'vmgroup:tenant-b']);
    expect([...h.edges]).toEqual(['e1']);
  });
});
