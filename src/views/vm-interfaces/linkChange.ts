/** The link-state change of a row's menu, loaded on first use (it brings the patch builders). */
import type { VM } from '../../domain/kube/vm';
import { changePatch, type InterfaceChange } from '../../domain/interfaces/conflict';
import type { K8sClient } from '../../k8s/client';
import { sendVMChange, type ChangeState } from './vmChange';

export const linkChange = (name: string, state: 'up' | 'down'): InterfaceChange =>
  ({ kind: 'link', name, state }) as const;

/** Sends "set link up/down" once; the caller runs it from the menu item's click. */
export const setLinkState = (
  client: K8sClient,
  vm: VM,
  name: string,
  state: 'up' | 'down',
): Promise<ChangeState> => {
  const change = linkChange(name, state);
  return sendVMChange(client, vm, changePatch(vm, change), change);
};
