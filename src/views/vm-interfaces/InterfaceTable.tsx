import { createContext, memo, useContext, useMemo, useRef, type FC, type ReactNode } from 'react';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import { css } from '@patternfly/react-styles';
import styles from '@patternfly/react-styles/css/components/Table/table';
import scroll from '@patternfly/react-styles/css/components/Table/table-scrollable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { startsVM, type InterfaceRow } from '../../domain/interfaces/rows';
import { NS } from '../../i18n/ns';
import { useCellTexts, useRouteClicks, type CellTexts } from './cells';
import { INTERFACE_COLUMNS, visibleColumns, type InterfaceColumn, type TablePage } from './columns';
import type { ColumnId } from './columnPrefs';
import './table.css';

type Props = {
  rows: readonly InterfaceRow[];
  /** Show the VM and namespace columns (the all-VMs page) or not (one VM's tab). */
  showVM: boolean;
  /** Columns the user hid (Manage columns); the page's columns are in columns.tsx. */
  hidden?: ReadonlySet<ColumnId>;
  /** Row actions (kebab), when the view offers them. Keep it stable (useCallback): rows re-render when it changes. */
  actions?: (row: InterfaceRow) => ReactNode;
  /** Height of the scrolling area; only the visible rows are rendered. */
  height?: string;
  /**
   * Each row's number of IP addresses (`SearchResult.lines`), when known: row heights are estimated from it
   * instead of from 100,000 row objects on every keystroke that changes the rows.
   */
  lines?: ArrayLike<number>;
};

const ROW_HEIGHT = 45;
/** One line of cell text (14 px type, 1.5 line height) and a row's vertical padding. */
const LINE_HEIGHT = 21;
const ROW_PADDING = 12;

/**
 * What a row's height is at least: one line per IP address, two for the VM cell (name, then namespace and
 * status). Never more than the real height, or the rows drawn would not fill the view; the closer, the fewer rows
 * drawn beyond it (each costs a render on every keystroke).
 */
const heightAtLeast = (ipLines: number, showVM: boolean) =>
  Math.max(ROW_HEIGHT, Math.max(ipLines, showVM ? 2 : 1) * LINE_HEIGHT + ROW_PADDING);

type Labels = Record<ColumnId, string>;

/** The sticky last (actions) cell: PatternFly's sticky-column classes, as its Td renders them. */
const STICKY_ACTIONS = css(
  styles.tableTd,
  styles.tableAction,
  scroll.tableStickyCell,
  scroll.modifiers.right,
  scroll.modifiers.borderLeft,
  'vmnet-table__actions',
);

type RowProps = {
  row: InterfaceRow;
  /** First interface of its VM: the VM's status is shown, and the group starts with a stronger line. */
  first: boolean;
  /** Last interface of its VM. */
  last: boolean;
  columns: readonly InterfaceColumn[];
  labels: Labels;
  actions?: (row: InterfaceRow) => ReactNode;
  text: CellTexts;
  /** Router base of the links' hrefs (useRouteClicks). */
  base: string;
};

/**
 * One row; memoized, so typing in the search box re-renders only rows whose data changed. Plain tr/td with
 * PatternFly's table classes (as its Tr/Td render them): PatternFly's Td checks on every mount whether its text is
 * truncated (an effect, a layout read and a state update per cell, ~200 cells per keystroke here), for a tooltip
 * these cells never use.
 */
const InterfaceTableRow = memo<RowProps>(({ row, first, last, columns, labels, actions, text, base }) => {
  const args = { row, first, text, base };
  return (
    <tr
      className={css(styles.tableTr, first && 'vmnet-table__first', !last && 'vmnet-table__inner')}
      data-test={`row-${row.namespace}-${row.vmName}-${row.name}`}
      style={{ height: ROW_HEIGHT }}
    >
      {columns.map((c) => (
        <td
          key={c.id}
          className={c.cellClass(args)}
          data-label={labels[c.id]}
          data-test={c.cellTestId?.(row)}
        >
          {c.cell(args)}
        </td>
      ))}
      {actions && <td className={STICKY_ACTIONS}>{actions(row)}</td>}
    </tr>
  );
});
InterfaceTableRow.displayName = 'InterfaceTableRow';

/**
 * What the body shows: handed down by context so that PatternFly's Table around it does not re-render when it
 * changes. Table gives its cells a new context object on every render, and each Td/Th then re-renders past our
 * memo and, having no ref of ours, re-runs its truncation check (a forced layout and a state update per cell):
 * ~250 cells' worth on every keystroke at 40,000 rows.
 */
const NONE_HIDDEN: ReadonlySet<ColumnId> = new Set();

type Slice = {
  rows: readonly InterfaceRow[];
  items: readonly { index: number }[];
  before: number;
  after: number;
  colCount: number;
  columns: readonly InterfaceColumn[];
  labels: Labels;
  actions?: (row: InterfaceRow) => ReactNode;
  text: CellTexts;
  base: string;
};
const SliceContext = createContext<Slice | null>(null);

/** Space for the rows scrolled out of view: a plain row (see Slice on why not PatternFly's Td). */
const Spacer: FC<{ height: number; colSpan: number }> = ({ height, colSpan }) => (
  <tr aria-hidden>
    <td colSpan={colSpan} style={{ height, padding: 0, border: 0 }} />
  </tr>
);

const VisibleRows: FC = () => {
  const slice = useContext(SliceContext);
  if (!slice) return null;
  const { rows, items, before, after, colCount, columns, labels, actions, text, base } = slice;
  return (
    <>
      {before > 0 && <Spacer height={before} colSpan={colCount} />}
      {items.map((item) => {
        const row = rows[item.index]!;
        return (
          <InterfaceTableRow
            key={row.id}
            row={row}
            first={startsVM(rows, item.index)}
            last={item.index === rows.length - 1 || startsVM(rows, item.index + 1)}
            columns={columns}
            labels={labels}
            actions={actions}
            text={text}
            base={base}
          />
        );
      })}
      {after > 0 && <Spacer height={after} colSpan={colCount} />}
    </>
  );
};

/** The PatternFly table itself: renders once per column set; the rows come from SliceContext. */
const StableTable = memo<{
  labels: Labels;
  columns: readonly InterfaceColumn[];
  showVM: boolean;
  hasActions: boolean;
}>(({ labels, columns, showVM, hasActions }) => {
  const { t } = useTranslation(NS);
  return (
    <Table
      aria-label={t('Network interfaces')}
      variant="compact"
      isStickyHeader
      className={showVM ? 'vmnet-table' : 'vmnet-table vmnet-table--tab'}
      data-test="interface-table"
    >
      <Thead>
        <Tr>
          {columns.map((c) =>
            c.sticky ? (
              <Th
                key={c.id}
                modifier="nowrap"
                isStickyColumn
                hasRightBorder
                stickyMinWidth={c.minWidth}
                data-test={`column-${c.id}`}
              >
                {labels[c.id]}
              </Th>
            ) : (
              <Th key={c.id} modifier="nowrap" data-test={`column-${c.id}`}>
                {labels[c.id]}
              </Th>
            ),
          )}
          {hasActions && (
            <Th
              screenReaderText={t('Actions')}
              isStickyColumn
              stickyMinWidth="auto"
              hasLeftBorder
              className="vmnet-table__actions"
            />
          )}
        </Tr>
      </Thead>
      <Tbody>
        <VisibleRows />
      </Tbody>
    </Table>
  );
});
StableTable.displayName = 'StableTable';

/**
 * Interfaces grouped by VM (rows arrive sorted by VM), virtualized so 40,000 rows cost what the visible ones
 * do. Every row names its VM and namespace (muted after the VM's first row), in a column that stays in view when
 * the table scrolls sideways, as does the actions column.
 */
const InterfaceTableView: FC<Props> = ({
  rows,
  showVM,
  hidden = NONE_HIDDEN,
  actions,
  height = 'calc(100vh - 300px)',
  lines,
}) => {
  const { t } = useTranslation(NS);
  const scrollRef = useRef<HTMLDivElement>(null);
  const labels = useMemo(
    () => Object.fromEntries(INTERFACE_COLUMNS.map((c) => [c.id, c.title(t)])) as Labels,
    [t],
  );
  const page: TablePage = showVM ? 'vm-networks' : 'vm-tab';
  const columns = useMemo(() => visibleColumns(page, hidden), [page, hidden]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => heightAtLeast(lines ? lines[i]! : rows[i]!.ips.length, showVM),
    overscan: 2,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const colCount = columns.length + (actions ? 1 : 0);
  const text = useCellTexts(t);
  const { base, onClick } = useRouteClicks();
  const slice: Slice = { rows, items, before, after, colCount, columns, labels, actions, text, base };
  return (
    <div
      ref={scrollRef}
      style={{ height, minHeight: 240, overflow: 'auto' }}
      onClick={onClick}
      data-test="interface-table-scroll"
    >
      <SliceContext.Provider value={slice}>
        <StableTable labels={labels} columns={columns} showVM={showVM} hasActions={!!actions} />
      </SliceContext.Provider>
    </div>
  );
};

/** Memoized: a keystroke that leaves the same rows (useSameRows) does not render the table. */
export const InterfaceTable = memo(InterfaceTableView);
