import type { FC } from 'react';
import { EmptyState, EmptyStateBody } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/LoadError';
import type { K8sError } from '../../k8s/errors';
import { NS } from '../../i18n/ns';

/** What a user who may not read host networking (a tenant) sees instead: why, and whom to ask. */
export const AdminOnly: FC<{ error: K8sError }> = ({ error }) => {
  const { t } = useTranslation(NS);
  const text = useErrorText();
  return (
    <EmptyState
      titleText={t('Host networking is for cluster administrators')}
      headingLevel="h2"
      data-test="hostnet-forbidden"
    >
      <EmptyStateBody>{text(error)}</EmptyStateBody>
    </EmptyState>
  );
};
