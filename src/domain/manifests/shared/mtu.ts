/**
 * MTU against the uplink it rides on, from NodeNetworkState. A network cannot carry frames larger than its
 * uplink; an overlay also needs room for the Geneve header (OVN-Kubernetes sets the default network MTU to the
 * uplink MTU minus 100 for this).
 */
import type { FieldIssue } from '../../issues';
import { err, warn } from './check';
import type { ClusterContext } from './context';
import {
  MACHINE_NETWORK_BRIDGE,
  getBridgeUplinkMtu,
  getPhysicalNetworkOptions,
  getSelectedNodeStates,
} from './options';

/** OVN-Kubernetes Geneve overhead reserved below the uplink MTU (IPv6 underlay needs the full 100 bytes). */
export const GENEVE_OVERHEAD = 100;

export type MtuTarget =
  | { kind: 'overlay' }
  | { kind: 'localnet'; physicalNetworkName: string }
  | { kind: 'bridge'; bridge: string; nodeSelector?: Record<string, string> };

const bridgeOf = (target: MtuTarget, ctx: ClusterContext): string | undefined => {
  if (target.kind === 'overlay') return MACHINE_NETWORK_BRIDGE;
  if (target.kind === 'bridge') return target.bridge;
  return getPhysicalNetworkOptions(ctx.nncps ?? []).find((o) => o.name === target.physicalNetworkName)
    ?.bridge;
};

/** Checks `mtu` (already range-checked) against the uplink; nothing when the cluster facts are unknown. */
export const validateNetworkMtu = (
  field: string,
  mtu: number,
  ctx: ClusterContext,
  target: MtuTarget,
): FieldIssue[] => {
  // An overlay rides the cluster network: its MTU (the uplink's less the Geneve overhead, from Network
  // status.clusterNetworkMTU) bounds the overlay's, known even when the node states cannot be read.
  if (target.kind === 'overlay' && ctx.clusterNetworkMtu !== undefined && mtu > ctx.clusterNetworkMtu)
    return [err(field, 'mtu-above-cluster-network', { mtu, max: ctx.clusterNetworkMtu })];
  const bridge = bridgeOf(target, ctx);
  const states = getSelectedNodeStates(ctx, target.kind === 'bridge' ? target.nodeSelector : undefined);
  const uplink = bridge ? getBridgeUplinkMtu(states, bridge) : undefined;
  if (!uplink) return [];
  const params = {
    mtu,
    uplinkMtu: uplink.mtu,
    uplink: `${bridge ?? ''}/${uplink.uplink}`,
    node: uplink.node,
  };
  if (mtu > uplink.mtu) return [err(field, 'mtu-above-uplink', params)];
  const max = uplink.mtu - GENEVE_OVERHEAD;
  return target.kind === 'overlay' && mtu > max ? [warn(field, 'mtu-above-overlay', { ...params, max })] : [];
};
