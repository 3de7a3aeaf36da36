import { describe, expect, it } from 'vitest';
import { parseHiddenColumns, serializeHiddenColumns, type ColumnId } from './columnPrefs';

describe('hidden columns in localStorage', () => {
  it('reads back what was stored', () => {
    const hidden = new Set<ColumnId>(['mac', 'link']);
    expect(parseHiddenColumns(serializeHiddenColumns(hidden))).toEqual(hidden);
  });

  it.each([
    { name: 'nothing stored', stored: null },
    { name: 'not JSON', stored: '{hidden: [mac' },
    { name: 'no list', stored: '{"hidden": "mac"}' },
    { name: 'another shape', stored: '["mac"]' },
    { name: 'null', stored: 'null' },
  ])('hides nothing when $name', ({ stored }) => {
    expect(parseHiddenColumns(stored)).toEqual(new Set());
  });

  it('takes only known column ids (stored text is untrusted)', () => {
    expect(
      parseHiddenColumns(
        JSON.stringify({ hidden: ['mac', '__proto__', 42, { id: 'ips' }, 'ips<script>', 'ips'] }),
      ),
    ).toEqual(new Set(['mac', 'ips']));
  });
});
