import { useEffect, type FC } from 'react';
import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { VM } from '../../domain/kube/vm';
import { ActionError } from '../../components/LoadError';
import { NS } from '../../i18n/ns';
import { ConflictNotice } from './ConflictNotice';
import { useVMChange } from './useVMChange';

/**
 * Sets the link state at once; a modal appears only if something needs the user (an error, or a change made
 * meanwhile).
 */
export const LinkStateAction: FC<{ vm: VM; name: string; state: 'up' | 'down'; onClose: () => void }> = ({
  vm,
  name,
  state: linkState,
  onClose,
}) => {
  const { t } = useTranslation(NS);
  const { state, apply, applyRebased } = useVMChange(vm);
  const change = { kind: 'link', name, state: linkState } as const;
  useEffect(() => {
    void apply(vm, change);
    // Run once per opened action.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
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
