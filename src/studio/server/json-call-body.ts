import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Envelope } from '../api/contract.js';
import { bodyNotUtf8, readBodyWithLimit } from '../../io/body-limit.js';
import { jsonProblem } from '../../io/json-problem.js';

/** The largest request body a studio server reads (an .xlsx import travels as base64). */
export const MAX_BODY = 30 * 1024 * 1024;

export const transportError = (code: string, message: string, hint?: string): Envelope<unknown> => ({ ok: false, error: { code, message, issues: [], ...(hint ? { hint } : {}) } });

/** A page path asked with another method than GET or HEAD (both studio servers answer it 405). */
export const pageMethodRefused = (method: string | undefined): Envelope<unknown> =>
  transportError('METHOD_NOT_ALLOWED', `${method ?? ''} is not allowed here: pages are read with GET, studio calls are POST api/<call>`);

/** How much a route reads, and what its 413 says. */
export type BodyLimit = { bytes: number; shown: string; what: string; hint: string };
/** A studio call: up to MAX_BODY, since a workbook import travels base64. */
export const CALL_LIMIT: BodyLimit = {
  bytes: MAX_BODY,
  shown: `${MAX_BODY / 1024 / 1024} MB`,
  what: '',
  hint: 'Import a smaller workbook (a tariff workbook is some tens of kilobytes).',
};
/** Signing in (read before anyone is known): a user name and a password, a few KB at most. */
export const AUTH_LIMIT: BodyLimit = {
  bytes: 4 * 1024,
  shown: '4 KB',
  what: ' of a sign-in (a user name and a password)',
  hint: 'Send {"name": "…", "password": "…"} only: a user name is at most 64 characters, a password at most 1,024.',
};

/** The refusal of a body over `limit` (the HTTP servers answer it 413; Electron's IPC the same envelope). */
export const payloadTooLarge = (limit: BodyLimit = CALL_LIMIT): Envelope<unknown> =>
  transportError('PAYLOAD_TOO_LARGE', `the request is larger than the ${limit.shown} limit${limit.what}`, limit.hint);

/** application/json, any case, with parameters (charset=utf-8) or none; not application/jsonp or json-seq. */
const JSON_MEDIA = /^application\/json\s*(?:;|$)/iu;

/**
 * The body of a studio call as both HTTP servers read it: JSON only (415), at most `limit` (413,
 * the rest drained so the client reads the answer; the connection then closes), parsed (400).
 * Undefined when it answered the refusal itself through `reply`.
 */
export async function readJsonCallBody(
  req: IncomingMessage,
  res: ServerResponse,
  reply: (status: number, env: Envelope<unknown>, headers?: Record<string, string>) => void,
  limit: BodyLimit = CALL_LIMIT,
): Promise<{ value: unknown } | undefined> {
  if (!JSON_MEDIA.test(req.headers['content-type'] ?? '')) {
    reply(415, transportError('BAD_CONTENT_TYPE', 'studio calls carry JSON (Content-Type: application/json)'));
    return undefined;
  }
  // A hang-up mid-body rejects with ConnectionClosedError (body-limit.ts; transport-failures.ts logs it).
  const read = await readBodyWithLimit(req, limit.bytes);
  if (!read.ok) {
    // Drained, not kept: the client reads the 413 instead of a reset (src/io/body-limit.ts).
    if (read.closeAfter) res.once('finish', () => req.destroy());
    reply(413, payloadTooLarge(limit), { Connection: 'close' });
    return undefined;
  }
  const notUtf8 = bodyNotUtf8(read.body);
  if (notUtf8) {
    reply(400, transportError('BAD_JSON', notUtf8));
    return undefined;
  }
  try {
    return { value: read.body.length ? (JSON.parse(read.body.toString('utf8')) as unknown) : undefined };
  } catch (e) {
    reply(400, transportError('BAD_JSON', `the request body is not JSON: ${jsonProblem(e)}`));
    return undefined;
  }
}
