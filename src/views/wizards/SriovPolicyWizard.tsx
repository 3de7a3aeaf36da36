import { useState, type FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import { getPfOptions, getSelectedNodeNames, type PfOption } from '../../domain/manifests/shared/options';
import {
  buildSriovPolicyManifest,
  emptySriovPolicyForm,
  validateSriovPolicy,
  type SriovPolicyForm,
} from '../../domain/manifests/sriov/sriov';
import { NS } from '../../i18n/ns';
import { SriovNetworkNodePolicyModel } from '../../k8s/models';
import { useWizardForm } from './useWizardForm';
import { basicsStep } from './basicsStep';
import { CreateWizard, type StepDef } from './CreateWizard';
import { CheckField, NumberField, SelectField, TextField, MtuField } from './fields';
import { formatLabels, parseLabels } from './text';

/** SriovNetworkNodePolicy: which PFs on which nodes get how many VFs, for which driver. */
export const SriovPolicyWizard: FC<{ ctx: ClusterContext }> = ({ ctx }) => {
  const { t } = useTranslation(NS);
  const { form, set, issues, manifest } = useWizardForm(
    emptySriovPolicyForm,
    validateSriovPolicy,
    buildSriovPolicyManifest,
    ctx,
  );
  const [selectorText, setSelectorText] = useState(() => formatLabels(form.nodeSelector));
  const pfs = getPfOptions(ctx.sriovNodeStates ?? [], getSelectedNodeNames(ctx, form.nodeSelector));
  const pfNames = [...new Set(pfs.flatMap((p) => (p.name ? [p.name] : [])))].sort();
  const maxVfs = (name: string) =>
    Math.min(...pfs.filter((p: PfOption) => p.name === name).map((p) => p.totalvfs ?? Infinity));
  const pf = form.nicSelector.pfNames?.[0] ?? '';

  const steps = (shown: readonly FieldIssue[]): StepDef[] => [
    basicsStep({
      t,
      form,
      set,
      shown,
      ctx,
      fields: ['resourceName'],
      children: (
        <>
          <TextField
            name="resourceName"
            label={t('Resource name')}
            isRequired
            value={form.resourceName}
            onChange={(resourceName) => set({ resourceName })}
            issues={shown}
            placeholder="sriov_vms"
          />
        </>
      ),
    }),
    {
      id: 'devices',
      name: t('Nodes and devices'),
      fields: ['nodeSelector', 'nicSelector', 'numVfs', 'deviceType', 'isRdma', 'mtu', 'linkType'],
      body: (
        <>
          <TextField
            name="nodeSelector"
            label={t('Node selector (labels)')}
            value={selectorText}
            onChange={(text) => {
              setSelectorText(text);
              set({ nodeSelector: parseLabels(text) });
            }}
            issues={shown}
          />
          {pfNames.length ? (
            <SelectField
              name="nicSelector"
              label={t('Physical function')}
              value={pf}
              onChange={(name) => set({ nicSelector: name ? { pfNames: [name] } : {} })}
              issues={shown}
              choices={[
                { value: '', label: t('Select a PF') },
                ...pfNames.map((n) => ({
                  value: n,
                  label: t('{{name}} (up to {{max}} VFs)', { name: n, max: maxVfs(n) }),
                })),
              ]}
            />
          ) : (
            <TextField
              name="nicSelector"
              label={t('Physical function')}
              value={pf}
              onChange={(name) => set({ nicSelector: name ? { pfNames: [name] } : {} })}
              issues={shown}
              help={t('No SR-IOV node state is readable: type the PF name')}
            />
          )}
          <NumberField
            name="numVfs"
            label={t('Number of VFs')}
            isRequired
            value={form.numVfs}
            onChange={(numVfs) => set({ numVfs: numVfs ?? 0 })}
            issues={shown}
          />
          <SelectField
            name="deviceType"
            label={t('Device type')}
            value={form.deviceType}
            onChange={(v) => set({ deviceType: v as SriovPolicyForm['deviceType'] })}
            issues={shown}
            choices={[
              { value: 'vfio-pci', label: t('vfio-pci (VMs, DPDK)') },
              { value: 'netdevice', label: t('netdevice (pods)') },
            ]}
          />
          <CheckField
            name="isRdma"
            label={t('RDMA')}
            value={!!form.isRdma}
            onChange={(isRdma) => set({ isRdma })}
            issues={shown}
          />
          <MtuField value={form.mtu} onChange={(mtu) => set({ mtu })} issues={shown} />
        </>
      ),
    },
  ];

  return (
    <CreateWizard
      kind="sriov-policy"
      model={SriovNetworkNodePolicyModel}
      manifest={manifest}
      ctx={ctx}
      issues={issues}
      steps={steps}
    />
  );
};
