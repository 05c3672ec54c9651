import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { assumptionRows } from '../../camera-sim/assumptions.js';
import { DEFAULT_MAX_CONTRACT_MONTHS, otherSizeRuns } from '../../camera-sim/run-size.js';
import type { SimulationResult } from '../../camera-sim/result.js';
import { runReplications, type Bands } from '../../camera-sim/replications.js';
import { priceCache, repriceable, type PriceCache } from '../../camera-sim/reprice.js';
import type { PriceTracePart } from '../../camera-sim/price-trace.js';
import { SimulationCancelled, type Progress } from '../../camera-sim/run-simulation.js';
import { assumptionsOf, runSensitivity, type Sensitivity } from '../../camera-sim/sensitivity.js';
import { buildViews } from '../../camera-sim/views.js';
import type { ResolvedScenario } from '../../camera-sim/scenario-loader.js';
import type { ApiError, RunProgress, RunStage, RunState, SideEditLines } from '../api/contract.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import type { StoredRun } from './stored-run.js';

/**
 * Runs of scenarios in the studio's main process (or the browser mode's server): the simulator's
 * worker threads do the work, so the thread answering the renderer stays free; the renderer polls
 * `progress` and may `cancel`, which aborts the run and terminates its workers. One run at a time
 * (the simulation already uses the machine's cores); finished runs are remembered for a while so a
 * late poll still learns how the run ended.
 */
export type RunRecord = {
  runId: string;
  scenarioId: number;
  state: RunState;
  progress: Progress;
  /** Which of several simulations is running (replications, then the sensitivity's); absent for a run of one. */
  stage?: RunStage;
  error: ApiError | null;
  controller: AbortController;
  done: Promise<void>;
};

/** Workers for a studio run: all cores but one (the one left answers the window), at least one. */
export const studioWorkers = (): number => Math.max(1, availableParallelism() - 1);
/** Chunks of about 1% of the fleet, so the progress bar moves (the answer is the same for any grouping). */
export const studioChunkSize = (size: number): number => Math.min(1000, Math.max(25, Math.ceil(size / 100)));

const KEEP_FINISHED = 20;
/** Price caches kept (the last runs' events, for instant re-pricing): the most recently run scenarios. */
const KEEP_CACHES = 3;
/**
 * A run of several replications keeps every replication's events (a re-price then has the run's
 * bands) only while contracts × months × replications stays within this many contract-months
 * (about 110 bytes each, measured: some 450 MB); beyond it nothing is kept and a price change runs
 * in full. A run of one replication is always kept.
 */
export const KEEP_REPLICATED_CONTRACT_MONTHS = 4_000_000;
/**
 * A run of one replication is kept while contracts × months stays within this many (about 1.3 GB
 * at 110 bytes each; the example's 100,000 × 60 is kept): a larger one, which only a raised run
 * limit starts (run-limit.ts), would take the process past its heap, so nothing is kept and a price
 * change runs in full.
 */
export const KEEP_CONTRACT_MONTHS = 12_000_000;

/**
 * A finished run's events kept for re-pricing (docs/studio-scenarios.md § Instant re-pricing): one
 * cache per replication, in order, with the key of the versions it ran on and the run-size limit
 * it was started under (a re-price is held to it: run-limit.ts).
 */
export type CachedRun = { caches: PriceCache[]; versionsKey: string; formRevision: number; maxContractMonths: number };

export class ScenarioRuns {
  private readonly runs = new Map<string, RunRecord>();
  private readonly caches = new Map<number, CachedRun>();

  constructor(
    private readonly opts: {
      workers?: number;
      onFinished: (run: RunRecord, stored: StoredRun) => void;
      onError?: (e: unknown) => void;
      /** KEEP_REPLICATED_CONTRACT_MONTHS unless given (tests). */
      keepReplicatedContractMonths?: number;
      /** KEEP_CONTRACT_MONTHS unless given (tests). */
      keepContractMonths?: number;
    },
  ) {}

  /**
   * Starts a run. With `versionsKey` (the versions the form picked, scenario-form.ts) and a scenario
   * that may be re-priced (no price response, no returns/equipment/damages/refunds section), every
   * replication's events are kept for `cached` (within KEEP_REPLICATED_CONTRACT_MONTHS, or
   * KEEP_CONTRACT_MONTHS for one). `editLines`: the sides' edits as lines, kept with the run.
   * `maxContractMonths`: the run-size limit the caller checked the run against (run-limit.ts), kept
   * with its events for the re-prices.
   */
  start(rs: ResolvedScenario, scenarioId: number, formRevision: number, versionsKey?: string, editLines?: SideEditLines, maxContractMonths = DEFAULT_MAX_CONTRACT_MONTHS): RunRecord {
    this.assertIdle();
    const workers = this.opts.workers ?? studioWorkers();
    const size = rs.scenario.fleet.size;
    const controller = new AbortController();
    const runId = randomBytes(12).toString('base64url');
    const run: RunRecord = {
      runId,
      scenarioId,
      state: 'running',
      progress: { contractsDone: 0, contracts: size, contractMonths: 0, elapsedMs: 0 },
      error: null,
      controller,
      done: Promise.resolve(),
    };
    const started = Date.now();
    const replications = rs.scenario.replications ?? 1;
    // A long run is several simulations: the page says which one is running, not 100% after the first.
    const assumptions = rs.scenario.sensitivity ? assumptionsOf(rs.scenario).length : 0;
    const runs = replications + 2 * assumptions;
    const w = runWork(rs.scenario, replications);
    const stage = (phase: RunStage['phase'], step: number, of: number, runsDone: number, workDone: number): void => {
      if (runs > 1) run.stage = { phase, step, of, runsDone, runs, workDone, work: w.work };
    };
    stage('replications', 1, replications, 0, 0);
    const opts = { workers, chunkSize: studioChunkSize(size), signal: controller.signal };
    const kept = size * rs.scenario.horizon.months * replications;
    const withinBudget =
      replications === 1 ? kept <= (this.opts.keepContractMonths ?? KEEP_CONTRACT_MONTHS) : kept <= (this.opts.keepReplicatedContractMonths ?? KEEP_REPLICATED_CONTRACT_MONTHS);
    const keep = versionsKey !== undefined && repriceable(rs.scenario, rs.scenario) && withinBudget;
    const parts: PriceTracePart[][] = Array.from({ length: replications }, () => []);
    const caches: PriceCache[] = [];
    const steps = async (): Promise<{ result: SimulationResult; bands?: Bands; sensitivity?: Sensitivity }> => {
      const { result, bands } = await runReplications(rs, replications, {
        ...opts,
        onProgress: (p) => {
          run.progress = p;
          // Within the first replication, its contracts move the bar by its share of the work.
          if (run.stage && run.stage.runsDone === 0 && p.contracts > 0) run.stage = { ...run.stage, workDone: Math.floor((p.contractsDone / p.contracts) * w.afterReplications(1)) };
        },
        onReplication: (done, of) =>
          done < of ? stage('replications', done + 1, of, done, w.afterReplications(done)) : stage('sensitivity', 1, assumptions, done, w.afterReplications(done)),
        ...(keep
          ? {
              traceOf: (r: number) => (p: PriceTracePart) => parts[r]!.push(p),
              // Each replication's trace is grouped as soon as it ends, and let go.
              onReplicationResult: (r: number, rsr: ResolvedScenario, res: SimulationResult) => {
                caches.push(priceCache(rsr, res, parts[r]!));
                parts[r] = [];
              },
            }
          : {}),
      });
      if (keep && versionsKey !== undefined) this.keepCache(scenarioId, { caches, versionsKey, formRevision, maxContractMonths });
      else this.caches.delete(scenarioId);
      const base = buildViews(result).summary.find((x) => x.key === 'netExTax')!.difference;
      const sensitivity = rs.scenario.sensitivity
        ? await runSensitivity(rs, { ...opts, onStep: (done, of) => stage('sensitivity', Math.min(done + 1, of), of, replications + 2 * done, w.afterAssumptions(done)) }, base)
        : undefined;
      return { result, ...(bands ? { bands } : {}), ...(sensitivity ? { sensitivity } : {}) };
    };
    run.done = steps().then(
      ({ result, bands, sensitivity }) => {
        const elapsedMs = Date.now() - started;
        const finishedAt = new Date().toISOString();
        const stored: StoredRun = {
          scenario: rs.scenario,
          result,
          assumptions: assumptionRows(rs.scenario, result, { workers, generatedAt: finishedAt, node: process.version, replications }, rs),
          finishedAt,
          elapsedMs,
          workers,
          formRevision,
          // With every replication's values: the workbook's Bands sheet is live formulas over them, as the CLI's.
          ...(bands ? { bands } : {}),
          ...(sensitivity ? { sensitivity } : {}),
          ...(editLines ? { editLines } : {}),
        };
        try {
          this.opts.onFinished(run, stored);
          run.state = 'done';
        } catch (e) {
          this.fail(run, e);
        }
        run.progress = { ...run.progress, elapsedMs };
      },
      (e: unknown) => {
        if (e instanceof SimulationCancelled) run.state = 'cancelled';
        else this.fail(run, e);
      },
    );
    this.runs.set(runId, run);
    this.prune();
    return run;
  }

  /** Throws RUN_IN_PROGRESS while a run is going: a caller checks before it saves anything, so a refused run changes nothing. */
  assertIdle(): void {
    const busy = [...this.runs.values()].find((r) => r.state === 'running');
    if (busy)
      throw new StudioError('RUN_IN_PROGRESS', `a scenario run is in progress (scenario ${busy.scenarioId}, ${busy.progress.contractsDone} of ${busy.progress.contracts} contracts)`, [], 'Wait for it to finish, or cancel it, then run again; nothing was saved.');
  }

  private keepCache(scenarioId: number, c: CachedRun): void {
    this.caches.delete(scenarioId);
    this.caches.set(scenarioId, c);
    for (const id of [...this.caches.keys()].slice(0, Math.max(0, this.caches.size - KEEP_CACHES))) this.caches.delete(id);
  }

  /** The last run of a scenario kept for re-pricing, if any. */
  cached(scenarioId: number): CachedRun | undefined {
    return this.caches.get(scenarioId);
  }

  /** Forgets a scenario's kept run (it was deleted). */
  forget(scenarioId: number): void {
    this.caches.delete(scenarioId);
  }

  private fail(run: RunRecord, e: unknown): void {
    run.state = 'failed';
    run.error =
      e instanceof StudioError
        ? { code: e.code, message: e.message, issues: e.issues, ...(e.hint !== undefined ? { hint: e.hint } : {}) }
        : { code: 'RUN_FAILED', message: `the run failed: ${e instanceof Error ? e.message : String(e)}`, issues: [], hint: 'Nothing was saved. Run it again; if it fails again, report it with the scenario.' };
    this.opts.onError?.(e);
  }

  private prune(): void {
    const finished = [...this.runs.values()].filter((r) => r.state !== 'running');
    for (const r of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.runs.delete(r.runId);
  }

  get(runId: string): RunRecord {
    const run = this.runs.get(runId);
    if (!run) throw new StudioError('RUN_NOT_FOUND', `no scenario run ${runId}`, [], 'Start the run again.');
    return run;
  }

  progress(runId: string): RunProgress {
    const r = this.get(runId);
    return { runId: r.runId, scenarioId: r.scenarioId, state: r.state, ...r.progress, error: r.error, ...(r.stage ? { stage: r.stage } : {}) };
  }

  /** Aborts the run and waits until its workers are terminated; a finished run is left as it ended. */
  async cancel(runId: string): Promise<RunProgress> {
    const r = this.get(runId);
    if (r.state === 'running') r.controller.abort();
    await r.done;
    return this.progress(runId);
  }

  /** Stops every run (the studio is closing). */
  async stopAll(): Promise<void> {
    for (const r of this.runs.values()) if (r.state === 'running') r.controller.abort();
    await Promise.all([...this.runs.values()].map((r) => r.done));
  }
}

/**
 * A run's work in contract-months, for its progress bar: each replication at the scenario's size,
 * then each assumption's down and up runs, at their own sizes when they move the fleet size or the
 * months (run-size.ts's otherSizeRuns, in the order they run), else at the scenario's.
 * `afterReplications(n)`: the work done when n replications have finished;
 * `afterAssumptions(k)`: when every replication and k assumptions' runs have.
 */
export function runWork(s: ResolvedScenario['scenario'], replications: number): { work: number; afterReplications: (n: number) => number; afterAssumptions: (k: number) => number } {
  const base = s.fleet.size * s.horizon.months;
  const others = otherSizeRuns(s);
  let next = 0;
  const perAssumption = (s.sensitivity ? assumptionsOf(s) : []).map((a) =>
    (['down', 'up'] as const).reduce((sum, dir) => {
      const o = others[next];
      if (o && o.pointer === a.pointer && o.dir === dir) {
        next += 1;
        return sum + o.contractMonths;
      }
      return sum + base;
    }, 0),
  );
  const replicated = base * replications;
  const afterAssumptions = (k: number): number => perAssumption.slice(0, k).reduce((sum, x) => sum + x, replicated);
  return { work: afterAssumptions(perAssumption.length), afterReplications: (n) => base * Math.min(n, replications), afterAssumptions };
}
