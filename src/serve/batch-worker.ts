import { parentPort } from 'node:worker_threads';
import type { LoadedRelease } from '../engine/release-types.js';
import { loadReleaseFile } from '../io/release-file.js';
import { answerBatch, type BatchJob } from './batch-answer.js';
import { HttpError } from './request-cases.js';

/** A batch thread of the decision service (batch-pool.ts): answers batches of the release it is named. */
export type ToBatchThread = { id: number; release: string; file: string; job: BatchJob };
export type FromBatchThread =
  | { id: number; kind: 'answer'; bytes: Uint8Array; cases: number; invalid: number }
  | { id: number; kind: 'refused'; status: number; code: string; message: string }
  /** The file no longer holds that release (a newer one replaced it): the request thread answers. */
  | { id: number; kind: 'unavailable'; reason: string };

const port = parentPort!;
// The releases this thread has loaded, by id: the current one and the one before (a reload).
const loaded = new Map<string, LoadedRelease>();

const releaseFor = (id: string, file: string): LoadedRelease | string => {
  const known = loaded.get(id);
  if (known) return known;
  // The request thread loaded and checked this file (hash, schemas, signature); the same id here
  // is the same content. A file now holding another release is not used.
  const r = loadReleaseFile(file);
  if (r.id !== id) return `${file} now holds ${r.id}, not ${id}`;
  loaded.set(id, r);
  while (loaded.size > 2) loaded.delete(loaded.keys().next().value!);
  return r;
};

port.on('message', (msg: ToBatchThread) => {
  let reply: FromBatchThread;
  try {
    const release = releaseFor(msg.release, msg.file);
    if (typeof release === 'string') reply = { id: msg.id, kind: 'unavailable', reason: release };
    else {
      const a = answerBatch(release, msg.job);
      port.postMessage({ id: msg.id, kind: 'answer', bytes: a.bytes, cases: a.cases, invalid: a.invalid } satisfies FromBatchThread, [a.bytes.buffer as ArrayBuffer]);
      return;
    }
  } catch (e) {
    reply =
      e instanceof HttpError
        ? { id: msg.id, kind: 'refused', status: e.status, code: e.code, message: e.message }
        : { id: msg.id, kind: 'unavailable', reason: (e as Error)?.message ?? String(e) };
  }
  port.postMessage(reply);
});
