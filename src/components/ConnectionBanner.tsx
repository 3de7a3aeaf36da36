import type { FC } from 'react';
import { Alert, AlertActionLink } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../k8s/useWatchList';
import { NS } from '../i18n/ns';

/** Shown above data that is still on screen while the live connection is down; the data is kept. */
export const ConnectionBanner: FC<{ connections: readonly Connection[] }> = ({ connections }) => {
  const { t } = useTranslation(NS);
  const down = connections.find((c) => c.state === 'unreachable' || c.state === 'reconnecting');
  if (!down) return null;
  const retry = () => connections.forEach((c) => c.retry());
  return (
    <Alert
      variant={down.state === 'unreachable' ? 'danger' : 'warning'}
      isInline
      data-test="connection-banner"
      title={
        down.state === 'unreachable'
          ? t('The API server cannot be reached. The data shown may be out of date.')
          : t('Reconnecting to the API server…')
      }
      actionLinks={<AlertActionLink onClick={retry}>{t('Retry now')}</AlertActionLink>}
    />
  );
};
