import { StudioError } from '../../tariff-model/studio-error.js';
import { appendAudit } from '../workspace/audit-log.js';
import { nowIso, type Workspace } from '../workspace/workspace.js';
import { hashPassword } from './passwords.js';
import { isRole, ROLES, type Role, type TeamUser } from '../api/roles.js';

/** The users of a team workspace. Every change is one transaction with its audit entry; hashes never leave this module except to the login check. */
export type UserRecord = TeamUser & { disabled: boolean; lockedUntil: string | null; failedLogins: number; createdAt: string; updatedAt: string };

type Row = {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
};

const record = (r: Row): UserRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  disabled: r.disabled === 1,
  lockedUntil: r.locked_until,
  failedLogins: r.failed_logins,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;

export function checkUserName(name: string): void {
  if (!NAME.test(name))
    throw new StudioError(
      'BAD_USER_NAME',
      `${JSON.stringify(name)} is not a user name`,
      [],
      'Use 1-64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.',
    );
}

function checkRole(role: string): asserts role is Role {
  if (!isRole(role)) throw new StudioError('BAD_ROLE', `"${role}" is not a role`, [], `Choose one of ${ROLES.join(', ')}.`);
}

export function listUsers(ws: Workspace): UserRecord[] {
  return (ws.db.prepare('SELECT * FROM users ORDER BY name').all() as Row[]).map(record);
}

export function findUser(ws: Workspace, name: string): UserRecord | undefined {
  const r = ws.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as Row | undefined;
  return r ? record(r) : undefined;
}

export function getUser(ws: Workspace, id: number): UserRecord | undefined {
  const r = ws.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
  return r ? record(r) : undefined;
}

/** The user of this name, or USER_NOT_FOUND. */
export const mustFind = (ws: Workspace, name: string): UserRecord => {
  const u = findUser(ws, name);
  if (!u) throw new StudioError('USER_NOT_FOUND', `no user named ${JSON.stringify(name)} in this workspace`, [], 'List the users with `tariff users list`.');
  return u;
};

/** The stored hash of a user, for the login check only. */
export function passwordHashOf(ws: Workspace, id: number): string | undefined {
  return (ws.db.prepare('SELECT password_hash FROM users WHERE id = ?').get(id) as { password_hash: string } | undefined)?.password_hash;
}

export async function addUser(ws: Workspace, args: { name: string; role: string; password: string }): Promise<UserRecord> {
  checkUserName(args.name);
  checkRole(args.role);
  const role = args.role;
  if (findUser(ws, args.name))
    throw new StudioError(
      'USER_EXISTS',
      `a user named "${args.name}" already exists`,
      [],
      "Choose another name. To give that user a new password, use Set a new password on the studio's Users page, or `tariff users reset-password` while the team server is stopped.",
    );
  const hash = await hashPassword(args.password);
  return ws.db
    .transaction(() => {
      const now = nowIso();
      const info = ws.db.prepare('INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(args.name, role, hash, now, now);
      appendAudit(ws, 'user.added', `user:${args.name}`, { after: { name: args.name, role } });
      return getUser(ws, Number(info.lastInsertRowid))!;
    })
    .immediate();
}

/**
 * The last enabled admin keeps the role and stays enabled: a team without one could no longer
 * manage its users except from the command line (LAST_ADMIN). Called inside the changing transaction.
 */
function refuseLastAdmin(ws: Workspace, u: UserRecord, what: string, advice: string): void {
  if (u.role !== 'admin' || u.disabled) return;
  const admins = (ws.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
  if (admins <= 1) throw new StudioError('LAST_ADMIN', `${u.name} is the only enabled admin: cannot ${what}`, [], advice);
}

/** Disables a user (their sessions end now; the last enabled admin stays enabled) or enables them again. */
export function setUserDisabled(ws: Workspace, name: string, disabled: boolean): UserRecord {
  return ws.db
    .transaction(() => {
      const u = mustFind(ws, name);
      if (disabled) refuseLastAdmin(ws, u, 'disable them', 'Make another user admin first, then disable this one.');
      ws.db.prepare('UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?').run(disabled ? 1 : 0, nowIso(), u.id);
      // A disabled user's sessions end now, not when their cookies expire.
      if (disabled) ws.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(u.id);
      appendAudit(ws, disabled ? 'user.disabled' : 'user.enabled', `user:${u.name}`, { before: { disabled: u.disabled }, after: { disabled } });
      return getUser(ws, u.id)!;
    })
    .immediate();
}

/**
 * A user's new role. Their sessions end, so what they may do changes at once (a role is read when a
 * session is made). The last enabled admin keeps the role (refuseLastAdmin).
 */
export function setUserRole(ws: Workspace, name: string, role: string): UserRecord {
  checkRole(role);
  return ws.db
    .transaction(() => {
      const u = mustFind(ws, name);
      if (u.role === role) return u;
      refuseLastAdmin(ws, u, 'change their role', 'Make another user admin first, then change this role.');
      ws.db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, nowIso(), u.id);
      ws.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(u.id);
      appendAudit(ws, 'user.role.changed', `user:${u.name}`, { before: { role: u.role }, after: { role } });
      return getUser(ws, u.id)!;
    })
    .immediate();
}

/** A new password; it also lifts a lockout and ends the user's sessions. */
export async function resetPassword(ws: Workspace, name: string, password: string): Promise<UserRecord> {
  mustFind(ws, name);
  const hash = await hashPassword(password);
  return ws.db
    .transaction(() => {
      const u = mustFind(ws, name);
      ws.db.prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(hash, nowIso(), u.id);
      ws.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(u.id);
      appendAudit(ws, 'user.password.reset', `user:${u.name}`, {});
      return getUser(ws, u.id)!;
    })
    .immediate();
}

/** Counts a failed login; at `maxFailures` in a row the user is locked until `lockUntil` (and the audit says so). Returns the lock time if it was set now. */
export function recordFailedLogin(ws: Workspace, id: number, maxFailures: number, lockUntil: string): string | null {
  return ws.db
    .transaction(() => {
      const u = getUser(ws, id);
      if (!u) return null;
      const failures = u.failedLogins + 1;
      const lock = failures >= maxFailures ? lockUntil : null;
      ws.db.prepare('UPDATE users SET failed_logins = ?, locked_until = coalesce(?, locked_until) WHERE id = ?').run(lock ? 0 : failures, lock, id);
      if (lock) appendAudit(ws, 'login.locked', `user:${u.name}`, { after: { failures, lockedUntil: lock } });
      return lock;
    })
    .immediate();
}

/** Swaps a user's hash for a stronger one of the same password (sessions kept), unless it changed meanwhile (a reset). */
export function replacePasswordHash(ws: Workspace, id: number, old: string, stronger: string): void {
  ws.db.prepare('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?').run(stronger, id, old);
}

export function recordGoodLogin(ws: Workspace, id: number): void {
  ws.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(id);
}
