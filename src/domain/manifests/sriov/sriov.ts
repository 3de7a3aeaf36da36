/**
 * SR-IOV forms: SriovNetworkNodePolicy (VFs on matching PFs) and SriovNetwork (the operator renders the NAD).
 * CRD rules come from the sriov-network-operator CRDs; the stricter ones mirror its admission webhook
 * (resourceName pattern, a non-empty nicSelector, RDMA vs vfio-pci, numVfs ≤ the PF's totalvfs, Mellanox ≤ 128).
 */
import type { FieldIssue } from '../../issues';
import type { SriovNetwork, SriovNetworkNodePolicy, SriovNicSelector } from '../../kube/networks';
import {
  err,
  isBlank,
  isInterfaceName,
  validateIntRange,
  validateLabelMap,
  validateLabelName,
  validateSubdomainName,
  validateVlan,
  warn,
} from '../shared/check';
import type { ClusterContext } from '../shared/context';
import { type PfOption, getPfOptions, getSelectedNodeNames } from '../shared/options';
import { validateDpdkAndLink } from './dpdk';
import { networkFormRules, policyFormRules } from './webhookRules';

export const SRIOV_NAMESPACE = 'openshift-sriov-network-operator';

export type SriovPolicyForm = {
  name: string;
  namespace: string;
  resourceName: string;
  nodeSelector: Record<string, string>;
  priority?: number;
  numVfs: number;
  mtu?: number;
  nicSelector: SriovNicSelector;
  /** KubeVirt VMs need vfio-pci (DPDK too); netdevice serves pods. */
  deviceType: 'netdevice' | 'vfio-pci';
  isRdma?: boolean;
  linkType?: 'eth' | 'ib';
  /** Mount /dev/vhost-net in the pod that gets the VF (DPDK in containers; VMs do not use it). */
  needVhostNet?: boolean;
  /** The wizard's DPDK preset is on (not in the manifest): the VFs must stay vfio-pci. */
  dpdk?: boolean;
};

export type SriovNetworkForm = {
  name: string;
  namespace: string;
  resourceName: string;
  /** Where the operator creates the NAD (the VMs' namespace). */
  networkNamespace: string;
  vlan?: number;
  vlanQoS?: number;
  spoofChk?: 'on' | 'off';
  trust?: 'on' | 'off';
  linkState?: 'auto' | 'enable' | 'disable';
  maxTxRate?: number;
  minTxRate?: number;
  /** IPAM CNI config as JSON text; kept verbatim, never replaced (NET's safeParser turned errors into {}). */
  ipam: string;
};

export const emptySriovPolicyForm = (): SriovPolicyForm => ({
  name: '',
  namespace: SRIOV_NAMESPACE,
  resourceName: '',
  nodeSelector: { 'feature.node.kubernetes.io/network-sriov.capable': 'true' },
  numVfs: 1,
  nicSelector: {},
  deviceType: 'vfio-pci',
});

export const emptySriovNetworkForm = (networkNamespace = ''): SriovNetworkForm => ({
  name: '',
  namespace: SRIOV_NAMESPACE,
  resourceName: '',
  networkNamespace,
  spoofChk: 'on',
  ipam: '{}',
});

const defined = <T extends Record<string, unknown>>(obj: T): Partial<T> =>
  Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

const cleanSelector = (s: SriovNicSelector): SriovNicSelector =>
  defined({
    vendor: s.vendor?.trim(),
    deviceID: s.deviceID?.trim(),
    pfNames: s.pfNames?.length ? s.pfNames.map((p) => p.trim()) : undefined,
    rootDevices: s.rootDevices?.length ? s.rootDevices.map((p) => p.trim()) : undefined,
    netFilter: s.netFilter?.trim(),
  });

export const buildSriovPolicyManifest = (form: SriovPolicyForm): SriovNetworkNodePolicy => ({
  apiVersion: 'sriovnetwork.openshift.io/v1',
  kind: 'SriovNetworkNodePolicy',
  metadata: { name: form.name.trim(), namespace: form.namespace.trim() },
  spec: {
    resourceName: form.resourceName.trim(),
    nodeSelector: form.nodeSelector,
    numVfs: form.numVfs,
    nicSelector: cleanSelector(form.nicSelector),
    deviceType: form.deviceType,
    ...defined({ priority: form.priority, mtu: form.mtu, linkType: form.linkType }),
    ...(form.isRdma ? { isRdma: true } : {}),
    ...(form.needVhostNet ? { needVhostNet: true } : {}),
  },
});

export const buildSriovNetworkManifest = (form: SriovNetworkForm): SriovNetwork => ({
  apiVersion: 'sriovnetwork.openshift.io/v1',
  kind: 'SriovNetwork',
  metadata: { name: form.name.trim(), namespace: form.namespace.trim() },
  spec: {
    resourceName: form.resourceName.trim(),
    ...defined({
      networkNamespace: form.networkNamespace.trim(),
      vlan: form.vlan,
      vlanQoS: form.vlanQoS,
      spoofChk: form.spoofChk,
      trust: form.trust,
      linkState: form.linkState,
      maxTxRate: form.maxTxRate,
      minTxRate: form.minTxRate,
    }),
    ...(isBlank(form.ipam) ? {} : { ipam: form.ipam }),
  },
});

// Webhook validateResourceName (pkg/webhook/validate.go, since f900cbcf5): ≤ 63 characters, alphanumerics, "_"
// and "-", starting and ending alphanumeric (the device plugin resource name, prefixed with openshift.io/).
// Earlier operators allowed only `^[a-zA-Z0-9_]+$`: a "-" gets a warning (webhookRules.ts).
const RESOURCE_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9_-]*[a-zA-Z0-9])?$/;
const PCI_ID = /^[0-9a-fA-F]{4}$/;
const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;
/** Mellanox (vendor 15b3) firmware caps VFs per PF; the operator webhook refuses more. */
export const MELLANOX_VENDOR = '15b3';
export const MELLANOX_MAX_VFS = 128;

export const validateResourceName = (field: string, name: string): FieldIssue[] =>
  isBlank(name)
    ? [err(field, 'required')]
    : name.trim().length <= 63 && RESOURCE_NAME.test(name.trim())
      ? []
      : [err(field, 'resource-name')];

const pfNameOf = (entry: string): string => entry.split('#')[0] ?? '';

/** Does a PF reported by SriovNetworkNodeState match the selector (netFilter is not checked here)? */
export const pfMatches = (pf: PfOption, s: SriovNicSelector): boolean =>
  (!s.vendor || pf.vendor === s.vendor.trim()) &&
  (!s.deviceID || pf.deviceID === s.deviceID.trim()) &&
  (!s.pfNames?.length || s.pfNames.some((p) => pfNameOf(p.trim()) === pf.name)) &&
  (!s.rootDevices?.length || s.rootDevices.some((r) => r.trim() === pf.pciAddress));

const validateNicSelector = (s: SriovNicSelector, numVfs: number): FieldIssue[] => {
  const empty =
    [s.vendor, s.deviceID, s.netFilter].every((v) => isBlank(v)) &&
    !s.pfNames?.length &&
    !s.rootDevices?.length;
  const pfIssues = (s.pfNames ?? []).flatMap((entry, i) => {
    const m = /^([^#]+)(?:#(\d+)-(\d+))?$/.exec(entry.trim());
    const f = `nicSelector.pfNames[${i}]`;
    if (!m || !isInterfaceName(m[1] ?? '')) return [err(f, 'pf-name')];
    if (m[2] === undefined) return [];
    const [first, last] = [Number(m[2]), Number(m[3])];
    return first <= last && last < numVfs
      ? []
      : [err(f, 'pf-vf-range', { range: `${first}-${last}`, max: numVfs - 1 })];
  });
  const rootIssues = (s.rootDevices ?? []).flatMap((r, i) =>
    PCI_ADDRESS.test(r.trim()) ? [] : [err(`nicSelector.rootDevices[${i}]`, 'pci-address')],
  );
  const hex = (['vendor', 'deviceID'] as const).flatMap((k) =>
    !isBlank(s[k]) && !PCI_ID.test(s[k]?.trim() ?? '') ? [err(`nicSelector.${k}`, 'nic-selector-hex')] : [],
  );
  return [...(empty ? [err('nicSelector', 'nic-selector-empty')] : []), ...hex, ...pfIssues, ...rootIssues];
};

const validateVfCount = (form: SriovPolicyForm, ctx: ClusterContext): FieldIssue[] => {
  const range = validateIntRange('numVfs', form.numVfs, 1, Number.MAX_SAFE_INTEGER, 'numvfs-range');
  if (range.length) return range;
  const nodes = getSelectedNodeNames(ctx, form.nodeSelector);
  const pfs = getPfOptions(ctx.sriovNodeStates ?? [], nodes).filter((pf) => pfMatches(pf, form.nicSelector));
  const mellanox =
    form.nicSelector.vendor?.trim() === MELLANOX_VENDOR || pfs.some((pf) => pf.vendor === MELLANOX_VENDOR);
  const tightest = pfs
    .filter((pf) => pf.totalvfs !== undefined)
    .reduce<PfOption | undefined>(
      (min, pf) => (!min || (pf.totalvfs ?? 0) < (min.totalvfs ?? 0) ? pf : min),
      undefined,
    );
  return [
    // dynamicValidateSriovNetworkNodePolicy: "no supported NIC is selected by the nicSelector" (netFilter
    // is matched by the operator against cloud platforms, not here).
    ...(ctx.sriovNodeStates && pfs.length === 0 && !form.nicSelector.netFilter?.trim() && nodes?.length !== 0
      ? [err('nicSelector', 'pf-no-match')]
      : []),
    ...(tightest && form.numVfs > (tightest.totalvfs ?? 0)
      ? [
          err('numVfs', 'numvfs-above-total', {
            numVfs: form.numVfs,
            pf: tightest.name ?? tightest.pciAddress,
            node: tightest.node,
            max: tightest.totalvfs ?? 0,
          }),
        ]
      : []),
    ...(mellanox && form.numVfs > MELLANOX_MAX_VFS
      ? [err('numVfs', 'numvfs-mellanox', { max: MELLANOX_MAX_VFS })]
      : []),
  ];
};

/** All issues of a SriovNetworkNodePolicy form; fields: 'numVfs', 'nicSelector.pfNames[0]', 'resourceName'… */
export const validateSriovPolicy = (form: SriovPolicyForm, ctx: ClusterContext = {}): FieldIssue[] => [
  ...validateSubdomainName('name', form.name),
  ...validateLabelName('namespace', form.namespace),
  ...validateResourceName('resourceName', form.resourceName),
  ...validateLabelMap('nodeSelector', form.nodeSelector),
  ...validateIntRange('priority', form.priority, 0, 99, 'priority-range'),
  ...validateIntRange('mtu', form.mtu, 576, 65535, 'mtu-range'),
  ...validateNicSelector(form.nicSelector, form.numVfs),
  ...validateVfCount(form, ctx),
  // isRdma vs vfio-pci, the DPDK preset, and what the operator does with linkType ib (sriov/dpdk.ts).
  ...validateDpdkAndLink(form),
  ...(form.deviceType === 'netdevice' ? [warn('deviceType', 'sriov-netdevice-vm')] : []),
  ...validatePolicyMtu(form, ctx),
  ...validatePfLinkType(form, ctx),
  ...validatePfSharing(form, ctx),
  ...policyFormRules(form, ctx),
];

/** Jumbo frames top out at 9216 on common SR-IOV NICs; above that only the PF's own MTU can tell. */
export const SRIOV_JUMBO_MAX = 9216;

/** A VF's MTU cannot exceed its PF's (SriovNetworkNodeState reports it); unknown PFs: the jumbo ceiling. */
const validatePolicyMtu = (form: SriovPolicyForm, ctx: ClusterContext): FieldIssue[] => {
  if (form.mtu === undefined || !Number.isInteger(form.mtu)) return [];
  const nodes = getSelectedNodeNames(ctx, form.nodeSelector);
  const pfs = getPfOptions(ctx.sriovNodeStates ?? [], nodes).filter(
    (pf) => pfMatches(pf, form.nicSelector) && pf.mtu !== undefined,
  );
  const lowest = pfs.reduce<PfOption | undefined>((m, pf) => (!m || pf.mtu! < m.mtu! ? pf : m), undefined);
  if (lowest)
    return form.mtu > lowest.mtu!
      ? [
          err('mtu', 'mtu-above-uplink', {
            mtu: form.mtu,
            uplink: lowest.name ?? lowest.pciAddress,
            uplinkMtu: lowest.mtu!,
            node: lowest.node,
          }),
        ]
      : [];
  return form.mtu > SRIOV_JUMBO_MAX ? [warn('mtu', 'mtu-above-jumbo', { max: SRIOV_JUMBO_MAX })] : [];
};

/**
 * linkType against the link type the selected PFs report (SriovNetworkNodeState status.interfaces[].linkType).
 * The operator switches a Mellanox port's link type in firmware and reboots the node
 * (k8snetworkplumbingwg/sriov-network-operator pkg/vendors/mellanox/mellanox.go HandleLinkType,
 * isLinkTypeRequireChange); other NICs have no such switch, so their VFs cannot be set up as the policy asks.
 */
const validatePfLinkType = (form: SriovPolicyForm, ctx: ClusterContext): FieldIssue[] => {
  if (!form.linkType) return [];
  const wanted = form.linkType.toUpperCase();
  const differing = getPfOptions(
    ctx.sriovNodeStates ?? [],
    getSelectedNodeNames(ctx, form.nodeSelector),
  ).filter((pf) => pfMatches(pf, form.nicSelector) && pf.linkType && pf.linkType.toUpperCase() !== wanted);
  const fixed = differing.find((pf) => pf.vendor !== MELLANOX_VENDOR);
  const pf = fixed ?? differing[0];
  if (!pf) return [];
  const params = {
    pf: pf.name ?? pf.pciAddress,
    node: pf.node,
    current: (pf.linkType ?? '').toLowerCase(),
    wanted: form.linkType,
  };
  return fixed
    ? [err('linkType', 'sriov-link-type-fixed', params)]
    : [warn('linkType', 'sriov-link-type-switch', params)];
};

/** `ens1f0#0-3` → its PF and VF range (the whole PF when no range is given). */
const pfEntry = (entry: string): { pf: string; first: number; last: number } | undefined => {
  const m = /^([^#]+)(?:#(\d+)-(\d+))?$/.exec(entry.trim());
  if (!m?.[1]) return undefined;
  return m[2] === undefined
    ? { pf: m[1], first: 0, last: Number.MAX_SAFE_INTEGER }
    : { pf: m[1], first: Number(m[2]), last: Number(m[3]) };
};

/**
 * Two policies that give the same VFs of one PF different device types fight over them (the operator applies
 * one); VF partitions (`ens1f0#0-3`, `ens1f0#4-7`) may differ. Compared by PF name, as the policies name them.
 */
const validatePfSharing = (form: SriovPolicyForm, ctx: ClusterContext): FieldIssue[] => {
  const mine = (form.nicSelector.pfNames ?? []).map(pfEntry).filter((e) => e !== undefined);
  if (!mine.length) return [];
  for (const other of ctx.sriovPolicies ?? []) {
    if (other.metadata.name === form.name.trim() && other.metadata.namespace === form.namespace.trim())
      continue;
    const theirType = other.spec.deviceType ?? 'netdevice';
    if (theirType === form.deviceType) continue;
    const theirs = (other.spec.nicSelector?.pfNames ?? []).map(pfEntry).filter((e) => e !== undefined);
    const clash = mine.find((a) =>
      theirs.some((b) => a.pf === b.pf && a.first <= b.last && b.first <= a.last),
    );
    if (clash)
      return [
        err('deviceType', 'sriov-pf-device-type', {
          pf: clash.pf,
          policy: other.metadata.name,
          deviceType: theirType,
        }),
      ];
  }
  return [];
};

export const parseIpamJson = (text: string): { ok: true } | { ok: false; message: string } => {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { ok: true }
      : { ok: false, message: 'not an object' };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
};

/** All issues of a SriovNetwork form; fields: 'ipam', 'vlan', 'resourceName', 'networkNamespace'… */
export const validateSriovNetwork = (form: SriovNetworkForm, ctx: ClusterContext = {}): FieldIssue[] => {
  const ipam = isBlank(form.ipam) ? { ok: true as const } : parseIpamJson(form.ipam);
  const known = ctx.sriovPolicies?.map((p) => p.spec.resourceName);
  const resource = form.resourceName.trim();
  return [
    ...validateLabelName('name', form.name),
    ...validateLabelName('namespace', form.namespace),
    ...(form.namespace.trim() && form.namespace.trim() !== SRIOV_NAMESPACE
      ? [warn('namespace', 'sriov-network-namespace', { expected: SRIOV_NAMESPACE })]
      : []),
    ...validateResourceName('resourceName', form.resourceName),
    ...(known && resource && !known.includes(resource)
      ? [warn('resourceName', 'resource-name-unknown', { resourceName: resource })]
      : []),
    ...(isBlank(form.networkNamespace)
      ? []
      : validateLabelName('networkNamespace', form.networkNamespace.trim())),
    // CRD: vlan 0–4094, where 0 means untagged.
    ...validateVlan('vlan', form.vlan, 0),
    ...validateIntRange('vlanQoS', form.vlanQoS, 0, 7, 'int-range'),
    ...validateIntRange('maxTxRate', form.maxTxRate, 0, Number.MAX_SAFE_INTEGER, 'int-min'),
    ...validateIntRange('minTxRate', form.minTxRate, 0, Number.MAX_SAFE_INTEGER, 'int-min'),
    ...(form.minTxRate && form.maxTxRate && form.minTxRate > form.maxTxRate
      ? [err('minTxRate', 'tx-rate-order')]
      : []),
    ...(ipam.ok ? [] : [err('ipam', 'ipam-json', { message: ipam.message })]),
    ...networkFormRules(form),
  ];
};
