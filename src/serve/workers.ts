import cluster, { type Worker } from 'node:cluster';
import { HANGUP_IGNORED } from '../io/hangup.js';
import type { BadTokenCount, BadTokenLimit } from './tokens.js';

/**
 * `tariff serve --workers N`: N processes answer on one port (node:cluster; on Linux the primary
 * accepts each connection and hands it to the workers in turn). Each worker is a whole decision
 * service: it loads and reloads the release itself and writes its own log lines, each a single
 * write of at most 4 KiB (src/serve/line-buffer.ts), so lines from two workers never interleave
 * on a pipe. The primary only starts, restarts and stops them:
 * - a worker that exits while the service runs is logged and replaced; more than `maxRestarts`
 *   exits in a minute stop the service with exit code 1 (a release or machine fault, not a blip);
 * - a worker that exits with code 2 before it listens could not start (its error says why: the
 *   address, the release): replacing it would fail the same way, so the service stops, exit 2;
 * - on SIGTERM/SIGINT (and SIGHUP when `stopOnHangup`) each worker is told to stop (it finishes the
 *   requests in flight), and the primary exits 0 once all have.
 * A cap meant for the whole service (`--max-connections`) is split among the workers
 * (connectionShare), each told its share in its environment (`envOf`). The bad-token limit is
 * counted by the primary alone (`badTokens`): a worker asks it over IPC before it checks a new
 * token (askPrimaryBadTokens), so an address gets the limit's attempts from the whole service,
 * not the limit from each worker (the primary hands connections out in turn).
 */
export type WorkerPoolOptions = {
  count: number;
  /** The script each worker runs and its arguments (the same `tariff serve` command). */
  exec: string;
  args: string[];
  log: (o: object) => void;
  maxRestarts?: number;
  /** Environment of the worker in slot 0..count−1 (a replacement takes its slot's), over the primary's. */
  envOf?: (slot: number) => Record<string, string>;
  /** Whether SIGHUP stops the pool as SIGTERM does (src/io/hangup.ts); otherwise it is logged and ignored. */
  stopOnHangup: boolean;
  /** More fields of the primary's first line, `{"event":"workers",…}`. */
  note?: Record<string, unknown>;
  /** The service's one bad-token count, which every worker asks (askPrimaryBadTokens). */
  badTokens?: BadTokenCount;
};

/** A worker's question to the primary's bad-token count, and the answer (`wait`: null when counted). */
type BadTokenAsk = { tariff: 'bad-token'; op: 'take' | 'give-back'; id: number; client: string };
type BadTokenAnswer = { tariff: 'bad-token'; id: number; wait: number | null };
const isBadTokenMessage = (m: unknown): m is { tariff: 'bad-token' } & Record<string, unknown> =>
  typeof m === 'object' && m !== null && (m as { tariff?: unknown }).tariff === 'bad-token';

/** How long a worker waits for the primary's answer before it answers the request 500 (the primary answers at once; none comes only when it is gone). */
const ASK_TIMEOUT_MS = 5000;

/**
 * A worker's bad-token limit: the primary's count, asked over the cluster's IPC channel. A
 * question that cannot be sent or gets no answer fails the request (500) rather than check a
 * token uncounted.
 */
export function askPrimaryBadTokens(): BadTokenLimit {
  let next = 0;
  const waiting = new Map<number, { resolve: (wait: number | undefined) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  const settle = (id: number): { resolve: (wait: number | undefined) => void; reject: (e: Error) => void } | undefined => {
    const w = waiting.get(id);
    if (!w) return undefined;
    waiting.delete(id);
    clearTimeout(w.timer);
    return w;
  };
  process.on('message', (m: unknown) => {
    if (!isBadTokenMessage(m)) return;
    const a = m as BadTokenAnswer;
    settle(a.id)?.resolve(a.wait ?? undefined);
  });
  process.on('disconnect', () => {
    for (const id of [...waiting.keys()]) settle(id)?.reject(new Error('the primary is gone: the bad-token limit cannot be asked'));
  });
  const send = (ask: BadTokenAsk, failed: (e: Error) => void): void => {
    if (!process.send || !process.connected) return failed(new Error('no channel to the primary: the bad-token limit cannot be asked'));
    process.send(ask, undefined, undefined, (e: Error | null) => {
      if (e) failed(e);
    });
  };
  const ask = (op: BadTokenAsk['op'], client: string): Promise<number | undefined> =>
    new Promise((resolve, reject) => {
      next += 1;
      const id = next;
      const timer = setTimeout(() => settle(id)?.reject(new Error(`the primary did not answer the bad-token limit in ${ASK_TIMEOUT_MS} ms`)), ASK_TIMEOUT_MS);
      timer.unref();
      waiting.set(id, { resolve, reject, timer });
      send({ tariff: 'bad-token', op, id, client }, (e) => settle(id)?.reject(e));
    });
  return {
    take: (client) => ask('take', client),
    // Answered before the good token's request is: the address's next request, to any worker, meets the count without it.
    // Not answered (the primary gone), the request is still served: the address would only wait out its window sooner.
    giveBack: (client) =>
      ask('give-back', client).then(
        () => undefined,
        () => undefined,
      ),
  };
}

/** The variable that tells a worker its share of `--max-connections` (set by the primary only; read only in a worker). */
export const CONNECTION_SHARE_ENV = 'TARIFF_SERVE_CONNECTION_SHARE';

/**
 * Worker `slot`'s share of a connection cap of `total` over `count` workers: the total split as
 * evenly as whole numbers go (the first `total mod count` workers take one more), so the shares
 * add up to the total. Each worker refuses a connection past its own share, even while another
 * has room: the primary hands connections out in turn, not by who has room.
 */
export const connectionShare = (total: number, count: number, slot: number): number => Math.floor(total / count) + (slot < total % count ? 1 : 0);

export function runWorkerPool(opts: WorkerPoolOptions): Promise<number> {
  cluster.setupPrimary({ exec: opts.exec, args: opts.args });
  const maxRestarts = opts.maxRestarts ?? opts.count * 3;
  return new Promise((done) => {
    let stopping = false;
    let exitCode = 0;
    const exits: number[] = [];
    const live = new Set<Worker>();
    const fork = (slot: number): void => {
      const w = cluster.fork(opts.envOf?.(slot));
      live.add(w);
      if (opts.badTokens) {
        const count = opts.badTokens;
        w.on('message', (m: unknown) => {
          if (!isBadTokenMessage(m)) return;
          const ask = m as BadTokenAsk;
          const client = String(ask.client);
          const wait = ask.op === 'give-back' ? (count.giveBack(client), undefined) : count.take(client);
          const answer: BadTokenAnswer = { tariff: 'bad-token', id: Number(ask.id), wait: wait ?? null };
          // A worker gone meanwhile asked for a request no one waits for.
          if (w.isConnected()) w.send(answer, undefined, () => undefined);
        });
      }
      let listening = false;
      w.once('listening', () => (listening = true));
      w.on('exit', (code, signal) => {
        live.delete(w);
        if (stopping) {
          if (live.size === 0) {
            opts.log({ event: 'stopped', workers: opts.count });
            done(exitCode);
          }
          return;
        }
        opts.log({ event: 'worker.exited', worker: w.process.pid, code, signal });
        if (!listening && code === 2) {
          opts.log({ event: 'stopping', reason: 'a worker could not start (exit 2): see its error' });
          exitCode = 2;
          stop();
          if (live.size === 0) done(exitCode);
          return;
        }
        const now = Date.now();
        exits.push(now);
        while (exits.length && exits[0]! < now - 60_000) exits.shift();
        if (exits.length > maxRestarts) {
          opts.log({ event: 'stopping', reason: `${exits.length} worker exits in a minute: see the lines above` });
          exitCode = 1;
          stop();
          if (live.size === 0) done(exitCode);
          return;
        }
        fork(slot);
      });
    };
    const stop = (): void => {
      stopping = true;
      for (const w of live) w.process.kill('SIGTERM');
    };
    opts.log({ event: 'workers', count: opts.count, ...opts.note });
    for (let slot = 0; slot < opts.count; slot += 1) fork(slot);
    const onSignal = (signal: string): void => {
      if (stopping) return;
      opts.log({ event: 'stopping', signal });
      stop();
    };
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => onSignal(signal));
    // The workers ignore SIGHUP (a closing terminal signals the whole group): the primary stops all of them, or none.
    process.on('SIGHUP', () => (opts.stopOnHangup ? onSignal('SIGHUP') : opts.log({ event: 'hangup.ignored', reason: HANGUP_IGNORED })));
  });
}

/** Whether this process is a worker of a pool (then it serves as a single service does). */
export const isPoolWorker = (): boolean => cluster.isWorker;
