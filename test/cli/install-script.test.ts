import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/options.js';

/**
 * scripts/install.sh as README.md describes it: idempotent, `npm ci` only when the lock file changed,
 * Electron's binary tried once. Run in a scratch copy of the project's layout, with `npm`, the system
 * packages' script and electron's install.js replaced by stand-ins that record how they were called
 * (nothing is installed, nothing leaves the machine).
 */
type Project = {
  root: string;
  run: (electron: 'downloads' | 'fails') => { status: number | null; stdout: string; stderr: string };
  npmCalls: () => string[];
  electronCalls: () => string[];
};

function scratchProject(): Project {
  const root = mkdtempSync(join(tmpdir(), 'install-sh-'));
  mkdirSync(join(root, 'scripts'));
  copyFileSync(join(PROJECT_ROOT, 'scripts', 'install.sh'), join(root, 'scripts', 'install.sh'));
  writeFileSync(join(root, 'scripts', 'setup-system.sh'), 'echo "setup-system: stand-in"\n');
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3, "v": 1}\n');
  const bin = join(root, 'fake-bin');
  mkdirSync(bin);
  // npm: records its arguments; `npm ci` leaves node_modules as it is (the stand-in installs nothing).
  writeFileSync(join(bin, 'npm'), `#!/usr/bin/env bash\necho "$*" >> "${join(root, 'npm.log')}"\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  // electron's own install.js does exactly this first: exit 0, downloading nothing, when the variable is set.
  writeFileSync(
    join(root, 'node_modules', 'electron', 'install.js'),
    `const fs = require('node:fs'); const path = require('node:path');
fs.appendFileSync(${JSON.stringify(join(root, 'electron.log'))}, (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ? 'skipped' : 'tried') + '\\n');
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);
if (process.env.FAKE_ELECTRON === 'fails') { console.error('download failed'); process.exit(1); }
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`,
  );
  const lines = (f: string): string[] => (existsSync(join(root, f)) ? readFileSync(join(root, f), 'utf8').trim().split('\n') : []);
  return {
    root,
    run: (electron) =>
      spawnSync('bash', [join(root, 'scripts', 'install.sh')], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, FAKE_ELECTRON: electron },
      }),
    npmCalls: () => lines('npm.log'),
    electronCalls: () => lines('electron.log'),
  };
}

describe('scripts/install.sh (README § Set-up)', () => {
  it('is valid bash', () => {
    expect(spawnSync('bash', ['-n', join(PROJECT_ROOT, 'scripts', 'install.sh')]).status).toBe(0);
    expect(spawnSync('bash', ['-n', join(PROJECT_ROOT, 'scripts', 'setup-system.sh')]).status).toBe(0);
  });

  it('runs npm ci once, tries Electron once (really: without ELECTRON_SKIP_BINARY_DOWNLOAD), and skips both when run again', () => {
    const p = scratchProject();
    const first = p.run('downloads');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('install: npm ci');
    expect(first.stdout).toContain('install: Electron binary installed (node_modules/electron/dist/electron)');
    expect(p.npmCalls()).toEqual(['ci --no-audit --no-fund', 'run --silent build']);
    expect(p.electronCalls()).toEqual(['tried']);

    const again = p.run('downloads');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('install: npm packages up to date');
    expect(again.stdout).toContain('install: Electron binary present (node_modules/electron/dist/electron)');
    expect(p.npmCalls()).toEqual(['ci --no-audit --no-fund', 'run --silent build', 'run --silent build']);
    expect(p.electronCalls()).toEqual(['tried']);

    writeFileSync(join(p.root, 'package-lock.json'), '{"lockfileVersion": 3, "v": 2}\n');
    expect(p.run('downloads').stdout).toContain('install: npm ci');
    expect(p.npmCalls().filter((c) => c.startsWith('ci '))).toHaveLength(2);
  });

  it('a failed download is tried once: marked, then skipped with the way to retry', () => {
    const p = scratchProject();
    const first = p.run('fails');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("install: Electron's binary could not be downloaded here; the studio will run in browser mode");
    expect(existsSync(join(p.root, 'node_modules', '.electron-download-failed'))).toBe(true);
    const again = p.run('fails');
    expect(again.stdout).toContain('delete node_modules/.electron-download-failed to retry');
    expect(p.electronCalls()).toEqual(['tried']);
  });
});

/**
 * scripts/setup-system.sh on a machine where some packages are missing: run with PATH holding only
 * stand-ins (the tools "installed", `id`, `dpkg` and an `apt-get` that records its calls), so what
 * it finds missing is exactly what the test left out, and nothing is installed.
 */
function systemRun(present: string[], opts: { root?: boolean; fontsInstalled?: boolean } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'setup-system-'));
  const bin = join(root, 'bin');
  mkdirSync(bin);
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  for (const name of present) tool(name, 'exit 0');
  tool('id', `echo ${opts.root === false ? 1000 : 0}`);
  tool('dpkg', `exit ${opts.fontsInstalled ? 0 : 1}`);
  tool('apt-get', `echo "$*" >> "${join(root, 'apt.log')}"`);
  const env: NodeJS.ProcessEnv = { PATH: bin };
  const r = spawnSync('/bin/bash', [join(PROJECT_ROOT, 'scripts', 'setup-system.sh')], { encoding: 'utf8', env });
  const apt = existsSync(join(root, 'apt.log')) ? readFileSync(join(root, 'apt.log'), 'utf8').trim().split('\n') : [];
  return { ...r, apt };
}

describe('scripts/setup-system.sh (called by install.sh)', () => {
  const all = ['g++', 'make', 'python3', 'chromium', 'soffice'];

  it('installs build-essential and python3 (what npm ci needs to build better-sqlite3) with the rest where missing', () => {
    const r = systemRun([]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('setup-system: installing build-essential python3 chromium fonts-ipafont-gothic libreoffice-calc');
    expect(r.apt).toEqual(['update -qq', 'install -y -qq --no-install-recommends build-essential python3 chromium fonts-ipafont-gothic libreoffice-calc']);
  });

  it('skips what is there: g++ without make still wants build-essential; python3 present is not installed again', () => {
    const r = systemRun(['g++', 'python3', 'chromium', 'soffice'], { fontsInstalled: true });
    expect(r.status, r.stderr).toBe(0);
    expect(r.apt).toEqual(['update -qq', 'install -y -qq --no-install-recommends build-essential']);
    const noPython = systemRun(['g++', 'make', 'chromium', 'soffice'], { fontsInstalled: true });
    expect(noPython.apt).toEqual(['update -qq', 'install -y -qq --no-install-recommends python3']);
  });

  it('with everything there it installs nothing and says so', () => {
    const r = systemRun(all, { fontsInstalled: true });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('setup-system: build tools (g++, make, python3), chromium, fonts and LibreOffice already installed\n');
    expect(r.apt).toEqual([]);
  });

  it('not root: names the packages to install (build tools included) and carries on, installing nothing', () => {
    const r = systemRun(['chromium', 'soffice'], { root: false, fontsInstalled: true });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('setup-system: please install: build-essential python3 (needs Debian/Ubuntu and root)\n');
    expect(r.apt).toEqual([]);
  });
});
