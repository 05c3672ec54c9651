import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_BYTES, HEADER_COUNT, httpLimitsFrom } from '../../src/cli/http-flags.js';
import { UsageError } from '../../src/cli/options.js';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { BROWSER_HTTP_LIMITS, SERVICE_HTTP_LIMITS, TEAM_HTTP_LIMITS, type HttpLimits } from '../../src/io/http-limits.js';
import { createDecisionService } from '../../src/serve/decision-service.js';
import type { AccessLogLine } from '../../src/serve/service-types.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server/http-server.js';
import { startTeamServer, type TeamServer } from '../../src/studio/server/team-server.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import { bodyOf, closeServer, listen, rawExchangeClosed, rawRequest, statusOf, wholeResponse } from '../raw-http.js';
import { folderRelease, scratch as releaseScratch, serviceOptions, writeRelease } from '../serve/helpers.js';
import { freshWorkspace, scratch, TODAY } from '../studio/helpers.js';

/**
 * --max-header-bytes and --max-header-count (src/cli/http-flags.ts) on the three servers, over raw
 * sockets: the flags' values (at their floors, so a request can pass them) reach each server; a
 * request over either (by 64 bytes, or by one line) is answered 431 with a whole JSON error naming its code, on a
 * keep-alive connection too, and the server closes that connection; one at the limit is served;
 * and the server goes on serving.
 */
const flags = { 'max-header-bytes': String(HEADER_BYTES.min), 'max-header-count': String(HEADER_COUNT.min) };

type Target = { name: string; port: () => number; path: () => string; ok: number; limits: HttpLimits };

/** Header lines `X-Pad-i: x` so that the request carries exactly `lines` header lines in all (Host and Connection included). */
const padLines = (lines: number): Record<string, string> => {
  const h: Record<string, string> = {};
  for (let i = 0; i < lines - 2; i += 1) h[`X-Pad-${i}`] = 'x';
  return h;
};

/** A GET whose request line and headers are exactly `bytes` long (Host, one X-Fill header, Connection: keep-alive). */
const sizedRequest = (path: string, port: number, bytes: number): string => {
  const bare = rawRequest('GET', path, { Host: `127.0.0.1:${port}`, 'X-Fill': '' }, '', true);
  // node counts the request line and headers up to the blank line.
  return rawRequest('GET', path, { Host: `127.0.0.1:${port}`, 'X-Fill': 'f'.repeat(bytes - bare.length) }, '', true);
};

const codeOf = (raw: string): string | undefined => {
  const b = JSON.parse(bodyOf(raw)) as { error?: { code?: string } };
  return b.error?.code;
};

describe('header limits as flags: --max-header-bytes, --max-header-count', () => {
  it('the flags are bounded: values outside them are a usage error naming the flag and the bounds', () => {
    for (const [values, said] of [
      [{ 'max-header-bytes': '1024' }, '--max-header-bytes must be a whole number from 4,096 to 1,048,576 (bytes), got "1024"'],
      [{ 'max-header-bytes': '2000000' }, '--max-header-bytes must be a whole number from 4,096'],
      [{ 'max-header-bytes': '16k' }, '--max-header-bytes must be a whole number'],
      [{ 'max-header-count': '5' }, '--max-header-count must be a whole number from 32 to 1,000 (header lines), got "5"'],
      [{ 'max-header-count': '1001' }, '--max-header-count must be a whole number from 32'],
    ] as const) {
      expect(() => httpLimitsFrom(values, SERVICE_HTTP_LIMITS)).toThrow(UsageError);
      expect(() => httpLimitsFrom(values, SERVICE_HTTP_LIMITS)).toThrow(said);
    }
    expect(httpLimitsFrom({}, TEAM_HTTP_LIMITS)).toMatchObject({ maxHeaderBytes: 16 * 1024, maxHeaders: 100 });
    expect(httpLimitsFrom(flags, TEAM_HTTP_LIMITS)).toMatchObject({ maxHeaderBytes: 4096, maxHeaders: 32 });
  });

  const service = { limits: httpLimitsFrom(flags, SERVICE_HTTP_LIMITS) };
  const team = { limits: httpLimitsFrom(flags, TEAM_HTTP_LIMITS) };
  const web = { limits: httpLimitsFrom(flags, BROWSER_HTTP_LIMITS) };
  let decisionServer: Server;
  let servicePort = 0;
  let teamServer: TeamServer;
  let webServer: StudioServer;
  const logs: AccessLogLine[] = [];
  const studioLogs: string[] = [];

  beforeAll(async () => {
    const release = loadReleaseFile(writeRelease(releaseScratch(), 'release.json', folderRelease()));
    decisionServer = createDecisionService(serviceOptions(release, logs, TODAY, 'test')({ http: service.limits }));
    servicePort = await listen(decisionServer);
    const ws = freshWorkspace();
    actorFromRequests(ws, 'server');
    const dispatch = createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY, caseRoots: [scratch('case-root-')] }));
    teamServer = await startTeamServer({ ws, dispatch, host: '127.0.0.1', port: 0, limits: team.limits, log: (l) => studioLogs.push(l) });
    webServer = await startStudioServer({ dispatch, limits: web.limits, log: (l) => studioLogs.push(l) });
  });
  afterAll(async () => {
    await closeServer(decisionServer, true);
    await teamServer.close();
    await webServer.close();
  });

  const targets: Target[] = [
    { name: 'tariff serve', port: () => servicePort, path: () => '/v1/versions', ok: 200, limits: service.limits },
    { name: 'team server', port: () => teamServer.port, path: () => '/auth/session', ok: 401, limits: team.limits },
    { name: 'browser mode', port: () => webServer.port, path: () => `${new URL(webServer.url).pathname}api/workspace.info`, ok: 405, limits: web.limits },
  ];

  for (const t of targets) {
    it(`${t.name}: headers over --max-header-bytes get a whole JSON 431 HEADERS_TOO_LARGE and the connection closed; at the limit served; serving after`, async () => {
      const port = t.port();
      const at = await rawExchangeClosed(port, sizedRequest(t.path(), port, t.limits.maxHeaderBytes).replace('keep-alive', 'close'));
      expect(statusOf(at.got), at.got).toBe(t.ok);
      // node counts the path, the header names and the values (not the method, the separators and the line ends): 64 bytes over in all is over by that count too.
      const over = await rawExchangeClosed(port, sizedRequest(t.path(), port, t.limits.maxHeaderBytes + 64));
      expect(over.closedByServer).toBe(true);
      expect(statusOf(over.got), over.got).toBe(431);
      expect(wholeResponse(over.got), over.got).toBe(true);
      expect(over.got).toMatch(/content-type: application\/json/iu);
      expect(codeOf(over.got)).toBe('HEADERS_TOO_LARGE');
      expect(JSON.parse(bodyOf(over.got))).toMatchObject({ error: { message: expect.stringContaining('4 KiB') } });
      const after = await rawExchangeClosed(port, rawRequest('GET', t.path(), { Host: `127.0.0.1:${port}` }));
      expect(statusOf(after.got), after.got).toBe(t.ok);
    });

    it(`${t.name}: one header line over --max-header-count gets a whole JSON 431 TOO_MANY_HEADERS and the keep-alive connection closed; at the limit served; serving after`, async () => {
      const port = t.port();
      const host = { Host: `127.0.0.1:${port}` };
      const at = await rawExchangeClosed(port, rawRequest('GET', t.path(), { ...host, ...padLines(t.limits.maxHeaders) }));
      expect(statusOf(at.got), at.got).toBe(t.ok);
      const over = await rawExchangeClosed(port, rawRequest('GET', t.path(), { ...host, ...padLines(t.limits.maxHeaders + 1) }, '', true));
      expect(over.closedByServer).toBe(true);
      expect(statusOf(over.got), over.got).toBe(431);
      expect(wholeResponse(over.got), over.got).toBe(true);
      expect(over.got).toMatch(/content-type: application\/json/iu);
      expect(codeOf(over.got)).toBe('TOO_MANY_HEADERS');
      expect(bodyOf(over.got)).toContain(`more than ${t.limits.maxHeaders} header lines`);
      // A POST with a body, over the count: refused before its body is read, and the connection closed.
      const post = await rawExchangeClosed(
        port,
        rawRequest('POST', t.path(), { ...host, 'Content-Type': 'application/json', ...padLines(t.limits.maxHeaders + 1) }, '{"asOf":"2025-01-01"}', true),
      );
      expect(post.closedByServer).toBe(true);
      expect(statusOf(post.got), post.got).toBe(431);
      const after = await rawExchangeClosed(port, rawRequest('GET', t.path(), host));
      expect(statusOf(after.got), after.got).toBe(t.ok);
    });
  }

  it('tariff serve logs each refusal as one access-log line with its code', () => {
    expect(logs.filter((l) => l.status === 431).map((l) => l.error)).toEqual(expect.arrayContaining(['HEADERS_TOO_LARGE', 'TOO_MANY_HEADERS']));
  });
});
