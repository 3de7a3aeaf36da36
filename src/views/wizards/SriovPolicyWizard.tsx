import type { FC } from 'react';
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
import { applyDpdkPreset, ibNeedsRdma } from '../../domain/manifests/sriov/dpdk';
import { DpdkVmNeeds } from './SriovDpdk';
import { useWizardForm } from './useWizardForm';
import { basicsStep } from './basicsStep';
import { CreateWizard, type StepDef } from './CreateWizard';
import { CheckField, NumberField, SelectField, TextField, MtuField, useLabelsText } from './fields';

/** SriovNetworkNodePolicy: which PFs on which nodes get how many VFs, for which driver. */
export const SriovPolicyWizard: FC<{ ctx: ClusterContext }> = ({ ctx }) => {
  const { t } = useTranslation(NS);
  const { form, set, setForm, issues, manifest } = useWizardForm(
    emptySriovPolicyForm,
    validateSriovPolicy,
    buildSriovPolicyManifest,
    ctx,
  );
  const selectorText = useLabelsText(form.nodeSelector, (nodeSelector) => set({ nodeSelector }));
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
      fields: [
        'nodeSelector',
        'nicSelector',
        'numVfs',
        'dpdk',
        'deviceType',
        'linkType',
        'isRdma',
        'needVhostNet',
        'priority',
        'mtu',
      ],
      body: (
        <>
          <TextField
            name="nodeSelector"
            label={t('Node selector (labels)')}
            {...selectorText}
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
          <CheckField
            name="dpdk"
            label={t('DPDK preset (VMs running DPDK in the guest)')}
            value={!!form.dpdk}
            onChange={(dpdk) => (dpdk ? setForm(applyDpdkPreset) : set({ dpdk: false }))}
            issues={shown}
            help={t('Sets deviceType vfio-pci and turns RDMA off')}
          />
          {form.dpdk && <DpdkVmNeeds />}
          <SelectField
            name="deviceType"
            label={t('Device type')}
            value={form.deviceType}
            onChange={(v) => {
              const deviceType = v as SriovPolicyForm['deviceType'];
              set({ deviceType, ...(ibNeedsRdma({ ...form, deviceType }) ? { isRdma: true } : {}) });
            }}
            issues={shown}
            choices={[
              { value: 'vfio-pci', label: t('vfio-pci (VMs, DPDK)') },
              { value: 'netdevice', label: t('netdevice (pods)') },
            ]}
          />
          <SelectField
            name="linkType"
            label={t('Link type')}
            value={form.linkType ?? ''}
            onChange={(v) => {
              const linkType = v === '' ? undefined : (v as 'eth' | 'ib');
              set({ linkType, ...(ibNeedsRdma({ ...form, linkType }) ? { isRdma: true } : {}) });
            }}
            issues={shown}
            choices={[
              { value: '', label: t('Not set (the PF keeps its link type)') },
              { value: 'eth', label: t('Ethernet (eth)') },
              { value: 'ib', label: t('InfiniBand (ib)') },
            ]}
            help={t('InfiniBand VFs on netdevice get RDMA: the SR-IOV operator turns it on')}
          />
          <CheckField
            name="isRdma"
            label={t('RDMA')}
            value={!!form.isRdma}
            onChange={(isRdma) => set({ isRdma })}
            issues={shown}
            help={t('Only for netdevice VFs; vfio-pci VFs cannot use RDMA')}
          />
          <CheckField
            name="needVhostNet"
            label={t('Mount /dev/vhost-net')}
            value={!!form.needVhostNet}
            onChange={(needVhostNet) => set({ needVhostNet })}
            issues={shown}
            help={t(
              'For DPDK applications in pods that pass packets to the kernel. A VM does not use it: its guest drives the VF.',
            )}
          />
          <NumberField
            name="priority"
            label={t('Priority')}
            value={form.priority}
            onChange={(priority) => set({ priority })}
            issues={shown}
            help={t(
              '0–99; 0 is the highest. Where policies select the same PF, the lower number wins. Unset: 99 (the lowest).',
            )}
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
