import { describe, expect, it } from 'vitest';
import { aVM, aVMI } from '../testing/fixtures';
import {
  emptyIpMemory,
  IP_MEMORY_TTL_MS,
  lazyEmptyIpMemory,
  rememberIps,
  rememberIpsLater,
} from './ipMemory';
import { buildInterfaceRows } from './rows';
import { matchesSearch } from './search';

const vm = aVM({ nics: ['nic1'], running: true });
const rowsWith = (ips: string[] | undefined, agent = true) =>
  buildInterfaceRows(vm, aVMI({ agent, nics: [{ name: 'nic1', ips }] }));
const stopped = buildInterfaceRows(aVM({ nics: ['nic1'] }));

const view = (rows: ReturnType<typeof rowsWith>) =>
  rows[0]?.ips.map((ip) => `${ip.address}${ip.stale ? `@${ip.lastSeen}` : ''}`);

describe('rememberIps', () => {
  it('agent flaps: the vanished IP stays, stale, with when it was last seen', () => {
    const t1 = rememberIps(emptyIpMemory, rowsWith(['10.0.0.1', 'fd00::1']), 1000);
    const t2 = rememberIps(t1.memory, rowsWith(undefined, false), 2000);
    expect(view(t2.rows)).toEqual(['10.0.0.1@1000', 'fd00::1@1000']);
    expect(t2.rows[0]?.ipStatus).toBe('unknown');
    expect(t2.rows[0] && matchesSearch(t2.rows[0], '10.0.0.1')).toBe(true);
    const t3 = rememberIps(t2.memory, rowsWith(undefined, false), 3000);
    expect(view(t3.rows)).toEqual(['10.0.0.1@1000', 'fd00::1@1000']);
    const t4 = rememberIps(t3.memory, rowsWith(['10.0.0.1', 'fd00::1']), 4000);
    expect(view(t4.rows)).toEqual(['10.0.0.1', 'fd00::1']);
  });

  it.each([
    [
      'one address changes',
      ['10.0.0.1', '10.0.0.2'],
      ['10.0.0.1', '10.0.0.3'],
      ['10.0.0.1', '10.0.0.3', '10.0.0.2@1000'],
    ],
    ['same addresses', ['10.0.0.1'], ['10.0.0.1'], ['10.0.0.1']],
    [
      'reordered: nothing stale',
      ['10.0.0.1', '10.0.0.2'],
      ['10.0.0.2', '10.0.0.1'],
      ['10.0.0.2', '10.0.0.1'],
    ],
  ])('%s', (_, before, after, expected) => {
    const t1 = rememberIps(emptyIpMemory, rowsWith(before), 1000);
    expect(view(rememberIps(t1.memory, rowsWith(after), 2000).rows)).toEqual(expected);
  });

  it.each([
    ['within the TTL: kept', 1000 + IP_MEMORY_TTL_MS, ['10.0.0.1@1000']],
    ['past the TTL: dropped', 1001 + IP_MEMORY_TTL_MS, []],
  ])('%s', (_, now, expected) => {
    const t1 = rememberIps(emptyIpMemory, rowsWith(['10.0.0.1']), 1000);
    const t2 = rememberIps(t1.memory, rowsWith(undefined, false), 2000);
    expect(view(rememberIps(t2.memory, rowsWith(undefined, false), now).rows)).toEqual(expected);
  });

  it('a stopped VM forgets its IPs (gone, not flapping)', () => {
    const t1 = rememberIps(emptyIpMemory, rowsWith(['10.0.0.1']), 1000);
    const t2 = rememberIps(t1.memory, stopped, 2000);
    expect(view(t2.rows)).toEqual([]);
    expect(t2.memory.size).toBe(0);
    expect(view(rememberIps(t2.memory, rowsWith(undefined, false), 3000).rows)).toEqual([]);
  });

  it('rows with nothing stale keep their identity; deleted rows leave the memory', () => {
    const rows = rowsWith(['10.0.0.1']);
    const t1 = rememberIps(emptyIpMemory, rows, 1000);
    expect(t1.rows[0]).toBe(rows[0]);
    expect(rememberIps(t1.memory, [], 2000).memory.size).toBe(0);
  });
});

describe('rememberIpsLater', () => {
  it('first rows come back as they are; the memory built later is the one rememberIps builds', () => {
    const first = rowsWith(['10.0.0.1', 'fd00::1']);
    const lazy = rememberIpsLater(lazyEmptyIpMemory, first, 1000);
    expect(lazy.rows).toBe(first);
    expect(lazy.memory()).toEqual(rememberIps(emptyIpMemory, first, 1000).memory);
    expect(lazy.memory()).toBe(lazy.memory());
  });

  it('the next update sees what the first rows had: the vanished IP stays, stale', () => {
    const t1 = rememberIpsLater(lazyEmptyIpMemory, rowsWith(['10.0.0.1']), 1000);
    const t2 = rememberIpsLater(t1.memory, rowsWith(undefined, false), 2000);
    expect(view(t2.rows)).toEqual(['10.0.0.1@1000']);
    const t3 = rememberIpsLater(t2.memory, rowsWith(['10.0.0.2']), 3000);
    expect(view(t3.rows)).toEqual(['10.0.0.2', '10.0.0.1@1000']);
  });
});
