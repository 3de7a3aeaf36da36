/**
 * What the "Reach this VM" card reads: the Services of the VM's namespace (live), every LoadBalancer Service the
 * user may read (to know which pool addresses are taken), MetalLB's IPAddressPools the user may read, whether
 * MetalLB is installed at all, and what the user may do (create / delete Services).
 */
import { useMemo } from 'react';
import type { Service } from '../../domain/reach/service';
import type { IPAddressPool } from '../../domain/reach/pools';
import { addressesInUse, poolView } from '../../domain/reach/pools';
import { modelAccess } from '../../k8s/access';
import { IPAddressPoolModel, ServiceModel, type K8sModel } from '../../k8s/models';
import { useAccessReview } from '../../k8s/useAccessReview';
import { useApiAvailable } from '../../k8s/useApiAvailable';
import { useWatchList } from '../../k8s/useWatchList';
import { useWatchResources } from '../../k8s/useWatchResources';

const serviceModel = ServiceModel as K8sModel<Service>;
const poolModel = IPAddressPoolModel as K8sModel<IPAddressPool>;
/** Where MetalLB runs: its own namespace upstream and with the OpenShift MetalLB Operator. */
export const METALLB_NAMESPACE = 'metallb-system';

export type Access = { allowed: boolean; loaded: boolean };

export const useReachData = (namespace: string) => {
  const local = useWatchList(serviceModel, { namespace });
  // Pool addresses held by Services anywhere the user may read (a tenant sees its own namespaces only).
  const all = useWatchResources(serviceModel);
  const metallb = useApiAvailable(IPAddressPoolModel);
  const poolsReadable = useAccessReview(modelAccess(IPAddressPoolModel, 'list', METALLB_NAMESPACE));
  const pools = useWatchResources(poolModel, { namespaces: [METALLB_NAMESPACE] });
  const canCreate = useAccessReview(modelAccess(ServiceModel, 'create', namespace));
  const canDelete = useAccessReview(modelAccess(ServiceModel, 'delete', namespace));
  const allServices = all.loaded ? all.data : local.data;
  const inUse = useMemo(() => addressesInUse(allServices), [allServices]);
  const poolViews = useMemo(
    () => (metallb.available ? pools.data.map((p) => poolView(p, inUse, namespace)) : []),
    [metallb.available, pools.data, inUse, namespace],
  );
  return {
    services: local.data,
    servicesLoaded: local.loaded,
    servicesError: local.error,
    inUse,
    /** Can the user read Services cluster-wide? If not, addresses held in other namespaces are unknown. */
    inUseLoaded: all.loaded,
    metallb: metallb.available,
    poolsReadable: poolsReadable.loaded ? poolsReadable.allowed : undefined,
    pools: poolViews,
    poolsLoaded: pools.loaded || metallb.available === false || poolsReadable.allowed === false,
    canCreate: { allowed: canCreate.allowed, loaded: canCreate.loaded },
    canDelete: { allowed: canDelete.allowed, loaded: canDelete.loaded },
  };
};

export type ReachData = ReturnType<typeof useReachData>;
