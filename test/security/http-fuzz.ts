import fc from 'fast-check';
import { rawExchangeClosed } from '../raw-http.js';

/**
 * What the HTTP fuzz tests (http-fuzz.test.ts) send and how they read the answer: a request as
 * parts (method, target, header lines, body, how the body is framed), written out as raw HTTP/1.1
 * so that what a client library would never send (duplicate Content-Length, a chunked body with a
 * bad chunk size, both framings at once, raw unicode in the path) reaches the server as it is.
 */
export type Framing = 'length' | 'none' | 'chunked' | 'chunked-bad-size' | 'chunked-short' | 'length-twice-same' | 'length-twice-different' | 'length-and-chunked' | 'length-short';
export type FuzzRequest = { method: string; target: string; headers: [string, string][]; body: string; framing: Framing; keepAlive?: boolean };

/** The request as bytes; it always ends its own body (no framing makes the server wait for more), and says Connection: close unless `keepAlive`. */
export function requestText(r: FuzzRequest): string {
  const body = Buffer.from(r.body, 'utf8');
  const lines = [...r.headers];
  let payload = body.toString('latin1');
  const hex = body.length.toString(16);
  switch (r.framing) {
    case 'length':
      lines.push(['Content-Length', String(body.length)]);
      break;
    case 'none':
      payload = '';
      break;
    case 'chunked':
      lines.push(['Transfer-Encoding', 'chunked']);
      payload = body.length ? `${hex}\r\n${payload}\r\n0\r\n\r\n` : '0\r\n\r\n';
      break;
    case 'chunked-bad-size':
      lines.push(['Transfer-Encoding', 'chunked']);
      payload = `zz${hex}\r\n${payload}\r\n0\r\n\r\n`;
      break;
    case 'chunked-short':
      // A chunk size one less than the data that follows: the parser finds a data byte where the chunk's CRLF must be.
      // (A size larger than what is sent is a body still arriving: the request timeout answers that, slow-clients.test.ts.)
      lines.push(['Transfer-Encoding', 'chunked']);
      payload = `${Math.max(0, body.length - 1).toString(16)}\r\n${payload}\r\n0\r\n\r\n`;
      break;
    case 'length-twice-same':
      lines.push(['Content-Length', String(body.length)], ['Content-Length', String(body.length)]);
      break;
    case 'length-twice-different':
      lines.push(['Content-Length', String(body.length)], ['Content-Length', String(body.length + 1)]);
      break;
    case 'length-and-chunked':
      lines.push(['Content-Length', String(body.length)], ['Transfer-Encoding', 'chunked']);
      break;
    case 'length-short':
      // The rest of the body reads as the next request (pipelined), which Connection: close leaves unanswered or answers 400.
      lines.push(['Content-Length', String(Math.floor(body.length / 2))]);
      break;
  }
  lines.push(['Connection', r.keepAlive ? 'keep-alive' : 'close']);
  // latin1 both ways: each character of a header or the body is one byte as written above.
  return Buffer.from(`${r.method} ${r.target} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`, 'utf8').toString('latin1') + payload;
}

export type Answer = { raw: string; closedByServer: boolean; status: number; headers: Map<string, string>; body: string };

/** Sends the request on a new connection and reads the (last non-1xx) answer; the wait is bounded (rawExchangeClosed). */
export async function exchange(port: number, r: FuzzRequest, waitMs = 15_000): Promise<Answer> {
  const { got, closedByServer } = await rawExchangeClosed(port, requestText(r), waitMs, 'latin1');
  let rest = got;
  // An interim 100 Continue (Expect: 100-continue) precedes the answer.
  while (/^HTTP\/1\.1 1\d\d /u.test(rest) && rest.includes('\r\n\r\n')) rest = rest.slice(rest.indexOf('\r\n\r\n') + 4);
  const end = rest.indexOf('\r\n\r\n');
  const head = end < 0 ? rest : rest.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const status = Number(/^HTTP\/1\.1 (\d{3})/u.exec(rest)?.[1] ?? 0);
  const body = Buffer.from(end < 0 ? '' : rest.slice(end + 4), 'latin1').toString('utf8');
  return { raw: got, closedByServer, status, headers, body };
}

/**
 * The error code of a JSON error body, as `tariff serve` ({error: {code}}) and the studio ({ok:
 * false, error: {code}}) write it; undefined when it is none. A decision answered `invalid` (422)
 * is the decision's own answer (`tariff decide`'s output, case-files.md), not an error envelope:
 * its code is its outcome, `invalid`, and each of its errors must be located (a JSON pointer) and
 * say what is wrong.
 */
export function errorCode(body: string): string | undefined {
  try {
    const b = JSON.parse(body) as { ok?: unknown; error?: { code?: unknown }; outcome?: unknown; errors?: unknown };
    if (b.outcome === 'invalid')
      return Array.isArray(b.errors) &&
        b.errors.length > 0 &&
        b.errors.every((e: { path?: unknown; message?: unknown }) => typeof e.path === 'string' && typeof e.message === 'string' && e.message !== '')
        ? 'invalid'
        : undefined;
    return typeof b.error?.code === 'string' && b.error.code !== '' ? b.error.code : undefined;
  } catch {
    return undefined;
  }
}

/** What the properties hold every answer to: answered (not a hang), the connection closed, no 5xx, an error as JSON with a code. */
export function answerProblems(r: FuzzRequest, a: Answer): string[] {
  const problems: string[] = [];
  if (!a.closedByServer) problems.push('no answer in time: the connection was left open');
  if (a.status === 0) problems.push(`no HTTP answer at all: ${JSON.stringify(a.raw.slice(0, 200))}`);
  if (a.status >= 500) problems.push(`a server error ${a.status}: ${a.body.slice(0, 300)}`);
  if (a.status >= 400 && r.method !== 'HEAD') {
    if (!/^application\/json/iu.test(a.headers.get('content-type') ?? ''))
      problems.push(`error ${a.status} is not JSON (${a.headers.get('content-type') ?? 'no content-type'}): ${a.body.slice(0, 200)}`);
    else if (errorCode(a.body) === undefined) problems.push(`error ${a.status} has no code: ${a.body.slice(0, 200)}`);
  }
  return problems;
}

// ---- the generators ---------------------------------------------------------------------------

/** Methods: the usual, odd cases, and tokens no server knows. */
export const methodArb = fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'get', 'FOO', 'CONNECT', 'TRACE', 'PROPFIND');

/** Path segments: plain, encoded, dot segments, very long, unicode (raw and encoded), NUL and backslashes. */
export const segmentArb = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '%2E%2E%2F', '%252e%252e', '%5c..%5c', '..%2f..%2fetc%2fpasswd', '%00', '%', '%zz', '%E3%81', '\\..\\', '', '//', ';', '?', '#x', '%3F'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 8 }).map(encodeURIComponent),
  fc.constantFrom('料金', 'é', '🙂', 'ｍｅ', '\u202e'),
  fc.integer({ min: 1000, max: 12_000 }).map((n) => 'a'.repeat(n)),
);

/** A query: none, ?reference=1, odd ones. */
export const queryArb = fc.oneof(
  fc.constant(''),
  fc.constant(''),
  fc.constantFrom('?reference=1', '?reference=true', '?reference=%ZZ', '?a=1&a=2', '?', '?reference=1&reference=0', '??'),
  fc.string({ maxLength: 20 }).map((s) => `?${encodeURIComponent(s)}=1`),
);

/** Content-Type values: right, wrong, near misses, parameters, odd case. */
export const contentTypeArb = fc.oneof(
  // Right most of the time, so that most requests get past the type check to the body and the handlers.
  { weight: 10, arbitrary: fc.constant('application/json') },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON; charset=UTF-8',
      'application/json;charset=latin1',
      'application/json;;',
      'application/jsonp',
      'application/json-seq',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
      'text/json',
      '',
      '*/*',
      'application/json, text/plain',
    ),
  },
);

/** Extra header lines: duplicates, encodings, Expect, odd hosts and origins, junk. */
export const extraHeaderArb: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.constantFrom<[string, string]>(
    ['Content-Encoding', 'gzip'],
    ['Content-Encoding', 'identity'],
    ['Expect', '100-continue'],
    ['Expect', 'the-unexpected'],
    ['Accept', '*/*'],
    ['X-Forwarded-For', '203.0.113.9, ::1'],
    ['Transfer-Encoding', 'gzip'],
    ['Cookie', 'tariff_session=AAAAAAAAAAAAAAAAAAAAAAAA'],
    ['Origin', 'http://evil.example'],
    ['Origin', 'null'],
    ['Authorization', 'Bearer'],
    ['Authorization', 'Basic dXNlcjpwYXNz'],
    ['X-CSRF-Token', 'x'],
    ['Range', 'bytes=0-1'],
    ['If-None-Match', '*'],
  ),
  fc.tuple(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/u),
    fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/gu, ' ')),
  ),
);

export const framingArb = fc.constantFrom<Framing>(
  'length',
  'length',
  'length',
  'length',
  'chunked',
  'chunked',
  'none',
  'chunked-bad-size',
  'chunked-short',
  'length-twice-same',
  'length-twice-different',
  'length-and-chunked',
  'length-short',
);

/** Values no schema expects: huge and tiny numbers, NaN-like strings, wrong types, deep nesting, prototype keys. */
export const oddValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    5e-324,
    0.1 + 0.2,
    'NaN',
    'Infinity',
    '-Infinity',
    '1e400',
    '0x10',
    '',
    ' ',
    '\ud800',
    '2023-02-29',
    '9999-99-99',
    null,
    true,
    [],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 50, max: 1000 }).map((n) => nested(n)),
);

/** A value nested `n` levels deep ([[[…]]]). */
export function nested(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i += 1) v = i % 2 ? { a: v } : [v];
  return v;
}

/** Body texts JSON.stringify cannot make: numbers past a double, nesting deeper than a parser's stack, broken JSON. */
export const rawBodyTextArb = fc.oneof(
  fc.constantFrom(
    '{"asOf":"2025-01-01","facts":{"x":1e400}}',
    '{"facts":{"a":-1e99999}}',
    '{"facts":NaN}',
    '{"facts":{"a":Infinity}}',
    '{"asOf":"2025-01-01","facts":{}}garbage',
    '{"cases":[1e400,{"facts":{}}]}',
    '{',
    '',
    'null',
    '[]',
    '"facts"',
    '{"facts":{"a":"\\ud800"}}',
    '{"a":1,"a":2}',
    '\ufeff{"facts":{}}',
  ),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 1000, max: 100_000 }).map((n) => `{"facts":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
  fc.string({ maxLength: 200 }),
);

/**
 * Requests sent one after another on one connection (pipelined: all written at once), the last
 * with Connection: close. What came back: every status line in order, and whether the server closed
 * the connection. A server may answer fewer than were sent (it closes after a refusal that leaves
 * the rest of a body unread), never more, and never a 5xx.
 */
export async function pipelined(port: number, requests: FuzzRequest[], waitMs = 15_000): Promise<{ statuses: number[]; closedByServer: boolean; raw: string }> {
  const text = requests.map((r, i) => requestText({ ...r, keepAlive: i < requests.length - 1 })).join('');
  const { got, closedByServer } = await rawExchangeClosed(port, text, waitMs, 'latin1');
  const statuses = [...got.matchAll(/(?:^|\r\n)HTTP\/1\.1 (\d{3}) /gu)].map((m) => Number(m[1])).filter((s) => s >= 200);
  return { statuses, closedByServer, raw: got };
}
