/**
 * Subnet planning shared by NAD, UDN and CUDN: syntax, host bits, families, and overlaps among the form's own
 * subnets, with the cluster and service networks, OVN-Kubernetes' reserved ranges and existing networks.
 * Every overlap message names the range it hits (kube-burner-ocp #396: a UDN subnet inside the cluster network
 * broke NAD generation, and no UI caught it).
 */
import type { FieldIssue } from '../../issues';
import { type Cidr, type IPFamily, cidrsOverlap, formatCidr, hasHostBits, parseCidr } from '../../net/cidr';
import { err, warn } from './check';
import { type ClusterContext, type OwnedSubnet, reservedRanges } from './context';
import { podNetworkFallbackIssues } from './podNetwork';

export type SubnetEntry = { field: string; cidr: string };
type Parsed = { field: string; text: string; cidr: Cidr };

/** CRD `maxLength: 43` on every UDN/CUDN CIDR string (the longest IPv6 CIDR text). */
export const CIDR_MAX_LENGTH = 43;

export type SubnetPlanOptions = {
  /** Primary networks must also avoid the UDN join subnets. */
  primary: boolean;
  /** How to report a family the cluster does not run: overlays cannot use it; localnet may carry it. */
  clusterFamily: 'error' | 'warning';
  /** Skip existing subnets of this owner (re-validating an object that is already on the cluster). */
  self?: string;
  /** Skip the cluster-network, service-network and reserved checks (e.g. excluded ranges). */
  syntaxOnly?: boolean;
};

/** Syntax of each entry: required, CRD length limit, CEL isCIDR, and no host bits (stricter than isCIDR). */
export const parseSubnetEntries = (
  entries: readonly SubnetEntry[],
): { issues: FieldIssue[]; parsed: Parsed[] } => {
  const issues: FieldIssue[] = [];
  const parsed: Parsed[] = [];
  for (const { field, cidr: text } of entries) {
    const cidr = parseCidr(text);
    if (text.trim() === '') issues.push(err(field, 'required'));
    else if (text.length > CIDR_MAX_LENGTH) issues.push(err(field, 'too-long', { max: CIDR_MAX_LENGTH }));
    else if (!cidr) issues.push(err(field, 'cidr-invalid'));
    else if (hasHostBits(cidr)) issues.push(err(field, 'cidr-host-bits', { canonical: formatCidr(cidr) }));
    if (cidr && text.length <= CIDR_MAX_LENGTH) parsed.push({ field, text, cidr });
  }
  return { issues, parsed };
};

/** Entries of one list overlapping an earlier entry of the same list. */
const selfOverlaps = (parsed: readonly Parsed[]): FieldIssue[] =>
  parsed.flatMap((p, i) => {
    const earlier = parsed.slice(0, i).find((q) => cidrsOverlap(p.cidr, q.cidr));
    if (!earlier) return [];
    const same = formatCidr(earlier.cidr) === formatCidr(p.cidr);
    return [
      same
        ? err(p.field, 'subnet-duplicate', { other: earlier.field })
        : err(p.field, 'subnet-overlap', { other: earlier.field, range: earlier.text }),
    ];
  });

/** Cluster, service and reserved ranges are the same few strings for every subnet checked: parse each once. */
const rangeCache = new Map<string, Cidr | undefined>();
const parseRange = (text: string): Cidr | undefined => {
  if (rangeCache.has(text)) return rangeCache.get(text);
  if (rangeCache.size > 1000) rangeCache.clear();
  const cidr = parseCidr(text);
  rangeCache.set(text, cidr);
  return cidr;
};

const firstOverlap = (cidr: Cidr, ranges: readonly string[]): string | undefined =>
  ranges.find((r) => {
    const other = parseRange(r);
    return other !== undefined && cidrsOverlap(cidr, other);
  });

type Indexed = { order: number; cidr: Cidr; entry: OwnedSubnet };
type SubnetIndex = {
  /** Entries by family, prefix length and network address: the containing ones are found by masking. */
  exact: Map<string, Indexed[]>;
  prefixes: Record<IPFamily, number[]>;
  /** Entries by family, sorted by network address: the contained ones are a contiguous run. */
  sorted: Record<IPFamily, Indexed[]>;
};

const exactKey = (family: IPFamily, prefix: number, network: bigint) => `${family}/${prefix}/${network}`;

const indexes = new WeakMap<readonly OwnedSubnet[], SubnetIndex>();

const indexOf = (list: readonly OwnedSubnet[]): SubnetIndex => {
  let index = indexes.get(list);
  if (index) return index;
  index = { exact: new Map(), prefixes: { 4: [], 6: [] }, sorted: { 4: [], 6: [] } };
  const prefixes = { 4: new Set<number>(), 6: new Set<number>() };
  list.forEach((entry, order) => {
    const cidr = parseCidr(entry.cidr);
    if (!cidr || !index) return;
    const item = { order, cidr, entry };
    const key = exactKey(cidr.family, cidr.prefix, cidr.network);
    const same = index.exact.get(key);
    if (same) same.push(item);
    else index.exact.set(key, [item]);
    prefixes[cidr.family].add(cidr.prefix);
    index.sorted[cidr.family].push(item);
  });
  for (const f of [4, 6] as const) {
    index.prefixes[f] = [...prefixes[f]].sort((a, b) => a - b);
    index.sorted[f].sort((a, b) =>
      a.cidr.network < b.cidr.network ? -1 : a.cidr.network > b.cidr.network ? 1 : 0,
    );
  }
  indexes.set(list, index);
  return index;
};

const familyBits = (family: IPFamily) => (family === 4 ? 32 : 128);
const maskTo = (family: IPFamily, prefix: number, value: bigint) => {
  const host = BigInt(familyBits(family) - prefix);
  return (value >> host) << host;
};

/**
 * Existing subnets overlapping `cidr`, in list order. CIDRs either nest or are disjoint, so the overlapping ones
 * contain `cidr` (found by masking its address to each prefix length in use) or lie inside it (a run of the list
 * sorted by address): O(prefix lengths + log n + answers) per query instead of a scan of every network.
 */
export const overlappingSubnets = (list: readonly OwnedSubnet[], cidr: Cidr): OwnedSubnet[] => {
  const index = indexOf(list);
  const hits: Indexed[] = [];
  for (const prefix of index.prefixes[cidr.family]) {
    if (prefix > cidr.prefix) break;
    hits.push(
      ...(index.exact.get(exactKey(cidr.family, prefix, maskTo(cidr.family, prefix, cidr.network))) ?? []),
    );
  }
  const sorted = index.sorted[cidr.family];
  const last = cidr.network | ((1n << BigInt(familyBits(cidr.family) - cidr.prefix)) - 1n);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.cidr.network ?? 0n) < cidr.network) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length; i++) {
    const item = sorted[i];
    if (!item || item.cidr.network > last) break;
    if (item.cidr.prefix > cidr.prefix) hits.push(item);
  }
  return hits.sort((a, b) => a.order - b.order).map((h) => h.entry);
};

const clusterIssues = (p: Parsed, ctx: ClusterContext, opts: SubnetPlanOptions): FieldIssue[] => {
  const families = ctx.ipFamilies;
  const familyIssue =
    families && !families.includes(p.cidr.family)
      ? [
          (opts.clusterFamily === 'error' ? err : warn)(p.field, 'cidr-family-cluster', {
            family: p.cidr.family,
            clusterFamilies: families.map((f) => `IPv${f}`).join(', '),
          }),
        ]
      : [];
  const clusterHit = firstOverlap(p.cidr, ctx.clusterNetworks ?? []);
  const serviceHit = firstOverlap(p.cidr, ctx.serviceNetworks ?? []);
  const reserved = reservedRanges(ctx, { primary: opts.primary }).find((r) => firstOverlap(p.cidr, [r.cidr]));
  const existing = overlappingSubnets(ctx.existingSubnets ?? [], p.cidr).filter(
    (s) => s.owner !== opts.self && s.owner !== ctx.selfOwner,
  );
  return [
    ...familyIssue,
    ...(clusterHit ? [err(p.field, 'subnet-overlaps-cluster', { range: clusterHit })] : []),
    ...(serviceHit ? [err(p.field, 'subnet-overlaps-service', { range: serviceHit })] : []),
    ...podNetworkFallbackIssues(p.field, p.cidr, ctx),
    ...(reserved
      ? [err(p.field, 'subnet-overlaps-reserved', { range: reserved.cidr, name: reserved.name })]
      : []),
    // Isolated secondary networks may reuse ranges, so an existing network is a warning, not an error.
    ...existing.map((s) => warn(p.field, 'subnet-overlaps-existing', { range: s.cidr, owner: s.owner })),
  ];
};

/** Full planning of one list of subnets (the network's own `subnets`). */
export const validateSubnetPlan = (
  entries: readonly SubnetEntry[],
  ctx: ClusterContext,
  opts: SubnetPlanOptions,
): FieldIssue[] => {
  const { issues, parsed } = parseSubnetEntries(entries);
  const clean = parsed.filter((p) => !issues.some((i) => i.field === p.field));
  return [
    ...issues,
    ...selfOverlaps(clean),
    ...(opts.syntaxOnly ? [] : clean.flatMap((p) => clusterIssues(p, ctx, opts))),
  ];
};

/** CRD rule on `subnets` / `joinSubnets`: at most 2 entries, and 2 entries must be one IPv4 and one IPv6. */
export const validateDualStack = (entries: readonly SubnetEntry[], listField: string): FieldIssue[] => {
  if (entries.length > 2) return [err(listField, 'too-many', { max: 2 })];
  const [a, b] = entries.map((e) => parseCidr(e.cidr));
  return a && b && a.family === b.family ? [err(entries[1]?.field ?? listField, 'subnets-same-family')] : [];
};

/** Excluded ranges must lie inside one of the network's subnets (OVN-K ignores or rejects the rest). */
export const validateExcludes = (
  excludes: readonly SubnetEntry[],
  subnets: readonly string[],
): FieldIssue[] => {
  const { issues, parsed } = parseSubnetEntries(excludes);
  const nets = subnets.map((s) => parseCidr(s)).filter((c): c is Cidr => c !== undefined);
  const outside = parsed
    .filter((p) => !issues.some((i) => i.field === p.field))
    .filter(
      (p) =>
        !nets.some((n) => n.family === p.cidr.family && cidrsOverlap(n, p.cidr) && n.prefix <= p.cidr.prefix),
    )
    .map((p) => err(p.field, 'exclude-outside-subnets'));
  return [...issues, ...outside];
};

/** The families present in the parsed entries. */
export const entryFamilies = (entries: readonly SubnetEntry[]): IPFamily[] =>
  [
    ...new Set(entries.map((e) => parseCidr(e.cidr)?.family).filter((f): f is IPFamily => f !== undefined)),
  ].sort();

/** `subnets[0]`, `subnets[1]`… entries for a list of CIDR strings. */
export const toEntries = (field: string, cidrs: readonly string[] | undefined): SubnetEntry[] =>
  (cidrs ?? []).map((cidr, i) => ({ field: `${field}[${i}]`, cidr }));
