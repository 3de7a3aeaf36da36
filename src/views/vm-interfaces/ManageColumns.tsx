/**
 * "Manage columns": a button and the dialog it opens, listing the page's columns with a checkbox each, as the
 * console's tables do (openshift/console ColumnManagementModal: the columns that say which row it is cannot be
 * unchecked; "Restore default columns"; Save and Cancel). The choice is kept per page (columnPrefs.ts).
 */
import { useState, type FC } from 'react';
import {
  Button,
  Checkbox,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { ColumnsIcon } from '@patternfly/react-icons/dist/esm/icons/columns-icon';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import { INTERFACE_COLUMNS, type ColumnId, type TablePage } from './columns';

export const ManageColumns: FC<{
  page: TablePage;
  hidden: ReadonlySet<ColumnId>;
  onSave: (hidden: ReadonlySet<ColumnId>) => void;
}> = ({ page, hidden, onSave }) => {
  const { t } = useTranslation(NS);
  const [draft, setDraft] = useState<ReadonlySet<ColumnId> | undefined>();
  const columns = INTERFACE_COLUMNS.filter((c) => c.pages.includes(page));
  const close = () => setDraft(undefined);
  const toggle = (id: ColumnId, shown: boolean) =>
    setDraft((d) => {
      const next = new Set(d);
      if (shown) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      <Button
        variant="plain"
        icon={<ColumnsIcon />}
        aria-label={t('Manage columns')}
        title={t('Manage columns')}
        onClick={() => setDraft(new Set(hidden))}
        data-test="manage-columns"
      />
      {draft && (
        <Modal
          isOpen
          onClose={close}
          variant="small"
          aria-labelledby="manage-columns-title"
          data-test="manage-columns-modal"
        >
          <ModalHeader
            title={t('Manage columns')}
            labelId="manage-columns-title"
            description={t('Selected columns will appear in the table.')}
          />
          <ModalBody>
            <Form onSubmit={(e) => e.preventDefault()}>
              <FormGroup role="group" fieldId="manage-columns" label={t('Columns')} isStack>
                {columns.map((c) => (
                  <Checkbox
                    key={c.id}
                    id={`manage-columns-${c.id}`}
                    label={c.title(t)}
                    isChecked={!c.hideable || !draft.has(c.id)}
                    isDisabled={!c.hideable}
                    onChange={(_e, checked) => toggle(c.id, checked)}
                  />
                ))}
              </FormGroup>
            </Form>
          </ModalBody>
          <ModalFooter>
            <Button
              variant="primary"
              onClick={() => {
                onSave(draft);
                close();
              }}
              data-test="manage-columns-save"
            >
              {t('Save')}
            </Button>
            <Button variant="link" onClick={close}>
              {t('Cancel')}
            </Button>
            <Button variant="link" onClick={() => setDraft(new Set())} data-test="manage-columns-defaults">
              {t('Restore default columns')}
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </>
  );
};
