// Provided under the share key '@openshift-console/dynamic-plugin-sdk' by the loader-test host.
// The published SDK cannot run outside console: its lib/ requires '@console/internal/...' and
// '@console/shared/...' modules that only exist inside the console build. So the host provides what the plugin
// calls, behaving as console 4.22 does (console-shared/src/utils/console-fetch*.ts, as described in the SDK's
// console-types.d.ts: ConsoleFetch, ConsoleRequestHeaders, HttpError): same-origin credentials, the CSRF token
// from the `csrf-token` cookie on writes to the own server, the impersonation headers from the redux store, a
// timeout, and non-2xx answers rejected with an HttpError carrying the response, the status and the JSON body.
import { consoleStore } from './consoleStore';

export const isLoaderTestStub = true;

export const useActiveNamespace = () => ['#ALL_NS#', () => undefined];

export class HttpError extends Error {
  constructor(message, code, response, json) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.response = response;
    this.json = json;
  }
}

const cookie = (name) =>
  document.cookie
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name)?.[1];

/** ConsoleRequestHeaders: impersonation from redux, CSRF on writes to relative URLs. */
const consoleHeaders = (url, method) => {
  const headers = {};
  const imp = consoleStore.getState().sdkCore.impersonate;
  if (imp?.kind === 'User') headers['Impersonate-User'] = imp.name;
  if (imp?.kind === 'Group') headers['Impersonate-Group'] = imp.name;
  const write = !['GET', 'HEAD'].includes((method ?? 'GET').toUpperCase());
  if (write && !/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    const token = cookie('csrf-token');
    if (token) headers['X-CSRFToken'] = token;
  }
  return headers;
};

export const consoleFetch = async (url, options = {}, timeout = 60_000) => {
  const headers = new Headers(options.headers);
  for (const [k, v] of Object.entries(consoleHeaders(url, options.method))) headers.set(k, v);
  const signal = options.signal
    ? AbortSignal.any([options.signal, AbortSignal.timeout(timeout)])
    : AbortSignal.timeout(timeout);
  const response = await fetch(url, { credentials: 'same-origin', ...options, headers, signal });
  if (response.ok) return response;
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  throw new HttpError(json?.message ?? (text || `${response.status}`), response.status, response, json);
};

export const consoleFetchJSON = async (url, method = 'GET', options = {}) => {
  const response = await consoleFetch(url, { ...options, method });
  return response.status === 204 ? {} : response.json();
};
