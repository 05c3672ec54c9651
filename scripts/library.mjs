// The engine as a library, packed by `npm pack` (docs/decision-service.md § The engine as a library).
//
// package.json is the checkout's manifest: the studio's and the CLI's dependencies, `main` (Electron's
// entry) and `bin` (the tariff command), which npm always packs whatever `files` says. A billing
// project that installs the tarball needs none of them, so `npm pack` packs a manifest of the
// library alone: `prepack` builds dist/lib and writes it over package.json (the checkout's kept in
// .pack-backup/), `postpack` puts the checkout's back. A pack that was interrupted between the two
// leaves the backup, which the next `npm pack` (or `node scripts/library.mjs restore`) restores first.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the library imports at run time: the bundles keep them external; the packed manifest depends on them and nothing else. */
export const LIBRARY_DEPENDENCIES = ['@holiday-jp/holiday_jp', 'ajv', 'decimal.js', 'json-rules-engine'];

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = `${root}package.json`;
const backup = `${root}.pack-backup/package.json`;

/** The packed package.json: the library's exports, files and dependencies, the checkout's name and version. */
export function libraryManifest(pkg) {
  const dependencies = {};
  for (const name of LIBRARY_DEPENDENCIES) {
    const range = pkg.dependencies?.[name];
    if (!range) throw new Error(`package.json: the library imports ${name}, which is not among its "dependencies"`);
    dependencies[name] = range;
  }
  return {
    name: pkg.name,
    version: pkg.version,
    private: pkg.private,
    description: 'The engine of Tariff Studio as a library: decide the どこでも“me”REC terms from a release (docs/decision-service.md).',
    type: pkg.type,
    exports: pkg.exports,
    engines: pkg.engines,
    files: pkg.files,
    dependencies,
  };
}

const restore = () => {
  if (!existsSync(backup)) return false;
  copyFileSync(backup, manifest);
  rmSync(`${root}.pack-backup`, { recursive: true, force: true });
  return true;
};

const step = import.meta.url === pathToFileURL(process.argv[1] ?? '').href ? (process.argv[2] ?? '') : undefined;
if (step === 'prepack') {
  if (restore()) process.stderr.write('library: package.json restored from .pack-backup/ (an earlier npm pack was interrupted)\n');
  execFileSync(process.execPath, [`${root}scripts/build-engine.mjs`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  const packed = libraryManifest(pkg);
  mkdirSync(`${root}.pack-backup`, { recursive: true });
  copyFileSync(manifest, backup);
  writeFileSync(manifest, `${JSON.stringify(packed, null, 2)}\n`);
} else if (step === 'postpack' || step === 'restore') {
  restore();
} else if (step !== undefined) {
  // Run as a script with another step (imported, as build-engine.mjs does, it does nothing).
  process.stderr.write(`library: unknown step ${step} (prepack, postpack or restore)\n`);
  process.exit(2);
}
