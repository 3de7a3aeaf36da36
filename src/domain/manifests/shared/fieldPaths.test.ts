import { describe, expect, it } from 'vitest';
import { type FieldTable, META_RENAMES, fieldOfPath, pathOfField } from './fieldPaths';

const table: FieldTable = {
  renames: [
    ...META_RENAMES,
    { field: 'selector', path: 'spec.selector', leaf: true },
    { field: 'mode', path: 'spec.l.ipam.mode' },
    { field: 'mode', path: 'spec.l.ipam', alias: true, leaf: true },
    { field: 'subnets[]', path: 'spec.l.subnets[].cidr', exact: true },
  ],
  rest: 'spec.l',
};

describe('pathOfField', () => {
  it.each<{ field: string; path: string | undefined }>([
    { field: 'name', path: 'metadata.name' },
    { field: 'description', path: 'metadata.annotations.description' },
    { field: 'selector.matchLabels', path: 'spec.selector.matchLabels' },
    { field: 'mode', path: 'spec.l.ipam.mode' },
    { field: 'subnets[3]', path: 'spec.l.subnets[3].cidr' },
    { field: 'subnets[3].hostSubnet', path: 'spec.l.subnets[3].hostSubnet' },
    { field: 'mtu', path: 'spec.l.mtu' },
  ])('$field → $path', ({ field, path }) => {
    expect(pathOfField(table, field)).toBe(path);
  });

  it('without a rest, an unlisted field has no path', () => {
    expect(pathOfField({ renames: META_RENAMES }, 'mtu')).toBeUndefined();
  });
});

describe('fieldOfPath (the same table, read back)', () => {
  it.each<{ path: string; field: string | undefined }>([
    { path: 'metadata.namespace', field: 'namespace' },
    // All annotations too long together: the description is the one the user typed.
    { path: 'metadata.annotations', field: 'description' },
    { path: 'metadata.annotations.description', field: 'description' },
    { path: 'metadata.annotations.other', field: undefined },
    { path: 'spec.selector.matchExpressions[0].key', field: 'selector' },
    { path: 'spec.l.ipam.mode', field: 'mode' },
    { path: 'spec.l.ipam', field: 'mode' },
    { path: 'spec.l.subnets[2].cidr', field: 'subnets[2]' },
    { path: 'spec.l.subnets[2].hostSubnet', field: 'subnets[2].hostSubnet' },
    { path: 'spec.l.mtu', field: 'mtu' },
    { path: 'spec.l', field: undefined },
    { path: 'spec.other', field: undefined },
  ])('$path → $field', ({ path, field }) => {
    expect(fieldOfPath(table, path)).toBe(field);
  });

  it('restDepth keeps only the first segments below rest', () => {
    expect(fieldOfPath({ renames: [], rest: 'spec', restDepth: 1 }, 'spec.nodeSelector.zone')).toBe(
      'nodeSelector',
    );
  });

  it('every listed field reads back to itself', () => {
    for (const r of table.renames.filter((x) => !x.alias)) {
      const field = r.field.replace('[]', '[4]');
      expect(fieldOfPath(table, pathOfField(table, field) ?? '')).toBe(field);
    }
  });
});
