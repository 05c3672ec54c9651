import type Database from 'better-sqlite3';

/** An open workspace: the SQLite file and who is working in it (for the audit log). */
export type Workspace = { db: Database.Database; file: string; actor: string };

export const nowIso = (): string => new Date().toISOString();

const closers = new WeakMap<Workspace, () => void>();

/** Runs `fn` when the workspace is closed (the writer's lock is released there). */
export const onWorkspaceClose = (ws: Workspace, fn: () => void): void => {
  closers.set(ws, fn);
};

export const closeWorkspace = (ws: Workspace): void => {
  if (ws.db.open) ws.db.close();
  closers.get(ws)?.();
  closers.delete(ws);
};
