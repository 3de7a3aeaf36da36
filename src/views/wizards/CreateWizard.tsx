import { useCallback, useEffect, useMemo, useRef, useState, type FC, type ReactNode } from 'react';
import {
  Card,
  CardBody,
  CardTitle,
  Form,
  Grid,
  GridItem,
  Wizard,
  WizardFooter,
  WizardStep,
  type CustomWizardFooterFunction,
} from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { K8sObject } from '../../domain/kube/meta';
import { hasErrors, type FieldIssue } from '../../domain/issues';
import type { NetworkKind } from '../../domain/manifests/shared/kinds';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import { alreadyExistsIssues, nameTakenIssues } from '../../domain/manifests/shared/existing';
import { toYaml } from '../../domain/manifests/shared/toYaml';
import { YamlPreview } from '../../components/YamlPreview';
import { NS } from '../../i18n/ns';
import { modelAccess } from '../../k8s/access';
import type { K8sModel } from '../../k8s/models';
import { useAccessReview } from '../../k8s/useAccessReview';
import { errorsOfFields, fieldCandidates, shownIssues } from '../../domain/manifests/shared/formIssues';
import {
  FieldEventsContext,
  NamespaceOptionsContext,
  fieldIssues,
  focusField,
  type FieldEvents,
} from './fields';
import { namespaceAccessIssues, namespaceOptions } from '../../domain/manifests/shared/createAccess';
import { useKindCreateAccess } from './useCreateAccess';
import { ReviewFooter, ReviewStep } from './ReviewStep';
import { mapServerIssues, REVIEW_FIELD } from '../../domain/manifests/serverFields';
import { useCreateNetwork } from './useCreateNetwork';

export type StepDef = { id: string; name: string; fields: readonly string[]; body: ReactNode };

type Props = {
  kind: NetworkKind;
  model: K8sModel;
  manifest: K8sObject;
  /** The cluster facts: names already taken are checked while the user types. */
  ctx: ClusterContext;
  /** The validator's issues for the current form. */
  issues: readonly FieldIssue[];
  /** The steps before the review, given the issues to show (a field's errors once it was left, or after Create). */
  steps: (shown: readonly FieldIssue[]) => StepDef[];
  /**
   * Editing this existing object instead of creating one: Save sends a dry-run PUT, then the PUT with the
   * resourceVersion it was read at (a change made meanwhile is refused and shown; the draft stays).
   */
  editing?: K8sObject;
  /** Where Cancel leads (the list of networks by default). */
  closePath?: string;
};

/** The object to PUT: the original's metadata (uid, resourceVersion, finalizers…) with the edited labels and annotations. */
const updateOf = (original: K8sObject, manifest: K8sObject): K8sObject => {
  const { managedFields: _m, ...metadata } = original.metadata as K8sObject['metadata'] & {
    managedFields?: unknown;
  };
  return { ...original, ...manifest, metadata: { ...metadata, ...manifest.metadata } };
};

/**
 * The wizard of one kind beside the live YAML. A field's errors show as the user leaves it; Next checks the
 * step's fields and stays (focusing the first wrong one) while any has an error. Create runs a server dry run
 * first; its 422 causes come back under the fields. Nothing is sent while the form has errors; anyone can copy or
 * download the YAML.
 */
export const CreateWizard: FC<Props> = ({
  kind,
  model,
  manifest,
  ctx,
  issues: formIssues,
  steps,
  editing,
  closePath = '/vm-networks/all-namespaces',
}) => {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touchAll = useCallback(
    (names: readonly string[]) =>
      setTouched((prev) => (names.every((n) => prev.has(n)) ? prev : new Set([...prev, ...names]))),
    [],
  );
  // Labels of the fields met so far: the review step names fields by them.
  const labels = useRef(new Map<string, string>());
  const events = useMemo<FieldEvents>(
    () => ({
      touch: (name) => touchAll([name]),
      label: (name, label) => {
        labels.current.set(name, label);
      },
    }),
    [touchAll],
  );
  const { state, create, update, reset } = useCreateNetwork();
  const yaml = useMemo(() => toYaml(manifest), [manifest]);
  const namespace = model.namespaced ? manifest.metadata.namespace || undefined : undefined;
  const access = useAccessReview(modelAccess(model, editing ? 'update' : 'create', namespace));

  // A server refusal is about the form as it was sent; editing it makes the refusal stale.
  useEffect(() => {
    reset();
  }, [yaml, reset]);

  // A name already taken shows while typing: the lists are watched, and a name is not something to find out last.
  const taken = useMemo(() => (editing ? [] : nameTakenIssues(manifest, ctx)), [editing, manifest, ctx]);
  // Where the user may create this kind is known before any typing: a namespace they may not use is said at once.
  const kindAccess = useKindCreateAccess(kind);
  const nsAccess = model.namespaced ? namespaceAccessIssues(manifest.kind, namespace, kindAccess) : [];
  const nsOptions = useMemo(
    () =>
      namespaceOptions(
        kindAccess,
        ctx.namespaces?.map((n) => n.name),
      ),
    [kindAccess, ctx.namespaces],
  );
  const issues = useMemo(() => [...formIssues, ...taken], [formIssues, taken]);
  const serverError = state.phase === 'error' ? state.error : undefined;
  const serverIssues = [
    ...(serverError?.fieldIssues ? mapServerIssues(kind, serverError.fieldIssues) : []),
    ...alreadyExistsIssues(serverError, manifest),
  ];
  const shown = [...shownIssues(formIssues, touched, submitted), ...taken, ...nsAccess, ...serverIssues];
  const defs = steps(shown);
  /** Next: the step's fields count as left; with errors among them, stay and focus the first. */
  const next = (step: StepDef | undefined, goToNextStep: () => void) => {
    if (step) {
      touchAll(step.fields);
      const first = errorsOfFields(issues, step.fields)[0];
      if (first) {
        // The most specific input the error belongs to (`bond.ports[0]` → the Bond ports field).
        const input = fieldCandidates(first.field).find((f) => labels.current.has(f));
        focusField(input ?? step.fields.find((f) => errorsOfFields([first], [f]).length) ?? first.field);
        return;
      }
    }
    goToNextStep();
  };
  const footer: CustomWizardFooterFunction = (active, onNext, onBack, onClose) => (
    <WizardFooter
      activeStep={active}
      onNext={(e) =>
        next(
          defs.find((d) => d.id === active.id),
          () => void onNext(e),
        )
      }
      onBack={onBack}
      onClose={onClose}
      isBackDisabled={active.index === 1}
    />
  );
  const onCreate = () => {
    setSubmitted(true);
    if (hasErrors(issues)) return;
    void (editing ? update(model, updateOf(editing, manifest)) : create(model, manifest));
  };
  const stepHasError = (fields: readonly string[]) => fields.some((f) => hasErrors(fieldIssues(shown, f)));

  return (
    <Grid hasGutter>
      <GridItem xl={7}>
        <FieldEventsContext.Provider value={events}>
          <NamespaceOptionsContext.Provider value={nsOptions}>
            <Wizard
              navAriaLabel={t('Create network steps')}
              isVisitRequired
              footer={footer}
              onClose={() => void navigate(closePath)}
              data-test="create-wizard"
            >
              {defs.map((s) => (
                <WizardStep
                  key={s.id}
                  id={s.id}
                  name={s.name}
                  status={stepHasError(s.fields) ? 'error' : 'default'}
                >
                  <Form onSubmit={(e) => e.preventDefault()} data-test={`step-${s.id}`}>
                    {s.body}
                  </Form>
                </WizardStep>
              ))}
              <WizardStep
                id="review"
                name={editing ? t('Review and save') : t('Review and create')}
                footer={
                  <ReviewFooter
                    state={state}
                    allowed={access.allowed}
                    onCreate={onCreate}
                    editing={!!editing}
                  />
                }
              >
                <ReviewStep
                  manifest={manifest}
                  state={state}
                  issues={shown}
                  blocked={
                    (submitted && hasErrors(issues)) || serverIssues.some((i) => i.field !== REVIEW_FIELD)
                  }
                  access={access}
                  namespace={namespace}
                  steps={defs}
                  labelOf={(f) => labels.current.get(f)}
                  editing={!!editing}
                />
              </WizardStep>
            </Wizard>
          </NamespaceOptionsContext.Provider>
        </FieldEventsContext.Provider>
      </GridItem>
      <GridItem xl={5}>
        <Card isPlain>
          <CardTitle>{t('YAML')}</CardTitle>
          <CardBody>
            <YamlPreview yaml={yaml} filename={`${manifest.metadata.name || kind}.yaml`} />
          </CardBody>
        </Card>
      </GridItem>
    </Grid>
  );
};
