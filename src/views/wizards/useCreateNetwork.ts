/**
 * Create = a server-side dry run first, then the real create; the state says which step failed and why. Update
 * (an edit) is the same with PUT.
 */
import { useCallback, useState } from 'react';
import type { K8sObject } from '../../domain/kube/meta';
import type { K8sError } from '../../k8s/errors';
import type { K8sModel } from '../../k8s/models';
import { useK8sClient } from '../../k8s/K8sContext';

export type CreateState =
  | { phase: 'idle' }
  | { phase: 'checking' | 'creating' }
  | { phase: 'error'; error: K8sError; dryRun: boolean }
  | { phase: 'done'; created: K8sObject };

export const useCreateNetwork = () => {
  const client = useK8sClient();
  const [state, setState] = useState<CreateState>({ phase: 'idle' });
  /**
   * Create (POST) or edit (PUT): a server-side dry run first, then the real write. An edit's object carries the
   * resourceVersion it was read at, so a change made meanwhile is refused (409 Conflict) instead of overwritten.
   */
  const write = useCallback(
    async (verb: 'create' | 'update', model: K8sModel, obj: K8sObject) => {
      setState({ phase: 'checking' });
      const dry = await client[verb](model, obj, { dryRun: true });
      if (!dry.ok) {
        setState({ phase: 'error', error: dry.error, dryRun: true });
        return;
      }
      setState({ phase: 'creating' });
      const real = await client[verb](model, obj);
      setState(
        real.ok
          ? { phase: 'done', created: real.value }
          : { phase: 'error', error: real.error, dryRun: false },
      );
    },
    [client],
  );
  const create = useCallback((model: K8sModel, obj: K8sObject) => write('create', model, obj), [write]);
  const update = useCallback((model: K8sModel, obj: K8sObject) => write('update', model, obj), [write]);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, create, update, reset };
};
