/**
 * Sends one interface change to the API server without ever losing a concurrent change: the patch carries a
 * `test` on metadata.resourceVersion; when the VM changed meanwhile, the latest VM is loaded and the change is
 * rebased on it (domain/interfaces/conflict.ts). The user sees what changed and decides to apply again.
 */
import type { VM } from '../../domain/kube/vm';
import { rebasePatch, type InterfaceChange, type RebaseResult } from '../../domain/interfaces/conflict';
import type { PatchOp } from '../../domain/kube/meta';
import { mayBeConcurrentChange, type K8sError } from '../../k8s/errors';
import { VirtualMachineModel } from '../../k8s/models';
import type { K8sClient } from '../../k8s/client';

export type ChangeState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'error'; error: K8sError }
  | { phase: 'conflict'; latest: VM; rebase: RebaseResult }
  | { phase: 'done'; vm: VM };

/**
 * Sends one change and reports each phase through `onState`; resolves with the last. Called from event handlers
 * only (an effect would run it twice under StrictMode, and the second PATCH fails its resourceVersion test).
 */
export const sendVMChange = async (
  client: K8sClient,
  base: VM,
  ops: PatchOp[],
  change: InterfaceChange,
  onState: (s: ChangeState) => void = () => {},
): Promise<ChangeState> => {
  const end = (s: ChangeState) => {
    onState(s);
    return s;
  };
  onState({ phase: 'saving' });
  const ref = { namespace: base.metadata.namespace, name: base.metadata.name };
  const r = await client.jsonPatch<VM>(VirtualMachineModel, ref, ops);
  if (r.ok) return end({ phase: 'done', vm: r.value });
  if (!mayBeConcurrentChange(r.error)) return end({ phase: 'error', error: r.error });
  const latest = await client.get<VM>(VirtualMachineModel, ref);
  if (!latest.ok) return end({ phase: 'error', error: latest.error });
  // Same version as ours: the VM did not change, so the 422 is about the request itself.
  if (latest.value.metadata.resourceVersion === base.metadata.resourceVersion)
    return end({ phase: 'error', error: r.error });
  return end({ phase: 'conflict', latest: latest.value, rebase: rebasePatch(change, base, latest.value) });
};
