import { describe, expect, it } from 'vitest';
import type { VM } from '../kube/vm';
import { aVM } from '../testing/fixtures';
import { applyPatch, PatchTestFailed } from '../testing/jsonPatch';
import type { InterfaceChange } from './conflict';
import { changePatch, diffInterfaces, rebasePatch } from './conflict';
import type { InterfaceForm } from './form';
import { formFromVM } from './form';

const base = aVM({ nics: ['default', 'nic1'], resourceVersion: '10' });
/** `base` after another user's edit, with a new resourceVersion (as the server would store it). */
const edited = (fn: (vm: VM) => void): VM => {
  const vm = structuredClone(base);
  fn(vm);
  vm.metadata.resourceVersion = '11';
  return vm;
};
const ifaces = (vm: VM) => vm.spec.template.spec.domain.devices.interfaces ?? [];
const nic1Form = (f: Partial<InterfaceForm>): InterfaceForm => ({
  ...(formFromVM(base, 'nic1') as InterfaceForm),
  ...f,
});
const added = (vm: VM, name: string) => {
  ifaces(vm).push({ name, bridge: {} });
  vm.spec.template.spec.networks?.push({ name, multus: { networkName: `${name}-net` } });
};

describe('diffInterfaces', () => {
  it.each<[string, (vm: VM) => void, ReturnType<typeof diffInterfaces>]>([
    ['nothing', () => undefined, { added: [], removed: [], changed: [], networkData: false }],
    ['added', (vm) => added(vm, 'nic9'), { added: ['nic9'], removed: [], changed: [], networkData: false }],
    [
      'removed',
      (vm) => {
        ifaces(vm).pop();
        vm.spec.template.spec.networks?.pop();
      },
      { added: [], removed: ['nic1'], changed: [], networkData: false },
    ],
    [
      'model + MAC + state',
      (vm) =>
        Object.assign(ifaces(vm)[1] ?? {}, {
          model: 'e1000e',
          macAddress: '02:00:00:00:00:01',
          state: 'down',
        }),
      {
        added: [],
        removed: [],
        changed: [{ name: 'nic1', fields: ['macAddress', 'model', 'state'] }],
        networkData: false,
      },
    ],
    [
      'binding + network',
      (vm) => {
        ifaces(vm)[1] = { name: 'nic1', sriov: {} };
        const net = vm.spec.template.spec.networks?.[1];
        if (net) net.multus = { networkName: 'sriov-net' };
      },
      {
        added: [],
        removed: [],
        changed: [{ name: 'nic1', fields: ['binding', 'network'] }],
        networkData: false,
      },
    ],
    [
      'explicit virtio model is not a change',
      (vm) => Object.assign(ifaces(vm)[1] ?? {}, { model: 'virtio' }),
      { added: [], removed: [], changed: [], networkData: false },
    ],
    [
      'networkData',
      (vm) => {
        vm.spec.template.spec.volumes = [{ name: 'ci', cloudInitNoCloud: { networkData: 'version: 2\n' } }];
      },
      { added: [], removed: [], changed: [], networkData: true },
    ],
  ])('%s', (_, fn, diff) => {
    expect(diffInterfaces(base, edited(fn))).toEqual(diff);
  });

  it('implicit pod interface written out explicitly is no change', () => {
    const implicit = aVM({ noNetworkArrays: true });
    expect(diffInterfaces(implicit, aVM({ nics: ['default'] }))).toEqual({
      added: [],
      removed: [],
      changed: [],
      networkData: false,
    });
  });
});

describe('rebasePatch: the 409 flow keeps both changes', () => {
  it('the stale patch really fails on the latest VM', () => {
    const latest = edited((vm) => added(vm, 'other'));
    const ops = changePatch(base, {
      kind: 'add',
      form: { name: 'mine', networkId: 'ns1/br', binding: 'bridge', model: 'virtio' },
    });
    expect(() => applyPatch(latest, ops)).toThrow(PatchTestFailed);
  });

  it('two users add different NICs: both end up in the spec', () => {
    const latest = edited((vm) => added(vm, 'other'));
    const change: InterfaceChange = {
      kind: 'add',
      form: { name: 'mine', networkId: 'ns1/br', binding: 'bridge', model: 'virtio' },
    };
    const res = rebasePatch(change, base, latest);
    expect(res.status).toBe('ok');
    expect(res.meanwhile.added).toEqual(['other']);
    const after = applyPatch(latest, res.status === 'ok' ? res.ops : []);
    expect(ifaces(after).map((i) => i.name)).toEqual(['default', 'nic1', 'other', 'mine']);
  });

  it('edits to different fields of the same NIC merge', () => {
    const latest = edited((vm) => Object.assign(ifaces(vm)[1] ?? {}, { macAddress: '02:00:00:00:00:77' }));
    const res = rebasePatch({ kind: 'edit', form: nic1Form({ model: 'e1000e' }) }, base, latest);
    expect(res.status).toBe('ok');
    const after = applyPatch(latest, res.status === 'ok' ? res.ops : []);
    expect(ifaces(after)[1]).toMatchObject({
      name: 'nic1',
      model: 'e1000e',
      macAddress: '02:00:00:00:00:77',
    });
  });

  it.each<[string, (vm: VM) => void, InterfaceChange, Record<string, unknown>]>([
    [
      'same field, different values: conflict',
      (vm) => Object.assign(ifaces(vm)[1] ?? {}, { model: 'rtl8139' }),
      { kind: 'edit', form: nic1Form({ model: 'e1000e' }) },
      { status: 'conflict', reason: 'same-field', name: 'nic1', fields: ['model'] },
    ],
    [
      'add with a name someone else just used',
      (vm) => added(vm, 'mine'),
      { kind: 'add', form: { name: 'mine', networkId: 'ns1/br', binding: 'bridge', model: 'virtio' } },
      { status: 'conflict', reason: 'name-taken', name: 'mine' },
    ],
    [
      'edit of a NIC someone removed',
      (vm) => {
        ifaces(vm).pop();
        vm.spec.template.spec.networks?.pop();
      },
      { kind: 'edit', form: nic1Form({ model: 'e1000e' }) },
      { status: 'conflict', reason: 'gone', name: 'nic1' },
    ],
    [
      'remove of a NIC someone already removed',
      (vm) => {
        ifaces(vm).pop();
        vm.spec.template.spec.networks?.pop();
      },
      { kind: 'remove', name: 'nic1', running: false },
      { status: 'noop' },
    ],
    [
      'remove of a NIC someone just edited',
      (vm) => Object.assign(ifaces(vm)[1] ?? {}, { model: 'e1000' }),
      { kind: 'remove', name: 'nic1', running: false },
      { status: 'conflict', reason: 'same-field', name: 'nic1', fields: ['model'] },
    ],
    [
      'link down when someone already set it down',
      (vm) => Object.assign(ifaces(vm)[1] ?? {}, { state: 'down' }),
      { kind: 'link', name: 'nic1', state: 'down' },
      { status: 'noop' },
    ],
    [
      'link up when someone set it down',
      (vm) => Object.assign(ifaces(vm)[1] ?? {}, { state: 'down' }),
      { kind: 'link', name: 'nic1', state: 'up' },
      { status: 'conflict', reason: 'same-field', fields: ['state'] },
    ],
    [
      'same field, same value: no conflict',
      (vm) => Object.assign(ifaces(vm)[1] ?? {}, { model: 'e1000e' }),
      { kind: 'edit', form: nic1Form({ model: 'e1000e' }) },
      { status: 'ok' },
    ],
  ])('%s', (_, fn, change, expected) => {
    expect(rebasePatch(change, base, edited(fn))).toMatchObject(expected);
  });

  it('link change on another NIC than the one edited meanwhile applies', () => {
    const latest = edited((vm) => Object.assign(ifaces(vm)[0] ?? {}, { model: 'e1000e' }));
    const res = rebasePatch({ kind: 'link', name: 'nic1', state: 'down' }, base, latest);
    const after = applyPatch(latest, res.status === 'ok' ? res.ops : []);
    expect(ifaces(after).map((i) => [i.model, i.state])).toEqual([
      ['e1000e', undefined],
      [undefined, 'down'],
    ]);
  });

  it('static IP that can no longer be written (networkData moved to a Secret) is a conflict', () => {
    const withCi = aVM({
      nics: ['default'],
      volumes: [{ name: 'ci', cloudInitNoCloud: { networkData: 'version: 2\n' } }],
    });
    const latest = structuredClone(withCi);
    latest.spec.template.spec.volumes = [
      { name: 'ci', cloudInitNoCloud: { networkDataSecretRef: { name: 's' } } },
    ];
    const form: InterfaceForm = {
      name: 'n2',
      networkId: 'ns1/br',
      binding: 'bridge',
      model: 'virtio',
      staticIp: '10.0.0.5/24',
      guestName: 'eth1',
    };
    expect(rebasePatch({ kind: 'add', form }, withCi, latest)).toMatchObject({
      status: 'conflict',
      reason: 'network-data',
    });
  });
});
