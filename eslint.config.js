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
);
