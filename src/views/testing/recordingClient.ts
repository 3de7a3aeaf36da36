/**
 * Renders a view inside a K8sContext whose client records what the view sends: the objects it creates and the
 * JSON patches it applies. Creates answer with `createAnswer` (default: the object as stored), patches with
 * `patched` (the object after the patch).
 */
import { render } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';
import type { K8sObject, PatchOp } from '../../domain/kube/meta';
import type { K8sResult } from '../../k8s/errors';
import { K8sContext } from '../../k8s/K8sContext';

export type Sent = { created: K8sObject[]; patches: PatchOp[][] };

export const renderWithRecordingClient = (
  view: ReactElement,
  o: { patched: K8sObject; createAnswer?: (obj: K8sObject) => K8sResult<K8sObject> },
): Sent => {
  const sent: Sent = { created: [], patches: [] };
  const answer = o.createAnswer ?? ((obj: K8sObject): K8sResult<K8sObject> => ({ ok: true, value: obj }));
  const client = {
    create: (_m: unknown, obj: K8sObject) => {
      sent.created.push(obj);
      return Promise.resolve(answer(obj));
    },
    jsonPatch: (_m: unknown, _ref: unknown, ops: PatchOp[]) => {
      sent.patches.push(ops);
      return Promise.resolve({ ok: true, value: o.patched });
    },
  };
  render(createElement(K8sContext.Provider, { value: { client: client as never } }, view));
  return sent;
};
