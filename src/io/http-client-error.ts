import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * What every HTTP server of the project answers to a request node's parser refuses before the
 * server's listener sees it (not HTTP, a malformed header or content-length, headers over
 * node's 16 KiB, a client too slow to send its headers): a JSON error like every other answer,
 * written on the socket, which is then closed, as node does. Used by the decision service
 * (`tariff serve`) and the studio's servers (browser mode, team server), each with its own body.
 */
export type ClientErrorAnswer = { status: number; code: string; message: string };

const KNOWN: Record<string, ClientErrorAnswer> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'HEADERS_TOO_LARGE', message: 'the request line and headers exceed 16 KiB: send a shorter path and fewer headers' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', message: 'the request did not arrive in time' },
};

/** The answer to a parser error, or undefined when the connection is already gone (a reset, or the client's end in the middle of a request): nobody to answer. */
export function clientErrorAnswer(err: NodeJS.ErrnoException, socket: Duplex): ClientErrorAnswer | undefined {
  if (err.code === 'ECONNRESET' || err.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) return undefined;
  return (
    KNOWN[err.code ?? ''] ?? {
      status: 400,
      code: 'BAD_REQUEST',
      message: `not a well-formed HTTP/1.1 request (${err.code ?? err.message}): check the request line and headers`,
    }
  );
}

/** Writes a whole JSON answer on the raw socket and closes it. */
export function endSocketWithJson(socket: Duplex, status: number, body: unknown, headers: Record<string, string> = {}): void {
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
  );
}
