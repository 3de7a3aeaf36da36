import type { FC } from 'react';
import {
  ActionList,
  ActionListGroup,
  ActionListItem,
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  List,
  ListItem,
  WizardFooterWrapper,
  useWizardContext,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { K8sObject } from '../../domain/kube/meta';
import type { FieldIssue } from '../../domain/issues';
import { IssueText, useIssueText } from '../../components/IssueText';
import { ActionError } from '../../components/LoadError';
import { NS } from '../../i18n/ns';
import { vmNetworksPath } from '../vm-interfaces/links';
import {
  entryIndex,
  fieldCandidates,
  ownerField,
  stepOfField,
} from '../../domain/manifests/shared/formIssues';
import { REVIEW_FIELD } from '../../domain/manifests/serverFields';
import { focusField } from './fields';
import type { CreateState } from './useCreateNetwork';

type Props = {
  manifest: K8sObject;
  state: CreateState;
  issues: readonly FieldIssue[];
  /** Create was pressed while the form has errors. */
  blocked: boolean;
  access: { allowed: boolean; loaded: boolean; reason?: string };
  namespace?: string;
  /** The wizard's steps: each error links to the step and field it belongs to. */
  steps: readonly { id: string; fields: readonly string[] }[];
  /** A field's label, as its form shows it. */
  labelOf: (field: string) => string | undefined;
  /** An edit of an existing object (Save), not a create. */
  editing?: boolean;
};

/** What will be created, why Create is disabled, and how the last attempt ended. */
export const ReviewStep: FC<Props> = ({
  manifest,
  state,
  issues,
  blocked,
  access,
  namespace,
  steps,
  labelOf,
  editing = false,
}) => {
  const { t } = useTranslation(NS);
  const text = useIssueText();
  const { goToStepById } = useWizardContext();
  /** The input an issue belongs to: the most specific field with a label (`bond.ports[0]` → `bond.ports`). */
  const inputOf = (field: string) =>
    fieldCandidates(field).find((f) => labelOf(f) !== undefined) ?? ownerField(steps, field) ?? field;
  /** Why Create (or Save) is disabled: the verb the access review asked about, where. */
  const deniedText = (): string => {
    const kind = manifest.kind;
    if (editing)
      return namespace
        ? t(
            'You may not change {{kind}} in namespace {{namespace}}. You can still copy or download the YAML.',
            { kind, namespace },
          )
        : t('You may not change {{kind}} objects. You can still copy or download the YAML.', { kind });
    return namespace
      ? t(
          'You may not create {{kind}} in namespace {{namespace}}. You can still copy or download the YAML.',
          { kind, namespace },
        )
      : t('You may not create {{kind}} at the cluster scope. You can still copy or download the YAML.', {
          kind,
        });
  };
  /** "Subnets (entry 2)": the field's label, and which entry of a list. */
  const fieldName = (field: string) => {
    const input = inputOf(field);
    const label = labelOf(input) ?? input;
    const entry = input.includes('[') ? undefined : entryIndex(field);
    return entry === undefined ? label : t('{{label}} (entry {{n}})', { label, n: entry + 1 });
  };
  const goTo = (field: string) => {
    const step = stepOfField(steps, field);
    if (!step) return;
    goToStepById(step);
    focusField(inputOf(field));
  };
  const review = issues.filter((i) => i.field === REVIEW_FIELD);
  return (
    <>
      <DescriptionList isHorizontal>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Kind')}</DescriptionListTerm>
          <DescriptionListDescription>{manifest.kind}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Name')}</DescriptionListTerm>
          <DescriptionListDescription>{manifest.metadata.name || '—'}</DescriptionListDescription>
        </DescriptionListGroup>
        {namespace && (
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Namespace')}</DescriptionListTerm>
            <DescriptionListDescription>{namespace}</DescriptionListDescription>
          </DescriptionListGroup>
        )}
      </DescriptionList>
      {access.loaded && !access.allowed && (
        <Alert
          isInline
          variant="info"
          title={editing ? t('You may not change this object') : t('You may not create this object')}
          data-test="create-denied"
        >
          {deniedText()}
        </Alert>
      )}
      {blocked && (
        <Alert
          isInline
          variant="danger"
          title={t('Fix the fields marked in the steps before creating')}
          data-test="form-has-errors"
        >
          <List data-test="review-errors">
            {issues
              .filter((i) => i.severity === 'error' && i.field !== REVIEW_FIELD)
              .map((i, n) => (
                <ListItem key={n}>
                  {stepOfField(steps, i.field) ? (
                    <Button variant="link" isInline onClick={() => goTo(i.field)}>
                      {fieldName(i.field)}
                    </Button>
                  ) : (
                    fieldName(i.field)
                  )}
                  {`: ${text(i)}`}
                </ListItem>
              ))}
          </List>
        </Alert>
      )}
      {review.length > 0 && <IssueText issues={review} testId="review-issues" />}
      {editing && state.phase === 'error' && state.error.kind === 'conflict' && (
        <Alert
          isInline
          variant="warning"
          title={t('{{name}} changed since this wizard read it', { name: manifest.metadata.name })}
          data-test="edit-conflict"
        >
          {t(
            'Someone saved another version meanwhile. Nothing was changed and your draft is kept; reopen the editor to start from the current version.',
          )}
        </Alert>
      )}
      {state.phase === 'error' &&
        !(editing && state.error.kind === 'conflict') &&
        !state.error.fieldIssues?.length &&
        state.error.reason !== 'AlreadyExists' && (
          <ActionError
            error={state.error}
            title={
              state.dryRun
                ? t('The server refused the dry run')
                : editing
                  ? t('The object was not saved')
                  : t('The object was not created')
            }
          />
        )}
      {state.phase === 'done' && editing && (
        <Alert
          isInline
          variant="success"
          title={t('Saved {{kind}} {{name}}', {
            kind: state.created.kind ?? manifest.kind,
            name: state.created.metadata.name,
          })}
          data-test="edit-success"
        />
      )}
      {state.phase === 'done' && !editing && (
        <Alert
          isInline
          variant="success"
          title={t('Created {{kind}} {{name}}', {
            kind: state.created.kind ?? manifest.kind,
            name: state.created.metadata.namespace
              ? `${state.created.metadata.namespace}/${state.created.metadata.name}`
              : state.created.metadata.name,
          })}
          data-test="create-success"
        >
          <Link to={vmNetworksPath(namespace)}>{t('Go to VM networks')}</Link>
        </Alert>
      )}
    </>
  );
};

/** Back, Create (disabled with its reason when the user may not create) and Cancel. */
export const ReviewFooter: FC<{
  state: CreateState;
  allowed: boolean;
  onCreate: () => void;
  /** Save an edit instead of Create. */
  editing?: boolean;
}> = ({ state, allowed, onCreate, editing = false }) => {
  const { t } = useTranslation(NS);
  const { goToPrevStep, close } = useWizardContext();
  const busy = state.phase === 'checking' || state.phase === 'creating';
  return (
    // PatternFly's own footer layout (ActionList groups), so Back and Create keep their gap.
    <WizardFooterWrapper>
      <ActionList>
        <ActionListGroup>
          <ActionListItem>
            <Button variant="secondary" onClick={goToPrevStep}>
              {t('Back')}
            </Button>
          </ActionListItem>
          <ActionListItem>
            <Button
              variant="primary"
              onClick={onCreate}
              isAriaDisabled={!allowed || busy || state.phase === 'done'}
              isLoading={busy}
              data-test="create-network"
            >
              {state.phase === 'checking' ? t('Checking (dry run)') : editing ? t('Save') : t('Create')}
            </Button>
          </ActionListItem>
        </ActionListGroup>
        <ActionListGroup>
          <ActionListItem>
            <Button variant="link" onClick={close}>
              {t('Cancel')}
            </Button>
          </ActionListItem>
        </ActionListGroup>
      </ActionList>
    </WizardFooterWrapper>
  );
};
