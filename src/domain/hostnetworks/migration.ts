/**
 * The dedicated live-migration network: which NADs may carry it, whether each would work, the JSON patch that sets
 * it in the HyperConverged CR, and whether each VM's last migration went over it.
 *
 * Rules, from upstream:
 * - `spec.liveMigrationConfig.network` (HyperConverged hco.kubevirt.io/v1beta1, kubevirt/hyperconverged-cluster-operator
 *   deploy/crds/hco00.crd.yaml, tag v1.18.1) names a NetworkAttachmentDefinition. HCO copies it to the KubeVirt CR,
 *   and virt-operator attaches that NAD to every virt-handler pod as `migration0`. The NAD is looked up in KubeVirt's
 *   own namespace, so only NADs in the HyperConverged CR's namespace are candidates (OpenShift docs "Configuring a
 *   dedicated secondary network for live migration": "This must be openshift-cnv").
 * - virt-handler takes the address of `migration0` as its migration address, and the pod IP when the interface does
 *   not exist (kubevirt/kubevirt pkg/virt-handler/migration.go, FindMigrationIP). A `migration0` without an address
 *   is an error. So the NAD needs IPAM that gives every virt-handler pod its own address: a whereabouts range
 *   (cluster-wide allocation). Static IPAM gives every pod the same address; host-local allocates per node from the
 *   same range, so two nodes get the same address. The range must not overlap the main network (same docs).
 * - Its host side must exist on every node that runs VMs: a Linux bridge NAD's bridge (cnv-bridge / bridge CNI), a
 *   macvlan/ipvlan `master` NIC, an OVN localnet's bridge mapping.
 * - The migration's target address is in the VMI's (and the VirtualMachineInstanceMigration's) `status.migrationState
 *   .targetNodeAddress`; newer KubeVirt also writes `migrationNetworkType` ('pod' or 'migration') there
 *   (kubevirt.io/v1 CRD, tag v1.9.0).
 */
import type { K8sObject, PatchOp } from '../kube/meta';
import {
  parseCniConfig,
  type CNIConfig,
  type NetworkAttachmentDefinition,
  type NodeNetworkState,
} from '../kube/networks';
import type { VMI } from '../kube/vm';
import { cidrContainsIP, cidrsOverlap, formatCidr, parseCidr, parseIP, type Cidr } from '../net/cidr';

export type LiveMigrationConfig = { network?: string; [field: string]: unknown };
export type HyperConverged = K8sObject & { spec?: { liveMigrationConfig?: LiveMigrationConfig } };

export type MigrationState = {
  targetNodeAddress?: string;
  targetNode?: string;
  sourceNode?: string;
  startTimestamp?: string;
  endTimestamp?: string;
  completed?: boolean;
  failed?: boolean;
  migrationUid?: string;
  migrationNetworkType?: string;
};
export type VMIMigration = K8sObject & {
  spec?: { vmiName?: string };
  status?: { phase?: string; migrationState?: MigrationState };
};

/** The configured network, or undefined when migrations use the pod network. */
export const migrationNetworkOf = (hco: HyperConverged | undefined): string | undefined => {
  const n = hco?.spec?.liveMigrationConfig?.network;
  return typeof n === 'string' && n ? n : undefined;
};

// ---- IPAM ----------------------------------------------------------------------------------------------------

export type Ipam =
  | { kind: 'whereabouts'; ranges: string[]; invalid: string[] }
  | { kind: 'static'; addresses: string[] }
  | { kind: 'host-local'; ranges: string[] }
  | { kind: 'dhcp' }
  | { kind: 'none' }
  | { kind: 'other'; type: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * A whereabouts `range`: a CIDR, or `first-last/prefix` (whereabouts pkg/config: a range may name its first and last
 * address before the prefix). Returns the canonical CIDR text, or undefined when it does not parse.
 */
export const whereaboutsCidr = (range: string): string | undefined => {
  const dash = range.indexOf('-');
  const slash = range.lastIndexOf('/');
  const text = dash >= 0 && slash > dash ? `${range.slice(0, dash)}${range.slice(slash)}` : range;
  const cidr = parseCidr(text.trim());
  return cidr ? formatCidr(cidr) : undefined;
};

/** The plugin that does the work in a NAD: the config itself, or the first plugin of a conflist. */
export const mainPlugin = (cni: CNIConfig): Record<string, unknown> => {
  const plugins = arr(cni.plugins).map(rec);
  return cni.type ? cni : (plugins[0] ?? {});
};

export const ipamOf = (plugin: Record<string, unknown>): Ipam => {
  const ipam = rec(plugin.ipam);
  const type = str(ipam.type);
  if (!type) return { kind: 'none' };
  if (type === 'whereabouts') {
    const texts = [str(ipam.range), ...arr(ipam.ipRanges).map((r) => str(rec(r).range))].filter(
      (x): x is string => !!x,
    );
    const ranges: string[] = [];
    const invalid: string[] = [];
    for (const t of texts) {
      const c = whereaboutsCidr(t);
      if (c) ranges.push(c);
      else invalid.push(t);
    }
    return { kind: 'whereabouts', ranges, invalid };
  }
  if (type === 'static')
    return {
      kind: 'static',
      addresses: arr(ipam.addresses).flatMap((a) => str(rec(a).address) ?? []),
    };
  if (type === 'host-local') {
    const subnets = [
      str(ipam.subnet),
      ...arr(ipam.ranges).flatMap((set) => arr(set).map((r) => str(rec(r).subnet))),
    ].filter((x): x is string => !!x);
    return { kind: 'host-local', ranges: subnets };
  }
  if (type === 'dhcp') return { kind: 'dhcp' };
  return { kind: 'other', type };
};

// ---- host side -----------------------------------------------------------------------------------------------

export type HostSide =
  | { kind: 'linux-bridge'; name: string }
  | { kind: 'nic'; name: string; plugin: string }
  | { kind: 'default-nic'; plugin: string }
  | { kind: 'localnet'; name: string }
  | { kind: 'overlay'; topology: string }
  | { kind: 'unchecked'; plugin: string };

export const hostSideOf = (plugin: Record<string, unknown>, nadName: string): HostSide => {
  const type = str(plugin.type) ?? '';
  if (type === 'bridge' || type === 'cnv-bridge')
    // The bridge CNI defaults to cni0 when `bridge` is unset (containernetworking/plugins bridge.go).
    return { kind: 'linux-bridge', name: str(plugin.bridge) ?? 'cni0' };
  if (type === 'macvlan' || type === 'ipvlan') {
    const master = str(plugin.master);
    return master ? { kind: 'nic', name: master, plugin: type } : { kind: 'default-nic', plugin: type };
  }
  if (type === 'host-device') {
    const device = str(plugin.device);
    return device ? { kind: 'nic', name: device, plugin: type } : { kind: 'unchecked', plugin: type };
  }
  if (type === 'ovn-k8s-cni-overlay') {
    const topology = str(plugin.topology) ?? '';
    if (topology === 'localnet')
      return { kind: 'localnet', name: str(plugin.physicalNetworkName) ?? str(plugin.name) ?? nadName };
    return { kind: 'overlay', topology };
  }
  return { kind: 'unchecked', plugin: type || 'unknown' };
};

/** Whether a node's NodeNetworkState has what the host side needs. */
const nodeHas = (side: HostSide, state: NodeNetworkState): boolean => {
  const current = state.status?.currentState;
  const ifaces = arr(current?.interfaces).map(rec);
  if (side.kind === 'linux-bridge')
    return ifaces.some((i) => i.name === side.name && i.type === 'linux-bridge' && i.state !== 'absent');
  if (side.kind === 'nic') return ifaces.some((i) => i.name === side.name && i.state !== 'absent');
  if (side.kind === 'localnet')
    return arr(current?.ovn?.['bridge-mappings'])
      .map(rec)
      .some((m) => m.localnet === side.name && m.state !== 'absent');
  return true;
};

// ---- candidates ----------------------------------------------------------------------------------------------

export type CheckStatus = 'ok' | 'warning' | 'error';
/** One check of a candidate: a message code the view translates, with its parameters. */
export type MigrationCheck = {
  area: 'config' | 'ipam' | 'range' | 'host';
  status: CheckStatus;
  code:
    | 'config-invalid'
    | 'ipam-whereabouts'
    | 'ipam-whereabouts-empty'
    | 'ipam-range-invalid'
    | 'ipam-static'
    | 'ipam-host-local'
    | 'ipam-dhcp'
    | 'ipam-none'
    | 'ipam-other'
    | 'range-overlap'
    | 'range-node-address'
    | 'range-free'
    | 'host-present'
    | 'host-missing'
    | 'host-no-state'
    | 'host-no-vm-nodes'
    | 'host-default-nic'
    | 'host-overlay'
    | 'host-unchecked';
  params: Record<string, string | number>;
};

/** A range some other network (or the cluster) already uses, named for messages. */
export type UsedRange = { cidr: string; owner: string };

export type MigrationInput = {
  hco: HyperConverged;
  /** Every NAD the user can read; only those in the HyperConverged CR's namespace are candidates. */
  nads: readonly NetworkAttachmentDefinition[];
  /** Ranges of other networks: UDN/CUDN/OVN NAD subnets, cluster and service networks. */
  usedRanges: readonly UsedRange[];
  nodeStates: readonly NodeNetworkState[];
  /** Node name → its InternalIP addresses (a migration range must not hold a node's own address). */
  nodeAddresses: ReadonlyMap<string, readonly string[]>;
  vmis: readonly VMI[];
};

export type MigrationCandidate = {
  namespace: string;
  name: string;
  plugin: string;
  hostSide?: HostSide;
  ipam?: Ipam;
  /** The ranges its IPAM hands out (canonical CIDRs). */
  ranges: string[];
  checks: MigrationCheck[];
  /** No check failed: setting it would not break migrations. */
  usable: boolean;
  current: boolean;
};

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Nodes that run VMs: where a VMI is placed (status.nodeName), sorted. */
export const vmNodes = (vmis: readonly VMI[]): string[] =>
  [
    ...new Set(
      vmis.flatMap((v) => {
        const n = v.status?.nodeName;
        return typeof n === 'string' && n && v.status?.phase !== 'Succeeded' && v.status?.phase !== 'Failed'
          ? [n]
          : [];
      }),
    ),
  ].sort(byText);

/** Whereabouts, static and host-local ranges of a NAD (what another candidate must not overlap). */
export const nadRanges = (nad: NetworkAttachmentDefinition): string[] => {
  const cni = parseCniConfig(nad);
  if (!cni) return [];
  const ipam = ipamOf(mainPlugin(cni));
  if (ipam.kind === 'whereabouts') return ipam.ranges;
  if (ipam.kind === 'host-local') return ipam.ranges.flatMap((r) => whereaboutsCidr(r) ?? []);
  if (ipam.kind === 'static')
    return ipam.addresses.flatMap((a) => {
      const c = parseCidr(a);
      return c ? [formatCidr(c)] : [];
    });
  return [];
};

const ipamChecks = (ipam: Ipam, nodes: number): MigrationCheck[] => {
  const c = (status: CheckStatus, code: MigrationCheck['code'], params = {}): MigrationCheck => ({
    area: 'ipam',
    status,
    code,
    params,
  });
  switch (ipam.kind) {
    case 'whereabouts':
      return [
        ...ipam.invalid.map((range) => c('error', 'ipam-range-invalid', { range })),
        ipam.ranges.length
          ? c('ok', 'ipam-whereabouts', { ranges: ipam.ranges.join(', ') })
          : c('error', 'ipam-whereabouts-empty'),
      ];
    case 'static':
      return [
        c(nodes > 1 ? 'error' : 'warning', 'ipam-static', {
          addresses: ipam.addresses.join(', ') || '-',
          nodes,
        }),
      ];
    case 'host-local':
      return [c('error', 'ipam-host-local', { ranges: ipam.ranges.join(', ') || '-' })];
    case 'dhcp':
      return [c('warning', 'ipam-dhcp')];
    case 'none':
      return [c('error', 'ipam-none')];
    default:
      return [c('warning', 'ipam-other', { type: ipam.type })];
  }
};

const rangeChecks = (
  ranges: readonly string[],
  self: string,
  used: readonly UsedRange[],
  nodeAddresses: MigrationInput['nodeAddresses'],
): MigrationCheck[] => {
  const parsed = ranges.flatMap((r) => {
    const c = parseCidr(r);
    return c ? [{ text: r, cidr: c }] : [];
  });
  if (!parsed.length) return [];
  const issues: MigrationCheck[] = [];
  for (const { text, cidr } of parsed) {
    for (const u of used) {
      if (u.owner === self) continue;
      const other = parseCidr(u.cidr);
      if (other && cidrsOverlap(cidr, other))
        issues.push({
          area: 'range',
          status: 'error',
          code: 'range-overlap',
          params: { range: text, other: u.cidr, owner: u.owner },
        });
    }
    for (const [node, addresses] of [...nodeAddresses].sort((a, b) => byText(a[0], b[0]))) {
      const hit = addresses.find((a) => {
        const ip = parseIP(a);
        return ip && cidrContainsIP(cidr, ip);
      });
      if (hit) {
        issues.push({
          area: 'range',
          status: 'error',
          code: 'range-node-address',
          params: { range: text, node, address: hit },
        });
        break;
      }
    }
  }
  return issues.length
    ? issues
    : [{ area: 'range', status: 'ok', code: 'range-free', params: { ranges: ranges.join(', ') } }];
};

const hostChecks = (
  side: HostSide,
  nodes: readonly string[],
  states: ReadonlyMap<string, NodeNetworkState>,
): MigrationCheck[] => {
  const c = (status: CheckStatus, code: MigrationCheck['code'], params = {}): MigrationCheck => ({
    area: 'host',
    status,
    code,
    params,
  });
  if (side.kind === 'default-nic') return [c('warning', 'host-default-nic', { plugin: side.plugin })];
  if (side.kind === 'overlay') return [c('warning', 'host-overlay', { topology: side.topology })];
  if (side.kind === 'unchecked') return [c('warning', 'host-unchecked', { plugin: side.plugin })];
  if (!nodes.length) return [c('warning', 'host-no-vm-nodes', { what: side.name })];
  const unknown = nodes.filter((n) => !states.has(n));
  const missing = nodes.filter((n) => {
    const s = states.get(n);
    return s !== undefined && !nodeHas(side, s);
  });
  const out: MigrationCheck[] = [];
  if (missing.length)
    out.push(
      c('error', 'host-missing', {
        kind: side.kind,
        what: side.name,
        nodes: missing.join(', '),
        count: missing.length,
      }),
    );
  if (unknown.length) out.push(c('warning', 'host-no-state', { what: side.name, nodes: unknown.join(', ') }));
  if (!out.length)
    out.push(c('ok', 'host-present', { kind: side.kind, what: side.name, count: nodes.length }));
  return out;
};

/** Every NAD in the HyperConverged CR's namespace, checked; the current one first, then usable, then by name. */
export const migrationCandidates = (input: MigrationInput): MigrationCandidate[] => {
  const namespace = input.hco.metadata.namespace ?? '';
  const current = migrationNetworkOf(input.hco);
  const nodes = vmNodes(input.vmis);
  const states = new Map(input.nodeStates.map((s) => [s.metadata.name, s]));
  const otherRanges: UsedRange[] = [
    ...input.usedRanges,
    ...input.nads.flatMap((n) =>
      nadRanges(n).map((cidr) => ({
        cidr,
        owner: `NetworkAttachmentDefinition ${n.metadata.namespace ?? ''}/${n.metadata.name}`,
      })),
    ),
  ];
  const out = input.nads
    .filter((n) => (n.metadata.namespace ?? '') === namespace)
    .map((nad): MigrationCandidate => {
      const self = `NetworkAttachmentDefinition ${namespace}/${nad.metadata.name}`;
      const base = { namespace, name: nad.metadata.name, current: nad.metadata.name === current };
      const cni = parseCniConfig(nad);
      if (!cni)
        return {
          ...base,
          plugin: '',
          ranges: [],
          usable: false,
          checks: [{ area: 'config', status: 'error', code: 'config-invalid', params: {} }],
        };
      const plugin = mainPlugin(cni);
      const ipam = ipamOf(plugin);
      const hostSide = hostSideOf(plugin, nad.metadata.name);
      const ranges = nadRanges(nad);
      const checks = [
        ...ipamChecks(ipam, nodes.length),
        ...rangeChecks(ranges, self, otherRanges, input.nodeAddresses),
        ...hostChecks(hostSide, nodes, states),
      ];
      return {
        ...base,
        plugin: str(plugin.type) ?? '',
        hostSide,
        ipam,
        ranges,
        checks,
        usable: !checks.some((c) => c.status === 'error'),
      };
    });
  return out.sort(
    (a, b) =>
      Number(b.current) - Number(a.current) || Number(b.usable) - Number(a.usable) || byText(a.name, b.name),
  );
};

// ---- the patch -----------------------------------------------------------------------------------------------

export const NETWORK_PATH = '/spec/liveMigrationConfig/network';

/**
 * JSON patch that moves `spec.liveMigrationConfig.network` from what was read to `next` (undefined: back to the pod
 * network). Every form starts with a `test` of what was read, so a change made meanwhile makes the server refuse
 * the patch (422) instead of being overwritten: the network itself when it was set; the whole liveMigrationConfig
 * when it was not (someone setting a network meanwhile changes it); the resourceVersion when even that was absent.
 */
export const setMigrationNetworkPatch = (hco: HyperConverged, next: string | undefined): PatchOp[] => {
  const config = hco.spec?.liveMigrationConfig;
  const current = migrationNetworkOf(hco);
  if (current === next) return [];
  if (current !== undefined)
    return [
      { op: 'test', path: NETWORK_PATH, value: config?.network },
      next === undefined
        ? { op: 'remove', path: NETWORK_PATH }
        : { op: 'replace', path: NETWORK_PATH, value: next },
    ];
  if (config && typeof config === 'object') {
    const ops: PatchOp[] = [{ op: 'test', path: '/spec/liveMigrationConfig', value: config }];
    // An empty string is "set to nothing": replace it (add would too, but say what happens).
    if (next !== undefined) ops.push({ op: 'add', path: NETWORK_PATH, value: next });
    return ops.length > 1 ? ops : [];
  }
  if (next === undefined) return [];
  return [
    { op: 'test', path: '/metadata/resourceVersion', value: hco.metadata.resourceVersion },
    ...(hco.spec ? [] : [{ op: 'add' as const, path: '/spec', value: {} }]),
    { op: 'add', path: '/spec/liveMigrationConfig', value: { network: next } },
  ];
};

// ---- per VM: did its last migration use it? -----------------------------------------------------------------

export type LastMigration = {
  /** Where the answer comes from. */
  source: 'vmi' | 'migration';
  migration?: string;
  phase?: string;
  sourceNode?: string;
  targetNode?: string;
  address?: string;
  when?: string;
  /**
   * `migration-network`: its target address is in the configured network's range; `other-network`: KubeVirt says a
   * migration network carried it, but not in that range (the setting changed since); `pod-network`: the address is
   * outside the range or KubeVirt says the pod network; `unknown`: no target address yet.
   */
  network: 'migration-network' | 'other-network' | 'pod-network' | 'unknown';
};

export type VMMigrationRow = { namespace: string; name: string; node?: string; last?: LastMigration };

const stateTime = (s: MigrationState | undefined, fallback?: string): string =>
  s?.endTimestamp ?? s?.startTimestamp ?? fallback ?? '';

const phaseOfState = (s: MigrationState): string =>
  s.failed ? 'Failed' : s.completed ? 'Succeeded' : 'Running';

/** `address` may carry a port (`10.0.0.5:49152`, `[fd00::5]:49152`): the IP alone. */
const ipOf = (address: string): string => {
  const bracket = /^\[([^\]]+)\]/.exec(address);
  if (bracket?.[1]) return bracket[1];
  const colons = address.split(':').length - 1;
  return colons === 1 ? (address.split(':')[0] ?? address) : address;
};

const networkOf = (s: MigrationState, ranges: readonly Cidr[]): LastMigration['network'] => {
  const address = s.targetNodeAddress ? parseIP(ipOf(s.targetNodeAddress)) : undefined;
  const inRange = !!address && ranges.some((r) => cidrContainsIP(r, address));
  if (inRange) return 'migration-network';
  if (s.migrationNetworkType === 'migration') return 'other-network';
  if (s.migrationNetworkType === 'pod' || address) return 'pod-network';
  return 'unknown';
};

/**
 * Per VMI, its last migration: the newer of the VMI's own migrationState and its newest
 * VirtualMachineInstanceMigration, and whether the target address was in `ranges` (the configured migration
 * network's). VMIs never migrated have no `last`. Sorted: migrated first (newest first), then by namespace and name.
 */
export const lastMigrations = (
  vmis: readonly VMI[],
  migrations: readonly VMIMigration[],
  ranges: readonly string[],
): VMMigrationRow[] => {
  const cidrs = ranges.flatMap((r) => parseCidr(r) ?? []);
  const newest = new Map<string, VMIMigration>();
  for (const m of migrations) {
    const vmi = m.spec?.vmiName;
    if (!vmi) continue;
    const k = `${m.metadata.namespace ?? ''}/${vmi}`;
    const prev = newest.get(k);
    const t = (x: VMIMigration) => stateTime(x.status?.migrationState, x.metadata.creationTimestamp);
    if (!prev || t(m) > t(prev)) newest.set(k, m);
  }
  const rows = vmis.map((vmi): VMMigrationRow => {
    const k = `${vmi.metadata.namespace ?? ''}/${vmi.metadata.name}`;
    const own = vmi.status?.migrationState as MigrationState | undefined;
    const m = newest.get(k);
    const base = {
      namespace: vmi.metadata.namespace ?? '',
      name: vmi.metadata.name,
      node: vmi.status?.nodeName,
    };
    const mState = m?.status?.migrationState;
    // The VMIM wins when it is newer than what the VMI reports (or the VMI reports nothing).
    const useMigration = !!m && (!own || stateTime(mState, m.metadata.creationTimestamp) > stateTime(own));
    if (useMigration && m) {
      const s = mState ?? {};
      return {
        ...base,
        last: {
          source: 'migration',
          migration: m.metadata.name,
          phase: m.status?.phase ?? (mState ? phaseOfState(s) : undefined),
          sourceNode: s.sourceNode,
          targetNode: s.targetNode,
          address: s.targetNodeAddress,
          when: stateTime(mState, m.metadata.creationTimestamp) || undefined,
          network: networkOf(s, cidrs),
        },
      };
    }
    if (!own) return base;
    return {
      ...base,
      last: {
        source: 'vmi',
        migration: own.migrationUid
          ? migrations.find((x) => x.metadata.uid === own.migrationUid)?.metadata.name
          : undefined,
        phase: phaseOfState(own),
        sourceNode: own.sourceNode,
        targetNode: own.targetNode,
        address: own.targetNodeAddress,
        when: stateTime(own) || undefined,
        network: networkOf(own, cidrs),
      },
    };
  });
  return rows.sort(
    (a, b) =>
      Number(!!b.last) - Number(!!a.last) ||
      (b.last?.when ?? '').localeCompare(a.last?.when ?? '') ||
      byText(a.namespace, b.namespace) ||
      byText(a.name, b.name),
  );
};

/** Counts for the summary: how many migrated VMs used the configured network, and how many did not. */
export const migrationSummary = (rows: readonly VMMigrationRow[]) => ({
  migrated: rows.filter((r) => r.last).length,
  onNetwork: rows.filter((r) => r.last?.network === 'migration-network').length,
  offNetwork: rows.filter(
    (r) => r.last && r.last.network !== 'migration-network' && r.last.network !== 'unknown',
  ).length,
});
