/**
 * "Why can't this VM reach …?": which networks the VM's namespace can use (and why the others are not offered),
 * and for a destination (another VM, an IP, the internet, a Service) which of the VM's interfaces could carry the
 * traffic, what is in the way and who can fix it. Reads the topology graph (domain/topology), so it sees what the
 * topology page sees; where it cannot know (guest routes, firewalls), it says so.
 *
 * Rules (OpenShift Virtualization and OVN-Kubernetes documentation, "About user-defined networks", "Attaching a
 * VM to a secondary network"; Multus namespace isolation):
 * - a NetworkAttachmentDefinition can be attached from its own namespace, or from `default` (the default NAD
 *   namespace OpenShift's Multus accepts references to);
 * - a UserDefinedNetwork serves only its namespace; a ClusterUserDefinedNetwork the namespaces it selects;
 * - a primary UDN replaces the pod network of its namespace and isolates it from the pod network and from other
 *   namespaces (Services of other namespaces included); the namespace needs the label
 *   `k8s.ovn.org/primary-user-defined-network` when it is created;
 * - localnet needs an OVN bridge mapping, a Linux-bridge network its bridge, and SR-IOV a PF with VFs, on the node
 *   the VM runs on.
 */
import { parseCidr, ipKey, keyInCidr } from '../interfaces/ip';
import type { K8sObject } from '../kube/meta';
import { namespaceId, POD_NETWORK_ID } from '../topology/ids';
import type { GraphEdge, GraphNode, TopologyGraph } from '../topology/types';
import { adjacency, isNetwork } from '../topology/view';

export const reachTexts = [
  'The pod network of this namespace',
  "This namespace's primary network",
  'Replaced in this namespace by its primary network {{network}}',
  'A network of this namespace',
  'Offered to every namespace from the default namespace',
  'Only VMs of namespace {{namespace}} can attach it (a NetworkAttachmentDefinition is used from its own namespace or from default)',
  'A UserDefinedNetwork serves only its own namespace ({{namespace}})',
  'Its namespace selector picks this namespace',
  'Its namespace selector does not pick this namespace',
  'Rendered into namespace {{namespace}} only',
  'No OVN bridge mapping for its physical network on node {{node}}, where the VM runs',
  'Bridge missing on node {{node}}, where the VM runs',
  'No SR-IOV PF for it on node {{node}}, where the VM runs',
  'The namespace lacks the label k8s.ovn.org/primary-user-defined-network, so its primary UDN does not apply',
  'Both are on {{network}} ({{iface}} → {{peer}})',
  '{{vm}} has no address reported on {{network}}; without the guest agent the address is unknown',
  'Namespace {{namespace}} is isolated by its primary network: it reaches neither the pod network nor other namespaces',
  'They share no network: this VM is on {{mine}}; the other on {{theirs}}',
  'Attach both to one network: a ClusterUserDefinedNetwork selecting both namespaces, or a NetworkAttachmentDefinition in default',
  'NetworkPolicy {{policy}} selects {{vm}}: it may allow only some traffic to it',
  'MultiNetworkPolicy {{policy}} applies on {{network}}: it may allow only some traffic',
  '{{ip}} is in the subnet {{subnet}} of {{network}}, on interface {{iface}}',
  '{{ip}} is in no subnet of this VM: it leaves through the primary network ({{network}}) and the node, with NAT',
  'Whether the guest routes it there, and what firewalls between do, cannot be seen from the cluster',
  'Not an IP address',
  'Leaves through {{network}} and the node, with NAT',
  'Egress firewalls and the datacenter network are not visible here',
  'A Service of namespace {{namespace}} is reached through the primary network {{network}}',
  'Services of other namespaces are out of reach from a namespace isolated by its primary network',
  'This VM has no interface on a primary network',
  'VM not found',
] as const;
export type ReachText = (typeof reachTexts)[number];

export type Fixer = 'tenant' | 'admin';
export type ReachNote = { text: ReachText; params?: Record<string, string>; who?: Fixer };

export type NetworkOffer = {
  network: GraphNode;
  usable: boolean;
  why: ReachNote[];
};

export type Destination =
  | { kind: 'vm'; namespace: string; name: string }
  | { kind: 'ip'; ip: string }
  | { kind: 'internet' }
  | { kind: 'service'; namespace: string };

export type ReachPath = { iface: string; network: string; ok: boolean };

export type ReachAnswer = {
  /** Interfaces that could carry the traffic. */
  paths: ReachPath[];
  /** What is in the way, each with who can fix it. */
  obstacles: ReachNote[];
  /** What cannot be known from the cluster. */
  unknowns: ReachNote[];
};

/** A NetworkPolicy or MultiNetworkPolicy, only what is read here. */
export type PolicyObject = K8sObject & {
  spec?: { podSelector?: { matchLabels?: Record<string, string> } };
};

export type ReachFacts = {
  /** Pod labels of VMs (`<namespace>/<name>` → the VM template's labels), for NetworkPolicy selectors. */
  vmLabels?: ReadonlyMap<string, Record<string, string>>;
  networkPolicies?: readonly PolicyObject[];
  multiNetworkPolicies?: readonly PolicyObject[];
  /** Namespace labels, when readable. */
  namespaceLabels?: ReadonlyMap<string, Record<string, string>>;
};

const PRIMARY_LABEL = 'k8s.ovn.org/primary-user-defined-network';

const note = (text: ReachText, params?: Record<string, string>, who?: Fixer): ReachNote => ({
  text,
  params,
  who,
});

const label = (n: GraphNode) =>
  n.kind === 'PodNetwork' ? 'pod network' : n.namespace ? `${n.namespace}/${n.name}` : n.name;

type Ctx = {
  byId: Map<string, GraphNode>;
  adj: ReturnType<typeof adjacency>;
};

const ctxOf = (g: TopologyGraph): Ctx => ({
  byId: new Map(g.nodes.map((n) => [n.id, n])),
  adj: adjacency(g),
});

const primaryOf = (c: Ctx, ns: string): GraphNode | undefined => {
  const e = (c.adj.out.get(namespaceId(ns)) ?? []).find((x) => x.kind === 'primary-network');
  return e ? c.byId.get(e.target) : undefined;
};

/**
 * Does the network reach node `node` (a bridge mapping, Linux bridge or PF there)? The graph also draws a bridge
 * that is missing on a node, as a ghost (`missing`) with the reason: that one is not there.
 */
const onNode = (c: Ctx, net: GraphNode, node: string) =>
  (c.adj.out.get(net.id) ?? []).some((e) => {
    const target = e.kind === 'underlay' ? c.byId.get(e.target) : undefined;
    return target?.node === node && !target.missing;
  });
const hasUnderlay = (c: Ctx, net: GraphNode) =>
  (c.adj.out.get(net.id) ?? []).some((e) => e.kind === 'underlay');

/** Every network of the graph, usable from the VM's namespace or not, with why. */
export const networksFor = (g: TopologyGraph, vmIdValue: string, facts: ReachFacts = {}): NetworkOffer[] => {
  const c = ctxOf(g);
  const vm = c.byId.get(vmIdValue);
  if (!vm?.namespace) return [];
  const ns = vm.namespace;
  const primary = primaryOf(c, ns);
  const offers: NetworkOffer[] = [];
  for (const net of g.nodes) {
    if (!isNetwork(net) || net.missing) continue;
    const why: ReachNote[] = [];
    let usable = false;
    if (net.kind === 'PodNetwork') {
      usable = !primary || primary.id === POD_NETWORK_ID;
      why.push(
        usable
          ? note('The pod network of this namespace')
          : note('Replaced in this namespace by its primary network {{network}}', {
              network: label(primary!),
            }),
      );
    } else if (primary?.id === net.id) {
      usable = true;
      why.push(note("This namespace's primary network"));
    } else if (net.kind === 'UserDefinedNetwork') {
      usable = net.namespace === ns;
      why.push(
        usable
          ? note('A network of this namespace')
          : note('A UserDefinedNetwork serves only its own namespace ({{namespace}})', {
              namespace: net.namespace ?? '',
            }),
      );
    } else if (net.kind === 'ClusterUserDefinedNetwork') {
      usable = (net.filterKeys ?? []).some((k) => k.startsWith(`${ns}/`));
      why.push(
        usable
          ? note('Its namespace selector picks this namespace')
          : note('Its namespace selector does not pick this namespace', undefined, 'admin'),
      );
    } else if (net.kind === 'SriovNetwork') {
      const target = (net.filterKeys ?? [])[0]?.split('/')[0];
      usable = target === ns;
      why.push(
        usable
          ? note('A network of this namespace')
          : note('Rendered into namespace {{namespace}} only', { namespace: target ?? '' }, 'admin'),
      );
    } else {
      usable = net.namespace === ns || net.namespace === 'default';
      why.push(
        net.namespace === ns
          ? note('A network of this namespace')
          : net.namespace === 'default'
            ? note('Offered to every namespace from the default namespace')
            : note(
                'Only VMs of namespace {{namespace}} can attach it (a NetworkAttachmentDefinition is used from its own namespace or from default)',
                { namespace: net.namespace ?? '' },
                'tenant',
              ),
      );
    }
    // Node-bound networks must be present where the VM runs.
    if (usable && vm.node && hasUnderlay(c, net) && net.flavor !== 'pod' && !onNode(c, net, vm.node)) {
      usable = false;
      const params = { node: vm.node };
      if (net.flavor === 'ovn-localnet')
        why.push(
          note(
            'No OVN bridge mapping for its physical network on node {{node}}, where the VM runs',
            params,
            'admin',
          ),
        );
      else if (net.flavor === 'linux-bridge')
        why.push(note('Bridge missing on node {{node}}, where the VM runs', params, 'admin'));
      else if (net.flavor === 'sriov')
        why.push(note('No SR-IOV PF for it on node {{node}}, where the VM runs', params, 'admin'));
    }
    offers.push({ network: net, usable, why });
  }
  // A primary UDN in the namespace without the namespace label does not apply (OVN-K ignores it).
  const labels = facts.namespaceLabels?.get(ns);
  const udnPrimary = g.nodes.find((n) => n.kind === 'UserDefinedNetwork' && n.namespace === ns && n.primary);
  if (udnPrimary && labels && !(PRIMARY_LABEL in labels)) {
    offers
      .find((o) => o.network.id === udnPrimary.id)
      ?.why.push(
        note(
          'The namespace lacks the label k8s.ovn.org/primary-user-defined-network, so its primary UDN does not apply',
          undefined,
          'admin',
        ),
      );
  }
  return offers.sort(
    (a, b) => Number(b.usable) - Number(a.usable) || a.network.id.localeCompare(b.network.id),
  );
};

const interfaces = (c: Ctx, vmIdValue: string): GraphEdge[] =>
  (c.adj.out.get(vmIdValue) ?? []).filter((e) => e.kind === 'interface');

const labelsMatch = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

/** Why the VM can or cannot reach `dest`. */
export const explainReach = (
  g: TopologyGraph,
  vmIdValue: string,
  dest: Destination,
  facts: ReachFacts = {},
): ReachAnswer => {
  const c = ctxOf(g);
  const vm = c.byId.get(vmIdValue);
  const answer: ReachAnswer = { paths: [], obstacles: [], unknowns: [] };
  if (!vm?.namespace) {
    answer.obstacles.push(note('VM not found'));
    return answer;
  }
  const ns = vm.namespace;
  const mine = interfaces(c, vm.id);
  const primary = primaryOf(c, ns);
  const isolated = !!primary && primary.id !== POD_NETWORK_ID;
  const netName = (id: string) => {
    const n = c.byId.get(id);
    return n ? label(n) : id;
  };

  if (dest.kind === 'vm') {
    const peerId = `vm:${dest.namespace}/${dest.name}`;
    const peer = c.byId.get(peerId);
    if (!peer) {
      answer.obstacles.push(note('VM not found'));
      return answer;
    }
    const theirs = interfaces(c, peerId);
    const peerPrimary = primaryOf(c, dest.namespace);
    const peerIsolated = !!peerPrimary && peerPrimary.id !== POD_NETWORK_ID;
    for (const a of mine) {
      for (const b of theirs) {
        if (a.target !== b.target) continue;
        // The pod network (or a primary network) joins two namespaces only when neither is isolated.
        const viaPrimary = a.target === primary?.id || a.target === POD_NETWORK_ID;
        const crossIsolated =
          viaPrimary && ns !== dest.namespace && (isolated || peerIsolated) && a.target !== peerPrimary?.id;
        answer.paths.push({ iface: a.interfaceName ?? '', network: netName(a.target), ok: !crossIsolated });
        if (!crossIsolated && !b.ips?.length)
          answer.unknowns.push(
            note(
              '{{vm}} has no address reported on {{network}}; without the guest agent the address is unknown',
              {
                vm: `${dest.namespace}/${dest.name}`,
                network: netName(b.target),
              },
            ),
          );
      }
    }
    const okPaths = answer.paths.filter((p) => p.ok);
    if (isolated && ns !== dest.namespace && !okPaths.length)
      answer.obstacles.push(
        note(
          'Namespace {{namespace}} is isolated by its primary network: it reaches neither the pod network nor other namespaces',
          { namespace: ns },
          'admin',
        ),
      );
    if (peerIsolated && ns !== dest.namespace && !okPaths.length)
      answer.obstacles.push(
        note(
          'Namespace {{namespace}} is isolated by its primary network: it reaches neither the pod network nor other namespaces',
          { namespace: dest.namespace },
          'admin',
        ),
      );
    if (!okPaths.length) {
      answer.obstacles.push(
        note('They share no network: this VM is on {{mine}}; the other on {{theirs}}', {
          mine: [...new Set(mine.map((e) => netName(e.target)))].join(', ') || '—',
          theirs: [...new Set(theirs.map((e) => netName(e.target)))].join(', ') || '—',
        }),
        note(
          'Attach both to one network: a ClusterUserDefinedNetwork selecting both namespaces, or a NetworkAttachmentDefinition in default',
          undefined,
          'admin',
        ),
      );
    }
    const labels = facts.vmLabels?.get(`${dest.namespace}/${dest.name}`) ?? {};
    for (const p of facts.networkPolicies ?? []) {
      if (p.metadata.namespace === dest.namespace && labelsMatch(p.spec?.podSelector?.matchLabels, labels))
        answer.obstacles.push(
          note(
            'NetworkPolicy {{policy}} selects {{vm}}: it may allow only some traffic to it',
            {
              policy: p.metadata.name,
              vm: `${dest.namespace}/${dest.name}`,
            },
            'tenant',
          ),
        );
    }
    for (const p of facts.multiNetworkPolicies ?? []) {
      const on = p.metadata.annotations?.['k8s.v1.cni.cncf.io/policy-for'] ?? '';
      if (
        p.metadata.namespace === dest.namespace &&
        okPaths.some((x) => on.includes(x.network.split('/').pop() ?? ''))
      )
        answer.obstacles.push(
          note(
            'MultiNetworkPolicy {{policy}} applies on {{network}}: it may allow only some traffic',
            {
              policy: p.metadata.name,
              network: on,
            },
            'tenant',
          ),
        );
    }
    return answer;
  }

  const primaryEdge = mine.find((e) => e.target === (primary?.id ?? POD_NETWORK_ID));
  if (dest.kind === 'ip') {
    const key = ipKey(dest.ip.trim());
    if (!key) {
      answer.obstacles.push(note('Not an IP address'));
      return answer;
    }
    for (const e of mine) {
      const subnets = c.byId.get(e.target)?.details.find(([k]) => k === 'Subnets')?.[1] ?? '';
      for (const s of subnets
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)) {
        const cidr = parseCidr(s.split('/').slice(0, 2).join('/'));
        if (cidr && keyInCidr(key, cidr)) {
          answer.paths.push({ iface: e.interfaceName ?? '', network: netName(e.target), ok: true });
          answer.unknowns.push(
            note('{{ip}} is in the subnet {{subnet}} of {{network}}, on interface {{iface}}', {
              ip: dest.ip.trim(),
              subnet: s,
              network: netName(e.target),
              iface: e.interfaceName ?? '',
            }),
          );
        }
      }
    }
    if (!answer.paths.length && primaryEdge) {
      answer.paths.push({
        iface: primaryEdge.interfaceName ?? '',
        network: netName(primaryEdge.target),
        ok: true,
      });
      answer.unknowns.push(
        note(
          '{{ip}} is in no subnet of this VM: it leaves through the primary network ({{network}}) and the node, with NAT',
          {
            ip: dest.ip.trim(),
            network: netName(primaryEdge.target),
          },
        ),
      );
    }
    answer.unknowns.push(
      note(
        'Whether the guest routes it there, and what firewalls between do, cannot be seen from the cluster',
      ),
    );
    if (!answer.paths.length) answer.obstacles.push(note('This VM has no interface on a primary network'));
    return answer;
  }

  if (dest.kind === 'internet') {
    if (primaryEdge) {
      answer.paths.push({
        iface: primaryEdge.interfaceName ?? '',
        network: netName(primaryEdge.target),
        ok: true,
      });
      answer.unknowns.push(
        note('Leaves through {{network}} and the node, with NAT', { network: netName(primaryEdge.target) }),
      );
    } else answer.obstacles.push(note('This VM has no interface on a primary network', undefined, 'tenant'));
    answer.unknowns.push(note('Egress firewalls and the datacenter network are not visible here'));
    return answer;
  }

  // A Service: through the primary network; an isolated namespace reaches only its own Services.
  if (!primaryEdge) {
    answer.obstacles.push(note('This VM has no interface on a primary network', undefined, 'tenant'));
    return answer;
  }
  const blocked = isolated && dest.namespace !== ns;
  answer.paths.push({
    iface: primaryEdge.interfaceName ?? '',
    network: netName(primaryEdge.target),
    ok: !blocked,
  });
  if (blocked)
    answer.obstacles.push(
      note(
        'Services of other namespaces are out of reach from a namespace isolated by its primary network',
        undefined,
        'admin',
      ),
    );
  else
    answer.unknowns.push(
      note('A Service of namespace {{namespace}} is reached through the primary network {{network}}', {
        namespace: dest.namespace,
        network: netName(primaryEdge.target),
      }),
    );
  return answer;
};
