import { describe, expect, it } from 'vitest';
import { formatLabels, parseLabels, parseOptionalNumber, splitList } from './text';

describe('text parsing', () => {
  it('splits comma lists, dropping blanks', () => {
    expect(splitList(' 10.0.0.0/24, ,fd00::/64 ')).toEqual(['10.0.0.0/24', 'fd00::/64']);
    expect(splitList('')).toEqual([]);
  });
  it('parses labels, bare keys as empty values, and formats them back', () => {
    const labels = parseLabels('node-role.kubernetes.io/worker, team = blue');
    expect(labels).toEqual({ 'node-role.kubernetes.io/worker': '', team: 'blue' });
    expect(formatLabels(labels)).toBe('node-role.kubernetes.io/worker, team=blue');
  });
  it('keeps non-numbers as NaN for the validator', () => {
    expect(parseOptionalNumber(' ')).toBeUndefined();
    expect(parseOptionalNumber('1400')).toBe(1400);
    expect(parseOptionalNumber('x')).toBeNaN();
  });
});
