import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import type { NADForm } from '../../domain/manifests/nad/nad';
import { NS } from '../../i18n/ns';
import { bridgeNames, physicalNetworkNames } from './clusterOptions';
import { CheckField, ListField, PhysicalNetworkNameField, TextField, MtuField, VlanField } from './fields';

type Props = {
  form: NADForm;
  set: (p: Partial<NADForm>) => void;
  ctx: ClusterContext;
  shown: readonly FieldIssue[];
};

/** Subnets, excluded subnets, persistent IPs (and MTU of a layer2 overlay) of an OVN-K NAD. */
export const NADAddressing: FC<Props> = ({ form, set, shown }) => {
  const { t } = useTranslation(NS);
  const type = form.type;
  return (
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
      {type === 'layer2' && <MtuField value={form.mtu} onChange={(mtu) => set({ mtu })} issues={shown} />}
    </>
  );
};

/** The localnet name or Linux bridge, VLAN and MTU of a NAD; choices come from NNCP mappings and node states. */
export const NADPhysical: FC<Props> = ({ form, set, ctx, shown }) => {
  const { t } = useTranslation(NS);
  const type = form.type;
  return (
    <>
      {type === 'localnet' ? (
        <PhysicalNetworkNameField
          value={form.physicalNetworkName ?? ''}
          onChange={(physicalNetworkName) => set({ physicalNetworkName })}
          issues={shown}
          options={physicalNetworkNames(ctx)}
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
      <VlanField value={form.vlan} onChange={(vlan) => set({ vlan })} issues={shown} />
      {type === 'bridge' && (
        <CheckField
          name="macSpoofChk"
          label={t('MAC spoof check')}
          value={form.macSpoofChk ?? true}
          onChange={(macSpoofChk) => set({ macSpoofChk })}
          issues={shown}
        />
      )}
      <MtuField value={form.mtu} onChange={(mtu) => set({ mtu })} issues={shown} />
    </>
  );
};
