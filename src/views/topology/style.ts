/**
 * The graph's look, from the console's PatternFly tokens read at mount (and again when the theme changes), so the
 * dark theme works. Shapes tell element kinds apart, colours tell network kinds apart, and problems are drawn as
 * red (error) or orange (warning) borders and lines; pending interfaces are dashed.
 */
import type { StylesheetJsonBlock } from 'cytoscape';
import { NETWORK_FLAVORS, type NetworkFlavor } from '../../domain/topology/types';

export type Theme = {
  text: string;
  subtle: string;
  background: string;
  surface: string;
  border: string;
  brand: string;
  danger: string;
  warning: string;
  info: string;
  font: string;
  flavors: Record<NetworkFlavor, string>;
};

/** Each network kind's PatternFly non-status colour (token name, light-theme fallback); the legend uses it too. */
export const FLAVOR_COLOR: Record<NetworkFlavor, [string, string]> = {
  pod: ['blue', '#92c5f9'],
  'primary-udn': ['purple', '#b6a6e9'],
  'ovn-layer2': ['teal', '#9ad8d8'],
  'ovn-layer3': ['green', '#afdc8f'],
  'ovn-localnet': ['orange', '#f8ae54'],
  'linux-bridge': ['yellow', '#ffe072'],
  sriov: ['red', '#f9a8a8'],
  other: ['gray', '#e0e0e0'],
};

const token = (style: CSSStyleDeclaration, name: string, fallback: string): string =>
  style.getPropertyValue(name).trim() || fallback;

/** Reads the PatternFly tokens in effect on `el` (fallbacks are PatternFly 6's light theme values). */
export const readTheme = (el: Element): Theme => {
  const s = getComputedStyle(el);
  const t = (name: string, fallback: string) => token(s, `--pf-t--global--${name}`, fallback);
  return {
    text: t('text--color--regular', '#151515'),
    subtle: t('text--color--subtle', '#4d4d4d'),
    background: t('background--color--primary--default', '#ffffff'),
    surface: t('background--color--secondary--default', '#f2f2f2'),
    border: t('border--color--default', '#c7c7c7'),
    brand: t('color--brand--default', '#0066cc'),
    danger: t('color--status--danger--default', '#b1380b'),
    warning: t('color--status--warning--default', '#dca614'),
    info: t('color--status--info--default', '#5e40be'),
    font: t('font--family--body', 'RedHatText, Overpass, sans-serif'),
    flavors: Object.fromEntries(
      NETWORK_FLAVORS.map((f) => [
        f,
        t(`color--nonstatus--${FLAVOR_COLOR[f][0]}--default`, FLAVOR_COLOR[f][1]),
      ]),
    ) as Record<NetworkFlavor, string>,
  };
};

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` → [r, g, b]; anything else (a named colour, `oklch()`) → undefined. */
const rgbOf = (color: string): [number, number, number] | undefined => {
  const c = color.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(c);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
};

/**
 * `color` laid at `opacity` over `background`, as one opaque colour: what a translucent fill looks like, without
 * showing the edges that meet under it. Undefined when either colour cannot be read.
 */
export const blend = (color: string, background: string, opacity: number): string | undefined => {
  const a = rgbOf(color);
  const b = rgbOf(background);
  if (!a || !b) return undefined;
  const mix = a.map((v, i) => Math.round(v * opacity + b[i]! * (1 - opacity)));
  return `rgb(${mix.join(', ')})`;
};

/** The network kinds, in legend and filter order. */
export const FLAVORS = NETWORK_FLAVORS;

/** Node shapes by kind (also used by the legend). */
export const SHAPES: Record<string, string> = {
  PodNetwork: 'round-rectangle',
  UserDefinedNetwork: 'round-rectangle',
  ClusterUserDefinedNetwork: 'round-rectangle',
  NetworkAttachmentDefinition: 'round-rectangle',
  SriovNetwork: 'round-rectangle',
  VirtualMachine: 'ellipse',
  VMGroup: 'round-octagon',
  BridgeMapping: 'tag',
  OVSBridge: 'hexagon',
  LinuxBridge: 'diamond',
  Bond: 'octagon',
  VLAN: 'round-triangle',
  Ethernet: 'rectangle',
  SriovPF: 'star',
};

/**
 * Label sizes and the smallest rendered size drawn (`min-zoomed-font-size`): VM and group names (and the base of
 * every node), underlay elements, shared underlay elements, edge labels.
 */
const VM_FONT = 11;
const VM_MIN_FONT = 7;
const UNDERLAY_FONT = 10;
const SHARED_FONT = 12;
const EDGE_FONT = 9;
const EDGE_MIN_FONT = 9;
/**
 * Network names and namespace and node box titles (13–16 px) are set on every such element, and drawn once cytoscape
 * would draw them 5 px or more. Cytoscape compares this with the font size times the scale of the texture level it
 * draws at (the zoom rounded up to a power of two; `eleTextBiggerThanMin` in its `src/extensions/renderer/canvas/
 * drawing-label-text.mjs`), so they show from zoom 0.25 up (3–4 px on screen at first). Below that they would be
 * smudges of 1.5–3 px, and drawing them cost 20 ms of the first paint of 5,000 VMs (fit zoom 0.16), with nothing to read.
 */
const TITLE_MIN_FONT = 5;

/**
 * The zoom from which labels are drawn at all (rendered size = font size × zoom): `node` for the nodes whose labels
 * the canvas sets lazily (VMs, VM groups, underlay: the largest of their fonts), `edge` for edge labels.
 */
export const LABEL_ZOOM = {
  node: VM_MIN_FONT / Math.max(VM_FONT, UNDERLAY_FONT, SHARED_FONT),
  edge: EDGE_MIN_FONT / EDGE_FONT,
};

/** The nodes of `selector` that show their label: text properties go only there (see below). */
const text = (selector: string): string => `${selector}.labelled, ${selector}.highlighted`;

/*
 * Few properties per element: cytoscape applies each property of each element on its own, and each applied
 * property runs `checkTriggers` → `dirtyStyleCache`, which builds a collection of the element's connected edges
 * (cytoscape `src/style/apply.mjs`, `src/collection/style.mjs`). So the look of the many (VMs, VM interface edges)
 * is in the base rules, label text properties sit only on elements that show a label (class `labelled`, or a
 * highlighted path; the `text(…)` rules), and the stacking order (namespace and node boxes under edges under
 * nodes) comes from `z-compound-depth: bottom` on the boxes and cytoscape's default of edges under nodes, not
 * from a z-index on every element.
 */
export const buildStyle = (th: Theme): StylesheetJsonBlock[] => [
  {
    selector: 'node',
    style: {
      'background-color': th.surface,
      'border-width': 1,
      'border-color': th.border,
      width: 26,
      height: 26,
    },
  },
  {
    selector: 'node.labelled, node.highlighted',
    style: {
      label: 'data(label)',
      'font-family': th.font,
      'font-size': VM_FONT,
      color: th.text,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-max-width': '110px',
      'text-wrap': 'ellipsis',
      'min-zoomed-font-size': VM_MIN_FONT,
    },
  },
  ...Object.entries(SHAPES).map(([kind, shape]) => ({
    selector: `node.${kind}`,
    style: { shape: shape as never },
  })),
  { selector: 'node.network', style: { width: 130, height: 34, 'border-width': 2 } },
  {
    selector: text('node.network'),
    style: {
      'text-valign': 'center',
      'text-margin-y': 0,
      'font-size': 13,
      'font-weight': 'bold',
      'text-max-width': '122px',
      'min-zoomed-font-size': TITLE_MIN_FONT,
    },
  },
  ...Object.entries(th.flavors).map(([flavor, color]) => ({
    selector: `node.network.f-${flavor}`,
    style: { 'background-color': color },
  })),
  { selector: 'node.PodNetwork', style: { width: 170, height: 44 } },
  { selector: text('node.PodNetwork'), style: { 'font-size': 14 } },
  { selector: 'node.primary', style: { 'border-width': 3, 'border-color': th.text } },
  {
    selector: 'node.missing',
    style: { 'border-style': 'dashed', 'background-opacity': 0.35, 'border-color': th.danger },
  },
  { selector: 'node.VirtualMachine', style: { 'background-color': th.brand, 'border-color': th.brand } },
  { selector: 'node.VirtualMachine.stopped', style: { 'background-color': th.surface } },
  {
    selector: 'node.VMGroup',
    style: {
      width: 70,
      height: 70,
      // Opaque: edges end at a node's centre (see the edge rules), so a see-through group would show them meet.
      ...(blend(th.brand, th.background, 0.25)
        ? { 'background-color': blend(th.brand, th.background, 0.25) }
        : { 'background-color': th.brand, 'background-opacity': 0.25 }),
      'border-color': th.brand,
      'border-width': 2,
    },
  },
  {
    selector: text('node.VMGroup'),
    style: { 'text-valign': 'center', 'text-margin-y': 0, 'font-weight': 'bold' },
  },
  {
    selector: 'node.box',
    style: {
      shape: 'round-rectangle',
      width: 'data(w)',
      height: 'data(h)',
      'background-opacity': 0.04,
      'background-color': th.text,
      'border-color': th.border,
      'border-width': 1,
      'z-compound-depth': 'bottom',
    },
  },
  {
    selector: text('node.box'),
    style: {
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': 30,
      'font-size': 16,
      'min-zoomed-font-size': TITLE_MIN_FONT,
      'text-max-width': '400px',
      'font-weight': 'bold',
      color: th.subtle,
    },
  },
  {
    selector: 'node.Namespace.isolated',
    style: { 'border-width': 3, 'border-style': 'double', 'border-color': th.flavors['primary-udn'] },
  },
  { selector: 'node.Node', style: { shape: 'rectangle' } },
  { selector: 'node.underlay', style: { 'background-color': th.background } },
  { selector: text('node.underlay'), style: { 'font-size': UNDERLAY_FONT } },
  // One element standing for the same bridge or mapping on many nodes (viewGraph's shared underlay).
  {
    selector: 'node.shared',
    style: { width: 40, height: 40, 'border-width': 3, 'border-style': 'double' },
  },
  { selector: text('node.shared'), style: { 'font-size': SHARED_FONT } },
  { selector: 'node.warning', style: { 'border-color': th.warning, 'border-width': 4 } },
  { selector: 'node.error', style: { 'border-color': th.danger, 'border-width': 4 } },
  /*
   * The look of a VM interface edge (most edges) is the base. Edges keep cytoscape's default `haystack` curve: a
   * line between the two centres, drawn under the nodes, which cytoscape places without computing where the line
   * meets each node's shape (`findEdgeControlPoints`, the shape intersections of `straight`: 130 ms of the first
   * paint of the default view at 5,000 VMs in a CPU profile, bench/topology/README.md). Only the namespace's
   * primary-network edge is `straight`: it leaves the bottom of its box (`source-endpoint`), which haystack
   * ignores.
   */
  { selector: 'edge', style: { width: 1.5, 'line-color': th.subtle, opacity: 0.55 } },
  { selector: 'edge.straight', style: { 'curve-style': 'straight' } },
  { selector: 'edge.port, edge.bridge-mapping', style: { 'line-color': th.border, opacity: 1 } },
  /*
   * Edge labels and their text style only where a label is drawn (every edge of a small graph; in a large one,
   * those in view when zoomed in, and a highlighted path): cytoscape applies, hashes and checks each property
   * of each element (`src/style/apply.mjs`), so thousands of edges carry only what draws their line.
   */
  {
    selector: 'edge.labelled, edge.highlighted',
    style: {
      label: 'data(label)',
      'font-family': th.font,
      'font-size': EDGE_FONT,
      color: th.subtle,
      'text-background-color': th.background,
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': EDGE_MIN_FONT,
      'text-rotation': 'autorotate',
    },
  },
  {
    selector: 'edge.primary-network',
    style: { width: 4, 'line-color': th.flavors['primary-udn'], 'line-style': 'solid', opacity: 0.8 },
  },
  // From the bottom edge of the namespace box, not its middle (it would cross the VMs).
  { selector: 'edge.primary-network', style: { 'source-endpoint': '0% 50%' } },
  { selector: 'edge.primary-network.to-pod', style: { 'line-color': th.flavors.pod } },
  { selector: 'edge.underlay', style: { width: 2.5, 'line-color': th.text, opacity: 0.5 } },
  { selector: 'edge.pending', style: { 'line-style': 'dashed', 'line-color': th.info, opacity: 1 } },
  { selector: 'edge.warning', style: { 'line-color': th.warning, opacity: 1, width: 2.5 } },
  {
    selector: 'edge.error',
    style: { 'line-color': th.danger, opacity: 1, width: 2.5, 'line-style': 'dashed' },
  },
  { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
  // A highlighted path keeps its labels at any zoom: it is what the user is reading.
  {
    selector: 'edge.highlighted',
    style: {
      width: 4,
      opacity: 1,
      'line-color': th.brand,
      'z-index': 10,
      'min-zoomed-font-size': 0,
      'font-size': 12,
    },
  },
  {
    selector: 'node.highlighted',
    style: {
      label: 'data(label)',
      'border-color': th.brand,
      'border-width': 4,
      'z-index': 10,
      'min-zoomed-font-size': 0,
      'font-size': 15,
    },
  },
  {
    selector: 'node.selected',
    style: { 'overlay-color': th.brand, 'overlay-opacity': 0.25, 'overlay-padding': 8 },
  },
  {
    selector: 'node.focused',
    style: {
      'outline-width': 3,
      'outline-color': th.brand,
      'outline-offset': 4,
      'overlay-color': th.brand,
      'overlay-opacity': 0.15,
      'overlay-padding': 10,
    },
  },
];
