import type { FC } from 'react';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { SkippedCheck, SkippedFact } from '../../domain/manifests/shared/context';
import { NS } from '../../i18n/ns';

/** Which checks could not run because a cluster fact could not be read, and why; said before any typing. */
export const SkippedChecks: FC<{ skipped: readonly SkippedCheck[] | undefined }> = ({ skipped }) => {
  const { t } = useTranslation(NS);
  if (!skipped?.length) return null;
  const what: Record<SkippedFact, { resource: string; checks: string }> = {
    'network-config': {
      resource: t('The cluster network configuration (config.openshift.io Network "cluster")'),
      checks: t(
        "overlaps with the cluster and service networks; checked instead against OpenShift's defaults (10.128.0.0/14, 172.30.0.0/16) and the pod addresses seen on VMs, as warnings",
      ),
    },
    nodes: { resource: t('Nodes'), checks: t('which nodes a node selector matches') },
    namespaces: {
      resource: t('Namespaces'),
      checks: t('whether a namespace exists, and which namespaces a selector matches'),
    },
    nncps: {
      resource: t('NodeNetworkConfigurationPolicies'),
      checks: t('bridge mappings and bridges offered, NICs already used by a policy'),
    },
    'node-states': { resource: t('NodeNetworkStates'), checks: t('node NICs and uplink MTUs') },
    vmis: { resource: t('VirtualMachineInstances'), checks: t('pod addresses in use') },
  };
  const why: Record<SkippedCheck['reason'], string> = {
    forbidden: t('your permissions do not allow reading them'),
    'not-served': t('this cluster does not serve them'),
    failed: t('they could not be loaded'),
  };
  return (
    <Alert
      isInline
      isExpandable
      variant="info"
      title={t('Some checks cannot run ({{n}})', { n: skipped.length })}
      data-test="checks-skipped"
    >
      <List>
        {skipped.map((s) => (
          <ListItem key={s.fact} data-test={`skipped-${s.fact}`}>
            {t('{{resource}}: {{why}}. Not checked: {{checks}}.', {
              resource: what[s.fact].resource,
              why: why[s.reason],
              checks: what[s.fact].checks,
            })}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};
