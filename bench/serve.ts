import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { decide, decideFast } from '../src/engine/decide.js';
import { answerBatch, fromRelease, utf8Own } from '../src/serve/batch-answer.js';
import { batchCases, parseJson } from '../src/serve/request-cases.js';
import { folderReleaseSource, releaseContent } from '../src/io/release-build.js';
import { loadReleaseFile, sealRelease, writeReleaseFile } from '../src/io/release-file.js';
import type { LoadResult } from './http-load.js';
import type { LoadOrder, LoadReply } from './load-client.js';
import { BATCH, benchCases, benchRequests, ROOT, startChild, stopChild } from './serve-cases.js';

/**
 * `npm run bench:serve [-- --json]`: the decision service's speed, every number measured in this
 * run, loopback only, bounded loops. Never part of the tests.
 * - decideFastVsDecide: full decisions per second in-process, decideFast ÷ decide, same cases.
 * - serveDecisionsPerSec, serveP99Ms: the case mix over HTTP, keep-alive, fixed concurrency,
 *   against `tariff serve` in a child process (one process, as the baseline; `--workers 2` in
 *   the details), the load client in a process of its own (bench/load-client.ts): client and
 *   server share the two cores.
 * - serveVsJreHttp: the same mix against a minimal HTTP service that answers with decide().
 * - batchVsSingle: decisions per second in batches of 1,000 ÷ single requests, both at the same concurrency.
 * - details.serveVsJreHttpCeiling: a bare HTTP service (a fixed answer, no decision) ÷ the
 *   json-rules-engine one: how far HTTP alone lets serveVsJreHttp go on this machine.
 * - details.batchVsSingleCeiling: every core answering batches in-process (answerBatch: parse,
 *   decide, serialise, encode; no HTTP, no client) ÷ the single requests' rate: how far
 *   batchVsSingle could go on this machine.
 * - details.bothTargetsCeiling: every core parsing, serialising and encoding batches whose
 *   decisions cost nothing ÷ the baseline's single requests: how far serveVsJreHttp ×
 *   batchVsSingle (the targets ask 3 × 20 = 60) could go on this machine.
 * Every service is warmed until its rate stops rising, and every measured load lasts about a second
 * at that rate (ROUND_MS), so a fast machine measures optimised code, not V8's first tiers.
 */
const asJson = process.argv.includes('--json');
const log = (s: string): void => {
  if (!asJson) process.stderr.write(`${s}\n`);
};
const CONCURRENCY = 8;
/**
 * Each measured load lasts about ROUND_MS at the rate its service reached when warm, and never has
 * fewer than MIN_REQUESTS requests: a fixed count (2,000 singles a round until this session) lasts
 * 70 ms on a fast quiet machine, before V8 has optimised the service's code, and measured that.
 */
const ROUND_MS = 1000;
const MIN_REQUESTS = 2000;
const WORKERS = 2;
const today = '2025-01-01';
const tsx = ['--import', 'tsx'];

const dir = mkdtempSync(join(tmpdir(), 'bench-serve-'));
const releaseFile = join(dir, 'release.json');
writeReleaseFile(releaseFile, sealRelease(releaseContent(folderReleaseSource(join(ROOT, 'rules'), join(ROOT, 'tariffs')))));
const release = loadReleaseFile(releaseFile);
const cases = benchCases();

// In-process: the same cases through both paths; loops bounded by CPU time and by rounds.
// CPU time (this process's user + system), not wall time: the machine is shared, and a
// preempted loop would otherwise count another process's work against the engine.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rate = async (fn: (c: (typeof cases)[number], i: number) => unknown, minMs: number, maxRounds: number): Promise<number> => {
  let n = 0;
  const t0 = cpuMs();
  for (let round = 0; round < maxRounds && cpuMs() - t0 < minMs; round += 1)
    for (let i = 0; i < cases.length; i += 1) {
      // Awaited only when it is a promise (decide): an await of decideFast's plain answer would
      // add a microtask turn per call to the fast path, which is the harness's cost, not a decision's.
      const r = fn(cases[i]!, i);
      if (r instanceof Promise) await r;
      n += 1;
    }
  return (n * 1000) / (cpuMs() - t0);
};
// Five alternating rounds of each path; the best round of each counts (the least disturbed by the
// other processes of a shared machine), as the usual minimum-time practice of micro-benchmarks.
const inputs = cases.map((c) => ({ ...c.body, decision: c.decision }));
const fastRound = () => rate((_c, i) => decideFast(release.registry, inputs[i]!, { today }), 400, 200);
const refRound = () => rate((_c, i) => decide(release.registry, inputs[i]!, { today }), 400, 20);
await fastRound(); // warm-up
await refRound();
let fastPerSec = 0;
let refPerSec = 0;
for (let round = 0; round < 5; round += 1) {
  fastPerSec = Math.max(fastPerSec, await fastRound());
  refPerSec = Math.max(refPerSec, await refRound());
}
log(`in-process: decideFast ${Math.round(fastPerSec).toLocaleString()}/s, decide ${Math.round(refPerSec).toLocaleString()}/s over ${cases.length} cases`);

const { batchTexts } = benchRequests(cases);
/**
 * The load client runs in a process of its own (bench/load-client.ts), so that this process's
 * heap (both engines, the in-process rounds' garbage) is not collected in the middle of a load
 * and counted as the service's latency. One order at a time.
 */
const client = fork(join(ROOT, 'bench', 'load-client.ts'), [], { execArgv: tsx, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
await new Promise<void>((resolve, reject) => {
  client.once('message', () => resolve());
  client.once('exit', (code) => reject(new Error(`the load client exited with ${code}`)));
});
const order = (o: LoadOrder): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    client.once('message', (reply: LoadReply) => (reply.ok ? resolve(reply.result) : reject(new Error(reply.error))));
    client.send(o);
  });
/** The mix at fixed concurrency (bench/http-load.ts): decisions per second and the 99th percentile latency. */
const load = (port: number, requests: number): Promise<LoadResult> => order({ port, set: 'singles', total: requests, concurrency: CONCURRENCY });

/**
 * The same batches answered in this process by the service's own answerBatch, one core: decisions
 * per second of the whole batch pipeline without HTTP, best of three rounds. Wall time here, not
 * CPU time: the ceiling it gives is set against rates over HTTP, which are wall time, and on a
 * shared machine both then see the same load.
 */
const batchInProcessRound = (): number => {
  const t0 = performance.now();
  let n = 0;
  for (let round = 0; round < 20 && performance.now() - t0 < 400; round += 1)
    for (const b of batchTexts) n += answerBatch(release, { decision: b.decision, text: b.text, maxBatch: BATCH, today }).cases;
  return (n * 1000) / (performance.now() - t0);
};
/**
 * The same batches with decisions that cost nothing: each case's answer made once before the clock
 * starts, so a round only parses the body, serialises the answers and encodes them, as answerBatch
 * does around decideFast. What JSON in and out alone lets a batch reach on one core: with every core
 * doing only this, batches ÷ the baseline's single requests is the most serveVsJreHttp ×
 * batchVsSingle could be here (details.bothTargetsCeiling; the targets ask 3 × 20 = 60).
 */
const answered = batchTexts.map((b) => batchCases(parseJson(b.text), b.decision, BATCH).map((c) => fromRelease(release, decideFast(release.registry, c, { today }))));
const batchJsonOnlyRound = (): number => {
  const t0 = performance.now();
  let n = 0;
  for (let round = 0; round < 20 && performance.now() - t0 < 400; round += 1)
    for (let i = 0; i < batchTexts.length; i += 1) {
      const outputs = batchCases(parseJson(batchTexts[i]!.text), batchTexts[i]!.decision, BATCH).map((_c, k) => answered[i]![k]!);
      utf8Own(JSON.stringify({ release: release.id, count: outputs.length, outputs }));
      n += outputs.length;
    }
  return (n * 1000) / (performance.now() - t0);
};
batchInProcessRound(); // warm-up
batchJsonOnlyRound();
let batchInProcessPerSec = 0;
let batchJsonOnlyPerSec = 0;
for (let round = 0; round < 3; round += 1) {
  batchInProcessPerSec = Math.max(batchInProcessPerSec, batchInProcessRound());
  batchJsonOnlyPerSec = Math.max(batchJsonOnlyPerSec, batchJsonOnlyRound());
}
log(`in-process batches of ${BATCH}: ${Math.round(batchInProcessPerSec).toLocaleString()} decisions/s on one core (parse, decide, serialise, encode)`);
log(`in-process batches of ${BATCH}, decisions costing nothing: ${Math.round(batchJsonOnlyPerSec).toLocaleString()} decisions/s on one core (parse, serialise, encode)`);
/**
 * Decisions per second in batches: every decision's batch `rounds` times, at `concurrency` batches
 * in flight. At the singles' concurrency the comparison is like for like (only the batch size
 * differs); one at a time is reported too.
 */
const batchRate = async (port: number, rounds: number, concurrency: number): Promise<number> => {
  const r = await order({ port, set: 'batches', total: batchTexts.length * rounds, concurrency });
  if (r.failed) throw new Error(`${r.failed} batch requests failed`);
  return r.perSec * BATCH;
};

/** `tariff serve` with `workers` processes (the listening line of its first worker gives the port). */
const startServe = (workers: number): Promise<{ child: ChildProcess; port: number }> =>
  startChild([join(ROOT, 'bin', 'tariff.mjs'), 'serve', '--release', releaseFile, '--port', '0', '--workers', String(workers)], (line) => {
    const m = /"event":"listening",(?:"worker":\d+,)?"url":"http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
    return m ? Number(m[1]) : undefined;
  });
// The service as it starts by default (one process, like the baseline), and with a worker per core.
const serve = await startServe(1);
const pool = await startServe(WORKERS);
const baseline = (mode: string[]): Promise<{ child: ChildProcess; port: number }> =>
  startChild([...tsx, join(ROOT, 'bench', 'jre-http-service.ts'), ...mode], (line) => (line.startsWith('{"port"') ? (JSON.parse(line) as { port: number }).port : undefined));
const jre = await baseline([]);
const bare = await baseline(['bare']);
/**
 * Loads a service until its rate stops rising (V8's tiers settle; at least three loads of about a
 * quarter of a round, at most twelve) and gives that rate: what the rounds are sized by.
 */
const warm = async (port: number): Promise<number> => {
  let requests = 500;
  let best = 0;
  for (let i = 0, flat = 0; i < 12 && (i < 3 || flat < 2); i += 1) {
    const r = await load(port, requests);
    if (r.failed) throw new Error(`${r.failed} requests failed while warming up`);
    flat = r.perSec > best * 1.03 ? 0 : flat + 1;
    best = Math.max(best, r.perSec);
    requests = sized(best, ROUND_MS / 4);
  }
  return best;
};
/** Requests for about `ms` of load at `perSec` (at least MIN_REQUESTS, at most 200,000). */
const sized = (perSec: number, ms: number): number => Math.max(MIN_REQUESTS, Math.min(200_000, Math.round((perSec * ms) / 1000)));
const warmRate = { serve: await warm(serve.port), pool: await warm(pool.port), jre: await warm(jre.port), bare: await warm(bare.port) };
// Batches: each decision's batch once a round at first; then as many rounds as fill ROUND_MS.
const batchRounds = Math.max(1, Math.round(sized(await batchRate(serve.port, 1, CONCURRENCY), ROUND_MS) / (batchTexts.length * BATCH)));
const batchOneRounds = Math.max(1, Math.round(sized(await batchRate(serve.port, 1, 1), ROUND_MS) / (batchTexts.length * BATCH)));
// Three alternating rounds of each; the best round of each counts (see the in-process note).
const none: LoadResult = { perSec: 0, p99Ms: Infinity, p50Ms: Infinity, failed: 0, requests: 0 };
let served = none;
let servedPool = none;
let jreServed = none;
let bareServed = none;
let batchPerSec = 0;
let batchOneAtATime = 0;
let failed = 0;
for (let round = 0; round < 3; round += 1) {
  const s = await load(serve.port, sized(warmRate.serve, ROUND_MS));
  const p = await load(pool.port, sized(warmRate.pool, ROUND_MS));
  const j = await load(jre.port, sized(warmRate.jre, ROUND_MS));
  const b = await load(bare.port, sized(warmRate.bare, ROUND_MS));
  batchPerSec = Math.max(batchPerSec, await batchRate(serve.port, batchRounds, CONCURRENCY));
  batchOneAtATime = Math.max(batchOneAtATime, await batchRate(serve.port, batchOneRounds, 1));
  failed += s.failed + p.failed + j.failed + b.failed;
  if (s.perSec > served.perSec) served = s;
  if (p.perSec > servedPool.perSec) servedPool = p;
  if (j.perSec > jreServed.perSec) jreServed = j;
  if (b.perSec > bareServed.perSec) bareServed = b;
}
await stopChild(serve.child);
await stopChild(pool.child);
await stopChild(jre.child);
await stopChild(bare.child);
client.disconnect();
log(
  `tariff serve: ${Math.round(served.perSec).toLocaleString()} decisions/s, p50 ${served.p50Ms.toFixed(2)} ms, p99 ${served.p99Ms.toFixed(2)} ms (concurrency ${CONCURRENCY}); batches of ${BATCH}: ${Math.round(batchPerSec).toLocaleString()} decisions/s (${Math.round(batchOneAtATime).toLocaleString()}/s one batch at a time)`,
);
log(`tariff serve --workers ${WORKERS}: ${Math.round(servedPool.perSec).toLocaleString()} decisions/s, p99 ${servedPool.p99Ms.toFixed(2)} ms`);
log(`minimal json-rules-engine HTTP service: ${Math.round(jreServed.perSec).toLocaleString()} decisions/s, p99 ${jreServed.p99Ms.toFixed(2)} ms`);
log(`bare HTTP (a fixed answer, no decision): ${Math.round(bareServed.perSec).toLocaleString()} requests/s, p99 ${bareServed.p99Ms.toFixed(2)} ms`);
rmSync(dir, { recursive: true, force: true });

const ratio = (a: number, b: number): number => Number((a / b).toFixed(1));
const report = {
  decideFastVsDecide: ratio(fastPerSec, refPerSec),
  serveDecisionsPerSec: Math.round(served.perSec),
  serveP99Ms: Number(served.p99Ms.toFixed(2)),
  serveVsJreHttp: ratio(served.perSec, jreServed.perSec),
  batchVsSingle: ratio(batchPerSec, served.perSec),
  details: {
    cases: cases.length,
    concurrency: CONCURRENCY,
    requests: served.requests,
    roundMs: ROUND_MS,
    decideFastPerSec: Math.round(fastPerSec),
    decidePerSec: Math.round(refPerSec),
    serveP50Ms: Number(served.p50Ms.toFixed(2)),
    workers: WORKERS,
    workersDecisionsPerSec: Math.round(servedPool.perSec),
    workersP99Ms: Number(servedPool.p99Ms.toFixed(2)),
    workersVsJreHttp: ratio(servedPool.perSec, jreServed.perSec),
    jreHttpDecisionsPerSec: Math.round(jreServed.perSec),
    jreHttpP99Ms: Number(jreServed.p99Ms.toFixed(2)),
    bareHttpRequestsPerSec: Math.round(bareServed.perSec),
    /** The most serveVsJreHttp could be here: a service whose decisions cost nothing ÷ the baseline. */
    serveVsJreHttpCeiling: ratio(bareServed.perSec, jreServed.perSec),
    batchDecisionsPerSec: Math.round(batchPerSec),
    batchOneAtATimeDecisionsPerSec: Math.round(batchOneAtATime),
    batchInProcessDecisionsPerSec: Math.round(batchInProcessPerSec),
    /** The most batchVsSingle could be here: every core answering batches, nothing else, ÷ single requests. */
    batchVsSingleCeiling: ratio(availableParallelism() * batchInProcessPerSec, served.perSec),
    batchJsonOnlyDecisionsPerSec: Math.round(batchJsonOnlyPerSec),
    /**
     * The most serveVsJreHttp × batchVsSingle could be here (the targets ask 3 × 20 = 60): their
     * product is batches ÷ the baseline's single requests, and batches can go no faster than every
     * core parsing, serialising and encoding them with decisions that cost nothing.
     */
    bothTargetsCeiling: ratio(availableParallelism() * batchJsonOnlyPerSec, jreServed.perSec),
    failedRequests: failed,
  },
};
process.stdout.write(`${asJson ? JSON.stringify(report) : JSON.stringify(report, null, 2)}\n`);
