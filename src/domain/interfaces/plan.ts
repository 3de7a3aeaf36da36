/**
 * The staged change plan: several interface edits collected in a draft, what each will do to the VM (live,
 * through a live migration, at the next restart, or at the next start of a stopped VM), and the one guarded JSON
 * patch that applies them all.
 *
 * The patch: each edit's patch is built (by the same builders a single edit uses, conflict.ts `changePatch`) on
 * the VM the edits before it produce, and the patches are chained into one. The server applies a JSON patch in
 * order, so each edit's own `test`s (the entry it expects at an index) hold when its turn comes; one `test` on
 * metadata.resourceVersion, first, guards the whole patch against a concurrent change.
 *
 * The rules, as KubeVirt v1.9.0 decides them (each line names its source in `source`):
 * - Hot-plug and hot-unplug: which interface can be plugged into or unplugged from a running VM is hotplug.ts's
 *   (`hotplugBlocker`; the removal builder's `absent`), the one home of those rules.
 * - Migration: an SR-IOV hot-plug and a changed NAD reference (`multus.networkName`) mark the VMI
 *   MigrationRequired at once (pkg/network/migration/evaluator.go; VEP 140 "Live Update NAD Reference", GA in
 *   v1.9); a bridge hot-plug too, after a 15 s grace period, when no dynamic-networks controller plugged it in
 *   place. The workload updater migrates only when the cluster's workloadUpdateMethods include LiveMigrate and
 *   the VMI is migratable; with Evict it shuts the VM down instead (pkg/virt-controller/watch/workload-updater/
 *   workload-updater.go).
 * - Link state: restart.go ignores `state` when it compares interfaces and vm.go copies it to the VMI, so
 *   up/down applies to the running guest; SR-IOV refuses it (admit.go; VEP 3 link state).
 * - Anything else that changes an interface the VMI has, or removes one, waits for a restart (restart.go).
 * - The VM rollout strategy (`LiveUpdate`/`Stage`, KubeVirt CR spec.configuration.vmRolloutStrategy) gates CPU,
 *   memory, affinity and volume updates (vm.go syncRestartRequired and the LiveUpdate block of sync) but not the
 *   network rules above, which run under both strategies in v1.9.0. HCO writes `LiveUpdate` into the KubeVirt CR
 *   (hyperconverged-cluster-operator v1.18.1 controllers/handlers/kubevirt.go) unless the HyperConverged's
 *   `kubevirt.kubevirt.io/jsonpatch` annotation overrides it; the plan reports which one applies.
 */
import type { K8sObject, PatchOp } from '../kube/meta';
import type { VM, VMI, VMInterface, VMNetwork } from '../kube/vm';
import { getBinding, getCondition, hasImplicitPodInterface, specInterfaces, specNetworks } from '../kube/vm';
import { applyPatch } from '../kube/jsonPatch';
import { changePatch, diffInterfaces, rebasePatch, type InterfaceChange } from './conflict';
import { hotplugBlocker } from './hotplug';

/**
 * One edit in the draft; `id` keeps its place in the list while others are removed. `seen`: the VM the user
 * made it on (the live VM with the earlier edits applied). When the VM changes meanwhile, the edit is rebased
 * from `seen` onto the newer VM field by field (conflict.ts `rebasePatch`), so another user's change to other
 * fields of the same interface is kept, and a change to the same field is a conflict, never overwritten.
 */
export type StagedEdit = { id: string; change: InterfaceChange; seen?: VM };

export type RolloutStrategy = 'LiveUpdate' | 'Stage';

export type ClusterRollout = {
  strategy: RolloutStrategy;
  /** KubeVirt workloadUpdateMethods: `LiveMigrate` lets KubeVirt migrate a VM itself, `Evict` shuts it down. */
  methods: string[];
  /** `hyperconverged`: read from the HyperConverged CR; `assumed`: it could not be read, HCO's defaults used. */
  from: 'hyperconverged' | 'assumed';
};

/** The HyperConverged fields the plan reads (hco.kubevirt.io/v1beta1). */
export type HyperConverged = K8sObject & {
  spec?: { workloadUpdateStrategy?: { workloadUpdateMethods?: string[] } };
};

/** HCO's annotation of JSON patches it applies to the KubeVirt CR (controllers/common/consts.go). */
export const KUBEVIRT_JSONPATCH_ANNOTATION = 'kubevirt.kubevirt.io/jsonpatch';

/** The CRD default of spec.workloadUpdateStrategy.workloadUpdateMethods (hco00.crd.yaml, v1.18.1). */
const DEFAULT_METHODS = ['LiveMigrate'];

const jsonPatchOverrides = (hc: HyperConverged): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  const raw = hc.metadata.annotations?.[KUBEVIRT_JSONPATCH_ANNOTATION];
  if (!raw) return out;
  try {
    const ops: unknown = JSON.parse(raw);
    if (!Array.isArray(ops)) return out;
    for (const op of ops as { op?: unknown; path?: unknown; value?: unknown }[]) {
      if (typeof op?.path !== 'string') continue;
      if (op.op === 'add' || op.op === 'replace') out.set(op.path, op.value);
      else if (op.op === 'remove') out.set(op.path, undefined);
    }
  } catch {
    // HCO refuses an annotation that does not parse; so do we.
  }
  return out;
};

/**
 * The cluster's VM rollout strategy and workload update methods, from the HyperConverged CR (`undefined`: not
 * readable, e.g. for a tenant; HCO's defaults are assumed and the plan says so).
 */
export const rolloutFromHyperConverged = (hc: HyperConverged | undefined): ClusterRollout => {
  if (!hc) return { strategy: 'LiveUpdate', methods: DEFAULT_METHODS, from: 'assumed' };
  const overrides = jsonPatchOverrides(hc);
  const strategyPatch = overrides.get('/spec/configuration/vmRolloutStrategy');
  // KubeVirt treats an unset strategy as LiveUpdate (v1.9.0 pkg/virt-config/virt-config.go).
  const strategy: RolloutStrategy = strategyPatch === 'Stage' ? 'Stage' : 'LiveUpdate';
  const methodsPatch = overrides.get('/spec/workloadUpdateStrategy/workloadUpdateMethods');
  const methods = Array.isArray(methodsPatch)
    ? methodsPatch.filter((m): m is string => typeof m === 'string')
    : (hc.spec?.workloadUpdateStrategy?.workloadUpdateMethods ?? DEFAULT_METHODS);
  return { strategy, methods, from: 'hyperconverged' };
};

export type PlanHow = 'live' | 'migration' | 'restart' | 'stopped-vm' | 'invalid';

export type PlanReasonCode =
  | 'stopped'
  | 'hotplug-bridge'
  | 'hotplug-sriov'
  | 'add-pod-network'
  | 'add-binding'
  | 'add-model'
  | 'add-static-ip'
  | 'unplug-bridge'
  | 'unplug-not-plugged'
  | 'remove-restart'
  | 'link-live'
  | 'link-sriov'
  | 'nad-swap'
  | 'edit-restart'
  | 'edit-static-ip'
  | 'no-change'
  | 'gone'
  | 'name-taken'
  | 'changed-meanwhile'
  | 'not-applicable';

/** Why a migration-based line waits for a restart instead. */
export type MigrationBlock = 'no-live-migrate' | 'evict' | 'not-migratable';

export type PlanReason = { code: PlanReasonCode; params: Record<string, string> };

export type PlanLine = {
  id: string;
  change: InterfaceChange;
  how: PlanHow;
  reason: PlanReason;
  /** Set when the rule wants a live migration but the cluster or the VM cannot have one. */
  blocked?: { code: MigrationBlock; params: Record<string, string> };
  /**
   * A bridge hot-plug or hot-unplug is done in place by the dynamic-networks controller when the cluster runs
   * one, otherwise by a live migration KubeVirt asks for after 15 s (evaluator.go `pendingMigration`). When the
   * cluster or the VM cannot have that migration, the line stays live but says it may wait.
   */
  mayWait?: { code: MigrationBlock; params: Record<string, string> };
  /** The upstream rule, as `repository path (what)`. */
  source: string;
};

export type ChangePlan = {
  lines: PlanLine[];
  /** One guarded patch for every applicable edit; empty when none applies. */
  ops: PatchOp[];
  /** The VM as the patch leaves it. */
  result: VM;
  /** The VMI is Running: lines say live/migration/restart; otherwise each is `stopped-vm`. */
  running: boolean;
  /** Some line waits for a restart of the running VM. */
  needsRestart: boolean;
  /** Some line changes the running VM through a live migration. */
  needsMigration: boolean;
  /** A line cannot be applied (the draft must be fixed first). */
  hasInvalid: boolean;
  rollout: ClusterRollout;
};

const KV = 'kubevirt/kubevirt v1.9.0';
export const PLAN_SOURCES = {
  stopped: `${KV} pkg/virt-controller/watch/vm/vm.go (the VMI is created from the VM template at start)`,
  hotplug: `${KV} pkg/network/controllers/vm.go (applyDynamicIfaceRequestOnVMI: bridge and SR-IOV only), pkg/virt-launcher/virtwrap/network/nichotplug.go (virtio)`,
  sriov: `${KV} pkg/network/migration/evaluator.go (SR-IOV hot-plug: immediate migration)`,
  restart: `${KV} pkg/network/vmliveupdate/restart.go (IsRestartRequired)`,
  unplug: `${KV} pkg/network/admitter/admit.go (absent: bridge binding only, not on the default network)`,
  link: `${KV} pkg/network/vmliveupdate/restart.go (state ignored), pkg/network/controllers/vm.go (state copied to the VMI); kubevirt/enhancements veps/sig-network/link-state-proposal.md`,
  linkSriov: `${KV} pkg/network/admitter/admit.go (no link state on SR-IOV)`,
  nadSwap: `kubevirt/enhancements veps/sig-network/hotpluggable-nad-ref.md (VEP 140); ${KV} pkg/network/migration/evaluator.go (NAD name change: immediate migration)`,
  cloudInit: 'cloud-init network config (networkData) is applied when the instance boots',
  draft: 'this plan: the edits before this one in the draft',
  workload: `${KV} pkg/virt-controller/watch/workload-updater/workload-updater.go (LiveMigrate, Evict)`,
  pending: `${KV} pkg/network/migration/evaluator.go (bridge hot-plug/unplug: migration after 15 s without the dynamic-networks controller)`,
} as const;

type Entry = { iface?: VMInterface; net?: VMNetwork };

const entryOf = (vm: VM, name: string): Entry => {
  if (hasImplicitPodInterface(vm) && name === 'default')
    return { iface: { name: 'default', masquerade: {} }, net: { name: 'default', pod: {} } };
  return {
    iface: specInterfaces(vm).find((i) => i.name === name),
    net: specNetworks(vm).find((n) => n.name === name),
  };
};

/** The VMI has this interface plugged (or being unplugged): it runs with it. */
const onVMI = (vmi: VMI | undefined, name: string): boolean =>
  (vmi?.spec.domain.devices.interfaces ?? []).some((i) => i.name === name) ||
  (!vmi?.spec.domain.devices.interfaces && !vmi?.spec.networks && name === 'default');

const changeName = (c: InterfaceChange): string =>
  c.kind === 'add' || c.kind === 'edit' ? c.form.name : c.name;

type Verdict = Omit<PlanLine, 'id' | 'change'>;

const verdict = (
  how: PlanHow,
  code: PlanReasonCode,
  source: string,
  params: Record<string, string> = {},
): Verdict => ({ how, reason: { code, params }, source });

/** A new (or not yet plugged) interface on a running VM: hot-plug, migration, or restart (hotplug.ts rules). */
const plugVerdict = (entry: Entry, staticIp: boolean): Verdict => {
  const iface = entry.iface ?? { name: '' };
  const blocker = hotplugBlocker(iface, entry.net);
  if (blocker === 'default-network') return verdict('restart', 'add-pod-network', PLAN_SOURCES.restart);
  if (blocker === 'binding')
    return verdict('restart', 'add-binding', PLAN_SOURCES.hotplug, { binding: getBinding(iface) });
  if (blocker === 'model')
    return verdict('restart', 'add-model', PLAN_SOURCES.hotplug, { model: iface.model ?? '' });
  if (staticIp) return verdict('restart', 'add-static-ip', PLAN_SOURCES.cloudInit);
  if (iface.sriov !== undefined) return verdict('migration', 'hotplug-sriov', PLAN_SOURCES.sriov);
  return verdict('live', 'hotplug-bridge', PLAN_SOURCES.hotplug);
};

const nadOf = (net: VMNetwork | undefined): string => net?.multus?.networkName ?? '';

/**
 * What one edit does to the running VM. `before`/`after`: the VM just before and after this edit in the draft.
 */
const runningVerdict = (change: InterfaceChange, before: VM, after: VM, vmi: VMI | undefined): Verdict => {
  const name = changeName(change);
  const was = entryOf(before, name);
  const now = entryOf(after, name);
  const plugged = onVMI(vmi, name);
  if (change.kind === 'add')
    return plugVerdict(now, Boolean(change.form.staticIp?.trim()) && Boolean(now.net?.multus));
  if (change.kind === 'remove') {
    if (!plugged) return verdict('live', 'unplug-not-plugged', PLAN_SOURCES.restart);
    const binding = getBinding(was.iface ?? { name });
    if (now.iface?.state === 'absent') return verdict('live', 'unplug-bridge', PLAN_SOURCES.unplug);
    return verdict('restart', 'remove-restart', PLAN_SOURCES.restart, { binding });
  }
  if (change.kind === 'link') {
    if (getBinding(was.iface ?? { name }) === 'sriov')
      return verdict('invalid', 'link-sriov', PLAN_SOURCES.linkSriov);
    return verdict('live', 'link-live', PLAN_SOURCES.link, { state: change.state });
  }
  // An edit of an interface the VMI does not have yet is part of its hot-plug.
  if (!plugged) return plugVerdict(now, Boolean(change.form.staticIp?.trim()) && Boolean(now.net?.multus));
  const diff = diffInterfaces(before, after);
  const fields = diff.changed.find((c) => c.name === name)?.fields ?? [];
  if (diff.networkData) return verdict('restart', 'edit-static-ip', PLAN_SOURCES.cloudInit);
  if (fields.length === 0) return verdict('live', 'no-change', PLAN_SOURCES.draft);
  if (fields.every((f) => f === 'state'))
    return verdict('live', 'link-live', PLAN_SOURCES.link, { state: now.iface?.state ?? 'up' });
  const rest = fields.filter((f) => f !== 'state');
  if (rest.length === 1 && rest[0] === 'network' && was.net?.multus && now.net?.multus)
    return verdict('migration', 'nad-swap', PLAN_SOURCES.nadSwap, {
      from: nadOf(was.net),
      to: nadOf(now.net),
    });
  return verdict('restart', 'edit-restart', PLAN_SOURCES.restart, { fields: rest.join(', ') });
};

/** A migration the cluster or the VM cannot have: the change waits for a restart (Evict: KubeVirt's own). */
const migrationBlock = (rollout: ClusterRollout, vmi: VMI | undefined): PlanLine['blocked'] => {
  const migratable = getCondition(vmi, 'LiveMigratable');
  if (migratable?.status === 'False')
    return { code: 'not-migratable', params: { message: migratable.message ?? migratable.reason ?? '' } };
  if (rollout.methods.includes('LiveMigrate')) return undefined;
  if (rollout.methods.includes('Evict')) return { code: 'evict', params: {} };
  return { code: 'no-live-migrate', params: {} };
};

/** Why an edit cannot be applied on the VM the edits before it leave. */
const notApplicable = (change: InterfaceChange, vm: VM): Verdict | undefined => {
  const name = changeName(change);
  const exists = specInterfaces(vm).some((i) => i.name === name && i.state !== 'absent');
  const implicit = hasImplicitPodInterface(vm) && name === 'default';
  if (change.kind === 'add')
    return exists || implicit || specNetworks(vm).some((n) => n.name === name)
      ? verdict('invalid', 'name-taken', PLAN_SOURCES.draft, { name })
      : undefined;
  return exists || implicit ? undefined : verdict('invalid', 'gone', PLAN_SOURCES.draft, { name });
};

const isRunning = (vmi: VMI | undefined): boolean => vmi?.status?.phase === 'Running';

/**
 * The plan for `edits` on `vm` (the version the user looks at) and its VMI (absent: stopped). Removals are
 * planned for the VM's state now (hot-unplug while it runs), not when they were staged.
 */
export const buildChangePlan = (
  vm: VM,
  vmi: VMI | undefined,
  edits: readonly StagedEdit[],
  rollout: ClusterRollout,
): ChangePlan => {
  const running = isRunning(vmi);
  const lines: PlanLine[] = [];
  const ops: PatchOp[] = [];
  let current = vm;
  for (const { id, change: staged, seen } of edits) {
    const change: InterfaceChange = staged.kind === 'remove' ? { ...staged, running } : staged;
    const bad = notApplicable(change, current);
    if (bad) {
      lines.push({ id, change, ...bad });
      continue;
    }
    const rebased = seen ? rebasePatch(change, seen, current) : undefined;
    if (rebased?.status === 'conflict') {
      const params = { name: rebased.name, fields: (rebased.fields ?? []).join(', ') };
      lines.push({ id, change, ...verdict('invalid', 'changed-meanwhile', PLAN_SOURCES.draft, params) });
      continue;
    }
    if (rebased?.status === 'noop') {
      lines.push({ id, change, ...verdict('live', 'no-change', PLAN_SOURCES.draft) });
      continue;
    }
    const editOps = rebased?.status === 'ok' ? rebased.ops : changePatch(current, change);
    let next: VM;
    try {
      next = applyPatch(current, editOps);
    } catch {
      next = current;
    }
    if (!editOps.length || next === current) {
      lines.push({ id, change, ...verdict('invalid', 'not-applicable', PLAN_SOURCES.draft) });
      continue;
    }
    let v = running
      ? runningVerdict(change, current, next, vmi)
      : verdict('stopped-vm', 'stopped', PLAN_SOURCES.stopped);
    if (v.how === 'invalid') {
      lines.push({ id, change, ...v });
      continue;
    }
    if (v.how === 'migration') {
      const blocked = migrationBlock(rollout, vmi);
      if (blocked) v = { ...v, how: 'restart', blocked, source: `${v.source}; ${PLAN_SOURCES.workload}` };
    } else if (v.reason.code === 'hotplug-bridge' || v.reason.code === 'unplug-bridge') {
      const mayWait = migrationBlock(rollout, vmi);
      if (mayWait) v = { ...v, mayWait, source: `${v.source}; ${PLAN_SOURCES.pending}` };
    }
    lines.push({ id, change, ...v });
    // One guard for the whole patch: the first edit's resourceVersion test; the others keep their index tests.
    ops.push(...(ops.length ? editOps.filter((o) => o.path !== '/metadata/resourceVersion') : editOps));
    current = next;
  }
  return {
    lines,
    ops,
    result: current,
    running,
    needsRestart: lines.some((l) => l.how === 'restart'),
    needsMigration: lines.some((l) => l.how === 'migration'),
    hasInvalid: lines.some((l) => l.how === 'invalid'),
    rollout,
  };
};
