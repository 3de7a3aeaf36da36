import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findCodeRefs,
  loadExtensionsSchema,
  parseJsonc,
  readExtensions,
  validateCodeRefs,
  validateExtensionsSchema,
  type EncodedExtension,
} from './extensions';

const root = resolve(import.meta.dirname, '../..');
const schema = loadExtensionsSchema(root);
const exposed = { ListPage: './src/List.tsx', Wizard: './src/Wizard.tsx' };

const route = (component: unknown): EncodedExtension => ({
  type: 'console.page/route',
  properties: { path: '/x', component },
});

describe('parseJsonc', () => {
  it('drops comments and trailing commas but keeps // inside strings', () => {
    const text = '[\n  // a route\n  { "href": "http://x/y", /* inline */ "n": [1, 2,], },\n]';
    expect(parseJsonc(text)).toEqual([{ href: 'http://x/y', n: [1, 2] }]);
  });
});

describe('validateExtensionsSchema', () => {
  it("accepts the project's console-extensions.json", () => {
    expect(
      validateExtensionsSchema(readExtensions(resolve(root, 'console-extensions.json')), schema),
    ).toEqual([]);
  });

  it('names the extension index and the property that is wrong', () => {
    const bad = [
      route({ $codeRef: 'ListPage' }),
      {
        type: 'console.page/route',
        properties: { path: '/x', component: { $codeRef: 'ListPage' }, exakt: true },
      },
      { type: 'console.page/route', properties: { path: '/x' } },
      { type: 'console.page/rute', properties: {} },
      { type: 'kubevirt.some/extension', properties: { anything: 1 } },
    ];
    expect(validateExtensionsSchema(bad, schema)).toEqual([
      'console-extensions.json[1] (console.page/route): /properties must NOT have additional properties (exakt)',
      "console-extensions.json[2] (console.page/route): /properties must have required property 'component'",
      'console-extensions.json[3] (console.page/rute): unknown console extension type "console.page/rute"',
    ]);
  });
});

describe('code refs', () => {
  const extensions = [
    route({ $codeRef: 'ListPage' }),
    {
      type: 'console.tab/horizontalNav',
      properties: { page: { name: 'n' }, component: { $codeRef: 'Wizard.Step' } },
    },
    route({ $codeRef: 'Missing' }),
    route({ $codeRef: 'ListPage.a.b' }),
  ];

  it('finds every $codeRef with its place', () => {
    expect(findCodeRefs(extensions).map((r) => `${r.index} ${r.path} ${r.ref}`)).toEqual([
      '0 properties.component ListPage',
      '1 properties.component Wizard.Step',
      '2 properties.component Missing',
      '3 properties.component ListPage.a.b',
    ]);
  });

  it('reports unknown modules and bad syntax before the bundle exists', () => {
    expect(validateCodeRefs(extensions, exposed)).toEqual([
      'console-extensions.json[2] (console.page/route) properties.component: $codeRef "Missing" names module "Missing", which is not in consolePlugin.exposedModules',
      'console-extensions.json[3] (console.page/route) properties.component: $codeRef "ListPage.a.b" is not "<module>" or "<module>.<export>"',
    ]);
  });

  it('reports exports the built chunk does not have; no export name means default', () => {
    const exportsOf = (m: string) => (m === 'ListPage' ? ['ListPage'] : ['default']);
    expect(validateCodeRefs(extensions.slice(0, 2), exposed, exportsOf)).toEqual([
      'console-extensions.json[0] (console.page/route) properties.component: $codeRef "ListPage": module ListPage (./src/List.tsx) has no export "default"',
      'console-extensions.json[1] (console.tab/horizontalNav) properties.component: $codeRef "Wizard.Step": module Wizard (./src/Wizard.tsx) has no export "Step"',
    ]);
    expect(validateCodeRefs(extensions.slice(0, 1), exposed, () => ['default'])).toEqual([]);
  });
});
