import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { nowIso, type Workspace } from '../workspace/workspace.js';
import type { TeamUser } from '../api/roles.js';

/**
 * Login sessions of the team server, kept in the workspace so a restart does not log everyone
 * out. The cookie carries a random token; the table keeps only its SHA-256, the SHA-256 of the
 * session's CSRF token (column `csrf`) and its expiry. The CSRF token itself is derived from
 * the session token (HMAC-SHA256), so the server can hand it to a reloaded page (auth/session)
 * from the cookie without keeping it; a stolen copy of the workspace holds neither token.
 * An expired session is refused and deleted.
 */
export type Session = { user: TeamUser; csrf: string; csrfHash: string; expiresAt: string };

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url');
const csrfOf = (token: string): string => createHmac('sha256', token).update('tariff-studio csrf').digest('base64url');
/** A SHA-256 in base64url: what the `csrf` column holds (a session from before held the token itself, 32 characters). */
const HASH_LENGTH = 43;

export function createSession(ws: Workspace, userId: number, ttlMs: number, now = Date.now()): { token: string; csrf: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const csrf = csrfOf(token);
  const expiresAt = new Date(now + ttlMs).toISOString();
  ws.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(new Date(now).toISOString());
  ws.db.prepare('INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(digest(token), userId, digest(csrf), nowIso(), expiresAt);
  return { token, csrf, expiresAt };
}

/** The live session of a cookie token, or undefined (unknown, expired, its user disabled, or from before CSRF hashes). */
export function sessionOf(ws: Workspace, token: string, now = Date.now()): Session | undefined {
  const row = ws.db
    .prepare('SELECT s.csrf, s.expires_at, u.id, u.name, u.role, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?')
    .get(digest(token)) as { csrf: string; expires_at: string; id: number; name: string; role: TeamUser['role']; disabled: number } | undefined;
  if (!row) return undefined;
  if (row.expires_at <= new Date(now).toISOString() || row.disabled === 1 || row.csrf.length !== HASH_LENGTH) {
    ws.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(digest(token));
    return undefined;
  }
  return { user: { id: row.id, name: row.name, role: row.role }, csrf: csrfOf(token), csrfHash: row.csrf, expiresAt: row.expires_at };
}

/** Whether `sent` (the X-CSRF-Token header) is the session's CSRF token: the hashes compared in constant time. */
export function csrfMatches(session: Session, sent: string): boolean {
  const a = Buffer.from(digest(sent));
  const b = Buffer.from(session.csrfHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends the sessions of an earlier version, whose `csrf` column held the token in clear (their users sign in again). */
export function dropClearCsrfSessions(ws: Workspace): number {
  return ws.db.prepare(`DELETE FROM sessions WHERE length(csrf) <> ${HASH_LENGTH}`).run().changes;
}

export function endSession(ws: Workspace, token: string): void {
  ws.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(digest(token));
}
