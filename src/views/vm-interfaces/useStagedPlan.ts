/**
 * The React side of the staged change plan (domain/interfaces/plan.ts): the draft of one VM's interface edits,
 * the plan for the VM as it is now, the one guarded PATCH that applies it, and the restart it may need.
 *
 * A concurrent change never loses anything: the patch starts with a `test` on metadata.resourceVersion; when it
 * fails, the latest VM is loaded, the user is shown what changed meanwhile, and the draft stays, planned again
 * on the latest version (each edit rebased from the VM it was made on).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VM, VMI } from '../../domain/kube/vm';
import { diffInterfaces, type InterfaceChange, type InterfaceDiff } from '../../domain/interfaces/conflict';
import {
  buildChangePlan,
  rolloutFromHyperConverged,
  type ChangePlan,
  type HyperConverged,
  type StagedEdit,
} from '../../domain/interfaces/plan';
import type { K8sError } from '../../k8s/errors';
import { useK8sClient } from '../../k8s/K8sContext';
import { HyperConvergedModel, VirtualMachineModel, type K8sModel } from '../../k8s/models';
import { useListWatches } from '../../k8s/useWatchList';
import { mayBeConcurrentChange } from '../../k8s/errors';

export type ApplyState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'error'; error: K8sError }
  | { phase: 'conflict'; meanwhile: InterfaceDiff }
  /** Applied: how many edits went in the one patch, and how many of them wait for a restart. */
  | { phase: 'done'; applied: number; waitingForRestart: number };

export type RestartState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'done' }
  /** The API server does not serve KubeVirt's subresources API (no virt-api: 404). */
  | { phase: 'unavailable' }
  | { phase: 'error'; error: K8sError };

/** KubeVirt's restart subresource: PUT, body RestartOptions (kubevirt v1.9.0 pkg/virt-api/api.go). */
export const restartPath = (namespace: string, name: string): string =>
  `/apis/subresources.kubevirt.io/v1/namespaces/${encodeURIComponent(namespace)}/virtualmachines/${encodeURIComponent(name)}/restart`;

const ALL = [{}];

let counter = 0;
const nextId = () => `edit-${++counter}`;

export const useStagedPlan = (vm: VM | undefined, vmi: VMI | undefined) => {
  const client = useK8sClient();
  const [staging, setStaging] = useState(false);
  // Watched only while staging (a tab that is only looked at asks nothing more). A tenant may not read it
  // (forbidden): HCO's defaults are assumed, and the plan says so.
  const hcs = useListWatches(HyperConvergedModel as K8sModel<HyperConverged>, staging ? ALL : undefined);
  const hc = hcs.error ? undefined : hcs.data[0];
  const rollout = useMemo(() => rolloutFromHyperConverged(hc), [hc]);

  const [edits, setEdits] = useState<StagedEdit[]>([]);
  const [state, setState] = useState<ApplyState>({ phase: 'idle' });
  const [restart, setRestart] = useState<RestartState>({ phase: 'idle' });
  // After a failed guard, the latest VM read from the server, until the watch brings a newer one.
  const [latest, setLatest] = useState<VM>();
  const rv = vm?.metadata.resourceVersion;
  useEffect(() => setLatest(undefined), [rv]);
  const base = latest ?? vm;

  const plan: ChangePlan | undefined = useMemo(
    () => (base ? buildChangePlan(base, vmi, edits, rollout) : undefined),
    [base, vmi, edits, rollout],
  );
  // The staging callbacks are handed to menus and modals: read the plan as last rendered.
  const planNow = useRef(plan);
  useEffect(() => {
    planNow.current = plan;
  }, [plan]);

  /** Adds an edit made on the VM as the draft leaves it (what the modals show while staging). */
  const stage = useCallback((change: InterfaceChange) => {
    setEdits((es) => [...es, { id: nextId(), change, seen: planNow.current?.result }]);
    setState({ phase: 'idle' });
  }, []);

  const unstage = useCallback((id: string) => setEdits((es) => es.filter((e) => e.id !== id)), []);

  const start = useCallback(() => {
    setStaging(true);
    setState({ phase: 'idle' });
    setRestart({ phase: 'idle' });
  }, []);

  const discard = useCallback(() => {
    setEdits([]);
    setStaging(false);
    setState({ phase: 'idle' });
  }, []);

  /** One PATCH for the whole draft. Called from the click only (never from an effect: StrictMode runs those twice). */
  const apply = async () => {
    if (!base || !plan || plan.hasInvalid || plan.ops.length === 0) return;
    setState({ phase: 'saving' });
    const ref = { namespace: base.metadata.namespace, name: base.metadata.name };
    const r = await client.jsonPatch<VM>(VirtualMachineModel, ref, plan.ops);
    if (r.ok) {
      const applied = plan.lines.filter((l) => l.how !== 'invalid').length;
      const waitingForRestart = plan.lines.filter((l) => l.how === 'restart').length;
      setState({ phase: 'done', applied, waitingForRestart });
      setRestart({ phase: 'idle' });
      setEdits([]);
      setStaging(false);
      return;
    }
    if (!mayBeConcurrentChange(r.error)) return setState({ phase: 'error', error: r.error });
    const now = await client.get<VM>(VirtualMachineModel, ref);
    if (!now.ok) return setState({ phase: 'error', error: now.error });
    // Same version: the VM did not change, so the failure is about the request itself.
    if (now.value.metadata.resourceVersion === base.metadata.resourceVersion)
      return setState({ phase: 'error', error: r.error });
    setLatest(now.value);
    setState({ phase: 'conflict', meanwhile: diffInterfaces(base, now.value) });
  };

  const restartVM = async () => {
    if (!base) return;
    setRestart({ phase: 'saving' });
    const r = await client.request(restartPath(base.metadata.namespace ?? '', base.metadata.name), {
      method: 'PUT',
      body: {},
    });
    if (r.ok) return setRestart({ phase: 'done' });
    setRestart(r.error.status === 404 ? { phase: 'unavailable' } : { phase: 'error', error: r.error });
  };

  return {
    staging,
    edits,
    plan,
    /** The VM as the draft leaves it: what the modals edit while staging. */
    draftVM: plan?.result,
    rollout,
    state,
    restart,
    stage,
    unstage,
    start,
    discard,
    apply,
    restartVM,
    dismiss: () => setState({ phase: 'idle' }),
  };
};

export type StagedPlanState = ReturnType<typeof useStagedPlan>;
