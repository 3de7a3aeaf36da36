/**
 * Which interface-table columns a user hid, per page, kept in the browser's localStorage (as the console keeps its
 * table column choices when user settings are not available). What is read back is hostile input like any
 * stored text: only known column ids are taken, anything else is ignored.
 */
import { useCallback, useState } from 'react';

/** Every column id of the interface tables (columns.tsx holds the columns themselves). */
export const COLUMN_IDS = ['vm', 'iface', 'net', 'binding', 'mac', 'ips', 'link', 'pending'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** The VM networks page (every VM) and a VM's own Network interfaces tab. */
export type TablePage = 'vm-networks' | 'vm-tab';

export const columnsStorageKey = (page: TablePage): string => `vm-network-console-plugin/columns/${page}`;

const isColumnId = (v: unknown): v is ColumnId =>
  typeof v === 'string' && (COLUMN_IDS as readonly string[]).includes(v);

/** The hidden columns stored as `{"hidden": [...]}`; anything unreadable is "none hidden". */
export const parseHiddenColumns = (stored: string | null): ReadonlySet<ColumnId> => {
  if (!stored) return new Set();
  try {
    const value: unknown = JSON.parse(stored);
    const hidden =
      value !== null && typeof value === 'object' && 'hidden' in value && Array.isArray(value.hidden)
        ? (value.hidden as unknown[])
        : [];
    return new Set(hidden.filter(isColumnId));
  } catch {
    return new Set();
  }
};

export const serializeHiddenColumns = (hidden: ReadonlySet<ColumnId>): string =>
  JSON.stringify({ hidden: COLUMN_IDS.filter((id) => hidden.has(id)) });

const read = (page: TablePage): ReadonlySet<ColumnId> => {
  try {
    return parseHiddenColumns(globalThis.localStorage?.getItem(columnsStorageKey(page)) ?? null);
  } catch {
    return new Set(); // storage disabled by the browser
  }
};

/** The hidden columns of a page and a setter that also stores them. */
export const useHiddenColumns = (
  page: TablePage,
): [ReadonlySet<ColumnId>, (hidden: ReadonlySet<ColumnId>) => void] => {
  const [hidden, setHidden] = useState(() => read(page));
  const save = useCallback(
    (next: ReadonlySet<ColumnId>) => {
      setHidden(next);
      try {
        globalThis.localStorage?.setItem(columnsStorageKey(page), serializeHiddenColumns(next));
      } catch {
        // storage full or disabled: the choice holds for this visit only
      }
    },
    [page],
  );
  return [hidden, save];
};
