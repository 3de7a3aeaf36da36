import { describe, expect, it } from 'vitest';
import type { VM } from '../kube/vm';
import { aVM, anInterfaceForm } from '../testing/fixtures';
import { applyPatch, PatchTestFailed } from '../testing/jsonPatch';
import { formFromVM } from './form';
import { addInterfacePatch, editInterfacePatch, removeInterfacePatch, setLinkStatePatch } from './patch';

const form = anInterfaceForm;
const tpl = (vm: VM) => vm.spec.template.spec;

describe('addInterfacePatch', () => {
  it('appends the interface and the network, guarded by resourceVersion', () => {
    const vm = aVM({ nics: ['default'], resourceVersion: '42' });
    const ops = addInterfacePatch(vm, form({ macAddress: '02-AA-BB-CC-DD-EE' }));
    expect(ops[0]).toEqual({ op: 'test', path: '/metadata/resourceVersion', value: '42' });
    const after = applyPatch(vm, ops);
    expect(tpl(after).domain.devices.interfaces).toEqual([
      { name: 'default', masquerade: {} },
      { name: 'nic2', bridge: {}, model: 'virtio', macAddress: '02:aa:bb:cc:dd:ee' },
    ]);
    expect(tpl(after).networks).toEqual([
      { name: 'default', pod: {} },
      { name: 'nic2', multus: { networkName: 'br-net' } },
    ]);
  });

  it.each([
    [
      'NAD in another namespace keeps its prefix',
      'default/br',
      { name: 'nic2', multus: { networkName: 'default/br' } },
    ],
    ['pod network', 'pod', { name: 'nic2', pod: {} }],
    ['primary UDN is the pod network', 'primary-udn', { name: 'nic2', pod: {} }],
  ])('%s', (_, networkId, net) => {
    const after = applyPatch(
      aVM({ nics: ['default'] }),
      addInterfacePatch(aVM({ nics: ['default'] }), form({ networkId })),
    );
    expect(tpl(after).networks?.[1]).toEqual(net);
  });

  it.each([
    ['passt', { passtBinding: {} }],
    ['l2bridge', { binding: { name: 'l2bridge' } }],
    ['sriov', { sriov: {} }],
    ['masquerade', { masquerade: {} }],
  ])('binding %s', (binding, expected) => {
    const vm = aVM({ nics: ['default'] });
    const iface = tpl(applyPatch(vm, addInterfacePatch(vm, form({ binding })))).domain.devices
      .interfaces?.[1];
    expect(iface).toEqual({ name: 'nic2', model: 'virtio', ...expected });
  });

  it('creates missing arrays', () => {
    const vm = aVM({ nics: [] });
    delete vm.spec.template.spec.domain.devices.interfaces;
    delete vm.spec.template.spec.networks;
    vm.spec.template.spec.domain.devices.autoattachPodInterface = false;
    const after = applyPatch(vm, addInterfacePatch(vm, form()));
    expect(tpl(after).domain.devices.interfaces?.map((i) => i.name)).toEqual(['nic2']);
    expect(tpl(after).networks?.map((n) => n.name)).toEqual(['nic2']);
  });

  it('VM relying on the implicit pod interface keeps it, written out', () => {
    const vm = aVM({ noNetworkArrays: true });
    const after = applyPatch(vm, addInterfacePatch(vm, form()));
    expect(tpl(after).domain.devices.interfaces?.map((i) => i.name)).toEqual(['default', 'nic2']);
    expect(tpl(after).networks?.[0]).toEqual({ name: 'default', pod: {} });
  });

  it('a concurrent change makes the patch fail instead of being lost', () => {
    const vm = aVM({ resourceVersion: '1' });
    const ops = addInterfacePatch(vm, form());
    expect(() => applyPatch({ ...vm, metadata: { ...vm.metadata, resourceVersion: '2' } }, ops)).toThrow(
      PatchTestFailed,
    );
  });

  it.each([
    [
      'no networkData yet: DHCP for the primary NIC is kept',
      undefined,
      'version: 2\nethernets:\n  eth0:\n    dhcp4: true\n    dhcp6: true\n  nic2:\n    match:\n      macaddress: 02:00:00:00:00:02\n    addresses:\n      - 10.10.0.5/24\n',
    ],
    [
      'existing v2 networkData: entry added, rest kept',
      'version: 2\n# ours\nethernets:\n  eth0:\n    dhcp4: true\n',
      'version: 2\n# ours\nethernets:\n  eth0:\n    dhcp4: true\n  nic2:\n    match:\n      macaddress: 02:00:00:00:00:02\n    addresses:\n      - 10.10.0.5/24\n',
    ],
  ])('static IP: %s', (_, networkData, expected) => {
    const vm = aVM({
      nics: ['default'],
      volumes: [{ name: 'ci', cloudInitNoCloud: { userData: '#cloud-config', networkData } }],
    });
    const after = applyPatch(
      vm,
      addInterfacePatch(vm, form({ staticIp: '10.10.0.5/24', macAddress: '02:00:00:00:00:02' })),
    );
    expect(tpl(after).volumes?.[0]?.cloudInitNoCloud?.networkData).toBe(expected);
    expect(tpl(after).volumes?.[0]?.cloudInitNoCloud?.userData).toBe('#cloud-config');
  });

  it('static IP without MAC is keyed by the guest name', () => {
    const vm = aVM({
      nics: ['default'],
      volumes: [{ name: 'ci', cloudInitConfigDrive: { networkData: 'version: 2\nethernets: {}\n' } }],
    });
    const after = applyPatch(vm, addInterfacePatch(vm, form({ staticIp: 'fd00::5/64', guestName: 'eth1' })));
    expect(tpl(after).volumes?.[0]?.cloudInitConfigDrive?.networkData).toBe(
      'version: 2\nethernets: { eth1: { addresses: [ fd00::5/64 ] } }\n',
    );
  });

  it.each([
    [
      'secret networkData is not rewritten',
      { name: 'ci', cloudInitNoCloud: { networkDataSecretRef: { name: 's' } } },
    ],
    [
      'v1 networkData is not rewritten',
      { name: 'ci', cloudInitNoCloud: { networkData: 'version: 1\nconfig: []\n' } },
    ],
  ])('%s', (_, volume) => {
    const vm = aVM({ nics: ['default'], volumes: [volume] });
    const ops = addInterfacePatch(vm, form({ staticIp: '10.0.0.5/24', macAddress: '02:00:00:00:00:02' }));
    expect(ops.some((o) => o.path.includes('/volumes/'))).toBe(false);
  });
});

describe('editInterfacePatch', () => {
  it('replaces binding/model/MAC/network and keeps fields the form does not own', () => {
    const vm = aVM({ nics: ['default', 'nic1'] });
    const nic1 = tpl(vm).domain.devices.interfaces?.[1];
    if (nic1) Object.assign(nic1, { bootOrder: 2, pciAddress: '0000:81:01.0' });
    const before = formFromVM(vm, 'nic1');
    expect(before).toEqual({ name: 'nic1', networkId: 'ns1/nic1-net', binding: 'bridge', model: 'virtio' });
    const ops = editInterfacePatch(vm, {
      ...form({ name: 'nic1', networkId: 'default/other' }),
      model: 'e1000e',
      linkState: 'down',
    });
    const after = applyPatch(vm, ops);
    expect(tpl(after).domain.devices.interfaces?.[1]).toEqual({
      name: 'nic1',
      bridge: {},
      model: 'e1000e',
      state: 'down',
      bootOrder: 2,
      pciAddress: '0000:81:01.0',
    });
    expect(tpl(after).networks?.[1]).toEqual({ name: 'nic1', multus: { networkName: 'default/other' } });
  });

  it('fails if the interface was changed meanwhile (even with the same resourceVersion)', () => {
    const vm = aVM({ nics: ['default', 'nic1'] });
    const ops = editInterfacePatch(vm, form({ name: 'nic1' }));
    const changed = structuredClone(vm);
    const nic = tpl(changed).domain.devices.interfaces?.[1];
    if (nic) nic.model = 'e1000';
    expect(() => applyPatch(changed, ops)).toThrow(PatchTestFailed);
  });

  it('unknown interface: no ops', () => {
    expect(editInterfacePatch(aVM({}), form({ name: 'nope' }))).toEqual([]);
  });
});

describe('removeInterfacePatch', () => {
  const vm3 = () =>
    aVM({ nics: ['default', 'nic1', { name: 'sr', network: 'sriov-net', binding: 'sriov' }] });
  it.each<{
    what: string;
    vm: VM;
    name: string;
    running: boolean;
    mode: 'absent' | 'removed';
    needsRestart: boolean;
    /** Interfaces (and networks) left in the spec. */
    left: string[];
    state?: string;
  }>([
    {
      what: 'running + bridge on a NAD: hot-unplug (state absent)',
      vm: aVM({ nics: ['default', 'nic1'] }),
      name: 'nic1',
      running: true,
      mode: 'absent',
      needsRestart: false,
      left: ['default', 'nic1'],
      state: 'absent',
    },
    {
      what: 'running + masquerade: removed, restart needed',
      vm: aVM({ nics: ['default', 'nic1'] }),
      name: 'default',
      running: true,
      mode: 'removed',
      needsRestart: true,
      left: ['nic1'],
    },
    {
      what: 'stopped + bridge: removed',
      vm: aVM({ nics: ['default', 'nic1'] }),
      name: 'nic1',
      running: false,
      mode: 'removed',
      needsRestart: false,
      left: ['default'],
    },
    {
      what: 'running + sriov: removed, restart needed',
      vm: vm3(),
      name: 'sr',
      running: true,
      mode: 'removed',
      needsRestart: true,
      left: ['default', 'nic1'],
    },
    {
      // Issue #14 point 7: KubeVirt refuses `state: absent` on the pod network (hotplug.ts).
      what: 'running + bridge on the pod network: removed from the spec, restart needed (no state: absent)',
      vm: aVM({ nics: [{ name: 'default', network: 'pod', binding: 'bridge' }, 'nic1'] }),
      name: 'default',
      running: true,
      mode: 'removed',
      needsRestart: true,
      left: ['nic1'],
    },
    {
      what: 'running + no binding written on a NAD: removed (absent needs the bridge binding written)',
      vm: aVM({ nics: ['default', { name: 'nic1', network: 'nic1-net', binding: 'none' }] }),
      name: 'nic1',
      running: true,
      mode: 'removed',
      needsRestart: true,
      left: ['default'],
    },
  ])('$what', ({ vm, name, running, mode, needsRestart, left, state }) => {
    const plan = removeInterfacePatch(vm, name, { running });
    expect({ mode: plan.mode, needsRestart: plan.needsRestart }).toEqual({ mode, needsRestart });
    const after = applyPatch(vm, plan.ops);
    expect(tpl(after).domain.devices.interfaces?.map((i) => i.name)).toEqual(left);
    expect(tpl(after).networks?.map((n) => n.name)).toEqual(left);
    expect(tpl(after).domain.devices.interfaces?.find((i) => i.name === name)?.state).toBe(state);
  });

  it('removing the implicit pod interface turns auto-attach off', () => {
    const vm = aVM({ noNetworkArrays: true });
    const plan = removeInterfacePatch(vm, 'default', { running: false });
    expect(tpl(applyPatch(vm, plan.ops)).domain.devices.autoattachPodInterface).toBe(false);
  });

  it('drops the static IP entry written for the interface', () => {
    const vm = aVM({
      nics: ['default', 'nic1'],
      volumes: [
        {
          name: 'ci',
          cloudInitNoCloud: {
            networkData:
              'version: 2\nethernets:\n  eth0:\n    dhcp4: true\n  nic1:\n    addresses: [10.0.0.5/24]\n',
          },
        },
      ],
    });
    const after = applyPatch(vm, removeInterfacePatch(vm, 'nic1', { running: false }).ops);
    expect(tpl(after).volumes?.[0]?.cloudInitNoCloud?.networkData).toBe(
      'version: 2\nethernets:\n  eth0:\n    dhcp4: true\n',
    );
  });
});

describe('setLinkStatePatch', () => {
  it.each([
    ['down', 'down'],
    ['up', 'up'],
  ] as const)('%s', (state, expected) => {
    const vm = aVM({ nics: ['default', 'nic1'] });
    expect(
      tpl(applyPatch(vm, setLinkStatePatch(vm, 'nic1', state))).domain.devices.interfaces?.[1]?.state,
    ).toBe(expected);
  });

  it.each([
    ['unknown interface', 'x'],
    ['absent interface', 'gone'],
  ])('%s: no ops', (_, name) => {
    const vm = aVM({ nics: ['default', { name: 'gone', network: 'n', state: 'absent' }] });
    expect(setLinkStatePatch(vm, name, 'down')).toEqual([]);
  });
});
