/** Where the cluster runs, from OpenShift's Infrastructure `cluster` (undefined when absent or not readable). */
import type { K8sObject } from '../../domain/kube/meta';
import { platformOf, type Platform } from '../../domain/guidance/chooser';
import { InfrastructureModel, type K8sModel } from '../../k8s/models';
import { useWatchObject } from '../../k8s/useWatchObject';

type Infrastructure = K8sObject & { status?: { platform?: string; platformStatus?: { type?: string } } };

export const useClusterPlatform = (): Platform | undefined => {
  const infra = useWatchObject(InfrastructureModel as K8sModel<Infrastructure>, { name: 'cluster' });
  const status = infra.data?.status;
  return platformOf(status?.platformStatus?.type ?? status?.platform);
};
