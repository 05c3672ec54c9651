import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_ROLES } from '../../src/studio/api/call-roles.js';
import { CALL_NAMES } from '../../src/studio/api/contract.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { startTeamServer, type TeamServer } from '../../src/studio/server/team-server.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import { ROLES, type Role } from '../../src/studio/api/roles.js';
import { setRequiredApprovals } from '../../src/studio/team/team-settings.js';
import { addUser } from '../../src/studio/team/user-store.js';
import { listAudit } from '../../src/studio/workspace/audit-log.js';
import type { Workspace } from '../../src/studio/workspace/workspace.js';
import { freshWorkspace, scratch, TODAY } from './helpers.js';
import { rawExchange } from '../raw-http.js';

/**
 * The team server over real HTTP on 127.0.0.1: sign-in, cookies, CSRF and Origin, roles on
 * every call, four-eyes, stale saves, lockout, rate limit, session expiry, live events.
 */
const PASSWORD = 'correct horse battery';
const USERS: [string, Role][] = [
  ['alice', 'pm'],
  ['pam', 'pm'],
  ['bob', 'legal'],
  ['carol', 'legal'],
  ['dave', 'legal'],
  ['fred', 'finance'],
  ['fiona', 'finance'],
  ['ada', 'admin'],
];

let ws: Workspace;
let server: TeamServer;
let now = Date.parse(`${TODAY}T01:00:00Z`);
let base: string;
let caseRoot: string;
const logs: string[] = [];

type Session = { cookie: string; csrf: string; name: string };
type Answer = { status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };

const post = async (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer & { setCookie: string | null }> => {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base.replace(/\/$/u, ''), ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'], setCookie: res.headers.get('set-cookie') };
};

async function login(name: string, password = PASSWORD): Promise<Session> {
  const r = await post('auth/login', { name, password });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const cookie = r.setCookie!.split(';')[0]!;
  return { cookie, csrf: (r.body.value as { csrf: string }).csrf, name };
}

const call = (s: Session, name: string, args: unknown = {}, headers: Record<string, string> = {}) =>
  post(`api/${name}`, args, { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, ...headers });
const ok = async <T>(s: Session, name: string, args: unknown = {}): Promise<T> => {
  const r = await call(s, name, args);
  expect(r.body.ok, `${name}: ${JSON.stringify(r.body)}`).toBe(true);
  return r.body.value as T;
};

const sessions: Record<string, Session> = {};
const dave = (): Session => sessions['dave']!;

beforeAll(async () => {
  ws = freshWorkspace();
  for (const [name, role] of USERS) await addUser(ws, { name, role, password: PASSWORD });
  actorFromRequests(ws, 'server');
  caseRoot = scratch('case-root-');
  const dispatch = createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY, caseRoots: [caseRoot] }));
  server = await startTeamServer({ ws, dispatch, host: '127.0.0.1', port: 0, clock: () => now, policy: { ipAttempts: 1000, userAttempts: 1000 }, log: (line) => logs.push(line) });
  base = server.url;
  for (const [name] of USERS) sessions[name] = await login(name);
});
afterAll(async () => {
  await server.close();
});

describe('sign-in and sessions', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie with an expiry, and never returns the password or its hash', async () => {
    const r = await post('auth/login', { name: 'alice', password: PASSWORD });
    expect(r.setCookie).toMatch(/^tariff_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/u);
    expect(JSON.stringify(r.body)).not.toContain(PASSWORD);
    expect(JSON.stringify(r.body)).not.toContain('scrypt');
    const users = await ok<{ users: object[] }>(sessions['ada']!, 'team.users');
    expect(JSON.stringify(users)).not.toMatch(/scrypt|password/u);
    expect(users.users).toContainEqual({ name: 'alice', role: 'pm', disabled: false, lockedUntil: null, createdAt: expect.any(String) });
  });

  it('refuses a call without a session (401), without the CSRF token or with a wrong one, and from another origin or none', async () => {
    const s = sessions['alice']!;
    expect(await post('api/workspace.info', {})).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await post('api/workspace.info', {}, { Cookie: s.cookie })).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REFUSED' } } });
    expect(await call(s, 'workspace.info', {}, { 'X-CSRF-Token': 'x'.repeat(32) })).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REFUSED' } } });
    expect(await call(s, 'workspace.info', {}, { Origin: 'http://evil.example' })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ORIGIN' } } });
    expect(await post('auth/login', { name: 'alice', password: PASSWORD }, { Origin: 'http://evil.example' })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN_ORIGIN' } },
    });
    // A POST that names no origin at all is refused too (browsers always send it).
    const noOrigin = await new Promise<number>((resolve, reject) => {
      const req = request(
        new URL('api/workspace.info', base),
        { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: s.cookie, 'X-CSRF-Token': s.csrf } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(noOrigin).toBe(403);
    expect(await call(s, 'workspace.info')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('answers only for its own host names: a foreign Host (DNS rebinding) gets 403 FORBIDDEN_HOST as JSON', async () => {
    const port = server.port;
    const get = (host: string) =>
      new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/auth/session', headers: { Host: host } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      const r = await get(host);
      expect(r.status, host).toBe(403);
      expect(r.type).toMatch(/^application\/json/u);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_HOST' } });
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) expect((await get(host)).status, host).toBe(401);
  });

  it('keeps only hashes of the session and CSRF tokens in the workspace, and still gives a reloaded page its CSRF token', async () => {
    const s = await login('dave');
    const rows = ws.db.prepare('SELECT token_hash, csrf FROM sessions').all() as { token_hash: string; csrf: string }[];
    const sha = (t: string) => createHash('sha256').update(t).digest('base64url');
    expect(rows.some((r) => r.csrf === s.csrf)).toBe(false);
    expect(rows.map((r) => r.csrf)).toContain(sha(s.csrf));
    expect(rows.map((r) => r.token_hash)).toContain(sha(s.cookie.split('=')[1]!));
    const res = await fetch(new URL('auth/session', base), { headers: { Cookie: s.cookie } });
    expect(((await res.json()) as { value: { csrf: string } }).value.csrf).toBe(s.csrf);
    expect(await call(s, 'team.me')).toMatchObject({ status: 200 });
    // The hash itself is not the token.
    expect(await call(s, 'team.me', {}, { 'X-CSRF-Token': sha(s.csrf) })).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REFUSED' } } });
  });

  it('expires a session after its lifetime, and logout ends it at once', async () => {
    const s = await login('fred');
    expect((await call(s, 'team.me')).status).toBe(200);
    now += 13 * 3_600_000;
    try {
      expect(await call(s, 'team.me')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    } finally {
      now -= 13 * 3_600_000;
    }
    const t = await login('fred');
    expect((await post('auth/logout', {}, { Cookie: t.cookie, 'X-CSRF-Token': t.csrf })).status).toBe(200);
    expect((await call(t, 'team.me')).status).toBe(401);
    sessions['fred'] = await login('fred');
  });

  it('locks an account after 5 wrong passwords in a row, logs it to the audit, and lets it in again after the lock', async () => {
    for (let i = 0; i < 4; i++)
      expect(await post('auth/login', { name: 'pam', password: 'wrong password!' })).toMatchObject({ status: 401, body: { error: { code: 'LOGIN_FAILED' } } });
    expect(await post('auth/login', { name: 'pam', password: 'wrong password!' })).toMatchObject({ status: 423, body: { error: { code: 'ACCOUNT_LOCKED' } } });
    expect(await post('auth/login', { name: 'pam', password: PASSWORD })).toMatchObject({ status: 423, body: { error: { code: 'ACCOUNT_LOCKED' } } });
    expect(listAudit(ws, 20)).toContainEqual(expect.objectContaining({ action: 'login.locked', target: 'user:pam', actor: 'pam' }));
    // An unknown name answers like a wrong password.
    expect(await post('auth/login', { name: 'nobody', password: PASSWORD })).toMatchObject({ status: 401, body: { error: { code: 'LOGIN_FAILED' } } });
    now += 16 * 60_000;
    sessions['pam'] = await login('pam');
  });

  it('answers seven wrong passwords for a real user and for a made-up name alike: 401 ×4, then 423 ACCOUNT_LOCKED with the same body and headers', async () => {
    await addUser(ws, { name: 'lena', role: 'pm', password: PASSWORD });
    const attempt = async (name: string) => {
      const res = await fetch(new URL('auth/login', base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: base.replace(/\/$/u, '') },
        body: JSON.stringify({ name, password: 'wrong password!' }),
      });
      const headers: [string, string][] = [];
      res.headers.forEach((v, k) => {
        if (k !== 'date') headers.push([k, v]);
      });
      return { status: res.status, body: await res.text(), headers };
    };
    const real: Awaited<ReturnType<typeof attempt>>[] = [];
    const madeUp: Awaited<ReturnType<typeof attempt>>[] = [];
    for (let i = 0; i < 7; i++) real.push(await attempt('lena'));
    for (let i = 0; i < 7; i++) madeUp.push(await attempt('no-such-user-x'));
    expect(real.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    expect(madeUp).toEqual(real);
    expect(JSON.parse(madeUp[6]!.body)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    // The lock ends after its time for both.
    now += 16 * 60_000;
    expect((await attempt('no-such-user-x')).status).toBe(401);
    expect((await login('lena')).name).toBe('lena');
  });
});

describe('roles, on every call of the contract', () => {
  it('has a role policy for every call, and none for a call that does not exist', () => {
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(CALL_ROLES).sort());
  });

  it.each([...ROLES])('answers 403 with a clear message to %s for every call of another role, and lets every other call through', async (role) => {
    const s = sessions[USERS.find(([, r]) => r === role)![0]]!;
    for (const name of CALL_NAMES) {
      const access = CALL_ROLES[name]!;
      const allowed = access === 'read' || access.includes(role);
      // A payload no schema accepts: an allowed call stops at INVALID_ARGS, a forbidden one before.
      const r = await call(s, name, { __probe: true });
      if (allowed) expect(r, name).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGS' } } });
      else {
        expect(r, name).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
        expect(r.body.error!.message).toMatch(new RegExp(`^${name.replace('.', '\\.')} is for .+; you are signed in as `, 'u'));
      }
    }
  });

  it('refuses a finance user editing a tariff and changes nothing', async () => {
    const before = listAudit(ws, 1)[0]!.seq;
    expect(await call(sessions['fred']!, 'tariffs.createDraft', { from: 1, effective: '2030-01-01', title: 'x' })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: 'tariffs.createDraft is for product manager; you are signed in as finance' } },
    });
    expect(listAudit(ws, 1)[0]!.seq).toBe(before);
  });
});

describe('changing a role', () => {
  it('an admin changes another user’s role: their sessions end, the new role applies at once, the audit says so', async () => {
    await addUser(ws, { name: 'gil', role: 'finance', password: PASSWORD });
    const gil = await login('gil');
    expect(await call(gil, 'tariffs.createDraft', { from: 1, effective: '2031-01-01', title: 'x' })).toMatchObject({ status: 403 });
    expect(await ok<{ name: string; role: string }>(sessions['ada']!, 'team.setUserRole', { name: 'gil', role: 'pm' })).toMatchObject({ name: 'gil', role: 'pm' });
    expect(await call(gil, 'team.me')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    const again = await login('gil');
    expect(await ok<{ name: string; role: string }>(again, 'team.me')).toMatchObject({ name: 'gil', role: 'pm' });
    expect(listAudit(ws, 20).find((e) => e.action === 'user.role.changed')).toMatchObject({ actor: 'ada', target: 'user:gil', before: { role: 'finance' }, after: { role: 'pm' } });
  });

  it('refuses an admin changing their own role, demoting or disabling the last admin, and anyone but an admin', async () => {
    expect(await call(sessions['ada']!, 'team.setUserRole', { name: 'ada', role: 'pm' })).toMatchObject({ body: { ok: false, error: { code: 'CANNOT_CHANGE_OWN_ROLE' } } });
    expect(await call(sessions['alice']!, 'team.setUserRole', { name: 'bob', role: 'admin' })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await call(sessions['ada']!, 'team.setUserRole', { name: 'bob', role: 'owner' })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGS' } } });
    // With a second admin, the first can be demoted by them; the one left cannot be.
    await addUser(ws, { name: 'hal', role: 'admin', password: PASSWORD });
    const hal = await login('hal');
    expect(await call(hal, 'team.setUserRole', { name: 'ada', role: 'legal' })).toMatchObject({ body: { ok: true } });
    expect(await call(hal, 'team.setUserRole', { name: 'hal', role: 'legal' })).toMatchObject({ body: { ok: false, error: { code: 'CANNOT_CHANGE_OWN_ROLE' } } });
    const { setUserDisabled, setUserRole } = await import('../../src/studio/team/user-store.js');
    expect(() => setUserRole(ws, 'hal', 'legal')).toThrow(/only enabled admin/u);
    // Nor disabled (tariff users disable, or another admin's page): the team would have no admin left.
    expect(() => setUserDisabled(ws, 'hal', true)).toThrow(/only enabled admin: cannot disable/u);
    setUserRole(ws, 'ada', 'admin');
    sessions['ada'] = await login('ada');
  });
});

type Detail = { summary: { id: number; revision: number; status: string; approvedBy?: string | null } };

describe('four-eyes and stale saves', () => {
  it('records the real user in the audit and refuses a stale save naming who changed the draft and when', async () => {
    const d = await ok<Detail>(sessions['alice']!, 'tariffs.createDraft', { from: 1, effective: '2030-02-01', title: 'price change' });
    const edited = await ok<Detail>(sessions['alice']!, 'tariffs.edit', {
      id: d.summary.id,
      revision: d.summary.revision,
      edits: [{ table: 'courses', index: 6, field: 'monthlyFee', text: '1650' }],
    });
    expect(listAudit(ws, 1)[0]).toMatchObject({ actor: 'alice', action: 'tariff.draft.edited', target: `tariff:${d.summary.id}` });
    const stale = await call(sessions['pam']!, 'tariffs.edit', {
      id: d.summary.id,
      revision: d.summary.revision,
      edits: [{ table: 'courses', index: 6, field: 'monthlyFee', text: '1700' }],
    });
    expect(stale).toMatchObject({ status: 409, body: { ok: false, error: { code: 'DRAFT_CONFLICT' } } });
    expect(stale.body.error!.message).toMatch(
      /^tariff draft 2030-02-01 \(#\d+\) was changed by alice at \d{4}-\d\d-\d\dT[\d:.]+Z since you loaded it \(it is at revision 2, your change was made on revision 1\); nothing was saved$/u,
    );
    const now2 = await ok<{ version: { courses: { monthlyFee: number }[] } }>(sessions['pam']!, 'tariffs.get', { id: d.summary.id });
    expect(now2.version.courses[6]!.monthlyFee).toBe(1650);
    expect(edited.summary.revision).toBe(2);
  });

  it('refuses a stale scenario save by another finance user, naming who saved it', async () => {
    const { defaultForm } = await ok<{ defaultForm: { name: string } }>(sessions['fred']!, 'scenarios.choices');
    const first = await ok<{ id: number; revision: number }>(sessions['fred']!, 'scenarios.save', { id: null, form: { ...defaultForm, name: 'fleet 2026' } });
    const second = await ok<{ revision: number }>(sessions['fred']!, 'scenarios.save', {
      id: first.id,
      revision: first.revision,
      form: { ...defaultForm, name: 'fleet 2026 (fred)' },
    });
    expect(second.revision).toBe(first.revision + 1);
    const stale = await call(sessions['fiona']!, 'scenarios.save', { id: first.id, revision: first.revision, form: { ...defaultForm, name: 'fleet 2026 (fiona)' } });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'DRAFT_CONFLICT' } } });
    expect(stale.body.error!.message).toContain(`scenario "fleet 2026 (fred)" (#${first.id}) was changed by fred at `);
  });

  it('refuses the approval of a version by someone who edited it, takes the reviewer from the session, and says why in team.approvalState', async () => {
    const bob = sessions['bob']!;
    const carol = sessions['carol']!;
    const d = await ok<Detail>(bob, 'rules.createDraft', { from: 1, effective: '2031-01-01', title: 'bob drafts' });
    await ok(bob, 'rules.submit', { id: d.summary.id, revision: d.summary.revision, comment: 'ready' });
    const state = await ok<{ canApprove: boolean; reason: string; editors: string[] }>(bob, 'team.approvalState', { kind: 'rule', id: d.summary.id });
    expect(state).toMatchObject({ canApprove: false, reason: 'EDITOR', editors: ['bob'] });
    const refused = await call(bob, 'rules.approve', { id: d.summary.id, revision: d.summary.revision, reviewer: 'carol', comment: 'self approval' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FOUR_EYES' } } });
    expect(refused.body.error!.message).toContain('you edited this version (editors: bob)');
    // Nor does its author send it back with changes requested: that is a reviewer's; he withdraws it instead.
    const ownRequest = await call(bob, 'rules.requestChanges', { id: d.summary.id, revision: d.summary.revision, comment: 'my own' });
    expect(ownRequest).toMatchObject({ status: 403, body: { error: { code: 'FOUR_EYES' } } });
    expect(ownRequest.body.error!.message).toBe('you edited this rule version (editors: bob); someone who did not edit it must request changes');
    expect(await ok(carol, 'team.approvalState', { kind: 'rule', id: d.summary.id })).toMatchObject({ canApprove: true, reason: null });
    const r = await ok<{ approved: Detail }>(carol, 'rules.approve', { id: d.summary.id, revision: d.summary.revision, reviewer: 'somebody typed', comment: 'checked' });
    expect(r.approved.summary).toMatchObject({ status: 'approved', approvedBy: 'carol' });
    const trail = listAudit(ws, 50).filter((e) => e.target === `rule:${d.summary.id}`);
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['rule.approved', 'carol'],
      ['rule.submitted', 'bob'],
      ['rule.draft.created', 'bob'],
    ]);
  });

  it('holds four-eyes on a tariff price change: the pm who edited it and a legal user who drafted it cannot approve, another legal user can', async () => {
    const [alice, bob, carol] = [sessions['alice']!, sessions['bob']!, sessions['carol']!];
    const d = await ok<Detail>(alice, 'tariffs.createDraft', { from: 1, effective: '2033-01-01', title: 'price change' });
    const edited = await ok<Detail>(alice, 'tariffs.edit', {
      id: d.summary.id,
      revision: d.summary.revision,
      edits: [{ table: 'courses', index: 6, field: 'monthlyFee', text: '1700' }],
    });
    expect(await call(bob, 'lifecycle.submitTariff', { id: d.summary.id, revision: edited.summary.revision, comment: 'not mine' })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    await ok(alice, 'lifecycle.submitTariff', { id: d.summary.id, revision: edited.summary.revision, comment: 'ready' });
    expect(await call(alice, 'lifecycle.approveTariff', { id: d.summary.id, revision: edited.summary.revision, reviewer: 'carol', comment: 'self' })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    expect(await ok(alice, 'team.approvalState', { kind: 'tariff', id: d.summary.id })).toMatchObject({ canApprove: false, reason: 'ROLE', editors: ['alice'] });
    const r = await ok<{ approved: { status: string } }>(carol, 'lifecycle.approveTariff', {
      id: d.summary.id,
      revision: edited.summary.revision,
      reviewer: 'somebody typed',
      comment: 'prices checked',
    });
    expect(r.approved.status).toBe('approved');
    const view = await ok<{ reviews: { step: string; reviewer: string }[] }>(alice, 'lifecycle.tariffReview', { id: d.summary.id });
    expect(view.reviews.find((x) => x.step === 'approved')?.reviewer).toBe('carol');

    // A legal user who restored a tariff draft edited it: someone else approves it.
    const restored = await ok<{ id: number }>(bob, 'lifecycle.restore', { kind: 'tariff', from: 1, effective: '2033-06-01', title: 'roll back' });
    const cur = await ok<Detail>(alice, 'tariffs.get', { id: restored.id });
    await ok(alice, 'lifecycle.submitTariff', { id: restored.id, revision: cur.summary.revision, comment: 'roll back' });
    const refused = await call(bob, 'lifecycle.approveTariff', { id: restored.id, revision: cur.summary.revision, reviewer: 'carol', comment: 'self' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FOUR_EYES' } } });
    expect(refused.body.error!.message).toContain('you edited this version (editors: bob');
    expect(await call(bob, 'lifecycle.requestTariffChanges', { id: restored.id, revision: cur.summary.revision, comment: 'mine' })).toMatchObject({
      status: 403,
      body: { error: { code: 'FOUR_EYES', message: expect.stringContaining('you edited this tariff version (editors: bob') } },
    });

    // Approving one approves the version of the other kind with the same date: four-eyes holds for it too.
    const rd = await ok<Detail>(bob, 'rules.createDraft', { from: 1, effective: '2034-01-01', title: 'bob drafts' });
    await ok(bob, 'rules.submit', { id: rd.summary.id, revision: rd.summary.revision, comment: 'ready' });
    const td = await ok<Detail>(alice, 'tariffs.createDraft', { from: 1, effective: '2034-01-01', title: 'same date' });
    await ok(alice, 'lifecycle.submitTariff', { id: td.summary.id, revision: td.summary.revision, comment: 'ready' });
    // team.approvalState says so before anyone clicks: bob edited the rule version of the same date.
    expect(await ok(bob, 'team.approvalState', { kind: 'tariff', id: td.summary.id })).toMatchObject({ canApprove: false, reason: 'COMPANION_EDITOR', editors: ['bob'] });
    expect(await ok(carol, 'team.approvalState', { kind: 'tariff', id: td.summary.id })).toMatchObject({ canApprove: true, reason: null });
    const viaCompanion = await call(bob, 'lifecycle.approveTariff', { id: td.summary.id, revision: td.summary.revision, reviewer: '', comment: 'both' });
    expect(viaCompanion).toMatchObject({ status: 403, body: { error: { code: 'FOUR_EYES' } } });
    expect(viaCompanion.body.error!.message).toContain('the rule version of the same date is approved with it');
    const both = await ok<{ approved: { status: string }; rules: { status: string } | null }>(carol, 'lifecycle.approveTariff', {
      id: td.summary.id,
      revision: td.summary.revision,
      reviewer: '',
      comment: 'both',
    });
    expect(both).toMatchObject({ approved: { status: 'approved' }, rules: { status: 'approved' } });

    // A companion still in draft: the state call tells the approver (the server would refuse APPROVAL_COMPANION_NOT_SUBMITTED).
    await ok<Detail>(bob, 'rules.createDraft', { from: 1, effective: '2035-01-01', title: 'not yet submitted' });
    const lone = await ok<Detail>(alice, 'tariffs.createDraft', { from: 1, effective: '2035-01-01', title: 'same date, rules pending' });
    await ok(alice, 'lifecycle.submitTariff', { id: lone.summary.id, revision: lone.summary.revision, comment: 'ready' });
    const pending = await ok<{ canApprove: boolean; reason: string; message: string }>(carol, 'team.approvalState', { kind: 'tariff', id: lone.summary.id });
    expect(pending).toMatchObject({ canApprove: false, reason: 'COMPANION_NOT_SUBMITTED' });
    expect(pending.message).toContain('the rule version of 2035-01-01');
    expect(await call(carol, 'lifecycle.approveTariff', { id: lone.summary.id, revision: lone.summary.revision, reviewer: '', comment: 'x' })).toMatchObject({
      body: { error: { code: 'APPROVAL_COMPANION_NOT_SUBMITTED' } },
    });
  });

  it('approves only the revision the reviewer saw: a version withdrawn, changed and submitted again is refused with REVIEW_STALE (409)', async () => {
    const [alice, bob, carol] = [sessions['alice']!, sessions['bob']!, sessions['carol']!];
    const d = await ok<Detail>(alice, 'tariffs.createDraft', { from: 1, effective: '2036-01-01', title: 'fee change' });
    await ok(alice, 'lifecycle.submitTariff', { id: d.summary.id, revision: d.summary.revision, comment: 'ready' });
    const seen = (await ok<Detail>(carol, 'tariffs.get', { id: d.summary.id })).summary;
    // The author takes it back, changes a fee and submits again while carol is reading.
    await ok(alice, 'lifecycle.withdrawTariff', { id: d.summary.id, comment: 'one more fee' });
    const edited = await ok<Detail>(alice, 'tariffs.edit', {
      id: d.summary.id,
      revision: seen.revision,
      edits: [{ table: 'courses', index: 6, field: 'monthlyFee', text: '1990' }],
    });
    await ok(alice, 'lifecycle.submitTariff', { id: d.summary.id, revision: edited.summary.revision, comment: 'ready again' });
    const stale = await call(carol, 'lifecycle.approveTariff', { id: d.summary.id, revision: seen.revision, reviewer: 'carol', comment: 'ok' });
    expect(stale).toMatchObject({ status: 409, body: { ok: false, error: { code: 'REVIEW_STALE' } } });
    expect(stale.body.error!.message).toBe(
      `tariff version 2036-01-01 (#${d.summary.id}) changed since you opened it (revision ${seen.revision} → ${edited.summary.revision}): reload and review again`,
    );
    expect((await ok<Detail>(carol, 'tariffs.get', { id: d.summary.id })).summary.status).toBe('in-review');
    // Without the revision the contract refuses the call.
    expect(await call(carol, 'lifecycle.approveTariff', { id: d.summary.id, reviewer: 'carol', comment: 'ok' })).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_ARGS' } },
    });
    const r = await ok<{ approved: { status: string } }>(carol, 'lifecycle.approveTariff', { id: d.summary.id, revision: edited.summary.revision, reviewer: '', comment: 'ok' });
    expect(r.approved.status).toBe('approved');

    // The same for a rule version, and for an approval that is only counted (two required).
    setRequiredApprovals(ws, 2);
    try {
      const rd = await ok<Detail>(bob, 'rules.createDraft', { from: 1, effective: '2036-06-01', title: 'rules change' });
      await ok(bob, 'rules.submit', { id: rd.summary.id, revision: rd.summary.revision, comment: 'ready' });
      await ok(bob, 'rules.withdraw', { id: rd.summary.id, comment: 'one more' });
      const changed = await ok<Detail>(bob, 'rules.setInterpretation', { id: rd.summary.id, revision: rd.summary.revision, name: 'interestDayBasis', value: 'actual' });
      await ok(bob, 'rules.submit', { id: rd.summary.id, revision: changed.summary.revision, comment: 'ready again' });
      const counted = await call(carol, 'rules.approve', { id: rd.summary.id, revision: rd.summary.revision, reviewer: '', comment: 'one' });
      expect(counted).toMatchObject({ status: 409, body: { error: { code: 'REVIEW_STALE' } } });
      expect(
        listAudit(ws, 50)
          .filter((e) => e.target === `rule:${rd.summary.id}`)
          .map((e) => e.action),
      ).not.toContain('rule.approval.counted');
      await ok(carol, 'rules.approve', { id: rd.summary.id, revision: changed.summary.revision, reviewer: '', comment: 'one' });
      expect(await call(dave(), 'rules.approve', { id: rd.summary.id, revision: rd.summary.revision, reviewer: '', comment: 'two' })).toMatchObject({
        status: 409,
        body: { error: { code: 'REVIEW_STALE', message: expect.stringContaining(`rule version 2036-06-01 (#${rd.summary.id}) changed since you opened it`) } },
      });
    } finally {
      setRequiredApprovals(ws, 1);
    }
  });

  it('with 2 required approvals, keeps the version in review until two non-editors approved, each once', async () => {
    setRequiredApprovals(ws, 2);
    try {
      const bob = sessions['bob']!;
      const d = await ok<Detail>(bob, 'rules.createDraft', { from: 1, effective: '2032-01-01', title: 'needs two' });
      await ok(bob, 'rules.submit', { id: d.summary.id, revision: d.summary.revision, comment: 'ready' });
      const first = await ok<{ approved: Detail }>(sessions['carol']!, 'rules.approve', { id: d.summary.id, revision: d.summary.revision, reviewer: '', comment: 'one' });
      expect(first.approved.summary.status).toBe('in-review');
      expect(await call(sessions['carol']!, 'rules.approve', { id: d.summary.id, revision: d.summary.revision, reviewer: '', comment: 'again' })).toMatchObject({
        status: 403,
        body: { error: { code: 'ALREADY_APPROVED' } },
      });
      const second = await ok<{ approved: Detail }>(sessions['dave']!, 'rules.approve', { id: d.summary.id, revision: d.summary.revision, reviewer: '', comment: 'two' });
      expect(second.approved.summary).toMatchObject({ status: 'approved', approvedBy: 'dave' });
    } finally {
      setRequiredApprovals(ws, 1);
    }
  });
});

describe('request changes (差し戻し) on a tariff version', () => {
  it('lets a legal reviewer send a tariff version back to draft saying what must change; pm and finance cannot; the pm edits and submits again, and the reviewer may still approve', async () => {
    setRequiredApprovals(ws, 2);
    try {
      const [alice, carol, dave, fred] = [sessions['alice']!, sessions['carol']!, sessions['dave']!, sessions['fred']!];
      const d = await ok<Detail>(alice, 'tariffs.createDraft', { from: 1, effective: '2038-01-01', title: 'new fees' });
      let e = await ok<Detail>(alice, 'tariffs.edit', {
        id: d.summary.id,
        revision: d.summary.revision,
        edits: [{ table: 'courses', index: 6, field: 'monthlyFee', text: '2100' }],
      });
      await ok(alice, 'lifecycle.submitTariff', { id: d.summary.id, revision: e.summary.revision, comment: 'ready' });
      // One of the two approvals is counted before the version is sent back.
      await ok(carol, 'lifecycle.approveTariff', { id: d.summary.id, revision: e.summary.revision, reviewer: '', comment: 'fine by me' });
      const args = { id: d.summary.id, revision: e.summary.revision, comment: '2,100 円の根拠を示してください' };
      for (const [who, role] of [
        [alice, 'product manager'],
        [fred, 'finance'],
      ] as const) {
        const r = await call(who, 'lifecycle.requestTariffChanges', args);
        expect(r).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
        expect(r.body.error!.message).toBe(`lifecycle.requestTariffChanges is for legal; you are signed in as ${role}`);
      }
      expect((await call(dave, 'lifecycle.requestTariffChanges', { ...args, comment: '' })).body.error!.code).toBe('CHANGES_COMMENT_REQUIRED');
      const back = await ok<{ status: string }>(dave, 'lifecycle.requestTariffChanges', args);
      expect(back.status).toBe('draft');
      const entry = listAudit(ws).find((x) => x.target === `tariff:${d.summary.id}` && x.action === 'tariff.changes-requested');
      expect(entry).toMatchObject({ actor: 'dave', comment: '2,100 円の根拠を示してください' });
      // The pm reads who asked for what on the Tariff page (the review steps).
      const { steps } = await ok<{ steps: { step: string; reviewer: string; comment: string }[] }>(alice, 'lifecycle.reviewSteps', { id: d.summary.id });
      expect(steps.at(-1)).toMatchObject({ step: 'changes-requested', reviewer: 'dave', comment: '2,100 円の根拠を示してください' });

      // The pm changes the draft and submits it again; carol's approval of the earlier submission no longer counts.
      e = await ok<Detail>(alice, 'tariffs.edit', { id: d.summary.id, revision: e.summary.revision, edits: [{ table: 'courses', index: 6, field: 'monthlyFee', text: '1980' }] });
      await ok(alice, 'lifecycle.submitTariff', { id: d.summary.id, revision: e.summary.revision, comment: '1,980 円にしました' });
      // Sending back is a review step: dave is no editor and may approve; the pm still may not.
      const state = await ok<{ canApprove: boolean; approvals: string[]; editors: string[] }>(dave, 'team.approvalState', { kind: 'tariff', id: d.summary.id });
      expect(state).toMatchObject({ canApprove: true, approvals: [], editors: ['alice'] });
      expect((await call(alice, 'lifecycle.approveTariff', { id: d.summary.id, revision: e.summary.revision, reviewer: '', comment: 'mine' })).status).toBe(403);
      await ok(dave, 'lifecycle.approveTariff', { id: d.summary.id, revision: e.summary.revision, reviewer: '', comment: 'ok' });
      const last = await ok<{ approved: Detail }>(carol, 'lifecycle.approveTariff', { id: d.summary.id, revision: e.summary.revision, reviewer: '', comment: 'ok now' });
      expect(last.approved).toMatchObject({ status: 'approved' });
    } finally {
      setRequiredApprovals(ws, 1);
    }
  });
});

describe('case folders on the server', () => {
  it('confines explorer.saveCase and rules.setCaseFolders to the case root, the same answer whether a path outside exists or not', async () => {
    const bob = sessions['bob']!;
    const outside = join(scratch('outside-'), 'anything', 'new', 'sub');
    const caseJson = '{"name": "x"}\n';
    for (const folder of [outside, '/tmp/anything/new/sub', '../escape', join(caseRoot, '..', 'escape')]) {
      const r = await call(bob, 'explorer.saveCase', { folder, fileName: 'x.sh', caseJson });
      expect(r.body, folder).toMatchObject({ ok: false, error: { code: 'CASE_FOLDER_OUTSIDE_ROOT' } });
      expect(r.body.error!.message).toContain(`case folders must be inside ${caseRoot}`);
    }
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(join(caseRoot, '..', 'escape'))).toBe(false);
    // A symbolic link inside the root that leads out of it is outside too.
    const away = scratch('away-');
    symlinkSync(away, join(caseRoot, 'link'));
    expect((await call(bob, 'explorer.saveCase', { folder: join(caseRoot, 'link', 'sub'), fileName: 'x', caseJson })).body).toMatchObject({
      error: { code: 'CASE_FOLDER_OUTSIDE_ROOT' },
    });
    expect(existsSync(join(away, 'sub'))).toBe(false);
    // Inside the root (absolute, or relative to it) a case is saved.
    const saved = await ok<{ file: string }>(bob, 'explorer.saveCase', { folder: 'legal/new', fileName: 'late-interest', caseJson });
    expect(saved.file.startsWith(join(caseRoot, 'legal', 'new'))).toBe(true);
    expect(readFileSync(saved.file, 'utf8')).toBe(caseJson);

    const etc = await call(bob, 'rules.setCaseFolders', { folders: ['/etc', '/root'] });
    const missing = await call(bob, 'rules.setCaseFolders', { folders: ['/no-such-dir-here', '/root'] });
    expect(etc.body).toMatchObject({ ok: false, error: { code: 'CASE_FOLDER_OUTSIDE_ROOT' } });
    expect(JSON.stringify(missing.body)).toBe(JSON.stringify(etc.body).replaceAll('/etc', '/no-such-dir-here'));
    mkdirSync(join(caseRoot, 'regression'));
    const set = await ok<{ folders: { path: string; exists: boolean }[] }>(bob, 'rules.setCaseFolders', { folders: [join(caseRoot, 'regression'), 'legal'] });
    expect(set.folders.filter((f) => f.path.startsWith(caseRoot))).toEqual([
      expect.objectContaining({ path: join(caseRoot, 'regression'), exists: true }),
      expect.objectContaining({ path: join(caseRoot, 'legal'), exists: true }),
    ]);
  });
});

describe('transport errors', () => {
  const raw = (bytes: string, hangUpAfterMs?: number): Promise<string> => rawExchange(server.port, bytes, hangUpAfterMs);
  const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { ok: boolean; error: { code: string } };

  it('answers what the HTTP parser refuses with a JSON error, and logs a client hanging up mid-body in one line, not as a server error', async () => {
    logs.length = 0;
    const garbage = await raw('GARBAGE\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 [^]*content-type: application\/json/u);
    expect(bodyOf(garbage)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const longHeaders = await raw(`GET /auth/session HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(longHeaders).toMatch(/^HTTP\/1\.1 431 /u);
    expect(bodyOf(longHeaders)).toMatchObject({ ok: false, error: { code: 'HEADERS_TOO_LARGE' } });
    expect(logs.filter((l) => /BAD_REQUEST|HEADERS_TOO_LARGE/u.test(l))).toHaveLength(2);

    logs.length = 0;
    const host = `127.0.0.1:${server.port}`;
    const answer = await raw(`POST /auth/login HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://${host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":`, 100);
    expect(answer).toBe('');
    for (let i = 0; i < 100 && logs.length === 0; i++) await new Promise((ok) => setTimeout(ok, 20));
    expect(logs).toEqual([expect.stringMatching(/^studio server: POST \/auth\/login: the client closed the connection before the request body ended \(aborted\)$/u)]);
    expect((await fetch(new URL('auth/session', base))).status).toBe(401);
  });
});

describe('live updates', () => {
  it('tells the other pages who changed what, over server-sent events', async () => {
    const bob = sessions['bob']!;
    const ctl = new AbortController();
    const res = await fetch(new URL('events', base), { headers: { Cookie: bob.cookie }, signal: ctl.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/u);
    const reader = res.body!.getReader();
    const d = await ok<Detail>(sessions['alice']!, 'tariffs.createDraft', { from: 1, effective: '2030-03-01', title: 'live' });
    let text = '';
    for (let i = 0; i < 20 && !text.includes('event: change'); i++) text += new TextDecoder().decode((await reader.read()).value);
    ctl.abort();
    const data = JSON.parse(/data: (.*)\n/u.exec(text)![1]!) as object;
    expect(data).toMatchObject({ call: 'tariffs.createDraft', domain: 'tariffs', by: 'alice' });
    expect(d.summary.id).toBeGreaterThan(0);
    expect((await fetch(new URL('events', base))).status).toBe(401);
  });
});
