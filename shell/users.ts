/**
 * Which identity the shell's API proxy uses. The user switcher sets a cookie; the proxy (vite dev server, Node)
 * reads it and sends that user's bearer token to the API server. Pure functions, shared by both sides.
 */
export const USER_COOKIE = 'vmnet-shell-user';

export const parseCookie = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return undefined; // a malformed escape is no user, not a crash of the proxy
    }
  }
  return undefined;
};

/**
 * The user named by the cookie when the proxy knows it. There is no default: without a chosen user the proxy
 * answers 401 and the shell asks who to act as (a request that arrives without the cookie, e.g. a cross-site one
 * under SameSite=Strict, must not get the admin's token).
 */
export const pickUser = (cookieHeader: string | undefined, known: readonly string[]): string | undefined => {
  const wanted = parseCookie(cookieHeader, USER_COOKIE);
  return wanted && known.includes(wanted) ? wanted : undefined;
};
