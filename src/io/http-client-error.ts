import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * What every HTTP server of the project answers to a request node's parser refuses before the
 * server's listener sees it (not HTTP, a malformed header or content-length, headers over
 * the limit, a client too slow to send its headers), and to a client too slow to send its body
 * (node's requestTimeout, http-limits.ts): a JSON error like every other answer, written on the
 * socket, which is then closed, as node does. Used by the decision service (`tariff serve`) and
 * the studio's servers (browser mode, team server), each with its own body.
 */
export type ClientErrorAnswer = { status: number; code: string; message: string };

const known = (maxHeaderBytes: number): Record<string, ClientErrorAnswer> => ({
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'HEADERS_TOO_LARGE',
    message: `the request line and headers exceed ${maxHeaderBytes % 1024 === 0 ? `${maxHeaderBytes / 1024} KiB` : `${maxHeaderBytes} bytes`}: send a shorter path and fewer headers`,
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', message: 'the request did not arrive in time: its headers or its body came too slowly' },
});

/** The response node has begun on a socket (its own field; node's default clientError handler reads it too). */
const inFlight = (socket: Duplex): ServerResponse | undefined => (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;

/** The request node's parser is reading on this socket (node's own fields), when its body is being discarded after its answer. */
const answeredWhileBodyRead = (socket: Duplex): boolean => {
  const incoming = (socket as Duplex & { parser?: { incoming?: { complete?: boolean; _dumped?: boolean } | null } | null }).parser?.incoming;
  return incoming !== null && incoming !== undefined && incoming.complete === false && incoming._dumped === true;
};

/** Sockets answered and closed here while a request of theirs was in flight (its body too slow): that request's own failure is not a second event. */
const cutOff = new WeakSet<Duplex>();
/** Whether this socket was answered 408 (or another refusal) here while its request was still being read. */
export const wasCutOff = (socket: Duplex): boolean => cutOff.has(socket);

/**
 * Whether a parser error is only bytes sent after a request that said `Connection: close`
 * (HPE_CLOSED_CONNECTION) while that request's answer is still to be written: the request was
 * whole and is answered; what followed is ignored (RFC 9112 § 9.6: no further request on that
 * connection is processed), and the connection closes after the answer. Answering 400 there
 * instead would take the place of the request's own answer. The caller then does nothing.
 */
export function ignoredAfterClose(err: NodeJS.ErrnoException, socket: Duplex): boolean {
  const res = inFlight(socket);
  return err.code === 'HPE_CLOSED_CONNECTION' && res !== undefined && !res.writableFinished;
}

/**
 * The answer to a parser error or a timeout, or undefined when there is nobody to answer: the
 * connection is already gone (a reset, or the client's end in the middle of a request), or an
 * answer has already begun on it (a refusal sent before the body was read, the body then too
 * slow): writing an error after it would corrupt it, so the caller only closes the connection.
 */
export function clientErrorAnswer(err: NodeJS.ErrnoException, socket: Duplex, maxHeaderBytes = 16 * 1024): ClientErrorAnswer | undefined {
  if (err.code === 'ECONNRESET' || err.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) return undefined;
  const res = inFlight(socket);
  if (res?.headersSent) return undefined;
  // A request already answered in full (refused before its body was read: a foreign Host, a bad
  // token) whose body node is still reading to discard it: its answer is sent and detached from
  // the socket, so only the parser still knows the request. A 408 written now would be a second
  // answer, read as the answer to the client's next request: the caller only closes.
  if (!res && answeredWhileBodyRead(socket)) return undefined;
  if (res) {
    cutOff.add(socket);
    // Its body is read no further: a body that completes before the socket is gone never reaches a handler.
    res.req.pause();
  }
  return (
    known(maxHeaderBytes)[err.code ?? ''] ?? {
      status: 400,
      code: 'BAD_REQUEST',
      message: `not a well-formed HTTP/1.1 request (${err.code ?? err.message}): check the request line and headers`,
    }
  );
}

/**
 * Writes a whole JSON answer on the raw socket and closes it once written (destroyed, not only
 * ended: a slow client that never ends its side must not keep the socket, and a request whose
 * headers or body complete after the answer must never reach the server's handlers).
 */
export function endSocketWithJson(socket: Duplex, status: number, body: unknown, headers: Record<string, string> = {}): void {
  // Already ended (an earlier answer on it said Connection: close): nothing more may be written.
  if (!socket.writable || socket.writableEnded) {
    socket.destroy();
    return;
  }
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(
    Buffer.concat([
      Buffer.from(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${extra}content-type: application/json; charset=utf-8\r\ncontent-length: ${bytes.length}\r\nconnection: close\r\n\r\n`,
        'latin1',
      ),
      bytes,
    ]),
    () => socket.destroy(),
  );
}

/**
 * A CONNECT request (a proxy tunnel): none of the servers is a proxy. node hands it to the
 * server's 'connect' event, and with no listener closes the connection unanswered; each server
 * listens and writes this answer on the socket (endSocketWithJson), as JSON like every other.
 */
export const CONNECT_REFUSED: ClientErrorAnswer = {
  status: 405,
  code: 'METHOD_NOT_ALLOWED',
  message: 'CONNECT is not served: this server is not a proxy; send GET or POST to its own paths',
};

/**
 * Answers a CONNECT on its socket once the answer in flight on that connection (an earlier
 * request pipelined before it) has been written, so the answers keep their order and the refusal
 * never writes into, or after, another answer. `answer` writes and closes (endSocketWithJson).
 */
export function refuseConnect(socket: Duplex, answer: () => void): void {
  const res = inFlight(socket);
  if (!res || res.writableFinished) return answer();
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    answer();
  };
  res.once('finish', once);
  res.once('close', once);
}
