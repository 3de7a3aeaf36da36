// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { COLUMN_IDS } from './columnPrefs';

// PatternFly's class-name modules import their stylesheets, which Node cannot load; the names do not matter here.
vi.mock('@patternfly/react-styles/css/components/Table/table', () => ({ default: { modifiers: {} } }));
vi.mock('@patternfly/react-styles/css/components/Table/table-scrollable', () => ({
  default: { modifiers: {} },
}));
const { INTERFACE_COLUMNS, visibleColumns } = await import('./columns');

const ids = (cols: { id: string }[]) => cols.map((c) => c.id);

describe('interface table columns', () => {
  it('has one column per id, in the order of the ids', () => {
    expect(ids([...INTERFACE_COLUMNS])).toEqual([...COLUMN_IDS]);
  });

  it('shows whose interface it is on the VM networks page, not on the VM tab', () => {
    expect(ids(visibleColumns('vm-networks', new Set()))).toEqual([
      'vm',
      'iface',
      'net',
      'binding',
      'mac',
      'ips',
      'link',
      'pending',
    ]);
    expect(ids(visibleColumns('vm-tab', new Set()))).not.toContain('vm');
  });

  it('leaves out the hidden columns, but never the ones that say which row it is', () => {
    expect(ids(visibleColumns('vm-networks', new Set(['mac', 'vm', 'iface', 'link'])))).toEqual([
      'vm',
      'iface',
      'net',
      'binding',
      'ips',
      'pending',
    ]);
  });
});
