/**
 * The NNCP wizard's draft: what already rides on the interfaces and bridge mappings it would configure, on the
 * nodes its selector picks, before it is created. Node labels, node states and SR-IOV policies come from the
 * wizard's cluster context; networks and VMs are watched here.
 */
import { useMemo, type FC } from 'react';
import { Button } from '@patternfly/react-core';
import { ExternalLinkAltIcon } from '@patternfly/react-icons';
import { useTranslation } from 'react-i18next';
import { useHref } from 'react-router';
import { blastRadius } from '../../domain/hostnetworks/blastRadius';
import { overlayHref, overlayIds } from '../../domain/hostnetworks/overlay';
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
import { NS } from '../../i18n/ns';
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
  const { t } = useTranslation(NS);
  const { radius, ids } = useMemo(() => {
    const states = new Map((ctx.nodeStates ?? []).map((s) => [s.metadata.name, s.status?.currentState]));
    const current = new Map(nodes.map((n) => [n, states.get(n)]));
    const r = blastRadius({
      desired,
      nodes,
      current,
      nodeLabels: new Map((ctx.nodes ?? []).map((n) => [n.name, n.labels ?? {}])),
      cudns: cudns.data,
      nads: nads.data,
      sriovPolicies: ctx.sriovPolicies ?? [],
      sriovNetworks: sriovNetworks.data,
      vms: vms.data,
      vmis: vmis.data,
    });
    return { radius: r, ids: overlayIds(r, desired, nodes, current) };
  }, [desired, nodes, ctx, cudns.data, nads.data, sriovNetworks.data, vms.data, vmis.data]);
  // The draft drawn over the topology graph, in a new tab so the draft stays.
  const href = useHref(overlayHref(ids));
  return (
    <>
      <BlastRadiusView radius={radius} />
      <Button
        variant="link"
        isInline
        component="a"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        icon={<ExternalLinkAltIcon />}
        iconPosition="end"
        data-test="nncp-blast-topology"
      >
        {t('Show on the topology graph')}
      </Button>
    </>
  );
};
