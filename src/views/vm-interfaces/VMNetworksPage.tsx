import { useCallback, useDeferredValue, useMemo, type FC, type ReactNode } from 'react';
import { EmptyState, EmptyStateBody, PageSection, Skeleton, Title } from '@patternfly/react-core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import { countVMs, searchRowsCached } from '../../domain/interfaces/search';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { LoadError } from '../../components/LoadError';
import { NS } from '../../i18n/ns';
import { FilteredEmpty } from '../../components/FilteredEmpty';
import { InterfaceTable } from './InterfaceTable';
import { InterfaceToolbar } from './InterfaceToolbar';
import { ManageColumns } from './ManageColumns';
import { useHiddenColumns, type ColumnId } from './columnPrefs';
import { useDebouncedUrlValue, useRowFilters, type FilterState } from './useRowFilters';
import { useSameRows, useSearchIndexWhenIdle, useVMNetworkRows } from './useVMNetworkRows';
import { useInterfaceActions } from './useInterfaceActions';
import { withPluginQueries } from '../../k8s/PluginQueries';
import { duplicateMacs } from '../../domain/reach/mac';
import { DuplicateMacContext } from '../reach/DuplicateMac';
import { MacPoolSummary } from '../reach/MacPoolSummary';

/** Rows here also lead to each VM's "Reach this VM" card. */
const REACH_ACTIONS = { reach: true };

/** Every VM's interfaces in the namespaces the user can read (or one namespace: /vm-networks/ns/:ns). */
const VMNetworksPage: FC = () => {
  const { t } = useTranslation(NS);
  const { ns } = useParams();
  const { rows, vms, vmis, nads, loaded, error, connections } = useVMNetworkRows(ns);
  useSearchIndexWhenIdle(rows);
  const [filters, setFilters, clearFilters] = useRowFilters();
  // What no row needs for its first paint (the duplicate-MAC badges, the filter menus' options, the MAC pool
  // summary) is computed from these: the same rows, a render later (React defers it past the rows' paint). At
  // 25,000 VMs × 4 it was half of what the first load did besides building the rows (bench/vm-networks).
  const settledRows = useDeferredValue(rows);
  // MACs another VM also uses (#15): a badge on those rows, and the "Duplicate MAC" filter (which waits for none).
  const macSource = filters.duplicateMac ? rows : settledRows;
  const dups = useMemo(() => duplicateMacs(macSource), [macSource]);
  const namespacesShown = useMemo(() => [...new Set(settledRows.map((r) => r.namespace))], [settledRows]);
  const { actions, modal } = useInterfaceActions(vms, vmis, nads, rows, undefined, REACH_ACTIONS);
  const [hiddenColumns, setHiddenColumns] = useHiddenColumns('vm-networks');

  /** What shows instead of the table while there are no rows to search. */
  const status = (): ReactNode => {
    if (error)
      return (
        <LoadError
          error={error}
          title={t('Could not load virtual machines')}
          onRetry={() => connections.forEach((c) => c.retry())}
        />
      );
    if (!loaded) return <Skeleton height="300px" screenreaderText={t('Loading virtual machines')} />;
    if (rows.length === 0)
      return (
        <EmptyState titleText={t('No virtual machines')} headingLevel="h2" data-test="empty-vms">
          <EmptyStateBody>
            {ns
              ? t('There are no virtual machines in namespace {{ns}}.', { ns })
              : t('There are no virtual machines in the namespaces you can read.')}
          </EmptyStateBody>
        </EmptyState>
      );
    return null;
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('VM networks')}</Title>
      </PageSection>
      <PageSection>
        <ConnectionBanner connections={connections} />
        {loaded && namespacesShown.length > 0 && <MacPoolSummary namespaces={namespacesShown} />}
        <SearchedInterfaces
          rows={rows}
          optionRows={settledRows}
          filters={filters}
          setFilters={setFilters}
          clearFilters={clearFilters}
          dups={dups}
          showNamespace={!ns}
          loaded={loaded}
          status={status()}
          actions={actions}
          hidden={hiddenColumns}
          columnPicker={<ManageColumns page="vm-networks" hidden={hiddenColumns} onSave={setHiddenColumns} />}
        />
      </PageSection>
      {modal}
    </>
  );
};

type SearchedProps = {
  rows: InterfaceRow[];
  /** The rows the filter menus offer values of (the deferred rows). */
  optionRows: readonly InterfaceRow[];
  filters: FilterState;
  setFilters: (patch: Partial<FilterState>) => void;
  clearFilters: () => void;
  dups: ReadonlyMap<string, string[]>;
  showNamespace: boolean;
  loaded: boolean;
  /** Shown instead of the table (loading, error, no VMs); null when there are rows. */
  status: ReactNode;
  actions: (row: InterfaceRow) => ReactNode;
  hidden: ReadonlySet<ColumnId>;
  columnPicker: ReactNode;
};

/**
 * The toolbar and the table: the part of the page a keystroke changes. The search text is its own state (the URL
 * follows after a pause), so typing renders this and not the page above it, whose watches, access reviews and
 * MAC pool summary do not depend on it. Filtering runs in the keystroke's own render: the search index and the
 * row memo make it cheap enough to paint the table with the character (filtering in a transition instead cost a
 * frame more, bench/vm-networks).
 */
const SearchedInterfaces: FC<SearchedProps> = ({
  rows,
  optionRows,
  filters,
  setFilters,
  clearFilters,
  dups,
  showNamespace,
  loaded,
  status,
  actions,
  hidden,
  columnPicker,
}) => {
  const { t } = useTranslation(NS);
  const [search, setSearch] = useDebouncedUrlValue(filters.search, (v) => setFilters({ search: v }));
  const clearAll = useCallback(() => {
    setSearch('');
    clearFilters();
  }, [setSearch, clearFilters]);
  const query = useMemo(() => ({ ...filters, search }), [filters, search]);
  const result = useSameRows(
    useMemo(() => {
      const r = searchRowsCached(rows, query);
      if (!query.duplicateMac) return r;
      const only = r.rows.filter((row) => dups.has(row.id));
      return { rows: only, vms: countVMs(only) };
    }, [rows, query, dups]),
  );
  const { rows: visible, vms: vmCount, lines } = result;

  const body = () => {
    if (status) return status;
    if (visible.length === 0)
      return (
        <FilteredEmpty
          title={t('No interfaces match the filters')}
          onClear={clearAll}
          testId="empty-filtered"
        />
      );
    return (
      <DuplicateMacContext.Provider value={dups}>
        <InterfaceTable rows={visible} showVM hidden={hidden} actions={actions} lines={lines} />
      </DuplicateMacContext.Provider>
    );
  };

  return (
    <>
      <InterfaceToolbar
        rows={optionRows}
        filters={filters}
        onChange={setFilters}
        onClear={clearAll}
        search={search}
        onSearch={setSearch}
        showNamespace={showNamespace}
        columnPicker={columnPicker}
        summary={
          loaded
            ? t('{{interfaces}} on {{vms}}', {
                interfaces:
                  visible.length === 1 ? t('1 interface') : t('{{n}} interfaces', { n: visible.length }),
                vms: vmCount === 1 ? t('1 VM') : t('{{n}} VMs', { n: vmCount }),
              })
            : ''
        }
      />
      {body()}
    </>
  );
};

export default withPluginQueries(VMNetworksPage);
