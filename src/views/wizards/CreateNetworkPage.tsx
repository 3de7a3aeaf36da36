import type { FC } from 'react';
import { PageSection, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import { withPluginQueries } from '../../k8s/PluginQueries';

/** Placeholder until its issue lands. */
const CreateNetworkPage: FC = () => {
  const { t } = useTranslation(NS);
  return (
    <PageSection>
      <Title headingLevel="h1">{t('Create network')}</Title>
    </PageSection>
  );
};

export default withPluginQueries(CreateNetworkPage);
