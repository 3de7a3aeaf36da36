import { describe, expect, it } from 'vitest';
import { parseGvk } from './gvk';

describe('parseGvk', () => {
  it('reads the console URL form of a resource type', () => {
    expect(parseGvk('k8s.cni.cncf.io~v1~NetworkAttachmentDefinition')).toEqual({
      group: 'k8s.cni.cncf.io',
      version: 'v1',
      kind: 'NetworkAttachmentDefinition',
    });
    expect(parseGvk('~v1~ConfigMap')).toEqual({ group: '', version: 'v1', kind: 'ConfigMap' });
  });
  it('refuses anything that could steer the API path', () => {
    expect(parseGvk('..~v1~Secret')).toBeUndefined();
    expect(parseGvk('a/b~v1~X')).toBeUndefined();
    expect(parseGvk('g~v1~X/../../secrets')).toBeUndefined();
    expect(parseGvk('g~v1')).toBeUndefined();
    expect(parseGvk('g~1~X')).toBeUndefined();
  });
});
