/**
 * Renders a create wizard as the create page does (router, the client it creates with), with a client that
 * records what was sent and answers as the test asks. Mock `../../k8s/useAccessReview` with fakeK8sHooks'
 * accessReview in the test file: the Create button's access review then answers from `setAccess`.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import type { K8sObject } from '../../domain/kube/meta';
import type { K8sClient } from '../../k8s/client';
import type { K8sResult } from '../../k8s/errors';
import { K8sContext } from '../../k8s/K8sContext';

export type SentCreate = { obj: K8sObject; dryRun: boolean };

export const renderWizard = (
  wizard: ReactElement,
  answer: (obj: K8sObject, dryRun: boolean) => K8sResult<K8sObject> = (obj) => ({ ok: true, value: obj }),
) => {
  const sent: SentCreate[] = [];
  const client = {
    create: (_model: unknown, obj: K8sObject, opts?: { dryRun?: boolean }) => {
      sent.push({ obj, dryRun: !!opts?.dryRun });
      return Promise.resolve(answer(obj, !!opts?.dryRun));
    },
  } as unknown as K8sClient;
  const view = render(
    createElement(
      MemoryRouter,
      { initialEntries: ['/vm-networks/create'] },
      createElement(K8sContext.Provider, { value: { client } }, wizard),
    ),
  );
  return { view, sent };
};

/** The live YAML beside the wizard. */
export const yamlPreview = (): string => screen.getByTestId('yaml-preview').textContent ?? '';

/** A text input found by its label, as a user finds it (one with suggestions is a combobox). */
export const input = (label: string | RegExp): HTMLInputElement =>
  screen.queryByRole<HTMLInputElement>('textbox', { name: label }) ??
  screen.getByRole<HTMLInputElement>('combobox', { name: label });

/** Types into a field and leaves it (its errors show once it was left). */
export const typeInto = (label: string | RegExp, value: string): void => {
  const el = input(label);
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
};

/** The helper text under a field: its issues (or its help). */
export const messagesOf = (label: string | RegExp): string => {
  const el = input(label);
  const group = el.closest<HTMLElement>('.pf-v6-c-form__group');
  return group ? (within(group).queryByTestId(`${el.id}-issues`)?.textContent ?? '') : '';
};

export const clickNext = (): void => {
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
};
export const clickBack = (): void => {
  fireEvent.click(screen.getByRole('button', { name: 'Back' }));
};
/** The step a user is on: the data-test of its form (`step-<id>`); '' on the review. */
export const currentStep = (): string =>
  document.querySelector('.pf-v6-c-wizard__main-body form')?.getAttribute('data-test') ?? '';
