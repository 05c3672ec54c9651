import { extraColumns, type Cell, type ExtraSheet } from './export-xlsx.js';
import type { SimulationResult } from './result.js';
import { runSimulation, type RunOptions } from './run-simulation.js';
import { fmix } from './rng.js';
import type { ResolvedScenario } from './scenario-loader.js';
import { buildViews, CATEGORIES, netExTax, type Money } from './views.js';

/**
 * Replications (docs/scenarios.md § Uncertainty): the scenario run N times, replication r on a
 * seed derived from the scenario's seed and r (replication 0 is the scenario's own seed, so its
 * result is the run without replications). Each replication is still baseline vs proposal on the
 * same draws, so the difference of a replication is paired; its band (the p5…p95 of the N paired
 * differences) is much tighter than the two sides' bands apart. Every replication is worker-count
 * independent, and the bands are computed from the replications in order, so they are too.
 *
 * Percentiles: linear interpolation between order statistics, rank = p × (N − 1) (Excel's
 * PERCENTILE.INC, which the Bands sheet uses live).
 */
export type Band = { p5: number; p50: number; p95: number; mean: number };
export type BandTriple = { baseline: Band; proposal: Band; difference: Band };
export type MonthFigure = (typeof CATEGORIES)[number] | 'netExTax';
export const MONTH_FIGURES: readonly MonthFigure[] = [...CATEGORIES, 'netExTax'];
export type Bands = {
  replications: number;
  seeds: number[];
  summary: ({ key: string; label: string; kind: 'yen' | 'count' } & BandTriple)[];
  byMonth: { month: string; figures: Record<MonthFigure, BandTriple> }[];
  /** Every replication's figures, in replication order: summary[key][side] and byMonth[month][figure][side] (for the workbook's live formulas). */
  values: { summary: Record<string, [number[], number[], number[]]>; byMonth: Record<string, Record<MonthFigure, [number[], number[], number[]]>> };
};

/** The seed of replication r (0: the scenario's own). */
export const replicationSeed = (seed: number, r: number): number => (r === 0 ? seed : fmix((fmix(seed ^ 0x2545f491) + Math.imul(r, 0x9e3779b9)) >>> 0));

/**
 * PERCENTILE.INC of values at p (0…1). The interpolation is done in whole millionths, exactly
 * (BigInt), when the values are whole numbers (yen, counts): 10,500 is 10500, not
 * 10499.999999999996 as `a + (b − a) × 0.2` in floating point gives, which a finance reader would
 * see in the JSON and the studio's tables. Other values interpolate in floating point.
 */
export const percentile = (values: readonly number[], p: number): number => {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return 0;
  const rankMicro = Math.round(p * 1_000_000) * (s.length - 1);
  const lo = Math.floor(rankMicro / 1_000_000);
  const hi = Math.min(s.length - 1, lo + 1);
  const fracMicro = rankMicro - lo * 1_000_000;
  const a = s[lo]!;
  const b = s[hi]!;
  if (fracMicro === 0 || a === b) return a;
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return a + ((b - a) * fracMicro) / 1_000_000;
  const micro = BigInt(a) * 1_000_000n + (BigInt(b) - BigInt(a)) * BigInt(fracMicro);
  const neg = micro < 0n;
  const abs = neg ? -micro : micro;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/u, '');
  return Number(`${neg ? '-' : ''}${abs / 1_000_000n}${frac ? `.${frac}` : ''}`);
};

export const band = (values: readonly number[]): Band => ({
  p5: percentile(values, 0.05),
  p50: percentile(values, 0.5),
  p95: percentile(values, 0.95),
  mean: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length),
});

const withSeed = (rs: ResolvedScenario, seed: number): ResolvedScenario => ({ ...rs, scenario: { ...rs.scenario, seed } });

const monthValue = (m: Money, f: MonthFigure): number => (f === 'netExTax' ? netExTax(m) : m[f]);

/** Bands from the replications' results (in replication order). */
export function bandsOf(results: readonly SimulationResult[], seeds: number[]): Bands {
  const views = results.map(buildViews);
  const first = views[0]!;
  const triple = (b: number[], p: number[]): [number[], number[], number[]] => [b, p, p.map((x, i) => x - b[i]!)];
  const summaryValues: Bands['values']['summary'] = {};
  for (const row of first.summary)
    summaryValues[row.key] = triple(
      views.map((v) => v.summary.find((x) => x.key === row.key)!.baseline),
      views.map((v) => v.summary.find((x) => x.key === row.key)!.proposal),
    );
  const monthValues: Bands['values']['byMonth'] = {};
  first.byMonth.forEach((row, i) => {
    monthValues[row.month] = Object.fromEntries(
      MONTH_FIGURES.map((f) => [
        f,
        triple(
          views.map((v) => monthValue(v.byMonth[i]!.baseline, f)),
          views.map((v) => monthValue(v.byMonth[i]!.proposal, f)),
        ),
      ]),
    ) as Record<MonthFigure, [number[], number[], number[]]>;
  });
  const bt = (t: [number[], number[], number[]]): BandTriple => ({ baseline: band(t[0]), proposal: band(t[1]), difference: band(t[2]) });
  return {
    replications: results.length,
    seeds,
    summary: first.summary.map((row) => ({ key: row.key, label: row.label, kind: row.kind, ...bt(summaryValues[row.key]!) })),
    byMonth: first.byMonth.map((row) => ({
      month: row.month,
      figures: Object.fromEntries(MONTH_FIGURES.map((f) => [f, bt(monthValues[row.month]![f])])) as Record<MonthFigure, BandTriple>,
    })),
    values: { summary: summaryValues, byMonth: monthValues },
  };
}

/**
 * Runs n replications. The first gets every option (ledger, onLedger, progress); the others run
 * without a ledger. onReplication reports each one done. `traceOf(r)`, when given, receives the
 * price trace of replication r and `onReplicationResult` its scenario and result: a caller keeps
 * every replication for re-pricing (reprice.ts `repriceReplications`, bands included).
 */
export async function runReplications(
  rs: ResolvedScenario,
  n: number,
  opts: RunOptions & {
    onReplication?: (done: number, of: number) => void;
    traceOf?: (r: number) => RunOptions['onTrace'];
    onReplicationResult?: (r: number, rs: ResolvedScenario, result: SimulationResult) => void;
  },
): Promise<{ result: SimulationResult; bands?: Bands }> {
  const seeds = Array.from({ length: n }, (_, r) => replicationSeed(rs.scenario.seed, r));
  const results: SimulationResult[] = [];
  for (let r = 0; r < n; r += 1) {
    const base: RunOptions = r === 0 ? opts : { workers: opts.workers, ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}), ...(opts.signal ? { signal: opts.signal } : {}) };
    const trace = opts.traceOf?.(r);
    const o: RunOptions = trace ? { ...base, onTrace: trace } : base;
    const rsr = withSeed(rs, seeds[r]!);
    const result = await runSimulation(rsr, o);
    results.push(result);
    opts.onReplicationResult?.(r, rsr, result);
    opts.onReplication?.(r + 1, n);
  }
  return n > 1 ? { result: results[0]!, bands: bandsOf(results, seeds) } : { result: results[0]! };
}

/** Column letters of a 1-based column. */
const col = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : col(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/**
 * The workbook's sheets: Replications (one row per figure and side, one column per replication:
 * values) and Bands (p5, p50, p95 and mean of each row: live PERCENTILE.INC and AVERAGE formulas
 * over the Replications row, their values cached).
 */
export function bandSheets(b: Bands): ExtraSheet[] {
  const rows: { figure: string; label: string; kind: 'yen' | 'count'; month: string; side: string; values: number[] }[] = [];
  const sides = ['baseline 現行', 'proposal 変更案', 'difference 差額'];
  const labelOf = new Map(b.summary.map((s) => [s.key, s.label]));
  for (const s of b.summary) b.values.summary[s.key]!.forEach((v, k) => rows.push({ figure: s.key, label: s.label, kind: s.kind, month: '', side: sides[k]!, values: v }));
  for (const m of b.byMonth)
    for (const f of MONTH_FIGURES)
      b.values.byMonth[m.month]![f].forEach((v, k) => rows.push({ figure: f, label: labelOf.get(f) ?? f, kind: 'yen', month: m.month, side: sides[k]!, values: v }));
  const rowKinds = rows.map((r) => r.kind);
  // Both sheets open with the row's figure, label, month and side (columns A to D).
  const rowHeads = [
    ['Figure', 22, 'text'],
    ['項目 Label', 34, 'text'],
    ['Month 月', 10, 'text'],
    ['Side 区分', 16, 'text'],
  ] as const;
  const first = rowHeads.length + 1;
  const last = col(first + b.replications - 1);
  const rep: ExtraSheet = {
    name: 'Replications',
    columns: extraColumns([...rowHeads, ...b.seeds.map((seed, r) => [`r${r} seed ${seed}`, 16, 'yen'] as const)]),
    rows: rows.map((r) => [r.figure, r.label, r.month, r.side, ...r.values]),
    rowKinds,
  };
  const stat = (r: { values: number[] }, i: number, p: number | 'mean'): Cell => {
    const range = `Replications!${col(first)}${i + 2}:${last}${i + 2}`;
    return p === 'mean' ? { formula: `AVERAGE(${range})`, result: band(r.values).mean } : { formula: `PERCENTILE.INC(${range},${p})`, result: percentile(r.values, p) };
  };
  const bands: ExtraSheet = {
    name: 'Bands',
    columns: extraColumns([...rowHeads, ['p5', 16, 'yen'], ['p50', 16, 'yen'], ['p95', 16, 'yen'], ['Mean 平均', 16, 'yen']]),
    rows: rows.map((r, i) => [r.figure, r.label, r.month, r.side, stat(r, i, 0.05), stat(r, i, 0.5), stat(r, i, 0.95), stat(r, i, 'mean')]),
    rowKinds,
  };
  return [bands, rep];
}
