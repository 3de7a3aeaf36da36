import { describe, expect, it } from 'vitest';
import { aVM, aVMI } from '../testing/fixtures';
import { getCondition, getGuestAgentState, getRunState, isRestartRequired, vmKey } from './vm';

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
