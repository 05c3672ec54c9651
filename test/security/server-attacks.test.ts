import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { createDecisionService } from '../../src/serve/decision-service.js';
import type { AccessLogLine } from '../../src/serve/service-types.js';
import { hashToken, parseTokenFile, TokenChecker } from '../../src/serve/tokens.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server/http-server.js';
import { startTeamServer, type TeamServer } from '../../src/studio/server/team-server.js';
import { MAX_LIVE_PER_SESSION } from '../../src/studio/server/live-events.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import { addUser } from '../../src/studio/team/user-store.js';
import { createLoginService, DEFAULT_LOGIN_POLICY } from '../../src/studio/team/login.js';
import { setRequiredApprovals } from '../../src/studio/team/team-settings.js';
import { listAudit } from '../../src/studio/workspace/audit-log.js';
import type { Workspace } from '../../src/studio/workspace/workspace.js';
import { APPROVE_BODY, bodyOf, closeServer, listen, rawExchange, rawRequest, statusOf } from '../raw-http.js';
import { folderRelease, scratch as releaseScratch, serviceOptions, writeRelease } from '../serve/helpers.js';
import { freshWorkspace, scratch, TODAY } from '../studio/helpers.js';

/**
 * The adversarial pass over the three servers (an attacker on the network, a page in the
 * user's browser, a signed-in user): each attack that got through once, kept so a regression
 * shows. Loopback only; every loop bounded.
 */
const close = (server: Server): Promise<void> => closeServer(server);

describe('the decision service (tariff serve)', () => {
  const dir = releaseScratch();
  const release = loadReleaseFile(writeRelease(dir, 'release.json', folderRelease()));
  const logs: AccessLogLine[] = [];
  const opts = serviceOptions(release, logs, TODAY, 'test');

  it('without tokens, refuses a foreign Host (DNS rebinding: a page whose name resolves to 127.0.0.1 is same-origin, no preflight)', async () => {
    const server = createDecisionService(opts());
    const port = await listen(server);
    try {
      const rebound = await rawExchange(port, rawRequest('GET', '/v1/versions', { Host: `evil.example:${port}` }));
      expect(statusOf(rebound), rebound).toBe(403);
      expect(JSON.parse(bodyOf(rebound))).toMatchObject({ error: { code: 'FORBIDDEN_HOST' } });
      const post = await rawExchange(
        port,
        rawRequest('POST', '/v1/decisions/approval', { Host: 'evil.example', Origin: 'http://evil.example', 'Content-Type': 'application/json' }, APPROVE_BODY),
      );
      expect(statusOf(post), post).toBe(403);
      // No Host at all: an HTTP/1.0 client, or a forged request; refused the same way.
      expect(statusOf(await rawExchange(port, 'GET /v1/versions HTTP/1.0\r\n\r\n'))).toBe(403);
      // The names of this machine, with any port (a local port mapping) and without one, are served.
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost', 'LOCALHOST:8787', '127.0.0.1'])
        expect(statusOf(await rawExchange(port, rawRequest('GET', '/v1/versions', { Host: host }))), host).toBe(200);
      // /healthz is answered for any Host (a load balancer's probe), as before.
      expect(statusOf(await rawExchange(port, rawRequest('GET', '/healthz', { Host: 'evil.example' })))).toBe(200);
    } finally {
      await close(server);
    }
  });

  it('facts holding __proto__ or constructor keys are refused as unknown facts and pollute nothing', async () => {
    const server = createDecisionService(opts());
    const port = await listen(server);
    try {
      const facts = (JSON.parse(APPROVE_BODY) as { facts: Record<string, unknown> }).facts;
      for (const key of ['__proto__', 'constructor']) {
        const body = `{"asOf":"2025-01-01","facts":{"${key}":{"paymentDelinquent":true,"polluted":1},${JSON.stringify(facts).slice(1, -1)}}}`;
        const r = await rawExchange(port, rawRequest('POST', '/v1/decisions/approval', { Host: '127.0.0.1', 'Content-Type': 'application/json' }, body));
        expect(statusOf(r), r).toBe(422);
        expect(JSON.parse(bodyOf(r))).toMatchObject({ outcome: 'invalid' });
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }
    } finally {
      await close(server);
    }
  });

  it("a malformed decision body is not quoted back in BODY_JSON (a customer's facts)", async () => {
    const server = createDecisionService(opts());
    const port = await listen(server);
    try {
      const body = '{"asOf":"2025-01-01","facts":{"customerName":Yamada-Taro-0312345678}}';
      const r = await rawExchange(port, rawRequest('POST', '/v1/decisions/approval', { Host: '127.0.0.1', 'Content-Type': 'application/json' }, body));
      expect(statusOf(r)).toBe(400);
      expect(JSON.parse(bodyOf(r))).toMatchObject({ error: { code: 'BODY_JSON' } });
      expect(r).not.toContain('Yamada');
    } finally {
      await close(server);
    }
  });

  it('with tokens, the Host is not checked (a page cannot send a bearer token it does not know)', async () => {
    const tokensFile = join(dir, 'tokens-host');
    writeFileSync(tokensFile, `ops sha256:${createHash('sha256').update('ops-token-0123456789').digest('hex')}\n`);
    const server = createDecisionService(opts({ tokens: new TokenChecker(parseTokenFile(tokensFile)) }));
    const port = await listen(server);
    try {
      const r = await rawExchange(port, rawRequest('GET', '/v1/versions', { Host: 'api.example.com', Authorization: 'Bearer ops-token-0123456789' }));
      expect(statusOf(r), r).toBe(200);
    } finally {
      await close(server);
    }
  });

  it('a flood of wrong tokens neither evicts a good verdict nor buys unlimited hash checks: past the limit an address gets 429', async () => {
    const tokensFile = join(dir, 'tokens-flood');
    writeFileSync(tokensFile, `ops sha256:${createHash('sha256').update('ops-token-0123456789').digest('hex')}\n`);
    const checker = new TokenChecker(parseTokenFile(tokensFile), { maxVerdicts: 8, refusedPerWindow: 5, windowMs: 60_000 });
    // Each new token is admitted (counted against its address) before it is checked; a good one is given back.
    const ask = async (token: string, client: string) => {
      expect(await checker.admit(client)).toBeUndefined();
      return checker.check(token, client);
    };
    expect(await ask('ops-token-0123456789', '10.0.0.1')).toBe('ops');
    for (let i = 0; i < 5; i++) expect(await ask(`wrong-${i}`, '10.0.0.1')).toBeUndefined();
    // More wrong tokens than the verdict cache holds, from many addresses: the good verdict stays.
    for (let i = 0; i < 20; i++) await ask(`other-${i}`, `10.0.1.${i}`);
    expect(checker.known('ops-token-0123456789')).toBe('ops');
    // The sixth new wrong token from 10.0.0.1 in the window is not admitted (so never checked).
    expect(await checker.admit('10.0.0.1')).toBeGreaterThan(0);
    expect(await checker.admit('10.0.0.2')).toBeUndefined();

    const server = createDecisionService(opts({ tokens: new TokenChecker(parseTokenFile(tokensFile), { refusedPerWindow: 3, windowMs: 60_000 }) }));
    const port = await listen(server);
    try {
      const ask = (token: string) =>
        rawExchange(port, rawRequest('POST', '/v1/decisions/approval', { Host: 'x', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, APPROVE_BODY));
      expect(statusOf(await ask('ops-token-0123456789'))).toBe(200);
      for (let i = 0; i < 3; i++) expect(statusOf(await ask(`guess-${i}`))).toBe(401);
      // A token refused before is answered from its verdict (no new check), still 401.
      expect(statusOf(await ask('guess-0'))).toBe(401);
      const limited = await ask('guess-3');
      expect(statusOf(limited), limited).toBe(429);
      expect(limited).toMatch(/retry-after: \d+/iu);
      expect(JSON.parse(bodyOf(limited))).toMatchObject({ error: { code: 'TOO_MANY_BAD_TOKENS' } });
      // The client that holds a good token is still served from the same address.
      expect(statusOf(await ask('ops-token-0123456789'))).toBe(200);
      // A burst sent at once is counted as it arrives, not as its checks end.
      // (An scrypt line: its check awaits the hash, so the burst's checks overlap.)
      const scryptFile = join(dir, 'tokens-scrypt');
      writeFileSync(scryptFile, `${(await hashToken('billing', 'billing-token-0123456789')).line}\n`);
      const burstServer = createDecisionService(opts({ tokens: new TokenChecker(parseTokenFile(scryptFile), { refusedPerWindow: 3, windowMs: 60_000 }) }));
      const burstPort = await listen(burstServer);
      try {
        const burst = await Promise.all(
          Array.from({ length: 12 }, (_, i) => rawExchange(burstPort, rawRequest('GET', '/v1/versions', { Host: 'x', Authorization: `Bearer burst-${i}` })).then(statusOf)),
        );
        expect(burst.filter((st) => st === 401)).toHaveLength(3);
        expect(burst.filter((st) => st === 429)).toHaveLength(9);
      } finally {
        await close(burstServer);
      }
      expect(JSON.stringify(logs)).not.toContain('guess-');
      expect(JSON.stringify(logs)).not.toContain('ops-token-0123456789');
    } finally {
      await close(server);
    }
  });
});

describe('the studio servers', () => {
  const PASSWORD = 'correct horse battery';
  let ws: Workspace;
  let team: TeamServer;
  let web: StudioServer;
  let base: string;
  const logs: string[] = [];

  beforeAll(async () => {
    ws = freshWorkspace();
    await addUser(ws, { name: 'ada', role: 'admin', password: PASSWORD });
    actorFromRequests(ws, 'server');
    const dispatch = createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY, caseRoots: [scratch('case-root-')] }));
    team = await startTeamServer({ ws, dispatch, host: '127.0.0.1', port: 0, log: (l) => logs.push(l) });
    base = team.url.replace(/\/$/u, '');
    web = await startStudioServer({ dispatch, log: (l) => logs.push(l) });
  });
  afterAll(async () => {
    await team.close();
    await web.close();
  });

  const teamPost = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const r = await fetch(`${base}/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base, ...headers }, body });
    return { status: r.status, text: await r.text(), setCookie: r.headers.get('set-cookie') };
  };

  it('passwords are hashed at least as hard as OWASP asks of scrypt (N=2^17 r=8 p=1, or an equal setting), and an older, weaker hash is upgraded at the next sign-in', async () => {
    // OWASP Password Storage Cheat Sheet: N=2^17 r=8 p=1, or one of its equal settings with less memory.
    const OWASP_MIN_P: Record<number, number> = { [2 ** 17]: 1, [2 ** 16]: 2, [2 ** 15]: 3, [2 ** 14]: 5, [2 ** 13]: 10 };
    const strong = (hash: string): boolean => {
      const [kind, n, r, p] = hash.split('$');
      return kind === 'scrypt' && Number(r) === 8 && Number(p) >= (OWASP_MIN_P[Number(n)] ?? (Number(n) > 2 ** 17 ? 1 : Infinity));
    };
    await addUser(ws, { name: 'olga', role: 'finance', password: PASSWORD });
    const id = (ws.db.prepare('SELECT id FROM users WHERE name = ?').get('olga') as { id: number }).id;
    const stored = () => (ws.db.prepare('SELECT password_hash FROM users WHERE id = ?').get(id) as { password_hash: string }).password_hash;
    expect(stored(), stored()).toSatisfy(strong);
    // A hash made by an earlier version (N=16384, p=1): still accepted, and replaced by a strong one once the password is known.
    const salt = randomBytes(16);
    const old = `scrypt$16384$8$1$${salt.toString('base64url')}$${scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url')}`;
    ws.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(old, id);
    expect((await teamPost('auth/login', JSON.stringify({ name: 'olga', password: PASSWORD }))).status).toBe(200);
    expect(stored()).not.toBe(old);
    expect(stored(), stored()).toSatisfy(strong);
    expect((await teamPost('auth/login', JSON.stringify({ name: 'olga', password: PASSWORD }))).status).toBe(200);
    expect(JSON.stringify(listAudit(ws))).not.toContain(stored().split('$')[5]!);
  });

  it('with two approvals required, an approval counted before the companion version was withdrawn, changed and submitted again does not count for the change', async () => {
    for (const [name, role] of [
      ['paul', 'pm'],
      ['lena', 'legal'],
      ['cora', 'legal'],
      ['cleo', 'legal'],
    ] as const)
      await addUser(ws, { name, role, password: PASSWORD });
    const session = async (name: string) => {
      const r = await teamPost('auth/login', JSON.stringify({ name, password: PASSWORD }));
      expect(r.status, r.text).toBe(200);
      return { Cookie: r.setCookie!.split(';')[0]!, 'X-CSRF-Token': (JSON.parse(r.text) as { value: { csrf: string } }).value.csrf };
    };
    const [paul, lena, cora, cleo] = [await session('paul'), await session('lena'), await session('cora'), await session('cleo')];
    type Summary = { summary: { id: number; revision: number; status: string } };
    const call = async <T>(who: Record<string, string>, name: string, args: unknown): Promise<{ status: number; value: T; text: string }> => {
      const r = await teamPost(`api/${name}`, JSON.stringify(args), who);
      return { status: r.status, value: (JSON.parse(r.text) as { value: T }).value, text: r.text };
    };
    setRequiredApprovals(ws, 2);
    try {
      const rule = (await call<Summary>(lena, 'rules.createDraft', { from: 1, effective: '2040-01-01', title: 'rules of 2040' })).value.summary;
      expect((await call(lena, 'rules.submit', { id: rule.id, revision: rule.revision, comment: 'ready' })).status).toBe(200);
      const tariff = (await call<Summary>(paul, 'tariffs.createDraft', { from: 1, effective: '2040-01-01', title: 'tariff of 2040' })).value.summary;
      expect((await call(paul, 'lifecycle.submitTariff', { id: tariff.id, revision: tariff.revision, comment: 'ready' })).status).toBe(200);
      // cora approves the change (counted: one of two) ...
      const first = await call(cora, 'lifecycle.approveTariff', { id: tariff.id, revision: tariff.revision, reviewer: '', comment: 'seen both' });
      expect(first.status, first.text).toBe(200);
      // ... then the rule version she saw is taken back, changed and submitted again.
      expect((await call(lena, 'rules.withdraw', { id: rule.id, comment: 'one more thing' })).status).toBe(200);
      const changed = (await call<Summary>(lena, 'rules.setInterpretation', { id: rule.id, revision: rule.revision, name: 'interestDayBasis', value: 'actual' })).value.summary;
      expect((await call(lena, 'rules.submit', { id: rule.id, revision: changed.revision, comment: 'ready again' })).status).toBe(200);
      // cleo's approval is the first of the change as it now stands: counted, nothing approved yet.
      const second = await call(cleo, 'lifecycle.approveTariff', { id: tariff.id, revision: tariff.revision, reviewer: '', comment: 'ok' });
      expect(second.status, second.text).toBe(200);
      const status = (table: string, id: number) => (ws.db.prepare(`SELECT status FROM ${table} WHERE id = ?`).get(id) as { status: string }).status;
      expect(status('rule_versions', rule.id)).toBe('in-review');
      expect(status('tariff_versions', tariff.id)).toBe('in-review');
      // cora looks again and approves: now two people approved what is approved.
      const third = await call(cora, 'rules.approve', { id: rule.id, revision: changed.revision, reviewer: '', comment: 'seen the change' });
      expect(third.status, third.text).toBe(200);
      expect(status('rule_versions', rule.id)).toBe('approved');
      expect(status('tariff_versions', tariff.id)).toBe('approved');
    } finally {
      setRequiredApprovals(ws, 1);
    }
  });

  it('the sign-in limit per address counts an IPv6 client by its /64 (one host holds 2^64 addresses) and an IPv4-mapped one as IPv4', async () => {
    const login = createLoginService(ws, { ...DEFAULT_LOGIN_POLICY, ipAttempts: 3, userAttempts: 1000, maxFailures: 1000 });
    const codes: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const r = await login(`nobody-${i}`, 'wrong password', `2001:db8:1:2:${i.toString(16)}::${i}`);
      codes.push(r.ok ? 'ok' : r.code);
    }
    expect(codes).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_RATE_LIMITED']);
    // Another /64 is another client.
    const other = await login('nobody-5', 'wrong password', '2001:db8:1:3::1');
    expect(other.ok ? 'ok' : other.code).toBe('LOGIN_FAILED');
    const mapped: string[] = [];
    for (const ip of ['192.0.2.7', '::ffff:192.0.2.7', '192.0.2.7', '::FFFF:192.0.2.7']) {
      const r = await login('nobody-6', 'wrong password', ip);
      mapped.push(r.ok ? 'ok' : r.code);
    }
    expect(mapped).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_RATE_LIMITED']);
  });

  it('a malformed sign-in or user call does not echo the password in its error', async () => {
    const secret = 'hunter2-very-secret-pass';
    const login = await teamPost('auth/login', `{"name":"ada","password":${secret}"}`);
    expect(login.status).toBe(400);
    expect(login.text).toContain('BAD_JSON');
    expect(login.text).not.toContain('hunter2');
    const good = await teamPost('auth/login', JSON.stringify({ name: 'ada', password: PASSWORD }));
    expect(good.status).toBe(200);
    const cookie = good.setCookie!.split(';')[0]!;
    const csrf = (JSON.parse(good.text) as { value: { csrf: string } }).value.csrf;
    const add = await teamPost('api/team.addUser', `{"name":"eve","role":"pm","password":"${secret}}`, { Cookie: cookie, 'X-CSRF-Token': csrf });
    expect(add.status).toBe(400);
    expect(add.text).not.toContain('hunter2');
    const reset = await teamPost('api/team.resetPassword', `{"name":"ada","password":${secret}}`, { Cookie: cookie, 'X-CSRF-Token': csrf });
    expect(reset.status).toBe(400);
    expect(reset.text).not.toContain('hunter2');
    // The browser mode reads bodies the same way.
    const r = await fetch(new URL('api/team.addUser', web.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"password":${secret}}` });
    expect(r.status).toBe(400);
    expect(await r.text()).not.toContain('hunter2');
    expect(logs.join('\n')).not.toContain('hunter2');
  });

  it('one session holds a bounded number of live-event streams: the oldest is closed when a page opens one more', async () => {
    const good = await teamPost('auth/login', JSON.stringify({ name: 'ada', password: PASSWORD }));
    const cookie = good.setCookie!.split(';')[0]!;
    const before = team.liveClients();
    const streams: AbortController[] = [];
    try {
      for (let i = 0; i < MAX_LIVE_PER_SESSION + 5; i++) {
        const c = new AbortController();
        streams.push(c);
        const r = await fetch(`${base}/events`, { headers: { Cookie: cookie }, signal: c.signal });
        expect(r.status).toBe(200);
      }
      for (let i = 0; i < 50 && team.liveClients() - before > MAX_LIVE_PER_SESSION; i++) await new Promise((ok) => setTimeout(ok, 20));
      expect(team.liveClients() - before).toBe(MAX_LIVE_PER_SESSION);
    } finally {
      for (const c of streams) c.abort();
    }
  });

  it('the renderer files: nothing outside their folder, however the path is spelled', async () => {
    const root = scratch('static-');
    const dist = join(root, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>studio</title>');
    writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET');
    const server = await startStudioServer({ dispatch: () => Promise.resolve({ ok: true, value: null }), staticDir: dist, secret: 'static-secret-0000000000000' });
    try {
      const hostHeader = `127.0.0.1:${server.port}`;
      for (const path of [
        '../secret.txt',
        '..%2fsecret.txt',
        '%2e%2e/secret.txt',
        '%2e%2e%2fsecret.txt',
        '..%5csecret.txt',
        '%252e%252e%252fsecret.txt',
        '/../secret.txt',
        'x/../../secret.txt',
        '%00../secret.txt',
        `${root}/secret.txt`,
      ]) {
        const r = await rawExchange(server.port, rawRequest('GET', `/s/static-secret-0000000000000/${path}`, { Host: hostHeader }));
        expect(r, path).not.toContain('TOP-SECRET');
        expect([400, 404], `${path}: ${r.slice(0, 80)}`).toContain(statusOf(r));
      }
      expect(await rawExchange(server.port, rawRequest('GET', '/s/static-secret-0000000000000/index.html', { Host: hostHeader }))).toContain('<title>studio</title>');
    } finally {
      await server.close();
    }
  });

  it('a studio call must be application/json itself, not a type that merely starts with it', async () => {
    const good = await teamPost('auth/login', JSON.stringify({ name: 'ada', password: PASSWORD }));
    const cookie = good.setCookie!.split(';')[0]!;
    const csrf = (JSON.parse(good.text) as { value: { csrf: string } }).value.csrf;
    for (const type of ['application/jsonp', 'application/json-seq', 'application/json5']) {
      const r = await teamPost('api/tariffs.list', '{}', { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': type });
      expect(r.status, type).toBe(415);
      const w = await fetch(new URL('api/tariffs.list', web.url), { method: 'POST', headers: { 'Content-Type': type }, body: '{}' });
      expect(w.status, type).toBe(415);
    }
    for (const type of ['application/json', 'Application/JSON; charset=utf-8', 'application/json;charset=UTF-8']) {
      const r = await teamPost('api/tariffs.list', '{}', { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': type });
      expect(r.status, type).toBe(200);
    }
  });
});
