import { Worker } from 'node:worker_threads';
import type { LoadedRelease } from '../engine/release-types.js';
import type { BatchAnswer, BatchJob } from './batch-answer.js';
import type { FromBatchThread, ToBatchThread } from './batch-worker.js';
import { HttpError } from './request-cases.js';

/**
 * The decision service's batch threads (`tariff serve --batch-threads N`). A batch of 1,000 cases
 * is tens of milliseconds of work: in the request thread it would hold every other request back
 * for that long, and it would use one core however many the machine has. Here each batch goes, as
 * the body's text, to the least busy thread, which parses, decides (the same `answerBatch` as the
 * request thread) and sends back the answer's bytes without a copy.
 *
 * A thread loads a release from its file the first time it is asked for it. When the pool cannot
 * answer (no file for the request's release, the file now holds a newer one, or a thread failed)
 * `run` resolves undefined and the request thread answers itself: a batch is never lost to the
 * pool. A thread that exits is replaced.
 */
type Thread = { worker: Worker; busy: number; jobs: Set<number> };
type Pending = { resolve: (a: BatchAnswer | undefined) => void; reject: (e: Error) => void; thread: Thread };

/** The thread's entry beside this file: the tsx shim in a checkout, the bundled thread in dist/cli. */
const defaultEntry = (): URL => new URL('./batch-worker-entry.mjs', import.meta.url);

export class BatchPool {
  private readonly threads: Thread[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private closing = false;

  constructor(
    readonly size: number,
    /** The file a release was loaded from, or undefined when the pool should not answer for it. */
    private readonly fileOf: (release: LoadedRelease) => string | undefined,
    private readonly entry: URL = defaultEntry(),
  ) {
    for (let i = 0; i < size; i += 1) this.threads.push(this.spawn());
  }

  private spawn(): Thread {
    const thread: Thread = { worker: new Worker(this.entry), busy: 0, jobs: new Set() };
    thread.worker.on('message', (m: FromBatchThread) => this.settle(thread, m));
    thread.worker.on('error', () => undefined);
    thread.worker.on('exit', () => {
      // Its jobs are answered by the request thread; a new thread takes its place.
      for (const id of thread.jobs) this.take(thread, id)?.resolve(undefined);
      const i = this.threads.indexOf(thread);
      if (i >= 0 && !this.closing) this.threads[i] = this.spawn();
    });
    return thread;
  }

  private take(thread: Thread, id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    thread.jobs.delete(id);
    thread.busy -= 1;
    return p;
  }

  private settle(thread: Thread, m: FromBatchThread): void {
    const p = this.take(thread, m.id);
    if (!p) return;
    if (m.kind === 'answer') p.resolve({ bytes: m.bytes, cases: m.cases, invalid: m.invalid });
    else if (m.kind === 'refused') p.reject(new HttpError(m.status, m.code, m.message));
    else p.resolve(undefined);
  }

  private post(thread: Thread, release: LoadedRelease, file: string, job: BatchJob): Promise<BatchAnswer | undefined> {
    const id = (this.next += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, thread });
      thread.jobs.add(id);
      thread.busy += 1;
      thread.worker.postMessage({ id, release: release.id, file, job } satisfies ToBatchThread);
    });
  }

  /** The batch's answer from a thread; undefined when the request thread should answer it. Rejects with the body's HttpError. */
  run(release: LoadedRelease, job: BatchJob): Promise<BatchAnswer | undefined> {
    const file = this.closing ? undefined : this.fileOf(release);
    if (!file || !this.threads.length) return Promise.resolve(undefined);
    let thread = this.threads[0]!;
    for (const t of this.threads) if (t.busy < thread.busy) thread = t;
    return this.post(thread, release, file, job);
  }

  /** Loads `release` in every thread before the first batch asks for it (each answers an empty batch). */
  async warm(release: LoadedRelease): Promise<void> {
    const file = this.fileOf(release);
    if (!file) return;
    const empty: BatchJob = { decision: 'approval', text: '{"cases":[]}', maxBatch: 1, today: '2000-01-01' };
    await Promise.all(this.threads.map((t) => this.post(t, release, file, empty)));
  }

  /** Stops the threads; batches in flight are answered by the request thread. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
