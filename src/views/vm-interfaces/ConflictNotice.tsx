import type { FC } from 'react';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { InterfaceDiff, RebaseResult } from '../../domain/interfaces/conflict';
import { NS } from '../../i18n/ns';

/** What another user changed meanwhile, one line per interface. */
export const DiffList: FC<{ diff: InterfaceDiff }> = ({ diff }) => {
  const { t } = useTranslation(NS);
  return (
    <List data-test="conflict-changes">
      {diff.added.map((n) => (
        <ListItem key={`a-${n}`}>{t('Interface {{name}} was added', { name: n })}</ListItem>
      ))}
      {diff.removed.map((n) => (
        <ListItem key={`r-${n}`}>{t('Interface {{name}} was removed', { name: n })}</ListItem>
      ))}
      {diff.changed.map((c) => (
        <ListItem key={`c-${c.name}`}>
          {t('Interface {{name}} changed: {{fields}}', { name: c.name, fields: c.fields.join(', ') })}
        </ListItem>
      ))}
      {diff.networkData && <ListItem>{t('The cloud-init network data changed')}</ListItem>}
    </List>
  );
};

/** What someone else changed while the modal was open, and whether the user's change can still be applied. */
export const ConflictNotice: FC<{ rebase: RebaseResult }> = ({ rebase }) => {
  const { t } = useTranslation(NS);
  const meanwhile = <DiffList diff={rebase.meanwhile} />;
  if (rebase.status === 'ok')
    return (
      <Alert
        variant="warning"
        isInline
        title={t('This VM was changed while you were editing')}
        data-test="conflict"
      >
        {meanwhile}
        {t('Your change does not touch theirs. Apply it on the latest version to keep both.')}
      </Alert>
    );
  if (rebase.status === 'noop')
    return (
      <Alert variant="info" isInline title={t('Someone already made this change')} data-test="conflict">
        {meanwhile}
      </Alert>
    );
  const reason = {
    'name-taken': t('An interface named {{name}} was added meanwhile.', { name: rebase.name }),
    gone: t('Interface {{name}} was removed meanwhile.', { name: rebase.name }),
    'same-field': t('Interface {{name}} was changed meanwhile in the same fields: {{fields}}.', {
      name: rebase.name,
      fields: (rebase.fields ?? []).join(', '),
    }),
    'network-data': t('The cloud-init network data was changed meanwhile.'),
  }[rebase.reason];
  return (
    <Alert
      variant="danger"
      isInline
      title={t('Your change conflicts with a change made meanwhile')}
      data-test="conflict"
    >
      {meanwhile}
      {reason} {t('Review the form, which now starts from the latest version, and save again.')}
    </Alert>
  );
};
