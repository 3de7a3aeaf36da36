/**
 * NNCP rollout → Edit: the NNCP wizard on an existing policy (?edit=<name>). The policy is read once, when the
 * editor opens: its resourceVersion then guards the update, so a change someone else saves meanwhile is refused
 * and shown instead of overwritten. A policy the wizard cannot model exactly is refused with the reason
 * (src/domain/manifests/nncp/nncpEdit.ts); nothing of it is ever dropped.
 */
import { useEffect, useMemo, useState, type FC } from 'react';
import { Alert, Button, Skeleton, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { NodeNetworkConfigurationPolicy } from '../../domain/kube/networks';
import { formOfPolicy } from '../../domain/manifests/nncp/nncpEdit';
import { NS } from '../../i18n/ns';
import { NNCPWizard } from '../wizards/NNCPWizard';
import { useClusterContext } from '../wizards/useClusterContext';

export const POLICIES_PATH = '/vm-host-networks/policies';

export const EditPolicy: FC<{
  name: string;
  policy: NodeNetworkConfigurationPolicy | undefined;
  loaded: boolean;
  onClose: () => void;
}> = ({ name, policy, loaded, onClose }) => {
  const { t } = useTranslation(NS);
  const ctx = useClusterContext();
  // The version being edited: the first one read, kept while the watch moves on.
  const [snapshot, setSnapshot] = useState(policy);
  useEffect(() => {
    if (!snapshot && policy) setSnapshot(policy);
  }, [snapshot, policy]);
  const start = useMemo(() => (snapshot ? formOfPolicy(snapshot) : undefined), [snapshot]);
  const back = (
    <Button variant="link" isInline onClick={onClose} data-test="nncp-edit-back">
      {t('Back to NNCP rollout')}
    </Button>
  );
  return (
    <div data-test="nncp-edit">
      <Title headingLevel="h2" className="pf-v6-u-mb-md">
        {t('Edit {{name}}', { name })}
      </Title>
      {!start ? (
        loaded ? (
          <Alert isInline variant="warning" title={t('No policy named {{name}}', { name })}>
            {back}
          </Alert>
        ) : (
          <Skeleton height="300px" screenreaderText={t('Loading node network configuration policies')} />
        )
      ) : !start.ok ? (
        <Alert
          isInline
          variant="warning"
          title={t('The wizard cannot edit {{name}}', { name })}
          data-test="nncp-edit-refused"
        >
          <p>
            {start.refusal.iface
              ? t(
                  '{{iface}} has {{field}} written in a way the wizard does not model; saving from the wizard would change or drop it. Edit the YAML instead.',
                  { iface: start.refusal.iface, field: start.refusal.field },
                )
              : t('It configures no interface or bridge mapping the wizard models. Edit the YAML instead.')}
          </p>
          {back}
        </Alert>
      ) : (
        <NNCPWizard ctx={ctx} edit={start.form} closePath={POLICIES_PATH} />
      )}
    </div>
  );
};
