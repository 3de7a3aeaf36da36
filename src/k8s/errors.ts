/**
 * Errors are values: every failed request becomes a `K8sError` the views can show (which permission is missing,
 * which field the server rejected, whether the server is reachable at all). Nothing here throws.
 */
import type { FieldIssue } from '../domain/issues';
import type { Status } from './types';

export type K8sErrorKind =
  'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'unreachable' | 'unknown';

export type MissingPermission = { verb: string; resource: string; group: string; namespace?: string };

export type K8sError = {
  kind: K8sErrorKind;
  /** HTTP status (or the `code` of a watch ERROR event); absent when no response arrived. */
  status?: number;
  message: string;
  /** Status.reason, e.g. `AlreadyExists` vs `Conflict` for a 409, `Expired` for a 410. */
  reason?: string;
  missingPermission?: MissingPermission;
  fieldIssues?: FieldIssue[];
};

export type K8sResult<T> = { ok: true; value: T } | { ok: false; error: K8sError };

export const ok = <T>(value: T): K8sResult<T> => ({ ok: true, value });
export const fail = <T = never>(error: K8sError): K8sResult<T> => ({ ok: false, error });

const isStatus = (body: unknown): body is Status =>
  typeof body === 'object' && body !== null && ('message' in body || 'reason' in body || 'code' in body);

const kindOfStatus = (status: number): K8sErrorKind => {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'invalid';
  // 502/503/504 come from the console's proxy (or a load balancer) when the API server is down.
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  return 'unknown';
};

/**
 * The API server's authorizer writes: `<what> is forbidden: User "u" cannot <verb> resource "<resource>" in API
 * group "<group>" (in the namespace "<ns>" | at the cluster scope)` (k8s.io/apiserver authorization/responsewriters).
 */
const FORBIDDEN_RE =
  /cannot (\S+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]*)"| at the cluster scope)?/;

export const parseMissingPermission = (message: string): MissingPermission | undefined => {
  const m = FORBIDDEN_RE.exec(message);
  if (!m) return undefined;
  const [, verb = '', resource = '', group = '', namespace] = m;
  return namespace ? { verb, resource, group, namespace } : { verb, resource, group };
};

/** 422 causes of a (dry-run) write as FieldIssues with code `server`, one per cause. */
export const issuesFromStatus = (status: Status): FieldIssue[] =>
  (status.details?.causes ?? []).map((c) => ({
    field: c.field ?? '',
    code: 'server',
    severity: 'error',
    params: { message: c.message ?? status.message ?? '', ...(c.reason ? { reason: c.reason } : {}) },
  }));

/** Maps an HTTP status (or a watch ERROR's code) and its body — ideally a meta/v1 Status — to a K8sError. */
export const toK8sError = (status: number, body: unknown): K8sError => {
  const s: Status = isStatus(body) ? body : {};
  const text = typeof body === 'string' && body.trim() ? body.trim().slice(0, 500) : undefined;
  const message = s.message ?? text ?? `HTTP ${status}`;
  const error: K8sError = { kind: kindOfStatus(status), status, message };
  if (s.reason) error.reason = s.reason;
  if (status === 403) {
    const perm = parseMissingPermission(message);
    if (perm) error.missingPermission = perm;
  }
  if (status === 422 || s.details?.causes?.length) {
    const issues = issuesFromStatus(s);
    if (issues.length) error.fieldIssues = issues;
  }
  return error;
};

/** A request that got no HTTP response: network down, TLS failure, timeout, or the caller aborted. */
export const fromException = (e: unknown): K8sError => {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'AbortError') return { kind: 'unknown', message: 'Request aborted', reason: 'Aborted' };
  if (name === 'TimeoutError')
    return { kind: 'unreachable', message: 'Request timed out', reason: 'Timeout' };
  const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return { kind: 'unreachable', message: `${message}${cause}` };
};

/** Worth retrying on its own: the server may come back. Auth, permission and validation errors will not change. */
export const isTransient = (e: K8sError): boolean =>
  e.kind === 'unreachable' ||
  (e.kind === 'unknown' && (e.status === undefined || e.status >= 500 || e.status === 429));

/**
 * Could this failure be a failed JSON-patch `test` op, i.e. "the object changed meanwhile"? kube-apiserver answers
 * a failed test with a bare 422 ("the server rejected our request due to an error in our request", no causes),
 * and a stale update with 409. A 422 that names fields is a real validation error. The caller confirms by
 * reloading the object and comparing its resourceVersion.
 */
export const mayBeConcurrentChange = (e: K8sError): boolean =>
  e.kind === 'conflict' || (e.kind === 'invalid' && !e.fieldIssues?.length);
