/**
 * Blast radius of an NNCP: what rides on the interfaces it touches, on the nodes it selects. Bridge mappings and
 * the localnet networks using them (ClusterUserDefinedNetworks, NADs), Linux-bridge NADs on its bridges, SR-IOV
 * policies on its NICs, and the VMs attached to those networks, the ones running on its nodes first. Removing a
 * bridge (or a mapping) that networks still use is a warning that names them.
 *
 * How a network finds its host side: a localnet CUDN by `spec.network.localnet.physicalNetworkName`, a localnet
 * NAD (ovn-k8s-cni-overlay) by `physicalNetworkName`, defaulting to its network `name` (ovn-kubernetes
 * `go-controller/pkg/config/cni.go`, the physical network of a localnet is its name unless set); a bridge NAD
 * (`bridge` / `cnv-bridge` CNI) by `bridge`; an SR-IOV policy by `nicSelector.pfNames` ("ens1f0#0-3" names the
 * PF ens1f0); a VM by `multus.networkName` (`name` or `namespace/name`).
 *
 * Two changes break networks without removing anything: a bridge mapping the policy points at another bridge than
 * the one a selected node maps it to now (its localnets leave through another uplink: nmstate replaces the
 * mapping), and a port the policy gives to its bridge or bond while a selected node has it in another one (nmstate
 * moves the port: the other bridge loses that uplink, which is how a bridge is renamed).
 */
import type { K8sObject } from '../kube/meta';
import {
  parseCniConfig,
  type ClusterUserDefinedNetwork,
  type NetworkAttachmentDefinition,
  type NMStateInterface,
  type NMStateState,
  type SriovNetwork,
  type SriovNetworkNodePolicy,
} from '../kube/networks';
import type { VM, VMI } from '../kube/vm';
import { matchesLabels } from '../manifests/shared/check';
import { resolveNetworkName } from '../manifests/vm/vmNetworks';

export type BlastInput = {
  /** The policy's desired state (a draft or an existing policy). */
  desired: NMStateState;
  /** Nodes the policy selects. */
  nodes: readonly string[];
  /** Each selected node's current state (NodeNetworkState), by node name. */
  current: ReadonlyMap<string, NMStateState | undefined>;
  nodeLabels: ReadonlyMap<string, Record<string, string>>;
  cudns: readonly ClusterUserDefinedNetwork[];
  nads: readonly NetworkAttachmentDefinition[];
  sriovPolicies: readonly SriovNetworkNodePolicy[];
  sriovNetworks: readonly SriovNetwork[];
  vms: readonly VM[];
  vmis: readonly VMI[];
};

export type Rider = {
  kind: 'ClusterUserDefinedNetwork' | 'NetworkAttachmentDefinition' | 'SriovNetworkNodePolicy';
  namespace?: string;
  name: string;
  /** What of the policy's it rides on: a localnet, a bridge or a NIC. */
  via: string;
};

export type RidingVM = {
  namespace: string;
  name: string;
  /** The network (as `namespace/name` NAD or CUDN name) it reaches the touched interfaces through. */
  network: string;
  /** Where it runs, when running. */
  node?: string;
  onSelectedNode: boolean;
};

export type BlastRadius = {
  /** OVN localnet → OVS bridge mappings on touched bridges (desired or current on a selected node). */
  bridgeMappings: { localnet: string; bridge: string }[];
  networks: Rider[];
  sriovPolicies: Rider[];
  /** Running on a selected node first, then by namespace and name. */
  vms: RidingVM[];
  /**
   * A bridge, NIC or mapping the policy removes while these still use it; `moved`: a mapping it points from the
   * bridge `from` to `to`; `port-taken`: a bridge or bond (`what`) losing its port `from` to `to`.
   */
  removals: Removal[];
};

export type Removal = {
  what: string;
  users: string[];
  /** The VMs attached to those networks (`namespace/name`), running on a selected node first. */
  vms: string[];
  change?: 'moved' | 'port-taken';
  from?: string;
  to?: string;
};

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const key = (o: K8sObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const byText = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The interface names a desired state touches: the interfaces, their ports and VLAN bases. */
const touchedNames = (ifaces: readonly NMStateInterface[]): string[] =>
  uniq(
    ifaces.flatMap((i) => [
      i.name,
      ...(i.bridge?.port?.map((p) => p.name) ?? []),
      ...(i['link-aggregation']?.port ?? i['link-aggregation']?.slaves ?? []),
      ...(i.vlan ? [i.vlan['base-iface']] : []),
    ]),
  ).filter(Boolean);

/** The bridge or bond a node has `port` in (its `controller`, or the bridge/bond listing it as a port). */
const controllerOf = (
  ifaces: readonly NMStateInterface[],
  port: string,
): { name: string; type: string } | undefined => {
  const own = ifaces.find((i) => i.name === port && typeof i.controller === 'string')?.controller;
  const owner = ifaces.find(
    (i) =>
      i.name !== port &&
      (i.type === 'linux-bridge' || i.type === 'ovs-bridge' || i.type === 'bond') &&
      (own
        ? i.name === own
        : (i.bridge?.port?.some((p) => p.name === port) ??
          (i['link-aggregation']?.port ?? i['link-aggregation']?.slaves ?? []).includes(port))),
  );
  return owner ? { name: owner.name, type: owner.type } : undefined;
};

export const blastRadius = (input: BlastInput): BlastRadius => {
  const desired = (input.desired.interfaces ?? []).filter((i) => i && typeof i.name === 'string');
  const names = new Set(touchedNames(desired));
  const removed = new Set(desired.filter((i) => i.state === 'absent').map((i) => i.name));
  const linuxBridges = new Set(desired.filter((i) => i.type === 'linux-bridge').map((i) => i.name));
  const ovsBridges = new Set(desired.filter((i) => i.type === 'ovs-bridge').map((i) => i.name));

  // Ports the policy takes from another bridge or bond on a selected node: that one loses an uplink.
  const taken = new Map<string, { port: string; to: string }>();
  for (const d of desired) {
    if (d.state === 'absent') continue;
    const ports = [
      ...(d.bridge?.port?.map((p) => p.name) ?? []),
      ...(d['link-aggregation']?.port ?? d['link-aggregation']?.slaves ?? []),
    ];
    for (const node of input.nodes) {
      const ifaces = input.current.get(node)?.interfaces ?? [];
      for (const port of ports) {
        const owner = controllerOf(ifaces, port);
        if (!owner || owner.name === d.name || removed.has(owner.name) || taken.has(owner.name)) continue;
        taken.set(owner.name, { port, to: d.name });
        if (owner.type === 'linux-bridge') linuxBridges.add(owner.name);
        if (owner.type === 'ovs-bridge') ovsBridges.add(owner.name);
      }
    }
  }

  // Bridge mappings: those the policy sets, and those on its OVS bridges on the selected nodes.
  const mappings = new Map<string, { localnet: string; bridge: string; removed: boolean }>();
  /** Localnet → the bridge a selected node maps it to now, when the policy maps it to another one. */
  const moved = new Map<string, { from: string; to: string }>();
  for (const m of input.desired.ovn?.['bridge-mappings'] ?? [])
    mappings.set(m.localnet, { localnet: m.localnet, bridge: m.bridge, removed: m.state === 'absent' });
  for (const node of input.nodes) {
    for (const m of input.current.get(node)?.ovn?.['bridge-mappings'] ?? []) {
      if (m.state === 'absent') continue;
      const mine = mappings.get(m.localnet);
      if (mine && !mine.removed && mine.bridge !== m.bridge && !moved.has(m.localnet))
        moved.set(m.localnet, { from: m.bridge, to: mine.bridge });
      if (ovsBridges.has(m.bridge) && !mine)
        mappings.set(m.localnet, { localnet: m.localnet, bridge: m.bridge, removed: removed.has(m.bridge) });
    }
  }

  const networks: Rider[] = [];
  /** NAD `namespace/name` or CUDN name → what it rides on. */
  const riders = new Map<string, string>();
  for (const c of input.cudns) {
    const l = c.spec?.network?.localnet;
    if (c.spec?.network?.topology !== 'Localnet' || !l || !mappings.has(l.physicalNetworkName)) continue;
    networks.push({ kind: 'ClusterUserDefinedNetwork', name: c.metadata.name, via: l.physicalNetworkName });
  }
  const cudnNames = new Set(networks.map((n) => n.name));
  for (const nad of input.nads) {
    const owner = nad.metadata.ownerReferences?.find((o) => o.kind === 'ClusterUserDefinedNetwork');
    if (owner) {
      // OVN-K renders a CUDN's NAD into each namespace it selects: VMs attach through those.
      if (cudnNames.has(owner.name)) riders.set(key(nad), owner.name);
      continue;
    }
    const cni = parseCniConfig(nad);
    if (!cni) continue;
    let via: string | undefined;
    if (cni.type === 'ovn-k8s-cni-overlay' && cni.topology === 'localnet') {
      const physnet = cni.physicalNetworkName ?? cni.name;
      if (physnet && mappings.has(physnet)) via = physnet;
    } else if (
      (cni.type === 'bridge' || cni.type === 'cnv-bridge') &&
      cni.bridge &&
      linuxBridges.has(cni.bridge)
    ) {
      via = cni.bridge;
    }
    if (!via) continue;
    networks.push({
      kind: 'NetworkAttachmentDefinition',
      namespace: nad.metadata.namespace,
      name: nad.metadata.name,
      via,
    });
    riders.set(key(nad), key(nad));
  }

  const selectedLabels = input.nodes.map((n) => input.nodeLabels.get(n));
  const sriovPolicies: Rider[] = input.sriovPolicies.flatMap((p) => {
    const pfs = (p.spec?.nicSelector?.pfNames ?? []).map((pf) => pf.split('#')[0] ?? pf);
    const nic = pfs.find((pf) => names.has(pf));
    if (!nic) return [];
    // Only where the SR-IOV policy applies too (when node labels are known).
    if (
      selectedLabels.every(Boolean) &&
      !selectedLabels.some((l) => matchesLabels(p.spec.nodeSelector ?? {}, l))
    )
      return [];
    return [
      { kind: 'SriovNetworkNodePolicy', namespace: p.metadata.namespace, name: p.metadata.name, via: nic },
    ];
  });
  const resources = new Set(
    input.sriovPolicies
      .filter((p) =>
        sriovPolicies.some((s) => s.name === p.metadata.name && s.namespace === p.metadata.namespace),
      )
      .map((p) => p.spec.resourceName),
  );
  for (const s of input.sriovNetworks) {
    if (!resources.has(s.spec?.resourceName)) continue;
    const ns = s.spec.networkNamespace || s.metadata.namespace || '';
    riders.set(`${ns}/${s.metadata.name}`, `${ns}/${s.metadata.name}`);
  }

  const running = new Map(input.vmis.map((v) => [key(v), v.status?.nodeName]));
  const selected = new Set(input.nodes);
  const vms: RidingVM[] = [];
  for (const vm of input.vms) {
    for (const n of vm.spec?.template?.spec?.networks ?? []) {
      if (!n.multus?.networkName) continue;
      const network = riders.get(resolveNetworkName(n.multus.networkName, vm.metadata.namespace));
      if (!network) continue;
      const node = running.get(key(vm));
      vms.push({
        namespace: vm.metadata.namespace ?? '',
        name: vm.metadata.name,
        network,
        node,
        onSelectedNode: !!node && selected.has(node),
      });
      break;
    }
  }
  vms.sort(
    (a, b) =>
      Number(b.onSelectedNode) - Number(a.onSelectedNode) ||
      byText(a.namespace, b.namespace) ||
      byText(a.name, b.name),
  );

  const label = (r: Rider) => (r.namespace ? `${r.namespace}/${r.name}` : r.name);
  /** Networks riding on a bridge: directly (Linux bridge NADs), or through a localnet mapped to it. */
  const usersOf = (bridge: string) => {
    const localnets = new Set(
      [...mappings.values()].filter((m) => m.bridge === bridge).map((m) => m.localnet),
    );
    return [...networks, ...sriovPolicies].filter((r) => r.via === bridge || localnets.has(r.via)).map(label);
  };
  const vmsOf = (users: readonly string[]) =>
    vms.filter((v) => users.includes(v.network)).map((v) => `${v.namespace}/${v.name}`);
  const removals: Removal[] = [
    ...[...removed].map((what) => ({
      what,
      users: [...networks, ...sriovPolicies].filter((r) => r.via === what).map(label),
    })),
    ...[...mappings.values()]
      .filter((m) => m.removed)
      .map((m) => ({
        what: m.localnet,
        users: networks.filter((r) => r.via === m.localnet).map(label),
      })),
    ...[...moved].map(([localnet, m]) => ({
      what: localnet,
      users: networks.filter((r) => r.via === localnet).map(label),
      change: 'moved' as const,
      ...m,
    })),
    ...[...taken].map(([what, t]) => ({
      what,
      users: usersOf(what),
      change: 'port-taken' as const,
      from: t.port,
      to: t.to,
    })),
  ]
    .filter((r) => r.users.length > 0)
    .map((r) => ({ ...r, vms: vmsOf(r.users) }));

  return {
    bridgeMappings: [...mappings.values()]
      .map(({ localnet, bridge }) => ({ localnet, bridge }))
      .sort((a, b) => byText(a.localnet, b.localnet)),
    networks,
    sriovPolicies,
    vms,
    removals,
  };
};
