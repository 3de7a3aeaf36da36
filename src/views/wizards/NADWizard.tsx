import { useMemo, useState, type FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/context';
import {
  buildNADManifest,
  emptyNADForm,
  validateNAD,
  type NADForm,
  type NADType,
} from '../../domain/manifests/nad';
import { NS } from '../../i18n/ns';
import { NetworkAttachmentDefinitionModel } from '../../k8s/models';
import { CreateWizard, type StepDef } from './CreateWizard';
import { CheckField, ListField, NumberField, TextField } from './fields';
import { bridgeNames, physicalNetworkNames } from './clusterOptions';

/** NetworkAttachmentDefinition: OVN-K layer2 overlay, OVN-K localnet, or a Linux bridge. */
export const NADWizard: FC<{ type: NADType; ctx: ClusterContext; namespace?: string }> = ({
  type,
  ctx,
  namespace,
}) => {
  const { t } = useTranslation(NS);
  const [form, setForm] = useState<NADForm>(() => emptyNADForm(type, namespace));
  const set = (patch: Partial<NADForm>) => setForm((f) => ({ ...f, ...patch }));
  const issues = useMemo(() => validateNAD(form, ctx), [form, ctx]);
  const manifest = useMemo(() => buildNADManifest(form), [form]);

  const steps = (shown: readonly FieldIssue[]): StepDef[] => {
    const basics: StepDef = {
      id: 'basics',
      name: t('Basics'),
      fields: ['name', 'namespace', 'description', 'networkName', 'type'],
      body: (
        <>
          <TextField
            name="name"
            label={t('Name')}
            isRequired
            value={form.name}
            onChange={(name) => set({ name })}
            issues={shown}
          />
          <TextField
            name="namespace"
            label={t('Namespace')}
            isRequired
            value={form.namespace}
            onChange={(ns) => set({ namespace: ns })}
            issues={shown}
            options={ctx.namespaces?.map((n) => n.name)}
          />
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
    };
    const addressing: StepDef = {
      id: 'addressing',
      name: t('Addressing'),
      fields: ['subnets', 'excludeSubnets', 'allowPersistentIPs', 'mtu'],
      body: (
        <>
          <ListField
            name="subnets"
            label={t('Subnets')}
            value={form.subnets ?? []}
            onChange={(subnets) => set({ subnets })}
            issues={shown}
            placeholder="10.200.0.0/24, fd00:200::/64"
            help={t('Comma-separated CIDRs; leave empty for no IPAM')}
          />
          <ListField
            name="excludeSubnets"
            label={t('Excluded subnets')}
            value={form.excludeSubnets ?? []}
            onChange={(excludeSubnets) => set({ excludeSubnets })}
            issues={shown}
          />
          <CheckField
            name="allowPersistentIPs"
            label={t('Persistent IPs (keep VM addresses across restarts and migrations)')}
            value={!!form.allowPersistentIPs}
            onChange={(allowPersistentIPs) => set({ allowPersistentIPs })}
            issues={shown}
          />
          {type === 'layer2' && (
            <NumberField
              name="mtu"
              label={t('MTU')}
              value={form.mtu}
              onChange={(mtu) => set({ mtu })}
              issues={shown}
            />
          )}
        </>
      ),
    };
    const physical: StepDef = {
      id: 'physical',
      name: type === 'bridge' ? t('Bridge') : t('Physical network'),
      fields: ['physicalNetworkName', 'bridge', 'vlan', 'macSpoofChk', 'mtu'],
      body: (
        <>
          {type === 'localnet' ? (
            <TextField
              name="physicalNetworkName"
              label={t('Physical network name')}
              isRequired
              value={form.physicalNetworkName ?? ''}
              onChange={(physicalNetworkName) => set({ physicalNetworkName })}
              issues={shown}
              options={physicalNetworkNames(ctx)}
              help={t('The localnet name of an NNCP bridge mapping')}
            />
          ) : (
            <TextField
              name="bridge"
              label={t('Bridge name')}
              isRequired
              value={form.bridge ?? ''}
              onChange={(bridge) => set({ bridge })}
              issues={shown}
              options={bridgeNames(ctx)}
            />
          )}
          <NumberField
            name="vlan"
            label={t('VLAN ID')}
            value={form.vlan}
            onChange={(vlan) => set({ vlan })}
            issues={shown}
          />
          {type === 'bridge' && (
            <CheckField
              name="macSpoofChk"
              label={t('MAC spoof check')}
              value={form.macSpoofChk ?? true}
              onChange={(macSpoofChk) => set({ macSpoofChk })}
              issues={shown}
            />
          )}
          <NumberField
            name="mtu"
            label={t('MTU')}
            value={form.mtu}
            onChange={(mtu) => set({ mtu })}
            issues={shown}
          />
        </>
      ),
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
      issues={issues}
      steps={steps}
    />
  );
};
