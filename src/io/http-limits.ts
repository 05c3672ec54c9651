import type { IncomingMessage, Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The limits every HTTP server of the project sets on its clients (the decision service
 * `tariff serve`, the team server `tariff studio --serve`, the browser mode `tariff studio
 * --web`), instead of node's defaults: how long a client may take to send its headers and its
 * whole request, how long an idle keep-alive connection is kept, how many connections are open at
 * once, and how many header lines and bytes a request may carry. docs/security.md § Slow clients.
 *
 * - A client that trickles its headers (slowloris) is answered 408 REQUEST_TIMEOUT once
 *   `headersTimeoutMs` have passed since its request began, and its connection is closed; one
 *   that trickles its body, once `requestTimeoutMs` have passed (http-client-error.ts). Others
 *   are served meanwhile: node checks every connection on a timer, not per byte.
 * - The connection cap is the total (`maxConnections`), not per address: it is counted when a
 *   connection opens, before any header is read, so behind a reverse proxy or a NAT every client
 *   would be one address and a per-address cap would cut the whole billing system's pool at once.
 *   What a cap must protect is the process's sockets and memory, and only a total bounds them.
 *   A slow client holds its place for at most `headersTimeoutMs` (or `requestTimeoutMs`); when a
 *   connection is refused at the cap, idle keep-alive connections are closed (clients reopen
 *   them), so idle sockets cannot keep new clients out. The per-client limits (bad tokens,
 *   sign-ins) are counted per request, where --trust-proxy applies (client-address.ts).
 */
export type HttpLimits = {
  /** From a request's first byte until its headers must have ended; past it, 408 and the connection closed. */
  readonly headersTimeoutMs: number;
  /** From a request's first byte until its whole body must have arrived (at least headersTimeoutMs); past it, 408. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open (longer than the client's pool keeps it, so the client closes first). */
  readonly keepAliveTimeoutMs: number;
  /** Connections open at once; a new one past it is closed unanswered (and idle ones are closed to make room). */
  readonly maxConnections: number;
  /** Header lines a request may carry; a request with more is refused 431 TOO_MANY_HEADERS. */
  readonly maxHeaders: number;
  /** Bytes of the request line and headers together (node's maxHeaderSize); past it, 431 HEADERS_TOO_LARGE. */
  readonly maxHeaderBytes: number;
};

/**
 * The decision service: a billing system's pool of keep-alive connections, bodies of at most a
 * MiB. Keep-alive 2 minutes: longer than the idle time of the usual client pools (node's undici
 * 4 s, .NET 60 s, an AWS load balancer or nginx upstream 60 s, Go's net/http 90 s), so the client
 * closes an idle connection first and never sends on one the service has just closed.
 */
export const SERVICE_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 120_000,
  maxConnections: 512,
  maxHeaders: 100,
  maxHeaderBytes: 16 * 1024,
};

/**
 * The team server: browsers (which keep idle connections about 5 minutes, but reopen one the
 * server closed without error), server-sent event streams (one per page, 8 per session at most),
 * workbook imports of up to 30 MB: 5 minutes for the whole request is 100 KB/s.
 */
export const TEAM_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 300_000,
  keepAliveTimeoutMs: 75_000,
  maxConnections: 512,
  maxHeaders: 100,
  maxHeaderBytes: 16 * 1024,
};

/** The browser mode: one person's browser on this machine (it opens 6 connections to a host). */
export const BROWSER_HTTP_LIMITS: HttpLimits = { ...TEAM_HTTP_LIMITS, maxConnections: 64 };

/** How often node looks for connections past their timeouts: a quarter of the shorter one, between 10 ms and 1 s. */
const checkingInterval = (l: HttpLimits): number => Math.max(10, Math.min(1000, Math.floor(Math.min(l.headersTimeoutMs, l.requestTimeoutMs) / 4)));

/**
 * The options of node's createServer (http or https) that carry the limits. `requireHostHeader`
 * is off: node would answer a request without Host with a bare 400 (no body, no code); each server
 * answers it with its own JSON error instead (hostMissing, and the studio's FORBIDDEN_HOST).
 */
export const serverOptionsOf = (l: HttpLimits): ServerOptions => ({
  requireHostHeader: false,
  headersTimeout: l.headersTimeoutMs,
  requestTimeout: l.requestTimeoutMs,
  keepAliveTimeout: l.keepAliveTimeoutMs,
  connectionsCheckingInterval: checkingInterval(l),
  maxHeaderSize: l.maxHeaderBytes,
});

/**
 * Sets the limits that are properties of the server (node's createServer took the rest through
 * serverOptionsOf), and closes idle keep-alive connections whenever one is refused at the cap.
 * `onDrop` hears each refused connection's address (the caller logs it, at most once a second).
 *
 * `clusterWorker`: the server is one of several node:cluster workers on one port (`tariff serve
 * --workers N`). There node's own cap (server.maxConnections) refuses nothing: a worker at its
 * cap hands the connection back to the primary, which hands it to the next worker, and so on
 * without end while all are full, the connection left waiting and both processes busy passing it
 * (measured: a primary at half a core with six connections waiting). So a worker counts its
 * connections itself and closes one past its cap, as a single process does.
 */
export function applyHttpLimits(server: Server, l: HttpLimits, onDrop?: (address: string, dropped: number) => void, opts: { clusterWorker?: boolean } = {}): void {
  if (opts.clusterWorker) {
    let open = 0;
    server.on('connection', (socket: Socket) => {
      if (open >= l.maxConnections) {
        socket.destroy();
        server.emit('drop', { remoteAddress: socket.remoteAddress });
        return;
      }
      open += 1;
      socket.once('close', () => (open -= 1));
    });
  } else server.maxConnections = l.maxConnections;
  // One more than allowed is kept, so a request that had more than maxHeaders is seen and refused
  // (node drops lines past maxHeadersCount silently: a header a proxy appended could be lost).
  server.maxHeadersCount = l.maxHeaders + 1;
  server.headersTimeout = l.headersTimeoutMs;
  server.requestTimeout = l.requestTimeoutMs;
  server.keepAliveTimeout = l.keepAliveTimeoutMs;
  let dropped = 0;
  let lastLog = 0;
  server.on('drop', (data?: { remoteAddress?: string }) => {
    dropped += 1;
    server.closeIdleConnections();
    const now = Date.now();
    if (onDrop && now - lastLog >= 1000) {
      lastLog = now;
      onDrop(data?.remoteAddress ?? 'unknown', dropped);
      dropped = 0;
    }
  });
}

/**
 * What every server of the project refuses before it looks at the path, or undefined: more header
 * lines than the limit (431 TOO_MANY_HEADERS), and an `Expect` other than `100-continue` (417
 * EXPECTATION_FAILED: node would answer it with a bare 417, no body, no code; each server hands
 * such a request to its own listener through the server's 'checkExpectation' event). Each server
 * answers it as JSON in its own error shape and closes the connection (the body is not read).
 */
export function doorRefusal(req: IncomingMessage, l: HttpLimits): { status: number; code: string; message: string } | undefined {
  if (req.rawHeaders.length / 2 > l.maxHeaders)
    return { status: 431, code: 'TOO_MANY_HEADERS', message: `the request carries more than ${l.maxHeaders} header lines: send fewer headers (a request needs a handful)` };
  const expect = req.headers.expect;
  if (expect !== undefined && expect.trim().toLowerCase() !== '100-continue')
    return {
      status: 417,
      code: 'EXPECTATION_FAILED',
      message: `this server meets no "Expect: ${expect.slice(0, 100)}": send the request without Expect (or with Expect: 100-continue)`,
    };
  return undefined;
}

/** An HTTP/1.1 request without a Host header (RFC 9112 § 3.2 requires one): refused 400 HOST_REQUIRED by the decision service. */
export const hostMissing = (req: IncomingMessage): boolean => req.headers.host === undefined && req.httpVersion === '1.1';
