import { queryOptions, useQuery } from '@tanstack/react-query';
import { checkAccess, type AccessAttributes } from './access';
import type { K8sClient } from './client';
import type { K8sError } from './errors';
import { retryTransient, unwrap } from './queries';
import { useK8sClient } from './K8sContext';

export const accessReviewQuery = (client: K8sClient, attrs: AccessAttributes) =>
  queryOptions<{ allowed: boolean; reason?: string }, K8sError>({
    queryKey: ['k8s', 'access', attrs] as const,
    queryFn: async () => unwrap(await checkAccess(client, attrs)),
    // RBAC changes rarely during a session; one minute keeps buttons honest without a request per render.
    staleTime: 60_000,
    retry: retryTransient,
  });

/** `allowed` is false until the review answered, so actions start disabled rather than flash enabled. */
export const useAccessReview = (
  attrs: AccessAttributes,
): { allowed: boolean; loaded: boolean; reason?: string; error: K8sError | null } => {
  const client = useK8sClient();
  const q = useQuery(accessReviewQuery(client, attrs));
  return { allowed: q.data?.allowed ?? false, loaded: q.isSuccess, reason: q.data?.reason, error: q.error };
};
