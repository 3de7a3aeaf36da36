import { type FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import {
  buildNADManifest,
  emptyNADForm,
  validateNAD,
  type NADForm,
  type NADType,
} from '../../domain/manifests/nad/nad';
import { NS } from '../../i18n/ns';
import { NetworkAttachmentDefinitionModel } from '../../k8s/models';
import { useWizardForm } from './useWizardForm';
import { basicsStep } from './basicsStep';
import { CreateWizard, type StepDef } from './CreateWizard';
import { TextField } from './fields';
import { NADAddressing, NADPhysical } from './NADSteps';

/** NetworkAttachmentDefinition: OVN-K layer2 overlay, OVN-K localnet, or a Linux bridge. */
export const NADWizard: FC<{ type: NADType; ctx: ClusterContext; namespace?: string }> = ({
  type,
  ctx,
  namespace,
}) => {
  const { t } = useTranslation(NS);
  const { form, set, issues, manifest } = useWizardForm(
    (): NADForm => emptyNADForm(type, namespace),
    validateNAD,
    buildNADManifest,
    ctx,
  );

  const steps = (shown: readonly FieldIssue[]): StepDef[] => {
    const basics: StepDef = basicsStep({
      t,
      form,
      set,
      shown,
      ctx,
      fields: ['description', 'networkName', 'type'],
      children: (
        <>
          <TextField
            name="description"
            label={t('Description')}
            value={form.description ?? ''}
            onChange={(description) => set({ description })}
            issues={shown}
          />
          {type !== 'bridge' && (
            <TextField
              name="networkName"
              label={t('Network name')}
              value={form.networkName ?? ''}
              onChange={(networkName) => set({ networkName })}
              issues={shown}
              help={t('NADs with the same network name share one network. Default: <namespace>.<name>')}
            />
          )}
        </>
      ),
    });
    const addressing: StepDef = {
      id: 'addressing',
      name: t('Addressing'),
      fields: ['subnets', 'excludeSubnets', 'allowPersistentIPs', 'mtu'],
      body: <NADAddressing form={form} set={set} ctx={ctx} shown={shown} />,
    };
    const physical: StepDef = {
      id: 'physical',
      name: type === 'bridge' ? t('Bridge') : t('Physical network'),
      fields: ['physicalNetworkName', 'bridge', 'vlan', 'macSpoofChk', 'mtu'],
      body: <NADPhysical form={form} set={set} ctx={ctx} shown={shown} />,
    };
    return type === 'layer2'
      ? [basics, addressing]
      : type === 'localnet'
        ? [basics, physical, addressing]
        : [basics, physical];
  };

  return (
    <CreateWizard
      kind={`nad-${type}`}
      model={NetworkAttachmentDefinitionModel}
      manifest={manifest}
      ctx={ctx}
      issues={issues}
      steps={steps}
    />
  );
};
