import type { FC } from 'react';
import { HelperText, HelperTextItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../domain/issues';
import { interfaceMessages } from '../domain/interfaces/messages';
import { messages as manifestMessages } from '../domain/manifests/shared/messages';
import { NS } from '../i18n/ns';

const english: Record<string, string> = { ...manifestMessages, ...interfaceMessages };

/**
 * The translated text of an issue. The English templates in domain/interfaces/messages.ts and
 * domain/manifests/shared/messages.ts are the i18n keys (collected by `npm run i18n`); server causes carry their
 * own message.
 */
export const useIssueText = () => {
  const { t } = useTranslation(NS);
  return (issue: FieldIssue): string => {
    if (issue.code === 'server') return String(issue.params?.message ?? '');
    const template = english[issue.code];
    // An unknown code is a bug; show it rather than nothing so it gets reported.
    return template ? t(template, { ...issue.params, interpolation: { escapeValue: false } }) : issue.code;
  };
};

/** Issues of one field, as PatternFly helper text under it (errors first). */
export const IssueText: FC<{ issues: readonly FieldIssue[]; testId?: string }> = ({ issues, testId }) => {
  const text = useIssueText();
  if (!issues.length) return null;
  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <HelperText data-test={testId}>
      {sorted.map((issue, i) => (
        <HelperTextItem key={i} variant={issue.severity}>
          {text(issue)}
        </HelperTextItem>
      ))}
    </HelperText>
  );
};

/** PatternFly `validated` state for a field with these issues. */
export const validatedOf = (issues: readonly FieldIssue[]): 'error' | 'warning' | 'default' =>
  issues.some((i) => i.severity === 'error') ? 'error' : issues.length ? 'warning' : 'default';
