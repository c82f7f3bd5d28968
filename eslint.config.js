// @ts-check
/**
 * One linter for the whole tree: typescript-eslint's recommended rules (type-aware where it pays:
 * floating promises), Lit's template rules and the web-components rules on the elements.
 * `npm run lint` must print nothing.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-demo/',
      'storybook-static/',
      'coverage/',
      'data/',
      'public/',
      'node_modules/',
      'src/core/contract/openapi.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // @open-wc's chai types make every assertion thenable, so in tests the rule only reports
    // `expect(x).to.equal(y)` lines; it guards the library and the server.
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    // The Node contract tests walk arbitrary JSON documents (OpenAPI, JSON Schema, answers).
    files: ['test/node/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Shipped server code never depends on the test oracle; seeding reaches the sample data set
    // through server/sample-data.ts alone.
    files: ['server/**/*.ts'],
    ignores: ['server/sample-data.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/reference/**'], message: 'server/ must not import the test oracle.' }] },
      ],
    },
  },
  {
    // The contract module runs in every Fetch runtime, the mocks' browser included.
    files: ['server/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/reference/**'], message: 'server/ must not import the test oracle.' },
            { group: ['node:*', '@hono/node-server', '@hono/node-server/*'], message: 'server/api/ runs outside Node too.' },
            { regex: '^\\.\\./(?!\\.\\./src/core/)', message: 'server/api/ depends on nothing but the core.' },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript config and fixture files are not in the TypeScript project.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', parent: 'readonly', document: 'readonly', addEventListener: 'readonly' },
    },
  },
);
