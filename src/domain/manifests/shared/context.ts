/**
 * Cluster facts the validators use. Every field is optional: without it the checks that need it are skipped
 * (the CLI without --kubeconfig, or a tenant who cannot read the resource). OVN-Kubernetes' reserved ranges fall
 * back to the documented defaults, so they are always checked.
 */
import type { IPFamily } from '../../net/cidr';
import type {
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  SriovNetworkNodePolicy,
  SriovNetworkNodeState,
} from '../../kube/networks';

/** A subnet already used by some network; `owner` names it for messages, e.g. "UserDefinedNetwork ns/blue". */
export type OwnedSubnet = { cidr: string; owner: string };

/** A NAD/UDN network name in use (OVN-K joins NADs with the same CNI `name` into one network). */
export type NamedNetwork = { networkName: string; owner: string; namespace?: string };

export type OvnReservedRanges = {
  join?: string[];
  transit?: string[];
  masquerade?: string[];
  /** Default join subnets of primary UDNs (spec.layer2/layer3.joinSubnets when unset). */
  udnJoin?: string[];
};

/** A pod-network address seen on the cluster (a VMI's pod interface), and whose. */
export type ObservedPodIp = { ip: string; owner: string };

/** Cluster facts the wizard could not read, so the checks that need them did not run (or ran on fallbacks). */
export type SkippedFact = 'network-config' | 'nodes' | 'namespaces' | 'nncps' | 'node-states' | 'vmis';
export type SkippedCheck = { fact: SkippedFact; reason: 'forbidden' | 'not-served' | 'failed' };

/** An object that exists, by kind and name (the wizards say a name is taken before Create). */
export type ExistingObject = { kind: string; namespace?: string; name: string };

export type ClusterContext = {
  /** IP families of the cluster network (network.config.openshift.io status.clusterNetwork). */
  ipFamilies?: IPFamily[];
  clusterNetworks?: string[];
  serviceNetworks?: string[];
  /** Network status.clusterNetworkMTU: the most an OVN-Kubernetes overlay can carry. */
  clusterNetworkMtu?: number;
  /** The cluster's own values (Network operator ovnKubernetesConfig); missing entries use OVN_DEFAULTS. */
  ovnReserved?: OvnReservedRanges;
  existingSubnets?: OwnedSubnet[];
  existingNetworkNames?: NamedNetwork[];
  /**
   * Owner ('Kind namespace/name', facts.ownerOf) of the object being checked: its own entries in
   * existingSubnets / existingNetworkNames are not conflicts. Set instead of filtering those lists per object,
   * which made checking n manifests quadratic.
   */
  selfOwner?: string;
  /**
   * The cluster network configuration could not be read: check subnets against OpenShift's default cluster and
   * service networks, as warnings (podNetwork.ts).
   */
  assumeOpenShiftDefaults?: boolean;
  /** Pod-network addresses seen on VMIs: a subnet containing one overlaps the pod network in use. */
  observedPodIps?: ObservedPodIp[];
  /** What could not be read, and why: the wizard says which checks did not run. */
  skippedChecks?: SkippedCheck[];
  /** Objects of the kinds the wizards create, from the lists the user can read. */
  existingObjects?: ExistingObject[];
  namespaces?: { name: string; labels?: Record<string, string> }[];
  nodes?: { name: string; labels?: Record<string, string> }[];
  nodeStates?: NodeNetworkState[];
  nncps?: NodeNetworkConfigurationPolicy[];
  sriovNodeStates?: SriovNetworkNodeState[];
  sriovPolicies?: SriovNetworkNodePolicy[];
  /** Which optional APIs the cluster serves; undefined means unknown (offer the kind). */
  installed?: { udn?: boolean; nmstate?: boolean; sriov?: boolean; bridgeCni?: boolean };
};

/**
 * OVN-Kubernetes defaults (verified against the OpenShift docs, cidr-range-definitions.adoc, and
 * ovn-kubernetes go-controller config): join 100.64.0.0/16 + fd98::/64, transit switch 100.88.0.0/16 +
 * fd97::/64, masquerade 169.254.0.0/17 + fd69::/112 (OpenShift ≥ 4.17 installs; upgraded clusters keep
 * 169.254.169.0/29 + fd69::/125, which the /17 and /112 contain). Primary UDNs get join 100.65.0.0/16 + fd99::/64.
 */
export const OVN_DEFAULTS: Required<OvnReservedRanges> = {
  join: ['100.64.0.0/16', 'fd98::/64'],
  transit: ['100.88.0.0/16', 'fd97::/64'],
  masquerade: ['169.254.0.0/17', 'fd69::/112'],
  udnJoin: ['100.65.0.0/16', 'fd99::/64'],
};

export type ReservedRange = { cidr: string; name: 'join' | 'transit' | 'masquerade' | 'UDN join' };

/**
 * By the context's `ovnReserved` (the validators copy the context per manifest, but not that object): the subnet
 * checks ask for every subnet of every manifest. Frozen, so sharing is safe.
 */
const NO_OVERRIDES: OvnReservedRanges = {};
const reservedCache = new WeakMap<
  OvnReservedRanges,
  Partial<Record<'primary' | 'other', readonly ReservedRange[]>>
>();

export const reservedRanges = (ctx: ClusterContext, opts: { primary: boolean }): readonly ReservedRange[] => {
  const key = ctx.ovnReserved ?? NO_OVERRIDES;
  const byRole = reservedCache.get(key) ?? {};
  const role = opts.primary ? 'primary' : 'other';
  const known = byRole[role];
  if (known) return known;
  const ranges = Object.freeze(computeReservedRanges(ctx, opts));
  reservedCache.set(key, { ...byRole, [role]: ranges });
  return ranges;
};

const computeReservedRanges = (ctx: ClusterContext, opts: { primary: boolean }): ReservedRange[] => {
  const r = { ...OVN_DEFAULTS, ...ctx.ovnReserved };
  return [
    ...r.join.map((cidr) => ({ cidr, name: 'join' as const })),
    ...r.transit.map((cidr) => ({ cidr, name: 'transit' as const })),
    ...r.masquerade.map((cidr) => ({ cidr, name: 'masquerade' as const })),
    ...(opts.primary ? r.udnJoin.map((cidr) => ({ cidr, name: 'UDN join' as const })) : []),
  ];
};

/** An IPv6 single-stack cluster: known families are exactly [6]. */
export const isIPv6SingleStack = (ctx: ClusterContext): boolean =>
  ctx.ipFamilies !== undefined && ctx.ipFamilies.length === 1 && ctx.ipFamilies[0] === 6;
