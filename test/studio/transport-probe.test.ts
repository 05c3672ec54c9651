import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server/http-server.js';
import { startTeamServer, type TeamServer } from '../../src/studio/server/team-server.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import { addUser } from '../../src/studio/team/user-store.js';
import { rawExchange } from '../raw-http.js';
import { freshWorkspace, scratch, TODAY } from './helpers.js';

/**
 * Malformed requests against both studio servers on 127.0.0.1 (the browser mode's and the team
 * server): wrong methods, missing or broken JSON, wrong content types, unknown paths and calls,
 * bad session cookies and CSRF tokens, odd URLs. Every API answer is JSON with a stable code
 * and the right status, never a stack trace, and the server keeps answering.
 */
type Raw = { status: number; headers: string; body: string };
const parse = (answer: string): Raw => {
  const end = answer.indexOf('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/u.exec(answer)?.[1] ?? 0), headers: answer.slice(0, end).toLowerCase(), body: answer.slice(end + 4) };
};
const request = async (port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<Raw> => {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    ...Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' }).map(([k, v]) => `${k}: ${v}`),
  ];
  return parse(await rawExchange(port, `${lines.join('\r\n')}\r\n\r\n${body}`));
};

/** A JSON error with a stable code, no stack, no file path of the server. */
function expectJsonError(r: Raw, status: number, code: string | RegExp, what: string) {
  expect(r.status, `${what}: ${r.body.slice(0, 300)}`).toBe(status);
  expect(r.headers, what).toContain('content-type: application/json');
  const body = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok, what).toBe(false);
  if (typeof code === 'string') expect(body.error.code, what).toBe(code);
  else expect(body.error.code, what).toMatch(code);
  expect(body.error.message.length, what).toBeGreaterThan(5);
  expect(r.body, what).not.toMatch(/\s+at [^\s]+ \(|node:internal|\/src\/studio\//u);
}

describe('browser-mode server: malformed requests', () => {
  let server: StudioServer;
  const SECRET = 'probe-secret-000000000000';
  let host: string;
  beforeAll(async () => {
    const ws = freshWorkspace();
    server = await startStudioServer({
      dispatch: createDispatcher(studioHandlers({ ws, createdNow: true, today: () => TODAY })),
      secret: SECRET,
      staticDir: scratch('no-renderer-'),
    });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());
  const api = (name: string) => `/s/${SECRET}/api/${name}`;
  const json = () => ({ Host: host, 'Content-Type': 'application/json' });

  it('answers wrong methods, content types, bodies and calls with a JSON error and its status', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'].filter((m) => m !== 'HEAD'))
      expectJsonError(await request(server.port, method, api('tariffs.list'), json(), '{}'), 405, 'METHOD_NOT_ALLOWED', method);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])
      expectJsonError(
        await request(server.port, 'POST', api('tariffs.list'), { Host: host, ...(type ? { 'Content-Type': type } : {}) }, '{}'),
        415,
        'BAD_CONTENT_TYPE',
        `type ${type}`,
      );
    for (const body of ['{', '{"id": 1,}', "{'id': 1}", '\uFEFF{}', 'NaN', '{"a": 1e99999'])
      expectJsonError(await request(server.port, 'POST', api('tariffs.get'), json(), body), 400, 'BAD_JSON', `body ${body}`);
    for (const body of ['', 'null', '[]', '"x"', '1', '{"id": "1"}', '{"id": 0}', '{"id": 1, "extra": true}', '{"__proto__": {"id": 1}}'])
      expectJsonError(await request(server.port, 'POST', api('tariffs.get'), json(), body), 400, 'INVALID_ARGS', `body ${body}`);
    for (const name of [
      'nope',
      'tariffs',
      'tariffs.',
      '.list',
      'tariffs.list.x',
      '__proto__.constructor',
      'constructor',
      'tariffs.__proto__',
      'tariffs.hasOwnProperty',
      '%E0%A4%A',
      '',
    ])
      expectJsonError(await request(server.port, 'POST', api(name), json(), '{}'), 400, 'UNKNOWN_CALL', `call ${name}`);
    expectJsonError(await request(server.port, 'POST', api('tariffs.list'), { ...json(), Origin: 'null' }, '{}'), 403, 'FORBIDDEN_ORIGIN', 'Origin null');
    expectJsonError(await request(server.port, 'POST', api('tariffs.list'), { 'Content-Type': 'application/json' }, '{}'), 403, 'FORBIDDEN_HOST', 'no Host');
    // Still serving.
    const ok = await request(server.port, 'POST', api('tariffs.list'), json(), '{}');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
  });

  it('refuses a body that is not UTF-8 (Shift_JIS) as BAD_JSON naming the first bad byte, not as arguments of replacement characters', async () => {
    // {"name": "コース"} with コース in Shift_JIS (0x83 0x52 0x81 0x5B 0x83 0x58).
    const body = Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0x83, 0x52, 0x81, 0x5b, 0x83, 0x58]), Buffer.from('"}')]);
    const r = await fetch(`http://${host}${api('tariffs.get')}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      ok: false,
      error: {
        code: 'BAD_JSON',
        message: 'the body is not UTF-8 text: byte 0x83 at offset 10 is not valid UTF-8 (Shift_JIS or another encoding?); JSON is sent as UTF-8',
        issues: [],
      },
    });
  });

  it('answers a write to a page path (not a call) with a JSON 405, not a plain-text page', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) expectJsonError(await request(server.port, method, `/s/${SECRET}/index.html`, json(), '{}'), 405, 'METHOD_NOT_ALLOWED', method);
  });

  it('answers GET auth/session (the page asking whether it is on a team server) with no sign-in, not a 404; other methods 405; without the secret 404', async () => {
    const session = await request(server.port, 'GET', `/s/${SECRET}/auth/session`, { Host: host });
    expect(session.status, session.body).toBe(200);
    expect(session.headers).toContain('content-type: application/json');
    expect(JSON.parse(session.body)).toEqual({ ok: true, value: { signIn: 'none' } });
    expectJsonError(await request(server.port, 'POST', `/s/${SECRET}/auth/session`, json(), '{}'), 405, 'METHOD_NOT_ALLOWED', 'POST auth/session');
    expectJsonError(await request(server.port, 'GET', '/auth/session', { Host: host }), 404, 'NOT_FOUND', 'no secret');
    expectJsonError(await request(server.port, 'GET', `/s/${SECRET}/auth/session`, { Host: 'evil.example:80' }), 403, 'FORBIDDEN_HOST', 'foreign Host');
  });
});

describe('team server: malformed requests', () => {
  let server: TeamServer;
  let host: string;
  let origin: string;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    const ws = freshWorkspace();
    await addUser(ws, { name: 'ada', role: 'admin', password: 'correct horse battery' });
    actorFromRequests(ws, 'server');
    const dispatch = createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY, caseRoots: [scratch('case-root-')] }));
    server = await startTeamServer({ ws, dispatch, host: '127.0.0.1', port: 0, policy: { ipAttempts: 1000, userAttempts: 1000 } });
    host = `127.0.0.1:${server.port}`;
    origin = `http://${host}`;
    const r = await fetch(`${origin}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ name: 'ada', password: 'correct horse battery' }),
    });
    session = { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await r.json()) as { value: { csrf: string } }).value.csrf };
  });
  afterAll(() => server.close());
  const signedIn = () => ({ Host: host, Origin: origin, 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf });

  it('answers wrong methods, content types, bodies and calls with a JSON error and its status', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      expectJsonError(await request(server.port, method, '/api/tariffs.list', signedIn(), '{}'), 405, 'METHOD_NOT_ALLOWED', `${method} api`);
      expectJsonError(await request(server.port, method, '/auth/login', signedIn(), '{}'), 405, 'METHOD_NOT_ALLOWED', `${method} login`);
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', ''])
      expectJsonError(await request(server.port, 'POST', '/api/tariffs.list', { ...signedIn(), 'Content-Type': type }, '{}'), 415, 'BAD_CONTENT_TYPE', `type ${type}`);
    for (const body of ['{', '{"id": 1,}', '\uFEFF{}']) expectJsonError(await request(server.port, 'POST', '/api/tariffs.get', signedIn(), body), 400, 'BAD_JSON', `body ${body}`);
    for (const body of ['', 'null', '[]', '{"id": "1"}'])
      expectJsonError(await request(server.port, 'POST', '/api/tariffs.get', signedIn(), body), 400, 'INVALID_ARGS', `body ${body}`);
    for (const name of ['nope', 'constructor', 'tariffs.__proto__', ''])
      expectJsonError(await request(server.port, 'POST', `/api/${name}`, signedIn(), '{}'), 400, /UNKNOWN_CALL|FORBIDDEN_ROLE|NO_ROLE/u, `call ${name}`);
    for (const body of ['', 'null', '[]', '"x"', '{"name": 1, "password": "x"}', `{"name": "ada", "password": "${'x'.repeat(2000)}"}`])
      expectJsonError(
        await request(server.port, 'POST', '/auth/login', { Host: host, Origin: origin, 'Content-Type': 'application/json' }, body),
        400,
        'INVALID_ARGS',
        `login ${body.slice(0, 40)}`,
      );
    expectJsonError(
      await request(server.port, 'POST', '/auth/login', { Host: host, Origin: origin, 'Content-Type': 'application/json' }, `{"name":"${'x'.repeat(5000)}"}`),
      413,
      'PAYLOAD_TOO_LARGE',
      'login body',
    );
    expectJsonError(await request(server.port, 'POST', '/api/tariffs.list', { ...signedIn(), Host: '' }, '{}'), 403, 'FORBIDDEN_HOST', 'empty Host');
    const { Host: _h, ...noHost } = signedIn();
    expectJsonError(await request(server.port, 'POST', '/api/tariffs.list', noHost, '{}'), 403, 'FORBIDDEN_HOST', 'no Host');
  });

  it('answers missing, forged and malformed session cookies and CSRF tokens with 401/403 JSON', async () => {
    const base = { Host: host, Origin: origin, 'Content-Type': 'application/json' };
    for (const cookie of [
      '',
      'tariff_session=',
      'tariff_session=x',
      `tariff_session=${'A'.repeat(40)}`,
      `tariff_session=${'A'.repeat(5000)}`,
      'tariff_session=%00%ff',
      `${session.cookie}x`,
      'a=b; =; ;;',
      `tariff_session=${'é'.repeat(30)}`,
    ])
      expectJsonError(
        await request(server.port, 'POST', '/api/tariffs.list', { ...base, Cookie: cookie, 'X-CSRF-Token': session.csrf }, '{}'),
        401,
        'UNAUTHENTICATED',
        `cookie ${cookie.slice(0, 40)}`,
      );
    for (const csrf of ['', 'x', session.csrf.slice(1), `${session.csrf}x`, 'é'.repeat(10)])
      expectJsonError(
        await request(server.port, 'POST', '/api/tariffs.list', { ...base, Cookie: session.cookie, 'X-CSRF-Token': csrf }, '{}'),
        403,
        'CSRF_REFUSED',
        `csrf ${csrf}`,
      );
    for (const o of ['null', 'http://evil.example', 'not a url', `${origin}.evil.example`])
      expectJsonError(await request(server.port, 'POST', '/api/tariffs.list', { ...signedIn(), Origin: o }, '{}'), 403, 'FORBIDDEN_ORIGIN', `origin ${o}`);
    expectJsonError(await request(server.port, 'GET', '/auth/session', { Host: host, Cookie: 'tariff_session=nope' }), 401, 'UNAUTHENTICATED', 'session');
    expectJsonError(await request(server.port, 'GET', '/events', { Host: host, Cookie: `tariff_session=${'B'.repeat(40)}` }), 401, 'UNAUTHENTICATED', 'events');
    // Still serving the signed-in user.
    const ok = await request(server.port, 'POST', '/api/team.me', signedIn(), '{}');
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { name: 'ada' } });
  });

  it('answers a write to a page path (not a call) with a JSON 405, not a plain-text page', async () => {
    for (const method of ['PUT', 'DELETE']) expectJsonError(await request(server.port, method, '/index.html', signedIn(), '{}'), 405, 'METHOD_NOT_ALLOWED', method);
    expectJsonError(await request(server.port, 'POST', '/index.html', signedIn(), '{}'), 405, 'METHOD_NOT_ALLOWED', 'POST page');
  });
});
