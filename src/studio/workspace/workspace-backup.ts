import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { StudioError } from '../../tariff-model/studio-error.js';
import { verifyAudit } from './audit-log.js';
import { createPrivateFile } from './private-files.js';

/** Copies a live workspace with SQLite's online backup API into `out` (written beside it, then renamed) and checks the copy. */
export async function backupWorkspace(file: string, out: string): Promise<{ pages: number; check: string }> {
  if (!existsSync(file)) throw new StudioError('WORKSPACE_MISSING', `no workspace at ${file}`, [], 'Give the path of the workspace the server uses.');
  if (resolve(out) === resolve(file)) throw new StudioError('BACKUP_OVER_SOURCE', 'the backup would overwrite the workspace itself', [], 'Choose another --out file.');
  const tmp = `${out}.partial-${process.pid}`;
  rmSync(tmp, { force: true });
  // A copy holds the password hashes too: owner only, like the workspace (private-files.ts).
  createPrivateFile(tmp);
  const src = new Database(file, { readonly: true, fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
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

/** SQLite's integrity_check and foreign keys, and the audit log's hash chain; read-only. */
export function checkWorkspace(file: string): { integrity: string[]; foreignKeys: number; audit: ReturnType<typeof verifyAudit> } {
  if (!existsSync(file)) throw new StudioError('WORKSPACE_MISSING', `no workspace at ${file}`, [], 'Give the path of a workspace.');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
    const audit = verifyAudit({ db, file, actor: 'tariff workspace check' });
    return { integrity, foreignKeys, audit };
  } finally {
    db.close();
  }
}
