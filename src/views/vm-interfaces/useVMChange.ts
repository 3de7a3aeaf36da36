/** The React side of vmChange.ts: the state of one change, for a modal to show. */
import { useState } from 'react';
import type { VM } from '../../domain/kube/vm';
import { changePatch, type InterfaceChange } from '../../domain/interfaces/conflict';
import type { PatchOp } from '../../domain/kube/meta';
import { useK8sClient } from '../../k8s/K8sContext';
import { sendVMChange, type ChangeState } from './vmChange';

export { sendVMChange, type ChangeState } from './vmChange';

export const useVMChange = (_vm: VM) => {
  const client = useK8sClient();
  const [state, setState] = useState<ChangeState>({ phase: 'idle' });
  const send = (base: VM, ops: PatchOp[], change: InterfaceChange) =>
    sendVMChange(client, base, ops, change, setState).then(() => undefined);

  return {
    state,
    reset: () => setState({ phase: 'idle' }),
    /** First attempt, on the VM the user looked at. */
    apply: (base: VM, change: InterfaceChange) => send(base, changePatch(base, change), change),
    /** After a conflict: the rebased patch on the latest VM (which becomes the new base if it fails again). */
    applyRebased: (latest: VM, ops: PatchOp[], change: InterfaceChange) => send(latest, ops, change),
  };
};
