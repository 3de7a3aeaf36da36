import { createContext, memo, useContext, useMemo, useRef, type FC, type ReactNode } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
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
  t: TFunction;
};

/** One row; memoized, so typing in the search box re-renders only rows whose data changed. */
const InterfaceTableRow = memo<RowProps>(({ row, first, showVM, labels, actions, t }) => (
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
      <NetworkCell row={row} t={t} />
    </Td>
    <Td dataLabel={labels.binding}>{row.binding ?? '—'}</Td>
    <Td dataLabel={labels.model}>{row.model ?? '—'}</Td>
    <Td dataLabel={labels.mac} data-test={`iface-${row.name}-mac`}>
      {row.mac ?? '—'}
    </Td>
    <Td dataLabel={labels.ips}>
      <IpsCell row={row} t={t} />
    </Td>
    <Td dataLabel={labels.link}>
      <LinkCell row={row} t={t} />
    </Td>
    <Td dataLabel={labels.pending}>
      <FlagsCell row={row} t={t} />
    </Td>
    {actions && <Td isActionCell>{actions(row)}</Td>}
  </Tr>
));
InterfaceTableRow.displayName = 'InterfaceTableRow';

/**
 * What the body shows: handed down by context so that PatternFly's Table around it does not re-render when it
 * changes. Table gives its cells a new context object on every render, and each Td/Th then re-renders past our
 * memo and, having no ref of ours, re-runs its truncation check (a forced layout and a state update per cell):
 * ~250 cells' worth on every keystroke at 40,000 rows.
 */
type Slice = {
  rows: readonly InterfaceRow[];
  items: readonly { index: number }[];
  before: number;
  after: number;
  colCount: number;
  showVM: boolean;
  labels: Labels;
  actions?: (row: InterfaceRow) => ReactNode;
  t: TFunction;
};
const SliceContext = createContext<Slice | null>(null);

/** Space for the rows scrolled out of view: a plain row (see Slice on why not PatternFly's Td). */
const Spacer: FC<{ height: number; colSpan: number }> = ({ height, colSpan }) => (
  <tr aria-hidden>
    <td colSpan={colSpan} style={{ height, padding: 0, border: 0 }} />
  </tr>
);

const isFirstOfVM = (rows: readonly InterfaceRow[], i: number) =>
  i === 0 || rows[i - 1]!.vmName !== rows[i]!.vmName || rows[i - 1]!.namespace !== rows[i]!.namespace;

const VisibleRows: FC = () => {
  const slice = useContext(SliceContext);
  if (!slice) return null;
  const { rows, items, before, after, colCount, showVM, labels, actions, t } = slice;
  return (
    <>
      {before > 0 && <Spacer height={before} colSpan={colCount} />}
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
            t={t}
          />
        );
      })}
      {after > 0 && <Spacer height={after} colSpan={colCount} />}
    </>
  );
};

/** The PatternFly table itself: renders once per column set; the rows come from SliceContext. */
const StableTable = memo<{ labels: Labels; showVM: boolean; hasActions: boolean }>(
  ({ labels, showVM, hasActions }) => {
    const { t } = useTranslation(NS);
    return (
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
            {hasActions && <Th screenReaderText={t('Actions')} />}
          </Tr>
        </Thead>
        <Tbody>
          <VisibleRows />
        </Tbody>
      </Table>
    );
  },
);
StableTable.displayName = 'StableTable';

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
    overscan: 2,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const colCount = (showVM ? 3 : 0) + 8 + (actions ? 1 : 0);
  const slice: Slice = { rows, items, before, after, colCount, showVM, labels, actions, t };
  return (
    <div
      ref={scrollRef}
      style={{ height, minHeight: 240, overflow: 'auto' }}
      data-test="interface-table-scroll"
    >
      <SliceContext.Provider value={slice}>
        <StableTable labels={labels} showVM={showVM} hasActions={!!actions} />
      </SliceContext.Provider>
    </div>
  );
};

/** Memoized: the urgent render of a keystroke (before the deferred filter) leaves the table alone. */
export const InterfaceTable = memo(InterfaceTableView);
