/**
 * Sends one interface change to the API server without ever losing a concurrent change: the patch carries a
 * `test` on metadata.resourceVersion; when the VM changed meanwhile, the latest VM is loaded and the change is
 * rebased on it (domain/interfaces/conflict.ts). The user sees what changed and decides to apply again.
 */
import { useState } from 'react';
import type { VM } from '../../domain/kube/vm';
import {
  changePatch,
  rebasePatch,
  type InterfaceChange,
  type RebaseResult,
} from '../../domain/interfaces/conflict';
import type { PatchOp } from '../../domain/kube/meta';
import type { K8sError } from '../../k8s/errors';
import { VirtualMachineModel } from '../../k8s/models';
import { useK8sClient } from '../../k8s/K8sContext';

/**
 * Could this failure be a failed `test` op, i.e. "changed meanwhile"? kube-apiserver answers a failed JSON-patch
 * test with a bare 422 ("the server rejected our request due to an error in our request", no causes), and a
 * stale update with 409. A 422 that names fields is a real validation error. The caller confirms by reloading.
 */
export const mayBeConcurrentChange = (e: K8sError): boolean =>
  e.kind === 'conflict' || (e.kind === 'invalid' && !e.fieldIssues?.length);

export type ChangeState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'error'; error: K8sError }
  | { phase: 'conflict'; latest: VM; rebase: RebaseResult }
  | { phase: 'done'; vm: VM };

export const useVMChange = (vm: VM) => {
  const client = useK8sClient();
  const [state, setState] = useState<ChangeState>({ phase: 'idle' });
  const ref = { namespace: vm.metadata.namespace, name: vm.metadata.name };

  const send = async (base: VM, ops: PatchOp[], change: InterfaceChange) => {
    setState({ phase: 'saving' });
    const r = await client.jsonPatch<VM>(VirtualMachineModel, ref, ops);
    if (r.ok) return setState({ phase: 'done', vm: r.value });
    if (!mayBeConcurrentChange(r.error)) return setState({ phase: 'error', error: r.error });
    const latest = await client.get<VM>(VirtualMachineModel, ref);
    if (!latest.ok) return setState({ phase: 'error', error: latest.error });
    // Same version as ours: the VM did not change, so the 422 is about the request itself.
    if (latest.value.metadata.resourceVersion === base.metadata.resourceVersion)
      return setState({ phase: 'error', error: r.error });
    setState({ phase: 'conflict', latest: latest.value, rebase: rebasePatch(change, base, latest.value) });
  };

  return {
    state,
    reset: () => setState({ phase: 'idle' }),
    /** First attempt, on the VM the user looked at. */
    apply: (base: VM, change: InterfaceChange) => send(base, changePatch(base, change), change),
    /** After a conflict: the rebased patch on the latest VM (which becomes the new base if it fails again). */
    applyRebased: (latest: VM, ops: PatchOp[], change: InterfaceChange) => send(latest, ops, change),
  };
};
