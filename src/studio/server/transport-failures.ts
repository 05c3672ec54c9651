import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Envelope } from '../api/contract.js';
import { clientErrorAnswer, CONNECT_REFUSED, endSocketWithJson, ignoredAfterClose, refuseConnect, wasCutOff } from '../../io/http-client-error.js';
import { ConnectionClosedError } from '../../io/body-limit.js';
import { transportError } from './json-call-body.js';

/**
 * What goes wrong below a studio call, for both studio servers (browser mode and team server):
 * a client that hangs up before its body ended is one log line (no stack) and no answer, not a
 * server error; what node's parser refuses gets the studio's JSON error (src/io/http-client-error.ts,
 * shared with the decision service) and one log line.
 */
/** The path as it may be logged: the browser mode's per-run secret left out. */
const loggedPath = (req: IncomingMessage): string =>
  (req.url ?? '/')
    .split('?')[0]!
    .replace(/^\/s\/[^/]+/u, '/s/…')
    .slice(0, 200);

/** The catch of a studio server's listener: a hang-up is logged in one line, anything else with its stack and a 500. */
export function requestFailed(
  req: IncomingMessage,
  res: ServerResponse,
  e: unknown,
  sendJson: (status: number, env: Envelope<unknown>) => void,
  log: ((line: string) => void) | undefined,
): void {
  if (e instanceof ConnectionClosedError) {
    // A body too slow was answered 408 and logged by answerClientErrors: the request's end is not a second line.
    if (!wasCutOff(req.socket)) log?.(`studio server: ${req.method ?? ''} ${loggedPath(req)}: ${e.message}`);
    res.destroy();
    return;
  }
  log?.(`studio server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  if (!res.headersSent) sendJson(500, transportError('INTERNAL', 'the studio server failed on this request'));
  else res.destroy();
}

/**
 * Answers what node's parser refuses, a client too slow (http-limits.ts), and a CONNECT, with the
 * studio's JSON error, and logs it in one line (the TCP peer: the headers, X-Forwarded-For among them, were
 * not read or not trusted yet).
 */
export function answerClientErrors(server: Server, log: ((line: string) => void) | undefined, maxHeaderBytes?: number): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (ignoredAfterClose(err, socket)) return;
    const answer = clientErrorAnswer(err, socket, maxHeaderBytes);
    if (!answer) {
      socket.destroy();
      return;
    }
    endSocketWithJson(socket, answer.status, transportError(answer.code, answer.message), { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    log?.(`studio server: ${answer.status} ${answer.code} from ${(socket as Socket).remoteAddress ?? 'unknown'} (${err.code ?? err.message})`);
  });
  // CONNECT (a proxy tunnel): the studio's JSON 405 on the socket, not a connection closed unanswered.
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    refuseConnect(socket, () =>
      endSocketWithJson(socket, CONNECT_REFUSED.status, transportError(CONNECT_REFUSED.code, CONNECT_REFUSED.message), {
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      }),
    );
    log?.(`studio server: ${CONNECT_REFUSED.status} CONNECT refused from ${socket.remoteAddress ?? 'unknown'}`);
  });
}
