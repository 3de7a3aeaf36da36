/** The floor's style (harness.tsx): one node rule (colour, size) and one edge rule (width, colour), no labels. */
export const FLOOR_STYLE = [
  { selector: 'node', style: { 'background-color': '#0066cc', width: 26, height: 26 } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#c7c7c7' } },
];
