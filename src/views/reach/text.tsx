/** Translated texts of the reach validators' issue codes (each literal goes through t(), so `npm run i18n` sees it). */
import type { FC } from 'react';
import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import { NS } from '../../i18n/ns';

export const useReachIssueText = () => {
  const { t } = useTranslation(NS);
  return (i: FieldIssue): string => {
    const p = { ...i.params, interpolation: { escapeValue: false } };
    switch (`${i.field.replace(/^ports\.\d+\./, 'port.')}:${i.code}`) {
      case 'name:required':
        return t('Name: enter a name for the Service.');
      case 'name:dns1035':
        return t('Name: lower-case letters, digits and "-", starting with a letter, at most 63 characters.');
      case 'name:exists':
        return t('Name: a Service {{name}} already exists in this namespace.', p);
      case 'ports:no-ports':
        return t('Ports: choose at least one port.');
      case 'port.port:port-range':
      case 'port.targetPort:port-range':
        return t('Port: a number from 1 to 65535.');
      case 'port.port:port-duplicate':
        return t('Port: {{port}} is already in the list.', p);
      case 'port.name:port-name-required':
        return t('Port name: with several ports each needs a name.');
      case 'port.name:port-name':
        return t('Port name: lower-case letters, digits and "-", with a letter, at most 15 characters.');
      case 'port.name:port-name-duplicate':
        return t('Port name: {{name}} is already used.', p);
      case 'address:ip':
        return t('Address: enter an IPv4 or IPv6 address.');
      case 'address:in-use':
        return t('Address: {{address}} is already used by another Service.', p);
      case 'address:not-in-pool':
        return t('Address: {{address}} is not in pool {{pool}}.', p);
      case 'address:unknown-pool':
        return t('Address: pool {{pool}} does not exist.', p);
      case 'user:required':
        return t('User name: enter the user to log in as.');
      case 'user:user':
        return t('User name: letters, digits, ".", "_" or "-", at most 32 characters.');
      case 'identityFile:path':
        return t('Identity file: no quotes or control characters.');
      default:
        return i.code;
    }
  };
};

export const FieldError: FC<{
  issues: readonly FieldIssue[];
  text: (i: FieldIssue) => string;
  testId?: string;
}> = ({ issues, text, testId }) =>
  issues.length ? (
    <FormHelperText>
      <HelperText data-test={testId}>
        {issues.map((i, k) => (
          <HelperTextItem key={k} variant="error">
            {text(i)}
          </HelperTextItem>
        ))}
      </HelperText>
    </FormHelperText>
  ) : null;
