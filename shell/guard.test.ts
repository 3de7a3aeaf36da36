import { describe, expect, it } from 'vitest';
import { checkOrigin, checkProxyRequest, csrfTokens, CSRF_COOKIE, type GuardRequest } from './guard';
import { pickUser, USER_COOKIE } from './users';

const PORT = 9000;
const users = ['admin', 'tenant-a'];
const csrf = csrfTokens();
const token = csrf.issue();
const opts = { port: PORT, users, csrf, pickUser: (c?: string) => pickUser(c, users) };
const cookie = `${USER_COOKIE}=admin; ${CSRF_COOKIE}=${token}`;
const req = (method: string, headers: GuardRequest['headers'], upgrade = false): GuardRequest => ({
  method,
  headers: { host: `127.0.0.1:${PORT}`, ...headers },
  upgrade,
});

describe('shell proxy guard', () => {
  it('lets the shell’s own page read, write with the CSRF token and open watches', () => {
    expect(checkProxyRequest(req('GET', { cookie }), opts)).toEqual({ ok: true, user: 'admin' });
    expect(
      checkProxyRequest(
        req('DELETE', { cookie, origin: `http://127.0.0.1:${PORT}`, 'x-csrftoken': token }),
        opts,
      ),
    ).toEqual({ ok: true, user: 'admin' });
    expect(
      checkProxyRequest(
        req('GET', { cookie, origin: `http://localhost:${PORT}`, host: `localhost:${PORT}` }, true),
        opts,
      ),
    ).toEqual({ ok: true, user: 'admin' });
  });

  it.each([
    ['a foreign Origin', req('GET', { cookie, origin: 'https://evil.example' })],
    ['another localhost port (shares the cookies)', req('GET', { cookie, origin: 'http://localhost:3000' })],
    ['a DNS-rebound Host', req('GET', { cookie, host: 'rebind.evil.example:9000' })],
    ['the right name on another port', req('GET', { cookie, host: '127.0.0.1:9001' })],
    ['no Host', { method: 'GET', headers: { cookie } }],
    ['a cross-site fetch (Sec-Fetch-Site)', req('GET', { cookie, 'sec-fetch-site': 'cross-site' })],
    ['a same-site fetch from another port', req('GET', { cookie, 'sec-fetch-site': 'same-site' })],
    ['a WebSocket upgrade without Origin', req('GET', { cookie }, true)],
    [
      'a WebSocket upgrade from a foreign Origin',
      req('GET', { cookie, origin: 'https://evil.example' }, true),
    ],
    ['a write without Origin', req('DELETE', { cookie, 'x-csrftoken': token })],
    ['a write without the CSRF header', req('DELETE', { cookie, origin: `http://127.0.0.1:${PORT}` })],
    [
      'a write whose header does not match the cookie',
      req('PATCH', { cookie, origin: `http://127.0.0.1:${PORT}`, 'x-csrftoken': csrf.issue() }),
    ],
    [
      'a write with a token this shell did not issue (planted cookie)',
      req('POST', {
        cookie: `${USER_COOKIE}=admin; ${CSRF_COOKIE}=abc.def`,
        origin: `http://127.0.0.1:${PORT}`,
        'x-csrftoken': 'abc.def',
      }),
    ],
  ])('refuses %s with 403', (_, r) => {
    expect(checkProxyRequest(r, opts)).toMatchObject({ ok: false, status: 403 });
  });

  it('has no default user: no cookie is 401, even from the shell’s own page', () => {
    expect(checkProxyRequest(req('GET', {}), opts)).toMatchObject({ ok: false, status: 401 });
    expect(
      checkProxyRequest(
        req('GET', { cookie: `${USER_COOKIE}=mallory`, origin: `http://127.0.0.1:${PORT}` }),
        opts,
      ),
    ).toMatchObject({ ok: false, status: 401 });
  });

  it('origin checks hold without a user too', () => {
    expect(checkOrigin(req('GET', { origin: 'https://evil.example' }), PORT)).toMatchObject({ status: 403 });
    expect(checkOrigin(req('GET', {}), PORT)).toBeUndefined();
  });

  it('CSRF tokens are bound to the issuing process', () => {
    expect(csrf.valid(token)).toBe(true);
    expect(csrfTokens().valid(token)).toBe(false);
    expect(csrf.valid(`${token}x`)).toBe(false);
    expect(csrf.valid(undefined)).toBe(false);
    expect(csrf.valid('a.b.c')).toBe(false);
  });
});
