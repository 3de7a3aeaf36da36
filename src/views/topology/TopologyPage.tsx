/**
 * Networking → Network topology: every VM the user can read, its networks and the underlay they ride on, in one
 * live graph, with the problems drawn where they are. The page wires data (useTopologyData), the pure domain
 * (build → view → layout) and the canvas; every rule lives in domain/topology.
 */
import { useCallback, useDeferredValue, useMemo, useRef, useState, type FC } from 'react';
import {
  Alert,
  Button,
  Drawer,
  DrawerContent,
  DrawerContentBody,
  DrawerPanelContent,
  EmptyState,
  EmptyStateBody,
  PageSection,
  SearchInput,
  Skeleton,
  Title,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { ExpandIcon, SearchMinusIcon, SearchPlusIcon, DownloadIcon } from '@patternfly/react-icons';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import { FilteredEmpty } from '../../components/FilteredEmpty';
import { withPluginQueries } from '../../k8s/PluginQueries';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { LoadError } from '../../components/LoadError';
import { MultiSelectFilter } from '../../components/MultiSelectFilter';
import { buildDefaultView, buildTopologyGraph } from '../../domain/topology/build';
import type { TopologyGraph } from '../../domain/topology/types';
import { keepPositions, layoutGraph, type Positions } from '../../domain/topology/layout';
import { countVMs, highlightFrom, searchGraph, viewGraph } from '../../domain/topology/view';
import { overlayHighlight } from '../../domain/hostnetworks/overlay';
import { TopologyCanvas, type CanvasHandle, type HoverInfo } from './TopologyCanvas';
import { TopologyDetails } from './TopologyDetails';
import { TopologyLegend } from './TopologyLegend';
import { TopologyTable } from './TopologyTable';
import { FLAVORS } from './style';
import { useTopologyData } from './useTopologyData';
import { useTopologyState } from './useTopologyState';
import { useTopologyText } from './useTopologyText';

/** A namespace with more VMs than this is drawn as one group until the user expands it. */
export const GROUP_THRESHOLD = 40;

const TopologyPage: FC = () => {
  const { t } = useTranslation(NS);
  const { ns } = useParams();
  const data = useTopologyData(ns);
  const [state, setState] = useTopologyState();
  const text = useTopologyText();
  const canvas = useRef<CanvasHandle>(null);
  const [hover, setHover] = useState<HoverInfo>();

  const unfiltered = !state.namespaces.length && !state.flavors.length && !state.nodes.length;
  // The full graph only when a filter needs it: unfiltered, the view is built straight from the lists
  // (buildDefaultView: the same view, without the objects of the VMs that sit in groups).
  const filteredGraph = useMemo(
    () => (unfiltered ? undefined : buildTopologyGraph(data.input)),
    [data.input, unfiltered],
  );
  const expanded = useMemo(() => new Set(state.expanded), [state.expanded]);
  const optionsKey = JSON.stringify([state.namespaces, state.flavors, state.nodes, state.expanded]);
  const view = useMemo(
    () =>
      filteredGraph
        ? viewGraph(filteredGraph, {
            namespaces: state.namespaces,
            flavors: state.flavors,
            nodes: state.nodes,
            threshold: GROUP_THRESHOLD,
            expanded,
          })
        : buildDefaultView(data.input, GROUP_THRESHOLD, expanded),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionsKey is the value identity of the filters
    [filteredGraph, data.input, optionsKey],
  );
  // Every namespace, node, network and VM (a VM in a group counts there): the full graph, or the unfiltered view.
  const everything = filteredGraph ?? view;
  // Search of VMs hidden in groups needs the full graph: built on the first search, once per data.
  const full = useRef<{ input: typeof data.input; graph: TopologyGraph }>();
  const fullGraph = () => {
    if (filteredGraph) return filteredGraph;
    if (full.current?.input !== data.input)
      full.current = { input: data.input, graph: buildTopologyGraph(data.input) };
    return full.current.graph;
  };
  // Live updates keep what is on screen in place; a new filter or an expanded group lays out afresh.
  const last = useRef<{ key: string; positions: Positions }>();
  const positions = useMemo(() => {
    // A namespace or node box that appears or goes (a list that loaded late, a new namespace) re-lays the shelves.
    const boxes = view.nodes
      .filter((n) => n.kind === 'Namespace' || n.kind === 'Node')
      .map((n) => n.id)
      .join(' ');
    const key = `${optionsKey}\n${boxes}`;
    const fresh = layoutGraph(view);
    const kept = last.current?.key === key ? keepPositions(fresh, last.current.positions) : fresh;
    last.current = { key, positions: kept };
    return kept;
  }, [view, optionsKey]);

  const search = useDeferredValue(state.search);
  const matches = useMemo(() => searchGraph(view, search), [view, search]);
  const selectedNode = view.nodes.find((n) => n.id === state.selected);

  const focusId = state.selected || matches[0] || '';
  // An overlay from another page (`hl` ids, e.g. a draft NNCP's blast radius, #16) when nothing is focused.
  const [params] = useSearchParams();
  const overlayKey = params.getAll('hl').join('\n');
  const overlay = useMemo(
    () => (overlayKey ? overlayHighlight(view, overlayKey.split('\n')) : undefined),
    [view, overlayKey],
  );
  const highlight = useMemo(
    () => (focusId ? highlightFrom(view, focusId) : overlay),
    [view, focusId, overlay],
  );
  // The highlighted path in words, for screen readers (the canvas itself is one image to them).
  const pathText = useMemo(() => {
    const focus = view.nodes.find((n) => n.id === focusId);
    if (!highlight || !focus) return '';
    const byId = new Map(view.nodes.map((n) => [n.id, n]));
    const names = [...highlight.nodes]
      .filter((id) => id !== focusId)
      .map((id) => byId.get(id))
      .filter((n) => n !== undefined)
      .map(
        (n) =>
          `${text.kind(n.kind)} ${text.nodeLabel(n)}${n.node && n.kind !== 'VirtualMachine' ? ` (${n.node})` : ''}`,
      );
    return t('Highlighted from {{element}}: {{path}}', {
      element: text.describe(focus),
      path: names.join(', '),
    });
  }, [highlight, focusId, view, text, t]);

  const select = useCallback(
    (id: string) => {
      const node = view.nodes.find((n) => n.id === id);
      // A group opens into its VMs; anything else opens the side panel.
      if (node?.kind === 'VMGroup' && node.namespace) {
        setState({ expanded: [...state.expanded, node.namespace], selected: '' });
        return;
      }
      setState({ selected: id });
    },
    [view, state.expanded, setState],
  );
  const onSearch = (value: string) => {
    // A VM hidden in a group is searched in the full graph: its namespace opens so it can be shown.
    const graph = value.trim() ? fullGraph() : undefined;
    const hidden = graph && searchGraph(graph, value, 1)[0];
    const vm = hidden ? graph.nodes.find((n) => n.id === hidden) : undefined;
    const open =
      vm?.kind === 'VirtualMachine' && vm.namespace && !view.nodes.some((n) => n.id === vm.id)
        ? [...state.expanded, vm.namespace]
        : state.expanded;
    setState({ search: value, selected: '', expanded: [...new Set(open)] });
  };

  const exportPng = async () => {
    const blob = await canvas.current?.png();
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'network-topology.png';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const namespaces = useMemo(
    () =>
      everything.nodes.filter((n) => n.kind === 'Namespace').map((n) => ({ value: n.name, label: n.name })),
    [everything],
  );
  const nodeNames = useMemo(
    () => everything.nodes.filter((n) => n.kind === 'Node').map((n) => ({ value: n.name, label: n.name })),
    [everything],
  );
  const filtered = !unfiltered || !!state.search;
  const clear = () => setState({ namespaces: [], flavors: [], nodes: [], search: '', selected: '' });
  const vmCount = countVMs(everything);

  const toolbar = (
    <Toolbar clearAllFilters={clear} collapseListedFiltersBreakpoint="xl" data-test="topology-toolbar">
      <ToolbarContent>
        <ToolbarGroup variant="filter-group">
          {!ns && (
            <ToolbarItem>
              <MultiSelectFilter
                label={t('Namespace')}
                options={namespaces}
                selected={state.namespaces}
                onChange={(v) => setState({ namespaces: v, selected: '' })}
                testId="filter-namespace"
              />
            </ToolbarItem>
          )}
          <ToolbarItem>
            <MultiSelectFilter
              label={t('Network kind')}
              options={FLAVORS.map((f) => ({ value: f, label: text.flavor(f) }))}
              selected={state.flavors}
              onChange={(v) => setState({ flavors: v as typeof state.flavors, selected: '' })}
              testId="filter-kind"
            />
          </ToolbarItem>
          {nodeNames.length > 0 && (
            <ToolbarItem>
              <MultiSelectFilter
                label={t('Node')}
                options={nodeNames}
                selected={state.nodes}
                onChange={(v) => setState({ nodes: v, selected: '' })}
                testId="filter-node"
              />
            </ToolbarItem>
          )}
          <ToolbarItem>
            <SearchInput
              aria-label={t('Find a VM or a network')}
              placeholder={t('Find a VM, a network or an IP')}
              value={state.search}
              onChange={(_e, v) => onSearch(v)}
              onClear={() => onSearch('')}
              resultsCount={state.search ? matches.length : undefined}
              data-test="topology-search"
            />
          </ToolbarItem>
          {filtered && (
            <ToolbarItem>
              <Button variant="link" onClick={clear} data-test="topology-clear">
                {t('Clear filters')}
              </Button>
            </ToolbarItem>
          )}
        </ToolbarGroup>
        <ToolbarGroup align={{ default: 'alignEnd' }}>
          <ToolbarItem>
            <ToggleGroup aria-label={t('Show as')}>
              <ToggleGroupItem
                text={t('Graph')}
                isSelected={!state.table}
                onChange={() => setState({ table: false })}
                data-test="view-graph"
              />
              <ToggleGroupItem
                text={t('Table')}
                isSelected={state.table}
                onChange={() => setState({ table: true })}
                data-test="view-table"
              />
            </ToggleGroup>
          </ToolbarItem>
          {!state.table && (
            <>
              <ToolbarItem>
                <Button
                  variant="plain"
                  aria-label={t('Zoom in')}
                  onClick={() => canvas.current?.zoomBy(1.25)}
                  icon={<SearchPlusIcon />}
                />
                <Button
                  variant="plain"
                  aria-label={t('Zoom out')}
                  onClick={() => canvas.current?.zoomBy(0.8)}
                  icon={<SearchMinusIcon />}
                />
                <Button
                  variant="plain"
                  aria-label={highlight ? t('Fit the highlighted path') : t('Fit to screen')}
                  onClick={() => canvas.current?.fit()}
                  icon={<ExpandIcon />}
                />
              </ToolbarItem>
              <ToolbarItem>
                <Button
                  variant="secondary"
                  icon={<DownloadIcon />}
                  onClick={() => void exportPng()}
                  data-test="topology-png"
                >
                  {t('Export PNG')}
                </Button>
              </ToolbarItem>
            </>
          )}
        </ToolbarGroup>
      </ToolbarContent>
    </Toolbar>
  );

  const hovered =
    hover && (view.nodes.find((n) => n.id === hover.id) ?? view.edges.find((e) => e.id === hover.id));
  const body = () => {
    if (data.error)
      return (
        <LoadError
          error={data.error}
          title={t('Could not load virtual machines')}
          onRetry={() => data.connections.forEach((c) => c.retry())}
        />
      );
    if (!data.loaded) return <Skeleton height="420px" screenreaderText={t('Loading the network topology')} />;
    if (everything.nodes.length <= 1)
      return (
        <EmptyState titleText={t('No virtual machines yet')} headingLevel="h2" data-test="topology-empty">
          <EmptyStateBody>
            {t(
              'There are no virtual machines, networks or node network states you can read. Create a network, then attach VMs to it.',
            )}
          </EmptyStateBody>
        </EmptyState>
      );
    if (filtered && view.nodes.length === 0)
      return (
        <FilteredEmpty
          title={t('Nothing matches the filters')}
          onClear={clear}
          testId="topology-empty-filtered"
        />
      );
    if (state.table) return <TopologyTable graph={view} text={text} onSelect={select} />;
    return (
      <div className="vm-network-topology__stage">
        <TopologyCanvas
          ref={canvas}
          graph={view}
          positions={positions}
          highlight={highlight}
          selected={state.selected}
          center={matches[0]}
          nodeLabel={text.nodeLabel}
          onSelect={select}
          onHover={setHover}
          describe={text.describe}
          ariaLabel={t('Network topology: {{vms}} virtual machines, {{networks}} networks', {
            vms: vmCount,
            networks: everything.nodes.filter((n) => n.flavor).length,
          })}
        />
        {hover && hovered && (
          <div
            className="vm-network-topology__hover"
            role="tooltip"
            style={{ left: hover.x + 14, top: hover.y + 14 }}
            data-test="topology-hover"
          >
            <strong>{'details' in hovered ? text.describe(hovered) : hovered.label}</strong>
            {hovered.problems.length > 0 && (
              <ul>
                {hovered.problems.slice(0, 5).map((p, i) => (
                  <li key={i}>{text.problem(p)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <TopologyLegend text={text} />
        <div className="pf-v6-screen-reader" aria-live="polite" data-test="topology-path">
          {pathText}
        </div>
      </div>
    );
  };

  const panel = selectedNode ? (
    <DrawerPanelContent widths={{ default: 'width_33' }} minSize="320px" isResizable>
      <TopologyDetails
        node={selectedNode}
        graph={view}
        text={text}
        onClose={() => setState({ selected: '' })}
        onSelect={select}
        onExpand={(namespace) => setState({ expanded: [...state.expanded, namespace], selected: '' })}
      />
    </DrawerPanelContent>
  ) : undefined;

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Network topology')}</Title>
      </PageSection>
      <PageSection>
        <ConnectionBanner connections={data.connections} />
        {data.unreadable.length > 0 && (
          <Alert
            variant="info"
            isInline
            isPlain
            data-test="topology-unreadable"
            title={t(
              'Not shown because you may not list them: {{kinds}}. Checks that need them were skipped.',
              {
                kinds: data.unreadable.map((u) => u.model.label).join(', '),
              },
            )}
          />
        )}
        {overlay && !focusId && (
          <Alert
            variant="info"
            isInline
            isPlain
            data-test="topology-overlay"
            title={t('Highlighted: {{count}} elements the draft policy touches or that ride on them', {
              count: overlay.nodes.size,
            })}
          />
        )}
        {data.loaded && !data.error && vmCount === 0 && everything.nodes.length > 1 && (
          <Alert
            variant="info"
            isInline
            isPlain
            data-test="topology-no-vms"
            title={t(
              'No virtual machines yet in the namespaces you can read: the graph shows the networks and nodes.',
            )}
          />
        )}
        {toolbar}
        <Drawer isExpanded={!!panel} isInline position="end">
          <DrawerContent panelContent={panel}>
            <DrawerContentBody>{body()}</DrawerContentBody>
          </DrawerContent>
        </Drawer>
      </PageSection>
    </>
  );
};

export default withPluginQueries(TopologyPage);
