/**
 * The first step of every wizard for a namespaced kind: name and namespace (the namespaces the user can see
 * offered), then the fields that kind adds to its basics. One place for the step's id, title and field list.
 */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import type { StepDef } from './CreateWizard';
import { NameNamespaceFields } from './fields';

export const basicsStep = ({
  t,
  form,
  set,
  shown,
  ctx,
  fields,
  children,
}: {
  t: TFunction;
  form: { name: string; namespace: string };
  set: (patch: { name?: string; namespace?: string }) => void;
  shown: readonly FieldIssue[];
  ctx: ClusterContext;
  /** The kind's own basics fields, after name and namespace. */
  fields: readonly string[];
  children?: ReactNode;
}): StepDef => ({
  id: 'basics',
  name: t('Basics'),
  fields: ['name', 'namespace', ...fields],
  body: (
    <>
      <NameNamespaceFields
        name={form.name}
        namespace={form.namespace}
        onChange={set}
        issues={shown}
        namespaces={ctx.namespaces?.map((n) => n.name)}
      />
      {children}
    </>
  ),
});
