/**
 * Live lists of every kind the topology graph is built from, as the user may read them. A list the user may not
 * read (a tenant and the cluster-scoped kinds) is reported as unreadable, so the graph skips the checks that need
 * it and the page says so once; a kind whose API is not installed is simply empty.
 */
import { useMemo } from 'react';
import type { K8sObject } from '../../domain/kube/meta';
import type {
  ClusterUserDefinedNetwork,
  NetworkAttachmentDefinition,
  NodeNetworkConfigurationEnactment,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  SriovNetwork,
  SriovNetworkNodePolicy,
  SriovNetworkNodeState,
  UserDefinedNetwork,
} from '../../domain/kube/networks';
import type { VM, VMI } from '../../domain/kube/vm';
import type { TopologyInput, UnreadableInput } from '../../domain/topology/types';
import type { K8sError } from '../../k8s/errors';
import {
  ClusterUserDefinedNetworkModel,
  NamespaceModel,
  NetworkAttachmentDefinitionModel,
  NodeModel,
  NodeNetworkConfigurationEnactmentModel,
  NodeNetworkConfigurationPolicyModel,
  NodeNetworkStateModel,
  SriovNetworkModel,
  SriovNetworkNodePolicyModel,
  SriovNetworkNodeStateModel,
  UserDefinedNetworkModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  type K8sModel,
} from '../../k8s/models';
import type { Connection, WatchResult } from '../../k8s/useWatchList';
import { useWatchResources } from '../../k8s/useWatchResources';

export type TopologyData = {
  input: TopologyInput;
  /** VMs, VMIs and NADs are in (the graph can be drawn). */
  loaded: boolean;
  /** VMs could not be listed at all: nothing useful can be drawn. */
  error: K8sError | null;
  /** Kinds the user may not list (shown as one quiet notice). */
  unreadable: { key: UnreadableInput; model: K8sModel }[];
  connections: Connection[];
};

/** The plain-data models carry no object type for most kinds; this names it. */
const typed = <T extends K8sObject>(m: K8sModel): K8sModel<T> => m as K8sModel<T>;

/**
 * Loaded, or given up on: not readable (403), not installed (404), or unreachable after the watch's retries (the
 * banner says so). A list that loads later is laid out afresh (keepPositions), not patched around the old picture.
 */
const settled = <T>(r: WatchResult<T>) => r.loaded || r.error !== null;

export const useTopologyData = (namespace?: string): TopologyData => {
  const opts = { namespace };
  const lists = {
    vms: useWatchResources(typed<VM>(VirtualMachineModel), opts),
    vmis: useWatchResources(typed<VMI>(VirtualMachineInstanceModel), opts),
    nads: useWatchResources(typed<NetworkAttachmentDefinition>(NetworkAttachmentDefinitionModel), opts),
    udns: useWatchResources(typed<UserDefinedNetwork>(UserDefinedNetworkModel), opts),
    namespaces: useWatchResources(typed<K8sObject>(NamespaceModel)),
    nodes: useWatchResources(typed<K8sObject>(NodeModel)),
    cudns: useWatchResources(typed<ClusterUserDefinedNetwork>(ClusterUserDefinedNetworkModel)),
    nncps: useWatchResources(typed<NodeNetworkConfigurationPolicy>(NodeNetworkConfigurationPolicyModel)),
    nnses: useWatchResources(typed<NodeNetworkState>(NodeNetworkStateModel)),
    enactments: useWatchResources(
      typed<NodeNetworkConfigurationEnactment>(NodeNetworkConfigurationEnactmentModel),
    ),
    sriovNetworks: useWatchResources(typed<SriovNetwork>(SriovNetworkModel)),
    sriovPolicies: useWatchResources(typed<SriovNetworkNodePolicy>(SriovNetworkNodePolicyModel)),
    sriovNodeStates: useWatchResources(typed<SriovNetworkNodeState>(SriovNetworkNodeStateModel)),
  };
  const models: Record<UnreadableInput, K8sModel> = {
    vms: VirtualMachineModel,
    vmis: VirtualMachineInstanceModel,
    nads: NetworkAttachmentDefinitionModel,
    udns: UserDefinedNetworkModel,
    namespaces: NamespaceModel,
    nodes: NodeModel,
    cudns: ClusterUserDefinedNetworkModel,
    nncps: NodeNetworkConfigurationPolicyModel,
    nnses: NodeNetworkStateModel,
    enactments: NodeNetworkConfigurationEnactmentModel,
    sriovNetworks: SriovNetworkModel,
    sriovPolicies: SriovNetworkNodePolicyModel,
    sriovNodeStates: SriovNetworkNodeStateModel,
  };
  const keys = Object.keys(lists) as UnreadableInput[];
  const forbidden = keys.filter((k) => lists[k].error?.kind === 'forbidden');
  const forbiddenKey = forbidden.join(',');
  const datas = keys.map((k) => lists[k].data);

  const input = useMemo<TopologyInput>(() => {
    const data = Object.fromEntries(keys.map((k, i) => [k, datas[i]])) as unknown as TopologyInput;
    // A user who may not list namespaces still reads the ones its VMs and networks are in.
    const namespaces = forbiddenKey.includes('namespaces')
      ? [...new Set([...data.vms, ...data.nads, ...data.udns].map((o) => o.metadata.namespace ?? ''))]
          .filter(Boolean)
          .map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }))
      : namespace
        ? data.namespaces.filter((n) => n.metadata.name === namespace)
        : data.namespaces;
    return {
      ...data,
      namespaces,
      unreadable: forbiddenKey ? (forbiddenKey.split(',') as UnreadableInput[]) : [],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- datas holds each list's identity
  }, [...datas, forbiddenKey, namespace]);

  const loaded = settled(lists.vms) && settled(lists.vmis) && settled(lists.nads);
  return {
    input,
    loaded: loaded && keys.every((k) => settled(lists[k])),
    error: lists.vms.error,
    unreadable: forbidden.map((key) => ({ key, model: models[key] })),
    connections: keys.map((k) => lists[k].connection),
  };
};
