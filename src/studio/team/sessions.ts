import { createHash, randomBytes } from 'node:crypto';
import { nowIso, type Workspace } from '../workspace/workspace.js';
import type { TeamUser } from '../api/roles.js';

/**
 * Login sessions of the team server, kept in the workspace so a restart does not log everyone
 * out. The cookie carries a random token; the table keeps only its SHA-256, with the session's
 * CSRF token and its expiry. An expired session is refused and deleted.
 */
export type Session = { user: TeamUser; csrf: string; expiresAt: string };

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url');

export function createSession(ws: Workspace, userId: number, ttlMs: number, now = Date.now()): { token: string; csrf: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now + ttlMs).toISOString();
  ws.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(new Date(now).toISOString());
  ws.db.prepare('INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(digest(token), userId, csrf, nowIso(), expiresAt);
  return { token, csrf, expiresAt };
}

/** The live session of a cookie token, or undefined (unknown, expired, or its user disabled). */
export function sessionOf(ws: Workspace, token: string, now = Date.now()): Session | undefined {
  const row = ws.db
    .prepare('SELECT s.csrf, s.expires_at, u.id, u.name, u.role, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?')
    .get(digest(token)) as { csrf: string; expires_at: string; id: number; name: string; role: TeamUser['role']; disabled: number } | undefined;
  if (!row) return undefined;
  if (row.expires_at <= new Date(now).toISOString() || row.disabled === 1) {
    ws.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(digest(token));
    return undefined;
  }
  return { user: { id: row.id, name: row.name, role: row.role }, csrf: row.csrf, expiresAt: row.expires_at };
}

export function endSession(ws: Workspace, token: string): void {
  ws.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(digest(token));
}
