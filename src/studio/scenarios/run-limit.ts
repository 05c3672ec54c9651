import { DEFAULT_MAX_CONTRACT_MONTHS, largestOther, otherSizeRuns, overLimit, plural, sensitivityPart, totalOf, type OtherSizeRun } from '../../camera-sim/run-size.js';
import type { Scenario } from '../../camera-sim/scenario-types.js';
import { assumptionsOf } from '../../camera-sim/sensitivity.js';
import type { ResolvedScenario } from '../../camera-sim/scenario-loader.js';
import { StudioError } from '../../tariff-model/studio-error.js';

/**
 * The run-size limit of `tariff simulate` (camera-sim/run-size.ts, docs/scenarios.md § How large a
 * run may be), applied by the studio before any of its simulator work starts: a scenario run (its
 * replications and its sensitivity section), a re-price of a kept run and the fleet impact of a
 * tariff review. The work is counted as the CLI counts it, in contract-months: fleet.size ×
 * horizon.months × runs. A larger run is refused with RUN_TOO_LARGE at /fleet/size: its size, how
 * it was counted, the limit and what to do; nothing is saved or run.
 *
 * The limit is the studio's (`tariff studio --serve --max-contract-months N` on a team server,
 * else DEFAULT_MAX_CONTRACT_MONTHS). In the desktop app and the browser mode (one person on their
 * own machine) a run may raise it for itself, as `tariff simulate --max-contract-months N` does:
 * the page's "Run anyway" sends the size it showed. A team server ignores that: one run at a time
 * shares its cores with everybody, so only whoever runs the server raises the limit.
 */
export type StudioRunLimit = {
  /** The largest run started, in contract-months. */
  readonly maxContractMonths: number;
  /** Whether a run may raise the limit for itself (false on a team server). */
  readonly overrideAllowed: boolean;
};

export const defaultRunLimit = (overrideAllowed: boolean, maxContractMonths = DEFAULT_MAX_CONTRACT_MONTHS): StudioRunLimit => ({ maxContractMonths, overrideAllowed });

/** The limit one run is held to: the studio's, or the run's own (`maxContractMonths` of `scenarios.run`) where a run may raise it. */
export const limitOf = (limit: StudioRunLimit, override: number | undefined): number => (override !== undefined && limit.overrideAllowed ? override : limit.maxContractMonths);

/** A studio run's size: `runs` at contracts × months, the sensitivity runs at their own sizes (`others`) and, in words, what the runs are. */
export type StudioRunSize = { contracts: number; months: number; runs: number; parts: string[]; others: OtherSizeRun[]; contractMonths: number };

const n = (x: number): string => x.toLocaleString('en');
/** The pointer of the fleet size, which the studio's form moves in its sensitivity section (scenario-form.tsx). */
const FLEET = '/fleet/size';

/**
 * A run of `contracts` × `months`: its replications and, with a sensitivity section, two runs per
 * assumption `moved`, of which `others` run at their own size (the fleet size moved down and up).
 */
const sizeOf = (contracts: number, months: number, replications: number | undefined, moved: number | undefined, others: OtherSizeRun[] = []): StudioRunSize => {
  const parts = [replications === undefined ? '1 run of the fleet' : `${plural(replications, 'replication')}`];
  let runs = replications ?? 1;
  if (moved !== undefined) {
    runs += 2 * moved - others.length;
    parts.push(sensitivityPart(moved, others.length, 'the sensitivity section'));
  }
  return { contracts, months, runs, parts, others, contractMonths: totalOf(contracts, months, runs, others) };
};

/**
 * The size of a scenario run as the studio starts it: its replications, and two runs per
 * assumption of its sensitivity section (the sensitivity runs of run-size.ts's runSize, which a
 * test holds this to). Reads only the scenario, so a form not yet checked can be sized as it is
 * typed; undefined when its fleet size, months or replications are not whole numbers yet.
 */
export function scenarioRunSize(s: Scenario): StudioRunSize | undefined {
  const contracts = s.fleet?.size;
  const months = s.horizon?.months;
  if (![contracts, months, s.replications ?? 1].every((x) => Number.isSafeInteger(x) && (x as number) >= 1)) return undefined;
  let moved: number | undefined;
  let others: OtherSizeRun[] = [];
  if (s.sensitivity !== undefined) {
    let list: unknown;
    try {
      list = assumptionsOf(s);
      if (Array.isArray(list)) others = otherSizeRuns(s);
    } catch {
      return undefined;
    }
    if (!Array.isArray(list)) return undefined;
    // A moved fleet size or months not yet a whole number (being typed) is not sized.
    if (!others.every((o) => [o.contracts, o.months].every((x) => Number.isSafeInteger(x) && x >= 1))) return undefined;
    moved = list.length;
  }
  return sizeOf(contracts!, months!, s.replications, moved, others);
}

/**
 * The size of a checked scenario's run, counted once: the same count as scenarioRunSize and as
 * the CLI's runSize (run-size.ts; a test holds the three equal), worded for the studio (its
 * sensitivity is a section of the form, not a flag). A checked scenario has whole numbers and a
 * readable sensitivity section, so nothing here is undefined.
 */
export function resolvedRunSize(rs: ResolvedScenario): StudioRunSize {
  const s = rs.scenario;
  return sizeOf(s.fleet.size, s.horizon.months, s.replications, s.sensitivity !== undefined ? assumptionsOf(s).length : undefined, otherSizeRuns(s));
}

/** The size of re-pricing `replications` kept replications of a run of `rs`'s fleet and horizon. */
export const repriceSize = (rs: ResolvedScenario, replications: number): StudioRunSize => {
  const contracts = rs.scenario.fleet.size;
  const { months } = rs.scenario.horizon;
  return { contracts, months, runs: replications, parts: [`re-pricing ${plural(replications, 'kept replication')}`], others: [], contractMonths: contracts * months * replications };
};

/**
 * Refuses, before anything is saved or run, a run larger than its limit: StudioError RUN_TOO_LARGE
 * with one issue at /fleet/size whose `value` is the run's size in contract-months (the page's
 * "Run anyway" sends it back as `maxContractMonths`) and `expected` the limit, both written with
 * thousands separators and the unit (the page reads the digits).
 */
export function checkStudioRun(size: StudioRunSize, limit: StudioRunLimit, override?: number): void {
  const max = limitOf(limit, override);
  if (size.contractMonths <= max) return;
  const message = overLimit(size, max);
  const top = largestOther(size);
  // The form's own words for the fleet size moved (scenario-form.tsx's FleetSensitivityFields), else the assumption's pointer.
  const fewer = !top
    ? 'Make the fleet size, the months, the replications or the sensitivity assumptions fewer'
    : top.pointer === FLEET
      ? `Make "Fleet size, ${top.dir}" in the sensitivity section nearer the fleet size (or untick "Move the fleet size too")`
      : `Make the "${top.dir}" of ${top.pointer} in the sensitivity section nearer the scenario's own value (or leave that assumption out)`;
  const hint = limit.overrideAllowed
    ? `${fewer}, or choose "Run anyway" to run this size once (it may take ${minutes(size.contractMonths)}; Cancel stops it). Nothing was saved or run.`
    : `${fewer}. On a team server the limit is the server's: whoever runs it may raise it (tariff studio --serve --max-contract-months ${size.contractMonths}). Nothing was saved or run.`;
  throw new StudioError(
    'RUN_TOO_LARGE',
    `the run is too large: ${message}`,
    [
      {
        code: 'RUN_TOO_LARGE',
        severity: 'error',
        field: top ? top.field : '/fleet/size',
        message: `${top ? top.field : '/fleet/size'}: ${message}`,
        value: `${n(size.contractMonths)} contract-months`,
        expected: `at most ${n(max)} contract-months`,
        expectedJa: `${n(max)} 契約月以下`,
        ...(top ? { adviceJa: adviceJa(top, size, max) } : {}),
      },
    ],
    hint,
  );
}

/**
 * RUN_TOO_LARGE said on the Japanese page when a sensitivity run at its own size makes the run
 * large (the error banner shows it in place of the code's general advice): which run, its size,
 * and what to do.
 */
const adviceJa = (top: OtherSizeRun, size: StudioRunSize, max: number): string =>
  `この実行は大きすぎるため開始していません（合計 ${n(size.contractMonths)} 契約月、上限 ${n(max)} 契約月）。何も保存していません。` +
  `大きいのは感応度の${top.ja}で、それだけで ${n(top.contracts)} 契約 × ${n(top.months)} か月 = ${n(top.contractMonths)} 契約月です。` +
  (top.pointer === FLEET
    ? `「${top.dir === 'down' ? '下げた契約数' : '上げた契約数'}」をいまの契約数に近づけるか、「契約数も動かす」を外してください。`
    : `感応度の ${top.pointer} の${top.dir === 'down' ? '下側' : '上側'}の値をシナリオの値に近づけるか、その項目を外してください。`);

/** A rough duration at the measured 128,000 contract-months a second of a busy two-core machine (run-size.ts). */
export function minutes(contractMonths: number): string {
  const m = Math.ceil(contractMonths / 128_000 / 60);
  if (m < 120) return `about ${plural(m, 'minute')}`;
  const h = Math.round(m / 60);
  return h < 48 ? `about ${plural(h, 'hour')}` : `about ${plural(Math.round(h / 24), 'day')}`;
}
