import { describe, expect, it } from 'vitest';
import type { Condition } from '../kube/meta';
import type { VM, VMI } from '../kube/vm';
import { aVM, aVMI, type NicFixture } from '../testing/fixtures';
import { applyPatch, PatchTestFailed } from '../testing/jsonPatch';
import type { InterfaceChange } from './conflict';
import type { InterfaceForm } from './form';
import {
  buildChangePlan,
  KUBEVIRT_JSONPATCH_ANNOTATION,
  rolloutFromHyperConverged,
  type ClusterRollout,
  type HyperConverged,
  type MigrationBlock,
  type PlanHow,
  type PlanReasonCode,
  type StagedEdit,
} from './plan';

const LIVE_MIGRATE: ClusterRollout = {
  strategy: 'LiveUpdate',
  methods: ['LiveMigrate'],
  from: 'hyperconverged',
};

const form = (f: Partial<InterfaceForm> = {}): InterfaceForm => ({
  name: 'nic9',
  networkId: 'ns1/br-net',
  binding: 'bridge',
  model: 'virtio',
  ...f,
});
const add = (f: Partial<InterfaceForm> = {}): InterfaceChange => ({ kind: 'add', form: form(f) });
const edit = (f: Partial<InterfaceForm> & { name: string }): InterfaceChange => ({
  kind: 'edit',
  form: form(f),
});
const remove = (name: string): InterfaceChange => ({ kind: 'remove', name, running: false });
const link = (name: string, state: 'up' | 'down'): InterfaceChange => ({ kind: 'link', name, state });

const SRIOV: NicFixture = { name: 'vf', network: 'sriov-net', binding: 'sriov' };
const E1000: NicFixture = { name: 'old', network: 'old-net', binding: 'bridge', model: 'e1000e' };

type Case = {
  name: string;
  /** VM spec NICs (fixtures: 'default' = pod/masquerade, other strings = bridge on `<name>-net`). */
  nics: (string | NicFixture)[];
  /** The VMI's NICs; `null`: the VM is stopped (no VMI). Defaults to the VM's NICs. */
  vmi?: (string | NicFixture)[] | null;
  vmiConditions?: Condition[];
  vmiPhase?: string;
  rollout?: ClusterRollout;
  edits: InterfaceChange[];
  expected: { how: PlanHow; code: PlanReasonCode; blocked?: MigrationBlock; mayWait?: MigrationBlock }[];
  /** Part of the upstream rule the first line must cite. */
  source?: string;
};

const CASES: Case[] = [
  {
    name: 'stopped VM: every edit applies at the next start',
    nics: ['default', 'br1'],
    vmi: null,
    edits: [add(), link('br1', 'down'), remove('default')],
    expected: [
      { how: 'stopped-vm', code: 'stopped' },
      { how: 'stopped-vm', code: 'stopped' },
      { how: 'stopped-vm', code: 'stopped' },
    ],
  },
  {
    name: 'bridge + virtio on a secondary network is hot-plugged',
    nics: ['default'],
    edits: [add()],
    expected: [{ how: 'live', code: 'hotplug-bridge' }],
    source: 'applyDynamicIfaceRequestOnVMI',
  },
  {
    name: 'SR-IOV hot-plug goes through a live migration',
    nics: ['default'],
    edits: [add({ networkId: 'ns1/sriov-net', binding: 'sriov' })],
    expected: [{ how: 'migration', code: 'hotplug-sriov' }],
    source: 'evaluator.go',
  },
  {
    name: 'SR-IOV hot-plug waits for a restart when the cluster does not live-migrate workloads',
    nics: ['default'],
    rollout: { strategy: 'LiveUpdate', methods: [], from: 'hyperconverged' },
    edits: [add({ networkId: 'ns1/sriov-net', binding: 'sriov' })],
    expected: [{ how: 'restart', code: 'hotplug-sriov', blocked: 'no-live-migrate' }],
    source: 'workload-updater.go',
  },
  {
    name: 'SR-IOV hot-plug with Evict only: KubeVirt shuts the VM down instead of migrating it',
    nics: ['default'],
    rollout: { strategy: 'LiveUpdate', methods: ['Evict'], from: 'hyperconverged' },
    edits: [add({ networkId: 'ns1/sriov-net', binding: 'sriov' })],
    expected: [{ how: 'restart', code: 'hotplug-sriov', blocked: 'evict' }],
  },
  {
    name: 'SR-IOV hot-plug on a VMI that is not live-migratable waits for a restart',
    nics: ['default'],
    vmiConditions: [
      { type: 'LiveMigratable', status: 'False', reason: 'DisksNotLiveMigratable', message: 'RWO disk' },
    ],
    edits: [add({ networkId: 'ns1/sriov-net', binding: 'sriov' })],
    expected: [{ how: 'restart', code: 'hotplug-sriov', blocked: 'not-migratable' }],
  },
  {
    name: 'a bridge hot-plug and hot-unplug stay live but may wait when the cluster does not live-migrate',
    nics: ['default', 'br1'],
    rollout: { strategy: 'LiveUpdate', methods: [], from: 'hyperconverged' },
    edits: [add(), remove('br1')],
    expected: [
      { how: 'live', code: 'hotplug-bridge', mayWait: 'no-live-migrate' },
      { how: 'live', code: 'unplug-bridge', mayWait: 'no-live-migrate' },
    ],
    source: 'applyDynamicIfaceRequestOnVMI',
  },
  {
    name: 'a non-virtio model cannot be hot-plugged',
    nics: ['default'],
    edits: [add({ model: 'e1000e' })],
    expected: [{ how: 'restart', code: 'add-model' }],
  },
  {
    name: 'a new pod-network interface needs a restart',
    nics: [{ name: 'br1', network: 'br1-net', binding: 'bridge' }],
    edits: [add({ networkId: 'pod', binding: 'masquerade' })],
    expected: [{ how: 'restart', code: 'add-pod-network' }],
    source: 'restart.go',
  },
  {
    name: 'a binding plugin on a secondary network cannot be hot-plugged',
    nics: ['default'],
    edits: [add({ binding: 'passt' })],
    expected: [{ how: 'restart', code: 'add-binding' }],
  },
  {
    name: 'a static IP on a hot-plugged interface waits for the next boot (cloud-init)',
    nics: ['default'],
    edits: [add({ staticIp: '10.0.0.5/24', macAddress: '02:00:00:00:00:09' })],
    expected: [{ how: 'restart', code: 'add-static-ip' }],
  },
  {
    name: 'removing a bridge interface from a running VM hot-unplugs it',
    nics: ['default', 'br1'],
    edits: [remove('br1')],
    expected: [{ how: 'live', code: 'unplug-bridge' }],
    source: 'admit.go',
  },
  {
    name: 'removing the pod-network (masquerade) interface waits for a restart',
    nics: ['default', 'br1'],
    edits: [remove('default')],
    expected: [{ how: 'restart', code: 'remove-restart' }],
  },
  {
    name: 'removing an SR-IOV interface waits for a restart (no SR-IOV hot-unplug)',
    nics: ['default', SRIOV],
    edits: [remove('vf')],
    expected: [{ how: 'restart', code: 'remove-restart' }],
  },
  {
    name: 'removing an interface the VMI does not have yet (pending hot-plug) changes nothing running',
    nics: ['default', 'br1'],
    vmi: ['default'],
    edits: [remove('br1')],
    expected: [{ how: 'live', code: 'unplug-not-plugged' }],
  },
  {
    name: 'link state applies to the running guest',
    nics: ['default', 'br1'],
    edits: [link('br1', 'down'), link('default', 'down')],
    expected: [
      { how: 'live', code: 'link-live' },
      { how: 'live', code: 'link-live' },
    ],
  },
  {
    name: 'SR-IOV has no link state: the edit cannot be applied',
    nics: ['default', SRIOV],
    edits: [link('vf', 'down')],
    expected: [{ how: 'invalid', code: 'link-sriov' }],
  },
  {
    name: 'a NAD reference swap on a running VM goes through a live migration',
    nics: ['default', 'br1'],
    edits: [edit({ name: 'br1', networkId: 'ns1/other-net' })],
    expected: [{ how: 'migration', code: 'nad-swap' }],
    source: 'hotpluggable-nad-ref.md',
  },
  {
    name: 'a NAD swap waits for a restart when the cluster does not live-migrate',
    nics: ['default', 'br1'],
    rollout: { strategy: 'Stage', methods: [], from: 'hyperconverged' },
    edits: [edit({ name: 'br1', networkId: 'ns1/other-net' })],
    expected: [{ how: 'restart', code: 'nad-swap', blocked: 'no-live-migrate' }],
  },
  {
    name: 'a model change needs a restart',
    nics: ['default', E1000],
    edits: [edit({ name: 'old', networkId: 'ns1/old-net', model: 'virtio' })],
    expected: [{ how: 'restart', code: 'edit-restart' }],
  },
  {
    name: 'a network and a model change together need a restart',
    nics: ['default', 'br1'],
    edits: [edit({ name: 'br1', networkId: 'ns1/other-net', model: 'e1000e' })],
    expected: [{ how: 'restart', code: 'edit-restart' }],
  },
  {
    name: 'moving an interface from a NAD to the pod network needs a restart',
    nics: ['default', 'br1'],
    edits: [edit({ name: 'br1', networkId: 'pod', binding: 'bridge' })],
    expected: [{ how: 'restart', code: 'edit-restart' }],
  },
  {
    name: 'an edit that only sets the link state is live',
    nics: ['default', { name: 'br1', network: 'br1-net', binding: 'bridge', model: 'virtio' }],
    edits: [edit({ name: 'br1', networkId: 'ns1/br1-net', linkState: 'down' })],
    expected: [{ how: 'live', code: 'link-live' }],
  },
  {
    name: 'an edit that changes nothing says so',
    nics: ['default', { name: 'br1', network: 'br1-net', binding: 'bridge', model: 'virtio' }],
    edits: [edit({ name: 'br1', networkId: 'ns1/br1-net' })],
    expected: [{ how: 'live', code: 'no-change' }],
  },
  {
    name: 'an edit of an interface added earlier in the draft is part of its hot-plug',
    nics: ['default'],
    edits: [add(), edit({ name: 'nic9', model: 'e1000e' })],
    expected: [
      { how: 'live', code: 'hotplug-bridge' },
      { how: 'restart', code: 'add-model' },
    ],
  },
  {
    name: 'an edit of an interface removed earlier in the draft cannot be applied',
    nics: ['default', 'br1'],
    vmi: null,
    edits: [remove('br1'), link('br1', 'down')],
    expected: [
      { how: 'stopped-vm', code: 'stopped' },
      { how: 'invalid', code: 'gone' },
    ],
  },
  {
    name: 'adding a name twice: the second cannot be applied',
    nics: ['default'],
    edits: [add(), add()],
    expected: [
      { how: 'live', code: 'hotplug-bridge' },
      { how: 'invalid', code: 'name-taken' },
    ],
  },
  {
    name: 'a VMI that is not Running counts as stopped',
    nics: ['default'],
    vmi: ['default'],
    vmiPhase: 'Scheduling',
    edits: [add()],
    expected: [{ how: 'stopped-vm', code: 'stopped' }],
  },
];

const vmiOf = (c: Case): VMI | undefined => {
  if (c.vmi === null) return undefined;
  const nics = c.vmi ?? c.nics;
  const vmi = aVMI({
    nics: nics.map((n) => (typeof n === 'string' ? { name: n } : { name: n.name, spec: n })),
    phase: c.vmiPhase ?? 'Running',
  });
  vmi.status!.conditions = [...(vmi.status!.conditions ?? []), ...(c.vmiConditions ?? [])];
  return vmi;
};

const staged = (changes: InterfaceChange[]): StagedEdit[] =>
  changes.map((change, i) => ({ id: `e${i}`, change }));

describe('buildChangePlan: the decision table', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const vm = aVM({ nics: c.nics, running: c.vmi !== null });
    const plan = buildChangePlan(vm, vmiOf(c), staged(c.edits), c.rollout ?? LIVE_MIGRATE);
    expect(
      plan.lines.map((l) => ({
        how: l.how,
        code: l.reason.code,
        ...(l.blocked ? { blocked: l.blocked.code } : {}),
        ...(l.mayWait ? { mayWait: l.mayWait.code } : {}),
      })),
    ).toEqual(c.expected);
    for (const l of plan.lines) expect(l.source).not.toBe('');
    if (c.source) expect(plan.lines[0]?.source).toContain(c.source);
  });
});

describe('buildChangePlan: one guarded patch', () => {
  const nics = ['default', 'br1', 'br2'];

  it('chains three edits into one patch with a single resourceVersion test, and the server result has all three', () => {
    const vm = aVM({ nics, resourceVersion: '77', running: true });
    const plan = buildChangePlan(
      vm,
      aVMI({ nics }),
      staged([add(), link('br1', 'down'), remove('br2')]),
      LIVE_MIGRATE,
    );
    expect(plan.ops.filter((o) => o.path === '/metadata/resourceVersion')).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '77' },
    ]);
    expect(plan.ops[0]).toEqual({ op: 'test', path: '/metadata/resourceVersion', value: '77' });
    const after = applyPatch(vm, plan.ops);
    expect(after).toEqual(plan.result);
    expect(after.spec.template.spec.domain.devices.interfaces).toEqual([
      { name: 'default', masquerade: {} },
      { name: 'br1', bridge: {}, state: 'down' },
      { name: 'br2', bridge: {}, state: 'absent' },
      { name: 'nic9', bridge: {}, model: 'virtio' },
    ]);
    expect(plan.needsRestart).toBe(false);
  });

  it('a concurrent change makes the whole patch fail (nothing half-applied)', () => {
    const vm = aVM({ nics, resourceVersion: '77' });
    const plan = buildChangePlan(vm, undefined, staged([add(), remove('br1')]), LIVE_MIGRATE);
    const changed = { ...vm, metadata: { ...vm.metadata, resourceVersion: '78' } };
    expect(() => applyPatch(changed, plan.ops)).toThrow(PatchTestFailed);
  });

  it('removing two interfaces: the second removal tests the index the first one left', () => {
    const vm = aVM({ nics });
    const plan = buildChangePlan(vm, undefined, staged([remove('br1'), remove('br2')]), LIVE_MIGRATE);
    const after = applyPatch(vm, plan.ops);
    expect(after.spec.template.spec.domain.devices.interfaces?.map((i) => i.name)).toEqual(['default']);
    expect(after.spec.template.spec.networks?.map((n) => n.name)).toEqual(['default']);
  });

  it('an edit that cannot be applied is left out of the patch, and the plan says it is invalid', () => {
    const vm = aVM({ nics });
    const plan = buildChangePlan(
      vm,
      undefined,
      staged([remove('br1'), link('br1', 'up'), link('br2', 'down')]),
      LIVE_MIGRATE,
    );
    expect(plan.hasInvalid).toBe(true);
    const after = applyPatch(vm, plan.ops);
    expect(after.spec.template.spec.domain.devices.interfaces?.map((i) => [i.name, i.state])).toEqual([
      ['default', undefined],
      ['br2', 'down'],
    ]);
  });

  it('a removal staged while the VM was stopped is planned for the VM running now (hot-unplug)', () => {
    const vm = aVM({ nics, running: true });
    const plan = buildChangePlan(
      vm,
      aVMI({ nics }),
      staged([{ kind: 'remove', name: 'br1', running: false }]),
      LIVE_MIGRATE,
    );
    expect(plan.lines[0]?.how).toBe('live');
    expect(applyPatch(vm, plan.ops).spec.template.spec.domain.devices.interfaces?.[1]?.state).toBe('absent');
  });

  it('a VM on the implicit pod interface gets it written out once, then the other edits', () => {
    const vm: VM = aVM({ noNetworkArrays: true });
    const plan = buildChangePlan(vm, undefined, staged([add(), add({ name: 'nic10' })]), LIVE_MIGRATE);
    const after = applyPatch(vm, plan.ops);
    expect(after.spec.template.spec.domain.devices.interfaces?.map((i) => i.name)).toEqual([
      'default',
      'nic9',
      'nic10',
    ]);
  });

  it('flags restart and migration for the restart offer', () => {
    const vm = aVM({ nics, running: true });
    const plan = buildChangePlan(
      vm,
      aVMI({ nics }),
      staged([remove('default'), edit({ name: 'br1', networkId: 'ns1/other-net' })]),
      LIVE_MIGRATE,
    );
    expect([plan.needsRestart, plan.needsMigration, plan.running]).toEqual([true, true, true]);
  });

  it("an edit staged on an older VM is rebased: another user's change to another field is kept", () => {
    const seen = aVM({
      nics: ['default', { name: 'br1', network: 'br1-net', binding: 'bridge', model: 'virtio' }],
    });
    // Meanwhile someone set br1's MAC; the draft changes its network.
    const latest = structuredClone(seen);
    latest.metadata.resourceVersion = '2';
    latest.spec.template.spec.domain.devices.interfaces![1]!.macAddress = '02:00:00:00:00:01';
    const change = edit({ name: 'br1', networkId: 'ns1/other-net' });
    const plan = buildChangePlan(latest, undefined, [{ id: 'e0', change, seen }], LIVE_MIGRATE);
    const after = applyPatch(latest, plan.ops);
    expect(after.spec.template.spec.domain.devices.interfaces?.[1]?.macAddress).toBe('02:00:00:00:00:01');
    expect(after.spec.template.spec.networks?.[1]).toEqual({
      name: 'br1',
      multus: { networkName: 'other-net' },
    });
  });

  it('an edit staged on an older VM whose field was changed meanwhile is a conflict, not an overwrite', () => {
    const seen = aVM({ nics: ['default', 'br1'] });
    const latest = structuredClone(seen);
    latest.metadata.resourceVersion = '2';
    latest.spec.template.spec.networks![1] = { name: 'br1', multus: { networkName: 'theirs-net' } };
    const change = edit({ name: 'br1', networkId: 'ns1/mine-net' });
    const plan = buildChangePlan(latest, undefined, [{ id: 'e0', change, seen }], LIVE_MIGRATE);
    expect(plan.lines[0]).toMatchObject({
      how: 'invalid',
      reason: { code: 'changed-meanwhile', params: { name: 'br1', fields: 'network' } },
    });
    expect(plan.ops).toEqual([]);
  });

  it('an empty draft sends nothing', () => {
    expect(buildChangePlan(aVM(), undefined, [], LIVE_MIGRATE).ops).toEqual([]);
  });
});

const hc = (spec?: HyperConverged['spec'], jsonpatch?: unknown): HyperConverged => ({
  apiVersion: 'hco.kubevirt.io/v1beta1',
  kind: 'HyperConverged',
  metadata: {
    name: 'kubevirt-hyperconverged',
    namespace: 'openshift-cnv',
    ...(jsonpatch === undefined
      ? {}
      : {
          annotations: {
            [KUBEVIRT_JSONPATCH_ANNOTATION]:
              typeof jsonpatch === 'string' ? jsonpatch : JSON.stringify(jsonpatch),
          },
        }),
  },
  ...(spec ? { spec } : {}),
});

describe('rolloutFromHyperConverged', () => {
  const cases: { name: string; hc: HyperConverged | undefined; expected: ClusterRollout }[] = [
    {
      name: 'not readable: HCO defaults, marked assumed',
      hc: undefined,
      expected: { strategy: 'LiveUpdate', methods: ['LiveMigrate'], from: 'assumed' },
    },
    {
      name: 'HCO always writes LiveUpdate; workloadUpdateMethods defaults to LiveMigrate',
      hc: hc(),
      expected: { strategy: 'LiveUpdate', methods: ['LiveMigrate'], from: 'hyperconverged' },
    },
    {
      name: 'workloadUpdateMethods read from the spec',
      hc: hc({ workloadUpdateStrategy: { workloadUpdateMethods: ['Evict'] } }),
      expected: { strategy: 'LiveUpdate', methods: ['Evict'], from: 'hyperconverged' },
    },
    {
      name: 'the jsonpatch annotation sets the Stage strategy and empties the methods',
      hc: hc({ workloadUpdateStrategy: { workloadUpdateMethods: ['LiveMigrate'] } }, [
        { op: 'add', path: '/spec/configuration/vmRolloutStrategy', value: 'Stage' },
        { op: 'replace', path: '/spec/workloadUpdateStrategy/workloadUpdateMethods', value: [] },
      ]),
      expected: { strategy: 'Stage', methods: [], from: 'hyperconverged' },
    },
    {
      name: 'an annotation that is not JSON is ignored',
      hc: hc(undefined, '[{'),
      expected: { strategy: 'LiveUpdate', methods: ['LiveMigrate'], from: 'hyperconverged' },
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(rolloutFromHyperConverged(c.hc)).toEqual(c.expected);
  });
});
