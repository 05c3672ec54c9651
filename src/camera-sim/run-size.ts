import { DataLoadError } from '../engine/errors.js';
import type { ResolvedScenario } from './scenario-loader.js';
import { assumptionsOf } from './sensitivity.js';
import { plural } from '../io/plural.js';

/**
 * The most work `tariff simulate` starts unless told otherwise (`--max-contract-months N`), in
 * contract-months: fleet.size × horizon.months × runs (runSize). Chosen from a measurement on this
 * project's two-core machine (docs/scenarios.md § How large a run may be): the example scenario,
 * 100,000 × 60 = 6,000,000 contract-months, ran in 47 s with the machine busy (load 8 to 10:
 * 128,000 a second; about 23 s when quiet, bench/run.ts's fleet), so 100,000,000 is about 13
 * minutes busy and 6 quiet. The schema allows 10,000,000 × 600 × 1,000 replications, a run of months.
 */
export const DEFAULT_MAX_CONTRACT_MONTHS = 100_000_000;

/**
 * What writing the ledger costs, in runs: the example with `--ledger` (to CSV, 5.4 GB of rows)
 * took 8 min 22 s where it took 47 s without, the same hour: about ten runs more.
 */
export const LEDGER_RUNS = 10;

/**
 * What `--verify` costs, in runs (it runs the scenario once with its ledger and replays every row
 * through the engine): at 20,000 × 60 it took 5 min 42 s, 3,500 contract-months a second, where a
 * run does 128,000 (both measured busy, in the same minutes): about 36 runs, one of them the run itself.
 */
export const VERIFY_RUNS = 35;

/** What a run is asked to do, from the scenario and the flags. */
export type RunRequest = {
  /** Runs of the fleet for the bands, and where their number came from. */
  readonly replications: number;
  readonly replicationsFrom: '--replications' | 'scenario' | 'default';
  /** --sensitivity (or the scenario's "sensitivity" section, `sensitivityFrom` 'scenario'): two more runs per assumption moved. */
  readonly sensitivity: boolean;
  readonly sensitivityFrom?: '--sensitivity' | 'scenario';
  /** --ledger: every ledger row written (replication 0 only). */
  readonly ledger: boolean;
  /** --verify: one run with its ledger, every row replayed (replications and sensitivity do not apply). */
  readonly verify: boolean;
};

/** A run's size: contracts × months × runs, and what the runs are, in words. */
export type RunSize = { readonly contracts: number; readonly months: number; readonly runs: number; readonly parts: readonly string[]; readonly contractMonths: number };

export { plural };

/** The size of the run a scenario and its flags ask for (nothing is run). */
export function runSize(rs: ResolvedScenario, r: RunRequest): RunSize {
  const contracts = rs.scenario.fleet.size;
  const { months } = rs.scenario.horizon;
  const parts: string[] = [];
  let runs: number;
  if (r.verify) {
    runs = 1 + VERIFY_RUNS;
    parts.push('1 run of the fleet', `${VERIFY_RUNS} for --verify's ledger and replay`);
  } else {
    runs = r.replications;
    parts.push(
      r.replicationsFrom === 'default'
        ? '1 run of the fleet'
        : `${plural(r.replications, 'replication')}, by ${r.replicationsFrom === 'scenario' ? 'the scenario\'s "replications"' : '--replications'}`,
    );
    if (r.sensitivity) {
      const moved = assumptionsOf(rs.scenario).length;
      runs += 2 * moved;
      parts.push(`${2 * moved} for ${r.sensitivityFrom === 'scenario' ? 'the scenario\'s "sensitivity"' : '--sensitivity'} (${plural(moved, 'assumption')} moved down and up)`);
    }
    if (r.ledger) {
      runs += LEDGER_RUNS;
      parts.push(`${LEDGER_RUNS} for --ledger`);
    }
  }
  return { contracts, months, runs, parts, contractMonths: contracts * months * runs };
}

/**
 * Refuses, before anything runs or is written, a run larger than `limit` contract-months
 * (DataLoadError RUN_TOO_LARGE at /fleet/size of the scenario, exit 2): its size, how it was
 * counted, the limit, and what to do.
 */
/** A run over its limit, in words: its size, how it was counted and the limit (the CLI's and the studio's RUN_TOO_LARGE). */
export function overLimit(size: RunSize, limit: number): string {
  const n = (x: number): string => x.toLocaleString('en');
  return (
    `this run is ${n(size.contracts)} contracts × ${n(size.months)} months × ${plural(size.runs, 'run')} (${size.parts.join(', ')}) = ${n(size.contractMonths)} contract-months, ` +
    `more than the limit of ${n(limit)}${limit === DEFAULT_MAX_CONTRACT_MONTHS ? ' (about 10 minutes on two cores; docs/scenarios.md)' : ''}`
  );
}

export function checkRunSize(rs: ResolvedScenario, size: RunSize, limit: number): void {
  if (size.contractMonths <= limit) return;
  throw new DataLoadError('RUN_TOO_LARGE', [
    {
      file: rs.file,
      pointer: '/fleet/size',
      message: `${overLimit(size, limit)}. Make fleet.size, horizon.months or the runs fewer, or raise the limit with --max-contract-months ${size.contractMonths}`,
      code: 'RUN_TOO_LARGE',
    },
  ]);
}
