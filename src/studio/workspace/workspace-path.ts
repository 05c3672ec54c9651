import { statSync } from 'node:fs';
import { StudioError } from '../../tariff-model/studio-error.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/**
 * What lies at a workspace path before SQLite is asked to open it: nothing, an empty file, or a
 * file. A folder (or a device, a pipe) is refused here with words, where SQLite would say only
 * "disk I/O error" or "unable to open database file".
 */
export function workspacePathKind(file: string): 'missing' | 'empty' | 'file' {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    // A part of the path is a file (`notes.txt/ws.sqlite`), or may not be looked into.
    if (code === 'ENOTDIR')
      throw new StudioError(
        'WORKSPACE_UNWRITABLE',
        `${file} cannot be a workspace: a part of its path is a file, not a folder`,
        [],
        'Choose a path inside a folder (--workspace FOLDER/workspace.sqlite).',
      );
    if (code === 'EACCES')
      throw new StudioError(
        'WORKSPACE_UNREADABLE',
        `cannot look at ${file}: ${(e as Error).message}`,
        [],
        'Check the permissions of the folders on its path, or choose another path.',
      );
    throw e;
  }
  if (st.isDirectory())
    throw new StudioError(
      'WORKSPACE_UNREADABLE',
      `${file} is a folder, not a workspace file`,
      [],
      'Give the path of the workspace file itself (for example FOLDER/workspace.sqlite).',
    );
  if (!st.isFile()) throw new StudioError('WORKSPACE_UNREADABLE', `${file} is not a regular file`, [], 'Give the path of a workspace file.');
  return st.size === 0 ? 'empty' : 'file';
}

/** A 0-byte file where a workspace was expected: never turned into one silently (it would hold no versions and no audit entry). */
export const emptyWorkspaceFile = (file: string, hint = 'Give the path of a workspace file the studio created.'): StudioError =>
  new StudioError('WORKSPACE_FOREIGN', `${file} is an empty file, not a Tariff Studio workspace`, [], hint);

/** Whether an open SQLite file has a Tariff Studio workspace's schema (a schema version and its version and audit tables). */
export const hasWorkspaceSchema = (db: { pragma: (s: string, o: { simple: true }) => unknown; prepare: (s: string) => { get: () => unknown } }): boolean => {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('audit_log', 'tariff_versions', 'rule_versions')").get() as { n: number };
  return version > 0 && tables.n === 3;
};

/**
 * Refuses a workspace a newer Tariff Studio wrote (WORKSPACE_TOO_NEW): its user_version is above
 * ours, or its schema_migrations lists a migration number this build does not know (a newer
 * build, or one merged in another order, may add one without raising user_version past ours).
 * Opening it would run our migrations over a schema we cannot read; nothing is written here.
 */
export function requireKnownSchema(
  db: { pragma: (s: string, o: { simple: true }) => unknown; prepare: (s: string) => { get: () => unknown; all: () => unknown[] } },
  file: string,
): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new StudioError('WORKSPACE_TOO_NEW', `${file} has workspace schema ${version}; this Tariff Studio knows up to ${SCHEMA_VERSION}`, [], 'Update Tariff Studio to open it.');
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() === undefined) return;
  const known = new Set(MIGRATIONS.map((m) => m.version));
  const unknown = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version).filter((v) => !known.has(v));
  if (unknown.length)
    throw new StudioError(
      'WORKSPACE_TOO_NEW',
      `${file} has workspace ${unknown.length === 1 ? 'migration' : 'migrations'} ${unknown.join(', ')} that this Tariff Studio does not know (it knows ${[...known].sort((a, b) => a - b).join(', ')})`,
      [],
      'Update Tariff Studio to open it.',
    );
}
