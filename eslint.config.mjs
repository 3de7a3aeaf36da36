// Lint rules that keep the shape. Imports point down: views -> {components, k8s} ->
// domain; domain imports no React, PatternFly, console SDK or cytoscape; nothing in src/ imports the dev shell, the
// benches or the browser tests. Type-checked rules as the OpenShift console plugin template lints its plugin
// (openshift/console-plugin-template eslint.config.ts uses typescript-eslint's type-checked presets); this project
// takes `recommendedTypeChecked` and turns off, below, what is noise for it, each with its reason.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries: one list of `no-restricted-imports` patterns per layer (scripts/lint-rules.test.ts). */
const notShellBenchTests = [
  { group: ['**/shell', '**/shell/**'], message: 'src/ never imports the dev shell (shell/)' },
  { group: ['**/bench', '**/bench/**'], message: 'src/ never imports the benches (bench/)' },
  {
    group: ['**/integration-tests', '**/integration-tests/**'],
    message: 'src/ never imports the browser and cluster tests (integration-tests/)',
  },
  { group: ['react-dom', 'react-dom/*'], message: 'plugin code renders through the console React' },
];
const uiLibraries = {
  group: [
    'react',
    'react/*',
    'react-*',
    '@patternfly/*',
    '@openshift-console/*',
    '@tanstack/react-*',
    'cytoscape',
    'cytoscape-*',
  ],
  message: 'src/domain is pure TypeScript: no React, PatternFly, console SDK or cytoscape',
};
const upperLayers = (layer, above) => ({
  group: above.flatMap((dir) => [`**/${dir}`, `**/${dir}/**`]),
  message: `src/${layer} imports nothing above it (${above.map((d) => `src/${d}`).join(', ')})`,
});
const layers = {
  'src/**/*.{ts,tsx}': notShellBenchTests,
  'src/domain/**/*.{ts,tsx}': [
    ...notShellBenchTests,
    uiLibraries,
    upperLayers('domain', ['views', 'components', 'k8s', 'cli']),
  ],
  'src/k8s/**/*.{ts,tsx}': [...notShellBenchTests, upperLayers('k8s', ['views', 'components', 'cli'])],
  'src/components/**/*.{ts,tsx}': [...notShellBenchTests, upperLayers('components', ['views', 'cli'])],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Unions like `'layer2' | 'layer3' | string` name the values we know and accept what a newer API sends.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // Fakes and handlers implement Promise-returning interfaces without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // React and PatternFly call event handlers and drop their result; a promise there is awaited inside.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Matchers (`expect.objectContaining`) and `JSON.parse` of a response are `any` by design; tests assert values.
    files: ['**/*.test.{ts,tsx}', '**/*.spec.ts', 'integration-tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Plain JavaScript (the CLI launcher, loader fixtures, this file) is outside tsconfig: syntax rules only.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  ...Object.entries(layers).map(([files, patterns]) => ({
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
);
