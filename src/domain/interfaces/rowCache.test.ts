import { describe, expect, it } from 'vitest';
import { manyVMs } from '../testing/fixtures';
import { buildVMRows } from './rows';
import { createRowBuilder } from './rowCache';

describe('createRowBuilder', () => {
  const { vms, vmis } = manyVMs(30, 3);

  it('builds the same rows as buildVMRows', () => {
    expect(createRowBuilder()(vms, vmis)).toEqual(buildVMRows(vms, vmis));
  });

  it('reuses rows of unchanged VMs and rebuilds a changed one', () => {
    const build = createRowBuilder();
    const first = build(vms, vmis);
    const changed = structuredClone(vms[4]!);
    changed.spec.template.spec.domain.devices.interfaces![0]!.model = 'e1000e';
    const next = build(
      vms.map((v, i) => (i === 4 ? changed : v)),
      vmis,
    );
    const idsOf4 = new Set(buildVMRows([changed], vmis).map((r) => r.id));
    next.forEach((row, i) => {
      if (idsOf4.has(row.id)) expect(row).not.toBe(first[i]);
      else expect(row).toBe(first[i]);
    });
    const nic = changed.spec.template.spec.domain.devices.interfaces![0]!.name;
    expect(next.find((r) => idsOf4.has(r.id) && r.name === nic)?.model).toBe('e1000e');
  });

  it('rebuilds a VM whose VMI changed', () => {
    const build = createRowBuilder();
    const first = build(vms, vmis);
    const vmi = structuredClone(vmis[0]!);
    const next = build(vms, [vmi, ...vmis.slice(1)]);
    const key = `${vmi.metadata.namespace}/${vmi.metadata.name}/`;
    next.forEach((row, i) => {
      if (row.id.startsWith(key)) expect(row).not.toBe(first[i]);
      else expect(row).toBe(first[i]);
    });
  });
});

describe('createRowBuilder options', () => {
  const { vms, vmis } = manyVMs(10, 2);

  it('keeps every row when the primary-UDN namespaces come again in a new set with the same members', () => {
    const build = createRowBuilder();
    const first = build(vms, vmis, { primaryUdnNamespaces: new Set(['ns-1']) });
    const again = build(vms, vmis, { primaryUdnNamespaces: new Set(['ns-1']) });
    again.forEach((row, i) => expect(row).toBe(first[i]));
    // No set and an empty one mean the same.
    const none = build(vms, vmis, {});
    const empty = build(vms, vmis, { primaryUdnNamespaces: new Set() });
    empty.forEach((row, i) => expect(row).toBe(none[i]));
  });

  it('rebuilds the rows when the primary-UDN namespaces change', () => {
    const build = createRowBuilder();
    const before = build(vms, vmis, { primaryUdnNamespaces: new Set() });
    const after = build(vms, vmis, { primaryUdnNamespaces: new Set(['ns-1']) });
    expect(after).toEqual(buildVMRows(vms, vmis, { primaryUdnNamespaces: new Set(['ns-1']) }));
    expect(after.some((row, i) => row.namespace === 'ns-1' && row !== before[i])).toBe(true);
  });
});

describe('createRowBuilder result identity', () => {
  const { vms, vmis } = manyVMs(10, 2);

  it('gives the previous array back when no row changed, a new one when one did', () => {
    const build = createRowBuilder();
    const first = build(vms, vmis, { primaryUdnNamespaces: new Set() });
    expect(build([...vms], [...vmis], { primaryUdnNamespaces: new Set() })).toBe(first);
    const next = build(vms.slice(1), vmis);
    expect(next).not.toBe(first);
    expect(next).toHaveLength(first.length - 2);
  });
});
