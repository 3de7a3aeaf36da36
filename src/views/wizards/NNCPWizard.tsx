import type { FC } from 'react';
import { Alert, FormGroup, TextInput } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import {
  buildNNCPManifest,
  emptyNNCPForm,
  hasIp,
  type NNCPForm,
  type NNCPKind,
} from '../../domain/manifests/nncp/nncp';
import { buildEditedManifest } from '../../domain/manifests/nncp/nncpEdit';
import { validateNNCP } from '../../domain/manifests/nncp/nncpValidate';
import { getSelectedNodeNames } from '../../domain/manifests/shared/options';
import { NS } from '../../i18n/ns';
import { NodeNetworkConfigurationPolicyModel } from '../../k8s/models';
import { useWizardForm } from './useWizardForm';
import { CreateWizard, type StepDef } from './CreateWizard';
import { basicsStep } from './basicsStep';
import { SelectField, TextField, useLabelsText } from './fields';
import { NNCPInterface } from './NNCPInterface';
import { NNCPIp } from './NNCPIp';
import { NNCPPolicyParts } from './NNCPPolicyParts';
import { DraftBlastRadius } from '../host-networks/DraftBlastRadius';

/**
 * NodeNetworkConfigurationPolicy: what to configure on which nodes. With `edit` (nncpEdit.ts formOfPolicy), the
 * wizard edits that existing policy: its name and kind stay, each of its interfaces can be removed, and Save
 * updates it (CreateWizard `editing`).
 */
export const NNCPWizard: FC<{ ctx: ClusterContext; edit?: NNCPForm; closePath?: string }> = ({
  ctx,
  edit,
  closePath,
}) => {
  const { t } = useTranslation(NS);
  const { form, set, setForm, issues, manifest } = useWizardForm(
    () => edit ?? emptyNNCPForm('linux-bridge'),
    validateNNCP,
    edit ? buildEditedManifest : buildNNCPManifest,
    ctx,
  );
  const removed = !!form.edit?.absent.includes(form.edit.originalName);
  const selectorText = useLabelsText(form.nodeSelector, (nodeSelector) => set({ nodeSelector }));
  const selected = getSelectedNodeNames(ctx, form.nodeSelector);
  const changeKind = (kind: NNCPKind) =>
    setForm((f) => ({
      ...emptyNNCPForm(kind),
      name: f.name,
      description: f.description,
      nodeSelector: f.nodeSelector,
      maxUnavailable: f.maxUnavailable,
    }));

  const steps = (shown: readonly FieldIssue[]): StepDef[] => {
    const own = (
      <>
        <TextField
          name="description"
          label={t('Description')}
          value={form.description ?? ''}
          onChange={(description) => set({ description })}
          issues={shown}
        />
        <SelectField
          name="kind"
          label={t('Configure')}
          value={form.kind}
          onChange={(k) => changeKind(k as NNCPKind)}
          issues={shown}
          // An edit keeps the kind the policy has.
          choices={[
            { value: 'linux-bridge', label: t('Linux bridge over a NIC or bond') },
            { value: 'vlan', label: t('VLAN interface') },
            { value: 'bond', label: t('Bond') },
            { value: 'ovs-bridge', label: t('OVS bridge with a localnet bridge mapping') },
            { value: 'br-ex-mapping', label: t('Localnet bridge mapping on br-ex') },
          ].filter((c) => !form.edit || c.value === form.kind)}
        />
      </>
    );
    // The steps of an interface marked for removal stay (the wizard's step list keeps its shape), with nothing to set.
    const removedNote = (
      <Alert
        isInline
        isPlain
        variant="info"
        title={t('{{name}} is removed from the nodes (state: absent): nothing to set here.', {
          name: form.edit?.originalName ?? '',
        })}
        data-test="nncp-removed-note"
      />
    );
    // The shared basics step (name only: a cluster-scoped kind); an edit shows the name read-only instead.
    const basics: StepDef = form.edit
      ? {
          id: 'basics',
          name: t('Basics'),
          fields: ['name', 'description', 'kind'],
          body: (
            <>
              {/* The name of an existing object cannot change. */}
              <FormGroup label={t('Name')} fieldId="field-name">
                <TextInput
                  id="field-name"
                  data-test="field-name"
                  value={form.name}
                  readOnlyVariant="default"
                />
              </FormGroup>
              {own}
            </>
          ),
        }
      : basicsStep({
          t,
          form,
          set,
          shown,
          ctx,
          fields: ['description', 'kind'],
          namespaceField: null,
          children: own,
        });
    return [
      basics,
      {
        id: 'nodes',
        name: t('Nodes'),
        fields: ['nodeSelector', 'maxUnavailable'],
        body: (
          <>
            <TextField
              name="nodeSelector"
              label={t('Node selector (labels)')}
              {...selectorText}
              issues={shown}
              help={
                selected
                  ? t('{{count}} nodes match: {{nodes}}', {
                      count: selected.length,
                      nodes: selected.join(', '),
                    })
                  : t('Comma-separated key=value labels; empty selects every node')
              }
            />
            <TextField
              name="maxUnavailable"
              label={t('Max unavailable')}
              value={form.maxUnavailable ?? ''}
              onChange={(maxUnavailable) => set({ maxUnavailable })}
              issues={shown}
              placeholder="50%"
            />
          </>
        ),
      },
      ...(form.edit
        ? [
            {
              id: 'policy',
              name: t('Interfaces of this policy'),
              fields: ['absent'],
              body: <NNCPPolicyParts form={form} set={set} issues={shown} />,
            },
          ]
        : []),
      ...(form.kind === 'br-ex-mapping'
        ? []
        : [
            {
              id: 'interface',
              name: t('Interface'),
              fields: [
                'interfaceName',
                'uplinkType',
                'nic',
                'bond',
                'vlanId',
                'vlanFiltering',
                'trunkVlans',
                'mtu',
              ],
              body: removed ? removedNote : <NNCPInterface form={form} set={set} ctx={ctx} issues={shown} />,
            },
          ]),
      ...(hasIp(form)
        ? [
            {
              id: 'ip',
              name: t('IP addresses'),
              fields: ['ipv4', 'ipv6'],
              body: removed ? removedNote : <NNCPIp form={form} set={set} issues={shown} />,
            },
          ]
        : []),
      ...(form.kind === 'ovs-bridge' || form.kind === 'br-ex-mapping'
        ? [
            {
              id: 'mapping',
              name: t('Bridge mapping'),
              fields: ['physicalNetworkName'],
              body: (
                <TextField
                  name="physicalNetworkName"
                  label={t('Physical network name (localnet)')}
                  isRequired
                  value={form.physicalNetworkName ?? ''}
                  onChange={(physicalNetworkName) => set({ physicalNetworkName })}
                  issues={shown}
                  help={t('Localnet networks use this name to reach the bridge')}
                />
              ),
            },
          ]
        : []),
      {
        // What already rides on the interfaces and mappings this draft configures (issue #16, blast radius).
        id: 'impact',
        name: t('What rides on it'),
        fields: [],
        body: <DraftBlastRadius desired={manifest.spec.desiredState} nodes={selected ?? []} ctx={ctx} />,
      },
    ];
  };

  return (
    <CreateWizard
      kind="nncp"
      model={NodeNetworkConfigurationPolicyModel}
      manifest={manifest}
      ctx={ctx}
      issues={issues}
      steps={steps}
      editing={form.edit?.policy}
      closePath={closePath}
    />
  );
};
