/**
 * The cytoscape canvas. It only draws: nodes, edges and positions come from the domain (graph, layout, view),
 * and are applied as a diff in one batch, so a watch event touches only what changed and nothing that stays
 * moves. Keyboard: Tab / Shift+Tab move between networks, Enter or Space opens the focused one, Escape clears,
 * + / - zoom, 0 fits.
 */
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import cytoscape, {
  type Collection,
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
} from 'cytoscape';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import type { Positions } from '../../domain/topology/layout';
import { worstSeverity } from '../../domain/topology/problems';
import type { GraphEdge, GraphNode, TopologyGraph } from '../../domain/topology/types';
import { isNetwork, isUnderlay, type Highlight } from '../../domain/topology/view';
import { withoutPressState } from './pressState';
import { buildStyle, LABEL_ZOOM, readTheme, type Theme } from './style';
import './topology.css';

export type CanvasHandle = {
  fit: () => void;
  zoomBy: (factor: number) => void;
  png: () => Promise<Blob>;
  focusElement: (id: string) => void;
};

export type HoverInfo = { id: string; x: number; y: number };

type Props = {
  graph: TopologyGraph;
  positions: Positions;
  highlight?: Highlight;
  selected?: string;
  /** Brought into view when it changes (the first search match), also on a canvas created later. */
  center?: string;
  /** Display label of a node (translated by the page). */
  nodeLabel: (n: GraphNode) => string;
  onSelect: (id: string) => void;
  onHover: (info: HoverInfo | undefined) => void;
  /** Announced to screen readers when keyboard focus moves to an element. */
  describe: (n: GraphNode) => string;
  ariaLabel: string;
};

/** Above this many elements, pan and zoom draw a texture of the graph, and the canvas draws at pixel ratio 1. */
const LARGE = 3000;
/**
 * Above this many elements, the labels of VMs, VM groups, underlay elements and edges are set only for what is in
 * view at a zoom that draws them (`labelVisible`). The default view of 100 VMs on 20 nodes already holds 1,300.
 */
const LAZY_LABELS = 500;

const lazyLabel = (n: GraphNode): boolean =>
  n.kind === 'VirtualMachine' || n.kind === 'VMGroup' || isUnderlay(n);

const nodeClasses = (n: GraphNode, lazy: boolean): string => {
  const c: string[] = [n.kind];
  // Small labels are drawn only when zoomed in far enough to read them: in a graph of some size they get their
  // label then (see `labelVisible`), not hundreds or thousands at once.
  c.push(lazy && lazyLabel(n) ? 'lazy' : 'labelled');
  if (isNetwork(n)) c.push('network', `f-${n.flavor ?? 'other'}`);
  if (isUnderlay(n)) c.push('underlay');
  if (n.nodes) c.push('shared');
  if (n.primary) c.push('primary');
  if (n.missing) c.push('missing');
  if (n.isolated) c.push('isolated');
  if (n.kind === 'VirtualMachine' && !n.node) c.push('stopped');
  const sev = worstSeverity(n.problems);
  if (sev === 'error' || sev === 'warning') c.push(sev);
  return c.join(' ');
};

const edgeClasses = (e: GraphEdge, lazy: boolean): string => {
  const c: string[] = [e.kind];
  if (e.pending) c.push('pending');
  if (e.kind === 'primary-network' && e.target === 'pod-network') c.push('to-pod');
  const sev = worstSeverity(e.problems.filter((p) => p.severity !== 'info'));
  if (sev) c.push(sev);
  // All other edges keep cytoscape's default curve, `haystack` (style.ts says why).
  if (e.kind === 'primary-network') c.push('straight');
  // Edge labels: all of a small graph's; a larger graph's when in view and zoomed in (`labelVisible`).
  c.push(lazy ? 'lazy' : 'labelled');
  return c.join(' ');
};

/**
 * Room between a box's members and its border (from the member's edge); the top holds the box's label, which
 * the members must not cover (a VM group is opaque).
 */
const BOX_PAD = 23;
const BOX_PAD_TOP = 39;
/** Half the drawn size of a member (style.ts: VM group 70, shared underlay 40, others 26). */
const halfSize = (n: GraphNode): number => (n.kind === 'VMGroup' ? 35 : n.nodes ? 20 : 13);

/**
 * Element definitions; `sig` says whether an element already on the canvas must be updated. Namespace and node
 * boxes are drawn as plain nodes sized around their members (the layout placed the members), not as cytoscape
 * compound parents: with compound parents, cytoscape's style pass walked every parent's descendants and edges for
 * each element (bench/topology/README.md measured 27 s against 7.5 s at 5,000 VMs expanded).
 */
const toElements = (
  g: TopologyGraph,
  positions: Positions,
  label: (n: GraphNode) => string,
): { defs: ElementDefinition[]; sig: Map<string, string> } => {
  const lazy = g.nodes.length + g.edges.length > LAZY_LABELS;
  const defs: ElementDefinition[] = [];
  const sig = new Map<string, string>();
  const ids = new Set(g.nodes.map((n) => n.id));
  const bounds = new Map<string, { x1: number; x2: number; y1: number; y2: number }>();
  for (const n of g.nodes) {
    const p = positions.get(n.id);
    if (!n.parent || !ids.has(n.parent) || !p) continue;
    const r = halfSize(n);
    const b = bounds.get(n.parent);
    if (!b) bounds.set(n.parent, { x1: p.x - r, x2: p.x + r, y1: p.y - r, y2: p.y + r });
    else {
      b.x1 = Math.min(b.x1, p.x - r);
      b.x2 = Math.max(b.x2, p.x + r);
      b.y1 = Math.min(b.y1, p.y - r);
      b.y2 = Math.max(b.y2, p.y + r);
    }
  }
  for (const n of g.nodes) {
    const text = label(n);
    const b = bounds.get(n.id);
    const box = n.parent && ids.has(n.parent) ? n.parent : undefined;
    let classes = nodeClasses(n, lazy);
    let data: { id: string; label: string; box?: string; w?: number; h?: number } = {
      id: n.id,
      label: text,
      box,
    };
    let position = positions.get(n.id);
    if (b) {
      classes += ' box';
      const w = b.x2 - b.x1 + 2 * BOX_PAD;
      const h = b.y2 - b.y1 + BOX_PAD + BOX_PAD_TOP;
      data = { ...data, w, h };
      position = { x: (b.x1 + b.x2) / 2, y: (b.y1 - BOX_PAD_TOP + b.y2 + BOX_PAD) / 2 };
    }
    defs.push({ group: 'nodes', data, classes, position });
    const where = position ? `${Math.round(position.x)},${Math.round(position.y)}` : '';
    sig.set(n.id, `${classes}|${text}|${where}|${data.w ?? ''}x${data.h ?? ''}`);
  }
  for (const e of g.edges) {
    const classes = edgeClasses(e, lazy);
    const text = e.label ?? '';
    defs.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, label: text },
      classes,
    });
    sig.set(e.id, `${classes}|${text}|${e.source}|${e.target}`);
  }
  return { defs, sig };
};

export const TopologyCanvas = forwardRef<CanvasHandle, Props>(function TopologyCanvas(
  { graph, positions, highlight, selected, center, nodeLabel, onSelect, onHover, describe, ariaLabel },
  ref,
) {
  const { t } = useTranslation(NS);
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core>();
  const sigs = useRef(new Map<string, string>());
  const theme = useRef<Theme>();
  const [focused, setFocused] = useState('');
  const [announce, setAnnounce] = useState('');
  const callbacks = useRef({ onSelect, onHover });
  callbacks.current = { onSelect, onHover };
  const labelled = useRef<Collection>();
  const labelTimer = useRef<ReturnType<typeof setTimeout>>();

  /**
   * Graphs of some size draw the labels of VMs, groups, underlay and edges (classed `lazy`) only for the elements in view once the zoom
   * makes them readable (style.ts: LABEL_ZOOM): cytoscape measures every label it holds (its bounding boxes and
   * `calculateLabelDimensions`, one canvas `measureText` each, `src/extensions/renderer/base/coord-ele-math/
   * labels.mjs`) but skips an element whose label is empty. Below those zoom levels `min-zoomed-font-size`
   * hides the labels anyway, so the picture is the same. Runs after pan and zoom stop, and after each update.
   */
  const labelVisible = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const zoom = cy.zoom();
    const before = labelled.current;
    if (!before?.nonempty() && zoom < Math.min(LABEL_ZOOM.node, LABEL_ZOOM.edge)) return;
    const ext = cy.extent();
    const inView = (p: { x: number; y: number }) =>
      p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    let next = cy.collection();
    if (zoom >= LABEL_ZOOM.node) next = next.union(cy.nodes('.lazy').filter((n) => inView(n.position())));
    if (zoom >= LABEL_ZOOM.edge) {
      next = next.union(
        cy.edges('.lazy').filter((e) => {
          const a = e.source().position();
          const b = e.target().position();
          return inView({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
        }),
      );
    }
    cy.batch(() => {
      before?.difference(next).removeClass('labelled');
      // All of them: an update (`classes()`) may have taken the class off one that stays.
      next.addClass('labelled');
    });
    labelled.current = next;
  }, []);

  /**
   * The canvas is created with the first data: big graphs get cytoscape's viewport texture (pan and zoom draw a
   * snapshot, not every element), which is an option fixed at creation. The theme is read now and again whenever
   * the console switches it (a class on <html>).
   *
   * Options after cytoscape's performance notes (cytoscape.js `documentation/md/performance.md`, "Optimisations"):
   * `textureOnViewport` for large graphs; no element selection by cytoscape (`autounselectify`: the page keeps
   * its own `selected` class, so box or tap selection never restyles elements); `motionBlur` stays off (its
   * default, `src/core/renderer.mjs`); `pixelRatio: 1` for large graphs, so a HiDPI screen does not draw four
   * times the pixels on every frame (small graphs keep sharp text). `hideEdgesOnViewport` only for huge graphs:
   * with the texture, pan and zoom do not redraw edges anyway.
   */
  const create = useCallback(
    (elements: number): Core => {
      const el = container.current!;
      theme.current = readTheme(el);
      const cy = cytoscape({
        container: el,
        style: buildStyle(theme.current),
        layout: { name: 'preset' },
        minZoom: 0.02,
        maxZoom: 3,
        boxSelectionEnabled: false,
        autoungrabify: true,
        autounselectify: true,
        textureOnViewport: elements > LARGE,
        motionBlur: false,
        pixelRatio: elements > LARGE ? 1 : 'auto',
        hideEdgesOnViewport: elements > 40000,
      });
      // No press overlay: each press and release would make the renderer redraw every element (pressState.ts).
      withoutPressState(cy);
      cy.on('tap', (evt) => {
        if (evt.target === cy) callbacks.current.onSelect('');
      });
      // cytoscape types an event's target as `any`; with a selector it is the matched element.
      cy.on('tap', 'node', (evt) => callbacks.current.onSelect((evt.target as NodeSingular).id()));
      cy.on('tap', 'edge', (evt) => callbacks.current.onSelect((evt.target as EdgeSingular).source().id()));
      cy.on('mouseover', 'node, edge', (evt) => {
        const target = evt.target as NodeSingular | EdgeSingular;
        const p = evt.renderedPosition ?? (target.isNode() ? target.renderedPosition() : undefined);
        callbacks.current.onHover({ id: target.id(), x: p?.x ?? 0, y: p?.y ?? 0 });
      });
      cy.on('mouseout', 'node, edge', () => callbacks.current.onHover(undefined));
      cy.on('viewport', () => {
        callbacks.current.onHover(undefined);
        clearTimeout(labelTimer.current);
        labelTimer.current = setTimeout(labelVisible, 150);
      });
      cyRef.current = cy;
      return cy;
    },
    [labelVisible],
  );

  useEffect(() => {
    const observer = new MutationObserver(() => {
      const cy = cyRef.current;
      if (!cy || !container.current) return;
      theme.current = readTheme(container.current);
      cy.style(buildStyle(theme.current));
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    // The side panel and banners change the canvas size without a window resize; cytoscape must be told.
    const resize = new ResizeObserver(() => cyRef.current?.resize());
    if (container.current) resize.observe(container.current);
    return () => {
      resize.disconnect();
      observer.disconnect();
      clearTimeout(labelTimer.current);
      cyRef.current?.destroy();
      cyRef.current = undefined;
      labelled.current = undefined;
      sigs.current = new Map();
    };
  }, []);

  // Apply the graph as a diff: remove what left, add what came, update what changed; keep the rest in place.
  useEffect(() => {
    const { defs, sig } = toElements(graph, positions, nodeLabel);
    const cy = cyRef.current ?? create(defs.length);
    const first = cy.elements().empty();
    const old = sigs.current;
    const add: ElementDefinition[] = [];
    cy.batch(() => {
      const gone = cy.elements().filter((el) => !sig.has(el.id()));
      cy.remove(gone);
      for (const d of defs) {
        const id = d.data.id!;
        const before = old.get(id);
        if (before === undefined || !cy.hasElementWithId(id)) {
          add.push(d);
          continue;
        }
        if (before === sig.get(id)) continue;
        const el = cy.getElementById(id);
        // New ends cannot be set in place: re-add the edge.
        if (
          d.group === 'edges' &&
          (el.data('source') !== d.data.source || el.data('target') !== d.data.target)
        ) {
          cy.remove(el);
          add.push(d);
          continue;
        }
        el.data(d.data);
        el.classes(d.classes ?? '');
        if (d.position) el.position(d.position);
      }
    });
    /*
     * New nodes first, on their own and outside the batch, then the edges. Cytoscape applies each style property
     * to a node with `checkTriggers` → `dirtyStyleCache`, which builds the collection of the node's connected
     * edges (cytoscape `src/style/apply.mjs`, `src/collection/style.mjs`; `connectedEdges()` without a selector
     * is not cached): a node styled while its edges exist costs properties × degree (the pod network has an edge
     * from every VM). Styled before its edges arrive, it costs nothing of the kind; adding edges restyles only
     * the edges (`restore` in `src/collection/index.mjs`, no compound nodes here).
     */
    const nodes = cy.add(add.filter((d) => d.group === 'nodes'));
    // Cytoscape applies a style when it is first read (`styleDirty`, `parsedStyle` in `src/collection/style.mjs`),
    // which would be in `fit`, after the edges came: read one property of each new node now, while it has none.
    nodes.forEach((n) => void n.numericStyle('width'));
    cy.add(add.filter((d) => d.group === 'edges'));
    sigs.current = sig;
    if (first && defs.length) cy.fit(undefined, 30);
    labelVisible();
  }, [graph, positions, nodeLabel, create, labelVisible]);

  // Highlight a path: fade everything else.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.faded, .highlighted, .selected').removeClass('faded highlighted selected');
      if (selected) cy.getElementById(selected).addClass('selected');
      if (!highlight) return;
      const lit = cy.collection();
      for (const id of highlight.nodes) {
        const n = cy.getElementById(id);
        lit.merge(n);
        const box = n.data('box') as string | undefined;
        if (box) lit.merge(cy.getElementById(box));
      }
      for (const id of highlight.edges) lit.merge(cy.getElementById(id));
      cy.elements().not(lit).addClass('faded');
      lit.addClass('highlighted');
    });
    // Test hook: the ids cytoscape holds as highlighted, read back from it (browser tests check an overlay is lit).
    container.current?.setAttribute(
      'data-highlighted',
      cy
        .$('.highlighted')
        .map((e) => e.id())
        .join(' '),
    );
  }, [highlight, selected, graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements('.focused').removeClass('focused');
    if (focused) cy.getElementById(focused).addClass('focused');
  }, [focused, graph]);

  /** Zooms in to a readable level when far out, and puts the element in the middle. */
  const centerOn = useCallback((id: string) => {
    const cy = cyRef.current;
    if (!cy) return false;
    const el = cy.getElementById(id);
    if (el.empty()) return false;
    if (cy.zoom() < 0.5) cy.zoom({ level: 0.8, position: el.position() });
    cy.center(el);
    return true;
  }, []);
  const centered = useRef<{ cy?: Core; id?: string }>({});
  useEffect(() => {
    const cy = cyRef.current;
    if (!center || !cy || (centered.current.cy === cy && centered.current.id === center)) return;
    if (centerOn(center)) centered.current = { cy, id: center };
  }, [center, graph, positions, centerOn]);

  const reveal = useCallback((id: string) => {
    const cy = cyRef.current;
    const el = cy?.getElementById(id);
    if (!cy || !el || el.empty()) return;
    const box = el.boundingBox();
    const ext = cy.extent();
    if (box.x1 < ext.x1 || box.x2 > ext.x2 || box.y1 < ext.y1 || box.y2 > ext.y2) cy.center(el);
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      // With a path highlighted, fit that path; otherwise the whole graph.
      fit: () => {
        const cy = cyRef.current;
        if (!cy) return;
        const lit = cy.elements('.highlighted');
        cy.fit(lit.nonempty() ? lit : undefined, 30);
      },
      zoomBy: (factor) => {
        const cy = cyRef.current;
        if (!cy) return;
        cy.zoom({
          level: cy.zoom() * factor,
          renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
        });
      },
      // The whole graph: lazy labels (`labelVisible`) are set for the picture where its scale draws them.
      png: async () => {
        const cy = cyRef.current!;
        const box = cy.elements().boundingBox();
        const scale = Math.min(1, 8000 / Math.max(1, box.w), 8000 / Math.max(1, box.h));
        let extra = cy.collection();
        if (scale >= LABEL_ZOOM.node) extra = extra.union(cy.nodes('.lazy'));
        if (scale >= LABEL_ZOOM.edge) extra = extra.union(cy.edges('.lazy'));
        extra = extra.not('.labelled');
        cy.batch(() => extra.addClass('labelled'));
        try {
          return await cy.png({
            output: 'blob-promise',
            full: true,
            bg: theme.current?.background ?? '#ffffff',
            maxWidth: 8000,
            maxHeight: 8000,
          });
        } finally {
          cy.batch(() => extra.removeClass('labelled'));
        }
      },
      focusElement: (id) => void centerOn(id),
    }),
    [centerOn],
  );

  /** Networks in reading order (left to right, top to bottom), for Tab. */
  const networksInOrder = (): string[] => {
    const cy = cyRef.current;
    if (!cy) return [];
    return cy
      .nodes('.network')
      .toArray()
      .map((n) => ({ id: n.id(), p: n.position() }))
      .sort((a, b) => a.p.y - b.p.y || a.p.x - b.p.x)
      .map((n) => n.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy) return;
    if (e.key === 'Tab') {
      const order = networksInOrder();
      const i = order.indexOf(focused);
      const next = e.shiftKey ? (i < 0 ? order.length - 1 : i - 1) : i + 1;
      // Past the last (or before the first) network, Tab leaves the graph as usual.
      if (next < 0 || next >= order.length) {
        setFocused('');
        return;
      }
      e.preventDefault();
      const id = order[next]!;
      setFocused(id);
      reveal(id);
      const node = graph.nodes.find((n) => n.id === id);
      if (node) setAnnounce(describe(node));
    } else if ((e.key === 'Enter' || e.key === ' ') && focused) {
      e.preventDefault();
      onSelect(focused);
    } else if (e.key === 'Escape') {
      onSelect('');
    } else if (e.key === '+' || e.key === '=') {
      cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    } else if (e.key === '-') {
      cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    } else if (e.key === '0') {
      cy.fit(undefined, 30);
    }
  };

  return (
    <>
      <div
        ref={container}
        className="vm-network-topology__canvas"
        tabIndex={0}
        role="application"
        aria-roledescription={t('network topology graph')}
        aria-label={ariaLabel}
        aria-describedby="vm-network-topology-keys"
        data-test="topology-canvas"
        data-focused={focused}
        onKeyDown={onKeyDown}
        onBlur={() => setFocused('')}
      />
      <p id="vm-network-topology-keys" className="pf-v6-screen-reader">
        {t(
          'Tab and Shift+Tab move between networks, Enter opens the details of the focused network, Escape closes them, plus and minus zoom, 0 fits the graph. The Table view lists the same elements.',
        )}
      </p>
      <div aria-live="polite" className="pf-v6-screen-reader" data-test="topology-announce">
        {announce}
      </div>
    </>
  );
});
