import type { FC } from 'react';
import { Button, EmptyState, EmptyStateFooter } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n/ns';

/** A filtered list or graph with nothing left: says so, and offers to clear the filters. */
export const FilteredEmpty: FC<{ title: string; onClear: () => void; testId: string }> = ({
  title,
  onClear,
  testId,
}) => {
  const { t } = useTranslation(NS);
  return (
    <EmptyState titleText={title} headingLevel="h2" data-test={testId}>
      <EmptyStateFooter>
        <Button variant="link" onClick={onClear}>
          {t('Clear filters')}
        </Button>
      </EmptyStateFooter>
    </EmptyState>
  );
};
