import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '../../src/io/client-address.js';
import { TEAM_HTTP_LIMITS } from '../../src/io/http-limits.js';
import { startTeamStudio } from '../../src/studio/server/team-mode.js';
import { plainListenNote } from '../../src/cli/studio-serve.js';
import { runCli } from '../security/helpers.js';
import { rawExchange } from '../raw-http.js';
import { scratch, SEED } from './helpers.js';

/**
 * `tariff studio --serve`'s client limits and --trust-proxy (src/cli/http-flags.ts): bad values
 * are exit 2 naming the flag, the browser mode refuses them, and what the team studio is given
 * reaches its server.
 */
describe('tariff studio --serve: the slow-client limits and --trust-proxy', () => {
  it('refuses values that cannot hold with exit 2 naming the flag, and the flags outside --serve', async () => {
    const dir = scratch('team-flags-');
    for (const [args, said] of [
      [['--request-timeout-ms=-5'], '--request-timeout-ms must be a whole number from 1'],
      [['--keep-alive-timeout-ms', '1.5'], '--keep-alive-timeout-ms must be a whole number from 1'],
      [['--headers-timeout-ms', '400000'], '--headers-timeout-ms (400000 ms) cannot be longer than --request-timeout-ms (300000 ms)'],
      [['--trust-proxy', '127.0.0.1,10.0.0.0/40'], '"10.0.0.0/40" is not an IP address or a CIDR block'],
      [['--max-header-bytes', '512'], '--max-header-bytes must be a whole number from 4,096 to 1,048,576'],
      [['--max-header-count', '10'], '--max-header-count must be a whole number from 32 to 1,000'],
    ] as const) {
      const u = await runCli('studio', '--serve', '--workspace', join(dir, 'ws.sqlite'), ...args);
      expect(u.code, u.err).toBe(2);
      expect(u.err).toContain(said);
    }
    const web = await runCli('studio', '--web', '--max-connections', '5');
    expect(web.code).toBe(2);
    expect(web.err).toContain('--max-connections goes with --serve');
    const webHeaders = await runCli('studio', '--web', '--max-header-bytes', '8192');
    expect(webHeaders.code).toBe(2);
    expect(webHeaders.err).toContain('--max-header-bytes goes with --serve');
  });

  it('without TLS the start-up names the proxy of --origin (docs/team.md), or says to put one in front when none is given', () => {
    expect(plainListenNote(['https://tariff.example.com'])).toBe(
      'It listens on 127.0.0.1 only, for the reverse proxy with TLS that serves https://tariff.example.com (nginx: proxy_pass to this address, proxy_buffering off for /events); see docs/team.md.',
    );
    expect(plainListenNote([])).toContain('and pass --origin https://your.host here');
  });

  it('the team studio passes its limits and trusted proxies to its server', async () => {
    const dir = scratch('team-flags-');
    const team = await startTeamStudio({
      workspace: join(dir, 'ws.sqlite'),
      seed: SEED,
      host: '127.0.0.1',
      port: 0,
      staticDir: dir,
      limits: { ...TEAM_HTTP_LIMITS, maxHeaders: 3 },
      trustProxy: parseTrustedProxies(['127.0.0.1']),
    });
    try {
      const port = team.server.port;
      const ask = (extra: string) => rawExchange(port, `GET /auth/session HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}Connection: close\r\n\r\n`);
      expect(await ask('')).toMatch(/^HTTP\/1\.1 401 /u);
      expect(await ask('X-A: 1\r\nX-B: 2\r\n')).toMatch(/^HTTP\/1\.1 431 [^]*TOO_MANY_HEADERS/u);
    } finally {
      await team.stop();
    }
  });
});
