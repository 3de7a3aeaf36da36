/**
 * The lint rules that keep the project's shape (eslint.config.mjs, stylelint.config.mjs) fail on code that breaks
 * it: each case lints a small in-memory file at a path in a layer, with the project's own config, and names the
 * rule it must trip (or that it must pass). Type-aware rules are off here: the files do not exist on disk.
 */
import { ESLint } from 'eslint';
import stylelint from 'stylelint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [
    { ...tseslint.configs.disableTypeChecked, files: ['**/*.{ts,tsx}'] },
    { languageOptions: { parserOptions: { projectService: false } } },
  ],
});

const restricted = async (path: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

type BoundaryCase = { name: string; path: string; code: string; message: RegExp };

const violations: BoundaryCase[] = [
  {
    name: 'domain imports React',
    path: 'src/domain/interfaces/x.ts',
    code: "import { useState } from 'react';\nexport const x = useState;\n",
    message: /src\/domain is pure TypeScript/,
  },
  {
    name: 'domain imports PatternFly',
    path: 'src/domain/kube/x.ts',
    code: "import { Button } from '@patternfly/react-core';\nexport const x = Button;\n",
    message: /src\/domain is pure TypeScript/,
  },
  {
    name: 'domain imports the console SDK (types too)',
    path: 'src/domain/x.ts',
    code: "import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';\nexport type X = K8sModel;\n",
    message: /src\/domain is pure TypeScript/,
  },
  {
    name: 'domain imports cytoscape',
    path: 'src/domain/topology/x.ts',
    code: "import cytoscape from 'cytoscape';\nexport const x = cytoscape;\n",
    message: /src\/domain is pure TypeScript/,
  },
  {
    name: 'domain imports a view',
    path: 'src/domain/interfaces/x.ts',
    code: "import { cells } from '../../views/vm-interfaces/cells';\nexport const x = cells;\n",
    message: /src\/domain imports nothing above it/,
  },
  {
    name: 'domain imports k8s',
    path: 'src/domain/interfaces/x.ts',
    code: "import { unwrap } from '../../k8s/queries';\nexport const x = unwrap;\n",
    message: /src\/domain imports nothing above it/,
  },
  {
    name: 'k8s imports a view',
    path: 'src/k8s/x.ts',
    code: "import { VMNetworksPage } from '../views/vm-interfaces/VMNetworksPage';\nexport const x = VMNetworksPage;\n",
    message: /src\/k8s imports nothing above it/,
  },
  {
    name: 'a component imports a view',
    path: 'src/components/X.tsx',
    code: "import { TopologyPage } from '../views/topology/TopologyPage';\nexport const x = TopologyPage;\n",
    message: /src\/components imports nothing above it/,
  },
  {
    name: 'a view imports the dev shell',
    path: 'src/views/topology/X.tsx',
    code: "import { i18n } from '../../../shell/i18n';\nexport const x = i18n;\n",
    message: /never imports the dev shell/,
  },
  {
    name: 'k8s imports a bench',
    path: 'src/k8s/x.ts',
    code: "import { quantiles } from '../../bench/vm-networks/report';\nexport const x = quantiles;\n",
    message: /never imports the benches/,
  },
  {
    name: 'domain imports the browser tests',
    path: 'src/domain/testing/x.ts',
    code: "import { chromiumLaunchOptions } from '../../../integration-tests/support/chromium';\nexport const x = chromiumLaunchOptions;\n",
    message: /never imports the browser and cluster tests/,
  },
  {
    name: 'a view imports react-dom',
    path: 'src/views/X.tsx',
    code: "import { createPortal } from 'react-dom';\nexport const x = createPortal;\n",
    message: /renders through the console React/,
  },
];

const allowed: Omit<BoundaryCase, 'message'>[] = [
  {
    name: 'domain imports domain',
    path: 'src/domain/interfaces/x.ts',
    code: "import { getBinding } from '../kube/vm';\nexport const x = getBinding;\n",
  },
  {
    name: 'k8s imports React and domain',
    path: 'src/k8s/x.ts',
    code: "import { useMemo } from 'react';\nimport type { VM } from '../domain/kube/vm';\nexport const x = useMemo;\nexport type X = VM;\n",
  },
  {
    name: 'a view imports PatternFly, k8s, components and domain',
    path: 'src/views/vm-interfaces/X.tsx',
    code: "import { Button } from '@patternfly/react-core';\nimport { unwrap } from '../../k8s/queries';\nimport { LoadError } from '../../components/LoadError';\nimport { filterRows } from '../../domain/interfaces/search';\nexport const x = [Button, unwrap, LoadError, filterRows];\n",
  },
];

// The first case loads the whole ESLint config (typescript-eslint, every plugin): seconds on a busy machine.
describe('import boundaries (eslint no-restricted-imports per layer)', { timeout: 60_000 }, () => {
  it.each(violations)('fails: $name', async ({ path, code, message }) => {
    const messages = await restricted(path, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each(allowed)('passes: $name', async ({ path, code }) => {
    expect(await restricted(path, code)).toEqual([]);
  });
});

describe('styles (stylelint, the console plugin template rules)', { timeout: 60_000 }, () => {
  const lintCss = async (code: string) => {
    const { results } = await stylelint.lint({ code, codeFilename: 'src/views/x/x.css' });
    return (results[0]?.warnings ?? []).map((w) => w.rule);
  };

  it.each([
    { name: 'a hex colour', code: '.vmnet-x {\n  color: #151515;\n}\n', rule: 'color-no-hex' },
    {
      name: 'a hex fallback of a PatternFly token',
      code: '.vmnet-x {\n  color: var(--pf-t--global--text--color--subtle, #4d4d4d);\n}\n',
      rule: 'color-no-hex',
    },
    { name: 'a named colour', code: '.vmnet-x {\n  color: red;\n}\n', rule: 'color-named' },
    { name: 'rgb()', code: '.vmnet-x {\n  color: rgb(0 0 0);\n}\n', rule: 'function-disallowed-list' },
    {
      name: 'an override of a PatternFly class',
      code: '.pf-v6-c-table .vmnet-x {\n  display: block;\n}\n',
      rule: 'selector-disallowed-list',
    },
    {
      name: 'an override of a console class',
      code: '.co-m-pane__body {\n  display: block;\n}\n',
      rule: 'selector-disallowed-list',
    },
    { name: 'a naked element selector', code: 'table {\n  display: block;\n}\n', rule: 'selector-max-type' },
  ])('fails: $name', async ({ code, rule }) => {
    expect(await lintCss(code)).toContain(rule);
  });

  it('passes: a token without fallback on our own class', async () => {
    expect(
      await lintCss(
        '.vmnet-x {\n  color: var(--pf-t--global--text--color--subtle);\n}\n\ntable.vmnet-x {\n  display: block;\n}\n',
      ),
    ).toEqual([]);
  });
});
