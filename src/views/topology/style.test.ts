import { describe, expect, it } from 'vitest';
import { blend, buildStyle, type Theme } from './style';

const theme = (over: Partial<Theme> = {}): Theme => ({
  text: '#151515',
  subtle: '#4d4d4d',
  background: '#ffffff',
  surface: '#f2f2f2',
  border: '#c7c7c7',
  brand: '#0066cc',
  danger: '#b1380b',
  warning: '#dca614',
  info: '#5e40be',
  font: 'RedHatText',
  flavors: {
    pod: '#92c5f9',
    'primary-udn': '#b6a6e9',
    'ovn-layer2': '#9ad8d8',
    'ovn-layer3': '#afdc8f',
    'ovn-localnet': '#f8ae54',
    'linux-bridge': '#ffe072',
    sriov: '#f9a8a8',
    other: '#e0e0e0',
  },
  ...over,
});

/** What the `node.VMGroup` rules set, later rules winning as in cytoscape. */
const groupRule = (th: Theme): object =>
  Object.assign(
    {},
    ...buildStyle(th).flatMap((r) => (r.selector === 'node.VMGroup' && 'style' in r ? [r.style] : [])),
  ) as object;

describe('blend', () => {
  it('lays a colour at an opacity over a background, as one opaque colour', () => {
    expect(blend('#0066cc', '#ffffff', 0.25)).toBe('rgb(191, 217, 242)');
    expect(blend('#06c', '#000', 1)).toBe('rgb(0, 102, 204)');
    // The dark theme's tokens may come as rgb().
    expect(blend('rgb(146, 197, 249)', 'rgb(31, 31, 31)', 0.5)).toBe('rgb(89, 114, 140)');
  });

  it('gives up on colours it cannot read', () => {
    expect(blend('oklch(60% 0.1 250)', '#ffffff', 0.25)).toBeUndefined();
    expect(blend('#0066cc', 'white', 0.25)).toBeUndefined();
  });
});

describe('buildStyle', () => {
  it('fills a VM group with an opaque colour (edges meet under it), from the theme', () => {
    expect(groupRule(theme())).toMatchObject({ 'background-color': 'rgb(191, 217, 242)' });
    expect(groupRule(theme())).not.toHaveProperty('background-opacity');
    expect(groupRule(theme({ background: '#1f1f1f' }))).toMatchObject({
      'background-color': 'rgb(23, 49, 74)',
    });
  });

  it('falls back to a translucent fill when a theme colour cannot be read', () => {
    expect(groupRule(theme({ brand: 'var(--x)' }))).toMatchObject({
      'background-color': 'var(--x)',
      'background-opacity': 0.25,
    });
  });
});
