/**
 * Namespaces, VMs and one edge per VM interface. The interface join (VM spec × VMI status, pending hot-plug and
 * unplug, restart required) is the VM networks page's own (`buildInterfaceRows`), so both pages agree.
 */
import { buildInterfaceRows, type InterfaceRow } from '../interfaces/rows';
import type { VMI } from '../kube/vm';
import { isRestartRequired, vmKey } from '../kube/vm';
import { missingNadId, namespaceId, POD_NETWORK_ID, vmId } from './ids';
import type { NetworkIndex } from './networks';
import { problem, type DetailLabel } from './problems';
import type { GraphEdge, GraphNode, TopologyInput } from './types';

type Sink = { nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> };

/** Addresses shown on an edge: global ones first; link-local only when nothing else is reported. */
const edgeIps = (row: InterfaceRow): string[] => {
  const global = row.ips.filter((ip) => !ip.linkLocal).map((ip) => ip.address);
  return global.length ? global : row.ips.map((ip) => ip.address);
};

export const edgeLabel = (name: string, ips: readonly string[]): string =>
  ips.length === 0
    ? name
    : ips.length <= 2
      ? `${name} ${ips.join(' ')}`
      : `${name} ${ips[0]} +${ips.length - 1}`;

export const buildVMs = (input: TopologyInput, networks: NetworkIndex, sink: Sink): void => {
  const readable = new Set(input.namespaces.map((n) => n.metadata.name));
  const vmis = new Map<string, VMI>();
  for (const vmi of input.vmis) vmis.set(vmKey(vmi.metadata.namespace, vmi.metadata.name), vmi);
  const primaryNamespaces = new Set(networks.primaryOf.keys());

  // Namespaces that have VMs or a primary network of their own; the rest would only be noise.
  const namespaces = new Set<string>([...networks.primaryOf.keys()]);
  for (const vm of input.vms) namespaces.add(vm.metadata.namespace ?? '');
  for (const ns of [...namespaces].sort()) {
    if (!ns) continue;
    const primary = networks.primaryOf.get(ns);
    sink.nodes.set(namespaceId(ns), {
      id: namespaceId(ns),
      kind: 'Namespace',
      name: ns,
      namespace: ns,
      isolated: primary !== undefined,
      problems: [],
      details: [],
    });
    const target = primary ?? POD_NETWORK_ID;
    const id = `primary-network:${namespaceId(ns)}->${target}`;
    sink.edges.set(id, { id, source: namespaceId(ns), target, kind: 'primary-network', problems: [] });
  }

  for (const vm of input.vms) {
    const ns = vm.metadata.namespace ?? '';
    const vmi = vmis.get(vmKey(ns, vm.metadata.name));
    const rows = buildInterfaceRows(vm, vmi, { primaryUdnNamespaces: primaryNamespaces });
    const id = vmId(ns, vm.metadata.name);
    const node: GraphNode = {
      id,
      kind: 'VirtualMachine',
      name: vm.metadata.name,
      namespace: ns,
      parent: namespaceId(ns),
      node: vmi?.status?.nodeName,
      problems: isRestartRequired(vm) ? [problem('restart-required', {}, 'warning')] : [],
      details: [
        ['Status', rows[0]?.runState.status ?? vm.status?.printableStatus ?? ''],
        ...(vmi?.status?.nodeName ? [['Node', vmi.status.nodeName] as [DetailLabel, string]] : []),
        ['Interfaces', String(rows.filter((r) => r.origin !== 'guest').length)],
      ],
    };
    sink.nodes.set(id, node);
    for (const row of rows) {
      if (!row.network) continue;
      let target: string;
      const problems = [];
      if (row.network.kind === 'pod') target = POD_NETWORK_ID;
      else if (row.network.kind === 'primary-udn') target = networks.primaryOf.get(ns) ?? POD_NETWORK_ID;
      else {
        const ref = `${row.network.nadNamespace}/${row.network.nadName}`;
        const found = networks.byNadRef.get(ref);
        if (found) target = found;
        else {
          target = missingNadId(row.network.nadNamespace!, row.network.nadName!);
          const p = readable.has(row.network.nadNamespace!)
            ? problem('nad-missing', { ref })
            : problem('nad-unreadable', { ref }, 'warning');
          problems.push(p);
          if (!sink.nodes.has(target)) {
            sink.nodes.set(target, {
              id: target,
              kind: 'NetworkAttachmentDefinition',
              name: row.network.nadName!,
              namespace: row.network.nadNamespace,
              missing: true,
              flavor: row.network.kind === 'sriov' ? 'sriov' : 'other',
              problems: [p],
              details: [],
            });
          }
        }
      }
      const pending = row.flags.pendingHotplug ? 'hotplug' : row.flags.pendingUnplug ? 'unplug' : undefined;
      if (pending === 'hotplug') problems.push(problem('pending-hotplug', { iface: row.name }, 'info'));
      if (pending === 'unplug') problems.push(problem('pending-unplug', { iface: row.name }, 'info'));
      const ips = edgeIps(row);
      const edgeId = `interface:${id}/${row.origin === 'guest' ? '~' : ''}${row.name}`;
      sink.edges.set(edgeId, {
        id: edgeId,
        source: id,
        target,
        kind: 'interface',
        label: edgeLabel(row.name, ips),
        interfaceName: row.name,
        ips,
        pending,
        problems,
      });
    }
  }
};
