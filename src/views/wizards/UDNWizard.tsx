import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { UDNRole, UDNTopology } from '../../domain/kube/networks';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import type { NetworkKind } from '../../domain/manifests/shared/kinds';
import {
  buildCUDNManifest,
  buildUDNManifest,
  emptyUDNForm,
  type UDNForm,
} from '../../domain/manifests/udn/udn';
import { selectedNamespaces } from '../../domain/manifests/udn/cudnSelector';
import { validateUDN } from '../../domain/manifests/udn/udnValidate';
import { NS } from '../../i18n/ns';
import { ClusterUserDefinedNetworkModel, UserDefinedNetworkModel } from '../../k8s/models';
import { useWizardForm } from './useWizardForm';
import type { ClusterUserDefinedNetwork, UserDefinedNetwork } from '../../domain/kube/networks';
import { basicsStep } from './basicsStep';
import { CreateWizard, type StepDef } from './CreateWizard';
import {
  PhysicalNetworkNameField,
  SelectField,
  TextField,
  MtuField,
  VlanField,
  useLabelsText,
} from './fields';
import { UDNAddressing } from './UDNAddressing';
import { physicalNetworkNames } from './clusterOptions';

type Props = {
  scope: UDNForm['scope'];
  topology: UDNTopology;
  ctx: ClusterContext;
  namespace?: string;
  /** A role chosen before the wizard opened (the network chooser). */
  role?: UDNRole;
};

const initial = (
  scope: Props['scope'],
  topology: UDNTopology,
  namespace?: string,
  role?: UDNRole,
): UDNForm => {
  const form = { ...emptyUDNForm(scope), topology, ...(role ? { role } : {}) };
  if (scope === 'namespace' && namespace) form.namespace = namespace;
  // A localnet network is always Secondary (CRD rule); the overlay default stays Primary.
  return topology === 'Localnet' ? { ...form, role: 'Secondary', persistentIPs: false, subnets: [] } : form;
};

/** UserDefinedNetwork (namespaced) or ClusterUserDefinedNetwork (namespaceSelector), Layer2 / Layer3 / Localnet. */
export const UDNWizard: FC<Props> = ({ scope, topology, ctx, namespace, role }) => {
  const { t } = useTranslation(NS);
  const { form, set, issues, manifest } = useWizardForm<
    UDNForm,
    UserDefinedNetwork | ClusterUserDefinedNetwork
  >(
    () => initial(scope, topology, namespace, role),
    validateUDN,
    scope === 'cluster' ? buildCUDNManifest : buildUDNManifest,
    ctx,
  );
  const selectorText = useLabelsText(form.namespaceSelector?.matchLabels, (matchLabels) =>
    set({ namespaceSelector: { matchLabels } }),
  );
  const kind = `${scope === 'cluster' ? 'cudn' : 'udn'}-${topology.toLowerCase()}` as NetworkKind;
  const localnet = topology === 'Localnet';
  // Which namespaces the CUDN's selector picks, as the NNCP wizard says which nodes match.
  const matched =
    scope === 'cluster' && form.namespaceSelector
      ? selectedNamespaces(ctx, form.namespaceSelector)
      : undefined;

  const steps = (shown: readonly FieldIssue[]): StepDef[] => {
    const basics: StepDef = basicsStep({
      t,
      form,
      set,
      shown,
      ctx,
      fields: ['namespaceSelector', 'role', 'topology'],
      namespaceField:
        scope === 'cluster' ? (
          <TextField
            name="namespaceSelector"
            label={t('Namespace selector (labels)')}
            isRequired
            {...selectorText}
            issues={shown}
            placeholder="kubernetes.io/metadata.name=tenant-a"
            help={
              matched && selectorText.value.trim()
                ? matched.length === 1
                  ? t('1 namespace matches: {{namespaces}}', { namespaces: matched[0] })
                  : t('{{n}} namespaces match: {{namespaces}}', {
                      n: matched.length,
                      namespaces: matched.slice(0, 10).join(', ') + (matched.length > 10 ? ', …' : '') || '—',
                    })
                : t('Comma-separated key=value labels of the namespaces that get this network')
            }
          />
        ) : undefined,
      children: !localnet && (
        <SelectField
          name="role"
          label={t('Role')}
          value={form.role}
          onChange={(role) => set({ role: role as UDNRole })}
          issues={shown}
          choices={[
            { value: 'Primary', label: t('Primary (replaces the pod network)') },
            { value: 'Secondary', label: t('Secondary (an extra interface)') },
          ]}
        />
      ),
    });
    const physical: StepDef = {
      id: 'physical',
      name: t('Physical network'),
      fields: ['physicalNetworkName', 'vlan', 'mtu'],
      body: (
        <>
          <PhysicalNetworkNameField
            value={form.physicalNetworkName ?? ''}
            onChange={(physicalNetworkName) => set({ physicalNetworkName })}
            issues={shown}
            options={physicalNetworkNames(ctx)}
          />
          <VlanField
            value={form.vlan}
            onChange={(vlan) => set({ vlan })}
            issues={shown}
            label={t('VLAN access ID')}
          />
          <MtuField value={form.mtu} onChange={(mtu) => set({ mtu })} issues={shown} />
        </>
      ),
    };
    const addressing: StepDef = {
      id: 'addressing',
      name: t('Addressing'),
      fields: [
        'subnets',
        'joinSubnets',
        'excludeSubnets',
        'ipamMode',
        'persistentIPs',
        ...(localnet ? [] : ['mtu']),
      ],
      body: <UDNAddressing form={form} set={set} issues={shown} />,
    };
    return localnet ? [basics, physical, addressing] : [basics, addressing];
  };

  return (
    <CreateWizard
      kind={kind}
      model={scope === 'cluster' ? ClusterUserDefinedNetworkModel : UserDefinedNetworkModel}
      manifest={manifest}
      ctx={ctx}
      issues={issues}
      steps={steps}
    />
  );
};
