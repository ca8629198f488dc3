// @ts-check
/**
 * Lint is where the architecture is enforced: the import boundaries of ARCHITECTURE.md, the
 * determinism rules of the workflow runtime, and the promise and type-import hygiene of STYLE.md.
 */
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { boundaryConfigs } from './eslint/boundaries.js';
import { swirlPlugin } from './eslint/type-import-cycles.js';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', 'packages/*/bin/**', '**/*.d.ts', '**/fixtures/**',
      // The project swirl init writes: linted and type-checked with its own config by test/swirl-init.test.ts.
      'packages/cli/templates/**'],
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX, '@typescript-eslint': tseslint.plugin, swirl: swirlPlugin },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        // The lint-probe files exist only inside test/lint's boundary tests, which lint them as text.
        projectService: { allowDefaultProject: ['*.ts', 'eslint/*.js', 'packages/*/src/__lint_probe__.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ noWarnOnMultipleProjects: true, project: ['packages/*/tsconfig.json', 'examples/tsconfig.json', 'test/tsconfig.json', 'benchmarks/tsconfig.json'], conditionNames: ['swirl-source', 'types', 'import', 'node', 'default'] })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'swirl/no-import-cycle': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  ...boundaryConfigs,
);
