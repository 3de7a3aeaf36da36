/**
 * Row actions and the add/edit/remove flows of the interface tables. Filled in by the interface modal; until
 * then the tables are read-only.
 */
import type { ReactNode } from 'react';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import type { VM } from '../../domain/kube/vm';
import type { NetworkAttachmentDefinition } from '../../domain/kube/networks';

export type InterfaceActions = {
  actions?: (row: InterfaceRow) => ReactNode;
  modal: ReactNode;
  addButtonProps: (vm: VM) => { allowed: boolean; reason?: string; onClick: () => void } | undefined;
};

export const useInterfaceActions = (
  _vms: readonly VM[],
  _nads: readonly NetworkAttachmentDefinition[],
): InterfaceActions => ({
  actions: undefined,
  modal: null,
  addButtonProps: () => undefined,
});
