import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { StudioError } from '../../tariff-model/studio-error.js';
import { anchorFileOf } from './audit-anchor.js';
import { DAMAGED_HINT } from './open-workspace.js';
import { verifyAudit } from './audit-log.js';
import { createPrivateFile } from './private-files.js';
import { emptyWorkspaceFile, hasWorkspaceSchema, workspacePathKind } from './workspace-path.js';

/** Copies a live workspace with SQLite's online backup API into `out` (written beside it, then renamed) and checks the copy. */
export async function backupWorkspace(file: string, out: string): Promise<{ pages: number; check: string }> {
  if (resolve(out) === resolve(file)) throw new StudioError('BACKUP_OVER_SOURCE', 'the backup would overwrite the workspace itself', [], 'Choose another --out file.');
  // The workspace is opened and recognised before anything is created beside --out.
  const src = openForReading(file, 'Give the path of the workspace the server uses.');
  try {
    refuseToReplace(out);
  } catch (e) {
    src.close();
    throw e;
  }
  const tmp = `${out}.partial-${process.pid}`;
  try {
    rmSync(tmp, { force: true });
    // A copy holds the password hashes too: owner only, like the workspace (private-files.ts).
    createPrivateFile(tmp);
    const r = await src.backup(tmp);
    const copy = new Database(tmp);
    let check: string;
    try {
      copy.pragma('journal_mode = DELETE');
      check = String(copy.pragma('integrity_check', { simple: true }));
    } finally {
      copy.close();
    }
    if (check !== 'ok')
      throw new StudioError(
        'BACKUP_DAMAGED',
        `the backup copy fails SQLite's integrity check: ${check}`,
        [],
        'Nothing was written to --out. Run tariff workspace check on the workspace.',
      );
    renameSync(tmp, out);
    return { pages: r.totalPages, check };
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    src.close();
  }
}

/**
 * What --out may replace: nothing, or an older backup. A workspace in use (the studio keeps
 * FILE.anchors beside it; an open one has FILE-wal) would lose its saved work, and its anchors
 * would then call its audit log rewritten; any other file is someone's own.
 */
function refuseToReplace(out: string): void {
  // Nothing to lose: no file, or an empty one (made by mktemp or touch).
  if (workspacePathKind(out) !== 'file') return;
  const signs = [anchorFileOf(out), `${out}-wal`].filter((f) => existsSync(f));
  if (signs.length)
    throw new StudioError(
      'BACKUP_OVER_WORKSPACE',
      `${out} is a workspace in use (it has ${signs[0]}): a backup over it would replace its saved work`,
      [],
      'Choose another --out file (a backup may replace an older backup, never a workspace).',
    );
  let db: Database.Database | undefined;
  let backup = false;
  try {
    db = new Database(out, { readonly: true, fileMustExist: true });
    backup = hasWorkspaceSchema(db);
  } catch {
    backup = false;
  } finally {
    db?.close();
  }
  if (!backup) throw new StudioError('BACKUP_OVER_FILE', `${out} exists and is not a workspace backup`, [], 'Choose another --out file; a backup replaces only an older backup.');
}

/** SQLite's integrity_check and foreign keys, and the audit log's hash chain; read-only. */
export function checkWorkspace(file: string): { integrity: string[]; foreignKeys: number; audit: ReturnType<typeof verifyAudit> } {
  const db = openForReading(file, 'Give the path of a workspace.');
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
    const audit = verifyAudit({ db, file, actor: 'tariff workspace check' });
    return { integrity, foreignKeys, audit };
  } finally {
    db.close();
  }
}

/**
 * Opens a live workspace read-only (it may be in use), refusing with words what is not one: a
 * missing path, a folder, an empty file, a file that is not SQLite, an SQLite file of another program.
 */
function openForReading(file: string, missingHint: string): Database.Database {
  const kind = workspacePathKind(file);
  if (kind === 'missing') throw new StudioError('WORKSPACE_MISSING', `no workspace at ${file}`, [], missingHint);
  if (kind === 'empty') throw emptyWorkspaceFile(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    if (!hasWorkspaceSchema(db))
      throw new StudioError('WORKSPACE_FOREIGN', `${file} is not a Tariff Studio workspace`, [], 'Give the path of a workspace file the studio created.');
    return db;
  } catch (e) {
    db?.close();
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB')
      throw new StudioError(
        'WORKSPACE_FOREIGN',
        `${file} is not a Tariff Studio workspace (SQLite: ${(e as Error).message})`,
        [],
        'Give the path of a workspace file the studio created.',
      );
    if (code === 'SQLITE_CORRUPT') throw new StudioError('WORKSPACE_CORRUPT', `${file} is damaged (SQLite: ${(e as Error).message})`, [], DAMAGED_HINT);
    throw e;
  }
}
