import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { createDecisionService } from '../../src/serve/decision-service.js';
import type { AccessLogLine } from '../../src/serve/service-types.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server/http-server.js';
import { startTeamServer, type TeamServer } from '../../src/studio/server/team-server.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import { APPROVE_BODY, bodyOf, closeServer, listen, rawExchangeClosed, statusOf, wholeResponse } from '../raw-http.js';
import { folderRelease, scratch as releaseScratch, serviceOptions, writeRelease } from '../serve/helpers.js';
import { freshWorkspace, scratch, TODAY } from '../studio/helpers.js';

/**
 * What the HTTP fuzzing (http-fuzz.test.ts) found, each as a plain test: answers that were node's
 * own (no body, no code) or none at all, now JSON errors with a code on the three servers, the
 * connection then closed.
 * - `Expect:` anything but 100-continue: node's bare 417.
 * - CONNECT: the connection closed unanswered.
 * - `tariff serve` and a request without Host: node's bare 400.
 * - The browser mode's 404 (no per-run secret, no such file) and 503 (renderer not built): plain text.
 * - A CONNECT pipelined behind another request: a write after the socket's end, thrown uncaught.
 * - Bytes after a request that said Connection: close: a 400 in place of the request's answer.
 * - The studio servers and a target starting with //: 500 INTERNAL.
 */
const codeOf = (raw: string): string | undefined => (JSON.parse(bodyOf(raw)) as { error?: { code?: string } }).error?.code;

describe('what the fuzzing found, on the three servers', () => {
  const logs: AccessLogLine[] = [];
  const studioLogs: string[] = [];
  let service: Server;
  let servicePort = 0;
  let team: TeamServer;
  let web: StudioServer;
  let bare: StudioServer;
  let renderer = '';

  beforeAll(async () => {
    const release = loadReleaseFile(writeRelease(releaseScratch(), 'release.json', folderRelease()));
    service = createDecisionService(serviceOptions(release, logs, TODAY, 'test')());
    servicePort = await listen(service);
    const ws = freshWorkspace();
    actorFromRequests(ws, 'server');
    const dispatch = createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY, caseRoots: [scratch('case-root-')] }));
    team = await startTeamServer({ ws, dispatch, host: '127.0.0.1', port: 0, log: (l) => studioLogs.push(l) });
    renderer = join(scratch('renderer-'), 'dist');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>studio</title>');
    web = await startStudioServer({ dispatch, staticDir: renderer, log: (l) => studioLogs.push(l) });
    bare = await startStudioServer({ dispatch, log: (l) => studioLogs.push(l) });
  });
  afterAll(async () => {
    await closeServer(service, true);
    await team.close();
    await web.close();
    await bare.close();
  });

  const servers = () =>
    [
      { name: 'tariff serve', port: servicePort, path: '/v1/decisions/approval', ok: 200 },
      { name: 'team server', port: team.port, path: '/auth/session', ok: 401 },
      { name: 'browser mode', port: web.port, path: `${new URL(web.url).pathname}api/workspace.info`, ok: 200 },
    ] as const;

  it('Expect: other than 100-continue is a JSON 417 EXPECTATION_FAILED and the connection closed; Expect: 100-continue is served', async () => {
    for (const s of servers()) {
      const method = s.name === 'team server' ? 'GET' : 'POST';
      const body = s.name === 'tariff serve' ? APPROVE_BODY : s.name === 'browser mode' ? '{}' : '';
      const head = (expect: string) =>
        `${method} ${s.path} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${expect}Connection: keep-alive\r\n\r\n${body}`;
      const refused = await rawExchangeClosed(s.port, head('Expect: the-unexpected\r\n'));
      expect(refused.closedByServer, s.name).toBe(true);
      expect(statusOf(refused.got), `${s.name}: ${refused.got}`).toBe(417);
      expect(wholeResponse(refused.got), refused.got).toBe(true);
      expect(refused.got).toMatch(/content-type: application\/json/iu);
      expect(codeOf(refused.got), s.name).toBe('EXPECTATION_FAILED');
      const served = await rawExchangeClosed(s.port, head('Expect: 100-continue\r\n').replace('keep-alive', 'close'));
      expect(statusOf(served.got.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/u, '')), `${s.name}: ${served.got}`).toBe(s.ok);
    }
    expect(logs.some((l) => l.status === 417 && l.error === 'EXPECTATION_FAILED')).toBe(true);
  });

  it('CONNECT is a JSON 405 METHOD_NOT_ALLOWED and the connection closed (it was closed unanswered); each server serves on', async () => {
    for (const s of servers()) {
      const r = await rawExchangeClosed(s.port, `CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n`);
      expect(r.closedByServer, s.name).toBe(true);
      expect(statusOf(r.got), `${s.name}: ${r.got}`).toBe(405);
      expect(wholeResponse(r.got), r.got).toBe(true);
      expect(codeOf(r.got), s.name).toBe('METHOD_NOT_ALLOWED');
      const method = s.name === 'team server' ? 'GET' : 'POST';
      const body = s.name === 'tariff serve' ? APPROVE_BODY : s.name === 'browser mode' ? '{}' : '';
      const after = await rawExchangeClosed(
        s.port,
        `${method} ${s.path} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect(statusOf(after.got), `${s.name}: ${after.got}`).toBe(s.ok);
    }
    expect(logs.some((l) => l.method === 'CONNECT' && l.status === 405)).toBe(true);
    expect(studioLogs.some((l) => l.includes('CONNECT refused'))).toBe(true);
  });

  it('CONNECT pipelined behind another request: answered after it, in order, and never a write after the end (it threw, uncaught: a crash of the server); bytes after Connection: close do not take the place of the answer', async () => {
    for (const s of servers()) {
      const method = s.name === 'team server' ? 'GET' : 'POST';
      const body = s.name === 'tariff serve' ? APPROVE_BODY : s.name === 'browser mode' ? '{}' : '';
      const first = (connection: string) =>
        `${method} ${s.path} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: ${connection}\r\n\r\n${body}`;
      const connect = 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n';
      // Behind a keep-alive request: both answered, in order.
      const both = await rawExchangeClosed(s.port, first('keep-alive') + connect);
      expect(both.closedByServer, s.name).toBe(true);
      expect(
        [...both.got.matchAll(/HTTP\/1\.1 (\d{3}) /gu)].map((m) => Number(m[1])),
        `${s.name}: ${both.got}`,
      ).toEqual([s.ok, 405]);
      // Behind a request that closes the connection: its own answer only (it was a 400 for the bytes after it), and no error thrown.
      const closed = await rawExchangeClosed(s.port, first('close') + connect);
      expect(statusOf(closed.got), `${s.name}: ${closed.got}`).toBe(s.ok);
      expect(closed.got).not.toContain(' 405 ');
    }
  });

  it('studio servers: a target that starts with // (// or ////%zz) is routed as a path, not a 500 INTERNAL (new URL read it as a host and threw)', async () => {
    for (const [port, targets] of [
      [team.port, ['//', '////%zz', '//auth/session', '//api/team.me']],
      [web.port, ['//', '////%zz', `/${new URL(web.url).pathname}api/workspace.info`]],
    ] as const)
      for (const target of targets) {
        const r = await rawExchangeClosed(
          port,
          `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        );
        expect(statusOf(r.got), `${target}: ${r.got}`).toBeGreaterThanOrEqual(400);
        expect(statusOf(r.got), `${target}: ${r.got}`).toBeLessThan(500);
        expect(codeOf(r.got), target).toMatch(/^[A-Z_]+$/u);
      }
    expect(studioLogs.filter((l) => l.includes('Invalid URL'))).toEqual([]);
  });

  it('tariff serve: an HTTP/1.1 request without Host is a JSON 400 HOST_REQUIRED (was node’s bare 400); HTTP/1.0 needs none', async () => {
    const r = await rawExchangeClosed(servicePort, 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(statusOf(r.got), r.got).toBe(400);
    expect(r.got).toMatch(/content-type: application\/json/iu);
    expect(codeOf(r.got)).toBe('HOST_REQUIRED');
    const old = await rawExchangeClosed(servicePort, 'GET /healthz HTTP/1.0\r\n\r\n');
    expect(statusOf(old.got.replace('HTTP/1.0', 'HTTP/1.1')), old.got).toBe(200);
  });

  it('browser mode: a path without the per-run secret, a missing file, and a renderer not built are JSON errors with codes', async () => {
    const host = `Host: 127.0.0.1:${web.port}\r\n`;
    const noSecret = await rawExchangeClosed(web.port, `GET /s/wrong/ HTTP/1.1\r\n${host}Connection: close\r\n\r\n`);
    expect(statusOf(noSecret.got)).toBe(404);
    expect(codeOf(noSecret.got)).toBe('NOT_FOUND');
    const prefix = new URL(web.url).pathname;
    for (const path of ['missing.js', '..%2f..%2fetc%2fpasswd', '%E3%81']) {
      const missing = await rawExchangeClosed(web.port, `GET ${prefix}${path} HTTP/1.1\r\n${host}Connection: close\r\n\r\n`);
      expect(statusOf(missing.got), path).toBe(404);
      expect(codeOf(missing.got), path).toBe('NOT_FOUND');
      expect(missing.got).toMatch(/content-type: application\/json/iu);
    }
    const page = await rawExchangeClosed(web.port, `GET ${prefix} HTTP/1.1\r\n${host}Connection: close\r\n\r\n`);
    expect(statusOf(page.got)).toBe(200);
    const notBuilt = await rawExchangeClosed(bare.port, `GET ${new URL(bare.url).pathname} HTTP/1.1\r\nHost: 127.0.0.1:${bare.port}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(notBuilt.got)).toBe(503);
    expect(codeOf(notBuilt.got)).toBe('RENDERER_NOT_BUILT');
    expect(JSON.parse(bodyOf(notBuilt.got))).toMatchObject({ ok: false, error: { message: expect.stringContaining('npm run build:studio') } });
  });
});
