/** Form fields of the wizards: a FormGroup with the issues of its field (and of its list entries) under it. */
import { createContext, useContext, useEffect, useState, type FC, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import {
  Checkbox,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import type { FieldIssue } from '../../domain/issues';
import { validatedOf, IssueText } from '../../components/IssueText';
import { formatLabels, parseLabels, parseOptionalNumber, splitList } from './text';

/** Issues of `field` and of its entries (`subnets` shows `subnets[1]` and `subnets[0].hostSubnet` too). */
export const fieldIssues = (issues: readonly FieldIssue[], field: string): FieldIssue[] =>
  issues.filter(
    (i) => i.field === field || i.field.startsWith(`${field}[`) || i.field.startsWith(`${field}.`),
  );

/**
 * What the fields tell the wizard around them: a field was left (its errors show from then on) and what its
 * label is (the review step names fields by their labels and links to them).
 */
export type FieldEvents = { touch: (name: string) => void; label: (name: string, label: string) => void };
export const FieldEventsContext = createContext<FieldEvents | undefined>(undefined);

/** Namespaces to offer in a `namespace` field instead of the wizard's own list (those the user may create in). */
export const NamespaceOptionsContext = createContext<readonly string[] | undefined>(undefined);

/** The DOM id (and data-test) of a field's input: `field-<name>`, non-word characters as "-". */
export const fieldDomId = (name: string): string => `field-${name.replace(/\W+/g, '-')}`;

/** Focuses a field's input, after the step that holds it has rendered. */
export const focusField = (name: string) => {
  requestAnimationFrame(() => {
    const el = document.getElementById(fieldDomId(name));
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  });
};

const useFieldEvents = (name: string, label: string) => {
  const events = useContext(FieldEventsContext);
  useEffect(() => events?.label(name, label), [events, name, label]);
  return events;
};

type Base = {
  /** Form field name: the data-test id is `field-<name>`, its issues `field-<name>-issues`. */
  name: string;
  label: string;
  issues: readonly FieldIssue[];
  help?: ReactNode;
  isRequired?: boolean;
};

const Help: FC<{ name: string; issues: readonly FieldIssue[]; help?: ReactNode }> = ({
  name,
  issues,
  help,
}) => (
  <FormHelperText>
    {help && !issues.length && (
      <HelperText>
        <HelperTextItem>{help}</HelperTextItem>
      </HelperText>
    )}
    <IssueText issues={issues} testId={`field-${name}-issues`} />
  </FormHelperText>
);

const testId = fieldDomId;

export const TextField: FC<
  Base & { value: string; onChange: (v: string) => void; placeholder?: string; options?: readonly string[] }
> = ({ name, label, issues, help, isRequired, value, onChange, placeholder, options: given }) => {
  const own = fieldIssues(issues, name);
  const events = useFieldEvents(name, label);
  const allowedNamespaces = useContext(NamespaceOptionsContext);
  const options = name === 'namespace' && allowedNamespaces ? allowedNamespaces : given;
  const listId = options?.length ? `${testId(name)}-options` : undefined;
  return (
    <FormGroup label={label} fieldId={testId(name)} isRequired={isRequired}>
      <TextInput
        id={testId(name)}
        data-test={testId(name)}
        value={value}
        onChange={(_e, v) => onChange(v)}
        onBlur={() => events?.touch(name)}
        validated={validatedOf(own)}
        placeholder={placeholder}
        list={listId}
      />
      {listId && (
        <datalist id={listId}>
          {options?.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      )}
      <Help name={name} issues={own} help={help} />
    </FormGroup>
  );
};

export const NumberField: FC<Base & { value?: number; onChange: (v: number | undefined) => void }> = ({
  value,
  onChange,
  ...rest
}) => {
  // Keep the raw text so "1e" or "" while typing is not rewritten under the cursor.
  const [text, setText] = useState(value === undefined ? '' : String(value));
  return (
    <TextField
      {...rest}
      value={text}
      onChange={(v) => {
        setText(v);
        onChange(parseOptionalNumber(v));
      }}
    />
  );
};

/** The MTU of a network or device (field `mtu`, so the validator's and the server's issues on it land here). */
export const MtuField: FC<{
  value?: number;
  onChange: (mtu: number | undefined) => void;
  issues: readonly FieldIssue[];
}> = ({ value, onChange, issues }) => {
  const { t } = useTranslation(NS);
  return <NumberField name="mtu" label={t('MTU')} value={value} onChange={onChange} issues={issues} />;
};

/** A VLAN ID (field `vlan`); `label` for a kind that names it otherwise ("VLAN access ID"). */
export const VlanField: FC<{
  value?: number;
  onChange: (vlan: number | undefined) => void;
  issues: readonly FieldIssue[];
  label?: string;
}> = ({ value, onChange, issues, label }) => {
  const { t } = useTranslation(NS);
  return (
    <NumberField
      name="vlan"
      label={label ?? t('VLAN ID')}
      value={value}
      onChange={onChange}
      issues={issues}
    />
  );
};

/** A comma-separated list (CIDRs, NIC names); entry issues (`subnets[1]`) show under it. */
export const ListField: FC<
  Base & { value: readonly string[]; onChange: (v: string[]) => void; placeholder?: string }
> = ({ value, onChange, ...rest }) => {
  const [text, setText] = useState(value.join(', '));
  return (
    <TextField
      {...rest}
      value={text}
      onChange={(v) => {
        setText(v);
        onChange(splitList(v));
      }}
    />
  );
};

/**
 * The text of a label-map input (`key=value, key`, text.ts `parseLabels`), for a TextField: kept as typed, while
 * `onLabels` gets the parsed labels. The wizard holds it (a step's fields unmount when another step shows), so
 * going back to the step shows what was typed.
 */
export const useLabelsText = (
  initial: Record<string, string> | undefined,
  onLabels: (labels: Record<string, string>) => void,
): { value: string; onChange: (text: string) => void } => {
  const [value, setValue] = useState(() => formatLabels(initial));
  return {
    value,
    onChange: (text) => {
      setValue(text);
      onLabels(parseLabels(text));
    },
  };
};

export type Choice = { value: string; label: string; disabled?: boolean };

export const SelectField: FC<
  Base & { value: string; onChange: (v: string) => void; choices: readonly Choice[] }
> = ({ name, label, issues, help, isRequired, value, onChange, choices }) => {
  const own = fieldIssues(issues, name);
  const events = useFieldEvents(name, label);
  return (
    <FormGroup label={label} fieldId={testId(name)} isRequired={isRequired}>
      <FormSelect
        id={testId(name)}
        data-test={testId(name)}
        value={value}
        onChange={(_e, v) => {
          onChange(v);
          events?.touch(name);
        }}
        onBlur={() => events?.touch(name)}
        validated={validatedOf(own)}
        aria-label={label}
      >
        {choices.map((c) => (
          <FormSelectOption key={c.value} value={c.value} label={c.label} isDisabled={c.disabled} />
        ))}
      </FormSelect>
      <Help name={name} issues={own} help={help} />
    </FormGroup>
  );
};

export const CheckField: FC<Base & { value: boolean; onChange: (v: boolean) => void }> = ({
  name,
  label,
  issues,
  help,
  value,
  onChange,
}) => {
  const own = fieldIssues(issues, name);
  const events = useFieldEvents(name, label);
  return (
    <FormGroup fieldId={testId(name)}>
      <Checkbox
        id={testId(name)}
        data-test={testId(name)}
        label={label}
        isChecked={value}
        onChange={(_e, v) => {
          onChange(v);
          events?.touch(name);
        }}
      />
      <Help name={name} issues={own} help={help} />
    </FormGroup>
  );
};

/** Name and namespace: the first two fields of every wizard for a namespaced kind. */
export const NameNamespaceFields: FC<{
  name: string;
  namespace: string;
  onChange: (patch: { name?: string; namespace?: string }) => void;
  issues: readonly FieldIssue[];
  /** Namespaces the user can see, offered as suggestions. */
  namespaces?: readonly string[];
}> = ({ name, namespace, onChange, issues, namespaces }) => {
  const { t } = useTranslation(NS);
  return (
    <>
      <TextField
        name="name"
        label={t('Name')}
        isRequired
        value={name}
        onChange={(v) => onChange({ name: v })}
        issues={issues}
      />
      <TextField
        name="namespace"
        label={t('Namespace')}
        isRequired
        value={namespace}
        onChange={(v) => onChange({ namespace: v })}
        issues={issues}
        options={namespaces}
      />
    </>
  );
};

/** The localnet name, offered from the bridge mappings NNCPs declare (clusterOptions.ts). */
export const PhysicalNetworkNameField: FC<{
  value: string;
  onChange: (physicalNetworkName: string) => void;
  issues: readonly FieldIssue[];
  options: readonly string[];
}> = ({ value, onChange, issues, options }) => {
  const { t } = useTranslation(NS);
  return (
    <TextField
      name="physicalNetworkName"
      label={t('Physical network name')}
      isRequired
      value={value}
      onChange={onChange}
      issues={issues}
      options={options}
      help={t('The localnet name of an NNCP bridge mapping')}
    />
  );
};
