import { describe, expect, it } from 'vitest';
import { parseCookie, pickUser, USER_COOKIE } from './users';

describe('shell user selection', () => {
  it.each([
    ['no cookie: nobody (no default identity)', undefined, undefined],
    ['cookie names a known user', `a=1; ${USER_COOKIE}=tenant-a`, 'tenant-a'],
    ['cookie names an unknown user: nobody', `${USER_COOKIE}=mallory`, undefined],
    ['empty cookie: nobody', `${USER_COOKIE}=`, undefined],
  ])('%s', (_, header, expected) => {
    expect(pickUser(header, ['admin', 'tenant-a', 'tenant-b', 'viewer'])).toBe(expected);
  });

  it('decodes cookie values', () => {
    expect(parseCookie('x=a%20b', 'x')).toBe('a b');
  });

  it('a malformed escape is no value, not an exception', () => {
    expect(parseCookie('x=%E0%A4%A', 'x')).toBeUndefined();
  });
});
