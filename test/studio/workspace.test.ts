import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { StudioError } from '../../src/tariff-model/studio-error.js';
import { appendAudit, verifyAudit } from '../../src/studio/workspace/audit-log.js';
import { exportFolders } from '../../src/studio/workspace/export-folders.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/studio/workspace/migrations.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { listRuleVersions } from '../../src/studio/workspace/rule-store.js';
import { createTariffDraft, discardTariffDraft, getTariffVersion, listTariffVersions, saveTariffDraft } from '../../src/studio/workspace/tariff-store.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { freshWorkspace, scratch, SEED } from './helpers.js';

const files = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
};
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof StudioError ? e.code : `not a StudioError: ${String(e)}`;
  }
  return undefined;
};

describe('workspace', () => {
  it('is created from tariffs/ and rules/ with its schema version, versions and an audit entry', () => {
    const ws = freshWorkspace();
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ws.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(listTariffVersions(ws)).toEqual([expect.objectContaining({ effective: '2023-09-19', status: 'approved' })]);
    expect(listRuleVersions(ws)).toEqual([expect.objectContaining({ effective: '2023-09-19', status: 'approved' })]);
    expect(verifyAudit(ws)).toMatchObject({ ok: true, entries: 1 });
  });

  it('lists its migrations strictly ascending, and applies every missing one to an existing workspace, also one numbered below its version', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    // A workspace made by a build with migration 6 but not 5 (branches merged in another order).
    const file = join(scratch('ws-'), 'workspace.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED, actor: 'tester' }).ws);
    const old = new Database(file);
    old.exec('DROP TABLE sessions; DROP TABLE users; DELETE FROM schema_migrations WHERE version = 5;');
    expect(old.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    old.close();
    const { ws } = openWorkspace(file, { actor: 'tester' });
    onTestFinished(() => closeWorkspace(ws));
    expect(ws.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(versions.map((version) => ({ version })));
    expect(ws.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'sessions', 'tariff_reviews')").get()).toEqual({ n: 3 });
    expect(ws.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(listTariffVersions(ws)).toEqual([expect.objectContaining({ effective: '2023-09-19', status: 'approved' })]);
  });

  it('migration 7 keeps the tariff review steps of a workspace made before it, and takes a request for changes after it', () => {
    const file = join(scratch('ws-'), 'workspace.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED, actor: 'tester' }).ws);
    // The workspace as migration 6 left it: its tariff_reviews knew three steps, and held one.
    const old = new Database(file);
    old.exec(`DROP TABLE tariff_reviews; ${MIGRATIONS.find((m) => m.version === 6)!.sql}
      INSERT INTO tariff_reviews (tariff_version, step, reviewer, comment, at) VALUES (1, 'submitted', 'sato', 'please review', '2026-01-01T00:00:00.000Z');
      DELETE FROM schema_migrations WHERE version >= 7; PRAGMA user_version = 6;`);
    expect(() => old.prepare("INSERT INTO tariff_reviews (tariff_version, step, reviewer, comment, at) VALUES (1, 'changes-requested', 'kato', 'x', 'now')").run()).toThrow(
      /CHECK/,
    );
    old.close();
    const { ws } = openWorkspace(file, { actor: 'tester' });
    onTestFinished(() => closeWorkspace(ws));
    expect(ws.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ws.db.prepare('SELECT id, step, reviewer, comment FROM tariff_reviews').all()).toEqual([{ id: 1, step: 'submitted', reviewer: 'sato', comment: 'please review' }]);
    ws.db.prepare("INSERT INTO tariff_reviews (tariff_version, step, reviewer, comment, at) VALUES (1, 'changes-requested', 'kato', 'fee too high', 'now')").run();
    expect(() => ws.db.prepare('UPDATE tariff_reviews SET comment = ? WHERE id = 1').run('x')).toThrow(/REVIEW_APPEND_ONLY/);
    expect(ws.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name = 'tariff_reviews_version'").get()).toEqual({ n: 1 });
    expect(ws.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('migration 8 keeps the rule review steps of a workspace made before it, and takes a request for changes after it', () => {
    const file = join(scratch('ws-'), 'workspace.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED, actor: 'tester' }).ws);
    // The workspace as migration 7 left it: its reviews (migration 2, triggers of migration 4) knew three steps.
    const old = new Database(file);
    const m2 = MIGRATIONS.find((m) => m.version === 2)!.sql;
    old.exec(`DROP TABLE reviews; ${m2}
      CREATE TRIGGER reviews_no_replace BEFORE INSERT ON reviews WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM reviews WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'REVIEW_APPEND_ONLY: a review step is never replaced'); END;
      INSERT INTO reviews (rule_version, step, reviewer, comment, at) VALUES (1, 'submitted', 'sato', 'please review', '2026-01-01T00:00:00.000Z');
      DELETE FROM schema_migrations WHERE version = 8; PRAGMA user_version = 7;`);
    expect(() => old.prepare("INSERT INTO reviews (rule_version, step, reviewer, comment, at) VALUES (1, 'changes-requested', 'kato', 'x', 'now')").run()).toThrow(/CHECK/);
    old.close();
    const { ws } = openWorkspace(file, { actor: 'tester' });
    onTestFinished(() => closeWorkspace(ws));
    expect(ws.db.pragma('user_version', { simple: true })).toBe(8);
    expect(ws.db.prepare('SELECT id, step, reviewer, comment FROM reviews').all()).toEqual([{ id: 1, step: 'submitted', reviewer: 'sato', comment: 'please review' }]);
    ws.db.prepare("INSERT INTO reviews (rule_version, step, reviewer, comment, at) VALUES (1, 'changes-requested', 'kato', 'cite 第12条', 'now')").run();
    expect(() => ws.db.prepare("INSERT INTO reviews (rule_version, step, reviewer, comment, at) VALUES (1, 'changes-requested', 'kato', '  ', 'now')").run()).toThrow(/CHECK/);
    expect(() => ws.db.prepare('UPDATE reviews SET comment = ? WHERE id = 1').run('x')).toThrow(/REVIEW_APPEND_ONLY/);
    expect(() => ws.db.prepare("INSERT INTO reviews (id, rule_version, step, reviewer, comment, at) VALUES (1, 1, 'submitted', 'x', 'y', 'now')").run()).toThrow(
      /REVIEW_APPEND_ONLY/,
    );
    expect(ws.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name = 'reviews_rule_version'").get()).toEqual({ n: 1 });
    expect(ws.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('folders → workspace → folders gives the same files, byte for byte', () => {
    const ws = freshWorkspace();
    const out = scratch('export-');
    exportFolders(ws, { rulesDir: join(out, 'rules'), tariffsDir: join(out, 'tariffs') });
    for (const root of ['rules', 'tariffs']) {
      const src = join(PROJECT_ROOT, root);
      expect(files(join(out, root))).toEqual(files(src));
      for (const f of files(src)) expect(readFileSync(join(out, root, f)).equals(readFileSync(join(src, f))), `${root}/${f}`).toBe(true);
    }
  });

  it('a changed version exports value-identical and loads back through the engine loader', () => {
    const ws = freshWorkspace();
    const draft = createTariffDraft(ws, { from: 1, effective: '2025-04-01', title: 'spring' });
    const courses = draft.version.courses.map((c) => (c.code === 'LONG' ? { ...c, monthlyFee: 15500 } : c));
    saveTariffDraft(ws, { id: draft.id, revision: draft.revision, version: { ...draft.version, courses }, action: 'tariff.draft.edited', before: null, after: null });
    const out = scratch('export-drafts-');
    exportFolders(ws, { rulesDir: join(out, 'rules'), tariffsDir: join(out, 'tariffs'), includeDrafts: true });
    const again = openWorkspace(join(out, 'again.sqlite'), { seed: { rulesDir: join(out, 'rules'), tariffsDir: join(out, 'tariffs') } }).ws;
    const versions = listTariffVersions(again).map((r) => getTariffVersion(again, r.id));
    expect(versions.map((v) => [v.effective, v.status])).toEqual([
      ['2025-04-01', 'draft'],
      ['2023-09-19', 'approved'],
    ]);
    expect(versions[0]!.version).toEqual(getTariffVersion(ws, draft.id).version);
    closeWorkspace(again);
  });

  it('never edits an approved version: the store refuses and so does the database', () => {
    const ws = freshWorkspace();
    const approved = getTariffVersion(ws, 1);
    expect(code(() => saveTariffDraft(ws, { id: 1, revision: approved.revision, version: approved.version, action: 'tariff.draft.edited', before: null, after: null }))).toBe(
      'VERSION_NOT_DRAFT',
    );
    expect(() => ws.db.prepare("UPDATE tariff_versions SET data = '{}' WHERE id = 1").run()).toThrow(/VERSION_NOT_DRAFT/);
    expect(() => ws.db.prepare('DELETE FROM tariff_versions WHERE id = 1').run()).toThrow(/VERSION_NOT_DRAFT/);
    expect(code(() => discardTariffDraft(ws, 1))).toBe('VERSION_NOT_DRAFT');
  });

  it('a draft has its own date; a save on a stale revision is refused, not lost', () => {
    const ws = freshWorkspace();
    const d = createTariffDraft(ws, { from: 1, effective: '2025-04-01', title: '' });
    expect(d).toMatchObject({ status: 'draft', basedOn: 1, effective: '2025-04-01', revision: 1 });
    expect(code(() => createTariffDraft(ws, { from: 1, effective: '2025-02-30', title: '' }))).toBe('BAD_DATE');
    saveTariffDraft(ws, { id: d.id, revision: 1, version: d.version, action: 'tariff.draft.edited', before: null, after: null });
    expect(code(() => saveTariffDraft(ws, { id: d.id, revision: 1, version: d.version, action: 'tariff.draft.edited', before: null, after: null }))).toBe('DRAFT_CONFLICT');
    expect(getTariffVersion(ws, d.id).revision).toBe(2);
  });

  it('the audit log is append-only and its chain shows tampering', () => {
    const ws = freshWorkspace();
    appendAudit(ws, 'test.one', 'x', { after: 1 });
    appendAudit(ws, 'test.two', 'x', { after: 2 });
    expect(verifyAudit(ws)).toMatchObject({ ok: true, entries: 3 });
    expect(() => ws.db.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(/AUDIT_APPEND_ONLY/);
    expect(() => ws.db.prepare('DELETE FROM audit_log').run()).toThrow(/AUDIT_APPEND_ONLY/);
    ws.db.exec('DROP TRIGGER audit_log_no_update');
    ws.db.prepare("UPDATE audit_log SET after = '3' WHERE seq = 2").run();
    expect(verifyAudit(ws)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('a damaged workspace (a truncated file) is called damaged, and the advice keeps the file and restores a backup', () => {
    const dir = scratch('damaged-ws-');
    const file = join(dir, 'workspace.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED }).ws);
    truncateSync(file, 20_000);
    for (const readOnly of [false, true] as const) {
      const e = (() => {
        try {
          openWorkspace(file, { readOnly });
        } catch (err) {
          return err as StudioError;
        }
      })();
      expect(e, `readOnly ${readOnly}`).toMatchObject({ code: 'WORKSPACE_CORRUPT', message: expect.stringContaining(`${file} is damaged`) });
      expect(e!.hint).toContain('Keep this file');
      expect(e!.hint).toContain('tariff workspace check');
      expect(e!.hint).not.toContain('create a new');
    }
  });

  it('refuses a file that is not a workspace, with a code and what to do', () => {
    const dir = scratch('bad-ws-');
    writeFileSync(join(dir, 'junk.sqlite'), 'this is not a database, just text that goes on for a while '.repeat(50));
    const junk = (() => {
      try {
        openWorkspace(join(dir, 'junk.sqlite'));
      } catch (e) {
        return e as StudioError;
      }
    })();
    expect(junk).toMatchObject({ code: 'WORKSPACE_FOREIGN', message: expect.stringContaining('is not a Tariff Studio workspace'), hint: expect.stringContaining('tariffs/') });
    const foreign = new Database(join(dir, 'other.sqlite'));
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    expect(code(() => openWorkspace(join(dir, 'other.sqlite')))).toBe('WORKSPACE_FOREIGN');
    const newer = new Database(join(dir, 'newer.sqlite'));
    newer.pragma('user_version = 99');
    newer.close();
    expect(code(() => openWorkspace(join(dir, 'newer.sqlite')))).toBe('WORKSPACE_TOO_NEW');
    expect(code(() => openWorkspace(join(dir, 'missing.sqlite')))).toBe('WORKSPACE_MISSING');
  });

  it('refuses a workspace whose schema_migrations lists a migration this build does not know, even when its user_version is not above ours', () => {
    const file = join(scratch('ws-'), 'workspace.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED, actor: 'tester' }).ws);
    // A newer Tariff Studio (or a branch merged in another order) added migrations 97 and 98
    // without raising user_version past ours.
    const newer = new Database(file);
    newer.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (97, 'from-a-newer-studio', '2027-01-01T00:00:00Z'), (98, 'another', '2027-01-01T00:00:00Z')");
    expect(newer.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    newer.close();
    for (const readOnly of [false, true]) {
      let err: unknown;
      try {
        openWorkspace(file, { actor: 'tester', readOnly });
      } catch (e) {
        err = e;
      }
      expect(err, `readOnly: ${readOnly}`).toMatchObject({
        code: 'WORKSPACE_TOO_NEW',
        message: expect.stringMatching(/migrations 97, 98 .*this Tariff Studio does not know/u),
        hint: expect.stringContaining('Update Tariff Studio'),
      });
    }
    // Nothing was migrated or written: the unknown rows are still there and ours are untouched.
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([...MIGRATIONS.map((m) => m.version), 97, 98].map((version) => ({ version })));
    after.close();
  });

  it('a broken folder seeds nothing: no half-created workspace is left behind', () => {
    const dir = scratch('bad-seed-');
    cpSync(SEED.tariffsDir, join(dir, 'tariffs'), { recursive: true });
    writeFileSync(join(dir, 'tariffs', '2023-09-19', 'options.json'), '{ "options": [');
    expect(code(() => openWorkspace(join(dir, 'w.sqlite'), { seed: { rulesDir: SEED.rulesDir, tariffsDir: join(dir, 'tariffs') } }))).toBe('SEED_INVALID');
    expect(readdirSync(dir)).toEqual(['tariffs']);
  });

  it('a pipe or a symbolic link loop among the folders’ other files is refused with its path, without a hang or half a workspace', () => {
    for (const [name, make] of [
      ['notes.fifo', (p: string) => execFileSync('mkfifo', [p])],
      ['loop', (p: string) => symlinkSync('..', p)],
    ] as const) {
      const dir = scratch('odd-seed-');
      cpSync(SEED.rulesDir, join(dir, 'rules'), { recursive: true });
      const odd = join(dir, 'rules', '2023-09-19', name);
      make(odd);
      const err = (() => {
        try {
          openWorkspace(join(dir, 'w.sqlite'), { seed: { rulesDir: join(dir, 'rules'), tariffsDir: SEED.tariffsDir } });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err, name).toBeInstanceOf(StudioError);
      expect((err as StudioError).code, name).toBe('SEED_INVALID');
      expect((err as StudioError).message, name).toContain(name === 'loop' ? `${odd}/` : odd);
      expect((err as StudioError).hint, name).toMatch(/^Remove it from the folder/u);
      expect(readdirSync(dir), name).toEqual(['rules']);
    }
  });

  it('a process killed in the middle of saving loses nothing it had saved', async () => {
    const file = join(scratch('kill-'), 'w.sqlite');
    const ws = freshWorkspace(file);
    const draft = createTariffDraft(ws, { from: 1, effective: '2025-04-01', title: '' });
    closeWorkspace(ws);
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'save-forever.ts'), file, String(draft.id)], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const acknowledged = await new Promise<number>((resolve) => {
      let last = 0;
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (const m of buffer.matchAll(/saved (\d+)\n/gu)) last = Number(m[1]);
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
        if (last >= 40 && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(last);
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(`${file}-wal`)).toBe(true);
    const again = openWorkspace(file).ws;
    const after = getTariffVersion(again, draft.id);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.version.courses[0]!.monthlyFee).toBeGreaterThanOrEqual(acknowledged);
    expect(after.revision).toBe(after.version.courses[0]!.monthlyFee + 1);
    expect(verifyAudit(again)).toMatchObject({ ok: true });
    closeWorkspace(again);
  });
});
