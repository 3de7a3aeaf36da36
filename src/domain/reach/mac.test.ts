import { describe, expect, it } from 'vitest';
import { duplicateMacs, macPoolState } from './mac';

describe('duplicateMacs', () => {
  it('marks rows whose MAC another VM uses, with the other VMs', () => {
    const rows = [
      { id: 'a/1/n', namespace: 'a', vmName: '1', mac: '02:00:00:00:00:01' },
      { id: 'b/2/n', namespace: 'b', vmName: '2', mac: '02:00:00:00:00:01' },
      { id: 'b/3/n', namespace: 'b', vmName: '3', mac: '02:00:00:00:00:01' },
      { id: 'a/1/m', namespace: 'a', vmName: '1', mac: '02:00:00:00:00:02' },
      { id: 'a/1/o', namespace: 'a', vmName: '1', mac: '02:00:00:00:00:02' },
      { id: 'c/4/n', namespace: 'c', vmName: '4' },
    ];
    const d = duplicateMacs(rows);
    expect(Object.fromEntries(d)).toEqual({
      'a/1/n': ['b/2', 'b/3'],
      'b/2/n': ['a/1', 'b/3'],
      'b/3/n': ['a/1', 'b/2'],
    });
  });
});

describe('macPoolState', () => {
  it('opted out only by the ignore label; unknown when the namespace is unreadable', () => {
    expect(macPoolState({ 'mutatevirtualmachines.kubemacpool.io': 'ignore' })).toBe('opted-out');
    expect(macPoolState({ 'mutatevirtualmachines.kubemacpool.io': 'allocate' })).toBe('assigns');
    expect(macPoolState({})).toBe('assigns');
    expect(macPoolState(undefined)).toBe('unknown');
  });
});
