import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { firstInvalidUtf8 } from './json-file.js';

/**
 * Reads a request body up to `limit` bytes, for any of the project's HTTP servers. Past the limit
 * it keeps nothing more but goes on reading (and dropping) what the client sends, so the server
 * can answer 413 with its JSON error and the client reads it, instead of a reset that looks like
 * an unreachable server. A client that sends more than `drainLimit` is cut off: the caller answers
 * 413 and closes the connection (`closeAfter`).
 */
export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too-large'; received: number; closeAfter: boolean };

/**
 * The connection closed before the body ended (the client hung up, or a server's shutdown closed
 * it): nobody is left to answer, and it is not the server's fault. Each server logs it in one
 * line, never as a 500.
 */
export class ConnectionClosedError extends Error {
  readonly code = 'CONNECTION_CLOSED';
}

export function readBodyWithLimit(req: IncomingMessage, limit: number, drainLimit = limit * 4): Promise<BodyRead> {
  return new Promise((resolve, reject) => onBodyWithLimit(req, limit, drainLimit, (error, read) => (error ? reject(error) : resolve(read!))));
}

/**
 * The same read with a callback, called once: the decision service answers a single request in
 * the callback, without a promise and the turns of the microtask queue it costs per request.
 */
export function onBodyWithLimit(req: IncomingMessage, limit: number, drainLimit: number, callback: (error: ConnectionClosedError | undefined, read?: BodyRead) => void): void {
  const declared = Number(req.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  let over = Number.isFinite(declared) && declared > limit;
  let called = false;
  const done = (error: ConnectionClosedError | undefined, r?: BodyRead): void => {
    if (called) return;
    called = true;
    callback(error, r);
  };
  const onData = (c: Buffer): void => {
    size += c.length;
    if (size > limit) over = true;
    if (!over) chunks.push(c);
    else {
      chunks.length = 0;
      if (size > drainLimit) {
        // Cut off: nothing more is read or counted.
        req.removeListener('data', onData);
        req.pause();
        done(undefined, { ok: false, reason: 'too-large', received: size, closeAfter: true });
      }
    }
  };
  req.on('data', onData);
  req.on('end', () =>
    done(undefined, over ? { ok: false, reason: 'too-large', received: size, closeAfter: false } : { ok: true, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }),
  );
  req.on('error', (e) => done(new ConnectionClosedError(`the client closed the connection before the request body ended (${e.message})`)));
}

/**
 * Why a request body is not UTF-8 text (RFC 8259 §8.1: JSON is exchanged as UTF-8), or undefined
 * when it is. Checked before it is decoded, so a Shift_JIS body is refused with the place of its
 * first bad byte instead of being read as replacement characters (an "unknown course" of ��).
 */
export function bodyNotUtf8(body: Buffer): string | undefined {
  if (isUtf8(body)) return undefined;
  const at = firstInvalidUtf8(body);
  return `the body is not UTF-8 text: byte 0x${body[at]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${at} is not valid UTF-8 (Shift_JIS or another encoding?); JSON is sent as UTF-8`;
}
