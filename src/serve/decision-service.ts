import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { decide } from '../engine/decide.js';
import { bodyNotUtf8, ConnectionClosedError, onBodyWithLimit } from '../io/body-limit.js';
import { clientErrorAnswer, CONNECT_REFUSED, endSocketWithJson, ignoredAfterClose, refuseConnect, wasCutOff } from '../io/http-client-error.js';
import { clientAddress, clientKeyOf, type TrustedProxies } from '../io/client-address.js';
import { applyHttpLimits, hostMissing, SERVICE_HTTP_LIMITS, serverOptionsOf, doorRefusal, type HttpLimits } from '../io/http-limits.js';
import type { CaseInput, Output } from '../engine/output-types.js';
import type { LoadedRelease } from '../engine/release-types.js';
import { DECISIONS } from '../engine/rule-types.js';
import { answerBatch, answerFast, fromRelease } from './batch-answer.js';
import type { BatchPool } from './batch-pool.js';
import { openApiDocument } from './openapi.js';
import { batchCases, HttpError, parseJson, toCase } from './request-cases.js';
import type { AccessLogLine, ServiceLimits } from './service-types.js';
import type { TokenChecker } from './tokens.js';

/**
 * The decision service: node's own http server (no framework: five routes, JSON in and out,
 * and every limit, error and log line visible here). It loads nothing and edits nothing; it asks
 * `current()` for the release at the start of each request and answers from it.
 */
export type ServiceOptions = {
  current: () => LoadedRelease;
  limits: ServiceLimits;
  /** When set, every path but /healthz needs `Authorization: Bearer TOKEN`; when not, only loopback clients are served. */
  tokens?: TokenChecker;
  today: () => string;
  log: (line: AccessLogLine) => void;
  programVersion: string;
  /** This process's id, written into each access-log line, when it is one of several workers. */
  worker?: number;
  /** Threads that answer batches on the fast path (batch-pool.ts); without it the request's thread does. */
  batches?: BatchPool;
  /** Timeouts and caps on clients (src/io/http-limits.ts); default SERVICE_HTTP_LIMITS. */
  http?: HttpLimits;
  /**
   * Reverse proxies whose X-Forwarded-For names the client (--trust-proxy; src/io/client-address.ts):
   * the address the bad-token limit counts, the loopback rule checks and the log names. None by default.
   */
  trustProxy?: TrustedProxies;
};

/** The time as an ISO string, made once per millisecond (the same string `new Date().toISOString()` gives). */
let lastMs = Number.NaN;
let lastIso = '';
const isoNow = (): string => {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
};

/** An access-log line as a request starts (its status, duration and what it asked are filled in as it is answered). */
const accessLine = (method: string, client: string, worker: number | undefined): AccessLogLine => {
  const line: AccessLogLine = { at: isoNow(), method, path: '', status: 0, durationMs: 0, client, address: client };
  if (worker !== undefined) line.worker = worker;
  return line;
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/**
 * The Host a loopback-only service answers (no --tokens): this machine's names, with any port or
 * none. Against DNS rebinding: a page on evil.example whose name is made to resolve to 127.0.0.1
 * is same-origin with the service, so the browser neither asks first (no CORS preflight) nor
 * hides the answer; its requests still say `Host: evil.example`. With tokens the Host is not
 * checked: a page cannot send a bearer token it does not know.
 */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;
const DECISION_SET = new Set<string>(DECISIONS);
const started = Date.now();

const JSON_TYPE = 'application/json; charset=utf-8';
/** The status logged for a request whose connection closed before its body ended (nginx's 499: nothing is sent). */
const CONNECTION_CLOSED = 499;
/** application/json, any case, with parameters (charset=utf-8) or none. */
const JSON_MEDIA = /^application\/json\s*(?:;|$)/i;

/**
 * A POST's body must say it is JSON, unencoded. Besides telling a client what it got wrong, this
 * keeps web pages out: a browser sends text/plain or a form cross-site without asking, but asks
 * (a CORS preflight, which this service never grants) before it sends application/json.
 */
const checkBodyHeaders = (req: IncomingMessage): void => {
  const type = req.headers['content-type'];
  if (type === undefined || !JSON_MEDIA.test(type))
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `the body must be JSON: send Content-Type: application/json${type === undefined ? '' : ` (got ${JSON.stringify(type)})`}`);
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity')
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `the body must not be encoded (got Content-Encoding: ${JSON.stringify(encoding)}): send it as plain UTF-8 JSON`);
};

/** Bytes as the answer, with their length, in one end() (headers and body leave together). */
const sendBytes = (res: ServerResponse, status: number, bytes: Uint8Array, headers?: Record<string, string>): void => {
  const all: Record<string, string | number> = { 'content-type': JSON_TYPE, 'content-length': bytes.length };
  if (headers) for (const k in headers) all[k] = headers[k]!;
  res.writeHead(status, all);
  res.end(bytes);
};

/** A body as JSON bytes: serialized once and encoded once (its length from the bytes themselves). */
const jsonBytes = (body: unknown): Buffer => Buffer.from(JSON.stringify(body), 'utf8');

/** The body as JSON, with its length. */
const send = (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void => sendBytes(res, status, jsonBytes(body), headers);

/**
 * One decision's answer, on either path (answerGroup's step by step, answerRest's reference path):
 * its outcome into the access-log line, and 422 for an `invalid` case (the errors say where), else
 * 200. `bytes` are `out` as JSON (jsonBytes), made by the caller: the fast path makes them a step
 * before it sends. A plain function, called in place: no closure or promise per request.
 */
const sendDecision = (res: ServerResponse, line: AccessLogLine, out: Output, bytes: Buffer): void => {
  line.outcome = out.outcome;
  sendBytes(res, out.outcome === 'invalid' ? 422 : 200, bytes);
};

/**
 * Reads the body up to the limit (src/io/body-limit.ts, shared with the studio's servers) and
 * calls back with its text, or with the error to answer. A larger body is refused with 413; what
 * the client still sends is drained (not kept), so it reads the JSON error and the connection
 * stays usable, unless it sends far more (4× the limit): then the connection is closed after the
 * answer. A callback, not a promise: a single decision is answered without a turn of the
 * microtask queue.
 */
const readBody = (req: IncomingMessage, res: ServerResponse, limit: number, batch: boolean, callback: (error: unknown, text?: string) => void): void =>
  onBodyWithLimit(req, limit, limit * 4, (error, read) => {
    if (error) return callback(error);
    if (read!.ok) {
      const notUtf8 = bodyNotUtf8(read!.body);
      return notUtf8 ? callback(new HttpError(400, 'BODY_JSON', notUtf8)) : callback(undefined, read!.body.toString('utf8'));
    }
    if (read!.closeAfter) {
      // Cut off past 4× the limit: answer, then close (what it still sends is not read).
      res.setHeader('connection', 'close');
      res.once('finish', () => req.destroy());
    }
    const declared = Number(req.headers['content-length']);
    const advice = batch ? 'send fewer cases per request' : 'one case is a few hundred bytes, so check what the client sends';
    callback(
      new HttpError(
        413,
        'BODY_TOO_LARGE',
        Number.isFinite(declared) && declared > limit
          ? `the body is ${declared} bytes; the limit is ${limit}: ${advice}`
          : `the body exceeds the limit of ${limit} bytes: ${advice}`,
      ),
    );
  });

/** A request target as path and query: the plain ones (letters, digits, - _ / and a query) without a URL object per request. */
const PLAIN_TARGET = /^\/(?!\/)[A-Za-z0-9_\-/]*(?:\?[^#]*)?$/;
const splitTarget = (target: string): { pathname: string; query: URLSearchParams | undefined } => {
  if (PLAIN_TARGET.test(target)) {
    const q = target.indexOf('?');
    return q < 0 ? { pathname: target, query: undefined } : { pathname: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
  }
  // Prefixed, so a target that starts with // stays a path (new URL would read it as a host).
  const url = new URL(target.startsWith('/') ? `http://service${target}` : target, 'http://service');
  return { pathname: url.pathname, query: url.searchParams };
};

/** At most this many single decisions are answered step by step together (answerSingles): about half a millisecond of decisions. */
const SINGLES_GROUP = 32;

/** A single decision on the fast path waiting for its turn's answers (answerSingles): what it asks and, step by step, its answer. */
type Single = {
  res: ServerResponse;
  line: AccessLogLine;
  release: LoadedRelease;
  decision: string;
  text: string;
  done: () => void;
  fail: (e: unknown) => void;
  failed: boolean;
  error: unknown;
  c: CaseInput | undefined;
  out: Output | undefined;
  bytes: Buffer | undefined;
};

/** The service's request listener (createDecisionService puts it behind node's http server), and how many requests it has begun and not yet logged. */
export type DecisionListener = RequestListener & { inFlight(): number };

export function decisionListener(opts: ServiceOptions): DecisionListener {
  let inFlight = 0;
  const http = opts.http ?? SERVICE_HTTP_LIMITS;

  /**
   * What follows the body of a request that is not a single decision on the fast path (a batch,
   * or the reference path): async, one promise per request. `today` is read once per request, so
   * a batch answers every case on the same date.
   */
  const answerRest = async (
    res: ServerResponse,
    line: AccessLogLine,
    release: LoadedRelease,
    decision: string,
    batch: boolean,
    reference: boolean,
    text: string,
  ): Promise<void> => {
    const options = { today: opts.today() };
    if (!batch) {
      const out = fromRelease(release, await decide(release.registry, toCase(parseJson(text), decision), options));
      return sendDecision(res, line, out, jsonBytes(out));
    }
    const logBatch = (cases: number, invalid: number): void => {
      line.cases = cases;
      line.invalid = invalid;
      line.outcome = invalid ? `${cases - invalid} answered, ${invalid} invalid` : `${cases} answered`;
    };
    if (!reference) {
      // The fast path: in a batch thread when there are some, else here; the same bytes either way.
      const job = { decision, text, maxBatch: opts.limits.maxBatch, today: options.today };
      const a = (opts.batches && (await opts.batches.run(release, job))) || answerBatch(release, job);
      logBatch(a.cases, a.invalid);
      return sendBytes(res, 200, a.bytes);
    }
    const outputs: Output[] = [];
    for (const c of batchCases(parseJson(text), decision, opts.limits.maxBatch)) outputs.push(fromRelease(release, await decide(release.registry, c, options)));
    logBatch(outputs.length, outputs.filter((o) => o.outcome === 'invalid').length);
    return send(res, 200, { release: release.id, count: outputs.length, outputs });
  };

  /**
   * A request once its client is known (and allowed): the routes. A single decision on the fast
   * path is answered in the body's callback, synchronously (no promise per request); the rest
   * through answerRest. Calls `done` once the answer is sent, or throws / calls `fail`.
   */
  const route = (
    req: IncomingMessage,
    res: ServerResponse,
    line: AccessLogLine,
    pathname: string,
    query: URLSearchParams | undefined,
    done: () => void,
    fail: (e: unknown) => void,
  ): void => {
    const release = opts.current();
    line.release = release.id;
    if (pathname === '/openapi.json' && req.method === 'GET') return (send(res, 200, openApiDocument(release, opts.limits, opts.programVersion)), done());
    if (pathname === '/v1/versions' && req.method === 'GET')
      return (
        send(res, 200, {
          release: release.id,
          sha256: release.sha256,
          signed: release.signed,
          signedBy: release.signedBy,
          signatureVerified: release.signatureVerified,
          manifest: release.manifest,
        }),
        done()
      );
    const m = /^\/v1\/decisions\/([^/]+)(\/batch)?$/.exec(pathname);
    if (!m) throw new HttpError(404, 'NOT_FOUND', `no route ${req.method} ${pathname}; see /openapi.json`);
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${pathname} answers POST only`);
    let decision: string;
    try {
      decision = decodeURIComponent(m[1]!);
    } catch {
      throw new HttpError(400, 'BAD_PATH', `the path ${JSON.stringify(pathname)} is not valid percent-encoding; use one of ${DECISIONS.join(', ')}`);
    }
    line.decision = decision;
    if (!DECISION_SET.has(decision)) throw new HttpError(404, 'UNKNOWN_DECISION', `unknown decision ${JSON.stringify(decision)}; use one of ${DECISIONS.join(', ')}`);
    const referenceParam = query?.get('reference');
    const reference = referenceParam === '1' || referenceParam === 'true';
    if (reference) line.reference = true;
    checkBodyHeaders(req);
    const batch = m[2] !== undefined;
    readBody(req, res, opts.limits.maxBodyBytes, batch, (error, text) => {
      if (error !== undefined) return fail(error);
      if (batch || reference) return void answerRest(res, line, release, decision, batch, reference, text!).then(done, fail);
      queueSingle({ res, line, release, decision, text: text!, done, fail, failed: false, error: undefined, c: undefined, out: undefined, bytes: undefined });
    });
  };

  /**
   * Single decisions on the fast path, answered together once per turn of the event loop (see
   * answerSingles).
   */
  let singles: Single[] = [];
  const queueSingle = (s: Single): void => {
    singles.push(s);
    if (singles.length === 1) setImmediate(answerSingles);
  };
  /**
   * Answers the single decisions whose bodies ended in this turn of the event loop, each step for
   * all of them before the next: parse every body, decide every case, serialise every answer, send
   * every answer. Under load several requests end in one turn (six to seven at concurrency 8), and
   * a decision that follows another runs on warm caches (code and data) where one that follows
   * node's HTTP machinery finds them cold: measured as CPU per request, `tariff serve` went from
   * 138–145 µs to 75–80 (docs/decision-service-speed-log.md, fifth pass). Every request is still parsed,
   * decided and answered on its own, with its own bytes; with one request in a turn it is answered
   * as before. A turn with more than SINGLES_GROUP requests (many clients at once) is answered
   * group by group, so the first answer never waits for more than a group's decisions.
   */
  const answerSingles = (): void => {
    const all = singles;
    singles = [];
    const options = { today: opts.today() };
    for (let i = 0; i < all.length; i += SINGLES_GROUP) answerGroup(all.length <= SINGLES_GROUP ? all : all.slice(i, i + SINGLES_GROUP), options);
  };
  const answerGroup = (turn: Single[], options: { today: string }): void => {
    const failed = (s: Single, e: unknown): void => {
      s.failed = true;
      s.error = e;
    };
    for (const s of turn)
      try {
        s.c = toCase(parseJson(s.text), s.decision);
      } catch (e) {
        failed(s, e);
      }
    for (const s of turn)
      if (!s.failed)
        try {
          s.out = answerFast(s.release, s.c!, options);
        } catch (e) {
          failed(s, e);
        }
    for (const s of turn)
      if (!s.failed)
        try {
          s.bytes = jsonBytes(s.out);
        } catch (e) {
          failed(s, e);
        }
    for (const s of turn)
      if (!s.failed)
        try {
          sendDecision(s.res, s.line, s.out!, s.bytes!);
        } catch (e) {
          failed(s, e);
        }
    // Then the access-log lines, all of them.
    for (const s of turn) {
      if (s.failed) s.fail(s.error);
      else s.done();
    }
  };

  const listener: RequestListener = (req, res) => {
    inFlight += 1;
    const t0 = performance.now();
    // The client as the limits count it: the TCP peer, or behind a trusted proxy the address it names.
    const remote = opts.trustProxy ? clientAddress(req, opts.trustProxy) : (req.socket.remoteAddress ?? '');
    const line = accessLine(req.method ?? '', remote, opts.worker);
    let retryAfter: string | undefined;
    const done = (): void => {
      line.status = res.statusCode;
      line.durationMs = Math.round((performance.now() - t0) * 1000) / 1000;
      inFlight -= 1;
      opts.log(line);
    };
    const fail = (e: unknown): void => {
      // A connection closed mid-body (body-limit.ts) is logged as 499, with nothing sent.
      // A body too slow was answered 408 on the socket (createDecisionService's clientError): the request's line says so.
      const timedOut = e instanceof ConnectionClosedError && wasCutOff(req.socket);
      const err =
        e instanceof HttpError
          ? e
          : timedOut
            ? new HttpError(408, 'REQUEST_TIMEOUT', 'the request body did not arrive in time')
            : e instanceof ConnectionClosedError
              ? new HttpError(CONNECTION_CLOSED, e.code, e.message)
              : new HttpError(500, 'INTERNAL', `internal error: ${(e as Error)?.message ?? String(e)}`);
      line.error = err.code;
      if (err.status === CONNECTION_CLOSED || timedOut) {
        res.statusCode = err.status;
        res.destroy();
      } else if (res.headersSent) res.destroy();
      else {
        const headers: Record<string, string> | undefined =
          err.status === 401 ? { 'www-authenticate': 'Bearer' } : err.status === 429 && retryAfter ? { 'retry-after': retryAfter } : undefined;
        send(res, err.status, { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }, headers);
      }
      done();
    };
    const guarded = (pathname: string, query: URLSearchParams | undefined): void => {
      try {
        route(req, res, line, pathname, query, done, fail);
      } catch (e) {
        fail(e);
      }
    };
    try {
      const { pathname, query } = splitTarget(req.url ?? '/');
      line.path = pathname;
      const refused = doorRefusal(req, http);
      if (refused) {
        res.setHeader('connection', 'close');
        throw new HttpError(refused.status, refused.code, refused.message);
      }
      if (hostMissing(req)) {
        res.setHeader('connection', 'close');
        throw new HttpError(400, 'HOST_REQUIRED', 'an HTTP/1.1 request must carry a Host header (such as Host: 127.0.0.1:8787)');
      }
      if (!opts.tokens && !LOOPBACK.has(remote))
        throw new HttpError(403, 'FORBIDDEN', 'this service has no token file and serves clients on this machine only: start it with --tokens FILE to serve others');
      if (pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        const r = opts.current();
        line.release = r.id;
        send(res, 200, { status: 'ok', release: r.id, uptimeSeconds: (Date.now() - started) / 1000 });
        return done();
      }
      if (!opts.tokens && !LOOPBACK_HOST.test(req.headers.host ?? ''))
        throw new HttpError(
          403,
          'FORBIDDEN_HOST',
          `this service has no token file and answers for 127.0.0.1, localhost and [::1] only, not for the host ${JSON.stringify((req.headers.host ?? '').slice(0, 200))}: ask it at http://127.0.0.1:PORT, or start it with --tokens FILE`,
        );
      if (!opts.tokens) return guarded(pathname, query);
      const auth = req.headers.authorization ?? '';
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      // A token seen before is answered from the checker's verdicts without a promise.
      const token = m?.[1];
      const allowed = (client: string | null | undefined): void => {
        if (!client) return fail(new HttpError(401, 'UNAUTHORIZED', m ? 'the bearer token was not accepted' : 'send Authorization: Bearer TOKEN'));
        line.client = client;
        guarded(pathname, query);
      };
      const known = token === undefined ? null : opts.tokens.known(token);
      if (known !== undefined) return allowed(known);
      // A new token, counted against its address's limit first: from an address that presented too
      // many wrong ones it is refused without a check (each costs scrypt). With --workers the count
      // is the primary's, asked over IPC (a promise), so the limit holds for the whole service.
      const checker = opts.tokens;
      // Counted by the client an address stands for: an IPv6 address by its /64 (one host's block).
      const counted = clientKeyOf(remote);
      const admitted = (wait: number | undefined): void => {
        if (wait !== undefined) {
          retryAfter = String(wait);
          return fail(new HttpError(429, 'TOO_MANY_BAD_TOKENS', `too many wrong bearer tokens from this address; wait ${wait} s and send the right one`));
        }
        checker.check(token!, counted).then(allowed, fail);
      };
      const wait = checker.admit(counted);
      if (wait instanceof Promise) wait.then(admitted, fail);
      else admitted(wait);
    } catch (e) {
      fail(e);
    }
  };
  return Object.assign(listener, { inFlight: () => inFlight });
}

/** The service's HTTP server; `requestsInFlight()` counts the requests begun and not yet logged (a shutdown waits for them). */
export type DecisionServer = Server & { requestsInFlight(): number };

export function createDecisionService(opts: ServiceOptions): DecisionServer {
  const listener = decisionListener(opts);
  const http = opts.http ?? SERVICE_HTTP_LIMITS;
  const server = Object.assign(createServer(serverOptionsOf(http), listener), { requestsInFlight: listener.inFlight });
  // An Expect node does not meet goes to the listener too (its JSON 417 and its log line), not node's bare 417.
  server.on('checkExpectation', listener);
  // CONNECT (a proxy tunnel): a JSON 405 on the socket and one log line, not a connection closed unanswered.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const { status, code, message } = CONNECT_REFUSED;
    refuseConnect(socket, () => endSocketWithJson(socket, status, { error: { code, message } }));
    const line = accessLine('CONNECT', socket.remoteAddress ?? '', opts.worker);
    line.path = (req.url ?? '').slice(0, 200);
    line.status = status;
    line.error = code;
    opts.log(line);
  });
  applyHttpLimits(server, http, (from, dropped) => opts.log({ ...accessLine('', from, opts.worker), status: 503, error: 'TOO_MANY_CONNECTIONS', dropped }), {
    clusterWorker: opts.worker !== undefined,
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // What node's parser refuses, and a client too slow (http-limits.ts): a JSON error like every
    // other and one access-log line (src/io/http-client-error.ts, shared with the studio's servers).
    // A connection already gone has no one to answer (a client's end mid-request: that request's
    // own line says CONNECTION_CLOSED).
    if (ignoredAfterClose(err, socket)) return;
    const answer = clientErrorAnswer(err, socket, http.maxHeaderBytes);
    if (!answer) {
      socket.destroy();
      return;
    }
    const { status, code, message } = answer;
    endSocketWithJson(socket, status, { error: { code, message } });
    // A request in flight (its body too slow) writes its own line, with its path and client.
    if (wasCutOff(socket)) return;
    const line = accessLine('', (socket as Socket).remoteAddress ?? '', opts.worker);
    line.status = status;
    line.error = code;
    opts.log(line);
  });
  return server;
}
