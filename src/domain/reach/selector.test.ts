import { describe, expect, it } from 'vitest';
import type { VM } from '../kube/vm';
import { aVM, aVMI } from '../testing/fixtures';
import { addTemplateLabelPatch, chooseSelector, podLabelsOf, selectorMatches } from './selector';

const withLabels = (name: string, labels?: Record<string, string>, hostname?: string): VM => {
  const vm = aVM({ name, namespace: 'ns1' });
  if (labels) vm.spec.template.metadata = { labels };
  if (hostname) vm.spec.template.spec.hostname = hostname;
  return vm;
};

describe('podLabelsOf', () => {
  it('carries the template labels plus what KubeVirt sets, and KubeVirt wins on its own keys', () => {
    const vm = withLabels('web', { app: 'shop', 'vm.kubevirt.io/name': 'other', 'kubevirt.io': 'x' });
    expect(podLabelsOf(vm)).toEqual({
      app: 'shop',
      'vm.kubevirt.io/name': 'web',
      'kubevirt.io': 'virt-launcher',
    });
  });
  it('vm.kubevirt.io/name is the hostname when the VM sets one; a running VMI s labels win over the template', () => {
    const vm = withLabels('web', { app: 'new' }, 'frontend');
    const vmi = aVMI({ name: 'web', namespace: 'ns1' });
    vmi.metadata.labels = { app: 'old' };
    expect(podLabelsOf(vm, vmi)).toMatchObject({ app: 'old', 'vm.kubevirt.io/name': 'frontend' });
  });
});

describe('chooseSelector', () => {
  it('picks kubevirt.io/domain first when it is unique', () => {
    const me = withLabels('a', { app: 'a-app', 'kubevirt.io/domain': 'a' });
    const other = withLabels('b', { app: 'b-app', 'kubevirt.io/domain': 'b' });
    expect(chooseSelector({ vm: me }, [{ vm: other }])).toEqual({
      kind: 'template',
      key: 'kubevirt.io/domain',
      value: 'a',
    });
  });
  it('skips labels another VM of the namespace shares, and ignores VMs of other namespaces', () => {
    const me = withLabels('a', { tier: 'web', app: 'a' });
    const peer = withLabels('b', { tier: 'web', app: 'b' });
    const elsewhere = withLabels('c', { app: 'a' });
    elsewhere.metadata.namespace = 'ns2';
    expect(chooseSelector({ vm: me }, [{ vm: peer }, { vm: elsewhere }])).toEqual({
      kind: 'template',
      key: 'app',
      value: 'a',
    });
  });
  it('never chooses a key KubeVirt overwrites on the pod', () => {
    const me = withLabels('a', { 'vm.kubevirt.io/name': 'zzz' });
    expect(chooseSelector({ vm: me }, [])).toEqual({
      kind: 'kubevirt',
      key: 'vm.kubevirt.io/name',
      value: 'a',
    });
  });
  it('falls back to KubeVirt s vm.kubevirt.io/name when no template label is unique', () => {
    const me = withLabels('a', { tier: 'web' });
    const peer = withLabels('b', { tier: 'web' });
    expect(chooseSelector({ vm: me }, [{ vm: peer }])).toEqual({
      kind: 'kubevirt',
      key: 'vm.kubevirt.io/name',
      value: 'a',
    });
  });
  it('offers to add a label (restart needed) when another VM has the same hostname', () => {
    const me = withLabels('a', { tier: 'web' }, 'shared');
    const peer = withLabels('b', { tier: 'web' }, 'shared');
    expect(chooseSelector({ vm: me }, [{ vm: peer }])).toEqual({
      kind: 'add',
      key: 'kubevirt.io/domain',
      value: 'a',
      live: false,
    });
  });
});

describe('selectorMatches', () => {
  it('needs every pair; an empty or missing selector selects nothing', () => {
    expect(selectorMatches({ a: '1', b: '2' }, { a: '1', b: '2', c: '3' })).toBe(true);
    expect(selectorMatches({ a: '1', b: '3' }, { a: '1', b: '2' })).toBe(false);
    expect(selectorMatches({}, { a: '1' })).toBe(false);
    expect(selectorMatches(undefined, { a: '1' })).toBe(false);
  });
});

describe('addTemplateLabelPatch', () => {
  it('escapes the key as a JSON pointer, and creates the labels map when missing', () => {
    expect(addTemplateLabelPatch(withLabels('a', { x: '1' }), 'kubevirt.io/domain', 'a')).toEqual([
      { op: 'add', path: '/spec/template/metadata/labels/kubevirt.io~1domain', value: 'a' },
    ]);
    expect(addTemplateLabelPatch(withLabels('a'), 'k', 'v')).toEqual([
      { op: 'add', path: '/spec/template/metadata', value: { labels: { k: 'v' } } },
    ]);
  });
});
