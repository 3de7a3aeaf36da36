import { describe, expect, it } from 'vitest';
import { aVM } from '../testing/fixtures';
import { meshPrerequisites, sidecarPatch, sidecarRequested } from './mesh';

const vm = (binding: 'masquerade' | 'bridge', annotations?: Record<string, string>) => {
  const v = aVM({ name: 'web', namespace: 'ns1', nics: [{ name: 'default', network: 'pod', binding }] });
  if (annotations) (v.spec.template as { metadata?: object }).metadata = { annotations };
  return v;
};

describe('mesh', () => {
  it('reads the template annotation', () => {
    expect(sidecarRequested(vm('masquerade', { 'sidecar.istio.io/inject': 'true' }))).toBe(true);
    expect(sidecarRequested(vm('masquerade'))).toBe(false);
  });
  it('prerequisites: masquerade on the pod network, the namespace in the mesh', () => {
    expect(meshPrerequisites(vm('masquerade'), { 'istio-injection': 'enabled' }, undefined)).toEqual({
      masquerade: true,
      namespace: 'member',
    });
    expect(meshPrerequisites(vm('bridge'), undefined, ['ns1'])).toEqual({
      masquerade: false,
      namespace: 'member',
    });
    expect(meshPrerequisites(vm('masquerade'), {}, [])).toEqual({
      masquerade: true,
      namespace: 'not-member',
    });
    expect(meshPrerequisites(vm('masquerade'), undefined, undefined).namespace).toBe('unknown');
  });
  it('patches the annotation on and off', () => {
    expect(sidecarPatch(vm('masquerade'), true)).toEqual([
      {
        op: 'add',
        path: '/spec/template/metadata',
        value: { annotations: { 'sidecar.istio.io/inject': 'true' } },
      },
    ]);
    expect(sidecarPatch(vm('masquerade', { a: 'b' }), true)).toEqual([
      { op: 'add', path: '/spec/template/metadata/annotations/sidecar.istio.io~1inject', value: 'true' },
    ]);
    expect(sidecarPatch(vm('masquerade', { 'sidecar.istio.io/inject': 'true' }), false)).toEqual([
      { op: 'remove', path: '/spec/template/metadata/annotations/sidecar.istio.io~1inject' },
    ]);
    expect(sidecarPatch(vm('masquerade'), false)).toEqual([]);
  });
});
