import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../issues';
import {
  belongsTo,
  entryIndex,
  errorsOfFields,
  fieldCandidates,
  ownerField,
  shownIssues,
  stepOfField,
} from './formIssues';

const err = (field: string): FieldIssue => ({ field, code: 'required', severity: 'error' });
const warn = (field: string): FieldIssue => ({ field, code: 'required', severity: 'warning' });

describe('belongsTo', () => {
  it('owns the field, its entries and sub-fields, not fields that only share a prefix', () => {
    expect(belongsTo('subnets', 'subnets')).toBe(true);
    expect(belongsTo('subnets[1]', 'subnets')).toBe(true);
    expect(belongsTo('subnets[0].hostSubnet', 'subnets')).toBe(true);
    expect(belongsTo('nicSelector.pfNames', 'nicSelector')).toBe(true);
    expect(belongsTo('subnetsExtra', 'subnets')).toBe(false);
    expect(belongsTo('excludeSubnets', 'subnets')).toBe(false);
  });
});

describe('shownIssues', () => {
  const issues = [err('name'), err('subnets[0]'), warn('role'), err('mtu')];
  it('an untouched form shows nothing, not even the warnings of its defaults', () => {
    expect(shownIssues(issues, new Set(), false)).toEqual([]);
  });
  it('once any field was left, warnings show; errors only for the fields left', () => {
    expect(shownIssues(issues, new Set(['name']), false)).toEqual([err('name'), warn('role')]);
  });
  it('shows the errors of a field once it was left, entries included', () => {
    expect(shownIssues(issues, new Set(['subnets']), false)).toEqual([err('subnets[0]'), warn('role')]);
  });
  it('shows every error after Create', () => {
    expect(shownIssues(issues, new Set(), true)).toEqual(issues);
  });
});

describe('errorsOfFields', () => {
  it('keeps the errors of the given fields in their order, without warnings', () => {
    const issues = [err('mtu'), warn('name'), err('subnets[1]'), err('name')];
    expect(errorsOfFields(issues, ['name', 'subnets'])).toEqual([err('name'), err('subnets[1]')]);
    expect(errorsOfFields(issues, ['description'])).toEqual([]);
  });
});

describe('stepOfField / ownerField / entryIndex', () => {
  const steps = [
    { id: 'basics', fields: ['name', 'namespace'] },
    { id: 'addressing', fields: ['subnets', 'mtu'] },
    { id: 'physical', fields: ['vlan', 'mtu'] },
  ];
  it('finds the first step and the field owning an issue', () => {
    expect(stepOfField(steps, 'subnets[2]')).toBe('addressing');
    expect(stepOfField(steps, 'mtu')).toBe('addressing');
    expect(stepOfField(steps, 'nodeSelector')).toBeUndefined();
    expect(ownerField(steps, 'subnets[0].hostSubnet')).toBe('subnets');
    expect(ownerField(steps, 'review')).toBeUndefined();
  });
  it('reads the entry index of a list issue', () => {
    expect(entryIndex('subnets[1]')).toBe(1);
    expect(entryIndex('subnets[0].hostSubnet')).toBe(0);
    expect(entryIndex('name')).toBeUndefined();
  });
});

describe('fieldCandidates', () => {
  it('lists the fields an issue may belong to, most specific first', () => {
    expect(fieldCandidates('bond.ports[1]')).toEqual(['bond.ports[1]', 'bond.ports', 'bond']);
    expect(fieldCandidates('nicSelector.pfNames[0]')).toEqual([
      'nicSelector.pfNames[0]',
      'nicSelector.pfNames',
      'nicSelector',
    ]);
    expect(fieldCandidates('subnets[0].hostSubnet')).toEqual([
      'subnets[0].hostSubnet',
      'subnets[0]',
      'subnets',
    ]);
    expect(fieldCandidates('name')).toEqual(['name']);
  });
});
