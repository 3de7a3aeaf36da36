/**
 * OpenShift's cluster network settings: the cluster and service networks (config.openshift.io Network
 * `cluster`) and OVN-Kubernetes' configured join/transit/masquerade ranges (operator.openshift.io Network
 * `cluster`). Read only where the API exists and the user may get them; otherwise undefined, and the wizard
 * falls back to the documented OVN-Kubernetes defaults.
 */
import { useQuery } from '@tanstack/react-query';
import type { K8sObject } from '../../domain/kube/meta';
import type { ClusterNetworkConfig, OperatorNetworkConfig } from '../../domain/manifests/shared/facts';
import { model, type K8sModel } from '../../k8s/models';
import { getQuery } from '../../k8s/queries';
import { useApiAvailable } from '../../k8s/useApiAvailable';
import { useK8sClient } from '../../k8s/K8sContext';

export const ClusterNetworkConfigModel = model<ClusterNetworkConfig>({
  group: 'config.openshift.io',
  version: 'v1',
  plural: 'networks',
  kind: 'Network',
  namespaced: false,
  label: 'Network (config)',
});

export const OperatorNetworkModel = model<OperatorNetworkConfig>({
  group: 'operator.openshift.io',
  version: 'v1',
  plural: 'networks',
  kind: 'Network',
  namespaced: false,
  label: 'Network (operator)',
});

/** The object, or why it could not be read (`not-served`: no such API, e.g. plain Kubernetes). */
const useClusterSingleton = <T extends K8sObject>(
  m: K8sModel<T>,
): { obj: T | undefined; why: 'forbidden' | 'not-served' | 'failed' | undefined } => {
  const client = useK8sClient();
  const { available } = useApiAvailable(m);
  const q = useQuery({
    ...getQuery(client, m, { name: 'cluster' }),
    enabled: available === true,
    retry: false,
  });
  const why =
    available === false
      ? 'not-served'
      : q.error
        ? q.error.kind === 'forbidden'
          ? 'forbidden'
          : q.error.kind === 'not-found'
            ? 'not-served'
            : 'failed'
        : undefined;
  return { obj: q.data, why };
};

export const useClusterNetworkConfig = () => {
  const network = useClusterSingleton(ClusterNetworkConfigModel);
  const operator = useClusterSingleton(OperatorNetworkModel);
  return { network: network.obj, operatorNetwork: operator.obj, networkWhy: network.why };
};
