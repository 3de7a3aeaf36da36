/**
 * The topology bench page. `?mode=ours` renders the real TopologyCanvas (React, i18n of shell/i18n.ts, the page's
 * translated labels) with the view of `buildDefaultView` (as the page builds it unfiltered) → `layoutGraph`; `?mode=floor` gives
 * the same nodes and edges (ids, ends) to plain cytoscape at grid positions with a minimal style, in one batch.
 * `&vms=` sizes the data (manyTopology: 20 nodes, 50 namespaces, about 200 networks), `&view=default` groups
 * namespaces above the page's GROUP_THRESHOLD, `&view=expanded` expands every namespace. Data generation (and
 * the floor's element list) happen before start() and are not timed.
 */
import '@patternfly/react-core/dist/styles/base.css';
import '../../shell/i18n';
import type { FC } from 'react';
import { createRoot } from 'react-dom/client';
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { manyTopology } from '../../src/domain/testing/topology';
import { buildDefaultView, buildTopologyGraph } from '../../src/domain/topology/build';
import { layoutGraph, type Positions } from '../../src/domain/topology/layout';
import type { TopologyGraph } from '../../src/domain/topology/types';
import { viewGraph } from '../../src/domain/topology/view';
import { TopologyCanvas } from '../../src/views/topology/TopologyCanvas';
import { GROUP_THRESHOLD } from '../../src/views/topology/TopologyPage';
import { useTopologyText } from '../../src/views/topology/useTopologyText';
import { FLOOR_STYLE } from './floorStyle';
import { cyOf, firstPaint, firstPaintIn, installProbe, type LoadResult } from './probe';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'ours';
const vms = Number(params.get('vms') ?? 5000);
const expandAll = params.get('view') === 'expanded';
/** Diagnostic: the floor keeps the compound parents (namespace and node boxes) of the view. */
const floorParents = params.get('parents') === '1';
const CANVAS = '[data-test="topology-canvas"]';

const input = manyTopology(vms, 20, 50);
const expanded = new Set(expandAll ? input.namespaces.map((n) => n.metadata.name) : []);
const rootEl = document.getElementById('root') as HTMLElement;
/** Kept reachable for the whole load, as the page keeps its lists. */
const kept: {
  input: typeof input;
  view?: TopologyGraph;
  floor?: ElementDefinition[];
} = {
  input,
};

/** The canvas as TopologyPage mounts it: the page's translated labels and descriptions. */
const Ours: FC<{ graph: TopologyGraph; positions: Positions }> = ({ graph, positions }) => {
  const text = useTopologyText();
  return (
    <TopologyCanvas
      graph={graph}
      positions={positions}
      nodeLabel={text.nodeLabel}
      onSelect={() => undefined}
      onHover={() => undefined}
      describe={text.describe}
      ariaLabel="Network topology"
    />
  );
};

const startOurs = async (): Promise<LoadResult> => {
  const t0 = performance.now();
  // As the page does unfiltered: the view straight from the lists (the full graph only for filters).
  const view = buildDefaultView(input, GROUP_THRESHOLD, expanded);
  const t1 = performance.now();
  const positions = layoutGraph(view);
  const t2 = performance.now();
  kept.view = view;
  const painted = firstPaintIn(rootEl, CANVAS);
  createRoot(rootEl).render(<Ours graph={view} positions={positions} />);
  const t3 = await painted;
  const cy = cyOf(rootEl.querySelector(CANVAS))!;
  return {
    build: t1 - t0,
    viewLayout: t2 - t1,
    paint: t3 - t0,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
  };
};

/**
 * The floor's elements: the view's node ids on a square grid (no parents unless `&parents=1`), its edges' ids and
 * ends.
 */
const floorElements = (): ElementDefinition[] => {
  const view = viewGraph(buildTopologyGraph(input), { threshold: GROUP_THRESHOLD, expanded });
  kept.view = view;
  const cols = Math.ceil(Math.sqrt(view.nodes.length));
  return [
    ...view.nodes.map((n, i) => ({
      group: 'nodes' as const,
      data: { id: n.id, parent: floorParents ? n.parent : undefined },
      position: { x: (i % cols) * 60, y: Math.floor(i / cols) * 60 },
    })),
    ...view.edges.map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target },
    })),
  ];
};

const startFloor = async (): Promise<LoadResult> => {
  const defs = kept.floor!;
  const t0 = performance.now();
  const container = document.createElement('div');
  // The same box as ours (topology.css, imported with TopologyCanvas).
  container.className = 'vm-network-topology__canvas';
  container.dataset.test = 'topology-canvas';
  rootEl.append(container);
  const cy = cytoscape({
    container,
    layout: { name: 'preset' },
    style: FLOOR_STYLE,
  });
  const painted = firstPaint(cy);
  cy.batch(() => cy.add(defs));
  cy.fit(undefined, 30);
  const t1 = await painted;
  return { build: NaN, viewLayout: NaN, paint: t1 - t0, nodes: cy.nodes().length, edges: cy.edges().length };
};

/**
 * Text in the console's body font, drawn before start() on both sides, as the console's masthead, navigation and
 * the page's own title are before the topology's data arrives. The first text a page lays out or measures in a
 * font pays that font's setup (here about 145 ms of the first canvas `measureText`, in cytoscape's
 * `calculateLabelDimensions`), which the topology page never pays inside the console. The floor draws no text.
 */
const pageText = async () => {
  const title = document.createElement('h1');
  title.textContent = 'Network topology';
  title.style.fontWeight = 'bold';
  const line = document.createElement('p');
  line.textContent = 'Namespaces, networks and nodes';
  document.body.prepend(title, line);
  await document.fonts.ready;
  return title.offsetWidth + line.offsetWidth;
};

if (mode === 'floor') kept.floor = floorElements();
void pageText().then(() => {
  installProbe(mode === 'floor' ? startFloor : startOurs, () => cyOf(rootEl.querySelector(CANVAS))).ready =
    true;
});
