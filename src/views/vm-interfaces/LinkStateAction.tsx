import { useEffect, type FC } from 'react';
import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { VM } from '../../domain/kube/vm';
import { ActionError } from '../../components/LoadError';
import { NS } from '../../i18n/ns';
import { ConflictNotice } from './ConflictNotice';
import { linkChange } from './linkChange';
import { useVMChange, type ChangeState } from './useVMChange';

/**
 * What needs the user after "Set link up/down" (sent by the menu item itself, setLinkState): an error, or a
 * change made meanwhile, which they may apply on the latest version. Nothing when it went through.
 */
export const LinkStateAction: FC<{
  vm: VM;
  name: string;
  state: 'up' | 'down';
  /** How the menu item's PATCH ended. */
  result: ChangeState;
  onClose: () => void;
}> = ({ vm, name, state: linkState, result, onClose }) => {
  const { t } = useTranslation(NS);
  const retry = useVMChange(vm);
  const change = linkChange(name, linkState);
  const state = retry.state.phase === 'idle' ? result : retry.state;
  const { applyRebased } = retry;
  useEffect(() => {
    if (state.phase === 'done') onClose();
  }, [state.phase, onClose]);
  if (state.phase !== 'error' && state.phase !== 'conflict') return null;
  return (
    <Modal isOpen onClose={onClose} variant="small" aria-labelledby="link-title" data-test="link-state-modal">
      <ModalHeader
        title={t('Set link {{state}} on {{name}}', { state: linkState, name })}
        labelId="link-title"
      />
      <ModalBody>
        {state.phase === 'conflict' && <ConflictNotice rebase={state.rebase} />}
        {state.phase === 'error' && (
          <ActionError error={state.error} title={t('The link state was not changed')} />
        )}
      </ModalBody>
      <ModalFooter>
        {state.phase === 'conflict' && state.rebase.status === 'ok' && (
          <Button
            onClick={() =>
              void applyRebased(state.latest, state.rebase.status === 'ok' ? state.rebase.ops : [], change)
            }
          >
            {t('Apply on the latest version')}
          </Button>
        )}
        <Button variant="link" onClick={onClose}>
          {t('Close')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
