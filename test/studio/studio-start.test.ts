import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinary, studioCommandFor, type StudioHost } from '../../src/cli/studio.js';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { scratch, SEED } from './helpers.js';

/**
 * `npm start` (scripts/start.mjs) and `tariff studio` on both kinds of machine: where Electron's
 * binary is installed it builds the Electron bundles and starts Electron on the project; where it
 * is not, it serves the browser mode and prints the URL. Electron is a stand-in script that
 * records how it was started (nothing here needs the real binary).
 */

/** A stand-in Electron: writes its arguments and the TARIFF_STUDIO_* / ELECTRON_* environment it got to `log`. */
function fakeElectron(dir: string, log: string): string {
  const exe = join(dir, 'electron');
  writeFileSync(
    exe,
    `#!${process.execPath}
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('TARIFF_STUDIO_') || k.startsWith('ELECTRON_')));
require('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify({ args: process.argv.slice(2), env }));
`,
  );
  chmodSync(exe, 0o755);
  return exe;
}

const collect = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
};

describe('tariff studio', () => {
  const saved = process.env.ELECTRON_RUN_AS_NODE;
  afterEach(() => {
    if (saved === undefined) delete process.env.ELECTRON_RUN_AS_NODE;
    else process.env.ELECTRON_RUN_AS_NODE = saved;
  });

  it('starts Electron on the project where its binary is installed, naming the workspace, the seed and read-only; never as plain Node', async () => {
    const dir = scratch('studio-electron-');
    const log = join(dir, 'electron.json');
    const workspace = join(dir, 'w.sqlite');
    // Inherited from an editor's terminal, it would make Electron run main.cjs as Node, without a window.
    process.env.ELECTRON_RUN_AS_NODE = '1';
    const host: StudioHost = { electronBinary: () => fakeElectron(dir, log), electronMain: join(PROJECT_ROOT, 'package.json'), untilStopped: () => Promise.resolve() };
    const { io, out, err } = collect();
    expect(await studioCommandFor(host).run(['--workspace', workspace, '--read-only'], io)).toBe(0);
    expect({ out, err }).toEqual({ out: [], err: [] });
    const started = JSON.parse(readFileSync(log, 'utf8')) as { args: string[]; env: Record<string, string> };
    expect(started.args).toEqual([PROJECT_ROOT]);
    expect(started.env).toEqual({
      TARIFF_STUDIO_WORKSPACE: workspace,
      TARIFF_STUDIO_RULES: SEED.rulesDir,
      TARIFF_STUDIO_TARIFFS: SEED.tariffsDir,
      TARIFF_STUDIO_READ_ONLY: '1',
    });
  });

  it('says what to build when Electron is installed but its bundles are not, and what to do when Electron cannot start', async () => {
    const dir = scratch('studio-electron-missing-');
    const exe = fakeElectron(dir, join(dir, 'electron.json'));
    const unbuilt = collect();
    const host = (over: Partial<StudioHost>): StudioHost => ({ electronBinary: () => exe, electronMain: join(dir, 'no-main.cjs'), untilStopped: () => Promise.resolve(), ...over });
    expect(await studioCommandFor(host({})).run(['--workspace', join(dir, 'w.sqlite')], unbuilt.io)).toBe(2);
    expect(unbuilt.err).toEqual(['tariff studio: the Electron bundles are not built. Run `npm run build:studio` (npm start does it for you).']);
    chmodSync(exe, 0o644);
    const broken = collect();
    expect(await studioCommandFor(host({ electronMain: join(PROJECT_ROOT, 'package.json') })).run(['--workspace', join(dir, 'w.sqlite')], broken.io)).toBe(2);
    expect(broken.err).toEqual([expect.stringMatching(/^tariff studio: Electron \(.*electron\) could not be started: .*EACCES.*Run it with --web to use the browser mode\.$/u)]);
  });

  it("serves the browser mode and prints its URL where Electron's binary is missing, and stops cleanly", async () => {
    const dir = scratch('studio-browser-');
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const { io, out } = collect();
    const host: StudioHost = { electronBinary: () => undefined, electronMain: join(dir, 'never-looked-at.cjs'), untilStopped: () => stopped };
    const running = studioCommandFor(host).run(['--workspace', join(dir, 'w.sqlite')], io);
    while (!out.some((l) => l.includes('/s/'))) await new Promise((r) => setTimeout(r, 20));
    expect(out[0]).toBe("Electron's binary is not installed here (node_modules/electron/dist is missing), so Tariff Studio runs in your browser.");
    const url = out.find((l) => l.includes('/s/'))!.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[\w-]+\/$/u);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    stop();
    expect(await running).toBe(0);
    expect(out.at(-1)).toBe('Tariff Studio stopped; every saved change is in the workspace.');
  });

  it('finds the Electron binary only where electron/path.txt names a file under electron/dist', () => {
    const dir = scratch('studio-electron-pkg-');
    const pkg = join(dir, 'node_modules', 'electron');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"41.7.2"}');
    const from = join(dir, 'x.js');
    expect(electronBinary(from)).toBeUndefined();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(electronBinary(from)).toBeUndefined();
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(electronBinary(from)).toBe(join(pkg, 'dist', 'electron'));
  });
});

/**
 * scripts/start.mjs in a scratch copy of the project's layout: `npm` and `bin/tariff.mjs` are
 * stand-ins recording how they were called, every bundle is present and newer than its sources
 * except the Electron bundle, which is older.
 */
describe('npm start (scripts/start.mjs)', () => {
  const project = (withElectron: boolean) => {
    const root = scratch('npm-start-');
    const file = (rel: string, text = '') => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), text);
      return join(root, rel);
    };
    for (const s of ['start.mjs', 'build.mjs']) copyFileSync(join(PROJECT_ROOT, 'scripts', s), file(`scripts/${s}`));
    file('package.json', '{"name":"scratch","type":"module"}');
    file('src/studio/main/main.ts', '// a source');
    const old = new Date(Date.now() - 3_600_000);
    for (const f of ['package.json', 'src/studio/main/main.ts']) utimesSync(join(root, f), old, old);
    file('dist/cli/main.mjs');
    file('dist-renderer/index.html');
    const electronBundle = file('dist-electron/main.cjs');
    const older = new Date(Date.now() - 7_200_000);
    utimesSync(electronBundle, older, older);
    file(
      'bin/tariff.mjs',
      `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(join(root, 'calls.log'))}, 'tariff ' + process.argv.slice(2).join(' ') + '\\n');\n`,
    );
    file('node_modules/electron/package.json', '{"name":"electron","version":"41.7.2"}');
    if (withElectron) {
      file('node_modules/electron/path.txt', 'electron');
      file('node_modules/electron/dist/electron');
    }
    const npm = file('fake-bin/npm', `#!/usr/bin/env bash\necho "npm $*" >> "${join(root, 'calls.log')}"\n`);
    chmodSync(npm, 0o755);
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), '--workspace', 'my.sqlite'], {
      encoding: 'utf8',
      cwd: root,
      env: { ...process.env, PATH: `${join(root, 'fake-bin')}:${process.env.PATH ?? ''}` },
    });
    const calls = existsSync(join(root, 'calls.log')) ? readFileSync(join(root, 'calls.log'), 'utf8').trim().split('\n') : [];
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls };
  };

  it('where Electron is installed: rebuilds the Electron bundles older than their sources, then runs tariff studio with the arguments given', () => {
    const r = project(true);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('npm start: npm run build:electron\n');
    expect(r.calls).toEqual(['npm run --silent build:electron', 'tariff studio --workspace my.sqlite']);
  });

  it("where Electron's binary is missing: builds nothing for Electron and runs tariff studio, which serves the browser mode", () => {
    const r = project(false);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.calls).toEqual(['tariff studio --workspace my.sqlite']);
  });
});
