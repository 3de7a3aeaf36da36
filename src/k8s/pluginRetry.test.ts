import { describe, expect, it } from 'vitest';
import { defaultRetry } from './queries';

describe('defaultRetry', () => {
  it('does not retry an answer: 403, 404, 422', () => {
    expect(defaultRetry(0, { kind: 'forbidden', status: 403, message: 'no' })).toBe(false);
    expect(defaultRetry(0, { kind: 'not-found', status: 404, message: 'no' })).toBe(false);
    expect(defaultRetry(0, { kind: 'invalid', status: 422, message: 'no' })).toBe(false);
  });
  it('retries once what may heal: an unreachable server, a 5xx, a thrown Error', () => {
    expect(defaultRetry(0, { kind: 'unreachable', message: 'down' })).toBe(true);
    expect(defaultRetry(0, { kind: 'unknown', status: 500, message: 'oops' })).toBe(true);
    expect(defaultRetry(0, new Error('network'))).toBe(true);
    expect(defaultRetry(1, { kind: 'unreachable', message: 'down' })).toBe(false);
  });
});
