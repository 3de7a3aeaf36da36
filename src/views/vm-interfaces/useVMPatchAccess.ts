/**
 * May the user change VMs (or create Services) in each namespace? Self-subject access reviews, cached for a minute by
 * react-query: one for all namespaces, then one per namespace only when that says no (`useNamespaceAccess`), so
 * actions are disabled with the reason instead of failing after the user filled a form.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { modelAccess } from '../../k8s/access';
import { ServiceModel, VirtualMachineModel, type K8sModel } from '../../k8s/models';
import { useK8sClient } from '../../k8s/K8sContext';
import { accessReviewQuery } from '../../k8s/useAccessReview';
import { NS } from '../../i18n/ns';

export type Permission = { allowed: boolean; reason?: string };

/**
 * One verb on one kind, per namespace; `denied` says why not, for a namespace.
 *
 * One review for all namespaces is asked first: a user allowed everywhere (a cluster admin) is answered by it, so a
 * page listing VMs of 500 namespaces asks once rather than 500 times. Only when it says no (a tenant), or fails, is
 * each namespace asked on its own.
 */
const useNamespaceAccess = (
  model: K8sModel,
  verb: 'patch' | 'create',
  namespaces: readonly string[],
  denied: (ns: string) => string,
): ((namespace: string) => Permission) => {
  const { t } = useTranslation(NS);
  const client = useK8sClient();
  const key = [...new Set(namespaces)].sort();
  const everywhere = useQuery({
    ...accessReviewQuery(client, modelAccess(model, verb)),
    enabled: key.length > 0,
  });
  const eachNamespace = everywhere.data?.allowed === false || everywhere.isError;
  const results = useQueries({
    queries: key.map((ns) => ({
      ...accessReviewQuery(client, modelAccess(model, verb, ns)),
      enabled: eachNamespace,
    })),
  });
  const keyStr = key.join(',');
  const answers = JSON.stringify([
    everywhere.data?.allowed ?? null,
    eachNamespace,
    ...results.map((r) => r.data?.allowed ?? null),
  ]);
  const byNs = useMemo(() => {
    const m = new Map<string, Permission>();
    key.forEach((ns, i) => {
      const r = results[i];
      if (everywhere.data?.allowed) m.set(ns, { allowed: true });
      else if (!eachNamespace || !r?.data)
        m.set(ns, { allowed: false, reason: t('Checking your permissions…') });
      else if (!r.data.allowed) m.set(ns, { allowed: false, reason: denied(ns) });
      else m.set(ns, { allowed: true });
    });
    return m;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyStr and answers are the value identity of key and results
  }, [keyStr, answers, t, denied]);
  return useCallback(
    (ns: string) => byNs.get(ns) ?? { allowed: false, reason: t('Checking your permissions…') },
    [byNs, t],
  );
};

export const useVMPatchAccess = (namespaces: readonly string[]): ((namespace: string) => Permission) => {
  const { t } = useTranslation(NS);
  const denied = useCallback(
    (ns: string) => t('You may not change virtual machines in namespace {{ns}}.', { ns }),
    [t],
  );
  return useNamespaceAccess(VirtualMachineModel, 'patch', namespaces, denied);
};

/** May the user create Services (expose a VM) in each namespace? */
export const useServiceCreateAccess = (
  namespaces: readonly string[],
): ((namespace: string) => Permission) => {
  const { t } = useTranslation(NS);
  const denied = useCallback(
    (ns: string) => t('You may not create Services in namespace {{ns}}.', { ns }),
    [t],
  );
  return useNamespaceAccess(ServiceModel, 'create', namespaces, denied);
};
