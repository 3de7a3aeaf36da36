/** Which network kinds the wizard offers on this cluster, and why the others are not offered. */
import { type ClusterContext, isIPv6SingleStack } from './context';

export type NetworkKind =
  | 'nad-layer2'
  | 'nad-localnet'
  | 'nad-bridge'
  | 'udn-layer2'
  | 'udn-layer3'
  | 'cudn-layer2'
  | 'cudn-layer3'
  | 'cudn-localnet'
  | 'nncp'
  | 'sriov-policy'
  | 'sriov-network';

export const NETWORK_KINDS: readonly NetworkKind[] = [
  'nad-layer2',
  'nad-localnet',
  'nad-bridge',
  'udn-layer2',
  'udn-layer3',
  'cudn-layer2',
  'cudn-layer3',
  'cudn-localnet',
  'nncp',
  'sriov-policy',
  'sriov-network',
];

/** Reason codes; the UI and CLI map them to text (see `unavailableReasonText`). */
export type UnavailableReason =
  'ipv6-single-stack-overlay' | 'udn-api-missing' | 'nmstate-missing' | 'sriov-missing';

export const unavailableReasonText: Record<UnavailableReason, string> = {
  'ipv6-single-stack-overlay':
    'OpenShift Virtualization does not support OVN-Kubernetes overlay (layer2/layer3) networks for VMs on an IPv6 single-stack cluster; use localnet or a Linux bridge',
  'udn-api-missing': 'The cluster does not serve UserDefinedNetwork (k8s.ovn.org)',
  'nmstate-missing': 'The Kubernetes NMState operator is not installed',
  'sriov-missing': 'The SR-IOV Network Operator is not installed',
};

export type KindAvailability = { kind: NetworkKind; available: boolean; reason?: UnavailableReason };

const OVERLAYS: ReadonlySet<NetworkKind> = new Set([
  'nad-layer2',
  'udn-layer2',
  'udn-layer3',
  'cudn-layer2',
  'cudn-layer3',
]);

const reasonFor = (kind: NetworkKind, ctx: ClusterContext): UnavailableReason | undefined => {
  const installed = ctx.installed ?? {};
  if (OVERLAYS.has(kind) && isIPv6SingleStack(ctx)) return 'ipv6-single-stack-overlay';
  if ((kind.startsWith('udn-') || kind.startsWith('cudn-')) && installed.udn === false)
    return 'udn-api-missing';
  if (kind === 'nncp' && installed.nmstate === false) return 'nmstate-missing';
  if (kind.startsWith('sriov-') && installed.sriov === false) return 'sriov-missing';
  return undefined;
};

/**
 * Every kind with its availability. On an IPv6 single-stack cluster only localnet and Linux bridge networks
 * remain (KubeVirt plugin hides pod/overlay networking there, CNV-77599); NNCP and SR-IOV stay because they
 * configure hosts, and localnet needs an NNCP bridge mapping.
 */
export const availableKinds = (ctx: ClusterContext): KindAvailability[] =>
  NETWORK_KINDS.map((kind) => {
    const reason = reasonFor(kind, ctx);
    return reason ? { kind, available: false, reason } : { kind, available: true };
  });

/** One kind's availability (the validators ask for each manifest: no list of every kind built for it). */
export const isKindAvailable = (ctx: ClusterContext, kind: NetworkKind): KindAvailability => {
  const reason = NETWORK_KINDS.includes(kind) ? reasonFor(kind, ctx) : undefined;
  return reason ? { kind, available: false, reason } : { kind, available: true };
};
