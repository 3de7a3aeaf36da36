// Lint rules. Imports point down: views -> {components, k8s} -> domain; domain imports no React, PatternFly,
// SDK or cytoscape (docs/style.md §2).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react-dom', 'react-dom/*'], message: 'plugin code renders through the console React' },
            { group: ['**/shell/**'], message: 'src/ never imports shell/' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'react-dom', '@patternfly/*', '@openshift-console/*', 'cytoscape'],
              message: 'domain/ is pure TypeScript',
            },
            {
              group: ['**/views/**', '**/components/**', '**/k8s/**'],
              message: 'domain/ imports nothing above it',
            },
          ],
        },
      ],
    },
  },
);
