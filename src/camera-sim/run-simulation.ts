import { pathToFileURL } from 'node:url';
import { programInfo } from '../io/program-info.js';
import { Worker } from 'node:worker_threads';
import { ChunkSimulator, type ChunkResult, type ChunkTask } from './chunk-simulator.js';
import { buildResult, type SimulationResult } from './result.js';
import type { PriceTracePart } from './price-trace.js';
import type { ResolvedScenario } from './scenario-loader.js';
import { Cube } from './side-sink.js';
import type { ToWorker } from './worker.js';

/**
 * Runs a scenario: the fleet is cut into chunks of contracts, simulated in worker threads (or in
 * this thread with workers: 0), and merged. Aggregates are integer sums, so the grouping does not
 * change them; ledger chunks are handed to onLedger in contract order, so a ledger file is the
 * same for any number of workers.
 */
export type Progress = { contractsDone: number; contracts: number; contractMonths: number; elapsedMs: number };
export type RunOptions = {
  /** Worker threads; 0 runs everything in the calling thread. */
  workers: number;
  ledger?: boolean;
  chunkSize?: number;
  onProgress?: (p: Progress) => void;
  /** Receives each chunk with its ledger, in contract order; the run waits for it. */
  onLedger?: (chunk: ChunkResult) => void | Promise<void>;
  /** Receives the proposal's price trace of every chunk (price-trace.ts), for re-pricing. */
  onTrace?: (part: PriceTracePart) => void;
  /** Stops the run: its workers are terminated and runSimulation rejects with SimulationCancelled. */
  signal?: AbortSignal;
};

/** How a run stopped by its AbortSignal ends: no partial result is returned. */
export class SimulationCancelled extends Error {
  override name = 'SimulationCancelled';
  readonly code = 'SIMULATION_CANCELLED';
  constructor(readonly contractsDone: number) {
    super(`the simulation was cancelled after ${contractsDone} contracts`);
  }
}

type Interps = [Record<string, string>, Record<string, string>];

/** The program that ran a simulation (its result names it): the nearest package.json above, from sources or a bundle. */
export const programVersion = (): { name: string; version: string } => programInfo();

/**
 * The worker's entry script. Beside this file in a checkout; a bundled host (the packaged Electron
 * app, whose main is one file in dist-electron/) names the unpacked copy in TARIFF_SIM_WORKER_ENTRY.
 */
const workerEntry = (): URL => (process.env.TARIFF_SIM_WORKER_ENTRY ? pathToFileURL(process.env.TARIFF_SIM_WORKER_ENTRY) : new URL('./worker-entry.mjs', import.meta.url));

const tasksOf = (size: number, chunkSize: number, ledger: boolean, trace: boolean): ChunkTask[] => {
  const tasks: ChunkTask[] = [];
  for (let from = 0, index = 0; from < size; from += chunkSize, index += 1) tasks.push({ index, from, to: Math.min(size, from + chunkSize), ledger, ...(trace ? { trace } : {}) });
  return tasks;
};

export async function runSimulation(rs: ResolvedScenario, opts: RunOptions): Promise<SimulationResult> {
  const started = Date.now();
  const size = rs.scenario.fleet.size;
  const months = rs.scenario.horizon.months;
  const ledger = opts.ledger === true;
  const tasks = tasksOf(size, opts.chunkSize ?? 1000, ledger, opts.onTrace !== undefined);
  const merged = rs.sides.map((s) => ({ amounts: new Cube(s.tariff.courses.length, months), events: new Cube(s.tariff.courses.length, months), contractMonths: 0 }));
  const interpretations: [Record<string, string>, Record<string, string>] = [{}, {}];
  let contractsDone = 0;
  let contractMonths = 0;
  // Chunks wait here until every earlier chunk has been handed to onLedger.
  const waiting = new Map<number, ChunkResult>();
  let nextToDeliver = 0;
  let delivering: Promise<void> = Promise.resolve();
  const dispatcher = { kick: (): void => undefined };

  const accept = (r: ChunkResult): void => {
    r.sides.forEach((p, k) => {
      merged[k]!.amounts.merge(p.amounts);
      merged[k]!.events.merge(p.events);
      merged[k]!.contractMonths += r.contractMonths[k]!;
    });
    if (r.trace) opts.onTrace?.(r.trace);
    contractsDone += r.to - r.from;
    contractMonths += r.contractMonths[0] + r.contractMonths[1];
    opts.onProgress?.({ contractsDone, contracts: size, contractMonths, elapsedMs: Date.now() - started });
    if (opts.onLedger) {
      waiting.set(r.index, r);
      delivering = delivering.then(async () => {
        while (waiting.has(nextToDeliver)) {
          const next = waiting.get(nextToDeliver)!;
          waiting.delete(nextToDeliver);
          nextToDeliver += 1;
          await opts.onLedger!(next);
          dispatcher.kick();
        }
      });
    }
  };
  const mergeInterps = (x: Interps): void => {
    x.forEach((m, k) => Object.assign(interpretations[k]!, m));
  };

  if (opts.signal?.aborted) throw new SimulationCancelled(0);
  if (opts.workers <= 0) {
    const sim = new ChunkSimulator(rs);
    for (const t of tasks) {
      if (opts.signal?.aborted) throw new SimulationCancelled(contractsDone);
      accept(sim.run(t));
      await delivering;
      await new Promise((r) => setImmediate(r));
    }
    mergeInterps(sim.interpretations());
  } else {
    await runOnWorkers(
      rs,
      tasks,
      Math.min(opts.workers, tasks.length),
      accept,
      mergeInterps,
      () => (ledger ? nextToDeliver : Infinity),
      dispatcher,
      opts.signal,
      () => contractsDone,
    );
    await delivering;
  }
  if (opts.signal?.aborted) throw new SimulationCancelled(contractsDone);
  return buildResult(
    rs,
    merged.map((m, k) => ({ ...m, interpretations: interpretations[k]! })),
    programVersion(),
  );
}

function runOnWorkers(
  rs: ResolvedScenario,
  tasks: ChunkTask[],
  count: number,
  accept: (r: ChunkResult) => void,
  mergeInterps: (x: Interps) => void,
  delivered: () => number,
  dispatcher: { kick: () => void },
  signal?: AbortSignal,
  contractsDone: () => number = () => 0,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let failed = false;
    const workers: Worker[] = [];
    const idle: Worker[] = [];
    const done = new Set<Worker>();
    // With a ledger, do not run far ahead of the chunk being written (bounded memory).
    const ahead = count * 4;
    const dispatch = (): void => {
      while (idle.length && next < tasks.length && tasks[next]!.index - delivered() < ahead) {
        const w = idle.pop()!;
        w.postMessage({ type: 'chunk', task: tasks[next]! } satisfies ToWorker);
        next += 1;
      }
      if (next >= tasks.length) while (idle.length) idle.pop()!.postMessage({ type: 'finish' } satisfies ToWorker);
    };
    dispatcher.kick = dispatch;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    // Cancelling terminates every worker at once (a chunk in progress is dropped, not awaited).
    const onAbort = (): void => fail(new SimulationCancelled(contractsDone()));
    signal?.addEventListener('abort', onAbort, { once: true });
    for (let i = 0; i < count; i += 1) {
      const w = new Worker(workerEntry(), { workerData: { scenario: rs }, execArgv: [] });
      workers.push(w);
      w.on('message', (msg: { type: 'result'; result: ChunkResult } | { type: 'interpretations'; value: Interps }) => {
        if (failed) return;
        if (msg.type === 'result') {
          try {
            accept(msg.result);
          } catch (e) {
            fail(e);
            return;
          }
          idle.push(w);
          dispatch();
        } else {
          mergeInterps(msg.value);
          finished += 1;
          done.add(w);
          void w.terminate();
          if (finished === count) {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          }
        }
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (code !== 0 && !done.has(w)) fail(new Error(`a simulation worker stopped with exit code ${code}`));
      });
      idle.push(w);
    }
    dispatch();
  });
}
