import { clientKeyOf } from '../../net/plain-address.js';
import { appendAudit } from '../workspace/audit-log.js';
import type { Workspace } from '../workspace/workspace.js';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { runAs } from './request-user.js';
import type { TeamUser } from '../api/roles.js';
import { createSession } from './sessions.js';
import { createUnknownNameLocks } from './unknown-name-locks.js';
import { findUser, passwordHashOf, recordFailedLogin, recordGoodLogin, replacePasswordHash } from './user-store.js';

/**
 * The login check of the team server. Three brakes on guessing: a rate limit per client address
 * (`ipAttempts` tries in a window of `ipWindowMinutes`), one per user name whatever the address
 * (`userAttempts` in the same window: guesses spread over many addresses, and names that do not
 * exist, are bounded too), and a lockout per user after `maxFailures` wrong passwords in a row
 * (for `lockMinutes`). Each is written to the audit log. The answer to a wrong name and to a
 * wrong password is the same, and takes as long (a dummy hash is checked): a name that is no
 * user (or a disabled one) locks after as many failures, in memory (unknown-name-locks.ts).
 */
export type LoginPolicy = { maxFailures: number; lockMinutes: number; ipAttempts: number; userAttempts: number; ipWindowMinutes: number; sessionHours: number };
export const DEFAULT_LOGIN_POLICY: LoginPolicy = { maxFailures: 5, lockMinutes: 15, ipAttempts: 20, userAttempts: 10, ipWindowMinutes: 5, sessionHours: 12 };

export type LoginOutcome =
  | { ok: true; user: TeamUser; token: string; csrf: string; expiresAt: string }
  | { ok: false; status: 401 | 423 | 429; code: 'LOGIN_FAILED' | 'ACCOUNT_LOCKED' | 'LOGIN_RATE_LIMITED'; message: string; retryAfterSeconds?: number };

const system = (name: string): TeamUser => ({ id: 0, name, role: 'admin' });

/** Windows kept at most (names are the client's choice): expired ones are dropped beyond it. */
const MAX_WINDOWS = 10_000;
/** A user name as the user store matches it. */
const nameKey = (name: string): string => name.normalize('NFKC').trim().toLowerCase();

export function createLoginService(ws: Workspace, policy: LoginPolicy, clock: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number; logged: boolean }>();
  const unknown = createUnknownNameLocks({ maxFailures: policy.maxFailures, lockMinutes: policy.lockMinutes, maxNames: MAX_WINDOWS });
  const locked = (message: string): LoginOutcome => ({ ok: false, status: 423, code: 'ACCOUNT_LOCKED', message });
  const rateLimited = (scope: string, seconds: number): LoginOutcome => ({
    ok: false,
    status: 429,
    code: 'LOGIN_RATE_LIMITED',
    message: `too many login attempts ${scope}; wait ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''} and try again`,
    retryAfterSeconds: seconds,
  });
  const windowMs = policy.ipWindowMinutes * 60_000;

  /** Counts one attempt under `key`; the seconds until its window ends when it is over `limit` in it (logged once per window), else undefined. */
  const over = (key: string, limit: number, actor: string, target: string): number | undefined => {
    const now = clock();
    if (windows.size >= MAX_WINDOWS) for (const [k, w] of windows) if (now - w.start > windowMs) windows.delete(k);
    let w = windows.get(key);
    if (!w || now - w.start > windowMs) {
      w = { start: now, count: 0, logged: false };
      windows.set(key, w);
    }
    w.count++;
    if (w.count <= limit) return undefined;
    if (!w.logged) {
      w.logged = true;
      const attempts = w.count;
      runAs(system(actor), () => appendAudit(ws, 'login.rate-limited', target, { after: { attempts, windowMinutes: policy.ipWindowMinutes } }));
    }
    return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
  };

  return async (name: string, password: string, ip: string): Promise<LoginOutcome> => {
    const client = clientKeyOf(ip);
    const ipWait = over(`ip:${client}`, policy.ipAttempts, `login from ${client}`, `client:${client}`);
    if (ipWait !== undefined) return rateLimited('from this address', ipWait);
    const found = findUser(ws, name);
    const key = nameKey(name).slice(0, 256);
    // The audit names a user only if one exists: a name typed by mistake may be someone's password.
    const target = found ? `user:${name}` : 'user:(no such user)';
    const nameWait = over(`user:${key}`, policy.userAttempts, `login from ${ip}`, target);
    if (nameWait !== undefined) return rateLimited('for this user name', nameWait);
    // A disabled user is answered like a name that does not exist.
    const user = found && !found.disabled ? found : undefined;
    const hash = user ? (passwordHashOf(ws, user.id) ?? DUMMY_HASH) : DUMMY_HASH;
    const good = await verifyPassword(password, hash);
    const now = clock();
    const lockedUntil = user ? (user.lockedUntil !== null && user.lockedUntil > new Date(now).toISOString() ? user.lockedUntil : null) : unknown.lockedUntil(key, now);
    if (lockedUntil !== null) return locked(`this account is locked after repeated wrong passwords until ${lockedUntil}; try again later or ask an admin to reset the password`);
    if (!user || !good) {
      // An unknown name locks like a real one after as many failures, so the answers do not tell which names exist.
      const lock = user
        ? runAs(system(user.name), () => recordFailedLogin(ws, user.id, policy.maxFailures, new Date(now + policy.lockMinutes * 60_000).toISOString()))
        : unknown.fail(key, now);
      if (lock) return locked(`too many wrong passwords: this account is locked until ${lock}`);
      return { ok: false, status: 401, code: 'LOGIN_FAILED', message: 'wrong user name or password' };
    }
    recordGoodLogin(ws, user.id);
    // A hash of an earlier, weaker setting is replaced now that the password is known (no audit entry: the password did not change).
    if (needsRehash(hash)) {
      const stronger = await hashPassword(password).catch(() => undefined);
      if (stronger) replacePasswordHash(ws, user.id, hash, stronger);
    }
    const s = createSession(ws, user.id, policy.sessionHours * 3_600_000, now);
    const me: TeamUser = { id: user.id, name: user.name, role: user.role };
    runAs(me, () => appendAudit(ws, 'login', `user:${user.name}`, { after: { expiresAt: s.expiresAt } }));
    return { ok: true, user: me, ...s };
  };
}
