import { appendAudit } from '../workspace/audit-log.js';
import type { Workspace } from '../workspace/workspace.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { runAs } from './request-user.js';
import type { TeamUser } from '../api/roles.js';
import { createSession } from './sessions.js';
import { findUser, passwordHashOf, recordFailedLogin, recordGoodLogin } from './user-store.js';

/**
 * The login check of the team server. Two brakes on guessing: a rate limit per client address
 * (a window of `ipAttempts` tries) and a lockout per user after `maxFailures` wrong passwords in
 * a row (for `lockMinutes`). Both are written to the audit log. The answer to a wrong name and
 * to a wrong password is the same, and takes as long (a dummy hash is checked).
 */
export type LoginPolicy = { maxFailures: number; lockMinutes: number; ipAttempts: number; ipWindowMinutes: number; sessionHours: number };
export const DEFAULT_LOGIN_POLICY: LoginPolicy = { maxFailures: 5, lockMinutes: 15, ipAttempts: 20, ipWindowMinutes: 5, sessionHours: 12 };

export type LoginOutcome =
  | { ok: true; user: TeamUser; token: string; csrf: string; expiresAt: string }
  | { ok: false; status: 401 | 423 | 429; code: 'LOGIN_FAILED' | 'ACCOUNT_LOCKED' | 'LOGIN_RATE_LIMITED'; message: string };

const system = (name: string): TeamUser => ({ id: 0, name, role: 'admin' });

export function createLoginService(ws: Workspace, policy: LoginPolicy, clock: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number; logged: boolean }>();

  const rateLimited = (ip: string): boolean => {
    const now = clock();
    let w = windows.get(ip);
    if (!w || now - w.start > policy.ipWindowMinutes * 60_000) {
      w = { start: now, count: 0, logged: false };
      windows.set(ip, w);
    }
    w.count++;
    if (w.count <= policy.ipAttempts) return false;
    if (!w.logged) {
      w.logged = true;
      runAs(system(`login from ${ip}`), () => appendAudit(ws, 'login.rate-limited', `client:${ip}`, { after: { attempts: w.count, windowMinutes: policy.ipWindowMinutes } }));
    }
    return true;
  };

  return async (name: string, password: string, ip: string): Promise<LoginOutcome> => {
    if (rateLimited(ip))
      return { ok: false, status: 429, code: 'LOGIN_RATE_LIMITED', message: `too many login attempts from this address; wait ${policy.ipWindowMinutes} minutes and try again` };
    const user = findUser(ws, name);
    const hash = user && !user.disabled ? (passwordHashOf(ws, user.id) ?? DUMMY_HASH) : DUMMY_HASH;
    const good = await verifyPassword(password, hash);
    const now = clock();
    if (user && user.lockedUntil !== null && user.lockedUntil > new Date(now).toISOString())
      return {
        ok: false,
        status: 423,
        code: 'ACCOUNT_LOCKED',
        message: `this account is locked after repeated wrong passwords until ${user.lockedUntil}; try again later or ask an admin to reset the password`,
      };
    if (!user || user.disabled || !good) {
      if (user && !user.disabled) {
        const lock = runAs(system(user.name), () => recordFailedLogin(ws, user.id, policy.maxFailures, new Date(now + policy.lockMinutes * 60_000).toISOString()));
        if (lock) return { ok: false, status: 423, code: 'ACCOUNT_LOCKED', message: `too many wrong passwords: this account is locked until ${lock}` };
      }
      return { ok: false, status: 401, code: 'LOGIN_FAILED', message: 'wrong user name or password' };
    }
    recordGoodLogin(ws, user.id);
    const s = createSession(ws, user.id, policy.sessionHours * 3_600_000, now);
    const me: TeamUser = { id: user.id, name: user.name, role: user.role };
    runAs(me, () => appendAudit(ws, 'login', `user:${user.name}`, { after: { expiresAt: s.expiresAt } }));
    return { ok: true, user: me, ...s };
  };
}
