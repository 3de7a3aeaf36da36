/**
 * The NNCP wizard's draft: what already rides on the interfaces and bridge mappings it would configure, on the
 * nodes its selector picks, before it is created. Node labels, node states and SR-IOV policies come from the
 * wizard's cluster context; networks and VMs are watched here.
 */
import { useMemo, type FC } from 'react';
import { blastRadius } from '../../domain/hostnetworks/blastRadius';
import type { K8sObject } from '../../domain/kube/meta';
import type {
  ClusterUserDefinedNetwork,
  NetworkAttachmentDefinition,
  NMStateState,
  SriovNetwork,
} from '../../domain/kube/networks';
import type { VM, VMI } from '../../domain/kube/vm';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import {
  ClusterUserDefinedNetworkModel,
  NetworkAttachmentDefinitionModel,
  SriovNetworkModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  type K8sModel,
} from '../../k8s/models';
import { useWatchResources } from '../../k8s/useWatchResources';
import { BlastRadiusView } from './BlastRadiusView';

const typed = <T extends K8sObject>(m: K8sModel): K8sModel<T> => m as K8sModel<T>;

export const DraftBlastRadius: FC<{
  desired: NMStateState;
  nodes: readonly string[];
  ctx: ClusterContext;
}> = ({ desired, nodes, ctx }) => {
  const cudns = useWatchResources(typed<ClusterUserDefinedNetwork>(ClusterUserDefinedNetworkModel));
  const nads = useWatchResources(typed<NetworkAttachmentDefinition>(NetworkAttachmentDefinitionModel));
  const sriovNetworks = useWatchResources(typed<SriovNetwork>(SriovNetworkModel));
  const vms = useWatchResources(typed<VM>(VirtualMachineModel));
  const vmis = useWatchResources(typed<VMI>(VirtualMachineInstanceModel));
  const radius = useMemo(() => {
    const states = new Map((ctx.nodeStates ?? []).map((s) => [s.metadata.name, s.status?.currentState]));
    return blastRadius({
      desired,
      nodes,
      current: new Map(nodes.map((n) => [n, states.get(n)])),
      nodeLabels: new Map((ctx.nodes ?? []).map((n) => [n.name, n.labels ?? {}])),
      cudns: cudns.data,
      nads: nads.data,
      sriovPolicies: ctx.sriovPolicies ?? [],
      sriovNetworks: sriovNetworks.data,
      vms: vms.data,
      vmis: vmis.data,
    });
  }, [desired, nodes, ctx, cudns.data, nads.data, sriovNetworks.data, vms.data, vmis.data]);
  return <BlastRadiusView radius={radius} />;
};
