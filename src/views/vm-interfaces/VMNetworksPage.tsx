import { useCallback, useMemo, type FC } from 'react';
import { EmptyState, EmptyStateBody, PageSection, Skeleton, Title } from '@patternfly/react-core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countVMs, searchRowsCached } from '../../domain/interfaces/search';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { LoadError } from '../../components/LoadError';
import { NS } from '../../i18n/ns';
import { FilteredEmpty } from '../../components/FilteredEmpty';
import { InterfaceTable } from './InterfaceTable';
import { InterfaceToolbar } from './InterfaceToolbar';
import { ManageColumns } from './ManageColumns';
import { useHiddenColumns } from './columnPrefs';
import { useDebouncedUrlValue, useRowFilters } from './useRowFilters';
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
  // The search text is local state (the URL follows after a pause). Filtering runs in the keystroke's own render:
  // the search index and the row memo make it cheap enough to paint the table with the character
  // (bench/vm-networks: p95 37 ms; filtering in a transition instead cost a frame more, p95 55 ms).
  const [search, setSearch] = useDebouncedUrlValue(filters.search, (v) => setFilters({ search: v }));
  const clearAll = useCallback(() => {
    setSearch('');
    clearFilters();
  }, [setSearch, clearFilters]);
  const query = useMemo(() => ({ ...filters, search }), [filters, search]);
  // MACs another VM also uses (#15): a badge on those rows, and the "Duplicate MAC" filter.
  const dups = useMemo(() => duplicateMacs(rows), [rows]);
  const result = useSameRows(
    useMemo(() => {
      const r = searchRowsCached(rows, query);
      if (!query.duplicateMac) return r;
      const only = r.rows.filter((row) => dups.has(row.id));
      return { rows: only, vms: countVMs(only) };
    }, [rows, query, dups]),
  );
  const namespacesShown = useMemo(() => [...new Set(rows.map((r) => r.namespace))], [rows]);
  const { rows: visible, vms: vmCount, lines } = result;
  const { actions, modal } = useInterfaceActions(vms, vmis, nads, rows, undefined, REACH_ACTIONS);
  const [hiddenColumns, setHiddenColumns] = useHiddenColumns('vm-networks');

  const body = () => {
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
        <InterfaceTable rows={visible} showVM hidden={hiddenColumns} actions={actions} lines={lines} />
      </DuplicateMacContext.Provider>
    );
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('VM networks')}</Title>
      </PageSection>
      <PageSection>
        <ConnectionBanner connections={connections} />
        {loaded && <MacPoolSummary namespaces={namespacesShown} />}
        <InterfaceToolbar
          rows={rows}
          filters={filters}
          onChange={setFilters}
          onClear={clearAll}
          search={search}
          onSearch={setSearch}
          showNamespace={!ns}
          columnPicker={<ManageColumns page="vm-networks" hidden={hiddenColumns} onSave={setHiddenColumns} />}
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
      </PageSection>
      {modal}
    </>
  );
};

export default withPluginQueries(VMNetworksPage);
