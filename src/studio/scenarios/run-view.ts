import type { SideResult } from '../../camera-sim/result.js';
import { buildViews, categoryOf, netExTax } from '../../camera-sim/views.js';
import type { Pair, RunView, ScenarioSummary } from '../api/contract.js';
import type { ScenarioRecord } from '../workspace/scenario-store.js';
import type { StoredRun } from './stored-run.js';

/**
 * The figures the scenarios page draws and tabulates, derived from a stored run with the
 * simulator's own views (buildViews): the same numbers as the workbook's sheets.
 */
const pair = (baseline: number, proposal: number): Pair => ({ baseline, proposal });

/**
 * The simulator's labels are "日本語（clause） English": split for the UI's language; the clause stays
 * with both, in full-width parentheses in Japanese (解約申出（第22条）) and half-width in English
 * (Cancellation requests (第22条)).
 */
export function splitLabel(label: string): { ja: string; en: string } {
  const m = /^(\S+)\s+(.*)$/u.exec(label);
  if (!m) return { ja: label, en: label };
  const clause = /（(第[^）]*)）$/u.exec(m[1]!)?.[1];
  return { ja: m[1]!, en: clause ? `${m[2]!} (${clause})` : m[2]! };
}

const monthCounts = (side: SideResult, months: string[], match: (event: string) => boolean): number[] => {
  const at = new Map(months.map((m, i) => [m, i]));
  const out = months.map(() => 0);
  for (const e of side.events) if (match(e.event)) out[at.get(e.month)!]! += e.count;
  return out;
};

/** The run's notes, from the Assumptions rows `note POINTER` (assumptionRows writes them from the scenario's SCENARIO_NOTEs). */
const runNotes = (run: StoredRun): { pointer: string; message: string }[] =>
  run.assumptions.filter(([k]) => k.startsWith('note ')).map(([k, v]) => ({ pointer: k.slice('note '.length), message: String(v) }));

export function runView(run: StoredRun): RunView {
  const r = run.result;
  const notes = runNotes(run);
  const v = buildViews(r);
  const optionCodes = new Set(r.options.map((o) => o.code));
  const monthYen = (side: SideResult, category: 'outageWaivers' | 'settlements'): number[] => {
    const at = new Map(r.months.map((m, i) => [m, i]));
    const out = r.months.map(() => 0);
    for (const a of side.amounts) if (categoryOf(a.item, optionCodes) === category) out[at.get(a.month)!]! += a.amount;
    return out;
  };
  const counts = (match: (e: string) => boolean): [number[], number[]] => [monthCounts(r.baseline, r.months, match), monthCounts(r.proposal, r.months, match)];
  const waivers = counts((e) => e === 'outage-waiver-waive');
  const settlements = counts((e) => e === 'settlement-settle');
  const cancellations = counts((e) => e.startsWith('cancellation-'));
  const waiverYen = [monthYen(r.baseline, 'outageWaivers'), monthYen(r.proposal, 'outageWaivers')];
  const settlementYen = [monthYen(r.baseline, 'settlements'), monthYen(r.proposal, 'settlements')];
  return {
    meta: {
      name: r.scenario.name,
      seed: r.scenario.seed,
      fleetSize: r.scenario.fleetSize,
      start: r.scenario.horizon.start,
      months: r.scenario.horizon.months,
      finishedAt: run.finishedAt,
      elapsedMs: run.elapsedMs,
      workers: run.workers,
      formRevision: run.formRevision,
      sides: [r.baseline, r.proposal].map((s) => ({ label: s.label, ...s.versions, edits: s.edits, lines: run.editLines?.[s.label] ?? null })),
      ...(notes.length ? { notes } : {}),
    },
    summary: v.summary.map((s) => {
      const l = splitLabel(s.label);
      return { key: s.key, labelJa: l.ja, labelEn: l.en, kind: s.kind, baseline: s.baseline, proposal: s.proposal, difference: s.difference };
    }),
    byMonth: v.byMonth.map((m) => {
      const [b, p] = [netExTax(m.baseline), netExTax(m.proposal)];
      return { month: m.month, baseline: b, proposal: p, difference: p - b };
    }),
    byCourse: v.byCourse.map((c) => ({ code: c.code, name: c.name, baseline: c.baseline.netExTax, proposal: c.proposal.netExTax, difference: c.proposal.netExTax - c.baseline.netExTax })),
    byItem: v.byItem.map((x) => ({ item: x.item, name: x.name, clause: x.clause, baseline: x.baseline.amount, proposal: x.proposal.amount, difference: x.proposal.amount - x.baseline.amount })),
    ...(run.bands
      ? {
          bands: {
            replications: run.bands.replications,
            summary: run.bands.summary.map((s) => ({ key: s.key, baseline: s.baseline, proposal: s.proposal, difference: s.difference })),
            byMonth: run.bands.byMonth.map((m) => ({ month: m.month, ...m.figures.netExTax })),
          },
        }
      : {}),
    ...(run.sensitivity
      ? {
          sensitivity: {
            baseDifference: run.sensitivity.baseDifference,
            relative: run.sensitivity.relative,
            rows: run.sensitivity.rows.map((x) => ({ pointer: x.pointer, label: x.label, base: x.base, down: x.down, up: x.up, effectDown: x.effectDown, effectUp: x.effectUp, swing: x.swing })),
          },
        }
      : {}),
    overTime: r.months.map((month, i) => ({
      month,
      waivers: pair(waivers[0][i]!, waivers[1][i]!),
      waiverYen: pair(waiverYen[0]![i]!, waiverYen[1]![i]!),
      settlements: pair(settlements[0][i]!, settlements[1][i]!),
      settlementYen: pair(settlementYen[0]![i]!, settlementYen[1]![i]!),
      cancellations: pair(cancellations[0][i]!, cancellations[1][i]!),
    })),
  };
}

/** A saved scenario for the list: with its last run's net revenue, stale when the form changed since. */
export function scenarioSummary(rec: ScenarioRecord, last: StoredRun | null): ScenarioSummary {
  if (!last) return { id: rec.id, name: rec.name, revision: rec.revision, updatedAt: rec.updatedAt, lastRunAt: rec.lastRunAt, last: null };
  const net = buildViews(last.result).summary.find((s) => s.key === 'netExTax')!;
  // The Bands sheet's p50 of the paired difference (the page rounds it as the summary's p50 column).
  const median = last.bands?.summary.find((b) => b.key === 'netExTax')?.difference.p50;
  return {
    id: rec.id,
    name: rec.name,
    revision: rec.revision,
    updatedAt: rec.updatedAt,
    lastRunAt: rec.lastRunAt,
    last: {
      netExTax: pair(net.baseline, net.proposal),
      difference: net.difference,
      ...(median !== undefined ? { medianDifference: median, replications: last.bands!.replications } : {}),
      fleetSize: last.result.scenario.fleetSize,
      months: last.result.scenario.horizon.months,
      stale: last.formRevision !== rec.revision,
    },
  };
}
