import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { UDNForm } from '../../domain/manifests/udn/udn';
import { NS } from '../../i18n/ns';
import { CheckField, ListField, SelectField, MtuField } from './fields';

type Props = { form: UDNForm; set: (patch: Partial<UDNForm>) => void; issues: readonly FieldIssue[] };

/** "10.0.0.0/16/24" → Layer3 subnet with host subnet 24; other topologies take plain CIDRs. */
const toSubnets = (form: UDNForm, list: string[]): UDNForm['subnets'] =>
  list.map((entry) => {
    const [a, b, host] = entry.split('/');
    return form.topology === 'Layer3' && host !== undefined
      ? { cidr: `${a}/${b}`, hostSubnet: Number(host) }
      : { cidr: entry };
  });

const fromSubnets = (form: UDNForm): string[] =>
  form.subnets
    .filter((s) => s.cidr)
    .map((s) => (s.hostSubnet !== undefined ? `${s.cidr}/${s.hostSubnet}` : s.cidr));

/** Subnets, join and excluded subnets, IPAM and MTU of a UDN / CUDN. */
export const UDNAddressing: FC<Props> = ({ form, set, issues }) => {
  const { t } = useTranslation(NS);
  const localnet = form.topology === 'Localnet';
  return (
    <>
      <ListField
        name="subnets"
        label={t('Subnets')}
        value={fromSubnets(form)}
        onChange={(list) => set({ subnets: toSubnets(form, list) })}
        issues={issues}
        placeholder={form.topology === 'Layer3' ? '10.100.0.0/16/24' : '10.100.0.0/24, fd00:100::/64'}
        help={
          form.topology === 'Layer3'
            ? t('Comma-separated CIDR/hostSubnet entries')
            : t('Comma-separated CIDRs: one, or one IPv4 and one IPv6')
        }
      />
      {form.role === 'Primary' && !localnet && (
        <ListField
          name="joinSubnets"
          label={t('Join subnets')}
          value={form.joinSubnets ?? []}
          onChange={(joinSubnets) => set({ joinSubnets })}
          issues={issues}
          help={t('Leave empty for the OVN-Kubernetes default')}
        />
      )}
      {localnet && (
        <ListField
          name="excludeSubnets"
          label={t('Excluded subnets')}
          value={form.excludeSubnets ?? []}
          onChange={(excludeSubnets) => set({ excludeSubnets })}
          issues={issues}
        />
      )}
      {form.topology !== 'Layer3' && (
        <SelectField
          name="ipamMode"
          label={t('IPAM')}
          value={form.ipamMode ?? ''}
          onChange={(v) => set({ ipamMode: v === '' ? undefined : (v as 'Enabled' | 'Disabled') })}
          issues={issues}
          choices={[
            { value: '', label: t('Default') },
            { value: 'Enabled', label: t('Enabled') },
            { value: 'Disabled', label: t('Disabled (no addresses assigned)') },
          ]}
        />
      )}
      {form.topology !== 'Layer3' && (
        <CheckField
          name="persistentIPs"
          label={t('Persistent IPs (lifecycle: Persistent)')}
          value={!!form.persistentIPs}
          onChange={(persistentIPs) => set({ persistentIPs })}
          issues={issues}
        />
      )}
      {!localnet && <MtuField value={form.mtu} onChange={(mtu) => set({ mtu })} issues={issues} />}
    </>
  );
};
