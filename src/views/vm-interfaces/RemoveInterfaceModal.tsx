import { useEffect, useState, type FC } from 'react';
import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { VM, VMI } from '../../domain/kube/vm';
import type { InterfaceChange } from '../../domain/interfaces/conflict';
import { removeInterfacePatch } from '../../domain/interfaces/patch';
import { ActionError } from '../../components/LoadError';
import { NS } from '../../i18n/ns';
import { ConflictNotice } from './ConflictNotice';
import { useVMChange } from './useVMChange';

/**
 * Confirms a removal and says what will happen: hot-unplug, or removal that needs a restart. What the user
 * confirms is pinned when the modal opens, as in the edit modal: the VM version (so a change arriving by watch
 * meanwhile goes through the "changed meanwhile" flow instead of being removed unseen) and whether the VM runs
 * (so the plan shown, hot-unplug or removal, cannot flip under the user's cursor).
 */
export const RemoveInterfaceModal: FC<{
  vm: VM;
  vmi?: VMI;
  name: string;
  onClose: () => void;
  /** "Stage changes": the removal goes to the draft (StagedPlan.tsx), nothing is sent. */
  onStage?: (change: InterfaceChange) => void;
}> = ({ vm, vmi, name, onClose, onStage }) => {
  const { t } = useTranslation(NS);
  const [base, setBase] = useState(vm);
  const [running] = useState(() => vmi?.status?.phase === 'Running');
  const plan = removeInterfacePatch(base, name, { running });
  const { state, apply, applyRebased } = useVMChange(base);
  const change = { kind: 'remove', name, running } as const;
  useEffect(() => {
    if (state.phase === 'done') onClose();
  }, [state.phase, onClose]);
  const text =
    plan.mode === 'absent'
      ? t(
          'The VM is running: KubeVirt hot-unplugs {{name}}. It shows as pending until the guest has let it go.',
          { name },
        )
      : plan.needsRestart
        ? t(
            'This interface cannot be hot-unplugged: it is removed from the VM spec and the guest keeps it until the VM restarts.',
          )
        : t('The interface is removed from the VM spec.');
  const confirm = () => {
    if (onStage) {
      onStage(change);
      return onClose();
    }
    if (state.phase === 'conflict' && state.rebase.status === 'ok') {
      setBase(state.latest);
      return void applyRebased(state.latest, state.rebase.ops, change);
    }
    void apply(base, change);
  };
  return (
    <Modal
      isOpen
      onClose={onClose}
      variant="small"
      aria-labelledby="remove-iface-title"
      data-test="remove-interface-modal"
    >
      <ModalHeader
        title={t('Remove interface {{name}}?', { name })}
        labelId="remove-iface-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        {state.phase === 'conflict' && <ConflictNotice rebase={state.rebase} />}
        {state.phase === 'error' && (
          <ActionError error={state.error} title={t('The interface was not removed')} />
        )}
        <Alert
          variant={plan.needsRestart ? 'warning' : 'info'}
          isInline
          isPlain
          title={text}
          data-test="remove-plan"
        />
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={confirm}
          isLoading={state.phase === 'saving'}
          isDisabled={
            state.phase === 'saving' || (state.phase === 'conflict' && state.rebase.status !== 'ok')
          }
          data-test="confirm-remove"
        >
          {onStage
            ? t('Add to the draft')
            : state.phase === 'conflict'
              ? t('Remove from the latest version')
              : t('Remove')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
