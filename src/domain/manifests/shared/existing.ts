/**
 * "This name is taken": a wizard's object against the objects of its kind the user can read (watched, so the
 * check follows the cluster while the user types), and the server's 409 AlreadyExists mapped to the Name field.
 */
import type { FieldIssue } from '../../issues';
import type { K8sObject } from '../../kube/meta';
import { err } from './check';
import type { ClusterContext } from './context';

/** The Name field's error when an object of the manifest's kind and namespace already has its name. */
export const nameTakenIssues = (manifest: K8sObject, ctx: ClusterContext): FieldIssue[] => {
  const { name, namespace } = manifest.metadata;
  if (!name) return [];
  const taken = (ctx.existingObjects ?? []).some(
    (o) => o.kind === manifest.kind && o.name === name && (o.namespace ?? '') === (namespace ?? ''),
  );
  return taken ? [err('name', 'name-exists', { kind: manifest.kind, name })] : [];
};

/** A create refused with 409 AlreadyExists: the Name field's error, not "changed meanwhile". */
export const alreadyExistsIssues = (
  error: { status?: number; reason?: string } | undefined,
  manifest: K8sObject,
): FieldIssue[] =>
  error?.reason === 'AlreadyExists' || (error?.status === 409 && error.reason === undefined)
    ? [err('name', 'name-exists', { kind: manifest.kind, name: manifest.metadata.name })]
    : [];
