import type { FC, ReactNode } from 'react';
import { Form, FormGroup, FormSelect, FormSelectOption, Switch, TextInput } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import { issuesFor } from '../../domain/issues';
import {
  INTERFACE_MODELS,
  isSecondary,
  type InterfaceForm,
  type NetworkOption,
} from '../../domain/interfaces/form';
import { allowedBindings, supportsLinkState } from '../../domain/interfaces/networkOptions';
import { IssueText, validatedOf } from '../../components/IssueText';
import { NS } from '../../i18n/ns';

type Props = {
  form: InterfaceForm;
  onChange: (patch: Partial<InterfaceForm>) => void;
  options: readonly NetworkOption[];
  issues: readonly FieldIssue[];
  editing: boolean;
  /** What the change does to the running VM, shown under the network once one is chosen. */
  plan?: ReactNode;
};

/** The fields of the add/edit interface modal; every issue is shown under the field it names. */
export const InterfaceFields: FC<Props> = ({ form, onChange, options, issues, editing, plan }) => {
  const { t } = useTranslation(NS);
  const option = options.find((o) => o.id === form.networkId);
  const bindings = allowedBindings(option);
  const optionLabel = (o: NetworkOption) =>
    o.kind === 'pod'
      ? t('Pod network')
      : o.kind === 'primary-udn'
        ? t('Primary UDN (pod network)')
        : `${o.id} (${o.nadType})`;
  const field = (name: string) => ({ issues: issuesFor(issues, name), testId: `field-${name}-issues` });
  const chooseNetwork = (networkId: string) => {
    const next = allowedBindings(options.find((o) => o.id === networkId));
    // Keep the binding if the new network allows it, else take the first one it allows.
    onChange({ networkId, binding: next.includes(form.binding) ? form.binding : (next[0] ?? '') });
  };
  return (
    <Form id="interface-form" onSubmit={(e) => e.preventDefault()}>
      <FormGroup label={t('Name')} isRequired fieldId="iface-name">
        <TextInput
          id="iface-name"
          value={form.name}
          isDisabled={editing}
          onChange={(_e, name) => onChange({ name })}
          validated={validatedOf(field('name').issues)}
          data-test="iface-name"
        />
        <IssueText {...field('name')} />
      </FormGroup>
      <FormGroup label={t('Network')} isRequired fieldId="iface-network">
        <FormSelect
          id="iface-network"
          value={form.networkId}
          onChange={(_e, v) => chooseNetwork(v)}
          validated={validatedOf(field('network').issues)}
          data-test="iface-network"
        >
          <FormSelectOption value="" label={t('Select a network')} isPlaceholder />
          {options.map((o) => (
            <FormSelectOption key={o.id} value={o.id} label={optionLabel(o)} />
          ))}
        </FormSelect>
        <IssueText {...field('network')} />
        {plan}
      </FormGroup>
      <FormGroup label={t('Binding')} isRequired fieldId="iface-binding">
        <FormSelect
          id="iface-binding"
          value={form.binding}
          onChange={(_e, binding) => onChange({ binding })}
          isDisabled={!option}
          validated={validatedOf(field('binding').issues)}
          data-test="iface-binding"
        >
          <FormSelectOption value="" label={t('Select a binding')} isPlaceholder />
          {bindings.map((b) => (
            <FormSelectOption key={b} value={b} label={b} />
          ))}
        </FormSelect>
        <IssueText {...field('binding')} />
      </FormGroup>
      <FormGroup label={t('Model')} fieldId="iface-model">
        <FormSelect
          id="iface-model"
          value={form.model}
          onChange={(_e, model) => onChange({ model })}
          data-test="iface-model"
        >
          {INTERFACE_MODELS.map((m) => (
            <FormSelectOption key={m} value={m} label={m} />
          ))}
        </FormSelect>
        <IssueText {...field('model')} />
      </FormGroup>
      <FormGroup label={t('MAC address')} fieldId="iface-mac">
        <TextInput
          id="iface-mac"
          value={form.macAddress ?? ''}
          placeholder={t('Assigned automatically when empty')}
          onChange={(_e, macAddress) => onChange({ macAddress })}
          validated={validatedOf(field('macAddress').issues)}
          data-test="iface-mac"
        />
        <IssueText {...field('macAddress')} />
      </FormGroup>
      {supportsLinkState(form.binding) && (
        <FormGroup label={t('Link state')} fieldId="iface-link">
          <Switch
            id="iface-link"
            label={t('Link up')}
            isChecked={form.linkState !== 'down'}
            onChange={(_e, up) => onChange({ linkState: up ? 'up' : 'down' })}
            data-test="iface-link"
          />
          <IssueText {...field('linkState')} />
        </FormGroup>
      )}
      {isSecondary(form) && (
        <>
          <FormGroup label={t('Static IP (cloud-init)')} fieldId="iface-static-ip">
            <TextInput
              id="iface-static-ip"
              value={form.staticIp ?? ''}
              placeholder="192.0.2.10/24"
              onChange={(_e, staticIp) => onChange({ staticIp })}
              validated={validatedOf(field('staticIp').issues)}
              data-test="iface-static-ip"
            />
            <IssueText {...field('staticIp')} />
          </FormGroup>
          {form.staticIp && !form.macAddress && (
            <FormGroup label={t('Guest interface name')} fieldId="iface-guest-name">
              <TextInput
                id="iface-guest-name"
                value={form.guestName ?? ''}
                placeholder="eth1"
                onChange={(_e, guestName) => onChange({ guestName })}
                validated={validatedOf(field('guestName').issues)}
                data-test="iface-guest-name"
              />
              <IssueText {...field('guestName')} />
            </FormGroup>
          )}
        </>
      )}
    </Form>
  );
};
