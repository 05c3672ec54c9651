import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forbiddenInEngine = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'electron', 'better-sqlite3', 'exceljs', 'react', 'react-dom', 'react-dom/*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-renderer/**', 'test-results/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  {
    // The engine is pure: it takes data and returns data, so it runs in the CLI, a worker,
    // Electron and the browser alike (docs/ARCHITECTURE.md).
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbiddenInEngine, message: 'src/engine must stay pure: pass data in, do I/O in the CLI, studio or simulator.' }] }],
    },
  },
  {
    // Studio layers (docs/studio.md): the renderer reaches the studio only through the typed API,
    // and runs under a CSP without eval (so no ajv); the preload carries only the API contract.
    files: ['src/studio/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'better-sqlite3', 'exceljs', 'ajv', 'ajv/*'], message: 'The renderer runs in a sandboxed page: call the studio API instead.' },
            { group: ['**/workspace/**', '**/handlers/**', '**/server/**', '**/main/**', '**/preload/**', '**/io/**', '**/cli/**', '**/version-issues*', '**/dispatcher*'], message: 'The renderer talks to the studio through src/studio/api only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/studio/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'better-sqlite3', 'exceljs', 'ajv', 'react', 'react-dom'], message: 'The preload is sandboxed: it may import electron and the API contract only.' },
            { group: ['**/workspace/**', '**/handlers/**', '**/server/**', '**/main/**', '**/renderer/**', '**/io/**', '**/cli/**', '**/dispatcher*'], message: 'The preload exposes the API contract and nothing else.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/studio/model/**/*.ts', 'src/studio/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'electron', 'better-sqlite3', 'exceljs', 'react', 'react-dom'], message: 'The studio model and API contract are pure: the renderer, preload and main all import them.' },
            { group: ['**/workspace/**', '**/handlers/**', '**/server/**', '**/main/**', '**/renderer/**', '**/io/**', '**/cli/**'], message: 'The model and the API contract depend on nothing of the studio above them.' },
          ],
        },
      ],
    },
  },
  {
    // The decision service (docs/decision-service.md) is a second product: it loads releases and
    // answers; it never opens a workspace or touches the studio.
    files: ['src/serve/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'better-sqlite3', 'exceljs', 'react', 'react-dom', 'react-dom/*'], message: 'The decision service answers from releases only.' },
            { group: ['**/studio/**', '**/camera-sim/**', '**/cli/**'], message: 'The decision service imports the engine and src/io only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/studio/main/**/*.ts', 'src/studio/server/**/*.ts', 'src/studio/handlers/**/*.ts', 'src/studio/workspace/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'react-dom/*', 'react-data-grid', '**/renderer/**'], message: 'Main, server, handlers and workspace never import the renderer.' }] }],
    },
  },
);
