/**
 * The cluster facts the wizard validates against, from every list the user can read. A list the user may not
 * read (forbidden) or the cluster does not serve simply leaves its fact out: fewer checks, never an error page.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useK8sClient, useNamespaceHints } from '../../k8s/K8sContext';
import { useListWatches } from '../../k8s/useWatchList';
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
import type { ClusterContext, SkippedCheck, SkippedFact } from '../../domain/manifests/shared/context';
import { clusterContextFrom } from '../../domain/manifests/shared/facts';
import { observedPodIps, observedPodIpsOfPods, type PodIps } from '../../domain/manifests/shared/podNetwork';
import type { VMI } from '../../domain/kube/vm';
import type { K8sError } from '../../k8s/errors';
import {
  ClusterUserDefinedNetworkModel,
  NamespaceModel,
  PodModel,
  NetworkAttachmentDefinitionModel,
  NodeModel,
  NodeNetworkConfigurationPolicyModel,
  NodeNetworkStateModel,
  SriovNetworkNodePolicyModel,
  SriovNetworkNodeStateModel,
  UserDefinedNetworkModel,
  VirtualMachineInstanceModel,
  type K8sModel,
} from '../../k8s/models';
import { useApiAvailable } from '../../k8s/useApiAvailable';
import { readableScopeQuery, scopesFor, useWatchResources } from '../../k8s/useWatchResources';
import { useClusterNetworkConfig } from './useClusterNetworkConfig';

const reasonOf = (e: K8sError): SkippedCheck['reason'] =>
  e.kind === 'forbidden' ? 'forbidden' : e.kind === 'not-found' ? 'not-served' : 'failed';

/** The items once loaded without error; undefined otherwise (unknown, so its checks are skipped). */
const useReadable = <T extends K8sObject>(model: K8sModel): T[] | undefined => {
  const { data, loaded, error } = useWatchResources(model);
  return loaded && !error ? (data as T[]) : undefined;
};

/** Like useReadable, and why not when it could not be read. */
const useReadableWhy = <T extends K8sObject>(
  model: K8sModel,
): { items: T[] | undefined; why: SkippedCheck['reason'] | undefined } => {
  const { data, loaded, error } = useWatchResources(model);
  return {
    items: loaded && !error ? (data as T[]) : undefined,
    why: error ? reasonOf(error) : undefined,
  };
};

/** VMIs, watched only when `enabled` (their pod addresses stand in for an unreadable network configuration). */
const useVMIsWhen = (
  enabled: boolean,
): { items: VMI[] | undefined; why: SkippedCheck['reason'] | undefined } => {
  const client = useK8sClient();
  const hints = useNamespaceHints();
  const scopeQ = useQuery({ ...readableScopeQuery(client, VirtualMachineInstanceModel, hints), enabled });
  const scopes = enabled && scopeQ.data ? scopesFor(scopeQ.data) : undefined;
  const r = useListWatches(VirtualMachineInstanceModel, scopes);
  const error = scopeQ.error ?? r.error;
  return {
    items: r.loaded && !error ? r.data : undefined,
    why: error ? reasonOf(error) : undefined,
  };
};

/** Namespaces whose pods are sampled, and pods read per namespace: enough to see the pod network in use. */
const POD_SAMPLE_NAMESPACES = 20;
const POD_SAMPLE_PER_NAMESPACE = 200;

/**
 * Pod addresses, read once (not watched: pods churn) when `enabled`, from the namespaces the user may list pods
 * in; they stand in, with the VMIs' pod addresses, for an unreadable network configuration.
 */
const usePodIpsWhen = (enabled: boolean) => {
  const client = useK8sClient();
  const hints = useNamespaceHints();
  const scopeQ = useQuery({
    ...readableScopeQuery(client, PodModel as K8sModel<PodIps & K8sObject>, hints),
    enabled,
  });
  const scope = scopeQ.data;
  const q = useQuery({
    queryKey: ['k8s', 'pod-ips', scope],
    enabled: enabled && !!scope,
    staleTime: 60_000,
    queryFn: async () => {
      const scopes = scopesFor(scope!).slice(0, POD_SAMPLE_NAMESPACES);
      const lists = await Promise.all(
        scopes.map((s) =>
          client.list(PodModel as K8sModel<PodIps & K8sObject>, {
            namespace: s.namespace,
            limit: POD_SAMPLE_PER_NAMESPACE,
          }),
        ),
      );
      return observedPodIpsOfPods(lists.flatMap((r) => (r.ok ? r.value.items : [])));
    },
  });
  return q.data;
};

export const useClusterContext = (): ClusterContext => {
  const nads = useReadable<NetworkAttachmentDefinition>(NetworkAttachmentDefinitionModel);
  const udns = useReadable<UserDefinedNetwork>(UserDefinedNetworkModel);
  const cudns = useReadable<ClusterUserDefinedNetwork>(ClusterUserDefinedNetworkModel);
  const nncpsR = useReadableWhy<NodeNetworkConfigurationPolicy>(NodeNetworkConfigurationPolicyModel);
  const nncps = nncpsR.items;
  const nodeStatesR = useReadableWhy<NodeNetworkState>(NodeNetworkStateModel);
  const nodeStates = nodeStatesR.items;
  const sriovNodeStates = useReadable<SriovNetworkNodeState>(SriovNetworkNodeStateModel);
  const sriovPolicies = useReadable<SriovNetworkNodePolicy>(SriovNetworkNodePolicyModel);
  const nodesR = useReadableWhy(NodeModel);
  const nodes = nodesR.items;
  const namespacesR = useReadableWhy(NamespaceModel);
  const namespaces = namespacesR.items;
  const { network, operatorNetwork, networkWhy } = useClusterNetworkConfig();
  const vmisR = useVMIsWhen(networkWhy !== undefined);
  const podIps = usePodIpsWhen(networkWhy !== undefined);
  const vmis = vmisR.items;
  const nmstateWhy = (r: SkippedCheck['reason'] | undefined) => (r === 'not-served' ? undefined : r);
  const nodesWhy = nodesR.why;
  const namespacesWhy = namespacesR.why;
  const nncpsWhy = nmstateWhy(nncpsR.why);
  const nodeStatesWhy = nmstateWhy(nodeStatesR.why);
  const vmisWhy = vmisR.why;
  const udnApi = useApiAvailable(UserDefinedNetworkModel).available;
  const nmstateApi = useApiAvailable(NodeNetworkConfigurationPolicyModel).available;
  const sriovApi = useApiAvailable(SriovNetworkNodePolicyModel).available;

  return useMemo(() => {
    const installed = {
      ...(udnApi !== undefined ? { udn: udnApi } : {}),
      ...(nmstateApi !== undefined ? { nmstate: nmstateApi } : {}),
      ...(sriovApi !== undefined ? { sriov: sriovApi } : {}),
    };
    const why: [SkippedFact, SkippedCheck['reason'] | undefined][] = [
      ['network-config', networkWhy],
      ['nodes', nodesWhy],
      ['namespaces', namespacesWhy],
      // NMState not installed is said by the kind picker already.
      ['nncps', nncpsWhy],
      ['node-states', nodeStatesWhy],
      // Pod addresses only stand in for an unreadable network configuration.
      ['vmis', networkWhy ? vmisWhy : undefined],
    ];
    const skippedChecks = why.flatMap(([fact, reason]) => (reason ? [{ fact, reason }] : []));
    return {
      ...(skippedChecks.length ? { skippedChecks } : {}),
      // Without the cluster's network configuration: OpenShift's defaults and the pod addresses seen instead.
      ...(networkWhy ? { assumeOpenShiftDefaults: true } : {}),
      ...(networkWhy && (vmis || podIps)
        ? { observedPodIps: [...(vmis ? observedPodIps(vmis) : []), ...(podIps ?? [])] }
        : {}),
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
    networkWhy,
    vmis,
    podIps,
    nodesWhy,
    namespacesWhy,
    nncpsWhy,
    nodeStatesWhy,
    vmisWhy,
  ]);
};
