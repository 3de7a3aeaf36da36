import type { FC } from 'react';
import {
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  FormSelectOptionGroup,
  HelperText,
  HelperTextItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { KindAvailability, NetworkKind, UnavailableReason } from '../../domain/manifests/shared/kinds';
import { NS } from '../../i18n/ns';
import type { CreateAccessByKind } from './useCreateAccess';

type Props = {
  kinds: readonly KindAvailability[];
  /** Where the user may create each kind (access reviews); kinds they may not create are marked. */
  access: CreateAccessByKind;
  value?: NetworkKind;
  onChange: (kind: NetworkKind) => void;
};

const GROUPS: { id: string; kinds: NetworkKind[] }[] = [
  { id: 'nad', kinds: ['nad-layer2', 'nad-localnet', 'nad-bridge'] },
  { id: 'udn', kinds: ['udn-layer2', 'udn-layer3'] },
  { id: 'cudn', kinds: ['cudn-layer2', 'cudn-layer3', 'cudn-localnet'] },
  { id: 'host', kinds: ['nncp', 'sriov-policy', 'sriov-network'] },
];

/** The network kind; a kind this cluster cannot use is disabled, and the reason is said in it and under it. */
export const KindPicker: FC<Props> = ({ kinds, access, value, onChange }) => {
  const { t } = useTranslation(NS);
  const label: Record<NetworkKind, string> = {
    'nad-layer2': t('OVN-Kubernetes layer2 overlay'),
    'nad-localnet': t('OVN-Kubernetes localnet'),
    'nad-bridge': t('Linux bridge'),
    'udn-layer2': t('UserDefinedNetwork: Layer2'),
    'udn-layer3': t('UserDefinedNetwork: Layer3'),
    'cudn-layer2': t('ClusterUserDefinedNetwork: Layer2'),
    'cudn-layer3': t('ClusterUserDefinedNetwork: Layer3'),
    'cudn-localnet': t('ClusterUserDefinedNetwork: Localnet'),
    nncp: t('NodeNetworkConfigurationPolicy (bridge, bond, VLAN or bridge mapping)'),
    'sriov-policy': t('SR-IOV network node policy'),
    'sriov-network': t('SR-IOV network'),
  };
  const group: Record<string, string> = {
    nad: t('NetworkAttachmentDefinition (namespace)'),
    udn: t('UserDefinedNetwork (namespace)'),
    cudn: t('ClusterUserDefinedNetwork (cluster)'),
    host: t('Node configuration (cluster)'),
  };
  const reason: Record<UnavailableReason, string> = {
    'ipv6-single-stack-overlay': t(
      'Not offered on an IPv6 single-stack cluster: OpenShift Virtualization supports only localnet and Linux bridge networks there',
    ),
    'udn-api-missing': t('The cluster does not serve UserDefinedNetwork (k8s.ovn.org)'),
    'nmstate-missing': t('The Kubernetes NMState operator is not installed'),
    'sriov-missing': t('SR-IOV operator not installed'),
  };
  const of = (kind: NetworkKind) => kinds.find((k) => k.kind === kind);
  const unavailable = kinds.filter((k) => !k.available && k.reason);
  /** " — you may not create these", " — only in tenant-a, tenant-a-dev": said in the option, before any typing. */
  const mayCreate = (kind: NetworkKind): string => {
    const a = access(kind);
    if (a.state === 'denied') return ` — ${t('you may not create these (YAML only)')}`;
    if (a.state === 'allowed' && a.namespaces !== 'all') {
      const shown = a.namespaces.slice(0, 3).join(', ');
      return ` — ${t('only in {{namespaces}}', { namespaces: a.namespaces.length > 3 ? `${shown}, …` : shown })}`;
    }
    return '';
  };
  const denied = kinds.filter((k) => k.available && access(k.kind).state === 'denied');
  return (
    <FormGroup fieldId="network-kind" label={t('Kind of network')}>
      <FormSelect
        id="network-kind"
        data-test="kind-select"
        value={value ?? ''}
        onChange={(_e, v) => onChange(v as NetworkKind)}
      >
        <FormSelectOption value="" label={t('Select a kind')} isDisabled isPlaceholder />
        {GROUPS.map((g) => (
          <FormSelectOptionGroup key={g.id} label={group[g.id] ?? g.id}>
            {g.kinds.map((k) => {
              const a = of(k);
              const why = a?.reason ? ` — ${reason[a.reason]}` : mayCreate(k);
              return (
                <FormSelectOption
                  key={k}
                  value={k}
                  label={`${label[k]}${why}`}
                  isDisabled={a?.available === false}
                />
              );
            })}
          </FormSelectOptionGroup>
        ))}
      </FormSelect>
      {(unavailable.length > 0 || denied.length > 0) && (
        <FormHelperText>
          <HelperText data-test="kinds-unavailable">
            {[...new Set(unavailable.map((k) => k.reason))].map((r) => (
              <HelperTextItem key={r} variant="indeterminate">
                {r && reason[r]}
              </HelperTextItem>
            ))}
            {denied.length > 0 && (
              <HelperTextItem variant="indeterminate" data-test="kinds-denied">
                {t(
                  'Your permissions do not allow creating: {{kinds}}. You can still fill in the form and copy or download the YAML.',
                  { kinds: denied.map((k) => label[k.kind]).join('; ') },
                )}
              </HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
};
