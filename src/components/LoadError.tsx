import type { FC } from 'react';
import { Alert, Button, EmptyState, EmptyStateBody, EmptyStateFooter } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { K8sError } from '../k8s/errors';
import { NS } from '../i18n/ns';

/** The one sentence a user needs for each kind of failure: what happened and what to do. */
export const useErrorText = () => {
  const { t } = useTranslation(NS);
  return (error: K8sError): string => {
    const p = error.missingPermission;
    switch (error.kind) {
      case 'forbidden':
        return p
          ? p.namespace
            ? t(
                'You may not {{verb}} {{resource}} in namespace {{namespace}}. Ask an administrator for access.',
                p,
              )
            : t('You may not {{verb}} {{resource}} at the cluster scope. Ask an administrator for access.', p)
          : t('Access denied: {{message}}', { message: error.message });
      case 'unauthorized':
        return t('Your session has expired. Log in again.');
      case 'not-found':
        return t('Not found: {{message}}', { message: error.message });
      case 'unreachable':
        return t('The API server cannot be reached. Check your connection, then retry.');
      case 'conflict':
        return t('Someone else changed this object meanwhile: {{message}}', { message: error.message });
      case 'invalid':
        return t('The server refused the request: {{message}}', { message: error.message });
      default:
        return error.message;
    }
  };
};

/** A failed load, as a full-page empty state with an optional retry. */
export const LoadError: FC<{ error: K8sError; title?: string; onRetry?: () => void }> = ({
  error,
  title,
  onRetry,
}) => {
  const { t } = useTranslation(NS);
  const text = useErrorText();
  return (
    <EmptyState
      titleText={title ?? t('Could not load data')}
      headingLevel="h2"
      status="danger"
      data-test="load-error"
    >
      <EmptyStateBody>{text(error)}</EmptyStateBody>
      {onRetry && (
        <EmptyStateFooter>
          <Button variant="primary" onClick={onRetry}>
            {t('Retry')}
          </Button>
        </EmptyStateFooter>
      )}
    </EmptyState>
  );
};

/** An inline error for a failed action (save, create); the form stays as the user left it. */
export const ActionError: FC<{ error: K8sError; title: string }> = ({ error, title }) => {
  const text = useErrorText();
  return (
    <Alert variant="danger" isInline title={title} data-test="action-error">
      {text(error)}
    </Alert>
  );
};
