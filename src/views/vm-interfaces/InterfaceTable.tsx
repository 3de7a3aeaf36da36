import { createContext, memo, useContext, useMemo, useRef, type FC, type ReactNode } from 'react';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import { css } from '@patternfly/react-styles';
import styles from '@patternfly/react-styles/css/components/Table/table';
import scroll from '@patternfly/react-styles/css/components/Table/table-scrollable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { startsVM, type InterfaceRow } from '../../domain/interfaces/rows';
import { NS } from '../../i18n/ns';
import {
  BindingCell,
  FlagsCell,
  IpsCell,
  LinkCell,
  NetworkCell,
  RouteLink,
  useCellTexts,
  useRouteClicks,
  type CellTexts,
} from './cells';
import { vmPath } from './links';
import { MacCell } from '../reach/DuplicateMac';
import './table.css';

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
/** One line of cell text (14 px type, 1.5 line height) and a row's vertical padding. */
const LINE_HEIGHT = 21;
const ROW_PADDING = 12;

/**
 * What a row's height is at least: one line per IP address, two for the VM cell (name, then namespace and
 * status). Never more than the real height, or the rows drawn would not fill the view; the closer, the fewer rows
 * drawn beyond it (each costs a render on every keystroke).
 */
const rowHeightAtLeast = (row: InterfaceRow, showVM: boolean) =>
  Math.max(ROW_HEIGHT, Math.max(row.ips.length, showVM ? 2 : 1) * LINE_HEIGHT + ROW_PADDING);

type Labels = Record<'vm' | 'iface' | 'net' | 'binding' | 'mac' | 'ips' | 'link' | 'pending', string>;

/** The sticky first (VM) and last (actions) cells: PatternFly's sticky-column classes, as its Td renders them. */
const STICKY_VM = css(
  styles.tableTd,
  scroll.tableStickyCell,
  scroll.modifiers.left,
  scroll.modifiers.borderRight,
  'vmnet-table__vm',
);
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
  showVM: boolean;
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
const InterfaceTableRow = memo<RowProps>(({ row, first, last, showVM, labels, actions, text, base }) => (
  <tr
    className={css(styles.tableTr, first && 'vmnet-table__first', !last && 'vmnet-table__inner')}
    data-test={`row-${row.namespace}-${row.vmName}-${row.name}`}
    style={{ height: ROW_HEIGHT }}
  >
    {showVM && (
      <td className={css(STICKY_VM, !first && 'vmnet-table__vm--repeat')} data-label={labels.vm}>
        <span className="vmnet-table__line" title={row.vmName}>
          <RouteLink to={vmPath(row.namespace, row.vmName)} base={base}>
            {row.vmName}
          </RouteLink>
        </span>
        <span className="vmnet-table__line vmnet-table__muted" title={row.namespace}>
          {row.namespace}
          {first && row.runState.status && ` · ${row.runState.status}`}
        </span>
      </td>
    )}
    <td className={styles.tableTd} data-label={labels.iface}>
      <span className="vmnet-table__line" title={row.name}>
        {row.name}
      </span>
    </td>
    <td className={styles.tableTd} data-label={labels.net}>
      <NetworkCell row={row} text={text} base={base} />
    </td>
    <td className={css(styles.tableTd, 'vmnet-table__nowrap')} data-label={labels.binding}>
      <BindingCell row={row} />
    </td>
    <td
      className={css(styles.tableTd, 'vmnet-table__nowrap')}
      data-label={labels.mac}
      data-test={`iface-${row.name}-mac`}
    >
      <MacCell row={row} />
    </td>
    <td className={styles.tableTd} data-label={labels.ips}>
      <IpsCell row={row} text={text} />
    </td>
    <td className={css(styles.tableTd, 'vmnet-table__nowrap')} data-label={labels.link}>
      <LinkCell row={row} text={text} />
    </td>
    <td className={styles.tableTd} data-label={labels.pending}>
      <FlagsCell row={row} text={text} />
    </td>
    {actions && <td className={STICKY_ACTIONS}>{actions(row)}</td>}
  </tr>
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
  const { rows, items, before, after, colCount, showVM, labels, actions, text, base } = slice;
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
            showVM={showVM}
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

/** The columns, in order: the all-VMs page shows whose interface it is; a VM's own tab does not. */
const VM_COLUMNS: (keyof Labels)[] = ['vm', 'iface', 'net', 'binding', 'mac', 'ips', 'link', 'pending'];
const TAB_COLUMNS = VM_COLUMNS.slice(1);

/** The PatternFly table itself: renders once per column set; the rows come from SliceContext. */
const StableTable = memo<{ labels: Labels; showVM: boolean; hasActions: boolean }>(
  ({ labels, showVM, hasActions }) => {
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
            {(showVM ? VM_COLUMNS : TAB_COLUMNS).map((key) =>
              key === 'vm' ? (
                <Th key={key} modifier="nowrap" isStickyColumn hasRightBorder stickyMinWidth="8rem">
                  {labels[key]}
                </Th>
              ) : (
                <Th key={key} modifier="nowrap">
                  {labels[key]}
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
  },
);
StableTable.displayName = 'StableTable';

/**
 * Interfaces grouped by VM (rows arrive sorted by VM), virtualized so 40,000 rows cost what the visible ones
 * do. Every row names its VM and namespace (muted after the VM's first row), in a column that stays in view when
 * the table scrolls sideways, as does the actions column.
 */
const InterfaceTableView: FC<Props> = ({ rows, showVM, actions, height = 'calc(100vh - 300px)' }) => {
  const { t } = useTranslation(NS);
  const scrollRef = useRef<HTMLDivElement>(null);
  const labels = useMemo<Labels>(
    () => ({
      vm: t('VM'),
      iface: t('Interface'),
      net: t('Network'),
      binding: t('Binding, model'),
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
    estimateSize: (i) => rowHeightAtLeast(rows[i]!, showVM),
    overscan: 2,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const colCount = (showVM ? VM_COLUMNS : TAB_COLUMNS).length + (actions ? 1 : 0);
  const text = useCellTexts(t);
  const { base, onClick } = useRouteClicks();
  const slice: Slice = { rows, items, before, after, colCount, showVM, labels, actions, text, base };
  return (
    <div
      ref={scrollRef}
      style={{ height, minHeight: 240, overflow: 'auto' }}
      onClick={onClick}
      data-test="interface-table-scroll"
    >
      <SliceContext.Provider value={slice}>
        <StableTable labels={labels} showVM={showVM} hasActions={!!actions} />
      </SliceContext.Provider>
    </div>
  );
};

/** Memoized: a keystroke that leaves the same rows (useSameRows) does not render the table. */
export const InterfaceTable = memo(InterfaceTableView);
