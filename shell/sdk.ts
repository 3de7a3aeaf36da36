/**
 * Shell-only implementations of the few console SDK exports the plugin uses. The shell's vite config aliases
 * '@openshift-console/dynamic-plugin-sdk' to this file; the console build never sees it (there the SDK comes
 * from the console's share scope). Behaviour follows console 4.22: consoleFetch rejects non-2xx responses with an
 * error that carries the response, the status code and the parsed JSON body.
 */
export type ConsoleFetch = (url: string, options?: RequestInit, timeout?: number) => Promise<Response>;

export class HttpError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly response: Response,
    readonly json?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const withTimeout = (signal: AbortSignal | null | undefined, ms: number): AbortSignal => {
  const timeout = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
};

const cookie = (name: string): string | undefined => {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
};

/**
 * As the console does (console-shared/src/utils/console-fetch-utils.ts): writes to the own server carry the
 * `csrf-token` cookie back as `X-CSRFToken`; GETs and absolute URLs do not. The shell's proxy refuses writes
 * without it (shell/guard.ts).
 */
export const csrfHeaders = (url: string, method = 'GET'): Record<string, string> => {
  if (['GET', 'HEAD'].includes(method.toUpperCase()) || /^[a-z][a-z0-9+.-]*:/i.test(url)) return {};
  const token = cookie('csrf-token');
  return token ? { 'X-CSRFToken': token } : {};
};

export const consoleFetch: ConsoleFetch = async (url, options = {}, timeout = 60_000) => {
  const headers = new Headers(options.headers);
  for (const [k, v] of Object.entries(csrfHeaders(url, options.method))) headers.set(k, v);
  const response = await fetch(url, {
    credentials: 'same-origin',
    ...options,
    headers,
    signal: withTimeout(options.signal, timeout),
  });
  if (response.ok) return response;
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const message =
    (json as { message?: string } | undefined)?.message ??
    (text || `${response.status} ${response.statusText}`);
  throw new HttpError(message, response.status, response, json);
};

export const consoleFetchJSON = async (
  url: string,
  method = 'GET',
  options: RequestInit = {},
): Promise<unknown> => {
  const response = await consoleFetch(url, { ...options, method });
  return response.status === 204 ? {} : response.json();
};

export const consoleFetchText = async (url: string, options: RequestInit = {}): Promise<string> =>
  (await consoleFetch(url, options)).text();
