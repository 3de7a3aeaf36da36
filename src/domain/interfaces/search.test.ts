import { describe, expect, it } from 'vitest';
import { aVM, aVMI, manyVMs } from '../testing/fixtures';
import { buildInterfaceRows, buildVMRows } from './rows';
import type { RowFilters } from './search';
import { countVMs, filterRows, matchesSearch, parseSearch, sameRows } from './search';

const row = buildInterfaceRows(
  aVM({ name: 'web-01', nics: [{ name: 'nic1', network: 'n', mac: '02:AB:CD:00:00:01' }], running: true }),
  aVMI({
    name: 'web-01',
    agent: true,
    nics: [{ name: 'nic1', ips: ['10.0.0.15', 'fd00:1::15', 'fe80::15'], mac: '02:ab:cd:00:00:01' }],
  }),
)[0];

describe('matchesSearch', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['web', true],
    ['WEB-0', true],
    ['db', false],
    ['10.0.', true],
    ['10.0.0.15', true],
    ['10.0.0.1', true],
    ['10.0.1', false],
    ['0.0.15', false],
    ['10.0.0.0/24', true],
    ['10.0.1.0/24', false],
    ['10.0.0.0/28', true],
    ['10.0.0.0/29', false],
    ['fd00:', true],
    ['fd00:1::', true],
    ['fd00:1:0::15', true],
    ['fd00::/16', true],
    ['fd00:2::/32', false],
    ['fe80::/10', true],
    ['fd01:', false],
    ['02:ab:cd', true],
    ['02-AB-CD-00-00-01', true],
    ['02:AB:CD:00:00:01', true],
    ['cd:00:00:01', true],
    ['02:ab:cd:00:00:02', false],
    // The interface and network names match too; a MAC in Cisco's dotted form as well.
    ['nic1', true],
    ['NIC', true],
    ['nic2', false],
    ['ns1/n', true],
    ['02ab.cd00.0001', true],
    ['02ab.cd', true],
    ['02ab.cd00.0002', false],
  ])('%j -> %s', (q, expected) => {
    expect(row && matchesSearch(row, q)).toBe(expected);
    expect(row && matchesSearch(row, parseSearch(q))).toBe(expected);
  });

  it.each([
    ['10.0.', 'ip'],
    ['10.0.0.0/8', 'cidr'],
    ['fd00::', 'ip'],
    ['02:ab', 'text'],
    ['web', 'text'],
    ['10.0.0.0/99', 'text'],
  ])('parseSearch(%j).kind = %s', (q, kind) => {
    expect(parseSearch(q).kind).toBe(kind);
  });
});

describe('filterRows', () => {
  const vmRows = [
    ...buildInterfaceRows(
      aVM({ name: 'a', namespace: 'ns1', running: true, nics: ['default', 'nic1'] }),
      aVMI({
        name: 'a',
        namespace: 'ns1',
        agent: true,
        nics: [{ name: 'default', ips: ['10.1.0.1'] }, 'nic1'],
      }),
    ),
    ...buildInterfaceRows(
      aVM({
        name: 'b',
        namespace: 'ns2',
        running: true,
        restartRequired: true,
        nics: [{ name: 'sr', network: 'sriov-a', binding: 'sriov' }],
      }),
      aVMI({ name: 'b', namespace: 'ns2', agent: true, nics: [{ name: 'sr', ips: ['fe80::1'] }] }),
    ),
    ...buildInterfaceRows(
      aVM({ name: 'c', namespace: 'ns2', running: true, nics: ['default', 'hot'] }),
      aVMI({ name: 'c', namespace: 'ns2', agent: false, nics: ['default'] }),
    ),
  ];

  it.each<[string, RowFilters, string[]]>([
    ['no filter', {}, ['ns1/a/default', 'ns1/a/nic1', 'ns2/b/sr', 'ns2/c/default', 'ns2/c/hot']],
    ['namespace', { namespaces: ['ns1'] }, ['ns1/a/default', 'ns1/a/nic1']],
    [
      'empty namespace list = any',
      { namespaces: [] },
      ['ns1/a/default', 'ns1/a/nic1', 'ns2/b/sr', 'ns2/c/default', 'ns2/c/hot'],
    ],
    ['network pod', { networks: ['pod'] }, ['ns1/a/default', 'ns2/c/default']],
    ['network NAD key', { networks: ['ns2/sriov-a'] }, ['ns2/b/sr']],
    ['binding', { bindings: ['bridge'] }, ['ns1/a/nic1', 'ns2/c/hot']],
    [
      'no IP (link-local only counts as none)',
      { noIp: true },
      ['ns1/a/nic1', 'ns2/b/sr', 'ns2/c/default', 'ns2/c/hot'],
    ],
    ['pending changes', { pendingChanges: true }, ['ns2/b/sr', 'ns2/c/hot']],
    ['search + namespace', { search: 'c', namespaces: ['ns2'] }, ['ns2/c/default', 'ns2/c/hot']],
    ['search CIDR', { search: '10.1.0.0/16' }, ['ns1/a/default']],
    ['combined, nothing', { namespaces: ['ns1'], pendingChanges: true }, []],
  ])('%s', (_, filters, ids) => {
    expect(filterRows(vmRows, filters).map((r) => r.id)).toEqual(ids);
  });

  it('"No IP" looks at running VMs: a stopped VM has no addresses by nature', () => {
    const stopped = buildInterfaceRows(aVM({ name: 'off', namespace: 'ns3', nics: ['default'] }), undefined);
    expect(filterRows([...vmRows, ...stopped], { noIp: true }).map((r) => r.id)).not.toContain(
      'ns3/off/default',
    );
  });

  it('at scale: namespace + search agree with a naive filter', () => {
    const { vms, vmis } = manyVMs(500, 4);
    const rows = buildVMRows(vms, vmis);
    const got = filterRows(rows, { namespaces: ['ns-3'], search: '10.2.' }).map((r) => r.id);
    const naive = rows
      .filter((r) => r.namespace === 'ns-3' && r.ips.some((ip) => ip.address.startsWith('10.2.')))
      .map((r) => r.id);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(naive);
  });
});

describe('countVMs', () => {
  it('counts VMs of grouped rows, as a Set of namespace/name would', () => {
    const { vms, vmis } = manyVMs(25, 3);
    const rows = buildVMRows(vms, vmis);
    expect(countVMs(rows)).toBe(new Set(rows.map((r) => `${r.namespace}/${r.vmName}`)).size);
    expect(countVMs(rows.filter((r) => r.name === 'default'))).toBe(25);
    expect(countVMs([])).toBe(0);
  });
});

describe('sameRows', () => {
  const { vms, vmis } = manyVMs(3, 2);
  const rows = buildVMRows(vms, vmis);
  it.each([
    ['the same array', rows, rows, true],
    ['a copy with the same rows', rows, [...rows], true],
    ['one row fewer', rows, rows.slice(1), false],
    ['the same rows in another order', rows, [...rows].reverse(), false],
    ['equal-looking but other objects', rows, rows.map((r) => ({ ...r })), false],
  ])('%s', (_, a, b, expected) => {
    expect(sameRows(a, b)).toBe(expected);
  });
});
