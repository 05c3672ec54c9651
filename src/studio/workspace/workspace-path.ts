import { statSync } from 'node:fs';
import { StudioError } from '../../tariff-model/studio-error.js';

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
