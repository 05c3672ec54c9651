import type { Workspace } from './workspace.js';

/** Small JSON values of the workspace (the folders' index descriptions). */
export const setSetting = (ws: Workspace, key: string, value: unknown): void => {
  ws.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
};

export const getSetting = <T>(ws: Workspace, key: string): T | undefined => {
  const row = ws.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
};
