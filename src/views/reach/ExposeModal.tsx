/**
 * "Expose as a Service": type, ports from presets (several at once) or custom, and for a LoadBalancer the MetalLB
 * pool and address. The Service selects the VM by the label domain/reach/selector.ts chose; when none is unique
 * the modal adds one to the VM template first and says when the Service starts reaching the VM.
 */
import { useMemo, useState, type FC } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { VM } from '../../domain/kube/vm';
import { checkAddress } from '../../domain/reach/pools';
import { addTemplateLabelPatch, type SelectorChoice } from '../../domain/reach/selector';
import {
  buildService,
  portDraft,
  PRESETS,
  suggestServiceName,
  validateServiceDraft,
  type PortDraft,
  type PortPreset,
  type ServiceDraft,
  type ServiceType,
} from '../../domain/reach/service';
import { ActionError } from '../../components/LoadError';
import type { K8sError } from '../../k8s/errors';
import { ServiceModel, VirtualMachineModel } from '../../k8s/models';
import { useK8sClient } from '../../k8s/K8sContext';
import { NS } from '../../i18n/ns';
import type { ReachData } from './useReachData';
import { FieldError, useReachIssueText } from './text';

export type ExposeDefaults = { type: ServiceType; presets: PortPreset[]; suffix: string };

export const ExposeModal: FC<{
  vm: VM;
  choice: SelectorChoice;
  data: ReachData;
  defaults: ExposeDefaults;
  onClose: () => void;
}> = ({ vm, choice, data, defaults, onClose }) => {
  const { t } = useTranslation(NS);
  const client = useK8sClient();
  const issueText = useReachIssueText();
  const namespace = vm.metadata.namespace ?? '';
  const taken = useMemo(() => data.services.map((s) => s.metadata.name), [data.services]);
  const [draft, setDraft] = useState<ServiceDraft>(() => ({
    name: suggestServiceName(vm.metadata.name, defaults.suffix, taken),
    type: defaults.type,
    ports: defaults.presets.map(portDraft),
    pool: '',
    address: '',
  }));
  const [addLabel, setAddLabel] = useState(false);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<K8sError | undefined>();
  const set = (patch: Partial<ServiceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const issues = validateServiceDraft(draft, taken, (address, pool) =>
    checkAddress(data.pools, data.inUse, address, pool),
  );
  const needsLabel = choice.kind === 'add';
  const blocked = issues.length > 0 || (needsLabel && !addLabel);
  const of = (field: string): FieldIssue[] => (touched ? issues.filter((i) => i.field === field) : []);

  const presetOn = (p: PortPreset) =>
    draft.ports.some((x) => x.name === PRESETS[p].name && x.port === String(PRESETS[p].port));
  const togglePreset = (p: PortPreset, on: boolean) =>
    set({
      ports: on
        ? [...draft.ports, portDraft(p)]
        : draft.ports.filter((x) => !(x.name === PRESETS[p].name && x.port === String(PRESETS[p].port))),
    });
  const setPort = (i: number, patch: Partial<PortDraft>) =>
    set({ ports: draft.ports.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const pool = data.pools.find((p) => p.name === draft.pool);

  const submit = async () => {
    setTouched(true);
    if (blocked) return;
    setSaving(true);
    setError(undefined);
    if (needsLabel) {
      const patched = await client.jsonPatch(
        VirtualMachineModel,
        { namespace, name: vm.metadata.name },
        addTemplateLabelPatch(vm, choice.key, choice.value),
      );
      if (!patched.ok) {
        setSaving(false);
        return setError(patched.error);
      }
    }
    const created = await client.create(
      ServiceModel,
      buildService(draft, namespace, { [choice.key]: choice.value }),
    );
    setSaving(false);
    if (!created.ok) return setError(created.error);
    onClose();
  };

  const types: [ServiceType, string][] = [
    ['ClusterIP', t('ClusterIP (inside the cluster)')],
    ['NodePort', t('NodePort (a port on every node)')],
    ['LoadBalancer', t('LoadBalancer (an external address)')],
  ];
  return (
    <Modal isOpen onClose={onClose} variant="medium" aria-labelledby="expose-title" data-test="expose-modal">
      <ModalHeader title={t('Expose {{vm}} as a Service', { vm: vm.metadata.name })} labelId="expose-title" />
      <ModalBody>
        <Form onSubmit={(e) => e.preventDefault()}>
          {error && <ActionError error={error} title={t('The Service was not created')} />}
          <FormGroup label={t('Name')} fieldId="expose-name" isRequired>
            <TextInput
              id="expose-name"
              value={draft.name}
              onChange={(_e, v) => set({ name: v })}
              validated={of('name').length ? 'error' : 'default'}
              data-test="expose-name"
            />
            <FieldError issues={of('name')} text={issueText} testId="expose-name-error" />
          </FormGroup>
          <FormGroup label={t('Type')} fieldId="expose-type" role="radiogroup">
            <ToggleGroup aria-label={t('Type')}>
              {types.map(([k, label]) => (
                <ToggleGroupItem
                  key={k}
                  text={label}
                  isSelected={draft.type === k}
                  onChange={() => set({ type: k })}
                  data-test={`expose-type-${k}`}
                />
              ))}
            </ToggleGroup>
          </FormGroup>
          <FormGroup label={t('Ports')} fieldId="expose-ports" isRequired>
            {(Object.keys(PRESETS) as PortPreset[]).map((p) => (
              <Checkbox
                key={p}
                id={`expose-preset-${p}`}
                label={t('{{name}} ({{port}})', {
                  name: PRESETS[p].name.toUpperCase(),
                  port: PRESETS[p].port,
                })}
                isChecked={presetOn(p)}
                onChange={(_e, on) => togglePreset(p, on)}
                data-test={`expose-preset-${p}`}
              />
            ))}
            <FieldError issues={of('ports')} text={issueText} />
            {draft.ports.map((p, i) => (
              <Grid hasGutter key={i} className="pf-v6-u-mt-sm" data-test={`expose-port-${i}`}>
                <GridItem span={3}>
                  <TextInput
                    aria-label={t('Port name')}
                    placeholder={t('Port name')}
                    value={p.name}
                    onChange={(_e, v) => setPort(i, { name: v })}
                    validated={of(`ports.${i}.name`).length ? 'error' : 'default'}
                  />
                  <FieldError issues={of(`ports.${i}.name`)} text={issueText} />
                </GridItem>
                <GridItem span={2}>
                  <TextInput
                    aria-label={t('Port')}
                    placeholder={t('Port')}
                    value={p.port}
                    onChange={(_e, v) => setPort(i, { port: v })}
                    validated={of(`ports.${i}.port`).length ? 'error' : 'default'}
                    data-test={`expose-port-${i}-port`}
                  />
                  <FieldError issues={of(`ports.${i}.port`)} text={issueText} />
                </GridItem>
                <GridItem span={3}>
                  <TextInput
                    aria-label={t('Port on the VM')}
                    placeholder={t('Port on the VM')}
                    value={p.targetPort}
                    onChange={(_e, v) => setPort(i, { targetPort: v })}
                    validated={of(`ports.${i}.targetPort`).length ? 'error' : 'default'}
                  />
                  <FieldError issues={of(`ports.${i}.targetPort`)} text={issueText} />
                </GridItem>
                <GridItem span={2}>
                  <FormSelect
                    aria-label={t('Protocol')}
                    value={p.protocol}
                    onChange={(_e, v) => setPort(i, { protocol: v as PortDraft['protocol'] })}
                  >
                    <FormSelectOption value="TCP" label="TCP" />
                    <FormSelectOption value="UDP" label="UDP" />
                  </FormSelect>
                </GridItem>
                <GridItem span={2}>
                  <Button
                    variant="link"
                    onClick={() => set({ ports: draft.ports.filter((_, j) => j !== i) })}
                  >
                    {t('Remove')}
                  </Button>
                </GridItem>
              </Grid>
            ))}
            <Button
              variant="link"
              isInline
              onClick={() =>
                set({ ports: [...draft.ports, { name: '', port: '', targetPort: '', protocol: 'TCP' }] })
              }
              data-test="expose-add-port"
            >
              {t('Add a custom port')}
            </Button>
          </FormGroup>
          {draft.type === 'LoadBalancer' && (
            <LoadBalancerFields
              data={data}
              draft={draft}
              set={set}
              poolFree={pool?.free}
              issues={of('address')}
              issueText={issueText}
            />
          )}
          <Alert
            isInline
            isPlain
            variant={needsLabel ? 'warning' : 'info'}
            title={t('The Service selects the VM by the label {{key}}={{value}}.', {
              key: choice.key,
              value: choice.value,
              interpolation: { escapeValue: false },
            })}
            data-test="expose-selector"
          >
            {choice.kind === 'template' &&
              t('The VM template has this label, and no other VM of the namespace has it.')}
            {choice.kind === 'kubevirt' &&
              t(
                'No label of the VM template is unique to this VM; KubeVirt sets this one on the VM’s pod (its hostname).',
              )}
            {needsLabel && (
              <Checkbox
                id="expose-add-label"
                label={t(
                  'Add this label to the VM template. Template labels reach the VM’s pod when it starts: the Service reaches the VM after its next restart.',
                )}
                isChecked={addLabel}
                onChange={(_e, v) => setAddLabel(v)}
                data-test="expose-add-label"
              />
            )}
          </Alert>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          onClick={() => void submit()}
          isLoading={saving}
          isAriaDisabled={saving || (touched && blocked)}
          data-test="expose-create"
        >
          {t('Create Service')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

const LoadBalancerFields: FC<{
  data: ReachData;
  draft: ServiceDraft;
  set: (p: Partial<ServiceDraft>) => void;
  poolFree?: string[];
  issues: FieldIssue[];
  issueText: (i: FieldIssue) => string;
}> = ({ data, draft, set, poolFree, issues, issueText }) => {
  const { t } = useTranslation(NS);
  if (data.metallb === false)
    return (
      <Alert isInline variant="warning" title={t('MetalLB is not installed')} data-test="expose-no-metallb">
        {t(
          'Nothing in this cluster assigns addresses to LoadBalancer Services from MetalLB pools: the Service may stay without an external address.',
        )}
      </Alert>
    );
  const usable = data.pools.filter((p) => p.allowed);
  return (
    <>
      {data.poolsReadable === false && (
        <Alert
          isInline
          isPlain
          variant="info"
          title={t('You may not read MetalLB’s address pools')}
          data-test="expose-pools-unreadable"
        >
          {t(
            'MetalLB still gives the Service a free address from a pool that assigns automatically. To ask for a pool or an address, ask a cluster administrator for their names.',
          )}
        </Alert>
      )}
      {data.poolsReadable !== false && !data.inUseLoaded && (
        <Alert
          isInline
          isPlain
          variant="info"
          title={t(
            'Addresses used in namespaces you cannot read are not known; MetalLB refuses an address already taken.',
          )}
        />
      )}
      <FormGroup label={t('Address pool')} fieldId="expose-pool">
        <FormSelect
          id="expose-pool"
          value={draft.pool}
          onChange={(_e, v) => set({ pool: v, address: '' })}
          data-test="expose-pool"
        >
          <FormSelectOption value="" label={t('Any pool that assigns automatically')} />
          {usable.map((p) => (
            <FormSelectOption
              key={p.name}
              value={p.name}
              label={t('{{name}}: {{free}} free ({{ranges}})', {
                name: p.name,
                free: p.freeCount,
                ranges: p.ranges.map((r) => r.text).join(', '),
                interpolation: { escapeValue: false },
              })}
            />
          ))}
        </FormSelect>
      </FormGroup>
      {draft.pool && (
        <FormGroup label={t('Address')} fieldId="expose-address">
          <FormSelect
            id="expose-address"
            value={draft.address}
            onChange={(_e, v) => set({ address: v })}
            validated={issues.length ? 'error' : 'default'}
            data-test="expose-address"
          >
            <FormSelectOption value="" label={t('Any free address of the pool')} />
            {(poolFree ?? []).map((a) => (
              <FormSelectOption key={a} value={a} label={a} />
            ))}
          </FormSelect>
          <FieldError issues={issues} text={issueText} />
        </FormGroup>
      )}
    </>
  );
};
