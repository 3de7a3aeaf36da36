import type { FC } from 'react';
import { PageSection, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import { withPluginQueries } from '../../k8s/PluginQueries';

/** Placeholder until its issue lands. */
const TopologyPage: FC = () => {
  const { t } = useTranslation(NS);
  return (
    <PageSection>
      <Title headingLevel="h1">{t('Network topology')}</Title>
    </PageSection>
  );
};

export default withPluginQueries(TopologyPage);
