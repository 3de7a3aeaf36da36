import { useRef, type FC, type ReactNode } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import { NS } from '../../i18n/ns';
import { FlagsCell, IpsCell, LinkCell, NetworkCell } from './cells';
import { vmPath } from './links';

type Props = {
  rows: readonly InterfaceRow[];
  /** Show the VM and namespace columns (the all-VMs page) or not (one VM's tab). */
  showVM: boolean;
  /** Row actions (kebab), when the view offers them. */
  actions?: (row: InterfaceRow) => ReactNode;
  /** Height of the scrolling area; only the visible rows are rendered. */
  height?: string;
};

const ROW_HEIGHT = 45;

/**
 * Interfaces grouped by VM (rows arrive sorted by VM), virtualized so 40,000 rows cost what the visible ones
 * do. The VM cell is filled on the first row of each VM only.
 */
export const InterfaceTable: FC<Props> = ({ rows, showVM, actions, height = 'calc(100vh - 300px)' }) => {
  const { t } = useTranslation(NS);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const colCount = (showVM ? 3 : 0) + 8 + (actions ? 1 : 0);
  return (
    <div
      ref={scrollRef}
      style={{ height, minHeight: 240, overflow: 'auto' }}
      data-test="interface-table-scroll"
    >
      <Table
        aria-label={t('Network interfaces')}
        variant="compact"
        isStickyHeader
        data-test="interface-table"
      >
        <Thead>
          <Tr>
            {showVM && <Th>{t('VM')}</Th>}
            {showVM && <Th>{t('Namespace')}</Th>}
            {showVM && <Th>{t('Status')}</Th>}
            <Th>{t('Interface')}</Th>
            <Th>{t('Network')}</Th>
            <Th>{t('Binding')}</Th>
            <Th>{t('Model')}</Th>
            <Th>{t('MAC address')}</Th>
            <Th>{t('IP addresses')}</Th>
            <Th>{t('Link')}</Th>
            <Th>{t('Pending')}</Th>
            {actions && <Th screenReaderText={t('Actions')} />}
          </Tr>
        </Thead>
        <Tbody>
          {before > 0 && (
            <Tr aria-hidden>
              <Td colSpan={colCount} style={{ height: before, padding: 0 }} />
            </Tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            const first =
              item.index === 0 ||
              rows[item.index - 1]!.vmName !== row.vmName ||
              rows[item.index - 1]!.namespace !== row.namespace;
            return (
              <Tr
                key={row.id}
                data-test={`row-${row.namespace}-${row.vmName}-${row.name}`}
                style={{ height: ROW_HEIGHT }}
              >
                {showVM && (
                  <Td dataLabel={t('VM')}>
                    {first && <Link to={vmPath(row.namespace, row.vmName)}>{row.vmName}</Link>}
                  </Td>
                )}
                {showVM && <Td dataLabel={t('Namespace')}>{first && row.namespace}</Td>}
                {showVM && <Td dataLabel={t('Status')}>{first && row.runState.status}</Td>}
                <Td dataLabel={t('Interface')}>{row.name}</Td>
                <Td dataLabel={t('Network')}>
                  <NetworkCell row={row} />
                </Td>
                <Td dataLabel={t('Binding')}>{row.binding ?? '—'}</Td>
                <Td dataLabel={t('Model')}>{row.model ?? '—'}</Td>
                <Td dataLabel={t('MAC address')} data-test={`iface-${row.name}-mac`}>
                  {row.mac ?? '—'}
                </Td>
                <Td dataLabel={t('IP addresses')}>
                  <IpsCell row={row} />
                </Td>
                <Td dataLabel={t('Link')}>
                  <LinkCell row={row} />
                </Td>
                <Td dataLabel={t('Pending')}>
                  <FlagsCell row={row} />
                </Td>
                {actions && <Td isActionCell>{actions(row)}</Td>}
              </Tr>
            );
          })}
          {after > 0 && (
            <Tr aria-hidden>
              <Td colSpan={colCount} style={{ height: after, padding: 0 }} />
            </Tr>
          )}
        </Tbody>
      </Table>
    </div>
  );
};
