// @ts-check
import tseslint from 'typescript-eslint';

/** The import boundaries of ARCHITECTURE.md: what each folder may import. */
const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report', '.test-output', '.data'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'Focused tests skip the rest of the suite.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict([...node, 'electron', 'react', 'react-dom', 'better-sqlite3', '**/electron/**', '**/renderer/**'], 'shared/ is pure: no I/O, no electron, no React.'),
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: restrict(['electron', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], 'The backend runs under plain Node: no electron, no renderer.'),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(['**/renderer/**'], 'main never imports the renderer.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/backend/**', '**/renderer/**', 'node:*'], message: 'The preload exposes the bridge only.' }, { group: ['**/shared/**'], allowTypeImports: true, message: 'Only types from shared/.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict([...node, 'electron', 'better-sqlite3', '**/electron/**'], 'The renderer talks to main only through the typed IPC client.'),
  },
  {
    files: ['shared/domain/**/*.ts'],
    ignores: ['shared/domain/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain code takes the clock as a parameter (asOf).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Domain code takes the clock as a parameter (asOf).' },
        { selector: "CallExpression[callee.name='parseFloat']", message: 'Money is integer centavos.' },
      ],
    },
  },
);
