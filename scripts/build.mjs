#!/usr/bin/env node
// `npm run build`: the JavaScript the runtime runs, so nothing runs TypeScript through tsx at
// run time (docs/ARCHITECTURE.md § Build). esbuild bundles, packages stay in node_modules:
//   dist/cli/main.mjs            the `tariff` CLI (bin/tariff.mjs imports it); commands load lazily
//   dist/cli/worker-entry.mjs    the fleet simulator's worker thread, beside the code that starts it
//   dist/cli/batch-worker-entry.mjs  the decision service's batch thread, likewise
//   dist-electron/worker-entry.mjs  the same worker beside Electron's main.cjs (vite builds main and preload)
// `--electron` builds only the worker beside Electron's main (npm run build:electron).
// `--if-stale` builds only when a file under src/ is newer than dist/cli/main.mjs (bin/tariff.mjs
// calls it so a checkout never runs an old bundle).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of the files under these paths (repository-relative). */
export const newestSource = (paths = ['src', 'package.json']) => {
  let t = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else t = Math.max(t, st.mtimeMs);
  };
  for (const p of paths) walk(join(root, p));
  return t;
};

export const CLI_BUNDLE = join(root, 'dist', 'cli', 'main.mjs');
export const cliStale = () => !existsSync(CLI_BUNDLE) || statSync(CLI_BUNDLE).mtimeMs < newestSource();

// The engine's pure packages (ajv, json-rules-engine, decimal.js, holidays) are bundled: resolving
// their hundred small files from node_modules costs more start-up than running them. Native and
// heavy packages stay in node_modules and load only with the command that needs them.
const EXTERNAL = ['better-sqlite3', 'exceljs', 'electron', 'tsx', 'esbuild'];
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

export async function buildCli() {
  const { build } = await import('esbuild');
  rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: [
      { in: join(root, 'src/cli/main.ts'), out: 'main' },
      { in: join(root, 'src/camera-sim/worker.ts'), out: 'worker-entry' },
      { in: join(root, 'src/serve/batch-worker.ts'), out: 'batch-worker-entry' },
    ],
    outdir: join(root, 'dist', 'cli'),
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: '[name]-[hash]',
  });
  await buildValidators(join(root, 'dist', 'cli'));
}

/**
 * The engine's data schemas compiled ahead of time (ajv standalone code, the engine's own ajv
 * options) into OUT/validators.mjs; bin/tariff.mjs hands them to the engine, which then compiles
 * only the schemas it meets for the first time (a decision's facts).
 */
export async function buildValidators(out) {
  const { build } = await import('esbuild');
  const tmp = join(out, '.gen');
  mkdirSync(tmp, { recursive: true });
  await build({ ...common, sourcemap: false, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(tmp, 'main.mjs') });
  const { AJV_OPTIONS, AJV_FORMATS, PRECOMPILED_SCHEMAS } = await import(`${join(tmp, 'main.mjs')}?t=${Date.now()}`);
  const { Ajv, _ } = await import('ajv');
  const standaloneCode = (await import('ajv/dist/standalone/index.js')).default.default;
  // Formats are referenced, not copied: validators.mjs imports them from the bundle.
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true, formats: _`__formats` } });
  for (const [name, format] of Object.entries(AJV_FORMATS)) ajv.addFormat(name, format);
  for (const [name, schema] of Object.entries(PRECOMPILED_SCHEMAS)) ajv.addSchema(schema, name);
  const code = standaloneCode(ajv, Object.fromEntries(Object.keys(PRECOMPILED_SCHEMAS).map((n) => [n, n])));
  // Standalone code requires ajv's runtime helpers with `require`, also in ESM output.
  writeFileSync(
    join(out, 'validators.mjs'),
    `import { createRequire } from 'node:module';\nimport { AJV_FORMATS as __formats } from './main.mjs';\nconst require = createRequire(import.meta.url);\n${code}\n`,
  );
  rmSync(tmp, { recursive: true, force: true });
}

/** The simulator's worker beside Electron's main.cjs (run-simulation finds it next to itself); `outfile` elsewhere for a test's scratch app. */
export async function buildElectronWorker(outfile = join(root, 'dist-electron', 'worker-entry.mjs')) {
  const { build } = await import('esbuild');
  await build({ ...common, entryPoints: [join(root, 'src/camera-sim/worker.ts')], outfile });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.includes('--electron')) await buildElectronWorker();
  else if (!args.includes('--if-stale') || cliStale()) await buildCli();
}
