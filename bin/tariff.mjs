#!/usr/bin/env node
// The `tariff` command: runs the built CLI (dist/cli/main.mjs, `npm run build`). In a checkout it
// first rebuilds the bundle when a file under src/ is newer (esbuild, well under a second), so it
// never runs old code; an installed copy without the sources runs the bundle as shipped.
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/main.mjs', import.meta.url);
// A new clone before ./scripts/install.sh: a package missing is said with what to do, not a stack trace.
const notInstalled = (e) => {
  const missing = e?.code === 'ERR_MODULE_NOT_FOUND' && /Cannot find package '([^']+)'/u.exec(e.message);
  if (!missing) throw e;
  process.stderr.write(
    `tariff: the package ${missing[1]} is not installed in ${fileURLToPath(new URL('..', import.meta.url))}: run ./scripts/install.sh there first (it runs npm ci), then tariff again.\n`,
  );
  process.exit(2);
};
/**
 * One rebuild at a time (dist/.cli-build, made with mkdir, which only one process wins): a second
 * tariff started meanwhile waits for it, then runs what it built. Before, it read dist/cli half
 * written (main.mjs new, validators.mjs not yet: ERR_MODULE_NOT_FOUND) or removed it under the
 * first. A lock left by a build that was killed is taken over after two minutes.
 */
const BUILD_LOCK = fileURLToPath(new URL('../dist/.cli-build', import.meta.url));
const underBuildLock = async (build) => {
  mkdirSync(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (e) {
      if (e?.code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(BUILD_LOCK).mtimeMs > 120_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      } catch {
        // Gone meanwhile: the next turn takes it.
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  try {
    await build();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
};
if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { buildCli, cliStale } = await import('../scripts/build.mjs');
  if (cliStale() || existsSync(BUILD_LOCK)) {
    // A checkout this user cannot write (installed by root, a service's read-only /opt) is never
    // half-removed: the bundle as built runs, or what to do is said, not a stack trace.
    const unwritable = ['../dist/cli/', '../dist/', '../']
      .map((p) => fileURLToPath(new URL(p, import.meta.url)))
      .find((dir) => {
        if (!existsSync(dir)) return false;
        try {
          accessSync(dir, constants.W_OK);
          return false;
        } catch {
          return true;
        }
      });
    // Stale again under the lock: a build that was running meanwhile may have made it fresh.
    if (unwritable === undefined) await underBuildLock(() => (cliStale() ? buildCli().catch(notInstalled) : undefined));
    else if (existsSync(bundle))
      process.stderr.write(
        `tariff: src/ is newer than the built CLI, which cannot be rebuilt here (${unwritable} is not writable by this user): running the CLI as built. Run \`npm run build\` as the checkout's owner.\n`,
      );
    else {
      process.stderr.write(
        `tariff: the CLI is not built (dist/cli) and cannot be built here (${unwritable} is not writable by this user): run \`npm run build\` as the checkout's owner.\n`,
      );
      process.exit(2);
    }
  }
}
// `tariff courses | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main, usePrecompiledValidators } = await import(bundle.href).catch(notInstalled);
usePrecompiledValidators(await import(new URL('../dist/cli/validators.mjs', import.meta.url).href).catch(notInstalled));
const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
});
process.exitCode = code;
