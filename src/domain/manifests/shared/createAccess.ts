/**
 * Where the user may create each kind, known before any typing: the picker marks kinds they may not create at
 * all, and the Namespace field says at once when its namespace is not one they may create in (and which are).
 */
import type { FieldIssue } from '../../issues';
import { warn } from './check';

/** What the access reviews said: where creating is allowed, or still unknown. */
export type CreateAccess =
  | { state: 'unknown' }
  | { state: 'denied' }
  /** `namespaces`: the namespaces the user may create in; `all` cluster-wide (or a cluster-scoped kind). */
  | { state: 'allowed'; namespaces: 'all' | readonly string[] };

/** A namespace scope as access.ts answers it (cluster-wide, or the namespaces allowed) as a CreateAccess. */
export const accessOfScope = (
  scope: { kind: 'cluster' } | { kind: 'namespaces'; namespaces: readonly string[] } | undefined,
): CreateAccess => {
  if (!scope) return { state: 'unknown' };
  if (scope.kind === 'cluster') return { state: 'allowed', namespaces: 'all' };
  return scope.namespaces.length
    ? { state: 'allowed', namespaces: [...scope.namespaces].sort() }
    : { state: 'denied' };
};

/** A yes/no access review as a CreateAccess (cluster-scoped kinds, or kinds living in one fixed namespace). */
export const accessOfReview = (review: { allowed: boolean } | undefined): CreateAccess =>
  !review
    ? { state: 'unknown' }
    : review.allowed
      ? { state: 'allowed', namespaces: 'all' }
      : { state: 'denied' };

/** The namespaces to offer in the Namespace field: the allowed ones when known, otherwise `fallback`. */
export const namespaceOptions = (
  access: CreateAccess,
  fallback: readonly string[] | undefined,
): readonly string[] | undefined =>
  access.state === 'allowed' && access.namespaces !== 'all' ? access.namespaces : fallback;

/** The Namespace field's warning when the user may not create `kind` in `namespace` (said before Create). */
export const namespaceAccessIssues = (
  kind: string,
  namespace: string | undefined,
  access: CreateAccess,
): FieldIssue[] => {
  const ns = namespace?.trim();
  if (!ns || access.state === 'unknown') return [];
  if (access.state === 'denied') return [warn('namespace', 'create-denied-kind', { kind })];
  if (access.namespaces === 'all' || access.namespaces.includes(ns)) return [];
  return [
    warn('namespace', 'create-denied-namespace', {
      kind,
      namespace: ns,
      allowed: access.namespaces.join(', '),
    }),
  ];
};
