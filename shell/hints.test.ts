import { describe, expect, it } from 'vitest';
import { namespaceHints, namespaceNames } from './hints';

const list = (...names: string[]) => ({
  kind: 'NamespaceList',
  items: names.map((name) => ({ metadata: { name } })),
});

describe('shell namespace hints', () => {
  it.each([
    ['a list without items', { kind: 'NamespaceList' }],
    ['a Status', { kind: 'Status', code: 403 }],
    ['null', null],
    ['text', 'Forbidden'],
    ['items that are not an array', { items: {} }],
  ])('%s is no answer, not a crash', (_, body) => {
    expect(namespaceNames(body)).toBeUndefined();
  });

  it('skips items without a name', () => {
    expect(namespaceNames({ items: [null, { metadata: {} }, { metadata: { name: 'a' } }] })).toEqual(['a']);
  });

  it('works for any user who may list namespaces, not only one named admin', async () => {
    const hints = await namespaceHints('kube:admin', ['kube:admin'], async () => list('x', 'y'));
    expect(hints).toEqual(['x', 'y']);
  });

  it('asks the current user first, then the others, and survives failures', async () => {
    const asked: string[] = [];
    const hints = await namespaceHints('tenant-a', ['admin', 'tenant-a', 'viewer'], async (u) => {
      asked.push(u);
      if (u === 'tenant-a') return { kind: 'Status', code: 403 };
      if (u === 'admin') throw new Error('ECONNREFUSED');
      return list('default', 'tenant-a');
    });
    expect(asked).toEqual(['tenant-a', 'admin', 'viewer']);
    expect(hints).toEqual(['default', 'tenant-a']);
  });

  it('no user chosen: no hints', async () => {
    expect(await namespaceHints(undefined, ['admin'], async () => list('a'))).toEqual([]);
  });
});
