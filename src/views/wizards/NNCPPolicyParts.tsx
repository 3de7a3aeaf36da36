import type { FC } from 'react';
import { Alert, List, ListItem, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { NNCPForm } from '../../domain/manifests/nncp/nncp';
import { keptParts, removableInterfaces } from '../../domain/manifests/nncp/nncpEdit';
import { NS } from '../../i18n/ns';
import { CheckField } from './fields';

type Props = {
  form: NNCPForm;
  set: (p: Partial<NNCPForm>) => void;
  issues: readonly FieldIssue[];
};

/**
 * Editing a policy: each interface it configures can be removed from the nodes (nmstate `state: absent`); what
 * the wizard does not model is listed and kept as it is (nncp/nncpEdit.ts).
 */
export const NNCPPolicyParts: FC<Props> = ({ form, set, issues }) => {
  const { t } = useTranslation(NS);
  const edit = form.edit;
  if (!edit) return null;
  const kept = keptParts(form);
  const toggle = (name: string, remove: boolean) =>
    set({
      edit: {
        ...edit,
        absent: remove ? [...edit.absent, name] : edit.absent.filter((n) => n !== name),
      },
    });
  const anyKept =
    kept.interfaces.length + kept.fields.length + kept.mappings.length + kept.sections.length > 0;
  return (
    <>
      <Title headingLevel="h3" size="md">
        {t('Interfaces of this policy')}
      </Title>
      {removableInterfaces(form).map((i) => (
        <CheckField
          key={i.name}
          name={`absent.${i.name}`}
          label={t('Remove {{type}} {{name}} from the nodes (state: absent)', i)}
          value={edit.absent.includes(i.name)}
          onChange={(remove) => toggle(i.name, remove)}
          issues={issues}
          help={
            i.name === edit.originalName
              ? t('This is the interface the next steps edit; rename it there.')
              : undefined
          }
        />
      ))}
      {anyKept && (
        <Alert
          isInline
          isPlain
          variant="info"
          title={t('Kept as they are (the wizard does not edit them)')}
          data-test="nncp-kept"
        >
          <List>
            {kept.interfaces.map((i) => (
              <ListItem key={`i/${i.name}`}>{t('Interface {{name}} ({{type}})', i)}</ListItem>
            ))}
            {kept.fields.map((f) => (
              <ListItem key={`f/${f.iface}/${f.field}`}>{`${f.iface}: ${f.field}`}</ListItem>
            ))}
            {kept.mappings.map((m) => (
              <ListItem key={`m/${m}`}>{t('Bridge mapping {{mapping}}', { mapping: m })}</ListItem>
            ))}
            {kept.sections.map((s) => (
              <ListItem key={`s/${s}`}>{t('Section {{section}}', { section: s })}</ListItem>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
};
