import js from '@eslint/js';
import tseslint from 'typescript-eslint';

import { layeringPlugin } from './eslint/layering-plugin.js';

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
    // One allow-list for every folder under src/ (eslint/layers.js, the table in docs/ARCHITECTURE.md):
    // relative and package imports alike, and a folder missing from the map is an error.
    files: ['src/**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { house: layeringPlugin },
    rules: { 'house/layering': 'error' },
  },
);
