#!/usr/bin/env node
// `npm run build`: the JavaScript the runtime runs, so nothing runs TypeScript through tsx at
// run time (docs/ARCHITECTURE.md § Build). esbuild bundles, packages stay in node_modules:
//   dist/cli/main.mjs            the `tariff` CLI (bin/tariff.mjs imports it); commands load lazily
//   dist/cli/worker-entry.mjs    the fleet simulator's worker thread, beside the code that starts it
//   dist-electron/worker-entry.mjs  the same worker beside Electron's main.cjs (vite builds main and preload)
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

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };

export async function buildCli() {
  const { build } = await import('esbuild');
  rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: [
      { in: join(root, 'src/cli/main.ts'), out: 'main' },
      { in: join(root, 'src/camera-sim/worker.ts'), out: 'worker-entry' },
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
  await build({ ...common, sourcemap: false, entryPoints: [join(root, 'src/engine/ajv.ts')], outfile: join(tmp, 'ajv.mjs') });
  const { AJV_OPTIONS, PRECOMPILED_SCHEMAS } = await import(`${join(tmp, 'ajv.mjs')}?t=${Date.now()}`);
  const { Ajv } = await import('ajv');
  const standaloneCode = (await import('ajv/dist/standalone/index.js')).default.default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  for (const [name, schema] of Object.entries(PRECOMPILED_SCHEMAS)) ajv.addSchema(schema, name);
  const code = standaloneCode(ajv, Object.fromEntries(Object.keys(PRECOMPILED_SCHEMAS).map((n) => [n, n])));
  // Standalone code requires ajv's runtime helpers with `require`, also in ESM output.
  writeFileSync(join(out, 'validators.mjs'), `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${code}\n`);
  rmSync(tmp, { recursive: true, force: true });
}

/** The simulator's worker beside Electron's main.cjs (run-simulation finds it next to itself). */
export async function buildElectronWorker() {
  const { build } = await import('esbuild');
  await build({ ...common, entryPoints: [join(root, 'src/camera-sim/worker.ts')], outfile: join(root, 'dist-electron', 'worker-entry.mjs') });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.includes('--if-stale') && !cliStale()) process.exit(0);
  await buildCli();
  if (args.includes('--electron')) await buildElectronWorker();
}
