/**
 * The cluster facts the wizard validates against, from every list the user can read. A list the user may not
 * read (forbidden) or the cluster does not serve simply leaves its fact out: fewer checks, never an error page.
 */
import { useMemo } from 'react';
import type { K8sObject } from '../../domain/kube/meta';
import type {
  ClusterUserDefinedNetwork,
  NetworkAttachmentDefinition,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  SriovNetworkNodePolicy,
  SriovNetworkNodeState,
  UserDefinedNetwork,
} from '../../domain/kube/networks';
import type { ClusterContext } from '../../domain/manifests/context';
import { clusterContextFrom } from '../../domain/manifests/facts';
import {
  ClusterUserDefinedNetworkModel,
  NamespaceModel,
  NetworkAttachmentDefinitionModel,
  NodeModel,
  NodeNetworkConfigurationPolicyModel,
  NodeNetworkStateModel,
  SriovNetworkNodePolicyModel,
  SriovNetworkNodeStateModel,
  UserDefinedNetworkModel,
  type K8sModel,
} from '../../k8s/models';
import { useApiAvailable } from '../../k8s/useApiAvailable';
import { useWatchResources } from '../../k8s/useWatchResources';
import { useClusterNetworkConfig } from './useClusterNetworkConfig';

/** The items once loaded without error; undefined otherwise (unknown, so its checks are skipped). */
const useReadable = <T extends K8sObject>(model: K8sModel): T[] | undefined => {
  const { data, loaded, error } = useWatchResources(model);
  return loaded && !error ? (data as T[]) : undefined;
};

export const useClusterContext = (): ClusterContext => {
  const nads = useReadable<NetworkAttachmentDefinition>(NetworkAttachmentDefinitionModel);
  const udns = useReadable<UserDefinedNetwork>(UserDefinedNetworkModel);
  const cudns = useReadable<ClusterUserDefinedNetwork>(ClusterUserDefinedNetworkModel);
  const nncps = useReadable<NodeNetworkConfigurationPolicy>(NodeNetworkConfigurationPolicyModel);
  const nodeStates = useReadable<NodeNetworkState>(NodeNetworkStateModel);
  const sriovNodeStates = useReadable<SriovNetworkNodeState>(SriovNetworkNodeStateModel);
  const sriovPolicies = useReadable<SriovNetworkNodePolicy>(SriovNetworkNodePolicyModel);
  const nodes = useReadable(NodeModel);
  const namespaces = useReadable(NamespaceModel);
  const { network, operatorNetwork } = useClusterNetworkConfig();
  const udnApi = useApiAvailable(UserDefinedNetworkModel).available;
  const nmstateApi = useApiAvailable(NodeNetworkConfigurationPolicyModel).available;
  const sriovApi = useApiAvailable(SriovNetworkNodePolicyModel).available;

  return useMemo(() => {
    const installed = {
      ...(udnApi !== undefined ? { udn: udnApi } : {}),
      ...(nmstateApi !== undefined ? { nmstate: nmstateApi } : {}),
      ...(sriovApi !== undefined ? { sriov: sriovApi } : {}),
    };
    return {
      ...clusterContextFrom({
        network,
        operatorNetwork,
        nads,
        udns,
        cudns,
        nncps,
        nodeStates,
        sriovNodeStates,
        sriovPolicies,
        nodes,
        namespaces,
      }),
      installed,
    };
  }, [
    network,
    operatorNetwork,
    nads,
    udns,
    cudns,
    nncps,
    nodeStates,
    sriovNodeStates,
    sriovPolicies,
    nodes,
    namespaces,
    udnApi,
    nmstateApi,
    sriovApi,
  ]);
};
