import { describe, expect, it } from 'vitest';
import type { NetworkAttachmentDefinition } from '../kube/networks';
import { nadTypeOf, primaryUdnNamespaces } from './nadTypes';

const nad = (namespace: string, name: string, config: unknown): NetworkAttachmentDefinition => ({
  apiVersion: 'k8s.cni.cncf.io/v1',
  kind: 'NetworkAttachmentDefinition',
  metadata: { namespace, name },
  spec: { config: typeof config === 'string' ? config : JSON.stringify(config) },
});

describe('nadTypeOf', () => {
  it.each([
    ['linux bridge', { type: 'bridge', bridge: 'br1' }, 'bridge'],
    ['cnv-bridge', { type: 'cnv-bridge', bridge: 'br1' }, 'bridge'],
    [
      'plugin list typed by its first plugin',
      { plugins: [{ type: 'cnv-bridge' }, { type: 'tuning' }] },
      'bridge',
    ],
    ['sriov', { type: 'sriov', vlan: 0 }, 'sriov'],
    ['ovn layer2', { type: 'ovn-k8s-cni-overlay', topology: 'layer2' }, 'ovn-layer2'],
    ['ovn localnet', { type: 'ovn-k8s-cni-overlay', topology: 'localnet' }, 'ovn-localnet'],
    ['ovn layer3', { type: 'ovn-k8s-cni-overlay', topology: 'layer3' }, 'ovn-layer3'],
    ['ovn primary UDN', { type: 'ovn-k8s-cni-overlay', topology: 'layer2', role: 'primary' }, 'ovn-primary'],
    ['macvlan', { type: 'macvlan' }, 'other'],
    ['config that is not JSON', '{not json', 'other'],
  ])('%s', (_, config, expected) => {
    expect(nadTypeOf(nad('ns', 'n', config))).toBe(expected);
  });
});

describe('primaryUdnNamespaces', () => {
  it('lists only namespaces holding a primary-role OVN-K NAD', () => {
    const set = primaryUdnNamespaces([
      nad('a', 'udn', { type: 'ovn-k8s-cni-overlay', topology: 'layer2', role: 'primary' }),
      nad('b', 'l2', { type: 'ovn-k8s-cni-overlay', topology: 'layer2', role: 'secondary' }),
      nad('c', 'br', { type: 'bridge' }),
    ]);
    expect([...set]).toEqual(['a']);
  });
});
