import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { BIN } from './run-tariff.js';

/**
 * docs/decision-service.md § The engine as a library, from a tarball: `npm pack` in (a copy of)
 * the checkout, `npm install ./tariff-studio-X.tgz` in a billing project of its own, offline, and
 * the doc's examples run there. The copy holds the checkout's files as git sees them (tracked and
 * new), so `npm pack` setting package.json aside never shows in the checkout other tests read.
 */
const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'decision-service.md'), 'utf8');
const rootManifest = readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8');
const made: string[] = [];
/** A new folder under the system's temporary one, removed after the tests (a copy of the checkout is some megabytes). */
const scratch = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const run = (cmd: string, args: string[], cwd: string): string => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}): exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

/** The checkout's locked entries for `deps` and everything they need, found as npm finds them (nested first, then up). */
function lockedClosure(deps: string[]): Record<string, object> {
  const lock = (
    JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string; resolved: string; integrity: string; dependencies?: Record<string, string> }>;
    }
  ).packages;
  const out: Record<string, object> = {};
  const want: [string, string][] = deps.map((d) => ['', d]);
  while (want.length) {
    const [from, name] = want.pop()!;
    let dir = from;
    let key: string | undefined;
    for (;;) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (lock[candidate]) {
        key = candidate;
        break;
      }
      if (!dir) break;
      const up = dir.lastIndexOf('/node_modules/');
      dir = up < 0 ? '' : dir.slice(0, up);
    }
    if (key === undefined) throw new Error(`package-lock.json has no ${name} (needed by ${from || 'the library'})`);
    if (out[key]) continue;
    const e = lock[key]!;
    out[key] = { version: e.version, resolved: e.resolved, integrity: e.integrity, ...(e.dependencies ? { dependencies: e.dependencies } : {}) };
    for (const d of Object.keys(e.dependencies ?? {})) want.push([key, d]);
  }
  return out;
}

/** The package names the files under `dir` import (bare specifiers; node: built-ins left out). */
function importedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else
        // A statement's `from '…'` or bare `import '…'` at the start of a line, or a type's import('…'); not the words of a comment or string.
        for (const m of readFileSync(p, 'utf8').matchAll(/^\s*(?:(?:import|export)\b[^;'"]*?\bfrom|import)\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
          const spec = m[1] ?? m[2]!;
          if (spec.startsWith('.') || spec.startsWith('node:')) continue;
          names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        }
    }
  };
  walk(dir);
  return names;
}

describe('the engine as a library, packed by npm pack and installed from the tarball', () => {
  let copy: string;
  let tarball: string;
  let packed: { filename: string; size: number; unpackedSize: number; entryCount: number; files: { path: string }[] };

  beforeAll(() => {
    copy = scratch('tariff-pack-');
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of listed) {
      if (!existsSync(join(PROJECT_ROOT, file))) continue;
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      copyFileSync(join(PROJECT_ROOT, file), join(copy, file));
    }
    // Only read (esbuild and tsc for the build); nothing is installed into it.
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
    const out = scratch('tariff-tgz-');
    packed = (JSON.parse(run('npm', ['pack', '--pack-destination', out, '--json'], copy)) as (typeof packed)[])[0]!;
    tarball = join(out, packed.filename);
  }, 120_000);

  it('packs the two bundles, their declarations, rules/ and tariffs/ and nothing else; package.json is the checkout’s again afterwards', () => {
    expect(readFileSync(join(copy, 'package.json'), 'utf8')).toBe(rootManifest);
    expect(existsSync(join(copy, '.pack-backup'))).toBe(false);
    const paths = packed.files.map((f) => f.path);
    for (const p of paths) expect(p).toMatch(/^(package\.json|README\.md|dist\/lib\/(engine|node)\.js|dist\/lib\/types\/[\w/.-]+\.d\.ts|rules\/[\w/.-]+|tariffs\/[\w/.-]+)$/);
    expect(paths).toEqual(
      expect.arrayContaining([
        'dist/lib/engine.js',
        'dist/lib/node.js',
        'dist/lib/types/engine/index.d.ts',
        'dist/lib/types/io/node-api.d.ts',
        'rules/index.json',
        'rules/terms-2023-09-19.txt',
        'tariffs/index.json',
      ]),
    );
    expect(paths.some((p) => /studio|\.map$|^bin\/|^src\//.test(p))).toBe(false);
    // Small: the engine and its data, not the program (a bound, not a measurement).
    expect(packed.size).toBeLessThan(400_000);
  });

  it('installs offline into a billing project of its own with the engine’s dependencies only; both examples of the doc run there, as strict TypeScript and as JavaScript, with the answer tariff decide gives', () => {
    const manifest = JSON.parse(execFileSync('tar', ['xzf', tarball, '-O', 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown> & {
      dependencies: Record<string, string>;
    };
    expect(manifest).not.toHaveProperty('bin');
    expect(manifest).not.toHaveProperty('main');
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('scripts');
    const project = scratch('tariff-billing-');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'billing', private: true, type: 'module' }));
    // Offline: npm finds the dependencies' tarballs in its cache by the versions this checkout locked.
    writeFileSync(
      join(project, 'package-lock.json'),
      JSON.stringify({ name: 'billing', lockfileVersion: 3, requires: true, packages: { '': { name: 'billing' }, ...lockedClosure(Object.keys(manifest.dependencies)) } }),
    );
    copyFileSync(tarball, join(project, packed.filename));
    const install = `npm install ./${packed.filename}`;
    expect(doc).toContain(`cd /path/to/billing && ${install}`);
    try {
      run('npm', ['install', `./${packed.filename}`, '--offline', '--no-audit', '--no-fund'], project);
    } catch (e) {
      // ENOTCACHED: npm's cache lacks a dependency's tarball, which npm ci fills.
      throw new Error(`${String(e)}\n(offline, npm takes the dependencies from its cache: npm ci in the checkout fills it)`);
    }
    const installed = readdirSync(join(project, 'node_modules'));
    for (const studio of ['better-sqlite3', 'exceljs', 'react', 'electron', 'tsx']) expect(installed).not.toContain(studio);
    expect(readdirSync(join(project, 'node_modules', 'tariff-studio')).sort()).toEqual(['README.md', 'dist', 'package.json', 'rules', 'tariffs']);
    // What the bundles and declarations import is exactly what the packed package.json depends on.
    expect([...importedPackages(join(project, 'node_modules', 'tariff-studio', 'dist', 'lib'))].sort()).toEqual(Object.keys(manifest.dependencies).sort());

    // The release, built in the project from the rules and tariffs the package ships: what `tariff release build` packs.
    const build = /```js\n(import \{ programReleaseSource[\s\S]*?)```/.exec(doc)![1]!;
    writeFileSync(join(project, 'build.mjs'), build);
    run(process.execPath, ['build.mjs'], project);
    run(process.execPath, [BIN, 'release', 'build', '--out', join(project, 'from-cli.json')], PROJECT_ROOT);
    const content = (f: string) => (JSON.parse(readFileSync(join(project, f), 'utf8')) as { content: { rules: unknown; tariffs: unknown } }).content;
    expect(content('release.json').rules).toEqual(content('from-cli.json').rules);
    expect(content('release.json').tariffs).toEqual(content('from-cli.json').tariffs);

    // The example, as written, then what it decided and on which case.
    const example = /```js\n(import \{ decideFast \} from 'tariff-studio';[\s\S]*?)```/.exec(doc)![1]!;
    const program = `${example}console.log(JSON.stringify({ question, answer, release: release.id }));\n`;
    writeFileSync(join(project, 'embed.mjs'), program);
    writeFileSync(join(project, 'embed.ts'), program);
    const tsconfig = {
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        outDir: 'out',
        types: ['node'],
        typeRoots: [join(PROJECT_ROOT, 'node_modules', '@types')],
      },
      files: ['embed.ts'],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    run(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    type Said = { question: object; answer: { outcome: string; amount: number }; release: string };
    const asJs = JSON.parse(run(process.execPath, ['embed.mjs'], project)) as Said;
    const asTs = JSON.parse(run(process.execPath, [join('out', 'embed.js')], project)) as Said;
    expect(asTs).toEqual(asJs);
    expect(asJs.release).toBe((JSON.parse(readFileSync(join(project, 'release.json'), 'utf8')) as { id: string }).id);
    expect(asJs.answer).toMatchObject({ outcome: 'settle', amount: 14000 });
    writeFileSync(join(project, 'case.json'), JSON.stringify(asJs.question));
    expect(asJs.answer).toEqual(JSON.parse(run(process.execPath, [BIN, 'decide', join(project, 'case.json')], PROJECT_ROOT)));
  }, 120_000);

  it('a pack interrupted between prepack and postpack leaves the checkout’s package.json in .pack-backup/: the next npm pack puts it back before anything else', () => {
    // What a pack killed after prepack leaves: the packed manifest in place, the checkout's set aside.
    mkdirSync(join(copy, '.pack-backup'));
    writeFileSync(join(copy, '.pack-backup', 'package.json'), rootManifest);
    writeFileSync(join(copy, 'package.json'), JSON.stringify({ name: 'tariff-studio', version: '0.0.0-packed' }));
    const r = spawnSync(process.execPath, ['scripts/library.mjs', 'prepack'], { cwd: copy, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('package.json restored from .pack-backup/ (an earlier npm pack was interrupted)');
    // Set aside again is the checkout's manifest, not the packed one left behind.
    expect(readFileSync(join(copy, '.pack-backup', 'package.json'), 'utf8')).toBe(rootManifest);
    expect(JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'))).toMatchObject({
      name: 'tariff-studio',
      version: (JSON.parse(rootManifest) as { version: string }).version,
    });
    run(process.execPath, ['scripts/library.mjs', 'postpack'], copy);
    expect(readFileSync(join(copy, 'package.json'), 'utf8')).toBe(rootManifest);
    expect(existsSync(join(copy, '.pack-backup'))).toBe(false);
  }, 120_000);
});
