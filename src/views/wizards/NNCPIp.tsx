import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { NNCPForm } from '../../domain/manifests/nncp/nncp';
import type { Ipv4Form, Ipv4Mode, Ipv6Form, Ipv6Mode } from '../../domain/manifests/nncp/nncpIp';
import { NS } from '../../i18n/ns';
import { ListField, SelectField } from './fields';

type Props = {
  form: NNCPForm;
  set: (p: Partial<NNCPForm>) => void;
  issues: readonly FieldIssue[];
};

/** Where the select shows a family the edited policy leaves out (nmstate then keeps what the node has). */
const UNSET = 'unset';

/**
 * IPv4 and IPv6 of the interface the policy creates (nncp/nncpIp.ts): disabled, DHCP, IPv6 autoconf (router
 * advertisements with DHCPv6), or static addresses written as address/prefix.
 */
export const NNCPIp: FC<Props> = ({ form, set, issues }) => {
  const { t } = useTranslation(NS);
  const unset = form.edit ? [{ value: UNSET, label: t('Not set (the node keeps its current setting)') }] : [];
  const v4: Ipv4Form | undefined = form.ipv4;
  const v6: Ipv6Form | undefined = form.ipv6;
  return (
    <>
      <SelectField
        name="ipv4.mode"
        label={t('IPv4')}
        value={v4?.mode ?? UNSET}
        onChange={(m) =>
          set({ ipv4: m === UNSET ? undefined : { mode: m as Ipv4Mode, addresses: v4?.addresses ?? [] } })
        }
        issues={issues}
        choices={[
          ...unset,
          { value: 'disabled', label: t('Disabled') },
          { value: 'dhcp', label: t('DHCP') },
          { value: 'static', label: t('Static addresses') },
        ]}
      />
      {v4?.mode === 'static' && (
        <ListField
          name="ipv4.addresses"
          label={t('IPv4 addresses')}
          isRequired
          value={v4.addresses}
          onChange={(addresses) => set({ ipv4: { ...v4, addresses } })}
          issues={issues}
          placeholder="192.0.2.10/24"
          help={t('Address/prefix length, comma-separated')}
        />
      )}
      <SelectField
        name="ipv6.mode"
        label={t('IPv6')}
        value={v6?.mode ?? UNSET}
        onChange={(m) =>
          set({ ipv6: m === UNSET ? undefined : { mode: m as Ipv6Mode, addresses: v6?.addresses ?? [] } })
        }
        issues={issues}
        choices={[
          ...unset,
          { value: 'disabled', label: t('Disabled') },
          { value: 'dhcp', label: t('DHCPv6') },
          { value: 'autoconf', label: t('Autoconf (router advertisements, with DHCPv6)') },
          { value: 'static', label: t('Static addresses') },
        ]}
      />
      {v6?.mode === 'static' && (
        <ListField
          name="ipv6.addresses"
          label={t('IPv6 addresses')}
          isRequired
          value={v6.addresses}
          onChange={(addresses) => set({ ipv6: { ...v6, addresses } })}
          issues={issues}
          placeholder="2001:db8::10/64"
          help={t('Address/prefix length, comma-separated')}
        />
      )}
    </>
  );
};
