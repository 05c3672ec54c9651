import { writeFileSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from '../../src/io/client-address.js';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { createDecisionService } from '../../src/serve/decision-service.js';
import type { AccessLogLine } from '../../src/serve/service-types.js';
import { parseTokenFile, TokenChecker } from '../../src/serve/tokens.js';
import { listAudit } from '../../src/studio/workspace/audit-log.js';
import { APPROVE_BODY, closeServer, listen, rawExchange, rawRequest, statusOf } from '../raw-http.js';
import { folderRelease, scratch as releaseScratch, serviceOptions, writeRelease } from '../serve/helpers.js';
import { teamServerOn, TODAY, workspaceWithKim } from '../studio/helpers.js';

/**
 * --trust-proxy (src/io/client-address.ts): X-Forwarded-For is read only when the TCP peer is a
 * proxy the operator named, from the right; otherwise it is ignored, so a forged header never buys
 * a fresh count of the per-address limits (bad bearer tokens, sign-ins). Loopback only: the test
 * client is 127.0.0.1, which is the "proxy" when trusted.
 */
const close = (server: Server): Promise<void> => closeServer(server);
const fakeRequest = (peer: string, xff?: string | string[]): IncomingMessage =>
  ({ socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { 'x-forwarded-for': Array.isArray(xff) ? xff.join(', ') : xff } }) as unknown as IncomingMessage;

describe('the client address behind a reverse proxy', () => {
  const trusted = parseTrustedProxies(['127.0.0.1,10.0.0.0/8', 'fd00::/8']);

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy, and without --trust-proxy at all', () => {
    expect(clientAddress(fakeRequest('198.51.100.7', '203.0.113.9'), trusted)).toBe('198.51.100.7');
    expect(clientAddress(fakeRequest('127.0.0.1', '203.0.113.9'), undefined)).toBe('127.0.0.1');
  });

  it('behind a trusted proxy takes the right-most address that is not a trusted proxy', () => {
    // The client claimed 1.1.1.1; the proxy appended the address it saw.
    expect(clientAddress(fakeRequest('127.0.0.1', '1.1.1.1, 203.0.113.9'), trusted)).toBe('203.0.113.9');
    // Two trusted hops (an outer balancer 10.1.2.3, then the local proxy).
    expect(clientAddress(fakeRequest('::ffff:127.0.0.1', '1.1.1.1, 203.0.113.9, 10.1.2.3'), trusted)).toBe('203.0.113.9');
    // Ports and brackets as some proxies write them, IPv6 trusted blocks.
    expect(clientAddress(fakeRequest('fd00::1', '[2001:db8::5]:4431'), trusted)).toBe('2001:db8::5');
    expect(clientAddress(fakeRequest('127.0.0.1', '203.0.113.9:5555'), trusted)).toBe('203.0.113.9');
    // No header, or every hop trusted: the peer, or the farthest hop named.
    expect(clientAddress(fakeRequest('127.0.0.1'), trusted)).toBe('127.0.0.1');
    expect(clientAddress(fakeRequest('127.0.0.1', '10.9.9.9'), trusted)).toBe('10.9.9.9');
    // An entry that is not an address before any untrusted one: the chain cannot be read, the peer counts.
    expect(clientAddress(fakeRequest('127.0.0.1', 'unknown'), trusted)).toBe('127.0.0.1');
  });

  it('refuses a --trust-proxy entry that is no address or block, naming it', () => {
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/8', 'fd00::/129'])
      expect(() => parseTrustedProxies([bad]), bad).toThrow(expect.objectContaining({ code: 'TRUST_PROXY_FORMAT', message: expect.stringContaining(bad) }));
    expect(parseTrustedProxies(['127.0.0.1, ::1', '10.0.0.0/8']).shown).toEqual(['127.0.0.1', '::1', '10.0.0.0/8']);
  });
});

describe('tariff serve: the bad-token limit and the log behind a proxy', () => {
  const dir = releaseScratch();
  const release = loadReleaseFile(writeRelease(dir, 'release.json', folderRelease()));
  const tokensFile = join(dir, 'tokens');
  writeFileSync(tokensFile, 'ops sha256:0000000000000000000000000000000000000000000000000000000000000000\n');

  const guess = (port: number, n: number, xff: string) =>
    rawExchange(
      port,
      rawRequest(
        'POST',
        '/v1/decisions/approval',
        { Host: 'x', 'Content-Type': 'application/json', Authorization: `Bearer guess-${n}-${xff.replace(/[^0-9a-f]/gu, '')}`, 'X-Forwarded-For': xff },
        APPROVE_BODY,
      ),
    );

  it('without --trust-proxy a forged X-Forwarded-For does not buy a fresh count: the peer is throttled whatever the header says', async () => {
    const logs: AccessLogLine[] = [];
    const server = createDecisionService(
      serviceOptions(release, logs, TODAY, 'test')({ tokens: new TokenChecker(parseTokenFile(tokensFile), { refusedPerWindow: 3, windowMs: 60_000 }) }),
    );
    const port = await listen(server);
    try {
      for (let i = 0; i < 3; i += 1) expect(statusOf(await guess(port, i, `203.0.113.${i}`))).toBe(401);
      expect(statusOf(await guess(port, 9, '198.51.100.1'))).toBe(429);
      expect(logs.every((l) => l.address === '127.0.0.1')).toBe(true);
    } finally {
      await close(server);
    }
  });

  it('with --trust-proxy 127.0.0.1 each forwarded client has its own count, and the log names the address so used', async () => {
    const logs: AccessLogLine[] = [];
    const server = createDecisionService(
      serviceOptions(
        release,
        logs,
        TODAY,
        'test',
      )({
        tokens: new TokenChecker(parseTokenFile(tokensFile), { refusedPerWindow: 3, windowMs: 60_000 }),
        trustProxy: parseTrustedProxies(['127.0.0.1']),
      }),
    );
    const port = await listen(server);
    try {
      for (let i = 0; i < 3; i += 1) expect(statusOf(await guess(port, i, '203.0.113.5'))).toBe(401);
      expect(statusOf(await guess(port, 3, '203.0.113.5'))).toBe(429);
      // Another client behind the same proxy is not throttled by the first one's guesses.
      expect(statusOf(await guess(port, 0, '198.51.100.1'))).toBe(401);
      // The client cannot pick its own count: what it writes left of the proxy's entry is not read.
      expect(statusOf(await guess(port, 4, '10.0.0.1, 203.0.113.5'))).toBe(429);
      expect(logs.filter((l) => l.address === '203.0.113.5')).toHaveLength(5);
      expect(logs.filter((l) => l.address === '198.51.100.1')).toHaveLength(1);
    } finally {
      await close(server);
    }
  });

  it('counts an IPv6 client by its /64, as the sign-in limit does: new addresses of one block buy no fresh count, another block has its own', async () => {
    const logs: AccessLogLine[] = [];
    const server = createDecisionService(
      serviceOptions(
        release,
        logs,
        TODAY,
        'test',
      )({
        tokens: new TokenChecker(parseTokenFile(tokensFile), { refusedPerWindow: 3, windowMs: 60_000 }),
        trustProxy: parseTrustedProxies(['127.0.0.1']),
      }),
    );
    const port = await listen(server);
    try {
      for (let i = 1; i <= 3; i += 1) expect(statusOf(await guess(port, i, `2001:db8:0:1::${i}`))).toBe(401);
      expect(statusOf(await guess(port, 4, '2001:db8:0:1:ffff:ffff:ffff:4'))).toBe(429);
      expect(statusOf(await guess(port, 5, '2001:db8:0:2::1'))).toBe(401);
      // The log names each address as it is; only the count goes by the block.
      expect(logs.map((l) => l.address)).toEqual(['2001:db8:0:1::1', '2001:db8:0:1::2', '2001:db8:0:1::3', '2001:db8:0:1:ffff:ffff:ffff:4', '2001:db8:0:2::1']);
    } finally {
      await close(server);
    }
  });

  it('without tokens only this machine is served: a remote client forwarded by a trusted local proxy is refused, a forged header from here changes nothing', async () => {
    const logs: AccessLogLine[] = [];
    const ask = (port: number, xff: string) => rawExchange(port, rawRequest('GET', '/v1/versions', { Host: `127.0.0.1:${port}`, 'X-Forwarded-For': xff }));
    const trusting = createDecisionService(serviceOptions(release, logs, TODAY, 'test')({ trustProxy: parseTrustedProxies(['127.0.0.1']) }));
    const plain = createDecisionService(serviceOptions(release, logs, TODAY, 'test')());
    const [p1, p2] = [await listen(trusting), await listen(plain)];
    try {
      expect(statusOf(await ask(p1, '203.0.113.5'))).toBe(403);
      expect(statusOf(await ask(p1, '127.0.0.1'))).toBe(200);
      expect(statusOf(await ask(p2, '203.0.113.5'))).toBe(200);
    } finally {
      await close(trusting);
      await close(plain);
    }
  });
});

describe('the team server: the sign-in limit behind a proxy', () => {
  const login = (port: number, xff: string) =>
    rawExchange(
      port,
      rawRequest(
        'POST',
        '/auth/login',
        { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json', 'X-Forwarded-For': xff },
        JSON.stringify({ name: 'kim', password: 'wrong guess!!' }),
      ),
    );
  const start = async (trust: boolean, logs: string[]) => {
    const ws = await workspaceWithKim();
    const server = await teamServerOn(ws, {
      policy: { ipAttempts: 2, userAttempts: 1000, maxFailures: 1000 },
      ...(trust ? { trustProxy: parseTrustedProxies(['127.0.0.1']) } : {}),
      log: (l) => logs.push(l),
    });
    return { ws, server };
  };

  it('without --trust-proxy a forged X-Forwarded-For is ignored: the third attempt from here is refused whatever it claims', async () => {
    const logs: string[] = [];
    const { server } = await start(false, logs);
    try {
      const statuses = [];
      for (const xff of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) statuses.push(statusOf(await login(server.port, xff)));
      expect(statuses).toEqual([401, 401, 429]);
      expect(logs.some((l) => l.includes('sign-in refused from 127.0.0.1: LOGIN_RATE_LIMITED'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('with --trust-proxy each forwarded client has its own count, and the log and the audit name its address', async () => {
    const logs: string[] = [];
    const { ws, server } = await start(true, logs);
    try {
      const statuses = [];
      for (const xff of ['203.0.113.1', '203.0.113.1', '203.0.113.1', '198.51.100.2']) statuses.push(statusOf(await login(server.port, xff)));
      expect(statuses).toEqual([401, 401, 429, 401]);
      expect(logs.some((l) => l.includes('sign-in refused from 203.0.113.1: LOGIN_RATE_LIMITED'))).toBe(true);
      expect(listAudit(ws, 20).find((e) => e.action === 'login.rate-limited')).toMatchObject({ target: 'client:203.0.113.1' });
    } finally {
      await server.close();
    }
  });
});
