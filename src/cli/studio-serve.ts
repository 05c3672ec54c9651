import { existsSync } from 'node:fs';
import { readFileWithin } from '../io/read-file.js';
import { fileProblem } from '../io/file-problem.js';
import { join } from 'node:path';
import { DEFAULT_MAX_CONTRACT_MONTHS } from '../camera-sim/run-size.js';
import { startTeamStudio } from '../studio/server/team-mode.js';
import type { SeedFolders } from '../studio/workspace/seed-from-folders.js';
import type { Io } from './main.js';
import { UsageError } from './options.js';
import { digitsOf } from './parse-flags.js';
import { withStudioErrors } from './studio-errors.js';
import { httpLimitsFrom, trustProxyFrom, type HttpFlagValues } from './http-flags.js';
import { TEAM_HTTP_LIMITS } from '../io/http-limits.js';
import { HANGUP_IGNORED, stopsOnHangup } from '../io/hangup.js';

/**
 * The signals a long-running command stops cleanly on: Ctrl+C (SIGINT), SIGTERM, and SIGHUP (the
 * terminal it runs in closed), which would otherwise end node at once, leaving the workspace's lock
 * behind and the log unflushed. SIGHUP only while the process has a terminal (src/io/hangup.ts):
 * started with nohup, it is noted on stderr and ignored.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const ignoreRepeat = (): void => undefined;

/**
 * Resolves at the first stop signal (STOP_SIGNALS); a second Ctrl+C or SIGTERM stops the process
 * at once. A second SIGHUP does not: a closing terminal may send it more than once (to the
 * foreground group, then the shell to its jobs; `npm start` passes its own on), and it must not
 * cut the clean stop short. Without a terminal (`stopOnHangup` false) SIGHUP does not stop it:
 * `ignoredHangup` is called instead, and the process goes on.
 */
export const untilStopSignal = (stopOnHangup: boolean = stopsOnHangup(), ignoredHangup: () => void = () => process.stderr.write(`${HANGUP_IGNORED}\n`)): Promise<void> =>
  new Promise<void>((done) => {
    const signals = STOP_SIGNALS.filter((s) => stopOnHangup || s !== 'SIGHUP');
    const stop = () => {
      for (const s of signals) process.off(s, stop);
      if (!process.listeners('SIGHUP').includes(ignoreRepeat)) process.on('SIGHUP', ignoreRepeat);
      done();
    };
    // Detached: a listener that only says so, since without one node would end at once.
    if (!stopOnHangup) process.on('SIGHUP', ignoredHangup);
    for (const s of signals) process.on(s, stop);
  });

/** What the start-up says of a server without TLS: behind the proxy of its --origin, or how to put one in front. */
export const plainListenNote = (origins: readonly string[]): string =>
  origins.length
    ? `It listens on 127.0.0.1 only, for the reverse proxy with TLS that serves ${origins.join(', ')} (nginx: proxy_pass to this address, proxy_buffering off for /events); see docs/team.md.`
    : 'It listens on 127.0.0.1 only. To serve your team, put a reverse proxy with TLS in front (nginx: proxy_pass to this address, proxy_buffering off for /events, and pass --origin https://your.host here); see docs/team.md.';

/** `tariff studio --serve`: the team server (docs/team.md). Without TLS it listens on loopback only, for a reverse proxy in front. */
export type ServeOptions = {
  workspace: string;
  seed: SeedFolders;
  listen?: string;
  tlsCert?: string;
  tlsKey?: string;
  origins: string[];
  requiredApprovals?: string;
  /** --max-contract-months: the largest scenario run the server starts (scenarios/run-limit.ts). */
  maxContractMonths?: string;
  /** --headers-timeout-ms, --request-timeout-ms, --keep-alive-timeout-ms, --max-connections, --max-header-bytes, --max-header-count, --trust-proxy (http-flags.ts). */
  http?: HttpFlagValues;
  staticDir: string;
  /** Makes `staticDir` ready (builds the renderer on a first run), once every flag has been checked; false when it cannot. */
  prepareStatic?: () => boolean;
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
export const DEFAULT_LISTEN = '127.0.0.1:8420';

export function parseListen(s: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:]+)\]|([^:\s]+)):(\d{1,5})$/u.exec(s);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new UsageError(`--listen must be HOST:PORT (e.g. 127.0.0.1:8420 or [::1]:8420), got "${s}"`);
  return { host: (m[1] ?? m[2])!, port };
}

export async function serveTeam(o: ServeOptions, io: Io): Promise<number> {
  const { host, port } = parseListen(o.listen ?? DEFAULT_LISTEN);
  if ((o.tlsCert === undefined) !== (o.tlsKey === undefined)) throw new UsageError('give both --tls-cert and --tls-key, or neither');
  const tls = o.tlsCert !== undefined && o.tlsKey !== undefined ? { cert: readTls(o.tlsCert, '--tls-cert'), key: readTls(o.tlsKey, '--tls-key') } : undefined;
  if (!tls && !LOOPBACK.has(host))
    throw new UsageError(
      `without TLS the team server listens on 127.0.0.1 only (asked: ${host}); passwords and session cookies must not cross a network in clear. Give --tls-cert and --tls-key, or keep 127.0.0.1 and put a reverse proxy with TLS in front (docs/team.md).`,
    );
  for (const origin of o.origins)
    if (!/^https?:\/\/[^/\s]+\/?$/u.test(origin)) throw new UsageError(`--origin must be the studio's public address such as https://studio.example.com, got "${origin}"`);
  const requiredApprovals = o.requiredApprovals === undefined ? undefined : digitsOf(o.requiredApprovals);
  if (requiredApprovals !== undefined && (!Number.isInteger(requiredApprovals) || requiredApprovals < 1 || requiredApprovals > 10))
    throw new UsageError(`--required-approvals must be 1-10, got "${o.requiredApprovals}"`);
  const maxContractMonths = o.maxContractMonths === undefined ? undefined : digitsOf(o.maxContractMonths);
  if (maxContractMonths !== undefined && (!Number.isSafeInteger(maxContractMonths) || maxContractMonths < 1))
    throw new UsageError(
      `--max-contract-months must be a whole number of contract-months from 1 (default ${DEFAULT_MAX_CONTRACT_MONTHS.toLocaleString('en')}: about 10 minutes), got "${o.maxContractMonths}"`,
    );
  const limits = httpLimitsFrom(o.http ?? {}, TEAM_HTTP_LIMITS);
  const trustProxy = trustProxyFrom(o.http ?? {});
  // A bad flag is refused before a first run's renderer build, so its refusal is the first thing printed.
  if (o.prepareStatic && !o.prepareStatic()) return 2;
  return withStudioErrors(io, 'studio --serve', async () => {
    const team = await startTeamStudio({
      workspace: o.workspace,
      seed: o.seed,
      host,
      port,
      staticDir: o.staticDir,
      ...(tls ? { tls } : {}),
      ...(o.origins.length ? { origins: o.origins } : {}),
      ...(requiredApprovals !== undefined ? { requiredApprovals } : {}),
      ...(maxContractMonths !== undefined ? { maxContractMonths } : {}),
      limits,
      ...(trustProxy ? { trustProxy } : {}),
      log: (l) => io.err(l),
    }).catch((e: unknown) => {
      if ((e as { code?: string }).code === 'PORT_IN_USE') throw new UsageError((e as Error).message);
      throw e;
    });
    // Listening for Ctrl+C before "Press Ctrl+C" is printed: a signal sent as soon as it is read stops the server cleanly.
    const stopRequested = untilStopSignal();
    for (const w of team.warnings) io.err(w);
    io.out('Tariff Studio team server is running at:');
    io.out('');
    io.out(`  ${team.server.url}`);
    io.out('');
    io.out(`Workspace: ${o.workspace}${team.created ? ' (created now from tariffs/ and rules/)' : ''}; this process owns it until it stops.`);
    io.out(`Case folders (explorer cases, regression folders) must be inside: ${team.caseRoots.join(', ')}`);
    io.out(
      `Clients: headers within ${limits.headersTimeoutMs} ms, whole request within ${limits.requestTimeoutMs} ms, idle keep-alive ${limits.keepAliveTimeoutMs} ms, at most ${limits.maxConnections} connections, ${limits.maxHeaders} header lines and ${limits.maxHeaderBytes} bytes of headers; ` +
        (trustProxy ? `X-Forwarded-For read from ${trustProxy.shown.join(', ')} only.` : 'X-Forwarded-For ignored (no --trust-proxy).'),
    );
    if (!tls) io.out(plainListenNote(o.origins));
    if (team.users === 0) io.err(`No users yet: add one with  tariff users add NAME --role admin --workspace ${o.workspace}  (stop this server first).`);
    if (!existsSync(join(o.staticDir, 'index.html'))) io.err('The renderer is not built yet: run `npm run build:studio` and reload the page.');
    io.out('Press Ctrl+C to stop.');
    await stopRequested;
    await team.stop();
    io.out('Tariff Studio team server stopped; every saved change is in the workspace.');
    return 0;
  });
}

function readTls(file: string, flag: string): Buffer {
  if (!file) throw new UsageError(`${flag} needs a file name (a PEM file), got ""`);
  try {
    // A PEM certificate chain or key: some kilobytes.
    return readFileWithin(file, 1024 * 1024);
  } catch (e) {
    throw new UsageError(`${flag}: ${file} ${fileProblem(e, { use: 'read' })}`);
  }
}
