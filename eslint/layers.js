/**
 * The layer map: every file under src/ belongs to exactly one layer (the longest `path` that
 * contains it), and a layer may import only the layers and packages listed here. docs/ARCHITECTURE.md
 * holds the same table in words; test/unit/layers.test.ts holds the two together. A file in no
 * layer, or an import of a folder in no layer, is an error (the map fails closed).
 *
 * `packages`: exact names (subpaths allowed: `react-dom` covers `react-dom/client`) or `node:*`
 * for Node's built-ins. `typePackages`: packages a layer may import types from (`import type`),
 * erased from the built code.
 */
export const LAYERS = [
  { name: 'engine', path: 'src/engine', layers: [], packages: ['json-rules-engine', 'ajv', 'decimal.js', '@holiday-jp/holiday_jp'] },
  { name: 'tariff-model', path: 'src/tariff-model', layers: ['engine'], packages: [] },
  { name: 'net', path: 'src/net', layers: [], packages: [] },
  { name: 'io', path: 'src/io', layers: ['engine', 'tariff-model', 'net'], packages: ['node:*', 'exceljs'] },
  { name: 'camera-sim', path: 'src/camera-sim', layers: ['engine', 'io'], packages: ['node:*', 'exceljs', 'tsx'] },
  { name: 'serve', path: 'src/serve', layers: ['engine', 'io'], packages: ['node:*', 'tsx'] },
  { name: 'studio-api', path: 'src/studio/api', layers: ['engine', 'tariff-model', 'camera-sim'], packages: [], typePackages: ['ajv'] },
  { name: 'studio-dispatcher', path: 'src/studio/api/dispatcher.ts', layers: ['engine', 'tariff-model', 'studio-api'], packages: ['ajv'] },
  { name: 'studio-workspace', path: 'src/studio/workspace', layers: ['engine', 'tariff-model', 'io', 'studio-api'], packages: ['node:*', 'better-sqlite3'] },
  { name: 'studio-team', path: 'src/studio/team', layers: ['engine', 'tariff-model', 'net', 'studio-api', 'studio-dispatcher', 'studio-workspace'], packages: ['node:*'] },
  { name: 'studio-scenarios', path: 'src/studio/scenarios', layers: ['engine', 'tariff-model', 'camera-sim', 'studio-api', 'studio-workspace'], packages: ['node:*'] },
  {
    name: 'studio-handlers',
    path: 'src/studio/handlers',
    layers: ['engine', 'tariff-model', 'io', 'camera-sim', 'studio-api', 'studio-dispatcher', 'studio-workspace', 'studio-scenarios', 'studio-team'],
    packages: ['node:*'],
  },
  {
    name: 'studio-server',
    path: 'src/studio/server',
    layers: ['engine', 'tariff-model', 'io', 'studio-api', 'studio-dispatcher', 'studio-handlers', 'studio-workspace', 'studio-team'],
    packages: ['node:*'],
  },
  { name: 'studio-connection', path: 'src/studio/main/connection.ts', layers: ['tariff-model'], packages: ['node:*'] },
  {
    name: 'studio-main',
    path: 'src/studio/main',
    layers: ['engine', 'tariff-model', 'studio-api', 'studio-dispatcher', 'studio-handlers', 'studio-workspace', 'studio-server', 'studio-connection'],
    packages: ['node:*', 'electron'],
  },
  { name: 'studio-preload', path: 'src/studio/preload', layers: ['studio-api'], packages: ['electron'] },
  { name: 'studio-renderer', path: 'src/studio/renderer', layers: ['engine', 'tariff-model', 'studio-api'], packages: ['react', 'react-dom', 'react-data-grid', 'recharts'] },
  {
    name: 'cli',
    path: 'src/cli',
    layers: ['engine', 'tariff-model', 'io', 'camera-sim', 'studio-api', 'studio-workspace', 'studio-handlers', 'studio-server', 'studio-team', 'studio-connection', 'serve'],
    packages: ['node:*'],
  },
];
