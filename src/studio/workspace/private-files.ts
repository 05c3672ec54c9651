import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';

/**
 * The workspace holds password hashes and session data: its file and SQLite's -wal and -shm
 * beside it are for the owner only (0600). A new file is created so (SQLite gives -wal and -shm
 * the main file's permissions); an existing one is tightened when the team server opens it.
 */
export const PRIVATE_MODE = 0o600;

/** Creates an empty file readable by its owner only (SQLite then opens it as a new database). */
export function createPrivateFile(file: string): void {
  writeFileSync(file, '', { mode: PRIVATE_MODE, flag: 'wx' });
}

/** Takes group and other permissions off the workspace and its -wal/-shm; a warning for each it could not change. */
export function restrictWorkspaceFiles(file: string): string[] {
  const warnings: string[] = [];
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(f)) continue;
    try {
      const mode = statSync(f).mode & 0o777;
      if ((mode & 0o077) !== 0) chmodSync(f, mode & 0o700);
    } catch (e) {
      warnings.push(`cannot make ${f} private to its owner (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): it holds password hashes; chmod 600 it`);
    }
  }
  return warnings;
}
