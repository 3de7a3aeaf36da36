/**
 * NetworkAttachmentDefinition forms: OVN-Kubernetes layer2 overlay, OVN-Kubernetes localnet, and Linux bridge
 * (the `bridge` CNI KubeVirt uses). The CNI config is a JSON string, so the CRD validates nothing inside it;
 * these checks follow the ovn-k8s-cni-overlay and bridge CNI config fields.
 */
import type { FieldIssue } from '../../issues';
import type { CNIConfig, NetworkAttachmentDefinition } from '../../kube/networks';
import { parseCidr } from '../../net/cidr';
import {
  err,
  isInterfaceName,
  validateIntRange,
  validateLabelName,
  validateSubdomainName,
  validateNamespaceKnown,
  validateVlan,
  warn,
} from '../shared/check';
import type { ClusterContext, NamedNetwork } from '../shared/context';
import { isKindAvailable } from '../shared/kinds';
import { validateNetworkMtu } from '../shared/mtu';
import { MACHINE_NETWORK_BRIDGE, getPhysicalNetworkOptions } from '../shared/options';
import { toEntries, validateDualStack, validateExcludes, validateSubnetPlan } from '../shared/subnets';

export type NADType = 'layer2' | 'localnet' | 'bridge';

export type NADForm = {
  name: string;
  namespace: string;
  description?: string;
  type: NADType;
  /** CNI `name`. NADs sharing it join one network, even across namespaces; default `<namespace>.<name>`. */
  networkName?: string;
  /** layer2 / localnet. */
  subnets?: string[];
  excludeSubnets?: string[];
  mtu?: number;
  allowPersistentIPs?: boolean;
  /** localnet: the NNCP bridge-mapping name. */
  physicalNetworkName?: string;
  /** localnet `vlanID` / bridge `vlan`. */
  vlan?: number;
  /** bridge: the Linux bridge on the nodes. */
  bridge?: string;
  macSpoofChk?: boolean;
};

export const emptyNADForm = (type: NADType, namespace = ''): NADForm => ({
  name: '',
  namespace,
  type,
  ...(type === 'bridge' ? { bridge: '', macSpoofChk: true } : { subnets: [] }),
  ...(type === 'localnet' ? { physicalNetworkName: '' } : {}),
});

export const OVN_CNI = 'ovn-k8s-cni-overlay';
/** bridge-marker schedules VMs only on nodes that have the bridge (KubeVirt bridge NADs carry this). */
export const BRIDGE_RESOURCE_ANNOTATION = 'k8s.v1.cni.cncf.io/resourceName';

export const defaultNetworkName = (form: Pick<NADForm, 'name' | 'namespace'>): string =>
  `${form.namespace.trim()}.${form.name.trim()}`;

/** Both parts, or nothing: an empty form's YAML shows no `name: "."` or `netAttachDefName: "/"`. */
const bothOr = (form: Pick<NADForm, 'name' | 'namespace'>, join: (ns: string, name: string) => string) => {
  const ns = form.namespace.trim();
  const name = form.name.trim();
  return ns && name ? join(ns, name) : undefined;
};

const networkNameOf = (form: NADForm): string | undefined =>
  form.networkName?.trim() || bothOr(form, (ns, name) => `${ns}.${name}`);

/** A number field's value when it holds one (typing "abc" leaves NaN for the validator, not for the YAML). */
const numeric = <K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> =>
  v !== undefined && Number.isFinite(v) ? ({ [key]: v } as Record<K, number>) : {};

const trimmed = (list: string[] | undefined): string[] => (list ?? []).map((s) => s.trim()).filter(Boolean);

/** The CNI config object, keys in the order the CNI docs show them. */
export const buildNADConfig = (form: NADForm): CNIConfig => {
  const mtu = numeric('mtu', form.mtu);
  const name = networkNameOf(form);
  if (form.type === 'bridge') {
    return {
      cniVersion: '0.3.1',
      ...(name ? { name } : {}),
      type: 'bridge',
      bridge: (form.bridge ?? '').trim(),
      ...numeric('vlan', form.vlan),
      macspoofchk: form.macSpoofChk ?? true,
      ...mtu,
      // Keep VLAN 1 off the VM port unless asked (networking-console-plugin emits the same).
      preserveDefaultVlan: false,
      ipam: {},
    };
  }
  const subnets = trimmed(form.subnets);
  const excludes = subnets.length ? trimmed(form.excludeSubnets) : [];
  return {
    cniVersion: '0.3.1',
    ...(name ? { name } : {}),
    type: OVN_CNI,
    topology: form.type,
    ...(bothOr(form, (ns, n) => `${ns}/${n}`)
      ? { netAttachDefName: bothOr(form, (ns, n) => `${ns}/${n}`) }
      : {}),
    // Left out when empty: OVN-Kubernetes then uses the network name.
    ...(form.type === 'localnet' && form.physicalNetworkName?.trim()
      ? { physicalNetworkName: form.physicalNetworkName.trim() }
      : {}),
    ...(subnets.length ? { subnets: subnets.join(',') } : {}),
    ...(excludes.length ? { excludeSubnets: excludes.join(',') } : {}),
    ...(form.type === 'localnet' ? numeric('vlanID', form.vlan) : {}),
    ...mtu,
    ...(form.allowPersistentIPs && subnets.length ? { allowPersistentIPs: true } : {}),
  };
};

export const buildNADManifest = (form: NADForm): NetworkAttachmentDefinition => {
  const annotations = {
    ...(form.description?.trim() ? { description: form.description.trim() } : {}),
    ...(form.type === 'bridge'
      ? { [BRIDGE_RESOURCE_ANNOTATION]: `bridge.network.kubevirt.io/${(form.bridge ?? '').trim()}` }
      : {}),
  };
  return {
    apiVersion: 'k8s.cni.cncf.io/v1',
    kind: 'NetworkAttachmentDefinition',
    metadata: {
      name: form.name.trim(),
      namespace: form.namespace.trim(),
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: { config: JSON.stringify(buildNADConfig(form), null, 2) },
  };
};

const validateOvnFields = (form: NADForm, ctx: ClusterContext): FieldIssue[] => {
  const subnets = form.subnets ?? [];
  const entries = toEntries('subnets', subnets);
  const excludes = toEntries('excludeSubnets', form.excludeSubnets);
  const localnet = form.type === 'localnet';
  const name = (form.physicalNetworkName ?? '').trim() || (networkNameOf(form) ?? '');
  const known = getPhysicalNetworkOptions(ctx.nncps ?? []).map((o) => o.name);
  return [
    ...validateDualStack(entries, 'subnets'),
    ...validateSubnetPlan(entries, ctx, { primary: false, clusterFamily: localnet ? 'warning' : 'error' }),
    ...(excludes.length && !subnets.length
      ? [err('excludeSubnets', 'exclude-needs-subnets')]
      : validateExcludes(excludes, subnets)),
    // Persistent IPs are IPAM claims; without subnets there is no IPAM (OVN-K ignores the flag).
    ...(form.allowPersistentIPs && !subnets.length
      ? [err('allowPersistentIPs', 'persistent-needs-ipam')]
      : []),
    // No physicalNetworkName: OVN-Kubernetes uses the network's name (its localnet port's network_name).
    ...(localnet && (name.length > 253 || /[,:]/.test(name))
      ? [err('physicalNetworkName', 'physical-network-name')]
      : []),
    ...(localnet && name && ctx.nncps && !known.includes(name)
      ? [warn('physicalNetworkName', 'physical-network-unknown', { name, known: known.join(', ') || 'none' })]
      : []),
    ...(localnet
      ? validateVlan('vlan', form.vlan)
      : form.vlan !== undefined
        ? [err('vlan', 'field-not-allowed', { reason: 'layer2 overlays have no VLAN' })]
        : []),
  ];
};

const validateBridgeFields = (form: NADForm, ctx: ClusterContext): FieldIssue[] => {
  const bridge = (form.bridge ?? '').trim();
  const missingOn = bridge
    ? (ctx.nodeStates ?? []).find(
        (s) => !(s.status?.currentState?.interfaces ?? []).some((i) => i.name === bridge),
      )
    : undefined;
  return [
    // containernetworking/plugins bridge.go: the bridge name defaults to cni0 (created on each node when missing).
    ...(bridge === ''
      ? [warn('bridge', 'bridge-default-cni0')]
      : isInterfaceName(bridge)
        ? []
        : [err('bridge', 'bridge-name')]),
    ...(bridge === MACHINE_NETWORK_BRIDGE
      ? [
          err('bridge', 'field-not-allowed', {
            reason: 'br-ex is the OVS machine-network bridge; use a localnet network',
          }),
        ]
      : []),
    ...(missingOn ? [warn('bridge', 'bridge-unknown', { bridge, node: missingOn.metadata.name })] : []),
    ...validateVlan('vlan', form.vlan),
    ...((form.subnets ?? []).length
      ? [err('subnets', 'field-not-allowed', { reason: 'a bridge NAD has no OVN IPAM' })]
      : []),
  ];
};

const validateMtu = (form: NADForm, ctx: ClusterContext): FieldIssue[] => {
  const range = validateIntRange('mtu', form.mtu, 576, 65536, 'mtu-range');
  if (form.mtu === undefined || range.length) return range;
  const v6 = (form.subnets ?? []).some((s) => parseCidr(s.trim())?.family === 6);
  if (v6 && form.mtu < 1280) return [err('mtu', 'mtu-ipv6-min')];
  const target =
    form.type === 'bridge'
      ? { kind: 'bridge' as const, bridge: (form.bridge ?? '').trim() }
      : form.type === 'localnet'
        ? { kind: 'localnet' as const, physicalNetworkName: (form.physicalNetworkName ?? '').trim() }
        : { kind: 'overlay' as const };
  return validateNetworkMtu('mtu', form.mtu, ctx, target);
};

/** Network names in use, grouped by name once per list (a linter run checks thousands of NADs against it). */
const nameIndexes = new WeakMap<readonly NamedNetwork[], Map<string, NamedNetwork[]>>();
const namesOf = (list: readonly NamedNetwork[]): Map<string, NamedNetwork[]> => {
  let index = nameIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const n of list) {
      const same = index.get(n.networkName);
      if (same) same.push(n);
      else index.set(n.networkName, [n]);
    }
    nameIndexes.set(list, index);
  }
  return index;
};

/** All issues of a NAD form; fields are form fields ('subnets[0]', 'vlan', 'bridge', 'name'). */
export const validateNAD = (form: NADForm, ctx: ClusterContext = {}): FieldIssue[] => {
  const availability = isKindAvailable(ctx, `nad-${form.type}`);
  const networkName = networkNameOf(form);
  const shared = namesOf(ctx.existingNetworkNames ?? [])
    .get(networkName ?? '')
    ?.find(
      (n) => n.namespace !== undefined && n.namespace !== form.namespace.trim() && n.owner !== ctx.selfOwner,
    );
  return [
    // A NAD's name is any object name (DNS-1123 subdomain, dots allowed): VMs and pods refer to it as ns/name.
    ...validateSubdomainName('name', form.name),
    ...validateLabelName('namespace', form.namespace),
    ...validateNamespaceKnown('namespace', form.namespace, ctx),
    ...(availability.available
      ? []
      : [err('type', 'kind-unavailable', { kind: form.type, reason: availability.reason ?? '' })]),
    // openshift/console #13568: same CNI name in two namespaces silently joins them into one L2 network.
    ...(shared && networkName && form.type !== 'bridge'
      ? [warn('networkName', 'nad-shared-network-name', { networkName, owner: shared.owner })]
      : []),
    ...(form.type === 'bridge' ? validateBridgeFields(form, ctx) : validateOvnFields(form, ctx)),
    ...validateMtu(form, ctx),
  ];
};
