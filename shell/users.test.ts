import { describe, expect, it } from 'vitest';
import { parseCookie, pickUser, USER_COOKIE } from './users';

describe('shell user selection', () => {
  it.each([
    ['no cookie: first known user', undefined, 'admin'],
    ['cookie names a known user', `a=1; ${USER_COOKIE}=tenant-a`, 'tenant-a'],
    ['cookie names an unknown user: first known user', `${USER_COOKIE}=mallory`, 'admin'],
  ])('%s', (_, header, expected) => {
    expect(pickUser(header, ['admin', 'tenant-a', 'tenant-b', 'viewer'])).toBe(expected);
  });

  it('decodes cookie values', () => {
    expect(parseCookie('x=a%20b', 'x')).toBe('a b');
  });
});
