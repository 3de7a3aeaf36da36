/**
 * The first step of every wizard: name and namespace (the namespaces the user can see offered), then the fields
 * that kind adds to its basics. A kind whose namespaces are chosen otherwise (a ClusterUserDefinedNetwork's
 * namespace selector) passes its own field in place of the namespace. One place for the step's id, title and
 * field list.
 */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import type { StepDef } from './CreateWizard';
import { NameNamespaceFields, TextField } from './fields';

export const basicsStep = ({
  t,
  form,
  set,
  shown,
  ctx,
  fields,
  namespaceField,
  children,
}: {
  t: TFunction;
  form: { name: string; namespace?: string };
  set: (patch: { name?: string; namespace?: string }) => void;
  shown: readonly FieldIssue[];
  ctx: ClusterContext;
  /** The kind's own basics fields, after name and namespace (and those of `namespaceField`). */
  fields: readonly string[];
  /** Shown instead of the namespace field: how a cluster-scoped kind picks its namespaces. */
  namespaceField?: ReactNode;
  children?: ReactNode;
}): StepDef => ({
  id: 'basics',
  name: t('Basics'),
  fields: ['name', 'namespace', ...fields],
  body: (
    <>
      {namespaceField === undefined ? (
        <NameNamespaceFields
          name={form.name}
          namespace={form.namespace ?? ''}
          onChange={set}
          issues={shown}
          namespaces={ctx.namespaces?.map((n) => n.name)}
        />
      ) : (
        <>
          <TextField
            name="name"
            label={t('Name')}
            isRequired
            value={form.name}
            onChange={(name) => set({ name })}
            issues={shown}
          />
          {namespaceField}
        </>
      )}
      {children}
    </>
  ),
});
