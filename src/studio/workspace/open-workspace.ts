import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { StudioError } from '../../tariff-model/studio-error.js';
import { anchorFileOf, recordAnchor } from './audit-anchor.js';
import { appendAudit } from './audit-log.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { versionTargets } from './version-seal.js';
import { seedFromFolders, type SeedFolders } from './seed-from-folders.js';
import { makeFolders } from '../../io/make-folders.js';
import { nowIso, onWorkspaceClose, type Workspace } from './workspace.js';
import { acquireWorkspaceLock } from './workspace-lock.js';
import { createPrivateFile } from './private-files.js';
import { emptyWorkspaceFile, hasWorkspaceSchema, requireKnownSchema, workspacePathKind } from './workspace-path.js';

export type OpenOptions = {
  /** Create the workspace from these folders when the file does not exist yet. */
  seed?: SeedFolders;
  actor?: string;
  /**
   * true: open read-only and never write (verification; a 0-byte or foreign file is refused, not
   * turned into a workspace). 'auto' (the default): read-only when the file or its folder cannot
   * be written (an archive, a read-only share), else read-write.
   */
  readOnly?: boolean | 'auto';
  /** Take the writer's lock (workspace-lock.ts) for this purpose ("the desktop studio", "the team server"…); refused while another process holds it. */
  lock?: string;
};

const defaultActor = (): string => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

/**
 * Opens a workspace file, creating it from rules/ and tariffs/ when it does not exist. A new
 * workspace is built in a side file and renamed into place, so a crash during creation never
 * leaves a half-seeded workspace behind. WAL journal, synchronous=FULL: a committed save
 * survives a crash or a kill of the process.
 */
/** What to do with a damaged workspace: keep it and open a copy of the last backup, checked first. */
export const DAMAGED_HINT =
  'Keep this file (do not delete or replace it: it holds the saved work) and open a copy of your latest backup (`tariff workspace backup` makes them; `tariff workspace check --workspace COPY` checks one before you use it).';

/**
 * The error of a workspace file SQLite could not open (a StudioError raised inside is passed on):
 * not a database at all (WORKSPACE_FOREIGN, as an SQLite file of another program), or unreadable (WORKSPACE_UNREADABLE). `how` names the
 * way it was opened in the message (" read-only").
 */
function openError(e: unknown, file: string, o: { notDbHint: string; how: string; unreadableHint: string }): StudioError {
  if (e instanceof StudioError) return e;
  const code = (e as { code?: string }).code;
  // A workspace whose pages are damaged is still someone's saved work: never advise starting afresh over it.
  if (code === 'SQLITE_CORRUPT') return new StudioError('WORKSPACE_CORRUPT', `${file} is damaged (SQLite: ${(e as Error).message})`, [], DAMAGED_HINT);
  if (code === 'SQLITE_NOTADB') return new StudioError('WORKSPACE_FOREIGN', `${file} is not a Tariff Studio workspace (SQLite: ${(e as Error).message})`, [], o.notDbHint);
  return new StudioError('WORKSPACE_UNREADABLE', `cannot open ${file}${o.how}: ${(e as Error).message}`, [], o.unreadableHint);
}

export function openWorkspace(file: string, opts: OpenOptions = {}): { ws: Workspace; created: boolean } {
  const actor = opts.actor ?? defaultActor();
  const mode = opts.readOnly ?? 'auto';
  const kind = workspacePathKind(file);
  if (mode === true || (mode === 'auto' && kind !== 'missing' && !writable(file))) return { ws: openReadOnly(file, actor), created: false };
  let created = false;
  if (kind === 'missing' && !opts.seed)
    throw new StudioError('WORKSPACE_MISSING', `no workspace at ${file}`, [], 'Give the path of an existing workspace, or let the studio create one from tariffs/ and rules/.');
  // A 0-byte file (`touch ws.sqlite`) is created from the folders like a missing one where a seed
  // is given; elsewhere it is refused, never migrated into a workspace without versions or audit.
  if (kind === 'empty' && !opts.seed)
    throw emptyWorkspaceFile(file, 'Give the path of a workspace, or remove the empty file and let the studio create the workspace from tariffs/ and rules/.');
  // A workspace about to be created may be the first file of its folder (the default path on a new
  // machine): the folder is made before the lock file, which lives beside the workspace.
  if (kind === 'missing') makeFolderOf(file);
  const lock = opts.lock !== undefined ? acquireWorkspaceLock(file, opts.lock) : undefined;
  let db: Database.Database | undefined;
  try {
    cleanLeftovers(file);
    if (kind !== 'file') {
      // An anchor file left by an earlier workspace of this name belongs to another chain.
      const anchors = anchorFileOf(file);
      if (existsSync(anchors)) renameSync(anchors, `${anchors}.replaced-${Date.now()}`);
      try {
        createWorkspace(file, opts.seed!, actor);
      } catch (e) {
        if (e instanceof StudioError) throw e;
        throw new StudioError('WORKSPACE_UNWRITABLE', `cannot create a workspace at ${file}: ${(e as Error).message}`, [], 'Choose a folder you can write to (--workspace FILE).');
      }
      created = true;
    }
    db = connect(file);
    const from = migrate(db, file);
    if (from > 0 && from < SEALS_SINCE) sealOnUpgrade({ db, file, actor });
    recordAnchor({ db, file, actor });
  } catch (e) {
    db?.close();
    lock?.release();
    throw e;
  }
  const ws: Workspace = { db, file, actor };
  if (lock) onWorkspaceClose(ws, lock.release);
  return { ws, created };
}

function makeFolderOf(file: string): void {
  try {
    makeFolders(dirname(file));
  } catch (e) {
    throw new StudioError(
      'WORKSPACE_UNWRITABLE',
      `cannot create the folder ${dirname(file)} for a workspace: ${(e as Error).message}`,
      [],
      'Choose a folder you can write to (--workspace FILE).',
    );
  }
}

function connect(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StudioError('WORKSPACE_CORRUPT', `${file} is damaged (SQLite quick_check: ${String(check)})`, [], DAMAGED_HINT);
    return db;
  } catch (e) {
    db?.close();
    throw openError(e, file, {
      notDbHint: 'Open another file, or move this one away and let the studio create a new workspace from tariffs/ and rules/.',
      how: '',
      unreadableHint: 'Check the path and its permissions.',
    });
  }
}

/** The schema from which audit entries record the hash of the versions they save. */
const SEALS_SINCE = 4;

/**
 * A workspace from before migration 4 has versions no entry vouches for: one entry records them
 * as found on the upgrade (docs/security.md says what that entry can and cannot vouch for).
 */
function sealOnUpgrade(ws: Workspace): void {
  ws.db
    .transaction(() =>
      appendAudit(ws, 'workspace.sealed', 'workspace', {
        after: { reason: `upgraded to workspace schema ${SCHEMA_VERSION}: the versions are recorded as found` },
        versions: versionTargets(ws),
      }),
    )
    .immediate();
}

/** Runs the migrations the file lacks; returns the schema version it had. */
function migrate(db: Database.Database, file: string): number {
  requireKnownSchema(db, file);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new StudioError('WORKSPACE_FOREIGN', `${file} is an SQLite file but not a Tariff Studio workspace`, [], 'Open a workspace file, or choose a new path.');
  }
  // Every migration not yet applied runs, in ascending order: a number below the current version
  // is applied too (branches merged in another order may add one, e.g. 4 after 5 and 6 shipped).
  const applied = appliedMigrations(db, current);
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)').run();
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, nowIso());
      db.pragma(`user_version = ${Math.max(m.version, db.pragma('user_version', { simple: true }) as number)}`);
    }).immediate();
  }
  return current;
}

/** The migrations a workspace has: those recorded in schema_migrations (older files without it: every number up to user_version). */
function appliedMigrations(db: Database.Database, current: number): Set<number> {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  if (!hasTable) return new Set(MIGRATIONS.filter((m) => m.version <= current).map((m) => m.version));
  return new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
}

function createWorkspace(file: string, seed: SeedFolders, actor: string): void {
  makeFolderOf(file);
  const tmp = `${file}.creating-${process.pid}`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  // Owner only (it will hold password hashes on a team server); -wal and -shm follow its mode.
  createPrivateFile(tmp);
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, tmp);
    const ws: Workspace = { db, file: tmp, actor };
    db.transaction(() => {
      const counts = seedFromFolders(ws, seed);
      appendAudit(ws, 'workspace.created', 'workspace', { after: { from: { rules: seed.rulesDir, tariffs: seed.tariffsDir }, ...counts }, versions: versionTargets(ws) });
    }).immediate();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    renameSync(tmp, file);
  } catch (e) {
    if (db.open) db.close();
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    throw e;
  }
}

/** Whether this process may write the file and create its journal files beside it. */
function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a workspace without writing anything: no journal mode change, no migration, no quick
 * fix. A file that is not a Tariff Studio workspace of a schema this build knows is refused.
 */
function openReadOnly(file: string, actor: string): Workspace {
  const kind = workspacePathKind(file);
  if (kind === 'missing') throw new StudioError('WORKSPACE_MISSING', `no workspace at ${file}`, [], 'Give the path of an existing workspace.');
  if (kind === 'empty') throw emptyWorkspaceFile(file);
  let db: Database.Database | undefined;
  try {
    db = readOnlyConnection(file);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StudioError('WORKSPACE_CORRUPT', `${file} is damaged (SQLite quick_check: ${String(check)})`, [], DAMAGED_HINT);
    if (!hasWorkspaceSchema(db))
      throw new StudioError('WORKSPACE_FOREIGN', `${file} is not a Tariff Studio workspace`, [], 'Give the path of a workspace file the studio created.');
    requireKnownSchema(db, file);
    return { db, file, actor, readOnly: true };
  } catch (e) {
    db?.close();
    throw openError(e, file, {
      notDbHint: 'Give the path of a workspace file the studio created.',
      how: ' read-only',
      unreadableHint: 'Check that the file can be read; a workspace left with a -wal file in a read-only folder needs to be opened once where it can be written.',
    });
  }
}

/**
 * A read-only connection. A WAL workspace in a folder this process cannot write (an archive)
 * cannot get its shared-memory file; with no pending -wal beside it, the file is complete, so it
 * is read into memory (marked rollback-journal in the copy's header only) and the file is never
 * touched.
 */
function readOnlyConnection(file: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (e) {
    const code = String((e as { code?: unknown }).code);
    if (!code.startsWith('SQLITE_READONLY') && code !== 'SQLITE_CANTOPEN') throw e;
    const wal = `${file}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0)
      throw new StudioError(
        'WORKSPACE_UNREADABLE',
        `${file} has unsaved journal pages (${basename(wal)}) and its folder cannot be written, so it cannot be read consistently`,
        [],
        'Open it once where the folder can be written (the studio folds the journal in), then archive it again.',
      );
    const copy = readFileSync(file);
    if (copy.length >= 20 && copy[18] === 2 && copy[19] === 2) {
      copy[18] = 1;
      copy[19] = 1;
    }
    const db = new Database(copy, { readonly: true });
    return db;
  }
}

/** The schema a workspace opened read-only has (it is never migrated). */
export const schemaOf = (ws: Workspace): number => ws.db.pragma('user_version', { simple: true }) as number;

/**
 * Side files of a workspace creation that was interrupted (a crash or kill before the rename):
 * `FILE.creating-PID` and its -wal/-shm. Those of a process that is gone are removed; the
 * finished workspace is never touched.
 */
export function cleanLeftovers(file: string): string[] {
  const dir = dirname(file);
  const prefix = `${basename(file)}.creating-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};
