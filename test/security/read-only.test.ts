import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { freshStudio, scratch, SEED } from '../studio/helpers.js';
import { BIN } from '../cli/run-tariff.js';
import { runCli } from './helpers.js';

/** Attacks 5 and 11: verification that writes, and workspaces that cannot be written. */
/** Runs the CLI as a user without write access: nobody when the suite runs as root (root writes anything), else this user. */
const asReader = (args: string[], cwd: string) => {
  chmodSync(cwd, 0o777);
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, HOME: cwd },
    ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
  });
};

const made: string[] = [];
afterAll(() => made.forEach((d) => chmodSync(d, 0o755)));

/** A closed workspace in a folder that is then made read-only (file 0444, folder 0555). */
function readOnlyWorkspace(): { dir: string; file: string } {
  const dir = scratch('ro-');
  chmodSync(dir, 0o755);
  const file = join(dir, 'ws.sqlite');
  const { ws } = openWorkspace(file, { seed: SEED, actor: 'tester' });
  closeWorkspace(ws);
  chmodSync(file, 0o444);
  chmodSync(dir, 0o555);
  made.push(dir);
  return { dir, file };
}

describe('audit verify never writes', () => {
  it('refuses a 0-byte file and leaves it 0 bytes, with no journal beside it', async () => {
    const dir = scratch('empty-');
    const file = join(dir, 'empty.sqlite');
    writeFileSync(file, '');
    const r = await runCli('audit', 'verify', '--workspace', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('WORKSPACE_FOREIGN');
    expect(statSync(file).size).toBe(0);
    expect(readdirSync(dir)).toEqual(['empty.sqlite']);
  });

  it('refuses a text file and a foreign SQLite database, byte for byte unchanged', async () => {
    const dir = scratch('foreign-');
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database\n');
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    for (const f of [text, other]) {
      const before = readFileSync(f);
      const r = await runCli('audit', 'verify', '--workspace', f);
      expect(r.code, f).toBe(2);
      expect(r.err).toMatch(/WORKSPACE_FOREIGN/);
      expect(readFileSync(f).equals(before)).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'other.sqlite']);
  });

  it('leaves a workspace byte for byte as it was', async () => {
    const file = join(scratch('same-'), 'ws.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED, actor: 'tester' }).ws);
    const before = readFileSync(file);
    expect((await runCli('audit', 'verify', '--workspace', file)).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('works on a read-only file in a read-only folder (an archive)', () => {
    const { dir, file } = readOnlyWorkspace();
    const r = asReader(['audit', 'verify', '--workspace', file], scratch('home-'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('the audit chain holds');
    expect(r.stdout).toContain('the chain reaches every anchor');
    expect(r.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['ws.sqlite', 'ws.sqlite.anchors']);
  });
});

describe('read-only workspaces', () => {
  it('the CLI refuses a write with WORKSPACE_READ_ONLY and exit 2, never a stack trace', () => {
    const { file } = readOnlyWorkspace();
    const home = scratch('home-');
    const out = join(home, 'book.xlsx');
    const exp = asReader(['tariffs', 'export', '--version', '2023-09-19', '--out', out], home);
    expect(exp.status, exp.stderr).toBe(0);
    const r = asReader(['tariffs', 'import', out, '--workspace', file, '--effective', '2031-01-01'], home);
    expect(r.stderr).toContain('WORKSPACE_READ_ONLY');
    expect(r.stderr).not.toMatch(/SqliteError|at .*\.ts:\d+/);
    expect(r.status).toBe(2);
  });

  it('the studio opens it read-only: info says so, a write is refused with WORKSPACE_READ_ONLY', async () => {
    const file = join(scratch('ro-studio-'), 'ws.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED, actor: 'tester' }).ws);
    const copy = join(scratch('ro-copy-'), 'ws.sqlite');
    copyFileSync(file, copy);
    const { ws } = openWorkspace(copy, { readOnly: true });
    const { dispatch } = freshStudio(ws);
    expect(await dispatch('workspace.info', {})).toMatchObject({ ok: true, value: { readOnly: true } });
    const r = await dispatch('tariffs.createDraft', { from: 1, effective: '2031-01-01', title: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'WORKSPACE_READ_ONLY' } });
    closeWorkspace(ws);
  });
});
