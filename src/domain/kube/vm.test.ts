import { describe, expect, it } from 'vitest';
import { aVM, aVMI } from '../testing/fixtures';
import type { VMInterface } from './vm';
import {
  bindingKeysOf,
  getBinding,
  getCondition,
  getGuestAgentState,
  getRunState,
  hasImplicitPodInterface,
  isRestartRequired,
  parseNadRef,
  vmKey,
} from './vm';

describe('vm helpers', () => {
  it.each([
    ['ns', 'a', 'ns/a'],
    [undefined, 'a', '/a'],
  ])('vmKey(%s, %s)', (ns, name, key) => {
    expect(vmKey(ns, name)).toBe(key);
  });

  it.each([
    [aVM({ restartRequired: true }), true],
    [aVM({ conditions: [{ type: 'RestartRequired', status: 'False' }] }), false],
    [aVM({}), false],
  ])('isRestartRequired #%#', (vm, expected) => {
    expect(isRestartRequired(vm)).toBe(expected);
  });

  it('getCondition finds by type', () => {
    expect(getCondition(aVMI({ agent: true }), 'AgentConnected')?.status).toBe('True');
  });

  it.each([
    ['no VMI', undefined, 'unknown'],
    ['agent connected', aVMI({ agent: true }), 'connected'],
    ['agent lost', aVMI({ agent: false }), 'not-connected'],
    ['starting, no condition yet', aVMI({ phase: 'Scheduling' }), 'unknown'],
  ])('guest agent: %s', (_, vmi, state) => {
    expect(getGuestAgentState(vmi)).toBe(state);
  });

  it.each([
    ['Failed VMI without printableStatus', aVMI({ phase: 'Failed' }), 'Stopped', false],
    ['unknown phase passes through', aVMI({ phase: 'Weird' }), 'Weird', false],
  ])('run state: %s', (_, vmi, status, running) => {
    expect(getRunState({ ...aVM({}), status: {} }, vmi)).toEqual({ status, running });
  });
});

describe('VM spec selectors', () => {
  it.each<{ ref: string; namespace: string; name: string }>([
    { ref: 'br1', namespace: 'vmns', name: 'br1' },
    { ref: 'default/br1', namespace: 'default', name: 'br1' },
  ])('parseNadRef($ref) → $namespace/$name', ({ ref, namespace, name }) => {
    expect(parseNadRef(ref, 'vmns')).toEqual({ namespace, name });
  });

  it.each<{ what: string; iface: VMInterface; binding: string }>([
    {
      what: 'passtBinding (core API) reads as passt',
      iface: { name: 'a', passtBinding: {} },
      binding: 'passt',
    },
    {
      what: 'a binding plugin reads as its name',
      iface: { name: 'a', binding: { name: 'l2bridge' } },
      binding: 'l2bridge',
    },
    {
      what: 'no binding written reads as bridge (KubeVirt default)',
      iface: { name: 'a' },
      binding: 'bridge',
    },
    { what: 'masquerade', iface: { name: 'a', masquerade: {} }, binding: 'masquerade' },
  ])('getBinding: $what', ({ iface, binding }) => {
    expect(getBinding(iface)).toBe(binding);
  });

  it('bindingKeysOf lists every binding key written, in a fixed order', () => {
    expect(bindingKeysOf({ name: 'a', binding: { name: 'x' }, bridge: {} })).toEqual(['bridge', 'binding']);
    expect(bindingKeysOf({ name: 'a' })).toEqual([]);
  });

  it.each<{ what: string; vm: ReturnType<typeof aVM>; implicit: boolean }>([
    { what: 'no interfaces and no networks', vm: aVM({ noNetworkArrays: true }), implicit: true },
    { what: 'an interface declared', vm: aVM({ nics: ['default'] }), implicit: false },
    {
      what: 'auto-attach turned off',
      vm: (() => {
        const vm = aVM({ noNetworkArrays: true });
        vm.spec.template.spec.domain.devices.autoattachPodInterface = false;
        return vm;
      })(),
      implicit: false,
    },
  ])('hasImplicitPodInterface: $what → $implicit', ({ vm, implicit }) => {
    expect(hasImplicitPodInterface(vm)).toBe(implicit);
  });
});
