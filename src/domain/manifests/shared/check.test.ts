import { describe, expect, it } from 'vitest';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isInterfaceName,
  isLabelValue,
  isQualifiedName,
  matchesSelector,
  validateLabelSelector,
  validateVlan,
} from './check';
import { formatMessage, messages } from './messages';
import { codes } from '../../testing/manifests';

describe('names', () => {
  it.each([
    ['a', true, true],
    ['a-1', true, true],
    ['a'.repeat(63), true, true],
    ['a'.repeat(64), false, true],
    ['a.b', false, true],
    ['-a', false, false],
    ['A', false, false],
    ['a_b', false, false],
    ['', false, false],
  ])('%s: label %s, subdomain %s', (name, label, subdomain) => {
    expect([isDNS1123Label(name), isDNS1123Subdomain(name)]).toEqual([label, subdomain]);
  });

  it.each([
    ['app', true],
    ['kubernetes.io/hostname', true],
    ['node-role.kubernetes.io/worker', true],
    ['a/b/c', false],
    ['Bad_Prefix/x', false],
    ['/x', false],
    ['x/', false],
    ['a b', false],
    [`${'a'.repeat(64)}`, false],
  ])('qualified name %s: %s', (key, ok) => {
    expect(isQualifiedName(key)).toBe(ok);
  });

  it.each([
    ['', true],
    ['true', true],
    ['a.b_c-d', true],
    ['-a', false],
    ['a'.repeat(64), false],
  ])('label value %j: %s', (value, ok) => {
    expect(isLabelValue(value)).toBe(ok);
  });

  it.each([
    ['br1', true],
    ['a-15-char-name1', true],
    ['a-16-char-name12', false],
    ['br 1', false],
    ['br/1', false],
    ['br:1', false],
    ['.', false],
    ['..', false],
    ['', false],
  ])('interface name %j: %s', (name, ok) => {
    expect(isInterfaceName(name)).toBe(ok);
  });
});

describe('validateVlan', () => {
  it.each([
    [undefined, 1, []],
    [1, 1, []],
    [4094, 1, []],
    [0, 1, ['vlan-range@vlan']],
    [0, 0, []],
    [4095, 0, ['vlan-range@vlan']],
    [2.5, 1, ['not-an-integer@vlan']],
  ])('%s (min %i)', (vlan, min, expected) => {
    expect(codes(validateVlan('vlan', vlan, min))).toEqual(expected);
  });
});

describe('label selectors', () => {
  it.each([
    [{ matchLabels: { team: 'a' } }, { team: 'a', x: 'y' }, true],
    [{ matchLabels: { team: 'a' } }, { team: 'b' }, false],
    [
      { matchExpressions: [{ key: 'team', operator: 'In' as const, values: ['a', 'b'] }] },
      { team: 'b' },
      true,
    ],
    [{ matchExpressions: [{ key: 'team', operator: 'NotIn' as const, values: ['a'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'team', operator: 'Exists' as const }] }, {}, false],
    [{ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' as const }] }, {}, true],
    [{}, { any: 'thing' }, true],
  ])('%j matches %j: %s', (selector, labels, matches) => {
    expect(matchesSelector(selector, labels)).toBe(matches);
  });

  it.each([
    [
      { matchExpressions: [{ key: 'a', operator: 'In' as const, values: [] }] },
      ['selector-values@s.matchExpressions[0].values'],
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'Exists' as const, values: ['x'] }] },
      ['selector-values@s.matchExpressions[0].values'],
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'Has' as never }] },
      ['selector-operator@s.matchExpressions[0].operator'],
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'In' as const, values: ['-x'] }] },
      ['label-value@s.matchExpressions[0].values[0]'],
    ],
    [{ matchLabels: { 'a/b/c': 'x' } }, ['qualified-name@s.matchLabels.a/b/c']],
  ])('%j', (selector, expected) => {
    expect(codes(validateLabelSelector('s', selector))).toEqual(expected);
  });
});

describe('messages', () => {
  it('fills parameters and leaves unknown ones visible', () => {
    expect([formatMessage('vlan-range', { min: 1, max: 4094 }), formatMessage('vlan-range')]).toEqual([
      'VLAN ID must be 1–4094',
      'VLAN ID must be {{min}}–{{max}}',
    ]);
  });

  it('has non-empty English text for every code', () => {
    expect(Object.entries(messages).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
