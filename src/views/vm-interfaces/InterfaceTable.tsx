import { memo, useMemo, useRef, type FC, type ReactNode } from 'react';
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
  /** Row actions (kebab), when the view offers them. Keep it stable (useCallback): rows re-render when it changes. */
  actions?: (row: InterfaceRow) => ReactNode;
  /** Height of the scrolling area; only the visible rows are rendered. */
  height?: string;
};

const ROW_HEIGHT = 45;

type Labels = Record<
  'vm' | 'ns' | 'status' | 'iface' | 'net' | 'binding' | 'model' | 'mac' | 'ips' | 'link' | 'pending',
  string
>;

type RowProps = {
  row: InterfaceRow;
  /** First interface of its VM: the VM cells are filled. */
  first: boolean;
  showVM: boolean;
  labels: Labels;
  actions?: (row: InterfaceRow) => ReactNode;
};

/** One row; memoized, so typing in the search box re-renders only rows whose data changed. */
const InterfaceTableRow = memo<RowProps>(({ row, first, showVM, labels, actions }) => (
  <Tr data-test={`row-${row.namespace}-${row.vmName}-${row.name}`} style={{ height: ROW_HEIGHT }}>
    {showVM && (
      <Td dataLabel={labels.vm}>
        {first && <Link to={vmPath(row.namespace, row.vmName)}>{row.vmName}</Link>}
      </Td>
    )}
    {showVM && <Td dataLabel={labels.ns}>{first && row.namespace}</Td>}
    {showVM && <Td dataLabel={labels.status}>{first && row.runState.status}</Td>}
    <Td dataLabel={labels.iface}>{row.name}</Td>
    <Td dataLabel={labels.net}>
      <NetworkCell row={row} />
    </Td>
    <Td dataLabel={labels.binding}>{row.binding ?? '—'}</Td>
    <Td dataLabel={labels.model}>{row.model ?? '—'}</Td>
    <Td dataLabel={labels.mac} data-test={`iface-${row.name}-mac`}>
      {row.mac ?? '—'}
    </Td>
    <Td dataLabel={labels.ips}>
      <IpsCell row={row} />
    </Td>
    <Td dataLabel={labels.link}>
      <LinkCell row={row} />
    </Td>
    <Td dataLabel={labels.pending}>
      <FlagsCell row={row} />
    </Td>
    {actions && <Td isActionCell>{actions(row)}</Td>}
  </Tr>
));
InterfaceTableRow.displayName = 'InterfaceTableRow';

const isFirstOfVM = (rows: readonly InterfaceRow[], i: number) =>
  i === 0 || rows[i - 1]!.vmName !== rows[i]!.vmName || rows[i - 1]!.namespace !== rows[i]!.namespace;

/**
 * Interfaces grouped by VM (rows arrive sorted by VM), virtualized so 40,000 rows cost what the visible ones
 * do. The VM cell is filled on the first row of each VM only.
 */
const InterfaceTableView: FC<Props> = ({ rows, showVM, actions, height = 'calc(100vh - 300px)' }) => {
  const { t } = useTranslation(NS);
  const scrollRef = useRef<HTMLDivElement>(null);
  const labels = useMemo<Labels>(
    () => ({
      vm: t('VM'),
      ns: t('Namespace'),
      status: t('Status'),
      iface: t('Interface'),
      net: t('Network'),
      binding: t('Binding'),
      model: t('Model'),
      mac: t('MAC address'),
      ips: t('IP addresses'),
      link: t('Link'),
      pending: t('Pending'),
    }),
    [t],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
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
            {showVM && <Th>{labels.vm}</Th>}
            {showVM && <Th>{labels.ns}</Th>}
            {showVM && <Th>{labels.status}</Th>}
            <Th>{labels.iface}</Th>
            <Th>{labels.net}</Th>
            <Th>{labels.binding}</Th>
            <Th>{labels.model}</Th>
            <Th>{labels.mac}</Th>
            <Th>{labels.ips}</Th>
            <Th>{labels.link}</Th>
            <Th>{labels.pending}</Th>
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
            return (
              <InterfaceTableRow
                key={row.id}
                row={row}
                first={isFirstOfVM(rows, item.index)}
                showVM={showVM}
                labels={labels}
                actions={actions}
              />
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

/** Memoized: the urgent render of a keystroke (before the deferred filter) leaves the table alone. */
export const InterfaceTable = memo(InterfaceTableView);
