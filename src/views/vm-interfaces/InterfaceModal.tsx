import { useEffect, useMemo, useState, type FC } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { VM, VMI } from '../../domain/kube/vm';
import type { NetworkAttachmentDefinition } from '../../domain/kube/networks';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import { emptyForm, formFromVM, specOfForm, type InterfaceForm } from '../../domain/interfaces/form';
import { isSingleUseNetwork, networkOptionsFor } from '../../domain/interfaces/networkOptions';
import { networkIdOf } from '../../domain/interfaces/form';
import { getBinding, specInterfaces, specNetworks } from '../../domain/kube/vm';
import { macsInUseFrom, validateInterfaceForm } from '../../domain/interfaces/validate';
import { hotplugPlan } from '../../domain/interfaces/hotplug';
import type { InterfaceChange } from '../../domain/interfaces/conflict';
import { primaryUdnNamespaces } from '../../domain/interfaces/nadTypes';
import { hasErrors } from '../../domain/issues';
import { ActionError } from '../../components/LoadError';
import { NS } from '../../i18n/ns';
import { ConflictNotice } from './ConflictNotice';
import { InterfaceFields } from './InterfaceFields';
import { useVMChange } from './useVMChange';

type Props = {
  vm: VM;
  vmi?: VMI;
  /** Name of the interface to edit; undefined adds one. */
  editing?: string;
  nads: readonly NetworkAttachmentDefinition[];
  /** Rows of every VM the user can see, for the "MAC already used" warning. */
  rows: readonly InterfaceRow[];
  onClose: () => void;
  /** "Stage changes": a valid form goes to the draft (StagedPlan.tsx), nothing is sent. */
  onStage?: (change: InterfaceChange) => void;
};

const nextName = (vm: VM) => {
  const taken = new Set(vm.spec.template.spec.domain.devices.interfaces?.map((i) => i.name));
  let i = 1;
  while (taken.has(`nic${i}`)) i++;
  return `nic${i}`;
};

/** The form's fields top to bottom, and their inputs: after Add, the first one with an error gets the focus. */
const FIELD_ORDER = [
  'name',
  'network',
  'binding',
  'model',
  'macAddress',
  'linkState',
  'staticIp',
  'guestName',
];
const FIELD_INPUT: Record<string, string> = {
  name: 'iface-name',
  network: 'iface-network',
  binding: 'iface-binding',
  model: 'iface-model',
  macAddress: 'iface-mac',
  linkState: 'iface-link',
  staticIp: 'iface-static-ip',
  guestName: 'iface-guest-name',
};

/** Add or edit one interface. Nothing is sent while a field has an error; a concurrent change is never lost. */
export const InterfaceModal: FC<Props> = ({ vm, vmi, editing, nads, rows, onClose, onStage }) => {
  const { t } = useTranslation(NS);
  const [base, setBase] = useState(vm);
  const [form, setForm] = useState<InterfaceForm>(
    () => (editing && formFromVM(vm, editing)) || emptyForm(nextName(vm)),
  );
  const [submitted, setSubmitted] = useState(false);
  const { state, apply, applyRebased, reset } = useVMChange(vm);
  const namespace = vm.metadata.namespace ?? '';
  const options = useMemo(
    () => networkOptionsFor(namespace, nads, primaryUdnNamespaces(nads).has(namespace)),
    [namespace, nads],
  );
  const macsInUse = useMemo(
    () => macsInUseFrom(rows.filter((r) => !(r.vmName === vm.metadata.name && r.namespace === namespace))),
    [rows, vm, namespace],
  );
  const running = vmi?.status?.phase === 'Running';
  const issues = useMemo(
    () => validateInterfaceForm(form, { vm: base, options, editing, macsInUse, running }),
    [form, base, options, editing, macsInUse, running],
  );
  const serverIssues = state.phase === 'error' ? (state.error.fieldIssues ?? []) : [];
  // Errors show once the user tried to save; warnings (MAC in use) show right away.
  const shown = [...(submitted ? issues : issues.filter((i) => i.severity === 'warning')), ...serverIssues];
  const plan = hotplugPlan(base, vmi, specOfForm(base, form));
  const change: InterfaceChange = editing ? { kind: 'edit', form } : { kind: 'add', form };

  useEffect(() => {
    if (state.phase === 'done') onClose();
  }, [state.phase, onClose]);

  const save = () => {
    setSubmitted(true);
    const firstError = FIELD_ORDER.find((f) => issues.some((i) => i.field === f && i.severity === 'error'));
    if (firstError) {
      // The field may be below the fold of the modal: bring it into view and put the cursor in it.
      requestAnimationFrame(() => {
        const el = document.getElementById(FIELD_INPUT[firstError] ?? '');
        el?.scrollIntoView({ block: 'center' });
        el?.focus();
      });
      return;
    }
    if (hasErrors(issues)) return;
    if (onStage) {
      onStage(change);
      return onClose();
    }
    void apply(base, change);
  };
  // Networks this VM can still attach to: single-use ones it already has are not a choice.
  const usable = useMemo(() => {
    const ns = vm.metadata.namespace ?? '';
    const nets = specNetworks(vm);
    const used = new Set(
      specInterfaces(vm)
        .filter((i) => i.name !== editing && i.state !== 'absent')
        .map((i) =>
          networkIdOf(
            nets.find((n) => n.name === i.name),
            getBinding(i),
            ns,
          ),
        ),
    );
    return options.filter((o) => !(isSingleUseNetwork(o) && used.has(o.id)));
  }, [vm, options, editing]);
  const applyAgain = () => {
    if (state.phase !== 'conflict' || state.rebase.status !== 'ok') return;
    setBase(state.latest);
    void applyRebased(state.latest, state.rebase.ops, change);
  };
  const startFromLatest = () => {
    if (state.phase !== 'conflict') return;
    setBase(state.latest);
    reset();
  };

  const planText = {
    hotplug: t(
      'The VM is running: the interface will be hot-plugged. It shows as pending until the guest has it.',
    ),
    live: t('The VM is running: the link state changes without a restart.'),
    'restart-required': t('The VM is running: this change takes effect after a restart.'),
    stopped: t('The VM is not running: the change applies at its next start.'),
  }[plan];

  const footer = () => {
    if (state.phase === 'conflict' && state.rebase.status === 'ok')
      return (
        <Button onClick={applyAgain} data-test="apply-again">
          {t('Apply on the latest version')}
        </Button>
      );
    if (state.phase === 'conflict' && state.rebase.status === 'noop')
      return <Button onClick={onClose}>{t('Close')}</Button>;
    if (state.phase === 'conflict')
      return (
        <Button onClick={startFromLatest} data-test="start-from-latest">
          {t('Edit on the latest version')}
        </Button>
      );
    return (
      <Button
        onClick={save}
        isLoading={state.phase === 'saving'}
        isDisabled={state.phase === 'saving'}
        data-test="save-interface"
      >
        {onStage ? t('Add to the draft') : editing ? t('Save') : t('Add')}
      </Button>
    );
  };

  return (
    <Modal
      isOpen
      onClose={onClose}
      // The first field the user can type in, not the close button.
      elementToFocus={editing ? '#iface-network' : '#iface-name'}
      variant="medium"
      aria-labelledby="iface-modal-title"
      data-test="interface-modal"
    >
      <ModalHeader
        title={editing ? t('Edit interface {{name}}', { name: editing }) : t('Add network interface')}
        description={t('Virtual machine {{ns}}/{{name}}', { ns: namespace, name: vm.metadata.name })}
        labelId="iface-modal-title"
      />
      <ModalBody>
        {state.phase === 'conflict' && <ConflictNotice rebase={state.rebase} />}
        {state.phase === 'error' && !serverIssues.length && (
          <ActionError error={state.error} title={t('The interface was not saved')} />
        )}
        {!editing && usable.length === 0 && (
          <Alert variant="info" isInline title={t('No network left to attach')} data-test="no-usable-network">
            {t(
              'Every network this VM can use in namespace {{ns}} is attached already. Create a secondary network (a NetworkAttachmentDefinition or UserDefinedNetwork) first.',
              { ns: namespace },
            )}{' '}
            <Link to="/vm-networks/create">{t('Create network')}</Link>
          </Alert>
        )}
        <InterfaceFields
          form={form}
          onChange={(p) => setForm({ ...form, ...p })}
          options={options}
          issues={shown}
          editing={!!editing}
          plan={
            // What happens to the running VM, said once a network is chosen, under it.
            form.networkId ? (
              <Alert
                variant={plan === 'restart-required' ? 'warning' : 'info'}
                isInline
                isPlain
                title={planText}
                data-test="hotplug-plan"
              />
            ) : null
          }
        />
      </ModalBody>
      <ModalFooter>
        {footer()}
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
