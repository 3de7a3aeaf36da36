/**
 * "Stage changes" on the VM's Network interfaces tab: the draft of interface edits, each with its plan line
 * (live, live migration, after a restart, at the next start, or why it cannot be applied), one "Apply N changes"
 * that sends them in one guarded patch, and the restart offered when an applied edit waits for one.
 */
import type { FC } from 'react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  CardTitle,
  Content,
  Label,
  List,
  ListItem,
} from '@patternfly/react-core';
import { TimesIcon } from '@patternfly/react-icons/dist/esm/icons/times-icon';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { InterfaceChange } from '../../domain/interfaces/conflict';
import type { ClusterRollout, PlanHow, PlanLine } from '../../domain/interfaces/plan';
import { ActionError } from '../../components/LoadError';
import { NS } from '../../i18n/ns';
import { DiffList } from './ConflictNotice';
import type { StagedPlanState } from './useStagedPlan';

const HOW_COLOR: Record<PlanHow, 'green' | 'blue' | 'orange' | 'grey' | 'red'> = {
  live: 'green',
  migration: 'blue',
  restart: 'orange',
  'stopped-vm': 'grey',
  invalid: 'red',
};

const howText = (t: TFunction, how: PlanHow): string =>
  ({
    live: t('Live'),
    migration: t('Live migration'),
    restart: t('After restart'),
    'stopped-vm': t('At next start'),
    invalid: t('Cannot apply'),
  })[how];

const editText = (t: TFunction, c: InterfaceChange): string => {
  switch (c.kind) {
    case 'add':
      return t('Add {{name}} on {{network}} ({{binding}})', {
        name: c.form.name,
        network: c.form.networkId,
        binding: c.form.binding,
      });
    case 'edit':
      return t('Edit {{name}}', { name: c.form.name });
    case 'remove':
      return t('Remove {{name}}', { name: c.name });
    case 'link':
      return t('Set link {{state}} on {{name}}', { state: c.state, name: c.name });
  }
};

/** Every reason code of domain/interfaces/plan.ts, with its params. */
const reasonText = (t: TFunction, line: PlanLine): string => {
  const p = line.reason.params;
  switch (line.reason.code) {
    case 'stopped':
      return t('The VM is not running: this applies at its next start.');
    case 'hotplug-bridge':
      return t(
        'Hot-plugged into the running VM (in place, or through a live migration KubeVirt starts when the cluster has no dynamic-networks controller).',
      );
    case 'hotplug-sriov':
      return t(
        'An SR-IOV interface is hot-plugged through a live migration: KubeVirt moves the VM to a pod that has the VF.',
      );
    case 'add-pod-network':
      return t(
        'A new interface on the pod network or primary UDN cannot be hot-plugged: it waits for a restart.',
      );
    case 'add-binding':
      return t(
        'The {{binding}} binding cannot be hot-plugged (only bridge and SR-IOV can): it waits for a restart.',
        p,
      );
    case 'add-model':
      return t('Only the virtio model can be hot-plugged, not {{model}}: it waits for a restart.', p);
    case 'add-static-ip':
      return t('cloud-init applies the static IP when the VM boots: it waits for a restart.');
    case 'unplug-bridge':
      return t('Hot-unplugged from the running VM (state: absent).');
    case 'unplug-not-plugged':
      return t('Not plugged into the running VM yet: only the spec changes.');
    case 'remove-restart':
      return t(
        'A {{binding}} interface cannot be hot-unplugged: it is removed from the spec and the guest keeps it until a restart.',
        p,
      );
    case 'link-live':
      return t('The link goes {{state}} on the running VM.', p);
    case 'link-sriov':
      return t('SR-IOV interfaces have no link state. Remove this edit from the draft.');
    case 'nad-swap':
      return t(
        'The network changes from {{from}} to {{to}} through a live migration; the guest keeps its MAC address and interface name.',
        p,
      );
    case 'edit-restart':
      return t('Changing {{fields}} of a running interface waits for a restart.', p);
    case 'edit-static-ip':
      return t('cloud-init network data changes apply when the VM boots: it waits for a restart.');
    case 'no-change':
      return t('Nothing changes.');
    case 'gone':
      return t(
        'Interface {{name}} is not in the VM any more (removed earlier in this draft or meanwhile). Remove this edit from the draft.',
        p,
      );
    case 'name-taken':
      return t('The VM already has an interface named {{name}}. Remove this edit from the draft.', p);
    case 'changed-meanwhile':
      return t(
        'Interface {{name}} was changed meanwhile in the same fields ({{fields}}). Remove this edit and stage it again.',
        p,
      );
    case 'not-applicable':
      return t('This edit cannot be applied to the VM the edits before it leave. Remove it from the draft.');
  }
};

const blockedText = (t: TFunction, line: PlanLine): string | undefined => {
  switch (line.blocked?.code) {
    case 'no-live-migrate':
      return t(
        'This cluster does not live-migrate VMs by itself (its workload update methods have no LiveMigrate): the change applies when the VM is migrated or restarted.',
      );
    case 'evict':
      return t(
        'This cluster evicts VMs instead of migrating them (workload update method Evict): KubeVirt restarts the VM to apply it.',
      );
    case 'not-migratable':
      return t(
        'This VM cannot be live-migrated ({{message}}): the change waits for a restart.',
        line.blocked.params,
      );
    default:
      return undefined;
  }
};

/** A live bridge hot-plug / unplug that may wait (plan.ts `mayWait`). */
const mayWaitText = (t: TFunction, line: PlanLine): string | undefined => {
  switch (line.mayWait?.code) {
    case 'no-live-migrate':
      return t(
        'Without a dynamic-networks controller KubeVirt plugs it through a live migration, which this cluster does not start by itself (no LiveMigrate workload update method): it may wait until the VM is migrated or restarted.',
      );
    case 'evict':
      return t(
        'Without a dynamic-networks controller this cluster evicts the VM instead of migrating it (workload update method Evict): KubeVirt may restart the VM to plug it.',
      );
    case 'not-migratable':
      return t(
        'Without a dynamic-networks controller this needs a live migration, and this VM cannot be migrated ({{message}}): it may wait for a restart.',
        line.mayWait.params,
      );
    default:
      return undefined;
  }
};

const RolloutText: FC<{ rollout: ClusterRollout }> = ({ rollout }) => {
  const { t } = useTranslation(NS);
  const params = {
    strategy: rollout.strategy,
    methods: rollout.methods.length ? rollout.methods.join(', ') : t('none'),
  };
  return (
    <Content component="small" data-test="plan-rollout">
      {rollout.from === 'hyperconverged'
        ? t(
            'VM rollout strategy {{strategy}}, workload update methods: {{methods}} (read from the HyperConverged resource).',
            params,
          )
        : t(
            'VM rollout strategy {{strategy}}, workload update methods: {{methods}}, assumed: the HyperConverged resource could not be read.',
            params,
          )}
    </Content>
  );
};

const Line: FC<{ line: PlanLine; onRemove: () => void; busy: boolean }> = ({ line, onRemove, busy }) => {
  const { t } = useTranslation(NS);
  const blocked = blockedText(t, line) ?? mayWaitText(t, line);
  return (
    <ListItem data-test={`plan-line-${line.id}`} data-how={line.how}>
      <strong>{editText(t, line.change)}</strong>{' '}
      <Label color={HOW_COLOR[line.how]} isCompact data-test="plan-how">
        {howText(t, line.how)}
      </Label>{' '}
      <Button
        variant="plain"
        size="sm"
        icon={<TimesIcon />}
        aria-label={t('Remove "{{edit}}" from the draft', { edit: editText(t, line.change) })}
        onClick={onRemove}
        isDisabled={busy}
        data-test="unstage"
      />
      <div data-test="plan-reason">
        {reasonText(t, line)}
        {blocked && <> {blocked}</>}
      </div>
      <Content component="small" className="pf-v6-u-color-200" data-test="plan-source">
        {t('Rule: {{source}}', { source: line.source })}
      </Content>
    </ListItem>
  );
};

const Outcome: FC<{ s: StagedPlanState }> = ({ s }) => {
  const { t } = useTranslation(NS);
  const { state, restart } = s;
  if (state.phase !== 'done') return null;
  return (
    <Alert
      variant="success"
      isInline
      title={t('Applied {{n}} changes in one update', { n: state.applied })}
      actionClose={
        <Button variant="plain" aria-label={t('Close')} icon={<TimesIcon />} onClick={s.dismiss} />
      }
      data-test="plan-applied"
    >
      {state.waitingForRestart > 0 && (
        <>
          <p>
            {t('{{n}} of them wait for a restart of the VM.', { n: state.waitingForRestart })}{' '}
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void s.restartVM()}
              isLoading={restart.phase === 'saving'}
              isDisabled={restart.phase === 'saving' || restart.phase === 'done'}
              data-test="plan-restart"
            >
              {t('Restart the VM now')}
            </Button>
          </p>
          {restart.phase === 'done' && (
            <p data-test="plan-restart-result">
              {t('Restart requested: KubeVirt stops the VM and starts it again.')}
            </p>
          )}
          {restart.phase === 'unavailable' && (
            <Alert
              variant="warning"
              isInline
              isPlain
              title={t(
                "The restart was not sent: this cluster does not serve KubeVirt's subresources API (subresources.kubevirt.io/v1 answered 404). Restart the VM from its details page or with virtctl when KubeVirt's API is available.",
              )}
              data-test="plan-restart-result"
            />
          )}
          {restart.phase === 'error' && (
            <ActionError error={restart.error} title={t('The VM was not restarted')} />
          )}
        </>
      )}
    </Alert>
  );
};

/** The draft, its plan and the apply / restart actions. Renders the "Stage changes" button when not staging. */
export const StagedPlan: FC<{ s: StagedPlanState; allowed: boolean; reason?: string }> = ({
  s,
  allowed,
  reason,
}) => {
  const { t } = useTranslation(NS);
  const { plan, state } = s;
  if (!s.staging)
    return (
      <>
        <Outcome s={s} />
        <Button
          variant="link"
          isInline
          onClick={s.start}
          isAriaDisabled={!allowed}
          title={allowed ? undefined : reason}
          data-test="stage-changes"
          className="pf-v6-u-my-sm"
        >
          {t('Stage several changes and apply them at once')}
        </Button>
      </>
    );
  const lines = plan?.lines ?? [];
  const applicable = lines.filter((l) => l.how !== 'invalid').length;
  const busy = state.phase === 'saving';
  return (
    <Card isCompact className="pf-v6-u-my-md" data-test="staged-plan">
      <CardHeader>
        <CardTitle>{t('Staged changes ({{n}})', { n: lines.length })}</CardTitle>
        {plan && <RolloutText rollout={plan.rollout} />}
      </CardHeader>
      <CardBody>
        {state.phase === 'conflict' && (
          <Alert
            variant="warning"
            isInline
            title={t('This VM was changed while you were staging')}
            data-test="conflict"
          >
            <DiffList diff={state.meanwhile} />
            {t(
              'Nothing was applied. Your draft is kept and planned again on the latest version: review the plan and apply again.',
            )}
          </Alert>
        )}
        {state.phase === 'error' && (
          <ActionError error={state.error} title={t('The changes were not applied')} />
        )}
        {lines.length === 0 ? (
          <Content component="p" data-test="plan-empty">
            {t(
              'Add, edit or remove interfaces, or set their link state, with the usual actions: while staging they are collected here instead of being applied one by one.',
            )}
          </Content>
        ) : (
          <List isPlain isBordered data-test="plan-lines">
            {lines.map((line) => (
              <Line key={line.id} line={line} onRemove={() => s.unstage(line.id)} busy={busy} />
            ))}
          </List>
        )}
        {plan?.hasInvalid && (
          <Alert
            variant="danger"
            isInline
            isPlain
            title={t('Remove the edits that cannot be applied before applying the draft.')}
            data-test="plan-invalid"
          />
        )}
      </CardBody>
      <CardFooter>
        <Button
          onClick={() => void s.apply()}
          isLoading={busy}
          isDisabled={busy || applicable === 0 || !!plan?.hasInvalid}
          data-test="apply-plan"
        >
          {t('Apply {{n}} changes', { n: applicable })}
        </Button>{' '}
        <Button variant="link" onClick={s.discard} isDisabled={busy} data-test="discard-plan">
          {t('Discard the draft')}
        </Button>
      </CardFooter>
    </Card>
  );
};
