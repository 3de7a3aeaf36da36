import { useQuery } from '@tanstack/react-query';
import { isApiAvailable, discoveryQuery } from './discovery';
import type { K8sError } from './errors';
import type { K8sModel } from './models';
import { useK8sClient } from './K8sContext';

/** `available` is undefined until discovery answered; a discovery failure leaves it undefined with `error` set. */
export const useApiAvailable = (
  model: K8sModel,
): { available: boolean | undefined; loaded: boolean; error: K8sError | null } => {
  const client = useK8sClient();
  const q = useQuery(discoveryQuery(client, model));
  return {
    available: q.isSuccess ? isApiAvailable(q.data, model) : undefined,
    loaded: q.isSuccess,
    error: q.error,
  };
};
