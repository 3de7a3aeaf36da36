import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifySharedRequest, sharedRequiredVersions } from './sharedModules';

const root = resolve(import.meta.dirname, '../..');

describe('classifySharedRequest', () => {
  it.each([
    ['react', { kind: 'shared', key: 'react' }],
    [
      '@openshift-console/dynamic-plugin-sdk',
      { kind: 'shared', key: '@openshift-console/dynamic-plugin-sdk' },
    ],
    ['react-router-dom-v5-compat', { kind: 'shared', key: 'react-router-dom-v5-compat' }],
    ['react/jsx-runtime', { kind: 'bundle' }],
    ['react-router/dom', { kind: 'subpath', key: 'react-router' }],
    [
      '@openshift-console/dynamic-plugin-sdk/lib/api',
      { kind: 'subpath', key: '@openshift-console/dynamic-plugin-sdk' },
    ],
    ['react-query', { kind: 'bundle' }],
    ['@tanstack/react-query', { kind: 'bundle' }],
  ])('%s', (id, expected) => {
    expect(classifySharedRequest(id)).toEqual(expected);
  });
});

describe('sharedRequiredVersions', () => {
  it("takes the ranges from the console SDK's peerDependencies", () => {
    const required = sharedRequiredVersions(root);
    expect(required.react).toBe('^18.3.1');
    expect(required['react-router']).toBe('~7.13.1');
    expect(required['@openshift-console/dynamic-plugin-sdk']).toBeUndefined();
    expect(Object.keys(required)).toHaveLength(12);
  });
});
