import { describe, expect, it } from 'vitest';
import { chooseNetwork, platformOf, type ChooserAnswers } from './chooser';

const first = (a: ChooserAnswers) => chooseNetwork(a).recommended[0];
const options = (a: ChooserAnswers) => chooseNetwork(a).recommended.map((r) => r.option);
const ruledOut = (a: ChooserAnswers) =>
  Object.fromEntries(chooseNetwork(a).ruledOut.map((r) => [r.option, r.why.text]));

describe('chooseNetwork', () => {
  const cases: { name: string; answers: ChooserAnswers; option: string; kind?: string }[] = [
    { name: 'nothing answered: the pod network', answers: {}, option: 'pod-service', kind: undefined },
    {
      name: 'bare metal, the physical network, one namespace: a localnet NAD',
      answers: { platform: 'bare-metal', reach: 'physical', scope: 'one-namespace' },
      option: 'localnet',
      kind: 'nad-localnet',
    },
    {
      name: 'several namespaces on the physical network: a localnet CUDN',
      answers: { platform: 'bare-metal', reach: 'physical', scope: 'several-namespaces', vlan: true },
      option: 'localnet',
      kind: 'cudn-localnet',
    },
    {
      name: 'public cloud and the physical network: a layer2 UDN instead',
      answers: { platform: 'public-cloud', reach: 'physical', scope: 'one-namespace' },
      option: 'primary-udn',
      kind: 'udn-layer2',
    },
    {
      name: 'VMs talk only to each other across namespaces: a secondary layer2 CUDN',
      answers: { reach: 'vms-only', scope: 'several-namespaces' },
      option: 'secondary-overlay',
      kind: 'cudn-layer2',
    },
    {
      name: 'services with persistent IPs: a primary layer2 UDN',
      answers: { reach: 'services', persistentIps: true },
      option: 'primary-udn',
      kind: 'udn-layer2',
    },
    {
      name: 'DPDK on bare metal: SR-IOV',
      answers: { platform: 'bare-metal', performance: 'dpdk', reach: 'physical' },
      option: 'sriov',
      kind: 'sriov-policy',
    },
  ];
  it.each(cases)('$name', ({ answers, option, kind }) => {
    expect(first(answers)?.option).toBe(option);
    expect(first(answers)?.kind).toBe(kind);
  });

  it('public clouds rule out the underlay and SR-IOV, saying why', () => {
    expect(ruledOut({ platform: 'public-cloud' })).toEqual({
      localnet: 'Public clouds give VMs no physical underlay',
      'linux-bridge': 'Public clouds give VMs no physical underlay',
      sriov: 'SR-IOV needs bare metal or Red Hat OpenStack Platform',
    });
  });

  it('IPv6 single stack leaves localnet and Linux bridge (Technology Preview) only', () => {
    expect(options({ ipv6SingleStack: true, platform: 'bare-metal', reach: 'physical' })).toEqual([
      'localnet',
      'linux-bridge',
      'sriov',
    ]);
    expect(first({ ipv6SingleStack: true, reach: 'physical' })?.limits.map((l) => l.text)).toContain(
      'Technology Preview on IPv6 single-stack clusters',
    );
  });

  it('line-rate traffic on a public cloud has no answer, and every option says why', () => {
    const r = chooseNetwork({ platform: 'public-cloud', performance: 'line-rate' });
    expect(r.recommended).toEqual([]);
    expect(r.ruledOut.map((o) => o.option).sort()).toEqual(
      ['linux-bridge', 'localnet', 'pod-service', 'primary-udn', 'secondary-overlay', 'sriov'].sort(),
    );
  });

  it('a VLAN rules out the overlays', () => {
    expect(ruledOut({ vlan: true })).toMatchObject({
      'secondary-overlay': 'No VLAN on an overlay: the VLAN belongs to the physical network',
      'primary-udn': 'No VLAN on an overlay: the VLAN belongs to the physical network',
    });
  });

  it('hot-plug limits: a primary network never, bridge binding networks with virtio', () => {
    const r = chooseNetwork({ reach: 'vms-only' });
    const limits = Object.fromEntries(r.recommended.map((x) => [x.option, x.limits.map((l) => l.text)]));
    expect(limits['primary-udn']).toContain('Cannot be hot-plugged: it is the VM pod interface');
    expect(limits['secondary-overlay']).toContain(
      'Can be hot-plugged with the bridge binding and a virtio model',
    );
  });
});

describe('platformOf', () => {
  it.each([
    ['BareMetal', 'bare-metal'],
    ['None', 'bare-metal'],
    ['AWS', 'public-cloud'],
    ['Azure', 'public-cloud'],
    ['External', 'public-cloud'],
    ['OpenStack', 'openstack'],
    ['VSphere', 'other'],
    [undefined, undefined],
  ])('%s → %s', (type, platform) => expect(platformOf(type)).toBe(platform));
});
