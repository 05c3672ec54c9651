import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatcher.js';
import { createLoginService, DEFAULT_LOGIN_POLICY, type LoginPolicy } from '../team/login.js';
import { runAs } from '../team/request-user.js';
import { csrfMatches, dropClearCsrfSessions, endSession, sessionOf, type Session } from '../team/sessions.js';
import { createTeamDispatch, type ChangeEvent } from '../team/team-dispatch.js';
import { appendAudit } from '../workspace/audit-log.js';
import type { Workspace } from '../workspace/workspace.js';
import { createLiveEvents } from './live-events.js';
import { AUTH_LIMIT, CALL_LIMIT, pageMethodRefused, readJsonCallBody, type BodyLimit } from './json-call-body.js';
import { SECURITY_HEADERS, transportError } from './http-server.js';
import { forbiddenHost, hostAllowed, listenHost, ownHosts } from './host-check.js';
import { clientAddress, type TrustedProxies } from '../../io/client-address.js';
import { applyHttpLimits, serverOptionsOf, TEAM_HTTP_LIMITS, doorRefusal, type HttpLimits } from '../../io/http-limits.js';
import { badPath, requestPath } from './request-path.js';
import { serveStatic } from './static-files.js';
import { answerClientErrors, requestFailed } from './transport-failures.js';

/**
 * The team server (`tariff studio --serve`): the studio's renderer and the same API calls,
 * for signed-in users. Routes:
 *   GET  /…                 the renderer (it asks auth/session and shows the login page when signed out)
 *   POST auth/login         {name, password} → session cookie (HttpOnly, SameSite=Strict, Secure with TLS) and the CSRF token
 *   GET  auth/session       the signed-in user and the CSRF token, or 401
 *   POST auth/logout        ends the session
 *   POST api/<call>         a studio call (session cookie + X-CSRF-Token + same Origin), dispatched with the user's role
 *   GET  events             server-sent change events
 * Every request must name the server's own host (127.0.0.1, localhost or [::1] with its port,
 * the address it listens on, or one of --origin: host-check.ts, against DNS rebinding), every
 * POST must come from the studio's own origin (Origin header, its host equal to Host or one of
 * --origin), and every call but login must carry the session's CSRF token.
 */
export type TeamServerOptions = {
  ws: Workspace;
  dispatch: Dispatch;
  host: string;
  port: number;
  staticDir?: string;
  tls?: { cert: Buffer; key: Buffer };
  /** Public origins the studio is reached at (behind a reverse proxy); when set, Host and Origin must be one of them. */
  origins?: string[];
  policy?: Partial<LoginPolicy>;
  clock?: () => number;
  log?: (line: string) => void;
  /** Timeouts and caps on clients (src/io/http-limits.ts); default TEAM_HTTP_LIMITS. */
  limits?: HttpLimits;
  /** Reverse proxies whose X-Forwarded-For names the client (--trust-proxy; src/io/client-address.ts); none by default. */
  trustProxy?: TrustedProxies;
};
/** `announce`: tells every open page of a change made outside a call (a scenario run that finished on the server's worker threads). */
export type TeamServer = { url: string; port: number; close(): Promise<void>; liveClients(): number; announce(e: ChangeEvent): void };

const COOKIE = 'tariff_session';
const SECURE_COOKIE = '__Host-tariff_session';

const sendJson = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string | string[]> = {}): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
};

const cookiesOf = (req: IncomingMessage): Map<string, string> => {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
};

export async function startTeamServer(opts: TeamServerOptions): Promise<TeamServer> {
  const { ws } = opts;
  const clock = opts.clock ?? Date.now;
  const policy: LoginPolicy = { ...DEFAULT_LOGIN_POLICY, ...opts.policy };
  const secure = opts.tls !== undefined || (opts.origins ?? []).some((o) => o.startsWith('https://'));
  const cookieName = secure ? SECURE_COOKIE : COOKIE;
  if (!ws.readOnly) dropClearCsrfSessions(ws);
  const login = createLoginService(ws, policy, clock);
  const live = createLiveEvents();
  const teamDispatch = createTeamDispatch(ws, opts.dispatch, { onChange: (e) => live.broadcast(e) });
  const origins = (opts.origins ?? []).map((o) => new URL(o).host);
  const limits = opts.limits ?? TEAM_HTTP_LIMITS;
  /** The address the sign-in limit counts and the log names: the TCP peer, or behind a trusted proxy the client it names. */
  const clientIp = (req: IncomingMessage): string => clientAddress(req, opts.trustProxy);

  /** The names this server answers for (host-check.ts), set once it listens. */
  let allowedHosts: string[] = [];
  /** A POST must name its origin, and it must be this server as the browser sees it. */
  const originAllowed = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (!origin || origin === 'null') return false;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false;
    }
    return host === req.headers.host || origins.includes(host);
  };
  const cookie = (value: string, maxAgeSeconds: number): string => `${cookieName}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
  const sessionOfRequest = (req: IncomingMessage): { token: string; session: Session } | undefined => {
    const token = cookiesOf(req).get(cookieName);
    if (!token || !/^[A-Za-z0-9_-]{20,100}$/u.test(token)) return undefined;
    const session = sessionOf(ws, token, clock());
    return session ? { token, session } : undefined;
  };
  const unauthenticated = (res: ServerResponse): void =>
    sendJson(
      res,
      401,
      transportError(
        'UNAUTHENTICATED',
        'you are not signed in, or your session has ended (it expired, you signed out, or an admin disabled you, changed your role or set a new password)',
        'Sign in again on the studio page.',
      ),
    );

  const readJson = (req: IncomingMessage, res: ServerResponse, limit: BodyLimit = CALL_LIMIT): Promise<{ value: unknown } | undefined> =>
    readJsonCallBody(req, res, (status, env, headers) => sendJson(res, status, env, headers), limit);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refused = doorRefusal(req, limits);
    if (refused) return sendJson(res, refused.status, transportError(refused.code, refused.message), { Connection: 'close' });
    if (!hostAllowed(req, allowedHosts)) return sendJson(res, 403, forbiddenHost(req, allowedHosts));
    const pathname = requestPath(req.url);
    if (pathname === undefined) return sendJson(res, 400, badPath());
    const path = pathname.replace(/^\/+/u, '');
    if (req.method === 'POST' && !originAllowed(req))
      return sendJson(
        res,
        403,
        transportError(
          'FORBIDDEN_ORIGIN',
          `a studio request must come from the studio's own page; this one came from ${req.headers.origin ?? 'no origin'}`,
          'Open the studio at its own address.',
        ),
      );

    if (path === 'auth/login') {
      if (req.method !== 'POST') return sendJson(res, 405, transportError('METHOD_NOT_ALLOWED', 'sign in with a POST'));
      const body = await readJson(req, res, AUTH_LIMIT);
      if (!body) return;
      const b = body.value as { name?: unknown; password?: unknown } | undefined;
      if (!b || typeof b.name !== 'string' || typeof b.password !== 'string' || b.name.length > 64 || b.password.length > 1024)
        return sendJson(res, 400, transportError('INVALID_ARGS', 'sign in with {"name": "…", "password": "…"}'));
      const from = clientIp(req);
      const r = await login(b.name, b.password, from);
      if (!r.ok) {
        if (r.status !== 401) opts.log?.(`studio: sign-in refused from ${from}: ${r.code}`);
        return sendJson(
          res,
          r.status,
          transportError(r.code, r.message, r.code === 'LOGIN_FAILED' ? 'Check the user name and password.' : undefined),
          r.retryAfterSeconds !== undefined ? { 'Retry-After': String(r.retryAfterSeconds) } : {},
        );
      }
      opts.log?.(`studio: ${r.user.name} signed in from ${from}`);
      return sendJson(
        res,
        200,
        { ok: true, value: { name: r.user.name, role: r.user.role, csrf: r.csrf, expiresAt: r.expiresAt } },
        { 'Set-Cookie': cookie(r.token, policy.sessionHours * 3600) },
      );
    }
    if (path === 'auth/session') {
      if (req.method !== 'GET') return sendJson(res, 405, transportError('METHOD_NOT_ALLOWED', 'GET auth/session'));
      const s = sessionOfRequest(req);
      if (!s) return unauthenticated(res);
      return sendJson(res, 200, { ok: true, value: { name: s.session.user.name, role: s.session.user.role, csrf: s.session.csrf, expiresAt: s.session.expiresAt } });
    }
    if (path === 'auth/logout') {
      if (req.method !== 'POST') return sendJson(res, 405, transportError('METHOD_NOT_ALLOWED', 'sign out with a POST'));
      const s = sessionOfRequest(req);
      if (s && !csrfMatches(s.session, String(req.headers['x-csrf-token'] ?? '')))
        return sendJson(res, 403, transportError('CSRF_REFUSED', "the request lacks this session's CSRF token"));
      if (s) {
        endSession(ws, s.token);
        runAs(s.session.user, () => appendAudit(ws, 'logout', `user:${s.session.user.name}`, {}));
      }
      return sendJson(res, 200, { ok: true, value: { signedOut: true } }, { 'Set-Cookie': cookie('', 0) });
    }
    if (path === 'events') {
      if (req.method !== 'GET') return sendJson(res, 405, transportError('METHOD_NOT_ALLOWED', 'GET events'));
      const s = sessionOfRequest(req);
      if (!s) return unauthenticated(res);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      live.add({ res, stillValid: () => sessionOf(ws, s.token, clock()) !== undefined, session: s.session.csrfHash });
      return;
    }
    if (path.startsWith('api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, transportError('METHOD_NOT_ALLOWED', 'studio calls are POST requests'));
      const s = sessionOfRequest(req);
      if (!s) return unauthenticated(res);
      if (!csrfMatches(s.session, String(req.headers['x-csrf-token'] ?? '')))
        return sendJson(res, 403, transportError('CSRF_REFUSED', "the request lacks this session's CSRF token", 'Reload the studio page.'));
      const body = await readJson(req, res);
      if (!body) return;
      const r = await teamDispatch(s.session.user, path.slice('api/'.length), body.value);
      return sendJson(res, r.status, r.env);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, pageMethodRefused(req.method));
    return serveStatic(
      res,
      opts.staticDir,
      path === '' ? 'index.html' : path,
      secure ? { ...SECURITY_HEADERS, 'Strict-Transport-Security': 'max-age=31536000' } : SECURITY_HEADERS,
    );
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => requestFailed(req, res, e, (status, env) => sendJson(res, status, env), opts.log));
  };
  // requireHostHeader off (serverOptionsOf): a request without a Host header gets the studio's JSON 403 (FORBIDDEN_HOST), not node's empty 400.
  const server: Server = opts.tls
    ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key, ...serverOptionsOf(limits) }, listener)
    : createHttpServer(serverOptionsOf(limits), listener);
  // An Expect node does not meet goes to the handler too (its JSON 417), not node's bare 417.
  server.on('checkExpectation', listener);
  applyHttpLimits(server, limits, (from, n) => opts.log?.(`studio: ${n} connection(s) refused at the cap of ${limits.maxConnections} (latest from ${from})`));
  answerClientErrors(server, opts.log, limits.maxHeaderBytes);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? Object.assign(new Error(`${opts.host}:${opts.port} is in use; choose another with --listen HOST:PORT`), { code: 'PORT_IN_USE' }) : e),
    );
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = ownHosts(port, [...listenHost(opts.host, port), ...origins]);
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${shownHost}:${port}/`,
    port,
    liveClients: () => live.size,
    announce: (e) => live.broadcast(e),
    close: () =>
      new Promise<void>((resolve) => {
        live.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
