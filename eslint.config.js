import js from '@eslint/js';
import tseslint from 'typescript-eslint';

import reactHooks from 'eslint-plugin-react-hooks';
import { layeringPlugin } from './eslint/layering-plugin.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-renderer/**', 'test-results/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  {
    // Type-checked rules: a promise is awaited, returned or handled, never dropped or passed where
    // a plain callback is expected.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['vite.config.ts', 'vitest.e2e.config.ts'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/studio/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // One allow-list for every folder under src/ (eslint/layers.js, the table in docs/ARCHITECTURE.md):
    // relative and package imports alike, and a folder missing from the map is an error.
    files: ['src/**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { house: layeringPlugin },
    rules: { 'house/layering': 'error' },
  },
);
