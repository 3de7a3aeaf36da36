/**
 * Form choices derived from live cluster data: physical network names from NNCP bridge mappings, NICs present on
 * every selected node (never the NIC behind br-ex for a new bridge), uplink MTUs, SR-IOV PFs with totalVfs.
 */
import type {
  BridgeMapping,
  NMStateInterface,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  SriovNetworkNodeState,
} from '../../kube/networks';
import { matchesLabels } from './check';
import type { ClusterContext } from './context';

export type PhysicalNetworkOption = { name: string; bridge: string; policy: string };

/** Localnet names mapped by NNCPs (`desiredState.ovn.bridge-mappings`), excluding removals and empty names. */
export const getPhysicalNetworkOptions = (
  nncps: readonly NodeNetworkConfigurationPolicy[],
): PhysicalNetworkOption[] =>
  nncps
    .flatMap((p) =>
      (p.spec.desiredState.ovn?.['bridge-mappings'] ?? [])
        .filter((m: BridgeMapping) => m.state !== 'absent' && m.localnet?.trim())
        .map((m) => ({ name: m.localnet, bridge: m.bridge, policy: p.metadata.name })),
    )
    .sort((a, b) => a.name.localeCompare(b.name) || a.policy.localeCompare(b.policy));

/** The node states of nodes matching `nodeSelector`; all states when node labels are unknown. */
export const getSelectedNodeStates = (
  ctx: ClusterContext,
  nodeSelector: Record<string, string> | undefined,
): NodeNetworkState[] => {
  const states = ctx.nodeStates ?? [];
  if (!ctx.nodes || !nodeSelector) return states;
  const names = new Set(ctx.nodes.filter((n) => matchesLabels(nodeSelector, n.labels)).map((n) => n.name));
  return states.filter((s) => names.has(s.metadata.name));
};

const interfacesOf = (state: NodeNetworkState): NMStateInterface[] =>
  state.status?.currentState?.interfaces ?? [];

const portsOf = (iface: NMStateInterface): string[] => [
  ...(iface.bridge?.port ?? []).map((p) => p.name),
  ...(iface['link-aggregation']?.port ?? iface['link-aggregation']?.slaves ?? []),
];

/** The machine network bridge OVN-Kubernetes creates on every node (shared gateway mode). */
export const MACHINE_NETWORK_BRIDGE = 'br-ex';

/** NICs (and the ports of bonds) behind br-ex on one node. */
export const getMachineNetworkNics = (state: NodeNetworkState): string[] => {
  const ifaces = interfacesOf(state);
  const brEx = ifaces.find((i) => i.name === MACHINE_NETWORK_BRIDGE && i.type === 'ovs-bridge');
  const direct = (brEx ? portsOf(brEx) : []).filter((n) => n !== MACHINE_NETWORK_BRIDGE);
  const viaBond = direct.flatMap((n) => {
    const bond = ifaces.find((i) => i.name === n && i.type === 'bond');
    return bond ? portsOf(bond) : [];
  });
  return [...direct, ...viaBond];
};

/** The bridge or bond that already has `nic` as a port on this node, if any. */
export const getController = (state: NodeNetworkState, nic: string): string | undefined => {
  const ifaces = interfacesOf(state);
  const own = ifaces.find((i) => i.name === nic)?.controller;
  return own ?? ifaces.find((i) => i.name !== nic && portsOf(i).includes(nic))?.name;
};

export type NicOption = {
  name: string;
  /** Smallest MTU of this NIC over the selected nodes. */
  mtu?: number;
  /** Why the NIC cannot be a bridge or bond port; undefined when it can. */
  unusable?: { reason: 'machine-network' | 'in-use'; node: string; controller?: string };
  /** A bond itself: an uplink, never a port of another bond. */
  bond?: boolean;
};

// Interfaces OVN-K and the kernel create; never uplinks (nmstate-console-plugin filters genev* the same way).
const HIDDEN = /^(genev_sys_|ovn-k8s-|br-int$|lo$|veth)/;

/** Ethernet and bond interfaces present on every selected node, with the reason a NIC is unusable. */
export const getNicOptions = (states: readonly NodeNetworkState[]): NicOption[] => {
  const [first, ...rest] = states;
  if (!first) return [];
  const candidates = interfacesOf(first)
    .filter((i) => (i.type === 'ethernet' || i.type === 'bond') && !HIDDEN.test(i.name))
    .map((i) => i.name)
    .filter((name) => rest.every((s) => interfacesOf(s).some((i) => i.name === name)));
  return candidates.sort().map((name) => {
    const mtus = states
      .map((s) => interfacesOf(s).find((i) => i.name === name)?.mtu)
      .filter((m): m is number => typeof m === 'number');
    const brEx = states.find((s) => getMachineNetworkNics(s).includes(name));
    const used = states.find((s) => getController(s, name) !== undefined);
    const unusable: NicOption['unusable'] = brEx
      ? { reason: 'machine-network', node: brEx.metadata.name }
      : used
        ? { reason: 'in-use', node: used.metadata.name, controller: getController(used, name) }
        : undefined;
    const bond = interfacesOf(first).find((i) => i.name === name)?.type === 'bond';
    return {
      name,
      ...(mtus.length ? { mtu: Math.min(...mtus) } : {}),
      ...(unusable ? { unusable } : {}),
      ...(bond ? { bond } : {}),
    };
  });
};

/** The smallest MTU of `iface` over the nodes (and which node has it), or undefined if it is nowhere. */
export const getUplinkMtu = (
  states: readonly NodeNetworkState[],
  iface: string,
): { mtu: number; node: string } | undefined =>
  states
    .map((s) => ({ node: s.metadata.name, mtu: interfacesOf(s).find((i) => i.name === iface)?.mtu }))
    .filter((x): x is { node: string; mtu: number } => typeof x.mtu === 'number')
    .reduce<{ mtu: number; node: string } | undefined>(
      (min, x) => (!min || x.mtu < min.mtu ? x : min),
      undefined,
    );

/** The smallest MTU among the ports of `bridge` (the bridge cannot carry more than its uplink). */
export const getBridgeUplinkMtu = (
  states: readonly NodeNetworkState[],
  bridge: string,
): { mtu: number; node: string; uplink: string } | undefined => {
  const perNode = states.flatMap((s) => {
    const br = interfacesOf(s).find((i) => i.name === bridge);
    const ports = br ? portsOf(br).filter((p) => p !== bridge) : [];
    return ports.flatMap((p) => {
      const mtu = interfacesOf(s).find((i) => i.name === p)?.mtu;
      return typeof mtu === 'number' ? [{ mtu, node: s.metadata.name, uplink: p }] : [];
    });
  });
  return perNode.reduce<(typeof perNode)[number] | undefined>(
    (m, x) => (!m || x.mtu < m.mtu ? x : m),
    undefined,
  );
};

export type PfOption = {
  node: string;
  name?: string;
  pciAddress: string;
  vendor?: string;
  deviceID?: string;
  totalvfs?: number;
  numVfs?: number;
  mtu?: number;
  /** ETH or IB, as the config daemon reads the port. */
  linkType?: string;
};

/** SR-IOV physical functions reported by SriovNetworkNodeState, optionally limited to some nodes. */
export const getPfOptions = (
  states: readonly SriovNetworkNodeState[],
  nodeNames?: readonly string[],
): PfOption[] =>
  states
    .filter((s) => !nodeNames || nodeNames.includes(s.metadata.name))
    .flatMap((s) =>
      (s.status?.interfaces ?? []).map((i) => ({
        node: s.metadata.name,
        pciAddress: i.pciAddress,
        ...(i.name !== undefined ? { name: i.name } : {}),
        ...(i.vendor !== undefined ? { vendor: i.vendor } : {}),
        ...(i.deviceID !== undefined ? { deviceID: i.deviceID } : {}),
        ...(i.totalvfs !== undefined ? { totalvfs: i.totalvfs } : {}),
        ...(i.numVfs !== undefined ? { numVfs: i.numVfs } : {}),
        ...(i.mtu !== undefined ? { mtu: i.mtu } : {}),
        ...(i.linkType !== undefined ? { linkType: i.linkType } : {}),
      })),
    );

/** Names of nodes matching a selector; undefined when node labels are unknown. */
export const getSelectedNodeNames = (
  ctx: ClusterContext,
  selector: Record<string, string>,
): string[] | undefined => ctx.nodes?.filter((n) => matchesLabels(selector, n.labels)).map((n) => n.name);
