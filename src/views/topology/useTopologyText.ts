/** Translated words of the topology page: element kinds, network kinds, problems and detail labels. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import { topologyMessages, type TopologyProblem } from '../../domain/topology/problems';
import type { GraphNode, GraphNodeKind, NetworkFlavor } from '../../domain/topology/types';

export type TopologyText = {
  kind: (k: GraphNodeKind) => string;
  flavor: (f: NetworkFlavor) => string;
  problem: (p: TopologyProblem) => string;
  detail: (label: string) => string;
  /** The label drawn on the canvas. */
  nodeLabel: (n: GraphNode) => string;
  /** The label with the namespace in front, for lists and tables (`tenant-b/vm-1`). */
  fullName: (n: GraphNode) => string;
  /** One sentence for screen readers and the hover card's title. */
  describe: (n: GraphNode) => string;
};

export const useTopologyText = (): TopologyText => {
  const { t } = useTranslation(NS);
  return useMemo(() => {
    const kinds: Record<GraphNodeKind, string> = {
      PodNetwork: t('Pod network'),
      UserDefinedNetwork: t('UserDefinedNetwork'),
      ClusterUserDefinedNetwork: t('ClusterUserDefinedNetwork'),
      NetworkAttachmentDefinition: t('NetworkAttachmentDefinition'),
      SriovNetwork: t('SriovNetwork'),
      Namespace: t('Namespace'),
      VirtualMachine: t('Virtual machine'),
      VMGroup: t('Group of virtual machines'),
      Node: t('Node'),
      BridgeMapping: t('OVN bridge mapping'),
      OVSBridge: t('OVS bridge'),
      LinuxBridge: t('Linux bridge'),
      Bond: t('Bond'),
      VLAN: t('VLAN interface'),
      Ethernet: t('Ethernet NIC'),
      SriovPF: t('SR-IOV physical function'),
    };
    const flavors: Record<NetworkFlavor, string> = {
      pod: t('Pod network'),
      'primary-udn': t('Primary user-defined network'),
      'ovn-layer2': t('OVN layer 2 overlay'),
      'ovn-layer3': t('OVN layer 3'),
      'ovn-localnet': t('OVN localnet'),
      'linux-bridge': t('Linux bridge'),
      sriov: t('SR-IOV'),
      other: t('Other'),
    };
    const problem = (p: TopologyProblem) =>
      t(topologyMessages[p.code], { ...p.params, interpolation: { escapeValue: false } });
    const nodeLabel = (n: GraphNode): string => {
      if (n.kind === 'PodNetwork') return kinds.PodNetwork;
      if (n.kind === 'VMGroup') return t('{{name}} · VMs: {{vms}}', { name: n.name, vms: n.count ?? 0 });
      if (n.kind === 'Namespace' && n.isolated) return t('{{name}} (isolated)', { name: n.name });
      if (n.nodes) return t('{{name}} · nodes: {{nodes}}', { name: n.name, nodes: n.nodes.length });
      return n.name;
    };
    const describe = (n: GraphNode): string => {
      const where = n.namespace && n.kind !== 'Namespace' ? ` ${n.namespace}/` : ' ';
      const name = n.kind === 'PodNetwork' ? '' : n.nodes ? nodeLabel(n) : n.name;
      const head = `${kinds[n.kind]}${where}${name}`.trim();
      return n.problems.length
        ? t('{{element}} (problems: {{problems}})', { element: head, problems: n.problems.length })
        : head;
    };
    const fullName = (n: GraphNode): string =>
      n.namespace && n.kind !== 'Namespace' ? `${n.namespace}/${nodeLabel(n)}` : nodeLabel(n);
    return {
      fullName,
      kind: (k) => kinds[k],
      flavor: (f) => flavors[f],
      problem,
      detail: (label) => t(label),
      nodeLabel,
      describe,
    };
  }, [t]);
};
