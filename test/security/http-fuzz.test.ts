import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/cli/options.js';
import type { CaseInput } from '../../src/engine/output-types.js';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { listCaseFiles, readCaseFile } from '../../src/io/case-files.js';
import { SERVICE_HTTP_LIMITS, type HttpLimits } from '../../src/io/http-limits.js';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { createDecisionService } from '../../src/serve/decision-service.js';
import type { AccessLogLine } from '../../src/serve/service-types.js';
import { hashToken, parseTokenFile, TokenChecker } from '../../src/serve/tokens.js';
import { CALL_NAMES } from '../../src/studio/api/contract.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { startBrowserStudio, type BrowserStudio } from '../../src/studio/server/browser-mode.js';
import { startTeamServer, type TeamServer } from '../../src/studio/server/team-server.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import { addUser } from '../../src/studio/team/user-store.js';
import { closeServer, listen } from '../raw-http.js';
import { folderRelease, scratch as releaseScratch, serviceOptions, writeRelease } from '../serve/helpers.js';
import { freshWorkspace, scratch, SEED, TODAY } from '../studio/helpers.js';
import {
  answerProblems,
  contentTypeArb,
  pipelined,
  exchange,
  extraHeaderArb,
  framingArb,
  methodArb,
  nested,
  oddValueArb,
  queryArb,
  rawBodyTextArb,
  segmentArb,
  type Framing,
  type FuzzRequest,
} from './http-fuzz.js';

/**
 * Fuzzing every endpoint of the decision service (`tariff serve`) and the studio's HTTP API (the
 * browser mode over a workspace in a temp folder) with fast-check, over raw sockets on loopback:
 * random methods, paths (encoded, `..`, very long, unicode), headers (Content-Type variants,
 * duplicate Content-Length, chunked bodies with bad chunk sizes, both framings), bodies (random
 * JSON, deep nesting, numbers past a double, NaN-like strings, a wrong type at every fact,
 * unknown decisions, batches mixing good and bad cases). For every request: an answer (the
 * connection closed by the server, never left hanging), never a 5xx, every error JSON with a code,
 * and no secret (a bearer token, the per-run URL secret, a file outside the renderer's folder) in
 * any answer or log line. After each property the server still answers its health check. Bounded:
 * at most 200 runs a property, timeouts short, no timing assertion.
 */

/** Short timeouts: a request that frames its body wrong is answered 408 within seconds, not minutes. */
const FUZZ_HTTP: HttpLimits = { ...SERVICE_HTTP_LIMITS, headersTimeoutMs: 3000, requestTimeoutMs: 5000 };
const RUNS = 200;

const DECISION_SET = new Set<string>(DECISIONS);
/** One case of each decision from the committed case files: the good bodies the mutations start from. */
const goodCases = (): Map<string, CaseInput> => {
  const out = new Map<string, CaseInput>();
  for (const file of listCaseFiles([join(DEFAULT_RULES, '..', 'test', 'cases')]))
    for (const c of readCaseFile(file).cases)
      if (c.decision && DECISION_SET.has(c.decision) && !out.has(c.decision) && c.facts && Object.keys(c.facts).length > 0 && c.expect?.outcome !== 'invalid')
        out.set(c.decision, { asOf: c.asOf, facts: c.facts, ...(c.interpretations ? { interpretations: c.interpretations } : {}) });
  return out;
};

/** A case with one thing wrong (or nothing): a fact of an odd value or type, one missing, one unknown, an odd date or interpretation. */
const caseArb = (cases: Map<string, CaseInput>): fc.Arbitrary<unknown> =>
  fc
    .tuple(fc.constantFrom(...cases.keys()), fc.nat(), oddValueArb, fc.constantFrom('keep', 'replace', 'replace', 'replace', 'drop', 'add', 'asOf', 'interpretation', 'facts'))
    .map(([decision, i, v, how]) => {
      const c = structuredClone(cases.get(decision)!) as Record<string, unknown> & { facts: Record<string, unknown> };
      const keys = Object.keys(c.facts);
      const key = keys[i % Math.max(1, keys.length)] ?? 'x';
      if (how === 'replace') c.facts[key] = v;
      if (how === 'drop') delete c.facts[key];
      if (how === 'add') c.facts[`unknown${i % 7}`] = v;
      if (how === 'asOf') c.asOf = v;
      if (how === 'interpretation') c.interpretations = { [key]: v };
      if (how === 'facts') c.facts = v as Record<string, unknown>;
      return c;
    });

/**
 * What every pipelined sequence must give, on any server: the connection closed by the server, at
 * least one answer and never more answers than requests, no 5xx, and none of `secrets` in the bytes.
 */
function expectPipelinedSane(reqs: readonly { method: string; target: string }[], r: Awaited<ReturnType<typeof pipelined>>, secrets: readonly string[]): void {
  const shown = `${reqs.map((q) => `${q.method} ${q.target.slice(0, 80)}`).join(' | ')} → ${r.statuses.join(', ')}`;
  expect(r.closedByServer, shown).toBe(true);
  expect(r.statuses.length, shown).toBeGreaterThanOrEqual(1);
  expect(r.statuses.length, shown).toBeLessThanOrEqual(reqs.length);
  expect(
    r.statuses.filter((st) => st >= 500),
    shown,
  ).toEqual([]);
  for (const secret of secrets) expect(r.raw.includes(secret), shown).toBe(false);
}

describe('fuzz: the decision service (tariff serve)', () => {
  const logs: AccessLogLine[] = [];
  const cases = goodCases();
  let open: Server;
  let guarded: Server;
  let openPort = 0;
  let guardedPort = 0;
  let token = '';

  beforeAll(async () => {
    const dir = releaseScratch();
    const release = loadReleaseFile(writeRelease(dir, 'release.json', folderRelease()));
    const made = await hashToken('fuzz');
    token = made.token;
    writeFileSync(join(dir, 'tokens.txt'), `${made.line}\n`);
    const opts = serviceOptions(release, logs, TODAY, 'test');
    const limits = { maxBodyBytes: 1024 * 1024, maxBatch: 50 };
    open = createDecisionService(opts({ http: FUZZ_HTTP, limits }));
    guarded = createDecisionService(opts({ http: FUZZ_HTTP, limits, tokens: new TokenChecker(parseTokenFile(join(dir, 'tokens.txt'))) }));
    openPort = await listen(open);
    guardedPort = await listen(guarded);
  });
  afterAll(async () => {
    await closeServer(open, true);
    await closeServer(guarded, true);
  });

  const bodyArb = fc.oneof(
    { weight: 4, arbitrary: caseArb(cases).map((c) => JSON.stringify(c)) },
    { weight: 2, arbitrary: fc.array(fc.oneof(caseArb(cases), oddValueArb), { maxLength: 8 }).map((list) => JSON.stringify({ cases: list })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: rawBodyTextArb },
  );
  const decisionArb = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...DECISIONS) },
    { weight: 1, arbitrary: segmentArb },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'APPROVAL', 'approval%00') },
  );
  const targetArb = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(decisionArb, fc.boolean(), queryArb).map(([d, batch, q]) => `/v1/decisions/${d}${batch ? '/batch' : ''}${q}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('/healthz', '/v1/versions', '/openapi.json', '/', '*', 'http://127.0.0.1/v1/versions', '//v1/versions', '/v1/decisions/', '/v1/decisions//batch'),
    },
    { weight: 2, arbitrary: fc.array(segmentArb, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`) },
  );
  /** Half the requests are right at the door (Host, token, method, type, framing), so that their paths and bodies reach the routes. */
  const doorArb = fc.oneof(
    fc.record({
      method: fc.constant('POST'),
      target: fc.tuple(fc.constantFrom(...DECISIONS), fc.boolean()).map(([d, batch]) => `/v1/decisions/${d}${batch ? '/batch' : ''}`),
      contentType: fc.constant<string | null>('application/json'),
      extra: fc.constant<[string, string][]>([]),
      framing: fc.constantFrom<Framing>('length', 'length', 'chunked'),
      auth: fc.constant('good'),
      host: fc.constant('own'),
    }),
    fc.record({
      method: fc.oneof({ weight: 4, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: methodArb }),
      target: targetArb,
      contentType: fc.option(contentTypeArb, { freq: 8 }),
      extra: fc.array(extraHeaderArb, { maxLength: 3 }),
      framing: framingArb,
      auth: fc.constantFrom('good', 'good', 'good', 'none', 'wrong', 'lower'),
      host: fc.constantFrom('own', 'own', 'own', 'localhost', 'evil', 'none', 'odd'),
    }),
  );
  const requestArb = fc
    .tuple(doorArb, bodyArb, fc.boolean())
    .map(([door, body, guarded]) => ({ ...door, body, guarded }))
    .map((r) => {
      const port = r.guarded ? guardedPort : openPort;
      const headers: [string, string][] = [];
      if (r.host === 'own') headers.push(['Host', `127.0.0.1:${port}`]);
      if (r.host === 'localhost') headers.push(['Host', 'localhost']);
      if (r.host === 'evil') headers.push(['Host', 'evil.example']);
      if (r.host === 'odd') headers.push(['Host', '127.0.0.1:99999'], ['Host', 'x']);
      if (r.auth === 'good') headers.push(['Authorization', `Bearer ${token}`]);
      if (r.auth === 'lower') headers.push(['authorization', `bearer ${token}`]);
      if (r.auth === 'wrong') headers.push(['Authorization', 'Bearer wrong-token-0123456789abcdef']);
      if (r.contentType !== null) headers.push(['Content-Type', r.contentType]);
      const req: FuzzRequest = { method: r.method, target: r.target, headers: [...headers, ...r.extra], body: r.body, framing: r.framing };
      return { port, req };
    });

  it(`answers every request (${RUNS} random ones) without a 5xx, a hang or a crash, every error JSON with a code, no token in an answer or a log line; /healthz answers after`, async () => {
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(requestArb, async ({ port, req }) => {
        const a = await exchange(port, req);
        if (a.status === 200 || a.status === 422) decided += 1;
        const problems = answerProblems(req, a);
        if (a.raw.includes(token)) problems.push('the bearer token is in the answer');
        expect(problems, `${req.method} ${req.target.slice(0, 200)} (${req.framing}) → ${a.raw.slice(0, 300)}`).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // Not every request is refused at the door: a good share reach a decision (or a route that answers).
    expect(decided).toBeGreaterThan(RUNS / 20);
    expect(JSON.stringify(logs)).not.toContain(token);
    expect(logs.filter((l) => l.status >= 500)).toEqual([]);
    for (const port of [openPort, guardedPort]) {
      const health = await exchange(port, { method: 'GET', target: '/healthz', headers: [['Host', `127.0.0.1:${port}`]], body: '', framing: 'none' });
      expect(health.status).toBe(200);
    }
  }, 300_000);

  it(`a wrong type at every fact of every decision (${RUNS} random ones, single and in batches beside good cases) is answered 200 or 4xx with a code, never 5xx`, async () => {
    const everyFact = fc.tuple(fc.constantFrom(...cases.keys()), fc.nat(), oddValueArb, fc.boolean(), fc.nat({ max: 3 })).map(([decision, i, v, batch, good]) => {
      const c = structuredClone(cases.get(decision)!) as { facts: Record<string, unknown> };
      const keys = Object.keys(c.facts);
      c.facts[keys[i % keys.length]!] = v;
      const body = batch ? { cases: [...Array.from({ length: good }, () => cases.get(decision)), c, 'not a case', null] } : c;
      return { decision, batch, text: JSON.stringify(body) };
    });
    await fc.assert(
      fc.asyncProperty(everyFact, async ({ decision, batch, text }) => {
        const req: FuzzRequest = {
          method: 'POST',
          target: `/v1/decisions/${decision}${batch ? '/batch' : ''}`,
          headers: [
            ['Host', `127.0.0.1:${openPort}`],
            ['Content-Type', 'application/json'],
          ],
          body: text,
          framing: 'length',
        };
        const a = await exchange(openPort, req);
        expect(answerProblems(req, a), `${decision}: ${text.slice(0, 300)} → ${a.raw.slice(0, 400)}`).toEqual([]);
        expect([200, 400, 413, 422]).toContain(a.status);
      }),
      { numRuns: RUNS },
    );
    const health = await exchange(openPort, { method: 'GET', target: '/healthz', headers: [['Host', `127.0.0.1:${openPort}`]], body: '', framing: 'none' });
    expect(health.status).toBe(200);
  }, 300_000);
  it(`answers requests pipelined on one keep-alive connection (${RUNS} random sequences of 2 to 4) in order, never a 5xx, never more answers than requests, and closes it`, async () => {
    const wellFramed = requestArb.filter(({ req }) => req.framing === 'length' || req.framing === 'chunked' || req.framing === 'none');
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(wellFramed, { minLength: 2, maxLength: 4 }), async (guardedOne, list) => {
        const port = guardedOne ? guardedPort : openPort;
        const reqs = list.map(({ req }) => ({
          ...req,
          headers: req.headers.map(([k, v]): [string, string] => (k === 'Host' && v.startsWith('127.0.0.1:') ? [k, `127.0.0.1:${port}`] : [k, v])),
        }));
        const r = await pipelined(port, reqs);
        expectPipelinedSane(reqs, r, [token]);
      }),
      { numRuns: RUNS },
    );
    expect(JSON.stringify(logs)).not.toContain(token);
    const health = await exchange(openPort, { method: 'GET', target: '/healthz', headers: [['Host', `127.0.0.1:${openPort}`]], body: '', framing: 'none' });
    expect(health.status).toBe(200);
  }, 300_000);
});

describe('fuzz: the studio HTTP API (browser mode over a workspace in a temp folder)', () => {
  const logs: string[] = [];
  let studio: BrowserStudio;
  let secret = '';
  let prefix = '';
  const MARKER = 'outside-the-renderer-folder-7f3a9c';
  let ruleVersionId = 1;
  let tariffVersionId = 1;
  const cases = goodCases();

  const call = async (name: string, args: unknown) => {
    const port = studio.server.port;
    return exchange(port, {
      method: 'POST',
      target: `${prefix}api/${name}`,
      headers: [
        ['Host', `127.0.0.1:${port}`],
        ['Content-Type', 'application/json'],
      ],
      body: JSON.stringify(args),
      framing: 'length',
    });
  };

  beforeAll(async () => {
    const dir = scratch('fuzz-studio-');
    const renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>studio</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    // A file beside the renderer's folder: no path may reach it.
    writeFileSync(join(dir, 'secret.txt'), MARKER);
    studio = await startBrowserStudio({ workspace: join(dir, 'ws.sqlite'), seed: SEED, staticDir: renderer, log: (l) => logs.push(l) });
    secret = studio.server.secret;
    prefix = new URL(studio.server.url).pathname;
    const rules = JSON.parse((await call('rules.list', {})).body) as { value: { versions: { id: number }[] } };
    const tariffs = JSON.parse((await call('tariffs.list', {})).body) as { value: { versions: { id: number }[] } };
    ruleVersionId = rules.value.versions[0]!.id;
    tariffVersionId = tariffs.value.versions[0]!.id;
  });
  afterAll(async () => {
    await studio.stop();
  });

  /** Arguments: random JSON, odd values, and explorer.decide's own shape with one thing wrong. */
  const argsArb = fc.oneof(
    fc.constant({}),
    fc.jsonValue({ maxDepth: 4 }),
    oddValueArb,
    fc.dictionary(fc.string({ maxLength: 12 }), oddValueArb, { maxKeys: 4 }),
    fc.integer({ min: 60, max: 1000 }).map((n) => ({ facts: nested(n) })),
  );
  const decideArb = fc.tuple(caseArb(cases), fc.constantFrom('keep', 'rule', 'tariff', 'name'), oddValueArb).map(([c, how, v]) => {
    const base = c as { asOf?: unknown; facts?: unknown; interpretations?: unknown };
    const decision =
      [...cases.entries()].find(([, g]) => JSON.stringify(Object.keys(g.facts ?? {})) === JSON.stringify(Object.keys((base.facts as object) ?? {})))?.[0] ?? 'approval';
    return {
      decision,
      asOf: base.asOf,
      facts: base.facts,
      ruleVersionId: how === 'rule' ? v : ruleVersionId,
      tariffVersionId: how === 'tariff' ? v : tariffVersionId,
      interpretations: base.interpretations ?? {},
      name: how === 'name' ? v : 'fuzz',
    };
  });
  const callNameArb = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...CALL_NAMES) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor.name', 'workspace.__proto__', 'workspace', '', 'workspace.info.x', 'toString') },
    { weight: 1, arbitrary: segmentArb },
  );
  const targetArb = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(callNameArb, queryArb).map(([n, q]) => `${prefix}api/${n}${q}`) },
    { weight: 1, arbitrary: fc.constant(null).map(() => `${prefix}api/explorer.decide`) },
    { weight: 2, arbitrary: fc.array(segmentArb, { minLength: 1, maxLength: 4 }).map((s) => `${prefix}${s.join('/')}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '/',
        '/s/',
        '/s/wrong-secret/',
        '/s/wrong-secret/api/workspace.info',
        '//',
        '////%zz',
        '//evil.example/x',
        'PREFIX_NO_SLASH',
        '*',
        'PREFIX../secret.txt',
        'PREFIX..%2fsecret.txt',
        'PREFIX%2e%2e/secret.txt',
        'PREFIX%2e%2e%2fsecret.txt',
        'PREFIXassets/../../secret.txt',
        'PREFIXassets%2f..%2f..%2fsecret.txt',
        'PREFIX%252e%252e%252fsecret.txt',
        'PREFIX..%5csecret.txt',
        'PREFIX/etc/passwd',
        'PREFIXassets/app.js',
        'PREFIXindex.html%00.js',
      ),
    },
  );
  const studioBodyArb = fc.oneof(
    { weight: 4, arbitrary: argsArb.map((v) => JSON.stringify(v) ?? '') },
    { weight: 2, arbitrary: decideArb.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: rawBodyTextArb },
  );
  /** Half the requests are right at the door (secret, Host, method, type, framing), so that their calls and bodies reach the dispatcher. */
  const doorArb = fc.oneof(
    fc.record({
      method: fc.constant('POST'),
      target: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CALL_NAMES) }, { weight: 1, arbitrary: fc.constant('explorer.decide') }).map((n) => `PREFIXapi/${n}`),
      contentType: fc.constant<string | null>('application/json'),
      extra: fc.constant<[string, string][]>([]),
      framing: fc.constantFrom<Framing>('length', 'length', 'chunked'),
      host: fc.constant('own'),
      origin: fc.constantFrom('none', 'own'),
    }),
    fc.record({
      method: fc.oneof({ weight: 3, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: methodArb }),
      target: targetArb,
      contentType: fc.option(contentTypeArb, { freq: 8 }),
      extra: fc.array(extraHeaderArb, { maxLength: 3 }),
      framing: framingArb,
      host: fc.constantFrom('own', 'own', 'own', 'own', 'localhost', 'evil', 'none'),
      origin: fc.constantFrom('none', 'none', 'own', 'evil'),
    }),
  );
  const requestArb = fc
    .tuple(doorArb, studioBodyArb)
    .map(([door, body]) => ({ ...door, body }))
    .map((r) => {
      const port = studio.server.port;
      const target = r.target.replace('PREFIX_NO_SLASH', prefix.slice(0, -1)).replace('PREFIX', prefix);
      const headers: [string, string][] = [];
      if (r.host === 'own') headers.push(['Host', `127.0.0.1:${port}`]);
      if (r.host === 'localhost') headers.push(['Host', `localhost:${port}`]);
      if (r.host === 'evil') headers.push(['Host', 'evil.example']);
      if (r.origin === 'own') headers.push(['Origin', `http://127.0.0.1:${port}`]);
      if (r.origin === 'evil') headers.push(['Origin', 'http://evil.example']);
      if (r.contentType !== null) headers.push(['Content-Type', r.contentType]);
      const req: FuzzRequest = { method: r.method, target, headers: [...headers, ...r.extra], body: r.body, framing: r.framing };
      return req;
    });

  it(`answers every request (${RUNS} random ones) without a 5xx, a hang or a crash, every error JSON with a code, the per-run secret in no answer's body and no log line; the studio answers after`, async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(requestArb, async (req) => {
        const a = await exchange(studio.server.port, req);
        if (a.status === 200 || ((a.status === 400 || a.status === 422) && a.body.includes('"INVALID_ARGS"'))) answered += 1;
        const problems = answerProblems(req, a);
        if (a.body.includes(secret)) problems.push('the per-run secret is in the answer');
        for (const [k, v] of a.headers) if (k !== 'location' && v.includes(secret)) problems.push(`the per-run secret is in the header ${k}`);
        if (a.raw.includes(MARKER)) problems.push('a file outside the renderer folder was served');
        expect(problems, `${req.method} ${req.target.slice(0, 200)} (${req.framing}) → ${a.raw.slice(0, 300)}`).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // A good share get past the door (secret, Host, method, type) to the dispatcher.
    expect(answered).toBeGreaterThan(RUNS / 20);
    expect(logs.filter((l) => l.includes(secret))).toEqual([]);
    const info = await call('workspace.info', {});
    expect(info.status).toBe(200);
  }, 300_000);

  it(`answers requests pipelined on one keep-alive connection (${RUNS} random sequences of 2 to 4) in order, never a 5xx, never more answers than requests, and closes it`, async () => {
    const wellFramed = requestArb.filter((req) => req.framing === 'length' || req.framing === 'chunked' || req.framing === 'none');
    await fc.assert(
      fc.asyncProperty(fc.array(wellFramed, { minLength: 2, maxLength: 4 }), async (reqs) => {
        const r = await pipelined(studio.server.port, reqs);
        expectPipelinedSane(reqs, r, [MARKER]);
      }),
      { numRuns: RUNS },
    );
    expect(logs.filter((l) => l.includes(secret))).toEqual([]);
    expect((await call('workspace.info', {})).status).toBe(200);
  }, 300_000);
});

describe('fuzz: the team server (signed in, and not)', () => {
  const logs: string[] = [];
  const PASSWORD = 'fuzz-password-correct-horse-93';
  const MARKER = 'outside-the-renderer-folder-team-51c2';
  let team: TeamServer;
  let cookie = '';
  let csrf = '';
  let origin = '';

  beforeAll(async () => {
    const ws = freshWorkspace();
    await addUser(ws, { name: 'fuzzer', role: 'admin', password: PASSWORD });
    actorFromRequests(ws, 'server');
    const dispatch = createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY, caseRoots: [scratch('case-root-')] }));
    const renderer = join(scratch('fuzz-team-'), 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>studio</title>');
    writeFileSync(join(renderer, '..', 'secret.txt'), MARKER);
    team = await startTeamServer({
      ws,
      dispatch,
      host: '127.0.0.1',
      port: 0,
      staticDir: renderer,
      policy: { ipAttempts: 10_000, userAttempts: 10_000, maxFailures: 10_000 },
      log: (l) => logs.push(l),
    });
    origin = `http://127.0.0.1:${team.port}`;
    const login = await exchange(team.port, {
      method: 'POST',
      target: '/auth/login',
      headers: [
        ['Host', `127.0.0.1:${team.port}`],
        ['Origin', origin],
        ['Content-Type', 'application/json'],
      ],
      body: JSON.stringify({ name: 'fuzzer', password: PASSWORD }),
      framing: 'length',
    });
    expect(login.status, login.raw).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    csrf = (JSON.parse(login.body) as { value: { csrf: string } }).value.csrf;
  });
  afterAll(async () => {
    await team.close();
  });

  const bodyArb = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .oneof(fc.constant({}), fc.jsonValue({ maxDepth: 4 }), oddValueArb, fc.dictionary(fc.string({ maxLength: 12 }), oddValueArb, { maxKeys: 4 }))
        .map((v) => JSON.stringify(v) ?? ''),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          name: fc.constantFrom<unknown>('fuzzer', 'FUZZER', 'nobody', '', 'a'.repeat(65), null, 7),
          password: fc.constantFrom<unknown>('wrong', PASSWORD.toUpperCase(), '', 'p'.repeat(1025), null, ['x']),
        })
        .map((v) => JSON.stringify(v)),
    },
    { weight: 2, arbitrary: rawBodyTextArb },
  );
  const pathArb = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...CALL_NAMES).map((n) => `/api/${n}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '/auth/login',
        '/auth/session',
        '/auth/logout',
        '/events',
        '/',
        '/index.html',
        '/api/',
        '/api/__proto__',
        '//auth/login',
        '/auth/login/',
        '/AUTH/LOGIN',
      ),
    },
    { weight: 2, arbitrary: fc.array(segmentArb, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`) },
    { weight: 1, arbitrary: fc.constantFrom('/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/%252e%252e%252fsecret.txt', '/..%5csecret.txt') },
  );
  const requestArb = fc
    .record({
      method: fc.oneof({ weight: 3, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: methodArb }),
      path: pathArb,
      query: queryArb,
      contentType: fc.option(contentTypeArb, { freq: 8 }),
      extra: fc.array(extraHeaderArb, { maxLength: 3 }),
      body: bodyArb,
      framing: framingArb,
      session: fc.constantFrom('good', 'good', 'good', 'none', 'forged', 'no-csrf'),
      origin: fc.constantFrom('own', 'own', 'own', 'none', 'evil', 'null'),
      host: fc.constantFrom('own', 'own', 'own', 'localhost', 'evil', 'none'),
    })
    .map((r) => {
      const headers: [string, string][] = [];
      if (r.host === 'own') headers.push(['Host', `127.0.0.1:${team.port}`]);
      if (r.host === 'localhost') headers.push(['Host', `localhost:${team.port}`]);
      if (r.host === 'evil') headers.push(['Host', 'evil.example']);
      if (r.origin === 'own') headers.push(['Origin', origin]);
      if (r.origin === 'evil') headers.push(['Origin', 'http://evil.example']);
      if (r.origin === 'null') headers.push(['Origin', 'null']);
      // The fuzz's own session is kept: no sign-out with its token, no event stream held open (it is answered, then streams).
      const keeps = r.path.replace(/\/+$/u, '').toLowerCase() === '/auth/logout' || r.path === '/events';
      if (r.session === 'good' || r.session === 'no-csrf') headers.push(['Cookie', keeps ? 'tariff_session=AAAAAAAAAAAAAAAAAAAAAAAA' : cookie]);
      if (r.session === 'good' && !keeps) headers.push(['X-CSRF-Token', csrf]);
      if (r.session === 'forged') headers.push(['Cookie', 'tariff_session=forged-forged-forged-forged'], ['X-CSRF-Token', 'forged']);
      if (r.contentType !== null) headers.push(['Content-Type', r.contentType]);
      const req: FuzzRequest = { method: r.method, target: `${r.path}${r.query}`, headers: [...headers, ...r.extra], body: r.body, framing: r.framing };
      return req;
    });

  it(`answers every request (${RUNS} random ones) without a 5xx, a hang or a crash, every error JSON with a code, the password and session token in no answer or log line; the session still works after`, async () => {
    const token = cookie.split('=')[1]!;
    await fc.assert(
      fc.asyncProperty(requestArb, async (req) => {
        const a = await exchange(team.port, req);
        const problems = answerProblems(req, a);
        if (a.raw.includes(PASSWORD)) problems.push('the password is in the answer');
        if (a.raw.includes(MARKER)) problems.push('a file outside the renderer folder was served');
        if (a.raw.includes(token)) problems.push('the session token is in the answer');
        const csrfAllowed = a.status === 200 && /^\/auth\/(session|login)/u.test(req.target);
        if (!csrfAllowed && a.body.includes(csrf)) problems.push('the CSRF token is in the answer');
        expect(problems, `${req.method} ${req.target.slice(0, 200)} (${req.framing}) → ${a.raw.slice(0, 300)}`).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    const all = logs.join('\n');
    for (const secret of [PASSWORD, token, csrf]) expect(all.includes(secret)).toBe(false);
    const me = await exchange(team.port, {
      method: 'POST',
      target: '/api/team.me',
      headers: [
        ['Host', `127.0.0.1:${team.port}`],
        ['Origin', origin],
        ['Cookie', cookie],
        ['X-CSRF-Token', csrf],
        ['Content-Type', 'application/json'],
      ],
      body: '{}',
      framing: 'length',
    });
    expect(me.status, me.raw).toBe(200);
  }, 300_000);

  it(`answers requests pipelined on one keep-alive connection (${RUNS} random sequences of 2 to 4) in order, never a 5xx, never more answers than requests, and closes it`, async () => {
    const token = cookie.split('=')[1]!;
    const wellFramed = requestArb.filter((req) => req.framing === 'length' || req.framing === 'chunked' || req.framing === 'none');
    await fc.assert(
      fc.asyncProperty(fc.array(wellFramed, { minLength: 2, maxLength: 4 }), async (reqs) => {
        const r = await pipelined(team.port, reqs);
        expectPipelinedSane(reqs, r, [PASSWORD, token, MARKER]);
      }),
      { numRuns: RUNS },
    );
    const all = logs.join('\n');
    for (const secret of [PASSWORD, token, csrf]) expect(all.includes(secret)).toBe(false);
  }, 300_000);
});
