import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { Agent, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIsoDate, isIsoMonth, parseDateTime } from '../../src/engine/dates.js';
import { decide } from '../../src/engine/decide.js';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { listCaseFiles, readCaseFile } from '../../src/io/case-files.js';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { createDecisionService, decisionListener } from '../../src/serve/decision-service.js';
import { ReleaseStore, type StoreEvent } from '../../src/serve/release-store.js';
import type { AccessLogLine } from '../../src/serve/service-types.js';
import { hashToken, parseTokenFile, TokenChecker, watchTokenFile } from '../../src/serve/tokens.js';
import { connectionShare } from '../../src/serve/workers.js';
import { BIN, ed25519Keys, folderRelease, scratch, serviceOptions, tariff, writeRelease } from './helpers.js';
import { APPROVE_BODY, closeServer, listen, rawExchange } from '../raw-http.js';
import { slowClient } from '../slow-client.js';

const TODAY = '2025-06-01';
type Reply = { status: number; body: unknown; headers: Record<string, string | string[] | undefined> };

const call = (port: number, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}, agent?: Agent): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json', ...headers }, ...(agent ? { agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });

const close = (server: Server): Promise<void> => closeServer(server);

const cases = listCaseFiles([join(__dirname, '..', 'cases')])
  .map(readCaseFile)
  .flatMap((f) => f.cases)
  .filter((c) => typeof c.decision === 'string' && (DECISIONS as readonly string[]).includes(c.decision));

describe('decision service over HTTP', () => {
  const dir = scratch();
  const file = writeRelease(dir, 'release.json', folderRelease());
  const release = loadReleaseFile(file);
  const logs: AccessLogLine[] = [];
  const opts = serviceOptions(release, logs, TODAY, '0.1.0');
  let server: Server;
  let port: number;
  let openapi: Record<string, unknown>;
  beforeAll(async () => {
    server = createDecisionService(opts());
    port = await listen(server);
    openapi = (await call(port, 'GET', '/openapi.json')).body as Record<string, unknown>;
  });
  afterAll(() => close(server));

  /** Validates a reply against the response schema the OpenAPI document gives for it. */
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('iso-date', { type: 'string', validate: (s: string) => isIsoDate(s) });
  ajv.addFormat('iso-month', { type: 'string', validate: (s: string) => isIsoMonth(s) });
  ajv.addFormat('iso-datetime', { type: 'string', validate: (s: string) => parseDateTime(s) !== undefined });
  const conforms = (path: string, method: string, reply: Reply): string[] => {
    if (!ajv.getSchema('openapi')) ajv.addSchema({ $id: 'openapi', ...(openapi as object) } as object);
    const op = (openapi.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>)[path]![method]!;
    const schema = op.responses[String(reply.status)]?.content?.['application/json']?.schema;
    if (!schema) return [`no ${reply.status} response documented for ${method} ${path}`];
    const rewrite = (s: unknown): unknown =>
      Array.isArray(s)
        ? s.map(rewrite)
        : s && typeof s === 'object'
          ? Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === '$ref' ? `openapi${String(v)}` : rewrite(v)]))
          : s;
    const validate = ajv.compile(rewrite(schema) as object);
    return validate(reply.body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  it('publishes an OpenAPI 3.1 document: every decision, every $ref resolves, every schema compiles', () => {
    expect(openapi.openapi).toBe('3.1.0');
    const paths = openapi.paths as Record<string, Record<string, { responses: object; operationId: string }>>;
    for (const d of DECISIONS) {
      expect(paths[`/v1/decisions/${d}`]?.post).toBeDefined();
      expect(paths[`/v1/decisions/${d}/batch`]?.post).toBeDefined();
    }
    for (const p of ['/v1/versions', '/healthz', '/openapi.json']) expect(paths[p]?.get?.responses).toBeDefined();
    const ids = Object.values(paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref') refs.push(String(x));
          else walk(x);
        }
    };
    walk(openapi);
    const components = (openapi.components as { schemas: Record<string, object> }).schemas;
    for (const r of refs) expect(components[r.replace('#/components/schemas/', '')], r).toBeDefined();
    const plain = new Ajv2020({ strict: false });
    for (const f of ['iso-date', 'iso-month', 'iso-datetime']) plain.addFormat(f, true);
    plain.addSchema({ $id: 'doc', components: { schemas: components } });
    for (const name of Object.keys(components)) expect(() => plain.getSchema(`doc#/components/schemas/${name}`)).not.toThrow();
  });

  it('answers every case of test/cases exactly as decide() does, plus the release id, and each reply conforms to the OpenAPI document', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const problems: string[] = [];
    for (const c of cases) {
      const { decision, expect: _e, ...body } = c;
      const want = { ...(await decide(release.registry, c, { today: TODAY })), release: release.id };
      const got = await call(port, 'POST', `/v1/decisions/${decision}`, JSON.stringify(body), {}, agent);
      if (JSON.stringify(got.body) !== JSON.stringify(want)) problems.push(`${c.name}: ${JSON.stringify(got.body).slice(0, 200)}`);
      if (got.status !== (want.outcome === 'invalid' ? 422 : 200)) problems.push(`${c.name}: status ${got.status}`);
      const errs = conforms(`/v1/decisions/${decision}`, 'post', got);
      if (errs.length) problems.push(`${c.name}: ${errs.join('; ')}`);
    }
    agent.destroy();
    expect(problems).toEqual([]);
    expect(cases.length).toBeGreaterThan(250);
  });

  it('single requests that end in the same turn of the event loop are answered together, each with its own answer, status and log line', async () => {
    // Every case of test/cases and, between them, bodies that fail (not JSON, wrong decision),
    // handed to the listener in one tick: their bodies end in one turn and are answered as one group.
    const listener = decisionListener(opts({ log: (l) => turnLogs.push(l) }));
    const turnLogs: AccessLogLine[] = [];
    type Asked = { path: string; body: string; want: () => Promise<{ status: number; body: unknown }> };
    const asked: Asked[] = [];
    cases.forEach((c, i) => {
      const { decision, expect: _e, ...body } = c;
      asked.push({
        path: `/v1/decisions/${decision}`,
        body: JSON.stringify(body),
        want: async () => {
          const o = { ...(await decide(release.registry, c, { today: TODAY })), release: release.id };
          return { status: o.outcome === 'invalid' ? 422 : 200, body: o };
        },
      });
      if (i % 50 === 7) asked.push({ path: `/v1/decisions/${decision}`, body: '{"facts": ', want: async () => ({ status: 400, body: { error: { code: 'BODY_JSON' } } }) });
      if (i % 50 === 31)
        asked.push({
          path: '/v1/decisions/approval',
          body: '{"decision": "settlement", "facts": {}}',
          want: async () => ({ status: 400, body: { error: { code: 'DECISION_MISMATCH' } } }),
        });
    });
    const replies = await Promise.all(
      asked.map(
        (a) =>
          new Promise<{ status: number; body: unknown }>((resolve) => {
            const req = Object.assign(new PassThrough(), {
              method: 'POST',
              url: a.path,
              headers: { 'content-type': 'application/json', host: '127.0.0.1:8787' },
              rawHeaders: ['content-type', 'application/json', 'host', '127.0.0.1:8787'],
              socket: { remoteAddress: '127.0.0.1' },
            });
            req.end(a.body);
            const res = {
              headersSent: false,
              statusCode: 0,
              writeHead(status: number) {
                this.statusCode = status;
                this.headersSent = true;
                return this;
              },
              end(bytes: Uint8Array) {
                resolve({ status: this.statusCode, body: JSON.parse(Buffer.from(bytes).toString('utf8')) });
              },
            };
            listener(req as never, res as never);
          }),
      ),
    );
    const problems: string[] = [];
    for (const [i, a] of asked.entries()) {
      const want = await a.want();
      const got = replies[i]!;
      if (got.status !== want.status) problems.push(`${i} ${a.path}: status ${got.status}, want ${want.status}`);
      const ok =
        want.status === 400
          ? (got.body as { error?: { code?: string } }).error?.code === (want.body as { error: { code: string } }).error.code
          : JSON.stringify(got.body) === JSON.stringify(want.body);
      if (!ok) problems.push(`${i} ${a.path}: ${JSON.stringify(got.body).slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    expect(asked.length).toBeGreaterThan(cases.length);
    // One log line per request, each with its own status.
    expect(turnLogs).toHaveLength(asked.length);
    expect(turnLogs.map((l) => l.status).sort()).toEqual(replies.map((r) => r.status).sort());
  });

  it('?reference=1 (json-rules-engine) answers the same as the compiled path, in single and batch requests', async () => {
    const byDecision = new Map<string, object[]>();
    for (const { decision, expect: _e, ...body } of cases) byDecision.set(decision!, [...(byDecision.get(decision!) ?? []), body]);
    for (const [d, bodies] of byDecision)
      for (let i = 0; i < bodies.length; i += 50) {
        const chunk = JSON.stringify({ cases: bodies.slice(i, i + 50) });
        const fast = await call(port, 'POST', `/v1/decisions/${d}/batch`, chunk);
        const ref = await call(port, 'POST', `/v1/decisions/${d}/batch?reference=1`, chunk);
        expect(fast.status).toBe(200);
        expect(ref.body).toEqual(fast.body);
        expect(conforms(`/v1/decisions/${d}/batch`, 'post', fast)).toEqual([]);
      }
    const single = cases.find((c) => c.decision === 'settlement')!;
    const { decision: _d, expect: _e, ...body } = single;
    expect((await call(port, 'POST', '/v1/decisions/settlement?reference=1', JSON.stringify(body))).body).toEqual(
      (await call(port, 'POST', '/v1/decisions/settlement', JSON.stringify(body))).body,
    );
  });

  it('a batch answers each case in order, an invalid one in its place', async () => {
    const r = await call(
      port,
      'POST',
      '/v1/decisions/lateInterest/batch',
      JSON.stringify({ cases: [{ asOf: '2025-01-01', facts: { principal: 10000, dueDate: '2024-01-31', paidDate: '2024-03-01' } }, { facts: { principal: -1 } }] }),
    );
    expect(r.status).toBe(200);
    const body = r.body as { release: string; count: number; outputs: { outcome: string; release: string; errors?: { code: string }[] }[] };
    expect(body.release).toBe(release.id);
    expect(body.count).toBe(2);
    expect(body.outputs[0]!.outcome).toBe('charge');
    expect(body.outputs[1]!.outcome).toBe('invalid');
    expect(body.outputs[1]!.errors!.map((e) => e.code)).toContain('FACT_MINIMUM');
    expect(conforms('/v1/decisions/lateInterest/batch', 'post', r)).toEqual([]);
  });

  it('a body that is not UTF-8 (Shift_JIS) is 400 BODY_JSON naming the first bad byte, never decided as replacement characters', async () => {
    const head = '{"asOf": "2025-02-28", "facts": {"course": "';
    // コース in Shift_JIS: 0x83 0x52 0x81 0x5B 0x83 0x58.
    const sjis = Buffer.concat([Buffer.from(head), Buffer.from([0x83, 0x52, 0x81, 0x5b, 0x83, 0x58]), Buffer.from('", "startDate": "2024-01-01", "endDate": "2025-02-28"}}')]);
    for (const [path, body] of [
      ['/v1/decisions/settlement', sjis],
      ['/v1/decisions/settlement/batch', Buffer.concat([Buffer.from('{"cases": ['), sjis, Buffer.from(']}')])],
    ] as const) {
      const r = await call(port, 'POST', path, body);
      expect(r.status, path).toBe(400);
      const at = path.endsWith('batch') ? head.length + '{"cases": ['.length : head.length;
      expect(r.body, path).toEqual({
        error: {
          code: 'BODY_JSON',
          message: `the body is not UTF-8 text: byte 0x83 at offset ${at} is not valid UTF-8 (Shift_JIS or another encoding?); JSON is sent as UTF-8`,
        },
      });
    }
    expect((await call(port, 'POST', '/v1/decisions/approval', APPROVE_BODY)).status).toBe(200);
  });

  it('GET /v1/versions, /healthz: the release, its hash and manifest', async () => {
    const v = await call(port, 'GET', '/v1/versions');
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({
      release: release.id,
      sha256: release.sha256,
      signed: false,
      signedBy: null,
      signatureVerified: false,
      manifest: { versions: release.manifest.versions },
    });
    expect(conforms('/v1/versions', 'get', v)).toEqual([]);
    const h = await call(port, 'GET', '/healthz');
    expect(h.body).toMatchObject({ status: 'ok', release: release.id });
    expect(conforms('/healthz', 'get', h)).toEqual([]);
  });

  it('bad bodies, unknown routes and limits answer JSON errors with codes', async () => {
    const errorCode = (r: Reply): string => (r.body as { error: { code: string } }).error.code;
    const cases: [Reply, number, string][] = [
      [await call(port, 'POST', '/v1/decisions/settlement', '{"facts": '), 400, 'BODY_JSON'],
      [await call(port, 'POST', '/v1/decisions/settlement', '[1]'), 400, 'BODY_SHAPE'],
      [await call(port, 'POST', '/v1/decisions/settlement', '{"decision": "approval", "facts": {}}'), 400, 'DECISION_MISMATCH'],
      [await call(port, 'POST', '/v1/decisions/settlement/batch', '{"facts": {}}'), 400, 'BODY_SHAPE'],
      [await call(port, 'POST', '/v1/decisions/refund', '{}'), 404, 'UNKNOWN_DECISION'],
      [await call(port, 'GET', '/v1/decisions/settlement'), 405, 'METHOD_NOT_ALLOWED'],
      [await call(port, 'GET', '/admin'), 404, 'NOT_FOUND'],
      [await call(port, 'POST', '/v1/decisions/settlement', JSON.stringify({ facts: { note: 'x'.repeat(70 * 1024) } })), 413, 'BODY_TOO_LARGE'],
      [await call(port, 'POST', '/v1/decisions/approval/batch', JSON.stringify({ cases: Array.from({ length: 51 }, () => ({ facts: {} })) })), 413, 'BATCH_TOO_LARGE'],
      [await call(port, 'POST', '/v1/decisions/%ZZ', '{}'), 400, 'BAD_PATH'],
      [await call(port, 'POST', '/v1/decisions/approval', APPROVE_BODY, { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [await call(port, 'POST', '/v1/decisions/approval', APPROVE_BODY, { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [await call(port, 'POST', '/v1/decisions/approval', APPROVE_BODY, { 'content-encoding': 'gzip' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [r, status, code] of cases) {
      expect(r.status, code).toBe(status);
      expect(errorCode(r)).toBe(code);
      expect(r.headers['content-type']).toContain('application/json');
    }
    // A case file's list of cases sent as a single request's or a batch's body: the error says where it goes.
    const list = `[${APPROVE_BODY}]`;
    expect((await call(port, 'POST', '/v1/decisions/approval', list)).body).toEqual({
      error: {
        code: 'BODY_SHAPE',
        message: `the body is a list; one case is a JSON object {asOf?, facts, interpretations?}: send a case file's list of cases to POST /v1/decisions/approval/batch as {"cases": [...]}`,
      },
    });
    expect((await call(port, 'POST', '/v1/decisions/approval/batch', list)).body).toMatchObject({
      error: { code: 'BODY_SHAPE', message: expect.stringContaining('not a bare list: wrap it as {"cases": LIST}') },
    });
    // The media type in any case and with its charset; a path starting with // stays a path.
    expect((await call(port, 'POST', '/v1/decisions/approval', APPROVE_BODY, { 'content-type': 'Application/JSON; charset=UTF-8' })).status).toBe(200);
    const twoSlashes = await call(port, 'POST', '//v1/decisions/approval', APPROVE_BODY);
    expect(twoSlashes.status).toBe(404);
    expect((twoSlashes.body as { error: { message: string } }).error.message).toContain('//v1/decisions/approval');
    // One case over the limit is not told to send fewer cases.
    const single = await call(port, 'POST', '/v1/decisions/settlement', JSON.stringify({ facts: { note: 'x'.repeat(70 * 1024) } }));
    expect((single.body as { error: { message: string } }).error.message).not.toContain('fewer cases');
    const head = await call(port, 'HEAD', '/healthz');
    expect([head.status, head.body]).toEqual([200, null]);
    const chunked = await new Promise<Reply>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/v1/decisions/settlement', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: res.headers }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 80; i += 1) req.write('x'.repeat(1024));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(errorCode(chunked)).toBe('BODY_TOO_LARGE');
    expect((await call(port, 'GET', '/healthz')).status).toBe(200);
  });

  it('an over-limit body gets its JSON 413 on a connection that stays usable; a far larger one gets it, then the connection closes', async () => {
    /** Raw HTTP/1.1 on one socket: the requests in order, each answer read by its content-length; the socket's end is seen. */
    const overOneSocket = (requests: string[]): Promise<{ answers: { status: number; headers: string; body: string }[]; closed: boolean }> =>
      new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        const answers: { status: number; headers: string; body: string }[] = [];
        let buf = Buffer.alloc(0);
        let closed = false;
        const next = (): void => {
          if (answers.length < requests.length) socket.write(requests[answers.length]!);
          else socket.end();
        };
        socket.on('data', (chunk: Buffer) => {
          buf = Buffer.concat([buf, chunk]);
          for (;;) {
            const head = buf.indexOf('\r\n\r\n');
            if (head < 0) return;
            const headers = buf.subarray(0, head).toString('latin1');
            const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? 0);
            if (buf.length < head + 4 + length) return;
            answers.push({ status: Number(headers.split(' ')[1]), headers: headers.toLowerCase(), body: buf.subarray(head + 4, head + 4 + length).toString('utf8') });
            buf = buf.subarray(head + 4 + length);
            next();
          }
        });
        // A client still sending a far-over body when the server closes may see a reset: after
        // the 413 has arrived, that is the close this test expects, not a failure.
        socket.on('error', (e: NodeJS.ErrnoException) => {
          if (answers.length > 0 && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) return;
          reject(e);
        });
        socket.on('close', () => {
          closed = true;
          resolve({ answers, closed });
        });
        socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
        next();
      });
    const post = (path: string, body: string): string =>
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const tooLarge = JSON.stringify({ facts: { note: 'x'.repeat(70 * 1024) } });
    // Over the 64 KiB limit but within 4×: drained, answered, and the same connection answers again.
    const drained = await overOneSocket([post('/v1/decisions/approval', tooLarge), post('/v1/decisions/approval', APPROVE_BODY)]);
    expect(drained.answers.map((a) => a.status)).toEqual([413, 200]);
    expect(JSON.parse(drained.answers[0]!.body)).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    expect(drained.answers[0]!.headers).not.toContain('connection: close');
    expect(JSON.parse(drained.answers[1]!.body)).toMatchObject({ outcome: 'approve', release: release.id });
    // Far over (more than 4× the limit): the JSON 413, then the server closes the connection cleanly.
    const huge = JSON.stringify({ facts: { note: 'x'.repeat(300 * 1024) } });
    const cut = await overOneSocket([post('/v1/decisions/approval', huge), post('/v1/decisions/approval', APPROVE_BODY)]);
    expect(cut.answers.map((a) => a.status)).toEqual([413]);
    expect(JSON.parse(cut.answers[0]!.body)).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    expect(cut.answers[0]!.headers).toContain('connection: close');
    expect(cut.closed).toBe(true);
    expect((await call(port, 'GET', '/healthz')).status).toBe(200);
  });

  it('logs one JSON line per request: decision, release, outcome, duration; a batch its cases and how many were invalid', async () => {
    logs.length = 0;
    await call(port, 'POST', '/v1/decisions/approval', APPROVE_BODY);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ method: 'POST', path: '/v1/decisions/approval', status: 200, decision: 'approval', release: release.id, outcome: 'approve' });
    expect(typeof logs[0]!.durationMs).toBe('number');
    const one = JSON.parse(APPROVE_BODY) as object;
    await call(port, 'POST', '/v1/decisions/approval/batch', JSON.stringify({ cases: [one, { facts: {} }, one] }));
    expect(logs[1]).toMatchObject({ decision: 'approval', status: 200, cases: 3, invalid: 1 });
  });

  const raw = (bytes: string, hangUpAfterMs?: number): Promise<string> => rawExchange(port, bytes, hangUpAfterMs);
  const waitForLogs = async (n: number): Promise<void> => {
    for (let i = 0; i < 100 && logs.length < n; i += 1) await new Promise((ok) => setTimeout(ok, 20));
  };

  it('an invalid single case is 422 with its outcome in the log line, on the compiled path and on ?reference=1 alike', async () => {
    logs.length = 0;
    const body = JSON.stringify({ asOf: '2025-01-01', facts: { principal: -1 } });
    const fast = await call(port, 'POST', '/v1/decisions/lateInterest', body);
    const ref = await call(port, 'POST', '/v1/decisions/lateInterest?reference=1', body);
    expect(fast.status).toBe(422);
    expect(ref.status).toBe(422);
    expect(ref.body).toEqual(fast.body);
    expect(fast.body).toMatchObject({ outcome: 'invalid', release: release.id });
    await waitForLogs(2);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatchObject({ decision: 'lateInterest', status: 422, outcome: 'invalid' });
    expect(logs[0]!.reference).toBeUndefined();
    expect(logs[1]).toMatchObject({ decision: 'lateInterest', status: 422, outcome: 'invalid', reference: true });
  });

  it('what node’s parser refuses gets a JSON error and a log line too; a client that hangs up mid-body is logged once, as 499', async () => {
    logs.length = 0;
    const garbage = await raw('GARBAGE\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const badLength = await raw('POST /v1/decisions/approval HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n');
    expect(badLength).toMatch(/^HTTP\/1\.1 400 [^]*"code":"BAD_REQUEST"/);
    const longHeaders = await raw(`GET /healthz?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(longHeaders).toMatch(/^HTTP\/1\.1 431 [^]*"code":"HEADERS_TOO_LARGE"/);
    await waitForLogs(3);
    expect(logs.map((l) => [l.status, l.error])).toEqual([
      [400, 'BAD_REQUEST'],
      [400, 'BAD_REQUEST'],
      [431, 'HEADERS_TOO_LARGE'],
    ]);
    logs.length = 0;
    await raw('POST /v1/decisions/settlement HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"facts":', 100);
    await waitForLogs(1);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ path: '/v1/decisions/settlement', status: 499, error: 'CONNECTION_CLOSED' });
    expect((await call(port, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('authentication', () => {
  const dir = scratch();
  const release = loadReleaseFile(writeRelease(dir, 'release.json', folderRelease()));
  it('with a token file: bearer tokens checked against SHA-256 and scrypt hashes; /healthz open; the token never logged', async () => {
    const billing = await hashToken('billing', 'billing-token-0123456789');
    const shaToken = 'ops-token-abcdefghijklmnop';
    const tokensFile = join(dir, 'tokens');
    writeFileSync(tokensFile, `# clients\n${billing.line}\nops sha256:${createHash('sha256').update(shaToken).digest('hex')}\n`);
    const logs: string[] = [];
    const server = createDecisionService({
      current: () => release,
      limits: { maxBodyBytes: 65536, maxBatch: 10 },
      tokens: new TokenChecker(parseTokenFile(tokensFile)),
      today: () => TODAY,
      log: (l) => logs.push(JSON.stringify(l)),
      programVersion: 'test',
    });
    const port = await listen(server);
    try {
      const body = APPROVE_BODY;
      const none = await call(port, 'POST', '/v1/decisions/approval', body);
      expect(none.status).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect((none.body as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
      expect((await call(port, 'POST', '/v1/decisions/approval', body, { authorization: 'Bearer not-a-known-token-xyz' })).status).toBe(401);
      expect((await call(port, 'GET', '/openapi.json')).status).toBe(401);
      const ok = await call(port, 'POST', '/v1/decisions/approval', body, { authorization: 'Bearer billing-token-0123456789' });
      expect(ok.status).toBe(200);
      expect((await call(port, 'GET', '/v1/versions', undefined, { authorization: `Bearer ${shaToken}` })).status).toBe(200);
      // Asked again, each token is answered from the checker's verdicts (TokenChecker.known): the same answers.
      expect((await call(port, 'POST', '/v1/decisions/approval', body, { authorization: 'Bearer billing-token-0123456789' })).status).toBe(200);
      expect((await call(port, 'POST', '/v1/decisions/approval', body, { authorization: 'Bearer not-a-known-token-xyz' })).status).toBe(401);
      expect((await call(port, 'GET', '/v1/versions', undefined, { authorization: `Bearer ${shaToken}` })).status).toBe(200);
      expect((await call(port, 'GET', '/healthz')).status).toBe(200);
      const joined = logs.join('\n');
      expect(joined).toContain('"client":"billing"');
      expect(joined).toContain('"client":"ops"');
      expect(joined).not.toContain('billing-token-0123456789');
      expect(joined).not.toContain(shaToken);
      expect(joined).not.toContain('not-a-known-token-xyz');
    } finally {
      await close(server);
    }
  });

  it('a token file with a raw token or a bad hash is refused with its line', () => {
    const f = join(dir, 'bad-tokens');
    writeFileSync(f, 'billing s3cr3t-token\n');
    expect(() => parseTokenFile(f)).toThrow(/line 1/);
    writeFileSync(f, '# nothing\n');
    expect(() => parseTokenFile(f)).toThrow(/lists no token/);
  });

  it('without a token file, a client not on this machine is refused (403)', async () => {
    const listener = decisionListener({ current: () => release, limits: { maxBodyBytes: 1024, maxBatch: 1 }, today: () => TODAY, log: () => undefined, programVersion: 'test' });
    const reply = (remoteAddress: string): Promise<{ status: number; body: string }> =>
      new Promise((resolve) => {
        const req = Object.assign(new PassThrough(), {
          method: 'GET',
          url: '/v1/versions',
          headers: { host: 'localhost:8787' },
          rawHeaders: ['host', 'localhost:8787'],
          socket: { remoteAddress },
        });
        req.end();
        let status = 0;
        const res = {
          headersSent: false,
          statusCode: 0,
          writeHead(s: number) {
            status = s;
            this.statusCode = s;
            return this;
          },
          end(text: string) {
            resolve({ status, body: text });
          },
        };
        listener(req as never, res as never);
      });
    const remote = await reply('192.0.2.10');
    expect(remote.status).toBe(403);
    expect(JSON.parse(remote.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await reply('127.0.0.1')).status).toBe(200);
    expect((await reply('::1')).status).toBe(200);
  });
});

describe('a directory of releases', () => {
  it('serves the newest valid release, switches under load without a failed request, and ignores an invalid new one', async () => {
    const dir = scratch();
    const first = folderRelease('2026-01-01T00:00:00.000Z');
    const second = folderRelease('2026-02-01T00:00:00.000Z');
    writeRelease(dir, 'a.json', first);
    const events: StoreEvent[] = [];
    const store = new ReleaseStore(dir, { pollMs: 50, log: (e) => events.push(e) });
    expect(store.start().id).toBe(first.id);
    const server = createDecisionService({
      current: () => store.current(),
      limits: { maxBodyBytes: 65536, maxBatch: 10 },
      today: () => TODAY,
      log: () => undefined,
      programVersion: 'test',
    });
    const port = await listen(server);
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const body = JSON.stringify({ asOf: '2025-02-28', facts: { course: 'M2035N・3年コース・クラウド７・SN', startDate: '2024-01-01', endDate: '2025-02-28' } });
    const seen = new Set<string>();
    const statuses: number[] = [];
    let stop = false;
    const worker = async (): Promise<void> => {
      for (let i = 0; i < 400 && !stop; i += 1) {
        const r = await call(port, 'POST', '/v1/decisions/settlement', body, {}, agent);
        statuses.push(r.status);
        const b = r.body as { release: string; amount: number };
        seen.add(b.release);
        if (b.amount !== 14000) statuses.push(-1);
      }
    };
    const load = Promise.all([worker(), worker(), worker(), worker()]);
    const waitFor = async (what: () => boolean): Promise<void> => {
      for (let i = 0; i < 400 && !what(); i += 1) await new Promise((ok) => setTimeout(ok, 25));
    };
    await waitFor(() => statuses.length >= 20);
    // A broken release (one byte changed) appears first: logged, ignored, the old one keeps serving.
    const broken = JSON.stringify(folderRelease('2026-03-01T00:00:00.000Z'), null, 2).replace('"monthlyFee": 1', '"monthlyFee": 2');
    writeFileSync(join(dir, 'c.json'), broken);
    await waitFor(() => events.some((e) => e.event === 'release.rejected'));
    expect(store.current().id).toBe(first.id);
    // A valid newer one, written to a side file and renamed in (as writeReleaseFile does).
    writeFileSync(join(dir, 'b.json.part'), JSON.stringify(second));
    renameSync(join(dir, 'b.json.part'), join(dir, 'b.json'));
    await waitFor(() => store.current().id === second.id);
    const at = statuses.length;
    await waitFor(() => statuses.length >= at + 20);
    stop = true;
    await load;
    agent.destroy();
    store.stop();
    await close(server);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect([...seen].sort()).toEqual([first.id, second.id].sort());
    expect(events.find((e) => e.event === 'release.rejected')).toMatchObject({ file: join(dir, 'c.json'), code: 'RELEASE_HASH' });
    expect(events.filter((e) => e.event === 'release.loaded').map((e) => (e as { release: string }).release)).toEqual([first.id, second.id]);
    // An older release appearing later is not served.
    writeRelease(dir, 'old.json', folderRelease('2025-12-01T00:00:00.000Z'));
    store.scan();
    expect(store.current().id).toBe(second.id);
  });

  it('a release copied in with a plain cp is not reported broken while it is written; a cut-off file that stays so is, once', () => {
    const dir = scratch();
    const first = folderRelease('2026-01-01T00:00:00.000Z');
    writeRelease(dir, 'a.json', first);
    const events: StoreEvent[] = [];
    let now = 0;
    // No timer within the test (pollMs), a clock of its own: each scan is the test's.
    const store = new ReleaseStore(dir, { pollMs: 60_000, now: () => now, log: (e) => events.push(e) });
    store.start();
    const second = `${JSON.stringify(folderRelease('2026-02-01T00:00:00.000Z'), null, 2)}\n`;
    // cp writes the file in pieces; the directory is scanned between them.
    writeFileSync(join(dir, 'b.json'), '');
    store.scan();
    for (const cut of [0.25, 0.5, 0.75]) {
      writeFileSync(join(dir, 'b.json'), second.slice(0, Math.floor(second.length * cut)));
      store.scan();
      now += 1_000;
      store.scan();
    }
    writeFileSync(join(dir, 'b.json'), second);
    store.scan();
    expect(events.filter((e) => e.event !== 'release.loaded')).toEqual([]);
    expect(store.current().manifest.builtAt).toBe('2026-02-01T00:00:00.000Z');
    // A file cut off for good: judged once it has not changed for a poll interval, and said once.
    writeFileSync(join(dir, 'c.json'), second.slice(0, 1000));
    store.scan();
    expect(events.filter((e) => e.event === 'release.rejected')).toEqual([]);
    now += 60_000;
    store.scan();
    store.scan();
    expect(events.filter((e) => e.event === 'release.rejected')).toEqual([expect.objectContaining({ file: join(dir, 'c.json'), code: 'RELEASE_JSON' })]);
    store.stop();
  });

  it('taking the served release out of the directory goes back to the newest valid one left (a rollback); with none left, the removed one is still served and that is said once', () => {
    const dir = scratch();
    const first = folderRelease('2026-01-01T00:00:00.000Z');
    const second = folderRelease('2026-02-01T00:00:00.000Z');
    writeRelease(dir, 'a.json', first);
    writeRelease(dir, 'b.json', second);
    writeFileSync(join(dir, 'broken.json'), '{}');
    const events: StoreEvent[] = [];
    const store = new ReleaseStore(dir, { pollMs: 60_000, log: (e) => events.push(e) });
    expect(store.start().id).toBe(second.id);
    events.length = 0;
    unlinkSync(join(dir, 'b.json'));
    store.scan();
    expect(store.current().id).toBe(first.id);
    expect(store.fileOf(store.current())).toBe(join(dir, 'a.json'));
    expect(events).toEqual([
      { event: 'release.removed', file: join(dir, 'b.json'), release: second.id, serving: first.id },
      { event: 'release.loaded', file: join(dir, 'a.json'), release: first.id, builtAt: '2026-01-01T00:00:00.000Z', previous: second.id },
    ]);
    events.length = 0;
    unlinkSync(join(dir, 'a.json'));
    store.scan();
    store.scan();
    expect(store.current().id).toBe(first.id);
    expect(events).toEqual([expect.objectContaining({ event: 'release.removed', file: join(dir, 'a.json'), release: first.id, serving: first.id })]);
    // A release put back (here the second again) is served, as any new one.
    writeRelease(dir, 'b.json', second);
    store.scan();
    expect(store.current().id).toBe(second.id);
    // An earlier release copied over the served one's file: the newest now in the directory is served, this one.
    events.length = 0;
    const mid = folderRelease('2026-01-15T00:00:00.000Z');
    writeRelease(dir, 'a.json', first);
    writeRelease(dir, 'b.json', mid);
    store.scan();
    expect(store.current().id).toBe(mid.id);
    expect(events.map((e) => e.event)).toEqual(['release.ignored', 'release.removed', 'release.loaded']);
    expect(events[1]).toEqual({ event: 'release.removed', file: join(dir, 'b.json'), release: second.id, serving: mid.id });
    store.stop();
  });

  it('--public-key that is not a usable public key is one error naming the key, not every release of the directory rejected over it', () => {
    const dir = scratch();
    writeRelease(dir, 'a.json', folderRelease('2026-01-01T00:00:00.000Z'));
    writeRelease(dir, 'b.json', folderRelease('2026-02-01T00:00:00.000Z'));
    const { privateKey } = ed25519Keys(scratch(), 'release');
    for (const [key, code] of [
      [privateKey, 'KEY_INVALID'],
      [join(dir, 'missing.pub'), 'KEY_UNREADABLE'],
    ] as const) {
      const r = tariff('serve', '--release', dir, '--public-key', key, '--port', '0');
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`tariff serve: ${code}\n  ${key}: `);
      expect(r.stderr).not.toContain('NO_RELEASE');
      expect(r.stdout).not.toContain('release.rejected');
    }
  });
});

/** `tariff serve ARGS` in a child: its stdout so far, waits on it, and its exit; `lines()` parses every line as JSON (a cut line fails). */
const children: ChildProcess[] = [];
// A test that fails part way leaves no service behind (SIGTERM stops a primary and its workers).
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
});
const serveChild = (args: string[]) => {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const io = { out: '', err: '' };
  child.stdout.on('data', (d: Buffer) => (io.out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (io.err += d.toString('utf8')));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const count = (re: RegExp): number => (io.out.match(new RegExp(re.source, 'g')) ?? []).length;
  return {
    child,
    io,
    exited,
    /** Waits (bounded, about 30 s) until `re` occurs `n` times in stdout. */
    async until(re: RegExp, n = 1): Promise<void> {
      for (let i = 0; i < 600 && count(re) < n; i += 1) await new Promise((ok) => setTimeout(ok, 50));
    },
    lines: (): Record<string, unknown>[] =>
      io.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
};

/** `tariff serve` on a new release of the folders and a free port, once it listens: the child, the release file and the port. */
const servingChild = async () => {
  const file = writeRelease(scratch(), 'r.json', folderRelease());
  const s = serveChild(['--release', file, '--port', '0']);
  await s.until(/"event":"listening"/);
  return { s, file, port: Number(/127\.0\.0\.1:(\d+)/.exec(s.io.out)![1]) };
};

describe('tariff serve', () => {
  it('serves from the command line, logs JSON lines and stops on SIGTERM after the requests in flight', async () => {
    const { s, file, port } = await servingChild();
    const r = await call(port, 'POST', '/v1/decisions/approval', APPROVE_BODY);
    expect(r.status).toBe(200);
    // A batch is answered in a batch thread (on by default): the same answer as the single request.
    const one = JSON.parse(APPROVE_BODY) as object;
    const batch = await call(port, 'POST', '/v1/decisions/approval/batch', JSON.stringify({ cases: [one, one] }));
    expect(batch.status).toBe(200);
    expect((batch.body as { outputs: unknown[] }).outputs).toEqual([r.body, r.body]);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const lines = s.lines();
    expect(lines.map((l) => l.event ?? 'request')).toEqual(['release.loaded', 'listening', 'request', 'request', 'stopping', 'stopped']);
    expect(lines[1]!.batchThreads).toBeGreaterThan(0);
    expect(lines[2]).toMatchObject({ decision: 'approval', outcome: 'approve', status: 200, release: JSON.parse(readFileSync(file, 'utf8')).id });
  });

  it("docs/decision-service.md's curl example: the case.json it writes, posted as it says, is answered settle 14000, as its comment says", async () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'decision-service.md'), 'utf8');
    const example =
      /cat > case\.json <<'JSON'\n(.*)\nJSON\ncurl -s -H 'content-type: application\/json' -d @case\.json http:\/\/127\.0\.0\.1:8787(\/v1\/decisions\/settlement) +# outcome settle, amount 14000\n/.exec(
        doc,
      );
    expect(example, 'the doc writes case.json and posts it').not.toBeNull();
    const { s, port } = await servingChild();
    const r = await call(port, 'POST', example![2]!, example![1]!, { 'content-type': 'application/json' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ decision: 'settlement', outcome: 'settle', amount: 14000 });
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('GET /v1/versions says a signed release was verified only when the service was given the public key that verifies it', async () => {
    const dir = scratch();
    const keys = ed25519Keys(dir, 'release');
    const file = writeRelease(dir, 'signed.json', folderRelease('2026-01-01T00:00:00.000Z', keys.privateKey));
    const keyId = (JSON.parse(readFileSync(file, 'utf8')) as { signature: { keyId: string } }).signature.keyId;
    for (const [extra, verified] of [
      [['--public-key', keys.publicKey], true],
      [[], false],
    ] as const) {
      const s = serveChild(['--release', file, '--port', '0', '--batch-threads', '0', ...extra]);
      await s.until(/"event":"listening"/);
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(s.io.out)![1]);
      expect((await call(port, 'GET', '/v1/versions')).body, extra.join(' ')).toMatchObject({ signed: true, signedBy: keyId, signatureVerified: verified });
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    }
  });
});

describe('tariff serve: the slow-client limits and --trust-proxy from the command line', () => {
  it('takes the limits and the trusted proxies, says them when it listens, cuts a slow client off with 408 and logs the forwarded address', async () => {
    const file = writeRelease(scratch(), 'r.json', folderRelease());
    const s = serveChild(['--release', file, '--port', '0', '--batch-threads', '0', '--headers-timeout-ms', '200', '--request-timeout-ms', '400', '--trust-proxy', '127.0.0.1']);
    await s.until(/"event":"listening"/);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(s.io.out)![1]);
    const listening = s.lines().find((l) => l.event === 'listening')!;
    expect(listening.http).toMatchObject({ headersTimeoutMs: 200, requestTimeoutMs: 400, keepAliveTimeoutMs: 120_000, maxConnections: 512 });
    expect(listening.trustProxy).toEqual(['127.0.0.1']);
    const slow = await slowClient(port, `GET /v1/versions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `, 'a'.repeat(600));
    expect(slow.closedByServer).toBe(true);
    expect(slow.got).toMatch(/^HTTP\/1\.1 408 /u);
    const forwarded = await rawExchange(port, `GET /v1/versions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Forwarded-For: ::1\r\nConnection: close\r\n\r\n`);
    expect(forwarded).toMatch(/^HTTP\/1\.1 200 /u);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.lines().find((l) => l.path === '/v1/versions' && l.status === 200)).toMatchObject({ address: '::1' });
  });

  it('refuses limits that cannot hold and a --trust-proxy that is no address, with exit 2 naming the flag', () => {
    const file = writeRelease(scratch(), 'r.json', folderRelease());
    for (const [args, said] of [
      [['--headers-timeout-ms', '0'], '--headers-timeout-ms must be a whole number from 1'],
      [['--max-connections', 'many'], '--max-connections must be a whole number from 1'],
      [['--headers-timeout-ms', '5000', '--request-timeout-ms', '1000'], '--headers-timeout-ms (5000 ms) cannot be longer than --request-timeout-ms'],
      [['--trust-proxy', 'proxy.example'], '"proxy.example" is not an IP address or a CIDR block'],
    ] as const) {
      const r = tariff('serve', '--release', file, '--port', '0', ...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(said);
    }
  });
});

describe('tariff serve --workers', () => {
  it('answers from two processes on one port, each line whole JSON, replaces a worker that dies, and stops them all on SIGTERM', async () => {
    const dir = scratch();
    const file = writeRelease(dir, 'r.json', folderRelease());
    const s = serveChild(['--release', file, '--port', '0', '--workers', '2']);
    await s.until(/"event":"listening"/, 2);
    const ports = [...s.io.out.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
    expect(new Set(ports).size).toBe(1);
    // A new connection per request: the primary hands connections to the workers in turn.
    const agent = new Agent({ keepAlive: false });
    const replies = await Promise.all(Array.from({ length: 24 }, () => call(ports[0]!, 'POST', '/v1/decisions/approval', APPROVE_BODY, {}, agent)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    await s.until(/"decision":"approval"/, 24);
    // A worker that dies is replaced; the service answers on.
    const firstWorker = s.lines().find((l) => l.event === 'listening')!.worker as number;
    process.kill(firstWorker, 'SIGKILL');
    await s.until(/"event":"listening"/, 3);
    expect(s.io.out).toContain('"event":"worker.exited"');
    const after = await Promise.all(Array.from({ length: 6 }, () => call(ports[0]!, 'POST', '/v1/decisions/approval', APPROVE_BODY, {}, agent)));
    expect(after.every((r) => r.status === 200)).toBe(true);
    await s.until(/"decision":"approval"/, 30);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const lines = s.lines();
    const requests = lines.filter((l) => l.decision === 'approval');
    expect(requests).toHaveLength(30);
    expect(new Set(requests.slice(0, 24).map((l) => l.worker)).size).toBe(2);
    expect(lines.filter((l) => l.event === 'listening').map((l) => l.worker)).toHaveLength(3);
    expect(lines.find((l) => l.event === 'worker.exited')).toMatchObject({ signal: 'SIGKILL' });
    expect(lines.filter((l) => l.event === 'stopped')).toHaveLength(3);
    expect(lines.at(-1)).toEqual({ event: 'stopped', workers: 2 });
    // Every line of a worker names it by its process id, the primary's worker.exited too; the primary's own lines name none.
    for (const l of lines.filter((x) => ['release.loaded', 'listening'].includes(String(x.event)))) expect(typeof l.worker).toBe('number');
    expect(lines.filter((l) => l.event === 'stopping').map((l) => typeof l.worker)).toEqual(expect.arrayContaining(['undefined', 'number', 'number']));
    expect(lines.find((l) => l.event === 'worker.exited')!.worker).toBe(firstWorker);
  });

  it('holds the bad-token limit for the whole service: an address gets 20 new wrong tokens a minute from all the workers together, not 20 from each', async () => {
    const dir = scratch();
    const file = writeRelease(dir, 'r.json', folderRelease());
    const tokens = join(dir, 'tokens.txt');
    writeFileSync(tokens, `billing sha256:${createHash('sha256').update('billing-token-0123456789').digest('hex')}\n`);
    const s = serveChild(['--release', file, '--port', '0', '--workers', '2', '--batch-threads', '0', '--tokens', tokens]);
    await s.until(/"event":"listening"/, 2);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(s.io.out)![1]);
    // A new connection per request: the primary hands them to the two workers in turn. One more than twice the limit.
    const agent = new Agent({ keepAlive: false });
    const ask = (token: string) => call(port, 'GET', '/v1/versions', undefined, { authorization: `Bearer ${token}` }, agent);
    // The good token first, to each worker in turn: counted while it is checked, given back before it is answered.
    for (let i = 0; i < 2; i += 1) expect((await ask('billing-token-0123456789')).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 41; i += 1) statuses.push((await ask(`guess-${i}-0123456789`)).status);
    expect(statuses.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 401));
    expect(statuses.slice(20)).toEqual(Array.from({ length: 21 }, () => 429));
    await s.until(/"path":"\/v1\/versions"/, 43);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const lines = s.lines().filter((l) => l.path === '/v1/versions');
    expect(lines).toHaveLength(43);
    expect(new Set(lines.filter((l) => l.status === 200).map((l) => l.worker)).size).toBe(2);
    // Both workers checked wrong tokens and both refused past the limit: one count, not one per worker.
    expect(new Set(lines.filter((l) => l.status === 401).map((l) => l.worker)).size).toBe(2);
    expect(new Set(lines.filter((l) => l.status === 429).map((l) => l.worker)).size).toBe(2);
    expect(s.io.out).not.toContain('guess-');
  });

  it('refuses a port in use with one line and exit 2, with one process or several (no worker started and restarted)', async () => {
    const { s, file, port } = await servingChild();
    const busy = String(port);
    for (const extra of [[], ['--workers', '2']]) {
      const second = serveChild(['--release', file, '--port', busy, ...extra]);
      expect(await second.exited).toBe(2);
      expect(second.io.err.trim()).toBe(`tariff serve: cannot listen on 127.0.0.1:${busy}: the port is in use by another process; stop it or choose another --port`);
      expect(second.io.out).not.toContain('"event":"workers"');
    }
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('refuses a bad release once, before starting any worker', async () => {
    const dir = scratch();
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"not": "a release"}');
    const s = serveChild(['--release', file, '--port', '0', '--workers', '2']);
    expect(await s.exited).toBe(2);
    expect(s.io.out).not.toContain('"event":"workers"');
    expect(s.io.err).toContain('broken.json');
  });
});

describe('tariff serve --workers N --max-connections M: M is the total, split among the workers', () => {
  it('gives each worker its share (the shares add up to M), says so, and holds no more than M connections at once across the workers', async () => {
    const file = writeRelease(scratch(), 'r.json', folderRelease());
    const s = serveChild(['--release', file, '--port', '0', '--workers', '2', '--max-connections', '3', '--batch-threads', '0']);
    await s.until(/"event":"listening"/, 2);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(s.io.out)![1]);
    expect(s.lines().find((l) => l.event === 'workers')).toEqual({
      event: 'workers',
      count: 2,
      maxConnections: 3,
      connectionsPerWorker: [2, 1],
      sighup: 'ignored (no terminal attached, as under nohup)',
    });
    const shares = s
      .lines()
      .filter((l) => l.event === 'listening')
      .map((l) => (l.http as { maxConnections: number }).maxConnections);
    expect(shares.sort()).toEqual([1, 2]);
    // Eight connections, each in the middle of its headers (not idle: none is closed to make room).
    // Past the total of 3 a connection is closed unanswered, whichever worker it was handed to.
    const held = [];
    for (let i = 0; i < 8; i += 1) {
      const c = await new Promise<{ socket: ReturnType<typeof connect>; got: string[]; closed: boolean }>((ok) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`GET /v1/versions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
          ok(entry);
        });
        const entry = { socket, got: [] as string[], closed: false };
        socket.on('data', (d: Buffer) => entry.got.push(d.toString('utf8')));
        socket.on('error', () => undefined);
        socket.on('close', () => (entry.closed = true));
      });
      held.push(c);
    }
    // Bounded wait (about 5 s) for the refused ones; one cap per worker of 3 would refuse only 2.
    for (let i = 0; i < 250 && held.filter((c) => c.closed).length < 5; i += 1) await new Promise((ok) => setTimeout(ok, 20));
    const refused = held.filter((c) => c.closed);
    const open = held.filter((c) => !c.closed);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(refused.every((c) => c.got.join('') === '')).toBe(true);
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.length).toBeLessThanOrEqual(3);
    // The connections held are served once their headers end.
    const answers = await Promise.all(
      open.map(
        (c) =>
          new Promise<string>((ok) => {
            c.socket.on('close', () => ok(c.got.join('')));
            c.socket.write('Connection: close\r\n\r\n');
          }),
      ),
    );
    expect(answers.every((a) => a.startsWith('HTTP/1.1 200 '))).toBe(true);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.lines().some((l) => l.error === 'TOO_MANY_CONNECTIONS')).toBe(true);
  });

  it('the shares: as even as whole numbers go, adding up to the total', () => {
    expect([0, 1].map((slot) => connectionShare(7, 2, slot))).toEqual([4, 3]);
    for (const [total, count] of [
      [512, 3],
      [5, 5],
      [1_000_000, 64],
      [100, 7],
    ] as const) {
      const shares = Array.from({ length: count }, (_, slot) => connectionShare(total, count, slot));
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
  });

  it('refuses fewer connections than workers (exit 2), before starting any', () => {
    const file = writeRelease(scratch(), 'r.json', folderRelease());
    const r = tariff('serve', '--release', file, '--port', '0', '--workers', '3', '--max-connections', '2');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('--max-connections (2) is the total of all workers and must be at least --workers (3)');
    expect(r.stdout).not.toContain('"event":"workers"');
  });
});

describe('tariff serve: --max-header-bytes and --max-header-count from the command line', () => {
  it('takes them, says them when it listens, answers a request over either 431 with a JSON code, and serves on', async () => {
    const file = writeRelease(scratch(), 'r.json', folderRelease());
    const s = serveChild(['--release', file, '--port', '0', '--batch-threads', '0', '--max-header-bytes', '4096', '--max-header-count', '32']);
    await s.until(/"event":"listening"/);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(s.io.out)![1]);
    expect(s.lines().find((l) => l.event === 'listening')!.http).toMatchObject({ maxHeaderBytes: 4096, maxHeaders: 32 });
    const head = `GET /v1/versions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`;
    const lines = Array.from({ length: 31 }, (_, i) => `X-Pad-${i}: x\r\n`).join('');
    const many = await rawExchange(port, `${head}${lines}Connection: close\r\n\r\n`);
    expect(many).toMatch(/^HTTP\/1\.1 431 [^]*"code":"TOO_MANY_HEADERS"/u);
    const long = await rawExchange(port, `${head}X-Fill: ${'f'.repeat(4200)}\r\nConnection: close\r\n\r\n`);
    expect(long).toMatch(/^HTTP\/1\.1 431 [^]*"code":"HEADERS_TOO_LARGE"/u);
    expect(await rawExchange(port, `${head}Connection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 200 /u);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('refuses values outside the bounds with exit 2 naming the flag', () => {
    const file = writeRelease(scratch(), 'r.json', folderRelease());
    for (const [args, said] of [
      [['--max-header-bytes', '100'], '--max-header-bytes must be a whole number from 4,096 to 1,048,576'],
      [['--max-header-count', '0'], '--max-header-count must be a whole number from 32 to 1,000'],
    ] as const) {
      const r = tariff('serve', '--release', file, '--port', '0', ...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(said);
    }
  });
});

describe('TokenChecker.known', () => {
  it('has no verdict on a token before check, then the checked one: the client, or null when refused', async () => {
    const checker = new TokenChecker([{ name: 'ops', kind: 'sha256', hash: createHash('sha256').update('ops-token-abcdefghijklmnop').digest() }]);
    expect(checker.known('ops-token-abcdefghijklmnop')).toBeUndefined();
    expect(await checker.check('ops-token-abcdefghijklmnop')).toBe('ops');
    expect(checker.known('ops-token-abcdefghijklmnop')).toBe('ops');
    expect(await checker.check('wrong-token-abcdefghijklmnop')).toBeUndefined();
    expect(checker.known('wrong-token-abcdefghijklmnop')).toBeNull();
  });
});

describe('the token file changed while the service runs', () => {
  const line = (name: string, token: string) => `${name} sha256:${createHash('sha256').update(token).digest('hex')}\n`;

  it('a client added is accepted and one taken out refused from its next request, without a restart; a broken or deleted file keeps the tokens in force, said once', async () => {
    const dir = scratch();
    const file = join(dir, 'tokens.txt');
    writeFileSync(file, line('billing', 'billing-token-0123456789'));
    const checker = new TokenChecker(parseTokenFile(file));
    const events: object[] = [];
    const watch = watchTokenFile(file, checker, (e) => events.push(e), 60_000);
    expect(await checker.check('billing-token-0123456789')).toBe('billing');
    expect(await checker.check('ops-token-0123456789abc')).toBeUndefined();
    writeFileSync(file, line('ops', 'ops-token-0123456789abc'));
    watch.poll();
    expect(events).toEqual([{ event: 'tokens.loaded', file, clients: ['ops'] }]);
    // Both verdicts were kept before: the file now decides again.
    expect(await checker.check('ops-token-0123456789abc')).toBe('ops');
    expect(await checker.check('billing-token-0123456789')).toBeUndefined();
    // An editor that empties the file before writing it is not reported; a file left broken is, once.
    events.length = 0;
    writeFileSync(file, '');
    watch.poll();
    expect(events).toEqual([]);
    writeFileSync(file, 'ops not-a-hash\n');
    watch.poll();
    watch.poll();
    watch.poll();
    expect(events).toEqual([expect.objectContaining({ event: 'tokens.rejected', file, code: 'TOKENS_FORMAT', still: 'the tokens read before are in force' })]);
    expect(await checker.check('ops-token-0123456789abc')).toBe('ops');
    unlinkSync(file);
    watch.poll();
    watch.poll();
    expect(events.at(-1)).toMatchObject({ event: 'tokens.rejected', code: 'TOKENS_UNREADABLE' });
    expect(await checker.check('ops-token-0123456789abc')).toBe('ops');
    watch.stop();
  });

  it('tariff serve --tokens FILE: a line appended is a client from its next request, logged tokens.loaded with the client names only', async () => {
    const dir = scratch();
    const tokens = join(dir, 'tokens.txt');
    writeFileSync(tokens, line('billing', 'billing-token-0123456789'));
    const file = writeRelease(dir, 'r.json', folderRelease());
    const s = serveChild(['--release', file, '--port', '0', '--batch-threads', '0', '--tokens', tokens]);
    await s.until(/"event":"listening"/);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(s.io.out)![1]);
    const ops = { authorization: 'Bearer ops-token-0123456789abc' };
    expect((await call(port, 'GET', '/v1/versions', undefined, ops)).status).toBe(401);
    writeFileSync(tokens, line('ops', 'ops-token-0123456789abc'), { flag: 'a' });
    await s.until(/"event":"tokens.loaded"/);
    expect((await call(port, 'GET', '/v1/versions', undefined, ops)).status).toBe(200);
    expect(s.lines().find((l) => l.event === 'tokens.loaded')).toEqual({ event: 'tokens.loaded', file: tokens, clients: ['billing', 'ops'] });
    expect(s.io.out).not.toContain('ops-token-0123456789abc');
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });
});
