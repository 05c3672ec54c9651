import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { PREFERRED_PORT } from '../../src/studio/server/browser-mode.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { listTariffVersions } from '../../src/studio/workspace/tariff-store.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { scratch } from './helpers.js';
import { cellOf, editWorkbook } from './workbook-helpers.js';

const BIN = join(PROJECT_ROOT, 'bin', 'tariff.mjs');
const dir = scratch('cli-');
const tariff = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
const versionsIn = (file: string) => {
  const { ws } = openWorkspace(file);
  try {
    return listTariffVersions(ws).map((v) => `${v.effective} ${v.status}`);
  } finally {
    closeWorkspace(ws);
  }
};

describe('tariff tariffs export / import', () => {
  const book = join(dir, 'tariff.xlsx');
  const workspace = join(dir, 'w.sqlite');

  it('exports a version of the tariffs/ folder', () => {
    const r = tariff('tariffs', 'export', '--version', '2023-09-19', '--out', book);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`wrote ${book}: tariff 2023-09-19 (approved), 150 courses, 10 options`);
    expect(r.status).toBe(0);
  });

  it('imports into a workspace it creates, printing the change list and last "N changes"', async () => {
    writeFileSync(
      join(dir, 'edited.xlsx'),
      await editWorkbook(readFileSync(book), (wb) => {
        cellOf(wb, '表1 コース', 'PLUS-LONG', '月額料金（円）').value = 17500;
        cellOf(wb, '表3 オプション', 'pipe-mount', '料金・M2035（円）').value = 3300;
        cellOf(wb, '表1 コース', 'M5525N-3Y-C14-SN', '月額料金（円）').value = 13500;
      }),
    );
    const r = tariff('tariffs', 'import', join(dir, 'edited.xlsx'), '--workspace', workspace, '--effective', '2025-04-01');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`created workspace ${workspace}`);
    expect(r.stdout.trim().split('\n')).toEqual([
      `created draft #2 effective 2025-04-01 from 2023-09-19 (approved) in ${workspace}`,
      '表1 コース PLUS-LONG 月額料金（円）: 17000 → 17500',
      '表1 コース M5525N-3Y-C14-SN 月額料金（円）: 7400 → 13500  (price +82 %: more than ±50 %, check it is no slip)',
      '表3 オプション pipe-mount 料金・M2035（円）: 3100 → 3300',
      '3 changes',
    ]);
    expect(versionsIn(workspace)).toEqual(['2025-04-01 draft', '2023-09-19 approved']);
  });

  it('exports the draft from the workspace and re-imports it with no changes', () => {
    const draftBook = join(dir, 'draft.xlsx');
    expect(tariff('tariffs', 'export', '--version', '2025-04-01', '--out', draftBook, '--workspace', workspace).stdout).toContain('tariff 2025-04-01 (draft #2)');
    const r = tariff('tariffs', 'import', draftBook, '--workspace', workspace, '--dry-run');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 changes');
    expect(r.status).toBe(0);
  });

  it("an import onto a date that already has a version says so, as the studio's dialog does (only one of them can be submitted)", () => {
    const r = tariff('tariffs', 'import', join(dir, 'edited.xlsx'), '--workspace', workspace, '--effective', '2025-04-01', '--title', 'again');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('created draft #3 effective 2025-04-01');
    expect(r.stderr).toContain(
      'warning: 2025-04-01 already has draft #2 "Imported from edited.xlsx"; only one version of a date can be submitted for review: give one of them another date (tariff tariffs import --effective DATE) or discard the draft you do not keep.',
    );
    const dry = tariff('tariffs', 'import', join(dir, 'edited.xlsx'), '--workspace', workspace, '--effective', '2025-05-01', '--dry-run');
    expect(dry.stderr).not.toContain('already has');
    expect(versionsIn(workspace)).toEqual(['2025-04-01 draft', '2025-04-01 draft', '2023-09-19 approved']);
  });

  it('a bad workbook prints each error with sheet, cell and what to enter, exits 2 and changes nothing', async () => {
    writeFileSync(
      join(dir, 'bad.xlsx'),
      await editWorkbook(readFileSync(book), (wb) => {
        cellOf(wb, '表1 コース', 'SHORT', '月額料金（円）').value = '二万四千';
      }),
    );
    const before = readFileSync(workspace);
    const r = tariff('tariffs', 'import', join(dir, 'bad.xlsx'), '--workspace', workspace);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error: CELL_NOT_YEN: 表1 コース!C2 (月額料金（円）): "二万四千" is not a number; expected a whole number of yen, 0 or more.');
    expect(r.stderr).toContain('1 error in');
    expect(r.stdout).toBe('');
    expect(readFileSync(workspace).equals(before)).toBe(true);
  });

  it('a corrupt file and a missing file say so', () => {
    writeFileSync(join(dir, 'corrupt.xlsx'), 'not a workbook');
    const corrupt = tariff('tariffs', 'import', join(dir, 'corrupt.xlsx'), '--workspace', workspace);
    expect(corrupt.status).toBe(2);
    expect(corrupt.stderr).toMatch(/error: WORKBOOK_UNREADABLE: corrupt\.xlsx is not an Excel workbook/u);
    writeFileSync(join(dir, 'empty.xlsx'), '');
    const empty = tariff('tariffs', 'import', join(dir, 'empty.xlsx'), '--workspace', workspace);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('error: WORKBOOK_EMPTY: empty.xlsx is empty (0 bytes): there is nothing to import.');
    expect(empty.stdout).toBe('');
    const missing = tariff('tariffs', 'import', join(dir, 'nope.xlsx'), '--workspace', workspace);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('FILE_UNREADABLE');
  });

  it('usage errors name the option', () => {
    expect(tariff('tariffs', 'export', '--version', 'soon', '--out', 'x.xlsx').stderr).toContain('--version must be an effective date');
    expect(tariff('tariffs', 'import', book).stderr).toContain('needs --workspace');
  });
});

/** `tariff studio --web ARGS` in a child process, stopped after the test: the URL it printed, and what it printed so far. */
const startWebStudio = async (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; url: string; output: () => string }> => {
  const child = spawn(process.execPath, [BIN, 'studio', '--web', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^ {2}(http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{20,}\/)$/mu.exec(out);
      if (m && out.includes('Press Ctrl+C to stop.')) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`studio exited: ${out}`)));
  });
  return { child, url, output: () => out };
};

describe('tariff studio --web', () => {
  it('serves the browser mode on 127.0.0.1, prints the URL with its secret, answers the API and stops cleanly', async () => {
    const workspace = join(dir, 'web.sqlite');
    const { child, url, output } = await startWebStudio(['--workspace', workspace]);
    expect(output()).toContain(`Workspace: ${workspace} (created now from tariffs/ and rules/)`);
    const r = await fetch(`${url}api/workspace.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(await r.json()).toMatchObject({ ok: true, value: { file: workspace, tariffVersions: 1 } });
    const bad = await fetch(`${url}api/tariffs.get`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"id":"1"}' });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output()).toContain('Tariff Studio stopped');
    expect(existsSync(workspace)).toBe(true);
  });

  it('on a new machine, with no --workspace, creates the default workspace and its folder (~/.local/share/Tariff Studio/)', async () => {
    const home = join(dir, 'new-home');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    for (const k of ['XDG_DATA_HOME', 'TARIFF_STUDIO_WORKSPACE']) delete env[k];
    const workspace = join(home, '.local', 'share', 'Tariff Studio', 'workspace.sqlite');
    const { child, url, output } = await startWebStudio([], env);
    expect(output()).toContain(`Workspace: ${workspace} (created now from tariffs/ and rules/)`);
    const r = await fetch(`${url}api/workspace.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(await r.json()).toMatchObject({ ok: true, value: { file: workspace } });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('an empty or relative XDG_DATA_HOME is ignored (the XDG spec): the default workspace stays in ~/.local/share, not in the working directory', async () => {
    for (const xdg of ['', 'data']) {
      const home = join(dir, `xdg-home-${xdg || 'empty'}`);
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_DATA_HOME: xdg };
      delete env.TARIFF_STUDIO_WORKSPACE;
      const { child, output } = await startWebStudio([], env);
      expect(output()).toContain(`Workspace: ${join(home, '.local', 'share', 'Tariff Studio', 'workspace.sqlite')} (created now`);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(existsSync(join(dir, 'Tariff Studio'))).toBe(false);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('a HOME whose data folder cannot be made (HOME=/proc/nohome) is said with what to do, not a studio hanging in mkdir', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: '/proc/nohome' };
    for (const k of ['XDG_DATA_HOME', 'TARIFF_STUDIO_WORKSPACE']) delete env[k];
    // node's recursive mkdir never returns under /proc: the timeout ends that case (status null).
    const r = spawnSync(process.execPath, [BIN, 'studio', '--web'], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toContain('WORKSPACE_UNWRITABLE: cannot create the folder /proc/nohome/.local/share/Tariff Studio for a workspace');
    expect(r.stderr).toContain('Choose a folder you can write to (--workspace FILE).');
    expect(r.status).toBe(2);
  });

  it('on a new machine, a case folder typed as a relative name is made beside the workspace, ~/ in the home folder, never in the working directory', async () => {
    const home = join(dir, 'case-home');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    for (const k of ['XDG_DATA_HOME', 'TARIFF_STUDIO_WORKSPACE']) delete env[k];
    const beside = join(home, '.local', 'share', 'Tariff Studio');
    const { child, url } = await startWebStudio([], env);
    const call = async (name: string, args: unknown) =>
      (await (await fetch(`${url}api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })).json()) as {
        ok: boolean;
        value: { file?: string; folders?: { path: string }[] };
      };
    const caseJson = '{"asOf":"2025-02-28","decision":"surcharge","facts":{"evadedAmount":1000}}\n';
    expect(await call('explorer.saveCase', { folder: 'cases', fileName: 'mine.json', caseJson })).toMatchObject({ ok: true, value: { file: join(beside, 'cases', 'mine.json') } });
    expect(await call('explorer.saveCase', { folder: '~/my cases', fileName: 'mine.json', caseJson })).toMatchObject({
      ok: true,
      value: { file: join(home, 'my cases', 'mine.json') },
    });
    const set = await call('rules.setCaseFolders', { folders: ['cases'] });
    expect(set.value.folders?.map((f) => f.path)).toContain(join(beside, 'cases'));
    // The studio runs in `dir` (npm start runs it in the checkout): nothing was made there.
    expect(existsSync(join(dir, 'cases'))).toBe(false);
    expect(existsSync(join(dir, '~'))).toBe(false);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('without --port it listens on the same port at every start (41229 while free), so the browser keeps the language chosen; a taken port falls back to a free one', async () => {
    const { child, url } = await startWebStudio(['--workspace', join(dir, 'port-a.sqlite')]);
    const portOf = (u: string) => Number(new URL(u).port);
    // Another process (a parallel test file) may hold 41229: then, and only then, another port is fine.
    const held = async () =>
      new Promise<boolean>((resolve) => {
        const probe = createServer();
        probe.once('error', () => resolve(true));
        probe.listen(PREFERRED_PORT, '127.0.0.1', () => probe.close(() => resolve(false)));
      });
    if (portOf(url) !== PREFERRED_PORT) expect(await held()).toBe(true);
    // A second studio while the first holds the port: a free port, not a refusal.
    const second = await startWebStudio(['--workspace', join(dir, 'port-b.sqlite')]);
    expect(portOf(second.url)).not.toBe(PREFERRED_PORT);
    for (const c of [child, second.child]) {
      const exited = new Promise<number | null>((resolve) => c.once('exit', resolve));
      c.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it("after a first start without --workspace, a command that needs --workspace names the studio's own workspace to paste (before it, nothing)", async () => {
    const home = join(dir, 'own-home');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    for (const k of ['XDG_DATA_HOME', 'TARIFF_STUDIO_WORKSPACE']) delete env[k];
    const own = join(home, '.local', 'share', 'Tariff Studio', 'workspace.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, encoding: 'utf8' });
    expect(run('audit', 'verify').stderr).not.toContain('Tariff Studio');
    const { child } = await startWebStudio([], env);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const hint = `the studio's own workspace (opened when it is started without --workspace) is --workspace "${own}"`;
    for (const args of [
      ['audit', 'verify'],
      ['workspace', 'check'],
      ['workspace', 'backup', '--out', 'b.sqlite'],
      ['tariffs', 'import', 'x.xlsx'],
    ]) {
      const r = run(...args);
      expect(r.stderr, args.join(' ')).toContain(hint);
      expect(r.status).toBe(2);
    }
    // The users of a team server are never in the desktop studio's workspace: no hint there.
    expect(run('users', 'list').stderr).not.toContain(hint);
    // The path given is one the command takes.
    expect(run('workspace', 'check', '--workspace', own).status).toBe(0);
  });

  it('--workspace=~/…, --out=~/… and TARIFF_STUDIO_WORKSPACE=~/… (no shell expands these) are in the home folder, not a folder named ~ in the working directory', async () => {
    const home = join(dir, 'tilde-home');
    mkdirSync(home);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    delete env.TARIFF_STUDIO_WORKSPACE;
    const { child, output } = await startWebStudio(['--workspace=~/tariff/ws.sqlite'], env);
    expect(output()).toContain(`Workspace: ${join(home, 'tariff', 'ws.sqlite')} (created now`);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const fromEnv = await startWebStudio([], { ...env, TARIFF_STUDIO_WORKSPACE: '~/from-env.sqlite' });
    expect(fromEnv.output()).toContain(`Workspace: ${join(home, 'from-env.sqlite')} (created now`);
    const envExited = new Promise<number | null>((resolve) => fromEnv.child.once('exit', resolve));
    fromEnv.child.kill('SIGTERM');
    expect(await envExited).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'tariffs', 'export', '--version', '2023-09-19', '--out=~/tariff.xlsx'], { cwd: dir, env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(existsSync(join(home, 'tariff.xlsx'))).toBe(true);
    expect(existsSync(join(dir, '~'))).toBe(false);
  });

  it('--read-only says it was asked for, and refuses a write', async () => {
    const workspace = join(dir, 'web.sqlite');
    expect(existsSync(workspace)).toBe(true);
    const { child, url, output } = await startWebStudio(['--read-only', '--workspace', workspace]);
    expect(output()).toContain('Opened read-only (--read-only)');
    expect(output()).not.toContain('cannot be written');
    const write = await fetch(`${url}api/tariffs.createDraft`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: 1, effective: '2027-01-01', title: 'x' }),
    });
    expect(await write.json()).toMatchObject({ ok: false, error: { code: 'WORKSPACE_READ_ONLY' } });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('npm start', () => {
  it('takes a relative --workspace from the folder it was typed in, and a SIGTERM sent to npm alone stops the studio (no orphan holding the workspace)', async () => {
    const here = join(dir, 'typed-here');
    mkdirSync(here);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: join(dir, 'npm-home'), npm_config_update_notifier: 'false' };
    for (const k of ['XDG_DATA_HOME', 'TARIFF_STUDIO_WORKSPACE', 'INIT_CWD']) delete env[k];
    const npm = spawn('npm', ['--prefix', PROJECT_ROOT, 'start', '--silent', '--', '--web', '--workspace', 'mine.sqlite'], { cwd: here, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onTestFinished(() => {
      if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
    });
    let out = '';
    // 'close': every process writing to the pipes (npm, its shell, scripts/start.mjs, the studio) has ended.
    const closed = new Promise<void>((resolve) => npm.once('close', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      npm.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('Press Ctrl+C to stop.')) resolve();
      });
      npm.once('exit', () => reject(new Error(`npm start exited: ${out}`)));
    });
    expect(out).toContain(`Workspace: ${join(here, 'mine.sqlite')} (created now`);
    expect(existsSync(join(PROJECT_ROOT, 'mine.sqlite'))).toBe(false);
    npm.kill('SIGTERM');
    await closed;
    expect(out).toContain('Tariff Studio stopped; every saved change is in the workspace.');
    expect(existsSync(join(here, 'mine.sqlite.lock'))).toBe(false);
  }, 180_000);
});
