/**
 * UDN / CUDN form checks (the CUDN's namespace selector: cudnSelector.ts). The rules mirror the x-kubernetes-validations of the upstream CRDs
 * (k8s.ovn.org_{cluster,}userdefinednetworks.yaml); where we are stricter (host bits, overlaps, families,
 * selectors) the comment says so.
 */
import type { FieldIssue } from '../../issues';
import { cidrsOverlap, parseCidr } from '../../net/cidr';
import {
  err,
  validateIntRange,
  validateLabelName,
  validateNamespaceKnown,
  validateVlan,
  warn,
} from '../shared/check';
import type { ClusterContext } from '../shared/context';
import { isKindAvailable } from '../shared/kinds';
import { validateNetworkMtu } from '../shared/mtu';
import { getPhysicalNetworkOptions } from '../shared/options';
import {
  entryFamilies,
  toEntries,
  validateDualStack,
  validateExcludes,
  validateSubnetPlan,
} from '../shared/subnets';
import { validateCudnSelector } from './cudnSelector';
import { PRIMARY_UDN_LABEL, type UDNForm, cidrs } from './udn';

const validateScope = (form: UDNForm, ctx: ClusterContext): FieldIssue[] => {
  if (form.scope === 'namespace') {
    const ns = ctx.namespaces?.find((n) => n.name === form.namespace);
    const unlabelled = form.role === 'Primary' && ns && ns.labels?.[PRIMARY_UDN_LABEL] === undefined;
    return [
      ...validateLabelName('namespace', form.namespace),
      ...validateNamespaceKnown('namespace', form.namespace, ctx),
      ...(form.topology === 'Localnet' ? [err('topology', 'localnet-cluster-only')] : []),
      ...(unlabelled ? [err('namespace', 'primary-udn-namespace-unlabelled', { namespace: ns.name })] : []),
    ];
  }
  return validateCudnSelector(form.namespaceSelector, ctx);
};

const validateLayer3Subnets = (form: UDNForm): FieldIssue[] => {
  const { subnets } = form;
  const count = subnets.length > 400 ? [err('subnets', 'too-many', { max: 400 })] : [];
  const secondary =
    form.role === 'Secondary' && subnets.length > 2 ? [err('subnets', 'secondary-subnet-count')] : [];
  const pair =
    form.role === 'Secondary' && subnets.length === 2
      ? validateDualStack(toEntries('subnets', cidrs(form)), 'subnets')
      : [];
  const host = subnets.flatMap((s, i) => {
    const cidr = parseCidr(s.cidr.trim());
    if (s.hostSubnet === undefined || !cidr) return [];
    const max = cidr.family === 4 ? 31 : 127;
    const ok = Number.isInteger(s.hostSubnet) && s.hostSubnet > cidr.prefix && s.hostSubnet <= max;
    return ok ? [] : [err(`subnets[${i}].hostSubnet`, 'host-subnet-range', { prefix: cidr.prefix, max })];
  });
  // CRD: "Subnets from the same IP family must use the same hostSubnet value".
  const mismatch = subnets.flatMap((s, i) => {
    const fam = parseCidr(s.cidr.trim())?.family;
    const earlier = subnets.slice(0, i).find((o) => parseCidr(o.cidr.trim())?.family === fam);
    return fam && earlier && earlier.hostSubnet !== s.hostSubnet
      ? [err(`subnets[${i}].hostSubnet`, 'host-subnet-mismatch')]
      : [];
  });
  return [...count, ...secondary, ...pair, ...host, ...mismatch];
};

const validateSubnets = (form: UDNForm, ctx: ClusterContext): FieldIssue[] => {
  const entries = toEntries('subnets', cidrs(form));
  const disabled = form.topology !== 'Layer3' && form.ipamMode === 'Disabled';
  if (disabled) return entries.length ? [err('subnets', 'ipam-disabled-subnets')] : [];
  if (entries.length === 0) return [err('subnets', 'required')];
  const primary = form.role === 'Primary';
  const plan = validateSubnetPlan(entries, ctx, {
    primary,
    clusterFamily: form.topology === 'Localnet' ? 'warning' : 'error',
  });
  const shape =
    form.topology === 'Layer3' ? validateLayer3Subnets(form) : validateDualStack(entries, 'subnets');
  const present = entryFamilies(entries);
  const missing = primary ? (ctx.ipFamilies ?? []).filter((f) => !present.includes(f)) : [];
  return [...shape, ...plan, ...missing.map((family) => warn('subnets', 'cidr-family-missing', { family }))];
};

const validateJoin = (form: UDNForm, ctx: ClusterContext): FieldIssue[] => {
  const join = form.joinSubnets ?? [];
  if (join.length === 0) return [];
  if (form.role !== 'Primary' || form.topology === 'Localnet')
    return [err('joinSubnets', 'join-subnets-primary-only')];
  const entries = toEntries('joinSubnets', join);
  const hitsOwn = entries.flatMap((e) => {
    const j = parseCidr(e.cidr);
    const hit =
      j &&
      cidrs(form).find((c) => {
        const own = parseCidr(c);
        return own !== undefined && cidrsOverlap(own, j);
      });
    return hit ? [err(e.field, 'join-subnet-overlap', { range: hit })] : [];
  });
  return [
    ...validateDualStack(entries, 'joinSubnets'),
    ...validateSubnetPlan(entries, ctx, { primary: false, clusterFamily: 'error' }),
    ...hitsOwn,
  ];
};

const validateLocalnet = (form: UDNForm, ctx: ClusterContext): FieldIssue[] => {
  if (form.topology !== 'Localnet') return [];
  const name = (form.physicalNetworkName ?? '').trim();
  const known = getPhysicalNetworkOptions(ctx.nncps ?? []).map((o) => o.name);
  const excludes = toEntries('excludeSubnets', form.excludeSubnets);
  const subnetsSet = form.ipamMode !== 'Disabled' && form.subnets.length > 0;
  return [
    ...(name === ''
      ? [err('physicalNetworkName', 'required')]
      : // CRD: minLength 1, maxLength 253, self.matches('^[^,:]+$').
        name.length > 253 || /[,:]/.test(name)
        ? [err('physicalNetworkName', 'physical-network-name')]
        : []),
    ...(name && ctx.nncps && !known.includes(name)
      ? [warn('physicalNetworkName', 'physical-network-unknown', { name, known: known.join(', ') || 'none' })]
      : []),
    ...validateVlan('vlan', form.vlan),
    ...(form.role !== 'Secondary' ? [err('role', 'localnet-secondary-only')] : []),
    ...(excludes.length > 25 ? [err('excludeSubnets', 'too-many', { max: 25 })] : []),
    ...(excludes.length && !subnetsSet
      ? [err('excludeSubnets', 'exclude-needs-subnets')]
      : validateExcludes(excludes, cidrs(form))),
  ];
};

const validateIpam = (form: UDNForm): FieldIssue[] => {
  if (form.topology === 'Layer3') {
    // Layer3 has no ipam block; the builder drops these, so say so instead of ignoring them silently.
    return form.ipamMode === 'Disabled' || form.persistentIPs
      ? [warn('ipamMode', 'field-not-allowed', { reason: 'Layer3 networks have no IPAM settings' })]
      : [];
  }
  if (form.ipamMode !== 'Disabled') return [];
  return [
    // CRD (Layer2): "Disabled ipam.mode is only supported for Secondary network".
    ...(form.role !== 'Secondary' ? [err('ipamMode', 'ipam-disabled-primary')] : []),
    // CRD: "lifecycle Persistent is only supported when ipam.mode is Enabled".
    ...(form.persistentIPs ? [err('persistentIPs', 'persistent-needs-ipam')] : []),
  ];
};

const validateMtu = (form: UDNForm, ctx: ClusterContext): FieldIssue[] => {
  const range = validateIntRange('mtu', form.mtu, 576, 65536, 'mtu-range');
  if (form.mtu === undefined || range.length) return range;
  // CRD: "MTU should be greater than or equal to 1280 when IPv6 subnet is used" (we apply it to any v6 subnet).
  const v6 = form.subnets.some((s) => parseCidr(s.cidr.trim())?.family === 6);
  if (v6 && form.mtu < 1280) return [err('mtu', 'mtu-ipv6-min')];
  const target =
    form.topology === 'Localnet'
      ? { kind: 'localnet' as const, physicalNetworkName: (form.physicalNetworkName ?? '').trim() }
      : { kind: 'overlay' as const };
  return validateNetworkMtu('mtu', form.mtu, ctx, target);
};

const kindOf = (form: UDNForm) =>
  `${form.scope === 'cluster' ? 'cudn' : 'udn'}-${form.topology.toLowerCase()}` as
    'udn-layer2' | 'udn-layer3' | 'cudn-layer2' | 'cudn-layer3' | 'cudn-localnet';

/** All issues of a UDN/CUDN form; field names are form fields ('subnets[1]', 'subnets[0].hostSubnet', 'vlan'). */
export const validateUDN = (form: UDNForm, ctx: ClusterContext = {}): FieldIssue[] => {
  const availability =
    form.topology === 'Localnet' && form.scope === 'namespace'
      ? undefined
      : isKindAvailable(ctx, kindOf(form));
  const primary = form.role === 'Primary' && form.topology !== 'Localnet';
  const labelled =
    form.scope === 'namespace' &&
    ctx.namespaces?.find((n) => n.name === form.namespace?.trim())?.labels?.[PRIMARY_UDN_LABEL] !== undefined;
  return [
    ...validateLabelName('name', form.name),
    ...validateScope(form, ctx),
    ...(availability && !availability.available
      ? [err('topology', 'kind-unavailable', { kind: form.topology, reason: availability.reason ?? '' })]
      : []),
    ...validateSubnets(form, ctx),
    ...validateJoin(form, ctx),
    ...validateLocalnet(form, ctx),
    ...validateIpam(form),
    ...validateMtu(form, ctx),
    // A primary network needs its namespaces labelled at creation (ovn-kubernetes #4912).
    ...(primary && !labelled ? [warn('role', 'primary-udn-namespace-label')] : []),
  ];
};
