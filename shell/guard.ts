/**
 * Who may use the shell's API proxy (Node side, pure): the proxy acts with a real cluster identity, so only the
 * shell's own pages may drive it. A request is refused unless
 *
 * - its Host is a loopback name of the shell (127.0.0.1, localhost, [::1] on the shell's port): a DNS-rebound
 *   name (`rebind.evil.example` resolving to 127.0.0.1) fails here;
 * - its Origin, when the browser sends one, is the shell's own origin (`http://<that host>`); WebSocket upgrades
 *   and writes must carry it (browsers always send it there), so a foreign page, including another
 *   `localhost:<port>` server that shares the shell's cookies, is refused;
 * - `Sec-Fetch-Site`, when sent, says same-origin (or none: typed in the address bar);
 * - a user was chosen (the user cookie): there is no default identity, so a request without it gets 401;
 * - a write (anything but GET/HEAD/OPTIONS) carries `X-CSRFToken` equal to the `csrf-token` cookie, as the
 *   console's Bridge requires (console-shared/src/utils/console-fetch-utils.ts sends it; Bridge checks it), and
 *   the token was issued by this shell process (HMAC with a per-process secret), so a cookie planted by another
 *   localhost page is not enough.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseCookie } from './users';

export const CSRF_COOKIE = 'csrf-token';
export const CSRF_HEADER = 'x-csrftoken';

export type GuardRequest = {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  /** A WebSocket upgrade. */
  upgrade?: boolean;
};

export type Verdict = { ok: true; user: string } | { ok: false; status: 401 | 403; message: string };

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host values the shell answers to on `port`. */
export const allowedHosts = (port: number): string[] => LOOPBACK.map((h) => `${h}:${port}`);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Per-process CSRF tokens: `<nonce>.<hmac(nonce)>`, verifiable without server-side state. */
export const csrfTokens = (secret: Buffer = randomBytes(32)) => {
  const mac = (nonce: string) => createHmac('sha256', secret).update(nonce).digest('base64url');
  return {
    issue: (): string => {
      const nonce = randomBytes(18).toString('base64url');
      return `${nonce}.${mac(nonce)}`;
    },
    valid: (token: string | undefined): boolean => {
      const [nonce, sig, extra] = (token ?? '').split('.');
      if (!nonce || !sig || extra !== undefined) return false;
      const want = Buffer.from(mac(nonce));
      const got = Buffer.from(sig);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
};
export type CsrfTokens = ReturnType<typeof csrfTokens>;

/** Host and Origin checks only (for every shell API request, user chosen or not). */
export const checkOrigin = (req: GuardRequest, port: number): Verdict | undefined => {
  const host = one(req.headers.host)?.toLowerCase();
  if (!host || !allowedHosts(port).includes(host))
    return { ok: false, status: 403, message: `Host ${host ?? '(none)'} is not the shell's` };
  const origin = one(req.headers.origin);
  const write = !SAFE_METHODS.has(req.method.toUpperCase());
  if (origin === undefined) {
    if (req.upgrade || write)
      return { ok: false, status: 403, message: 'Origin header required for WebSockets and writes' };
  } else if (origin.toLowerCase() !== `http://${host}`)
    return { ok: false, status: 403, message: `Origin ${origin} is not the shell's` };
  const site = one(req.headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { ok: false, status: 403, message: `Sec-Fetch-Site ${site} refused` };
  return undefined;
};

/** The full check for a request the proxy would forward with a cluster identity. */
export const checkProxyRequest = (
  req: GuardRequest,
  o: {
    port: number;
    users: readonly string[];
    csrf: CsrfTokens;
    pickUser: (cookie?: string) => string | undefined;
  },
): Verdict => {
  const bad = checkOrigin(req, o.port);
  if (bad) return bad;
  const cookie = one(req.headers.cookie);
  const user = o.pickUser(cookie);
  if (!user)
    return { ok: false, status: 401, message: 'No user chosen: pick one in the shell’s user switcher' };
  if (!SAFE_METHODS.has(req.method.toUpperCase()) && !req.upgrade) {
    const header = one(req.headers[CSRF_HEADER]);
    const fromCookie = parseCookie(cookie, CSRF_COOKIE);
    if (!header || header !== fromCookie || !o.csrf.valid(header))
      return { ok: false, status: 403, message: 'Missing or invalid CSRF token (X-CSRFToken)' };
  }
  return { ok: true, user };
};

/** A Kubernetes Status body, so the plugin shows the refusal like any API error. */
export const statusBody = (status: number, message: string): string =>
  JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message,
    reason: status === 401 ? 'Unauthorized' : 'Forbidden',
    code: status,
  });
