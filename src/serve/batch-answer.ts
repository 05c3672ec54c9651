import { decideFast } from '../engine/decide.js';
import type { CaseInput, Output } from '../engine/output-types.js';
import type { LoadedRelease } from '../engine/release-types.js';
import { batchCases, parseJson } from './request-cases.js';

/** A batch on the fast path, as one request asks it: the body's text, its decision and the day it is answered on. */
export type BatchJob = { decision: string; text: string; maxBatch: number; today: string };
/** The batch's answer `{release, count, outputs}` as UTF-8 bytes, and what the access log says of it. */
export type BatchAnswer = { bytes: Uint8Array; cases: number; invalid: number };

const encoder = new TextEncoder();
/** The largest scratch kept between batches (3 bytes a UTF-16 unit at worst): a bigger answer is encoded on its own. */
const MAX_SCRATCH = 16 * 1024 * 1024;
let scratch = new Uint8Array(0);

/**
 * A batch's answer text as UTF-8 bytes in a buffer of their own (transferable from a batch thread).
 * TextEncoder.encode of a batch's answer (half a megabyte, mostly Japanese, so two-byte) cost a
 * sixth of the whole batch in a profile; encodeInto a kept scratch buffer and one copy of the
 * written bytes cost half as much (bench/serve.ts's in-process batches).
 */
export function utf8Own(text: string): Uint8Array {
  const worst = text.length * 3;
  if (worst > MAX_SCRATCH) return encoder.encode(text);
  if (scratch.length < worst) scratch = new Uint8Array(Math.max(worst, Math.min(scratch.length * 2, MAX_SCRATCH)));
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.slice(0, written);
}

/** An answer named after the release that gave it, on either path. */
export const fromRelease = (release: LoadedRelease, o: Output): Output => {
  o.release = release.id;
  return o;
};

/** One case on the fast path, its answer naming the release that gave it (a single request and each case of a batch). */
export const answerFast = (release: LoadedRelease, c: CaseInput, options: { today: string }): Output => fromRelease(release, decideFast(release.registry, c, options));

/**
 * Answers a batch with the compiled rules: every case in order, an invalid one in its place. The
 * same function runs in the request's thread and in a batch thread (batch-pool.ts), so both give
 * the same bytes. Throws HttpError for a body that is not a batch. The bytes are their own buffer
 * (transferable from a thread without a copy).
 */
export function answerBatch(release: LoadedRelease, job: BatchJob): BatchAnswer {
  const cases = batchCases(parseJson(job.text), job.decision, job.maxBatch);
  const options = { today: job.today };
  const outputs: Output[] = [];
  let invalid = 0;
  for (const c of cases) {
    const o = answerFast(release, c, options);
    if (o.outcome === 'invalid') invalid += 1;
    outputs.push(o);
  }
  return { bytes: utf8Own(JSON.stringify({ release: release.id, count: outputs.length, outputs })), cases: outputs.length, invalid };
}
