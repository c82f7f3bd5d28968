// @ts-check
/**
 * One linter for the whole tree: typescript-eslint's strict type-checked rules, Lit's template
 * rules, the web-components rules and lit-a11y's accessibility rules on the elements.
 * `npm run lint` must print nothing (warnings fail it too).
 *
 * Where a strict rule is tuned, the reason is beside it.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-demo/',
      // tsc -b's declarations and build info (npm run typecheck).
      '.tsbuild/',
      'storybook-static/',
      'coverage/',
      'data/',
      'public/',
      'node_modules/',
      'src/core/contract/openapi.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Counts and offsets in messages and CSS lengths read as numbers; everything else must be text.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => void work()` and `(x) => list.push(x)` are the idiom for callbacks whose result is unused.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // An AbortSignal's reason and a data source's rejection are whatever their owner chose:
      // passing them on unchanged is the point.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
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
    // lit-a11y ships its recommended rules in the old config format: the same rules, flat.
    files: ['src/elements/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  {
    // @open-wc's chai types make every assertion thenable, so in tests the rule only reports
    // `expect(x).to.equal(y)` lines; it guards the library and the server. Tests assert shapes
    // with `!` on purpose: a wrong guess throws and fails the test, which is what it is for.
    files: ['test/**/*.ts', 'stories/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The Node contract tests walk arbitrary JSON documents (OpenAPI, JSON Schema, answers) whose
    // shape is what they check: typed `any` on purpose, and read member by member.
    files: ['test/node/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
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
            // The core's project holds its strings (src/i18n): the export writes the list's headers in them.
            { regex: '^\\.\\./(?!\\.\\./src/(core|i18n)/)', message: 'server/api/ depends on nothing but the core and its strings.' },
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
