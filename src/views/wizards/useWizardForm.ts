/**
 * The form machinery every create wizard shares: the form state, a setter that merges a patch, the issues of the
 * domain validator (in the cluster context) and the manifest of the domain builder, both recomputed only when the
 * form or the context changes. The wizards differ only in their form, validator, builder and steps.
 */
import { useCallback, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/shared/context';

export type WizardForm<F, M> = {
  form: F;
  /** Merges a patch into the form. */
  set: (patch: Partial<F>) => void;
  /** Replaces the form (a change that resets several fields at once). */
  setForm: Dispatch<SetStateAction<F>>;
  issues: FieldIssue[];
  manifest: M;
};

export const useWizardForm = <F extends object, M>(
  initial: F | (() => F),
  validate: (form: F, ctx: ClusterContext) => FieldIssue[],
  build: (form: F) => M,
  ctx: ClusterContext,
): WizardForm<F, M> => {
  const [form, setForm] = useState<F>(initial);
  const set = useCallback((patch: Partial<F>) => setForm((f) => ({ ...f, ...patch })), []);
  const issues = useMemo(() => validate(form, ctx), [validate, form, ctx]);
  const manifest = useMemo(() => build(form), [build, form]);
  return { form, set, setForm, issues, manifest };
};
