import type Database from 'better-sqlite3';

/**
 * An open workspace: the SQLite file and who is working in it (for the audit log). `readOnly`:
 * opened read-only (the file or its folder cannot be written, or verification asked for it);
 * every write is refused with WORKSPACE_READ_ONLY.
 */
export type Workspace = { db: Database.Database; file: string; actor: string; readOnly?: boolean };

export const nowIso = (): string => new Date().toISOString();

const closers = new WeakMap<Workspace, () => void>();

/** Runs `fn` when the workspace is closed (the writer's lock is released there). */
export const onWorkspaceClose = (ws: Workspace, fn: () => void): void => {
  closers.set(ws, fn);
};

/**
 * Closes the workspace: its write-ahead log is first copied into the file (a TRUNCATE checkpoint
 * that waits for no reader: what a reader still holds stays in the WAL, durable all the same), so
 * the .sqlite file alone holds every saved change even while another connection (a backup, a
 * `workspace check`) keeps the WAL open; then the connection closes and the lock is released.
 */
export const closeWorkspace = (ws: Workspace): void => {
  try {
    if (ws.db.open)
      try {
        if (!ws.readOnly) {
          ws.db.pragma('busy_timeout = 0');
          ws.db.pragma('wal_checkpoint(TRUNCATE)');
        }
      } finally {
        ws.db.close();
      }
  } finally {
    closers.get(ws)?.();
    closers.delete(ws);
  }
};
