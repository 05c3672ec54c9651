#!/usr/bin/env node
// The `tariff` command: runs the built CLI (dist/cli/main.mjs, `npm run build`). In a checkout it
// first rebuilds the bundle when a file under src/ is newer (esbuild, well under a second), so it
// never runs old code; an installed copy without the sources runs the bundle as shipped.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/main.mjs', import.meta.url);
if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { buildCli, cliStale } = await import('../scripts/build.mjs');
  if (cliStale()) await buildCli();
}
// `tariff courses | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main, usePrecompiledValidators } = await import(bundle.href);
usePrecompiledValidators(await import(new URL('../dist/cli/validators.mjs', import.meta.url).href));
const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
});
process.exitCode = code;
