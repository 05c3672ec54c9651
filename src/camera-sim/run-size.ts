import { DataLoadError } from '../engine/errors.js';
import type { ResolvedScenario } from './scenario-loader.js';
import type { Scenario } from './scenario-types.js';
import { ASSUMPTION_LABELS, assumptionsOf, movedScenario } from './sensitivity.js';
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

/**
 * A tornado run that does not run at the scenario's own size: the down or up run of an assumption
 * that moves the fleet size (or the months), e.g. `{"pointer":"/fleet/size","down":10,"up":10000000}`.
 * `field`: where its value is given (`/sensitivity/assumptions/i/down` or `…/up`); `en`/`ja`: the
 * run in words ("the up-run of the fleet size", 「契約数の上側の実行」).
 */
export type OtherSizeRun = {
  readonly pointer: string;
  readonly dir: 'down' | 'up';
  readonly field: string;
  readonly en: string;
  readonly ja: string;
  readonly contracts: number;
  readonly months: number;
  readonly contractMonths: number;
};

/**
 * A run's size: `runs` runs at the scenario's `contracts` × `months`, plus the tornado runs at
 * their own sizes (`others`), and what the runs are, in words. `contractMonths` is their sum.
 */
export type RunSize = {
  readonly contracts: number;
  readonly months: number;
  readonly runs: number;
  readonly parts: readonly string[];
  readonly others: readonly OtherSizeRun[];
  readonly contractMonths: number;
};

/** An assumption's name in one language: its label's Japanese or English half, else its pointer. */
const labelHalf = (pointer: string, lang: 'en' | 'ja'): string => {
  const label = ASSUMPTION_LABELS[pointer];
  if (!label) return pointer;
  const space = label.indexOf(' ');
  return lang === 'ja' ? label.slice(0, space) : `the ${label.slice(space + 1).replace(/^./u, (c) => c.toLowerCase())}`;
};

/**
 * The tornado's runs at another size than the scenario's (each assumption moved down and up as
 * sensitivity.ts's runSensitivity moves it, one run each: the replications are not repeated),
 * in the order they run. Sizes the scenario as it is: a moved size that is not a whole number
 * (a form still being typed) is returned as it is, for the caller to refuse.
 */
export function otherSizeRuns(s: Scenario): OtherSizeRun[] {
  if (s.sensitivity === undefined) return [];
  const relative = s.sensitivity.relative ?? 0.2;
  const listed = s.sensitivity.assumptions ?? [];
  const out: OtherSizeRun[] = [];
  for (const a of assumptionsOf(s)) {
    for (const dir of ['down', 'up'] as const) {
      const moved = movedScenario(s, a, relative, dir === 'down' ? -1 : 1).scenario;
      const contracts = moved.fleet?.size;
      const months = moved.horizon?.months;
      if (contracts === s.fleet?.size && months === s.horizon?.months) continue;
      const i = listed.indexOf(a);
      out.push({
        pointer: a.pointer,
        dir,
        field: i >= 0 ? `/sensitivity/assumptions/${i}/${dir}` : a.pointer,
        en: `the ${dir}-run of ${a.label ?? labelHalf(a.pointer, 'en')}`,
        ja: `${a.label ?? labelHalf(a.pointer, 'ja')}の${dir === 'down' ? '下側' : '上側'}の実行`,
        contracts,
        months,
        contractMonths: contracts * months,
      });
    }
  }
  return out;
}

/** The tornado's part of a run's words: its runs at the scenario's size, and how many run at their own. */
export const sensitivityPart = (moved: number, others: number, by: string): string =>
  others === 2 * moved && others > 0
    ? `${by} (${plural(moved, 'assumption')} moved down and up, all ${others.toLocaleString('en')} runs at their own size below)`
    : `${(2 * moved - others).toLocaleString('en')} for ${by} (${plural(moved, 'assumption')} moved down and up${others ? `; ${plural(others, 'more run')} at ${others === 1 ? 'its' : 'their'} own size below` : ''})`;

/** The sum of a run's parts: `runs` at the scenario's size and every tornado run at its own. */
export const totalOf = (contracts: number, months: number, runs: number, others: readonly OtherSizeRun[]): number =>
  others.reduce((sum, o) => sum + o.contractMonths, contracts * months * runs);

/** What makes a run large, when it is a tornado run at its own size: the largest one, if it alone is more than the runs at the scenario's size. */
export const largestOther = (size: Pick<RunSize, 'contracts' | 'months' | 'runs' | 'others'>): OtherSizeRun | undefined => {
  const top = [...size.others].sort((a, b) => b.contractMonths - a.contractMonths)[0];
  return top && top.contractMonths > size.contracts * size.months * size.runs ? top : undefined;
};

export { plural };

/** The size of the run a scenario and its flags ask for (nothing is run). */
export function runSize(rs: ResolvedScenario, r: RunRequest): RunSize {
  const contracts = rs.scenario.fleet.size;
  const { months } = rs.scenario.horizon;
  const parts: string[] = [];
  let others: OtherSizeRun[] = [];
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
      others = otherSizeRuns(rs.scenario);
      runs += 2 * moved - others.length;
      parts.push(sensitivityPart(moved, others.length, r.sensitivityFrom === 'scenario' ? 'the scenario\'s "sensitivity"' : '--sensitivity'));
    }
    if (r.ledger) {
      runs += LEDGER_RUNS;
      parts.push(`${LEDGER_RUNS} for --ledger`);
    }
  }
  return { contracts, months, runs, parts, others, contractMonths: totalOf(contracts, months, runs, others) };
}

/** A run over its limit, in words: its size, how it was counted, the limit and, when a tornado run at its own size makes it large, that run (the CLI's and the studio's RUN_TOO_LARGE). */
export function overLimit(size: RunSize, limit: number): string {
  const n = (x: number): string => x.toLocaleString('en');
  const others = size.others.map((o) => ` + ${o.en} at ${n(o.contracts)} contracts × ${n(o.months)} months`).join('');
  const top = largestOther(size);
  return (
    `this run is ${n(size.contracts)} contracts × ${n(size.months)} months × ${plural(size.runs, 'run')} (${size.parts.join(', ')})${others} = ${n(size.contractMonths)} contract-months, ` +
    `more than the limit of ${n(limit)}${limit === DEFAULT_MAX_CONTRACT_MONTHS ? ' (about 10 minutes on two cores; docs/scenarios.md)' : ''}` +
    (top ? `; what makes it large is ${top.en} (${top.field}): ${n(top.contractMonths)} contract-months alone` : '')
  );
}

/**
 * Refuses, before anything runs or is written, a run larger than `limit` contract-months
 * (DataLoadError RUN_TOO_LARGE, exit 2): its size, how it was counted, the limit, and what to do.
 * At /fleet/size of the scenario, or, when a tornado run at its own size makes it large, where
 * that run's size is given (e.g. /sensitivity/assumptions/0/up).
 */
export function checkRunSize(rs: ResolvedScenario, size: RunSize, limit: number): void {
  if (size.contractMonths <= limit) return;
  const top = largestOther(size);
  const fix = top
    ? `Make the "${top.dir}" of ${top.pointer} in the scenario's sensitivity section nearer the scenario's own value (or leave that assumption out)`
    : 'Make fleet.size, horizon.months or the runs fewer';
  throw new DataLoadError('RUN_TOO_LARGE', [
    {
      file: rs.file,
      pointer: top ? top.field : '/fleet/size',
      message: `${overLimit(size, limit)}. ${fix}, or raise the limit with --max-contract-months ${size.contractMonths}`,
      code: 'RUN_TOO_LARGE',
    },
  ]);
}
