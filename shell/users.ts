/**
 * Which identity the shell's API proxy uses. The user switcher sets a cookie; the proxy (vite dev server, Node)
 * reads it and sends that user's bearer token to the API server. Pure functions, shared by both sides.
 */
export const USER_COOKIE = 'vmnet-shell-user';

export const parseCookie = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
};

/** The user named by the cookie when the proxy knows it, else the first known user (admin for the local cluster). */
export const pickUser = (cookieHeader: string | undefined, known: readonly string[]): string | undefined => {
  const wanted = parseCookie(cookieHeader, USER_COOKIE);
  return wanted && known.includes(wanted) ? wanted : known[0];
};
