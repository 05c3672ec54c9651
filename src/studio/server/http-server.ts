import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_SESSION } from '../api/bridge.js';
import type { Dispatch } from '../api/dispatcher.js';
import type { Envelope } from '../api/contract.js';
import { httpStatusOf } from '../api/envelope-status.js';
import { pageMethodRefused, readJsonCallBody, transportError } from './json-call-body.js';
import { forbiddenHost, hostAllowed, ownHosts } from './host-check.js';
import { applyHttpLimits, BROWSER_HTTP_LIMITS, serverOptionsOf, doorRefusal, type HttpLimits } from '../../io/http-limits.js';
import { badPath, requestPath } from './request-path.js';
import { serveStatic } from './static-files.js';
import { answerClientErrors, requestFailed } from './transport-failures.js';

/**
 * The browser mode's transport: a small HTTP server on 127.0.0.1 exposing the same calls as
 * the IPC bridge. Everything lives under /s/<secret>/, a random per-run secret printed in the
 * URL, so other local users and other pages cannot call it: a request without the secret gets
 * 404, a cross-origin request or a foreign Host header (DNS rebinding) gets 403, and an API
 * call must be a JSON POST. The payload is validated by the same dispatcher as IPC. `GET auth/session`
 * answers LOCAL_SESSION (no sign-in here), where the team server answers the signed-in user or 401.
 */
export type StudioServer = { url: string; port: number; secret: string; close(): Promise<void> };
export type ServerOptions = {
  dispatch: Dispatch;
  port?: number;
  staticDir?: string;
  secret?: string;
  log?: (line: string) => void;
  /** Timeouts and caps on clients (src/io/http-limits.ts); default BROWSER_HTTP_LIMITS. */
  limits?: HttpLimits;
};

export { MAX_BODY, transportError } from './json-call-body.js';
const HOST = '127.0.0.1';

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export const send = (res: ServerResponse, status: number, body: string | Buffer, type: string): void => {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
};
const sendJson = (res: ServerResponse, status: number, env: Envelope<unknown>, headers: Record<string, string> = {}): void => {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  send(res, status, JSON.stringify(env), 'application/json; charset=utf-8');
};

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function startStudioServer(opts: ServerOptions): Promise<StudioServer> {
  const secret = opts.secret ?? randomBytes(24).toString('base64url');
  let port = 0;
  let allowedHosts: string[] = [];

  const limits = opts.limits ?? BROWSER_HTTP_LIMITS;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refused = doorRefusal(req, limits);
    if (refused) return sendJson(res, refused.status, transportError(refused.code, refused.message), { Connection: 'close' });
    const pathname = requestPath(req.url);
    if (pathname === undefined) return sendJson(res, 400, badPath());
    const parts = pathname.split('/');
    // ['', 's', secret, ...rest]
    if (parts[1] !== 's' || parts[2] === undefined || !sameSecret(parts[2], secret))
      return sendJson(res, 404, transportError('NOT_FOUND', 'Not found. Open the URL that `tariff studio --web` printed.'));
    if (!hostAllowed(req, allowedHosts)) return sendJson(res, 403, forbiddenHost(req, allowedHosts));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`))
      return sendJson(res, 403, transportError('FORBIDDEN_ORIGIN', `requests from ${origin} are refused`));
    const rest = parts.slice(3).join('/');
    if (parts.length === 3) {
      res.writeHead(308, { ...SECURITY_HEADERS, Location: `/s/${secret}/` });
      return void res.end();
    }
    // The page asks whether it runs on a team server (renderer/team/team-gate.tsx): here no one signs in.
    if (rest === 'auth/session') {
      if (req.method !== 'GET') return sendJson(res, 405, transportError('METHOD_NOT_ALLOWED', 'GET auth/session'));
      return sendJson(res, 200, { ok: true, value: LOCAL_SESSION });
    }
    if (rest.startsWith('api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, transportError('METHOD_NOT_ALLOWED', 'studio calls are POST requests'));
      const body = await readJsonCallBody(req, res, (status, env, headers) => sendJson(res, status, env, headers));
      if (!body) return;
      const env = await opts.dispatch(rest.slice('api/'.length), body.value);
      const status = httpStatusOf(env);
      return sendJson(res, status, env);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, pageMethodRefused(req.method));
    return serveStatic(res, opts.staticDir, rest === '' ? 'index.html' : rest, SECURITY_HEADERS);
  };

  // A request without a Host header gets the studio's JSON 403 (FORBIDDEN_HOST) below, not node's empty 400.
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((e: unknown) => requestFailed(req, res, e, (status, env) => sendJson(res, status, env), opts.log));
  };
  const server = createServer(serverOptionsOf(limits), listener);
  // An Expect node does not meet goes to the handler too (its JSON 417), not node's bare 417.
  server.on('checkExpectation', listener);
  applyHttpLimits(server, limits, (from, n) => opts.log?.(`studio server: ${n} connection(s) refused at the cap of ${limits.maxConnections} (latest from ${from})`));
  answerClientErrors(server, opts.log, limits.maxHeaderBytes);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? Object.assign(new Error(`port ${opts.port} on ${HOST} is in use; choose another with --port, or leave it out for a free one`), { code: 'PORT_IN_USE' })
          : e,
      ),
    );
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  allowedHosts = ownHosts(port);
  return {
    url: `http://${HOST}:${port}/s/${secret}/`,
    port,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
