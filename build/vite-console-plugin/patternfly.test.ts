import { resolve } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  isPatternFlyCss,
  loadDynamicModuleMaps,
  parseDynamicModuleRequest,
  resolveFallbackFile,
  rewritePatternFlyImports,
} from './patternfly';

const root = resolve(import.meta.dirname, '../..');
const maps = loadDynamicModuleMaps(root);
const rewrite = (code: string) =>
  rewritePatternFlyImports(code, parseAst(code, { lang: 'js' }), maps, 'src/x.tsx');

describe('rewritePatternFlyImports', () => {
  it('splits index imports into one import per dynamic module, keeping aliases', () => {
    const code = [
      "import { useState } from 'react';",
      "import { Title, PageSection as Section } from '@patternfly/react-core';",
      "import { PlusIcon } from '@patternfly/react-icons';",
      "import { Table } from '@patternfly/react-table';",
      'export const x = [Title, Section, PlusIcon, Table, useState];',
    ].join('\n');
    expect(rewrite(code)).toBe(
      [
        "import { useState } from 'react';",
        "import { Title } from '@patternfly/react-core/dist/dynamic/components/Title'; " +
          "import { PageSection as Section } from '@patternfly/react-core/dist/dynamic/components/Page';",
        "import { PlusIcon } from '@patternfly/react-icons/dist/dynamic/icons/plus-icon';",
        "import { Table } from '@patternfly/react-table/dist/dynamic/components/Table';",
        'export const x = [Title, Section, PlusIcon, Table, useState];',
      ].join('\n'),
    );
  });

  it('rewrites re-exports too', () => {
    expect(rewrite("export { Button as B } from '@patternfly/react-core';")).toBe(
      "export { Button as B } from '@patternfly/react-core/dist/dynamic/components/Button';",
    );
  });

  it('leaves modules without PatternFly index imports alone', () => {
    expect(
      rewrite("import { Title } from '@patternfly/react-core/dist/dynamic/components/Title';"),
    ).toBeUndefined();
    expect(rewrite("import x from './x';")).toBeUndefined();
  });

  it.each([
    ["import * as PF from '@patternfly/react-core';", /src\/x.tsx: import \* as PF .*use named imports/],
    ["import PF from '@patternfly/react-core';", /use named imports from @patternfly\/react-core/],
    ["import { NoSuchThing } from '@patternfly/react-core';", /has no dynamic module exporting NoSuchThing/],
    ["export * from '@patternfly/react-table';", /export \* from @patternfly\/react-table is not supported/],
  ])('refuses %s', (code, message) => {
    expect(() => rewrite(code)).toThrow(message);
  });
});

describe('dynamic modules', () => {
  it('parses share keys', () => {
    expect(parseDynamicModuleRequest('@patternfly/react-core/dist/dynamic/components/Title')).toEqual({
      pkg: '@patternfly/react-core',
      path: 'dist/dynamic/components/Title',
    });
    expect(parseDynamicModuleRequest('@patternfly/react-core/dist/esm/components/Title')).toBeUndefined();
  });

  it('resolves the fallback through the ESM "module" field, not the CommonJS "main"', () => {
    expect(resolveFallbackFile(root, '@patternfly/react-core/dist/dynamic/components/Title')).toBe(
      resolve(root, 'node_modules/@patternfly/react-core/dist/esm/components/Title/index.js'),
    );
    expect(() => resolveFallbackFile(root, '@patternfly/react-core/dist/dynamic/components/Nope')).toThrow(
      /does not exist/,
    );
  });

  it('recognises PatternFly stylesheets however they are imported', () => {
    const styles = '/p/node_modules/@patternfly/react-styles/css/components/Title/title.mjs';
    expect(isPatternFlyCss('@patternfly/react-styles/css/components/Title/title.css')).toBe(true);
    expect(isPatternFlyCss('./title.css', styles)).toBe(true);
    expect(isPatternFlyCss('./mine.css', '/p/src/views/Page.tsx')).toBe(false);
    expect(isPatternFlyCss('@patternfly/react-styles/css/components/Title/title.mjs')).toBe(false);
  });
});
