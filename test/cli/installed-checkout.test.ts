import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { scratch } from '../studio/helpers.js';

/**
 * A checkout installed by its owner (root, `scripts/install.sh`) and run by another user (the
 * team server's `User=tariff` with a read-only /opt, docs/team.md): when src/ is newer than the
 * built CLI, bin/tariff.mjs cannot rebuild it. It runs the CLI as built and says so, or says what
 * to do when there is none; it crashed with a stack trace from removing dist/cli.
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) {
    spawnSync('chmod', ['-R', 'u+w', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

const installed = (withBundle: boolean): string => {
  const dir = scratch('installed-');
  made.push(dir);
  chmodSync(dir, 0o755);
  for (const p of ['bin', 'scripts', 'package.json']) cpSync(join(PROJECT_ROOT, p), join(dir, p), { recursive: true });
  if (withBundle) cpSync(join(PROJECT_ROOT, 'dist', 'cli'), join(dir, 'dist', 'cli'), { recursive: true });
  else mkdirSync(join(dir, 'dist'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'src', 'cli'), { recursive: true });
  writeFileSync(join(dir, 'src', 'cli', 'main.ts'), '// newer than the bundle\n');
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(dir, 'src', 'cli', 'main.ts'), later, later);
  // Read-only for everyone: the owner's own files, as another user sees them.
  const readOnly = (p: string): void => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules') readOnly(join(p, name));
      chmodSync(p, 0o555);
    } else chmodSync(p, 0o444);
  };
  readOnly(dir);
  return dir;
};

/** `node DIR/bin/tariff.mjs ARGS` as a user who cannot write DIR: nobody when the tests run as root (root writes anywhere). */
const runAsOtherUser = (dir: string, ...args: string[]) => {
  const node = [process.execPath, join(dir, 'bin', 'tariff.mjs'), ...args];
  const asRoot = process.getuid?.() === 0;
  const [cmd, ...rest] = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
  return spawnSync(cmd!, rest, { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir }, timeout: 60_000 });
};

describe('bin/tariff.mjs in a checkout this user cannot write', () => {
  it('runs the CLI as built when src/ is newer, saying it cannot rebuild it and what to do', () => {
    const dir = installed(true);
    const r = runAsOtherUser(dir, '--help');
    expect(r.stderr).toContain('tariff: src/ is newer than the built CLI, which cannot be rebuilt here');
    expect(r.stderr).toContain("Run `npm run build` as the checkout's owner.");
    expect(r.stderr).not.toContain('EACCES');
    expect(r.stdout).toContain('Usage: tariff COMMAND');
    expect(r.status).toBe(0);
  });

  it('without a built CLI, says to build it as the owner (exit 2, no stack trace)', () => {
    const dir = installed(false);
    const r = runAsOtherUser(dir, '--help');
    expect(r.stderr.trim()).toBe(
      `tariff: the CLI is not built (dist/cli) and cannot be built here (${join(dir, 'dist')}/ is not writable by this user): run \`npm run build\` as the checkout's owner.`,
    );
    expect(r.status).toBe(2);
  });
});

describe('a new clone before ./scripts/install.sh (no node_modules)', () => {
  const clone = (): string => {
    const dir = scratch('clone-');
    made.push(dir);
    for (const p of ['bin', 'scripts', 'package.json', 'src']) cpSync(join(PROJECT_ROOT, p), join(dir, p), { recursive: true });
    return dir;
  };

  it('tariff says which package is missing and to run ./scripts/install.sh (exit 2), not a stack trace', () => {
    const dir = clone();
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'tariff.mjs'), 'courses'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(r.stderr.trim()).toBe(`tariff: the package esbuild is not installed in ${dir}/: run ./scripts/install.sh there first (it runs npm ci), then tariff again.`);
    expect(r.status).toBe(2);
  });

  it('npm start says to run ./scripts/install.sh first (exit 1), not a build stack trace', () => {
    const dir = clone();
    const r = spawnSync(process.execPath, [join(dir, 'scripts', 'start.mjs')], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr.trim()).toBe('npm start: the packages are not installed here (no node_modules): run ./scripts/install.sh first (it runs npm ci), then npm start.');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
  });
});

describe('bin/tariff.mjs started while another is rebuilding the CLI', () => {
  it('waits for that build and runs (it read a half-built dist/cli/: ERR_MODULE_NOT_FOUND for validators.mjs)', async () => {
    const dir = scratch('concurrent-');
    made.push(dir);
    for (const p of ['bin', 'scripts', 'src', 'rules', 'tariffs', 'package.json', 'tsconfig.json']) cpSync(join(PROJECT_ROOT, p), join(dir, p), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
    const run = () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, [join(dir, 'bin', 'tariff.mjs'), 'courses', '--date', '2025-01-01'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.once('exit', (code) => resolve({ code, out, err }));
      });
    // The first builds (no dist/ in this copy); the second starts once the bundle's main.mjs is written, before the build has ended.
    const first = run();
    let firstDone = false;
    void first.then(() => (firstDone = true));
    while (!existsSync(join(dir, 'dist', 'cli', 'main.mjs')) && !firstDone) await new Promise((ok) => setTimeout(ok, 5));
    const second = run();
    const results = await Promise.all([first, second]);
    for (const r of results) expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(results[1]!.out).toBe(results[0]!.out);
    expect(results[0]!.out).toMatch(/円／月/u);
  });
});
