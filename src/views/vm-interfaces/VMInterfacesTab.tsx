import type { FC } from 'react';
import { PageSection, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { K8sObject } from '../../domain/kube/meta';
import { NS } from '../../i18n/ns';

/** Placeholder until its issue lands. */
const VMInterfacesTab: FC<{ obj?: K8sObject }> = () => {
  const { t } = useTranslation(NS);
  return (
    <PageSection>
      <Title headingLevel="h1">{t('Network interfaces')}</Title>
    </PageSection>
  );
};

export default VMInterfacesTab;
