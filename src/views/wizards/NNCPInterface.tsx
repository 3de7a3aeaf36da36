import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import type { NNCPForm } from '../../domain/manifests/nncp/nncp';
import { getNicOptions, getSelectedNodeStates, type NicOption } from '../../domain/manifests/shared/options';
import { NS } from '../../i18n/ns';
import { CheckField, NumberField, SelectField, TextField, type Choice, MtuField } from './fields';
import { NNCPBond } from './NNCPBond';

type Props = {
  form: NNCPForm;
  set: (p: Partial<NNCPForm>) => void;
  ctx: ClusterContext;
  issues: readonly FieldIssue[];
};

/** The interface an NNCP creates: its name, its uplink (a NIC present on every selected node, or a bond), VLANs, MTU. */
export const NNCPInterface: FC<Props> = ({ form, set, ctx, issues }) => {
  const { t } = useTranslation(NS);
  const nics = getNicOptions(getSelectedNodeStates(ctx, form.nodeSelector));
  const nicLabel = (n: NicOption) =>
    n.unusable?.reason === 'machine-network'
      ? t('{{name}} (machine network on {{node}})', { name: n.name, node: n.unusable.node })
      : n.unusable
        ? t('{{name}} (already in {{controller}} on {{node}})', {
            name: n.name,
            controller: n.unusable.controller ?? '',
            node: n.unusable.node,
          })
        : n.mtu
          ? t('{{name}} (MTU {{mtu}})', { name: n.name, mtu: n.mtu })
          : n.name;
  // Never offer the NIC behind br-ex as a port of a new bridge or bond: it would cut the node off.
  const choices: Choice[] = [
    { value: '', label: t('Select a NIC') },
    ...nics.map((n) => ({
      value: n.name,
      label: nicLabel(n),
      disabled: n.unusable?.reason === 'machine-network' && form.kind !== 'vlan',
    })),
  ];
  const bond = form.bond ?? { name: '', ports: [], mode: 'active-backup' as const };
  const usesBond = form.kind === 'bond' || form.uplinkType === 'bond';
  return (
    <>
      {form.kind !== 'bond' && (
        <TextField
          name="interfaceName"
          label={t('Interface name')}
          isRequired={form.kind !== 'vlan'}
          value={form.interfaceName}
          onChange={(interfaceName) => set({ interfaceName })}
          issues={issues}
          placeholder={form.kind === 'vlan' ? 'ens5.100' : 'br1'}
        />
      )}
      {form.kind !== 'bond' && (
        <SelectField
          name="uplinkType"
          label={t('Uplink')}
          value={form.uplinkType}
          onChange={(v) =>
            set({ uplinkType: v as NNCPForm['uplinkType'], ...(v === 'bond' ? { bond } : {}) })
          }
          issues={issues}
          choices={[
            { value: 'nic', label: t('A NIC') },
            { value: 'bond', label: t('A new bond') },
          ]}
        />
      )}
      {!usesBond &&
        (nics.length ? (
          <SelectField
            name="nic"
            label={t('NIC')}
            isRequired
            value={form.nic ?? ''}
            onChange={(nic) => set({ nic })}
            issues={issues}
            choices={choices}
            help={t('NICs present on every selected node')}
          />
        ) : (
          <TextField
            name="nic"
            label={t('NIC')}
            isRequired
            value={form.nic ?? ''}
            onChange={(nic) => set({ nic })}
            issues={issues}
            help={t('No node network state is readable: type the NIC name')}
          />
        ))}
      {usesBond && <NNCPBond bond={bond} set={set} nics={nics} issues={issues} />}
      {form.kind === 'vlan' && (
        <NumberField
          name="vlanId"
          label={t('VLAN ID')}
          isRequired
          value={form.vlanId}
          onChange={(vlanId) => set({ vlanId })}
          issues={issues}
        />
      )}
      {form.kind === 'linux-bridge' && (
        <>
          <CheckField
            name="vlanFiltering"
            label={t('VLAN filtering (trunk port)')}
            value={!!form.vlanFiltering}
            onChange={(vlanFiltering) => set({ vlanFiltering })}
            issues={issues}
          />
          {form.vlanFiltering && (
            <TextField
              name="trunkVlans"
              label={t('Trunk VLANs')}
              value={form.trunkVlans ?? ''}
              onChange={(trunkVlans) => set({ trunkVlans })}
              issues={issues}
              placeholder="100,200-299"
            />
          )}
        </>
      )}
      <MtuField value={form.mtu} onChange={(mtu) => set({ mtu })} issues={issues} />
    </>
  );
};
