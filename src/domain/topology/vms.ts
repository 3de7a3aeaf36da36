/**
 * Namespaces, VMs and one edge per VM interface. The interface join (VM spec × VMI status, pending hot-plug and
 * unplug) is the VM networks page's own (`interfaceEntries`, which `buildInterfaceRows` turns into rows), so both
 * pages agree; the graph takes only what it draws from it (network, IPs, pending), not whole table rows.
 */
import { interfaceEntries, getNetworkRef, statusIps, type InterfaceEntry } from '../interfaces/rows';
import { ipKey, isLinkLocalKey } from '../interfaces/ip';
import type { VM, VMI } from '../kube/vm';
import { getBinding, getRunState, isRestartRequired } from '../kube/vm';
import { byId, missingNadId, namespaceId, POD_NETWORK_ID, vmId } from './ids';
import { groupedNamespaces, VMGroups } from './groups';
import type { NetworkIndex } from './networks';
import { problem, type DetailLabel, type TopologyProblem } from './problems';
import type { GraphEdge, GraphNode, TopologyInput } from './types';

type Sink = { nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> };

/** Namespaces with more VMs than `threshold`, unless expanded, go into groups (`buildDefaultView`). */
export type Grouping = { threshold: number; expanded: ReadonlySet<string> };

/** Link-local (interfaces/ip.ts `isLinkLocalKey`); only IPv6 and 169.254.x.x addresses can be, so others skip the parse. */
const isLinkLocal = (address: string): boolean => {
  if (!address.includes(':') && !address.startsWith('169.254.')) return false;
  const key = ipKey(address);
  return key !== undefined && isLinkLocalKey(key);
};

/**
 * Addresses shown on an edge: global ones first; link-local only when nothing else is reported. Without link-local
 * addresses (the usual case) the reported list itself, not a copy: edges hold it read-only.
 */
const edgeIps = (addresses: readonly string[]): readonly string[] => {
  let global: string[] | undefined;
  for (let i = 0; i < addresses.length; i++) {
    if (isLinkLocal(addresses[i]!)) global ??= addresses.slice(0, i);
    else global?.push(addresses[i]!);
  }
  // No link-local address: the list as reported. All link-local: all of them.
  return global?.length ? global : addresses;
};

export const edgeLabel = (name: string, ips: readonly string[]): string =>
  ips.length === 0
    ? name
    : ips.length <= 2
      ? `${name} ${ips.join(' ')}`
      : `${name} ${ips[0]} +${ips.length - 1}`;

/**
 * Adds namespaces (and ghosts of missing NADs) to `sink`, and returns the VM nodes and interface edges, in VM id
 * order, as lists: they are most of the graph, are never looked up while building, and their ids cannot collide
 * with other elements' (`vm:` and `interface:` prefixes), so they skip the sink's maps. With `grouping`, the VMs
 * of namespaces that go into groups get no node or edges: they join `groups` (a VM's count and problems, each of its
 * interfaces' network and problems) as they are read.
 */
export const buildVMs = (
  input: TopologyInput,
  networks: NetworkIndex,
  sink: Sink,
  grouping?: Grouping,
): { nodes: GraphNode[]; edges: GraphEdge[]; groups?: VMGroups } => {
  const readable = new Set(input.namespaces.map((n) => n.metadata.name));
  // Namespace → name → VMI: no key string built per VM.
  const vmis = new Map<string, Map<string, VMI>>();
  for (const vmi of input.vmis) {
    const ns = vmi.metadata.namespace ?? '';
    let byName = vmis.get(ns);
    if (!byName) vmis.set(ns, (byName = new Map<string, VMI>()));
    byName.set(vmi.metadata.name, vmi);
  }
  const rowOptions = { primaryUdnNamespaces: new Set(networks.primaryOf.keys()) };

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

  // VMs in id order: the graph is sorted by id at the end, and a list that is already in order sorts in one pass.
  const ordered = input.vms.map((vm) => ({ vm, id: vmId(vm.metadata.namespace ?? '', vm.metadata.name) }));
  ordered.sort(byId);
  // With `grouping`: the namespaces whose VMs go into a group (as `collapse` would count them: one per id).
  let grouped = new Set<string>();
  const groups = grouping && new VMGroups();
  if (grouping) {
    const counts = new Map<string, number>();
    for (let v = 0; v < ordered.length; v++) {
      if (ordered[v + 1]?.id === ordered[v]!.id) continue;
      const ns = ordered[v]!.vm.metadata.namespace ?? '';
      counts.set(ns, (counts.get(ns) ?? 0) + 1);
    }
    grouped = groupedNamespaces(counts, grouping.threshold, grouping.expanded);
  }

  /** Where an interface leads (adding a ghost for a missing NAD), with its problems; undefined: no network. */
  const link = (entry: InterfaceEntry, ns: string) => {
    const network = getNetworkRef(entry.net, entry.iface && getBinding(entry.iface), ns, rowOptions);
    if (!network) return undefined;
    let target: string;
    const problems: TopologyProblem[] = [];
    if (network.kind === 'pod') target = POD_NETWORK_ID;
    else if (network.kind === 'primary-udn') target = networks.primaryOf.get(ns) ?? POD_NETWORK_ID;
    else {
      // A multus reference: its key is `<nadNamespace>/<nadName>`.
      const ref = network.key;
      const found = networks.byNadRef.get(ref);
      if (found) target = found;
      else {
        target = missingNadId(network.nadNamespace!, network.nadName!);
        const p = readable.has(network.nadNamespace!)
          ? problem('nad-missing', { ref })
          : problem('nad-unreadable', { ref }, 'warning');
        problems.push(p);
        if (!sink.nodes.has(target)) {
          sink.nodes.set(target, {
            id: target,
            kind: 'NetworkAttachmentDefinition',
            name: network.nadName!,
            namespace: network.nadNamespace,
            missing: true,
            flavor: network.kind === 'sriov' ? 'sriov' : 'other',
            problems: [p],
            details: [],
          });
        }
      }
    }
    const pending: GraphEdge['pending'] = entry.pendingHotplug
      ? 'hotplug'
      : entry.pendingUnplug
        ? 'unplug'
        : undefined;
    if (pending === 'hotplug') problems.push(problem('pending-hotplug', { iface: entry.name }, 'info'));
    if (pending === 'unplug') problems.push(problem('pending-unplug', { iface: entry.name }, 'info'));
    return { target, problems, pending };
  };
  const restartProblems = (vm: VM): TopologyProblem[] =>
    isRestartRequired(vm) ? [problem('restart-required', {}, 'warning')] : [];

  const vmNodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  // A grouped VM's interface edges, before they join its group (only what the group needs of them).
  const members: Pick<GraphEdge, 'id' | 'target' | 'kind' | 'problems'>[] = [];
  for (let v = 0; v < ordered.length; v++) {
    const { vm, id } = ordered[v]!;
    // One VM per id (a list holds each object once; should it not, the last copy wins).
    if (ordered[v + 1]?.id === id) continue;
    const ns = vm.metadata.namespace ?? '';
    const vmi = vmis.get(ns)?.get(vm.metadata.name);
    const entries = interfaceEntries(vm, vmi);
    const edgeId = (entry: InterfaceEntry) =>
      `interface:${id}/${entry.origin === 'guest' ? '~' : ''}${entry.name}`;

    if (groups && grouped.has(ns)) {
      groups.addVM(ns, restartProblems(vm));
      members.length = 0;
      for (const entry of entries) {
        const to = link(entry, ns);
        if (!to) continue;
        const member = {
          id: edgeId(entry),
          target: to.target,
          kind: 'interface' as const,
          problems: to.problems,
        };
        // Two status entries of one name: one edge, the later one (as below).
        let i = 0;
        while (i < members.length && members[i]!.id !== member.id) i++;
        members[i] = member;
      }
      for (const member of members) groups.addEdge(ns, member);
      continue;
    }

    const nodeName = vmi?.status?.nodeName;
    let count = 0;
    for (const entry of entries) if (entry.origin !== 'guest') count++;
    const details: [DetailLabel, string][] = [
      ['Status', entries.length ? getRunState(vm, vmi).status : (vm.status?.printableStatus ?? '')],
    ];
    if (nodeName) details.push(['Node', nodeName]);
    details.push(['Interfaces', String(count)]);
    vmNodes.push({
      id,
      kind: 'VirtualMachine',
      name: vm.metadata.name,
      namespace: ns,
      parent: namespaceId(ns),
      node: nodeName,
      problems: restartProblems(vm),
      details,
    });
    const first = edges.length;
    for (const entry of entries) {
      const to = link(entry, ns);
      if (!to) continue;
      const ips = edgeIps(statusIps(entry.status));
      const edge: GraphEdge = {
        id: edgeId(entry),
        source: id,
        target: to.target,
        kind: 'interface',
        label: edgeLabel(entry.name, ips),
        interfaceName: entry.name,
        ips,
        pending: to.pending,
        problems: to.problems,
      };
      // Two status entries of one name (guest-reported): one edge, the later one, as a map would keep it.
      let i = first;
      while (i < edges.length && edges[i]!.id !== edge.id) i++;
      edges[i] = edge;
    }
  }
  return { nodes: vmNodes, edges, groups };
};
