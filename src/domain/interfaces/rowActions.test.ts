import { describe, expect, it } from 'vitest';
import { type RowActionRule, rowActionRules } from './rowActions';
import type { InterfaceRow } from './rows';

type Row = Pick<InterfaceRow, 'origin' | 'link' | 'binding'>;
const row = (over: Partial<Row> = {}): Row => ({
  origin: 'spec',
  link: { desired: 'up' },
  binding: 'bridge',
  ...over,
});
const on = (id: RowActionRule['id']): RowActionRule => ({ id, enabled: true });
const off = (id: RowActionRule['id'], reason: RowActionRule['reason']): RowActionRule => ({
  id,
  enabled: false,
  reason,
});

describe('rowActionRules', () => {
  it.each<{ what: string; row: Row; allowed: boolean; expected: RowActionRule[] }>([
    {
      what: 'a spec interface, link up, user may patch',
      row: row(),
      allowed: true,
      expected: [on('edit'), on('link-down'), on('remove'), on('add')],
    },
    {
      what: 'link down offers link up',
      row: row({ link: { desired: 'down' } }),
      allowed: true,
      expected: [on('edit'), on('link-up'), on('remove'), on('add')],
    },
    {
      what: 'SR-IOV: no link action at all',
      row: row({ binding: 'sriov' }),
      allowed: true,
      expected: [on('edit'), on('remove'), on('add')],
    },
    {
      what: 'the implicit pod interface: removable, not editable',
      row: row({ origin: 'implicit', binding: 'masquerade' }),
      allowed: true,
      expected: [off('edit', 'not-in-spec'), on('remove'), on('add')],
    },
    {
      what: 'being unplugged (absent): nothing to change but add',
      row: row({ link: { desired: 'absent' } }),
      allowed: true,
      expected: [off('edit', 'not-in-spec'), off('remove', 'not-in-spec'), on('add')],
    },
    {
      what: 'VMI-only row',
      row: row({ origin: 'vmi' }),
      allowed: true,
      expected: [off('edit', 'not-in-spec'), off('remove', 'not-in-spec'), on('add')],
    },
    {
      what: 'guest-only row (no binding known)',
      row: row({ origin: 'guest', binding: undefined }),
      allowed: true,
      expected: [off('edit', 'not-in-spec'), off('remove', 'not-in-spec'), on('add')],
    },
    {
      what: 'user may not patch VMs in the namespace',
      row: row(),
      allowed: false,
      expected: [
        off('edit', 'denied'),
        off('link-down', 'denied'),
        off('remove', 'denied'),
        off('add', 'denied'),
      ],
    },
    {
      what: 'not in spec wins over denied',
      row: row({ origin: 'vmi' }),
      allowed: false,
      expected: [off('edit', 'not-in-spec'), off('remove', 'not-in-spec'), off('add', 'denied')],
    },
  ])('$what', ({ row: r, allowed, expected }) => {
    expect(rowActionRules(r, { allowed })).toEqual(expected);
  });
});

describe('rowActionRules on the VM networks page (reach actions)', () => {
  it.each<{ what: string; allowed: boolean; createServices: boolean; expected: RowActionRule[] }>([
    {
      what: 'a tenant who may change VMs and create Services: expose and SSH enabled',
      allowed: true,
      createServices: true,
      expected: [on('edit'), on('link-down'), on('remove'), on('add'), on('expose'), on('ssh')],
    },
    {
      what: 'a viewer: expose disabled with the Services reason; SSH commands stay reachable',
      allowed: false,
      createServices: false,
      expected: [
        off('edit', 'denied'),
        off('link-down', 'denied'),
        off('remove', 'denied'),
        off('add', 'denied'),
        off('expose', 'denied-services'),
        on('ssh'),
      ],
    },
  ])('$what', ({ allowed, createServices, expected }) => {
    expect(rowActionRules(row(), { allowed }, { createServices })).toEqual(expected);
  });

  it('the VM tab (no reach argument) offers neither: the card is on that tab', () => {
    const ids = rowActionRules(row(), { allowed: true }).map((r) => r.id);
    expect(ids).not.toContain('expose');
    expect(ids).not.toContain('ssh');
  });
});
