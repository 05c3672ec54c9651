import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { digitsOf, parseFlags, wholeNumber } from './parse-flags.js';
import { programInfo, programRoot } from '../io/program-info.js';
import { createDecisionService, type DecisionServer } from '../serve/decision-service.js';
import { lineBuffer } from '../serve/line-buffer.js';
import { ReleaseStore } from '../serve/release-store.js';
import { DEFAULT_LIMITS } from '../serve/service-types.js';
import { BadTokenCount, hashToken, parseTokenFile, TokenChecker, watchTokenFile } from '../serve/tokens.js';
import { BatchPool } from '../serve/batch-pool.js';
import { askPrimaryBadTokens, connectionShare, CONNECTION_SHARE_ENV, isPoolWorker, runWorkerPool } from '../serve/workers.js';
import { join } from 'node:path';
import type { Command } from './main.js';
import { todayInTokyo } from '../engine/dates.js';
import { UsageError } from './options.js';
import { readPassword } from './read-password.js';
import { HTTP_FLAGS, httpFlagsUsage, httpLimitsFrom, trustProxyFrom } from './http-flags.js';
import { SERVICE_HTTP_LIMITS } from '../io/http-limits.js';
import { HANGUP_IGNORED, stopsOnHangup } from '../io/hangup.js';

/** Why the service cannot listen on host:port, in words and what to do; undefined for an error that is not about the address. */
export const listenProblem = (e: unknown, host: string, port: number): string | undefined => {
  const code = (e as NodeJS.ErrnoException)?.code;
  const at = `${host}:${port}`;
  if (code === 'EADDRINUSE') return `cannot listen on ${at}: the port is in use by another process; stop it or choose another --port`;
  if (code === 'EACCES') return `cannot listen on ${at}: not allowed (a port below 1024 needs privileges); choose a port from 1024 up`;
  if (code === 'EADDRNOTAVAIL') return `cannot listen on ${at}: this machine has no such address; use 127.0.0.1, ::1 or one of its own addresses`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot listen on ${at}: no such host name; give --host an address such as 127.0.0.1`;
  return undefined;
};

/** Listens: undefined once listening, or why it cannot (listenProblem: the caller says so and exits 2). Any other error rejects. */
const listenOn = (server: Server | NetServer, port: number, host: string): Promise<string | undefined> =>
  new Promise((ok, fail) => {
    server.once('error', (e) => {
      const problem = listenProblem(e, host, port);
      if (problem) ok(problem);
      else fail(e);
    });
    server.listen(port, host, () => ok(undefined));
  });

/** What the first line says SIGHUP will do (src/io/hangup.ts). */
const hangupNote = (stops: boolean): string => (stops ? 'stops the service (a terminal is attached)' : 'ignored (no terminal attached, as under nohup)');

/** Resolves once the server has no request left to log (polled; at most about a second). */
const untilNoRequests = async (server: DecisionServer): Promise<void> => {
  for (let i = 0; i < 100 && server.requestsInFlight() > 0; i += 1) await new Promise((ok) => setTimeout(ok, 10));
};

/**
 * `tariff serve`: the decision service (docs/decision-service.md). Logs one JSON line per
 * request and per release event on stdout; stops accepting on SIGTERM/SIGINT (and SIGHUP while it
 * has a terminal: src/io/hangup.ts), lets requests in flight finish, then exits 0.
 */
/** The bounds of the service's numeric flags (docs/decision-service.md). */
export const SERVE_FLAG_LIMITS = { workers: 64, batchThreads: 64, maxBodyBytes: 268_435_456, maxBatch: 100_000 } as const;

export const serveCommand: Command = {
  summary: 'serve decisions over HTTP from an approved release (a file, or the newest valid one in a directory)',
  usage: [
    'tariff serve --release FILE|DIR [--port P] [--host H] [--workers N] [--batch-threads N] [--tokens FILE] [--public-key PEM] [--max-body BYTES] [--max-batch N]',
    '             [--headers-timeout-ms MS] [--request-timeout-ms MS] [--keep-alive-timeout-ms MS] [--max-connections N] [--max-header-bytes BYTES] [--max-header-count N]',
    '             [--trust-proxy ADDR[,ADDR]]',
    '  --host: default 127.0.0.1. --port: default 8787 (0 picks a free port).',
    '  --workers N: N processes answer on the one port (default 1; at most the cores you give the service).',
    '  --batch-threads N: threads per process that answer batches (default: the cores; 0: the request thread does).',
    '  --tokens FILE: hashed bearer tokens (tariff serve hash-token NAME); without it only clients on this machine are served.',
    '  --public-key PEM: serve only releases signed with this Ed25519 key.',
    '  --max-body: default 1048576 bytes (at most 268435456). --max-batch: default 1000 cases (at most 100000). --workers and --batch-threads: at most 64.',
    ...httpFlagsUsage(SERVICE_HTTP_LIMITS, ', across all --workers together (split evenly: 7 over 2 workers is 4 and 3, each worker holding to its share)'),
    '    Behind a trusted proxy the address it names is the one the bad-token limit counts, the log names, and (without --tokens) must be this machine.',
    '  Routes: POST /v1/decisions/{decision}[/batch][?reference=1], GET /v1/versions, /healthz, /openapi.json.',
    '  Logs one JSON line per request and per event on stdout. Stops on SIGTERM or Ctrl+C, after the requests in flight, exit 0;',
    '  on SIGHUP too while a terminal is attached (under nohup, with no terminal, SIGHUP is logged and ignored).',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags({
      args,
      options: {
        release: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        tokens: { type: 'string' },
        'public-key': { type: 'string' },
        'max-body': { type: 'string' },
        'max-batch': { type: 'string' },
        workers: { type: 'string' },
        'batch-threads': { type: 'string' },
        ...HTTP_FLAGS,
      },
      strict: true,
      allowPositionals: false,
    });
    if (!values.release) throw new UsageError('--release FILE|DIR is required');
    const path = resolve(values.release);
    if (!existsSync(path)) throw new UsageError(`no release file or directory at ${path}`);
    const port = values.port === undefined ? 8787 : Number(values.port);
    if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (0 picks a free port), got "${values.port}"`);
    const host = values.host ?? '127.0.0.1';
    const limits = {
      maxBodyBytes: wholeNumber(values['max-body'], '--max-body', DEFAULT_LIMITS.maxBodyBytes, 1, SERVE_FLAG_LIMITS.maxBodyBytes, ' (bytes; 256 MiB at most)'),
      maxBatch: wholeNumber(values['max-batch'], '--max-batch', DEFAULT_LIMITS.maxBatch, 1, SERVE_FLAG_LIMITS.maxBatch, ' (cases per batch request)'),
    };
    const given = httpLimitsFrom(values, SERVICE_HTTP_LIMITS);
    const trustProxy = trustProxyFrom(values);
    const cores = ` (processes; this machine has ${availableParallelism()} cores)`;
    const workers = wholeNumber(values.workers, '--workers', 1, 1, SERVE_FLAG_LIMITS.workers, cores);
    // --max-connections is the total of all workers: each worker takes its share (CONNECTION_SHARE_ENV, set by the primary).
    if (given.maxConnections < workers)
      throw new UsageError(`--max-connections (${given.maxConnections}) is the total of all workers and must be at least --workers (${workers}): each worker needs a connection`);
    const share = isPoolWorker() ? digitsOf(process.env[CONNECTION_SHARE_ENV] ?? '') : NaN;
    const http = Number.isSafeInteger(share) && share >= 1 && share <= given.maxConnections ? { ...given, maxConnections: share } : given;
    const batchThreads = wholeNumber(
      values['batch-threads'],
      '--batch-threads',
      availableParallelism(),
      0,
      SERVE_FLAG_LIMITS.batchThreads,
      ' (0: the request thread answers batches)',
    );
    // A worker of --workers N counts bad tokens in the primary (one limit for the service), a single process itself.
    const tokens = values.tokens ? new TokenChecker(parseTokenFile(resolve(values.tokens)), isPoolWorker() ? { limit: askPrimaryBadTokens() } : {}) : undefined;
    if (workers > 1 && !isPoolWorker()) {
      // Checked once here, so a bad release is one clear error and not one per worker.
      const check = new ReleaseStore(path, { ...(values['public-key'] ? { publicKeyFile: resolve(values['public-key']) } : {}), log: () => undefined });
      check.start();
      check.stop();
      const root = programRoot();
      if (!root) throw new UsageError('--workers needs the tariff program (bin/tariff.mjs) beside its package.json');
      // The address is tried once here too, so a port in use is one clear error, not every worker's.
      if (port !== 0) {
        const probe = createNetServer();
        const problem = await listenOn(probe, port, host).finally(() => probe.close());
        if (problem) {
          io.err(`tariff serve: ${problem}`);
          return 2;
        }
      }
      const logs = lineBuffer(io.out);
      const stopOnHangup = stopsOnHangup();
      const code = await runWorkerPool({
        stopOnHangup,
        count: workers,
        exec: join(root, 'bin', 'tariff.mjs'),
        args: ['serve', ...args],
        log: (o) => (logs.line(o), logs.flush()),
        note: {
          maxConnections: given.maxConnections,
          connectionsPerWorker: Array.from({ length: workers }, (_, slot) => connectionShare(given.maxConnections, workers, slot)),
          sighup: hangupNote(stopOnHangup),
        },
        envOf: (slot) => ({ [CONNECTION_SHARE_ENV]: String(connectionShare(given.maxConnections, workers, slot)) }),
        ...(tokens ? { badTokens: new BadTokenCount() } : {}),
      });
      return code;
    }
    // One JSON line per request and per release event, written in batches (src/serve/line-buffer.ts).
    const logs = lineBuffer(io.out);
    const logLine = (o: object): void => logs.line(o);
    // A worker's own events (its releases, listening, stopping) name it, as its access-log lines do.
    const worker = isPoolWorker() ? process.pid : undefined;
    const event = worker === undefined ? logLine : (o: object): void => logLine({ ...o, worker });
    const store = new ReleaseStore(path, { ...(values['public-key'] ? { publicKeyFile: resolve(values['public-key']) } : {}), log: event });
    store.start();
    // A client added to the token file, or taken out, is answered so without a restart.
    const tokenFile = tokens && values.tokens ? watchTokenFile(resolve(values.tokens), tokens, event) : undefined;
    const batches = batchThreads > 0 ? new BatchPool(batchThreads, (r) => store.fileOf(r)) : undefined;
    await batches?.warm(store.current());
    const server = createDecisionService({
      current: () => store.current(),
      limits,
      ...(tokens ? { tokens } : {}),
      today: todayInTokyo,
      log: logLine,
      programVersion: programInfo().version,
      ...(worker !== undefined ? { worker } : {}),
      ...(batches ? { batches } : {}),
      http,
      ...(trustProxy ? { trustProxy } : {}),
    });
    // Not listening (the address, or another error): the store's timer and the threads stop first.
    const problem = await listenOn(server, port, host).catch((error: unknown) => ({ error }));
    if (problem !== undefined) {
      store.stop();
      tokenFile?.stop();
      await batches?.close();
      if (typeof problem !== 'string') throw problem.error;
      io.err(`tariff serve: ${problem}`);
      logs.flush();
      return 2;
    }
    const addr = server.address();
    const actual = typeof addr === 'object' && addr ? addr.port : port;
    return new Promise<number>((done) => {
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        event({ event: 'stopping', signal });
        store.stop();
        tokenFile?.stop();
        server.close(
          () =>
            // Every request logs its line before the last one, `stopped`: one whose connection the
            // grace period closed (CONNECTION_CLOSED) is still settling when the server closes.
            void untilNoRequests(server).then(() => {
              void batches?.close();
              event({ event: 'stopped' });
              logs.flush();
              // A worker's channel to the primary would keep it alive: closing it lets the process end.
              if (isPoolWorker()) process.disconnect();
              done(0);
            }),
        );
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      };
      for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));
      // SIGHUP: a closed terminal stops the service cleanly, as SIGTERM does; started detached (nohup), it goes on.
      // A worker leaves it to the primary, which stops every worker or none (a closing terminal signals the whole group).
      const onHangup = stopsOnHangup();
      process.on('SIGHUP', () => {
        if (worker !== undefined) return;
        if (onHangup) stop('SIGHUP');
        else {
          event({ event: 'hangup.ignored', reason: HANGUP_IGNORED });
          logs.flush();
        }
      });
      // Listening for the signals before `listening` is logged: one sent as soon as it is read stops the service cleanly.
      event({
        event: 'listening',
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/`,
        release: store.current().id,
        auth: tokens ? 'bearer tokens' : 'loopback clients only',
        limits,
        http,
        trustProxy: trustProxy ? trustProxy.shown : 'none (X-Forwarded-For ignored)',
        batchThreads,
        ...(worker === undefined ? { sighup: hangupNote(onHangup) } : {}),
      });
      logs.flush();
    });
  },
};

export const hashTokenCommand: Command = {
  summary: 'make a bearer token for tariff serve: prints the token once (stderr) and its token-file line (stdout)',
  usage:
    'tariff serve hash-token NAME [--token -]\n  Without --token a random token is made. --token - reads your own token from stdin (its first line) or, at a terminal, asks for it without echo; --token TOKEN also works but leaves the token in the shell history and in ps. Append the printed line to the --tokens file; give the token to the client. The token itself is stored nowhere.',
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, options: { token: { type: 'string' } }, strict: true, allowPositionals: true });
    if (positionals.length !== 1 || !/^[A-Za-z0-9._-]+$/.test(positionals[0]!)) throw new UsageError('give one NAME for the client (letters, digits, . _ -)');
    const given = values.token === '-' ? await readPassword(`Token for ${positionals[0]}: `, 'token') : values.token;
    if (given !== undefined && given.length < 16) throw new UsageError('a token must be at least 16 characters');
    const { token, line } = await hashToken(positionals[0]!, given);
    if (values.token === undefined) io.err(`token for ${positionals[0]} (shown once, give it to the client): ${token}`);
    io.out(line);
    return 0;
  },
};
