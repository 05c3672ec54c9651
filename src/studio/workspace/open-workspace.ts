import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { StudioError } from '../../tariff-model/studio-error.js';
import { appendAudit } from './audit-log.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { seedFromFolders, type SeedFolders } from './seed-from-folders.js';
import { nowIso, type Workspace } from './workspace.js';

export type OpenOptions = {
  /** Create the workspace from these folders when the file does not exist yet. */
  seed?: SeedFolders;
  actor?: string;
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
export function openWorkspace(file: string, opts: OpenOptions = {}): { ws: Workspace; created: boolean } {
  const actor = opts.actor ?? defaultActor();
  let created = false;
  if (!existsSync(file)) {
    if (!opts.seed) throw new StudioError('WORKSPACE_MISSING', `no workspace at ${file}`, [], 'Give the path of an existing workspace, or let the studio create one from tariffs/ and rules/.');
    createWorkspace(file, opts.seed, actor);
    created = true;
  }
  const db = connect(file);
  try {
    migrate(db, file);
  } catch (e) {
    db.close();
    throw e;
  }
  return { ws: { db, file, actor }, created };
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
    if (check !== 'ok') throw new StudioError('WORKSPACE_CORRUPT', `${file} is damaged (SQLite quick_check: ${String(check)})`, [], 'Restore it from a backup, or move it away and let the studio create a new one from tariffs/ and rules/.');
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof StudioError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new StudioError('WORKSPACE_CORRUPT', `${file} is not a Tariff Studio workspace (SQLite: ${(e as Error).message})`, [], 'Open another file, or move this one away and let the studio create a new workspace from tariffs/ and rules/.');
    throw new StudioError('WORKSPACE_UNREADABLE', `cannot open ${file}: ${(e as Error).message}`, [], 'Check the path and its permissions.');
  }
}

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION)
    throw new StudioError('WORKSPACE_TOO_NEW', `${file} has workspace schema ${current}; this Tariff Studio knows up to ${SCHEMA_VERSION}`, [], 'Update Tariff Studio to open it.');
  if (current === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new StudioError('WORKSPACE_FOREIGN', `${file} is an SQLite file but not a Tariff Studio workspace`, [], 'Open a workspace file, or choose a new path.');
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)').run();
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, nowIso());
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

function createWorkspace(file: string, seed: SeedFolders, actor: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.creating-${process.pid}`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, tmp);
    const ws: Workspace = { db, file: tmp, actor };
    db.transaction(() => {
      const counts = seedFromFolders(ws, seed);
      appendAudit(ws, 'workspace.created', 'workspace', { after: { from: { rules: seed.rulesDir, tariffs: seed.tariffsDir }, ...counts } });
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
