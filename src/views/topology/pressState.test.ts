import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { withoutPressState } from './pressState';

const graph = () =>
  cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { data: { id: 'vm' } },
      { data: { id: 'net' } },
      { data: { id: 'iface', source: 'vm', target: 'net' } },
    ],
  });

/** Presses and releases `id` as cytoscape's mouse handlers do; returns the `style` events it caused. */
const press = (cy: cytoscape.Core, id: string) => {
  const styled: string[] = [];
  cy.on('style', (e) => void styled.push((e.target as cytoscape.SingularElementArgument).id()));
  // Not in cytoscape's types, but what its mouse handlers call (src/extensions/renderer/base/load-listeners.mjs).
  const el = cy.getElementById(id) as unknown as { activate(): void; unactivate(): void };
  el.activate();
  const activeWhileDown = cy.$(':active').map((e) => e.id());
  el.unactivate();
  cy.removeListener('style');
  return { styled, activeWhileDown };
};

describe('withoutPressState', () => {
  // One test: the change is to cytoscape's shared prototype, so "before" must be seen before it is applied.
  it('stops a press from restyling the pressed element, which cytoscape otherwise does twice per press', () => {
    const before = graph();
    expect(press(before, 'vm')).toEqual({ styled: ['vm', 'vm'], activeWhileDown: ['vm'] });
    expect(press(before, 'iface')).toEqual({ styled: ['iface', 'iface'], activeWhileDown: ['iface'] });

    withoutPressState(before);
    withoutPressState(before); // applying it again changes nothing more

    for (const cy of [before, graph()]) {
      expect(press(cy, 'vm')).toEqual({ styled: [], activeWhileDown: [] });
      expect(press(cy, 'iface')).toEqual({ styled: [], activeWhileDown: [] });
      // Taps do not depend on it.
      const tapped: string[] = [];
      cy.on('tap', 'node', (e) => void tapped.push((e.target as cytoscape.NodeSingular).id()));
      cy.getElementById('vm').emit('tap');
      expect(tapped).toEqual(['vm']);
    }
  });
});
