import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { BROWSER_HTTP_LIMITS, SERVICE_HTTP_LIMITS, TEAM_HTTP_LIMITS, type HttpLimits } from '../../src/io/http-limits.js';
import { createDecisionService } from '../../src/serve/decision-service.js';
import type { AccessLogLine } from '../../src/serve/service-types.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server/http-server.js';
import { startTeamServer, type TeamServer } from '../../src/studio/server/team-server.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import type { Workspace } from '../../src/studio/workspace/workspace.js';
import { APPROVE_BODY, bodyOf, closeServer, listen, rawExchange, rawRequest, statusOf } from '../raw-http.js';
import { connectOnly, idleAfter, slowClient, type SlowOutcome } from '../slow-client.js';
import { folderRelease, scratch as releaseScratch, serviceOptions, writeRelease } from '../serve/helpers.js';
import { freshWorkspace, scratch, TODAY } from '../studio/helpers.js';

/**
 * Slow clients against the three servers (src/io/http-limits.ts): a client that trickles its
 * headers (slowloris) or its body is answered 408 and its connection closed, while a normal
 * request made meanwhile is served; connections past the cap are refused and idle keep-alive
 * connections closed to make room; a request with too many header lines is refused 431. The
 * timeouts are short and passed in; every loop is bounded; the assertions are outcomes (what was
 * answered, which socket was closed), never durations.
 */
const SHORT: HttpLimits = { headersTimeoutMs: 200, requestTimeoutMs: 400, keepAliveTimeoutMs: 5_000, maxConnections: 50, maxHeaders: 20, maxHeaderBytes: 16 * 1024 };
const close = (server: Server): Promise<void> => closeServer(server, true);
const codeOf = (raw: string): string | undefined => {
  const b = JSON.parse(bodyOf(raw)) as { error?: { code?: string } };
  return b.error?.code;
};
/** 600 bytes at 20 ms a byte: 12 s at most, far past any timeout here. */
const TRICKLE = 'a'.repeat(600);
/** A slow client answered 408 REQUEST_TIMEOUT, its connection closed by the server before it had sent all it meant to. */
const expectTimedOut = (out: SlowOutcome): void => {
  expect(out.closedByServer).toBe(true);
  expect(out.bytesTrickled).toBeLessThan(TRICKLE.length);
  expect(statusOf(out.got), out.got).toBe(408);
  expect(codeOf(out.got)).toBe('REQUEST_TIMEOUT');
};
const complete = (raw: string): boolean => {
  const i = raw.indexOf('\r\n\r\n');
  const len = /content-length: (\d+)/iu.exec(raw)?.[1];
  return i >= 0 && len !== undefined && raw.length - i - 4 >= Number(len);
};

describe('slow clients: the decision service (tariff serve)', () => {
  const dir = releaseScratch();
  const release = loadReleaseFile(writeRelease(dir, 'release.json', folderRelease()));
  const logs: AccessLogLine[] = [];
  const opts = serviceOptions(release, logs, TODAY, 'test');
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createDecisionService(opts({ http: SHORT }));
    port = await listen(server);
  });
  afterAll(() => close(server));
  const host = () => ({ Host: `127.0.0.1:${port}` });
  const decide = () => rawExchange(port, rawRequest('POST', '/v1/decisions/approval', { ...host(), 'Content-Type': 'application/json' }, APPROVE_BODY));

  it('sets the limits it was given on node’s server, and by default keeps an idle connection longer than the usual client pools (60 s, 90 s)', () => {
    expect(server.headersTimeout).toBe(SHORT.headersTimeoutMs);
    expect(server.requestTimeout).toBe(SHORT.requestTimeoutMs);
    expect(server.keepAliveTimeout).toBe(SHORT.keepAliveTimeoutMs);
    expect(server.maxConnections).toBe(SHORT.maxConnections);
    const plain = createDecisionService(opts());
    expect(plain.keepAliveTimeout).toBe(SERVICE_HTTP_LIMITS.keepAliveTimeoutMs);
    expect(SERVICE_HTTP_LIMITS.keepAliveTimeoutMs).toBeGreaterThan(90_000);
    expect(plain.headersTimeout).toBeLessThanOrEqual(plain.requestTimeout);
  });

  it('a client trickling its headers one byte at a time is answered 408 and closed, and a normal request meanwhile is answered', async () => {
    const slow = slowClient(port, `GET /v1/versions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `, TRICKLE);
    const normal = await decide();
    expect(statusOf(normal), normal).toBe(200);
    const out = await slow;
    expectTimedOut(out);
    expect(logs.some((l) => l.status === 408 && l.error === 'REQUEST_TIMEOUT')).toBe(true);
  });

  it('a client trickling its body is answered 408 and closed; its own log line says 408, and a normal request meanwhile is answered', async () => {
    logs.length = 0;
    const slow = slowClient(
      port,
      rawRequest('POST', '/v1/decisions/approval', { ...host(), 'Content-Type': 'application/json', 'Content-Length': String(TRICKLE.length) }).replace(
        'Connection: close\r\n',
        '',
      ),
      TRICKLE,
    );
    const normal = await decide();
    expect(statusOf(normal), normal).toBe(200);
    const out = await slow;
    expectTimedOut(out);
    // One line for it, the request's own (with its path), not a second one for the socket. The
    // request learns of its closed socket in a later turn than the client does: wait for the line.
    await vi.waitFor(() => expect(logs.some((l) => l.error === 'REQUEST_TIMEOUT')).toBe(true), { timeout: 5000, interval: 20 });
    const timedOut = logs.filter((l) => l.error === 'REQUEST_TIMEOUT');
    expect(timedOut).toHaveLength(1);
    expect(timedOut[0]).toMatchObject({ status: 408, path: '/v1/decisions/approval', decision: 'approval' });
  });

  it('a request refused before its body is read (a foreign Host), whose body then trickles: one answer, never a second 408 after it', async () => {
    logs.length = 0;
    const slow = slowClient(
      port,
      rawRequest('POST', '/v1/decisions/approval', { Host: 'evil.example', 'Content-Type': 'application/json', 'Content-Length': String(TRICKLE.length) }).replace(
        'Connection: close\r\n',
        '',
      ),
      TRICKLE,
    );
    const out = await slow;
    expect(out.closedByServer).toBe(true);
    expect(statusOf(out.got), out.got).toBe(403);
    // Exactly one response on the connection: a 408 written after the 403 would be read as the
    // answer to the client's next request on it.
    expect(out.got.match(/HTTP\/1\.1 \d{3}/gu), out.got).toEqual(['HTTP/1.1 403']);
    expect(logs.filter((l) => l.error === 'FORBIDDEN_HOST')).toHaveLength(1);
    expect(logs.some((l) => l.error === 'REQUEST_TIMEOUT')).toBe(false);
  });

  it('a connection that sends nothing at all is answered 408 and closed after the headers timeout', async () => {
    const silent = await connectOnly(port);
    expect(silent.closedByServer).toBe(true);
    expect(statusOf(silent.got), silent.got).toBe(408);
  });

  it('an idle keep-alive connection is not a slow client: kept past the headers timeout, it serves its next request', async () => {
    const versions = rawRequest('GET', '/v1/versions', host(), '', true);
    const idle = await idleAfter(port, versions, complete);
    expect(statusOf(idle.got)).toBe(200);
    let got = '';
    idle.socket.on('data', (d: Buffer) => (got += d.toString('utf8')));
    // Idle for five headers timeouts (node checks every 50 ms here), then the next request on the same socket.
    await new Promise((ok) => setTimeout(ok, SHORT.headersTimeoutMs * 5));
    expect(idle.socket.destroyed).toBe(false);
    idle.socket.write(rawRequest('GET', '/v1/versions', host()));
    await idle.closed;
    expect(statusOf(got), got).toBe(200);
  });

  it('a request with more header lines than the limit is refused 431 (not silently cut, which could drop a header a proxy appended)', async () => {
    const many: Record<string, string> = { ...host() };
    for (let i = 0; i < SHORT.maxHeaders; i += 1) many[`X-H${i}`] = 'x';
    const raw = await rawExchange(port, rawRequest('GET', '/v1/versions', many));
    expect(statusOf(raw), raw).toBe(431);
    expect(codeOf(raw)).toBe('TOO_MANY_HEADERS');
    const fewer = { ...host() };
    expect(statusOf(await rawExchange(port, rawRequest('GET', '/v1/versions', fewer)))).toBe(200);
  });

  it('past the connection cap a new connection is refused unanswered, idle keep-alive connections are closed to make room, and the next client is served', async () => {
    const capped = createDecisionService(opts({ http: { ...SERVICE_HTTP_LIMITS, maxConnections: 2 } }));
    const p = await listen(capped);
    logs.length = 0;
    try {
      const versions = rawRequest('GET', '/v1/versions', { Host: `127.0.0.1:${p}` }, '', true);
      const a = await idleAfter(p, versions, complete);
      const b = await idleAfter(p, versions, complete);
      expect(statusOf(a.got)).toBe(200);
      expect(statusOf(b.got)).toBe(200);
      // The third: closed at once, nothing sent (the headers timeout here is 10 s, the client gives up after 5).
      const third = await connectOnly(p);
      expect(third).toEqual({ got: '', closedByServer: true });
      await Promise.all([a.closed, b.closed]);
      const next = await rawExchange(p, rawRequest('GET', '/v1/versions', { Host: `127.0.0.1:${p}` }));
      expect(statusOf(next), next).toBe(200);
      expect(logs.some((l) => l.error === 'TOO_MANY_CONNECTIONS' && l.status === 503)).toBe(true);
    } finally {
      await close(capped);
    }
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const shortKeepAlive = createDecisionService(opts({ http: { ...SHORT, keepAliveTimeoutMs: 100 } }));
    const p = await listen(shortKeepAlive);
    try {
      const idle = await idleAfter(p, rawRequest('GET', '/v1/versions', { Host: `127.0.0.1:${p}` }, '', true), complete);
      expect(statusOf(idle.got)).toBe(200);
      // Resolves only when the server closes it (the suite's own timeout bounds the wait).
      await idle.closed;
      expect(idle.socket.destroyed).toBe(true);
    } finally {
      await close(shortKeepAlive);
    }
  });
});

describe('slow clients: the studio servers (team server, browser mode)', () => {
  let ws: Workspace;
  let team: TeamServer;
  let web: StudioServer;
  const logs: string[] = [];

  beforeAll(async () => {
    ws = freshWorkspace();
    actorFromRequests(ws, 'server');
    const dispatch = createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY, caseRoots: [scratch('case-root-')] }));
    team = await startTeamServer({ ws, dispatch, host: '127.0.0.1', port: 0, limits: SHORT, log: (l) => logs.push(l) });
    web = await startStudioServer({ dispatch, limits: SHORT, log: (l) => logs.push(l) });
  });
  afterAll(async () => {
    await team.close();
    await web.close();
  });

  it('the defaults: the team server reads a 30 MB import at 100 KB/s, the browser mode caps connections lower', () => {
    expect(TEAM_HTTP_LIMITS.requestTimeoutMs).toBeGreaterThanOrEqual(300_000);
    expect(BROWSER_HTTP_LIMITS.maxConnections).toBeLessThan(TEAM_HTTP_LIMITS.maxConnections);
  });

  it('team server: slow headers and a slow sign-in body are answered 408 and closed, a normal request meanwhile is answered', async () => {
    const origin = `http://127.0.0.1:${team.port}`;
    const hostHeader = { Host: `127.0.0.1:${team.port}` };
    const slowHead = slowClient(team.port, `GET /auth/session HTTP/1.1\r\nHost: 127.0.0.1:${team.port}\r\nX-Slow: `, TRICKLE);
    const slowBody = slowClient(
      team.port,
      `POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1:${team.port}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: ${TRICKLE.length}\r\n\r\n`,
      TRICKLE,
    );
    const normal = await rawExchange(team.port, rawRequest('GET', '/auth/session', hostHeader));
    expect(statusOf(normal), normal).toBe(401);
    for (const out of [await slowHead, await slowBody]) expectTimedOut(out);
    // A request learns of its closed socket a turn after the client does: wait for both lines.
    await vi.waitFor(() => expect(logs.filter((l) => l.includes('408 REQUEST_TIMEOUT')).length).toBeGreaterThanOrEqual(2), { timeout: 5000, interval: 20 });
    expect(logs.filter((l) => l.includes('408 REQUEST_TIMEOUT'))).toHaveLength(2);
    // The cut-off sign-in is one line, not a second "closed the connection" line.
    expect(logs.some((l) => l.includes('/auth/login') && l.includes('closed the connection'))).toBe(false);
    expect(statusOf(await rawExchange(team.port, rawRequest('GET', '/auth/session', hostHeader)))).toBe(401);
  });

  it('browser mode: slow headers and a slow call body are answered 408 and closed, a normal call meanwhile is answered', async () => {
    const path = new URL(web.url).pathname;
    const hostHeader = { Host: `127.0.0.1:${web.port}` };
    const slowHead = slowClient(web.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nX-Slow: `, TRICKLE);
    const slowBody = slowClient(
      web.port,
      `POST ${path}api/workspace.info HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nContent-Type: application/json\r\nContent-Length: ${TRICKLE.length}\r\n\r\n`,
      TRICKLE,
    );
    const normal = await rawExchange(web.port, rawRequest('POST', `${path}api/workspace.info`, { ...hostHeader, 'Content-Type': 'application/json' }, '{}'));
    expect(statusOf(normal), normal).toBe(200);
    for (const out of [await slowHead, await slowBody]) expectTimedOut(out);
  });

  it('both refuse a request with more header lines than the limit with 431 TOO_MANY_HEADERS', async () => {
    for (const [port, path] of [
      [team.port, '/auth/session'],
      [web.port, new URL(web.url).pathname],
    ] as const) {
      const many: Record<string, string> = { Host: `127.0.0.1:${port}` };
      for (let i = 0; i < SHORT.maxHeaders; i += 1) many[`X-H${i}`] = 'x';
      const raw = await rawExchange(port, rawRequest('GET', path, many));
      expect(statusOf(raw), raw).toBe(431);
      expect(codeOf(raw)).toBe('TOO_MANY_HEADERS');
    }
  });
});
