/**
 * The columns of the interface tables, as data: one entry per column with its id, title, width, where it is shown
 * (the VM networks page, a VM's own tab), whether the user may hide it, and how its cell renders. The header and
 * the rows both read this array, so the column list and the cells cannot drift apart. Which columns a user hid
 * is kept in localStorage per page (columnPrefs.ts); the console's tables do the same with their "Manage columns"
 * dialog (openshift/console `ColumnManagementModal`).
 */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { css } from '@patternfly/react-styles';
import styles from '@patternfly/react-styles/css/components/Table/table';
import scroll from '@patternfly/react-styles/css/components/Table/table-scrollable';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import { MacCell } from '../reach/DuplicateMac';
import { BindingCell, FlagsCell, IpsCell, LinkCell, NetworkCell, RouteLink, type CellTexts } from './cells';
import { vmPath } from './links';
import type { ColumnId, TablePage } from './columnPrefs';

export type { ColumnId, TablePage } from './columnPrefs';

/** What a cell renders from. */
export type CellArgs = {
  row: InterfaceRow;
  /** First interface of its VM. */
  first: boolean;
  text: CellTexts;
  /** Router base of the links' hrefs (useRouteClicks). */
  base: string;
};

export type InterfaceColumn = {
  id: ColumnId;
  title: (t: TFunction) => string;
  /** Least width of the column, when it needs one (the sticky VM column). */
  minWidth?: string;
  /** Stays in view when the table scrolls sideways. */
  sticky?: boolean;
  /** The pages that show it. */
  pages: readonly TablePage[];
  /** Whether "Manage columns" may hide it: the columns that say which row it is may not. */
  hideable: boolean;
  /** The td's classes (PatternFly's table cell, plus ours). */
  cellClass: (args: CellArgs) => string;
  cellTestId?: (row: InterfaceRow) => string;
  cell: (args: CellArgs) => ReactNode;
};

const NOWRAP = css(styles.tableTd, 'vmnet-table__nowrap');

/** The sticky first (VM) cell: PatternFly's sticky-column classes, as its Td renders them. */
const STICKY_VM = css(
  styles.tableTd,
  scroll.tableStickyCell,
  scroll.modifiers.left,
  scroll.modifiers.borderRight,
  'vmnet-table__vm',
);

const BOTH: readonly TablePage[] = ['vm-networks', 'vm-tab'];

export const INTERFACE_COLUMNS: readonly InterfaceColumn[] = [
  {
    id: 'vm',
    title: (t) => t('VM'),
    minWidth: '8rem',
    sticky: true,
    pages: ['vm-networks'],
    hideable: false,
    cellClass: ({ first }) => css(STICKY_VM, !first && 'vmnet-table__vm--repeat'),
    cell: ({ row, first, base }) => (
      <>
        <span className="vmnet-table__line" title={row.vmName}>
          <RouteLink to={vmPath(row.namespace, row.vmName)} base={base}>
            {row.vmName}
          </RouteLink>
        </span>
        <span className="vmnet-table__line vmnet-table__muted" title={row.namespace}>
          {row.namespace}
          {first && row.runState.status && ` · ${row.runState.status}`}
        </span>
      </>
    ),
  },
  {
    id: 'iface',
    title: (t) => t('Interface'),
    pages: BOTH,
    hideable: false,
    cellClass: () => styles.tableTd,
    cell: ({ row }) => (
      <span className="vmnet-table__line" title={row.name}>
        {row.name}
      </span>
    ),
  },
  {
    id: 'net',
    title: (t) => t('Network'),
    pages: BOTH,
    hideable: true,
    cellClass: () => styles.tableTd,
    cell: ({ row, text, base }) => <NetworkCell row={row} text={text} base={base} />,
  },
  {
    id: 'binding',
    title: (t) => t('Binding, model'),
    pages: BOTH,
    hideable: true,
    cellClass: () => NOWRAP,
    cell: ({ row }) => <BindingCell row={row} />,
  },
  {
    id: 'mac',
    title: (t) => t('MAC address'),
    pages: BOTH,
    hideable: true,
    cellClass: () => NOWRAP,
    cellTestId: (row) => `iface-${row.name}-mac`,
    cell: ({ row }) => <MacCell row={row} />,
  },
  {
    id: 'ips',
    title: (t) => t('IP addresses'),
    pages: BOTH,
    hideable: true,
    cellClass: () => styles.tableTd,
    cell: ({ row, text }) => <IpsCell row={row} text={text} />,
  },
  {
    id: 'link',
    title: (t) => t('Link'),
    pages: BOTH,
    hideable: true,
    cellClass: () => NOWRAP,
    cell: ({ row, text }) => <LinkCell row={row} text={text} />,
  },
  {
    id: 'pending',
    title: (t) => t('Pending'),
    pages: BOTH,
    hideable: true,
    cellClass: () => styles.tableTd,
    cell: ({ row, text }) => <FlagsCell row={row} text={text} />,
  },
];

/** The columns a page shows, in order, without the ones the user hid. */
export const visibleColumns = (
  page: TablePage,
  hidden: ReadonlySet<ColumnId>,
  columns: readonly InterfaceColumn[] = INTERFACE_COLUMNS,
): InterfaceColumn[] => columns.filter((c) => c.pages.includes(page) && !(c.hideable && hidden.has(c.id)));
