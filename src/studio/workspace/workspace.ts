import type Database from 'better-sqlite3';

/** An open workspace: the SQLite file and who is working in it (for the audit log). */
export type Workspace = { db: Database.Database; file: string; actor: string };

export const nowIso = (): string => new Date().toISOString();

export const closeWorkspace = (ws: Workspace): void => {
  if (ws.db.open) ws.db.close();
};
