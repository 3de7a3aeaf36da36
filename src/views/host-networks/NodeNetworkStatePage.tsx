/**
 * Networking → Node network state: every interface nmstate reports on every node (NodeNetworkState), filtered by
 * node, type and state, searched by name, MAC or IP; each interface links to its place on the topology graph.
 * The rules live in src/domain/hostnetworks/nodeState.ts.
 */
import { useMemo, type FC } from 'react';
import {
  EmptyState,
  EmptyStateBody,
  PageSection,
  SearchInput,
  Skeleton,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { LoadError } from '../../components/LoadError';
import { MultiSelectFilter } from '../../components/MultiSelectFilter';
import { distinct, filterRows, nodeStateRows } from '../../domain/hostnetworks/nodeState';
import type { NodeNetworkState } from '../../domain/kube/networks';
import { NS } from '../../i18n/ns';
import { FilteredEmpty } from '../../components/FilteredEmpty';
import { NodeNetworkStateModel, type K8sModel } from '../../k8s/models';
import { withPluginQueries } from '../../k8s/PluginQueries';
import { useWatchResources } from '../../k8s/useWatchResources';
import { useDebouncedUrlValue } from '../vm-interfaces/useRowFilters';
import { AdminOnly } from './AdminOnly';
import { HostInterfaceTable } from './HostInterfaceTable';
import { useHostFilters } from './useHostFilters';

const NodeNetworkStatePage: FC = () => {
  const { t } = useTranslation(NS);
  const nnses = useWatchResources(NodeNetworkStateModel as K8sModel<NodeNetworkState>);
  const [filters, setFilters] = useHostFilters();
  const [search, setSearch] = useDebouncedUrlValue(filters.search, (v) => setFilters({ search: v }));
  const rows = useMemo(() => nodeStateRows(nnses.data), [nnses.data]);
  const visible = useMemo(() => filterRows(rows, { ...filters, search }), [rows, filters, search]);
  // Once per list, not per keystroke: each is a pass over every row.
  const choices = useMemo(() => {
    const of = (field: 'node' | 'type' | 'state') =>
      distinct(rows, field).map((v) => ({ value: v, label: v }));
    return { node: of('node'), type: of('type'), state: of('state') };
  }, [rows]);
  const options = (field: 'node' | 'type' | 'state') => choices[field];
  const clear = () => {
    setSearch('');
    setFilters({ nodes: [], types: [], states: [], search: '' });
  };

  const body = () => {
    if (nnses.error?.kind === 'forbidden') return <AdminOnly error={nnses.error} />;
    if (nnses.error)
      return (
        <LoadError
          error={nnses.error}
          title={t('Could not load node network state')}
          onRetry={nnses.connection.retry}
        />
      );
    if (!nnses.loaded) return <Skeleton height="300px" screenreaderText={t('Loading node network state')} />;
    if (rows.length === 0)
      return (
        <EmptyState titleText={t('No node network state')} headingLevel="h2" data-test="hostnet-empty">
          <EmptyStateBody>
            {t('No node reports its network state. Is the Kubernetes NMState operator installed?')}
          </EmptyStateBody>
        </EmptyState>
      );
    if (visible.length === 0)
      return (
        <FilteredEmpty title={t('No interfaces match the filters')} onClear={clear} testId="empty-filtered" />
      );
    return <HostInterfaceTable rows={visible} />;
  };

  const nodes = new Set(visible.map((r) => r.node)).size;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Node network state')}</Title>
      </PageSection>
      <PageSection>
        <ConnectionBanner connections={[nnses.connection]} />
        <Toolbar clearAllFilters={clear}>
          <ToolbarContent>
            <ToolbarItem>
              <SearchInput
                aria-label={t('Find an interface by name, MAC or IP')}
                placeholder={t('Name, MAC or IP')}
                value={search}
                onChange={(_e, v) => setSearch(v)}
                onClear={() => setSearch('')}
                data-test="hostnet-search"
              />
            </ToolbarItem>
            <ToolbarItem>
              <MultiSelectFilter
                label={t('Node')}
                options={options('node')}
                selected={filters.nodes}
                onChange={(nodes) => setFilters({ nodes })}
                testId="hostnet-filter-node"
              />
            </ToolbarItem>
            <ToolbarItem>
              <MultiSelectFilter
                label={t('Type')}
                options={options('type')}
                selected={filters.types}
                onChange={(types) => setFilters({ types })}
                testId="hostnet-filter-type"
              />
            </ToolbarItem>
            <ToolbarItem>
              <MultiSelectFilter
                label={t('State')}
                options={options('state')}
                selected={filters.states}
                onChange={(states) => setFilters({ states })}
                testId="hostnet-filter-state"
              />
            </ToolbarItem>
            {nnses.loaded && !nnses.error && (
              <ToolbarItem alignSelf="center" data-test="hostnet-summary">
                {t('{{interfaces}} on {{nodes}}', {
                  interfaces:
                    visible.length === 1 ? t('1 interface') : t('{{n}} interfaces', { n: visible.length }),
                  nodes: nodes === 1 ? t('1 node') : t('{{n}} nodes', { n: nodes }),
                })}
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        {body()}
      </PageSection>
    </>
  );
};

export default withPluginQueries(NodeNetworkStatePage);
