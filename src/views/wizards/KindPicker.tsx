import type { FC } from 'react';
import { FormGroup, Radio } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import {
  type KindAvailability,
  type NetworkKind,
  type UnavailableReason,
} from '../../domain/manifests/kinds';
import { NS } from '../../i18n/ns';

type Props = {
  kinds: readonly KindAvailability[];
  value?: NetworkKind;
  onChange: (kind: NetworkKind) => void;
};

/** One radio per network kind; a kind this cluster cannot use is disabled and says why. */
export const KindPicker: FC<Props> = ({ kinds, value, onChange }) => {
  const { t } = useTranslation(NS);
  const label: Record<NetworkKind, string> = {
    'nad-layer2': t('NetworkAttachmentDefinition: OVN-Kubernetes layer2 overlay'),
    'nad-localnet': t('NetworkAttachmentDefinition: OVN-Kubernetes localnet'),
    'nad-bridge': t('NetworkAttachmentDefinition: Linux bridge'),
    'udn-layer2': t('UserDefinedNetwork: Layer2'),
    'udn-layer3': t('UserDefinedNetwork: Layer3'),
    'cudn-layer2': t('ClusterUserDefinedNetwork: Layer2'),
    'cudn-layer3': t('ClusterUserDefinedNetwork: Layer3'),
    'cudn-localnet': t('ClusterUserDefinedNetwork: Localnet'),
    nncp: t('NodeNetworkConfigurationPolicy (node bridge, bond, VLAN or bridge mapping)'),
    'sriov-policy': t('SR-IOV network node policy'),
    'sriov-network': t('SR-IOV network'),
  };
  const reason: Record<UnavailableReason, string> = {
    'ipv6-single-stack-overlay': t(
      'Not offered on an IPv6 single-stack cluster: OpenShift Virtualization supports only localnet and Linux bridge networks there',
    ),
    'udn-api-missing': t('The cluster does not serve UserDefinedNetwork (k8s.ovn.org)'),
    'nmstate-missing': t('The Kubernetes NMState operator is not installed'),
    'sriov-missing': t('SR-IOV operator not installed'),
  };
  return (
    <FormGroup
      role="radiogroup"
      isStack
      fieldId="network-kind"
      label={t('Kind of network')}
      data-test="kind-picker"
    >
      {kinds.map((k) => (
        <Radio
          key={k.kind}
          id={`kind-${k.kind}`}
          name="network-kind"
          data-test={`kind-${k.kind}`}
          label={label[k.kind]}
          description={k.reason ? reason[k.reason] : undefined}
          isChecked={value === k.kind}
          isDisabled={!k.available}
          onChange={() => onChange(k.kind)}
        />
      ))}
    </FormGroup>
  );
};
