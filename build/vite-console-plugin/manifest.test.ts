import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildManifest, contentHash, validateMetadata, type ConsolePluginMetadata } from './manifest';

const root = resolve(import.meta.dirname, '../..');
const meta: ConsolePluginMetadata = {
  name: 'demo-plugin',
  version: '1.2.3',
  displayName: 'Demo',
  description: 'A demo',
  exposedModules: { Page: './src/Page.tsx' },
  dependencies: { '@console/pluginAPI': '>=4.22.0-0' },
};
const extensions = [{ type: 'console.flag', properties: { handler: { $codeRef: 'Page.flag' } } }];

describe('buildManifest', () => {
  const manifest = buildManifest(meta, extensions, 'plugin-entry.abc.js', 'h1');

  it('writes what console 4.22 reads', () => {
    expect(manifest).toEqual({
      name: 'demo-plugin',
      version: '1.2.3',
      baseURL: '/api/plugins/demo-plugin/',
      loadScripts: ['plugin-entry.abc.js'],
      registrationMethod: 'callback',
      buildHash: 'h1',
      extensions,
      dependencies: { '@console/pluginAPI': '>=4.22.0-0' },
      customProperties: { console: { displayName: 'Demo', description: 'A demo' } },
    });
  });

  it("passes the SDK's plugin-manifest schema (additionalProperties: false)", () => {
    const schemaFile =
      'node_modules/@openshift-console/dynamic-plugin-sdk-webpack/schema/plugin-manifest.json';
    const schema = JSON.parse(readFileSync(resolve(root, schemaFile), 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('leaves out empty optional fields', () => {
    const bare = buildManifest({ name: 'p', version: '0.0.1', exposedModules: {} }, [], 'e.js', 'h');
    expect(Object.keys(bare)).not.toContain('customProperties');
    expect(Object.keys(bare)).not.toContain('dependencies');
  });
});

describe('validateMetadata', () => {
  it('rejects what console would refuse at load time', () => {
    expect(validateMetadata(meta)).toEqual([]);
    expect(
      validateMetadata({ ...meta, name: 'Demo_Plugin', version: 'v1', exposedModules: { 'a.b': 'x' } }),
    ).toEqual([
      'consolePlugin.name "Demo_Plugin" must be a DNS subdomain name',
      'consolePlugin.version "v1" must be valid semver',
      'exposed module "a.b" may not contain dots or spaces (code refs split on ".")',
    ]);
  });
});

describe('contentHash', () => {
  it('changes with the content and is stable otherwise', () => {
    expect(contentHash('a', 'b')).toBe(contentHash('a', 'b'));
    expect(contentHash('a', 'b')).not.toBe(contentHash('ab'));
    expect(contentHash('x')).toMatch(/^[0-9a-f]{16}$/);
  });
});
