import { type FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import {
  buildSriovNetworkManifest,
  emptySriovNetworkForm,
  validateSriovNetwork,
  type SriovNetworkForm,
} from '../../domain/manifests/sriov/sriov';
import { NS } from '../../i18n/ns';
import { SriovNetworkModel } from '../../k8s/models';
import { useWizardForm } from './useWizardForm';
import { basicsStep } from './basicsStep';
import { CreateWizard, type StepDef } from './CreateWizard';
import { NumberField, SelectField, TextField, VlanField } from './fields';

const onOff = (v: string) => (v === '' ? undefined : (v as 'on' | 'off'));

/** SriovNetwork: the NAD the operator writes into the VMs' namespace, for a policy's resource. */
export const SriovNetworkWizard: FC<{ ctx: ClusterContext }> = ({ ctx }) => {
  const { t } = useTranslation(NS);
  const { form, set, issues, manifest } = useWizardForm(
    emptySriovNetworkForm,
    validateSriovNetwork,
    buildSriovNetworkManifest,
    ctx,
  );
  const resources = [...new Set((ctx.sriovPolicies ?? []).map((p) => p.spec.resourceName))].sort();
  const tri = [
    { value: '', label: t('Default') },
    { value: 'on', label: t('On') },
    { value: 'off', label: t('Off') },
  ];

  const steps = (shown: readonly FieldIssue[]): StepDef[] => [
    basicsStep({
      t,
      form,
      set,
      shown,
      ctx,
      fields: ['resourceName', 'networkNamespace'],
      children: (
        <>
          <TextField
            name="resourceName"
            label={t('Resource name')}
            isRequired
            value={form.resourceName}
            onChange={(resourceName) => set({ resourceName })}
            issues={shown}
            options={resources}
            help={t('The resourceName of an SR-IOV network node policy')}
          />
          <TextField
            name="networkNamespace"
            label={t('Network namespace (where the VMs run)')}
            value={form.networkNamespace}
            onChange={(networkNamespace) => set({ networkNamespace })}
            issues={shown}
            options={ctx.namespaces?.map((n) => n.name)}
          />
        </>
      ),
    }),
    {
      id: 'settings',
      name: t('VF settings'),
      fields: ['vlan', 'vlanQoS', 'spoofChk', 'trust', 'linkState', 'maxTxRate', 'minTxRate', 'ipam'],
      body: (
        <>
          <VlanField value={form.vlan} onChange={(vlan) => set({ vlan })} issues={shown} />
          <SelectField
            name="spoofChk"
            label={t('Spoof check')}
            value={form.spoofChk ?? ''}
            onChange={(v) => set({ spoofChk: onOff(v) })}
            issues={shown}
            choices={tri}
          />
          <SelectField
            name="trust"
            label={t('Trust')}
            value={form.trust ?? ''}
            onChange={(v) => set({ trust: onOff(v) })}
            issues={shown}
            choices={tri}
          />
          <SelectField
            name="linkState"
            label={t('Link state')}
            value={form.linkState ?? ''}
            onChange={(v) => set({ linkState: v === '' ? undefined : (v as SriovNetworkForm['linkState']) })}
            issues={shown}
            choices={[
              { value: '', label: t('Default') },
              { value: 'auto', label: 'auto' },
              { value: 'enable', label: 'enable' },
              { value: 'disable', label: 'disable' },
            ]}
          />
          <NumberField
            name="maxTxRate"
            label={t('Max Tx rate (Mbps)')}
            value={form.maxTxRate}
            onChange={(maxTxRate) => set({ maxTxRate })}
            issues={shown}
          />
          <NumberField
            name="minTxRate"
            label={t('Min Tx rate (Mbps)')}
            value={form.minTxRate}
            onChange={(minTxRate) => set({ minTxRate })}
            issues={shown}
          />
          <TextField
            name="ipam"
            label={t('IPAM (CNI JSON)')}
            value={form.ipam}
            onChange={(ipam) => set({ ipam })}
            issues={shown}
            placeholder='{"type": "whereabouts", "range": "10.56.0.0/24"}'
          />
        </>
      ),
    },
  ];

  return (
    <CreateWizard
      kind="sriov-network"
      model={SriovNetworkModel}
      manifest={manifest}
      ctx={ctx}
      issues={issues}
      steps={steps}
    />
  );
};
