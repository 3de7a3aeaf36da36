/**
 * Per namespace on the VM networks page: does KubeMacPool assign MACs there (domain/reach/mac.ts)? Read from the
 * namespaces' labels; a user who may not read namespaces is told it cannot be known.
 */
import { useMemo, type FC } from 'react';
import { HelperText, HelperTextItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { macPoolState } from '../../domain/reach/mac';
import { modelAccess } from '../../k8s/access';
import { NamespaceModel } from '../../k8s/models';
import { useAccessReview } from '../../k8s/useAccessReview';
import { useWatchList } from '../../k8s/useWatchList';
import { NS } from '../../i18n/ns';

export const MacPoolSummary: FC<{ namespaces: readonly string[] }> = ({ namespaces }) => {
  const { t } = useTranslation(NS);
  const canList = useAccessReview(modelAccess(NamespaceModel, 'list'));
  if (!canList.loaded || namespaces.length === 0) return null;
  if (!canList.allowed)
    return (
      <HelperText className="pf-v6-u-mb-sm" data-test="mac-pool-summary">
        <HelperTextItem>
          {t(
            'MAC address pool: you may not read namespaces, so whether KubeMacPool assigns MACs is not known.',
          )}
        </HelperTextItem>
      </HelperText>
    );
  return <Known namespaces={namespaces} />;
};

const Known: FC<{ namespaces: readonly string[] }> = ({ namespaces }) => {
  const { t } = useTranslation(NS);
  const list = useWatchList(NamespaceModel);
  const { on, off } = useMemo(() => {
    const labels = new Map(list.data.map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
    const on: string[] = [];
    const off: string[] = [];
    for (const ns of [...namespaces].sort())
      (macPoolState(labels.get(ns)) === 'opted-out' ? off : on).push(ns);
    return { on, off };
  }, [list.data, namespaces]);
  if (!list.loaded) return null;
  return (
    <HelperText className="pf-v6-u-mb-sm" data-test="mac-pool-summary">
      {on.length > 0 && (
        <HelperTextItem data-test="mac-pool-on">
          {t('MAC address pool: KubeMacPool assigns MACs in {{namespaces}}.', { namespaces: on.join(', ') })}
        </HelperTextItem>
      )}
      {off.length > 0 && (
        <HelperTextItem variant="warning" data-test="mac-pool-off">
          {t(
            'Opted out of the MAC address pool (label mutatevirtualmachines.kubemacpool.io=ignore): {{namespaces}}. MACs there are not checked for collisions.',
            {
              namespaces: off.join(', '),
            },
          )}
        </HelperTextItem>
      )}
    </HelperText>
  );
};
