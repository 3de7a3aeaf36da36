/**
 * Duplicate MACs on the VM networks page: the rows whose MAC another VM's interface has (domain/reach/mac.ts),
 * handed to the table's MAC cells through a context so the table itself does not change shape.
 */
import { createContext, useContext, type FC } from 'react';
import { Label, Tooltip } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import { NS } from '../../i18n/ns';

/** Row id → the other VMs (`namespace/name`) using the same MAC. */
export const DuplicateMacContext = createContext<ReadonlyMap<string, string[]>>(new Map());

/** The MAC of a row, with a "Duplicate MAC" badge naming the other VMs when there are any. */
export const MacCell: FC<{ row: InterfaceRow }> = ({ row }) => {
  const { t } = useTranslation(NS);
  const others = useContext(DuplicateMacContext).get(row.id);
  if (!row.mac) return <>—</>;
  if (!others?.length) return <>{row.mac}</>;
  return (
    <>
      {row.mac}{' '}
      <Tooltip
        content={t('Also used by {{vms}}', { vms: others.join(', '), interpolation: { escapeValue: false } })}
      >
        <Label isCompact color="orange" data-test="duplicate-mac" tabIndex={0}>
          {t('Duplicate MAC')}
        </Label>
      </Tooltip>
    </>
  );
};
