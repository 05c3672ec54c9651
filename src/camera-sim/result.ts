import { monthIndex, monthLabel } from '../engine/dates.js';
import type { ResolvedScenario, SideLabel } from './scenario-loader.js';
import type { Cube, CubePart } from './side-sink.js';

/**
 * The result of a run, as plain JSON: per side, the amounts cube (month × course × item × clause)
 * and the events cube (month × course × event × clause), every row sorted, so the same scenario
 * and seed give byte-identical JSON whatever the number of workers. views.ts derives the summary,
 * by-month, by-course and by-item tables that the exports show.
 */
export type AmountRow = { month: string; course: string; item: string; clause: string; amount: number; rows: number };
export type EventRow = { month: string; course: string; event: string; clause: string; count: number };

export type SideResult = {
  label: SideLabel;
  versions: { rules: string; rulesStatus: string; tariffs: string; tariffsStatus: string };
  edits: string[];
  interpretations: Record<string, string>;
  contractMonths: number;
  amounts: AmountRow[];
  events: EventRow[];
};

export type SimulationResult = {
  scenario: { name: string; description: string; file: string; seed: number; fleetSize: number; horizon: { start: string; months: number } };
  program: { name: string; version: string };
  months: string[];
  /** Every course of either side's tariff: code and the Japanese name as 別紙3表1 prints it. */
  courses: { code: string; name: string }[];
  /** Every option of either side's tariff: code and Japanese name (別紙3表3). */
  options: { code: string; name: string }[];
  baseline: SideResult;
  proposal: SideResult;
};

const byString = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
/** Each value's place in `xs` sorted by `cmp`. */
const ranks = <T>(xs: readonly T[], cmp: (a: T, b: T) => number): Int32Array => {
  const out = new Int32Array(xs.length);
  xs.map((_, i) => i)
    .sort((i, j) => cmp(xs[i]!, xs[j]!))
    .forEach((i, r) => (out[i] = r));
  return out;
};

/**
 * A cube's rows sorted by (month, course, a, b) as strings. The month labels, course codes and
 * (a, b) keys are each ranked once, and the rows sorted by their ranks: the same order as comparing
 * the strings row by row, since a cube has one row per (month, course, key), so no two rows tie.
 */
const rowsOf = (p: CubePart, months: string[], courses: string[]) => {
  const month = ranks(months, byString);
  const course = ranks(courses, byString);
  const key = ranks(p.keys, (x, y) => byString(x[0]!, y[0]!) || byString(x[1]!, y[1]!));
  const at = new Float64Array(p.key.length);
  for (let i = 0; i < at.length; i += 1) at[i] = (month[p.month[i]!]! * courses.length + course[p.course[i]!]!) * p.keys.length + key[p.key[i]!]!;
  const order = Array.from(at, (_, i) => i).sort((i, j) => at[i]! - at[j]!);
  return order.map((i) => {
    const k = p.keys[p.key[i]!]!;
    return { month: months[p.month[i]!]!, course: courses[p.course[i]!]!, a: k[0]!, b: k[1]!, value: p.value[i]!, count: p.count[i]! };
  });
};

export function buildResult(
  rs: ResolvedScenario,
  merged: { amounts: Cube; events: Cube; contractMonths: number; interpretations: Record<string, string> }[],
  program: { name: string; version: string },
): SimulationResult {
  const s = rs.scenario;
  const start = monthIndex(s.horizon.start);
  const months = Array.from({ length: s.horizon.months }, (_, i) => monthLabel(start + i));
  const side = (k: 0 | 1): SideResult => {
    const r = rs.sides[k];
    const codes = r.tariff.courses.map((c) => c.code);
    const amounts: AmountRow[] = rowsOf(merged[k]!.amounts.part(), months, codes).map((x) => ({
      month: x.month,
      course: x.course,
      item: x.a,
      clause: x.b,
      amount: x.value,
      rows: x.count,
    }));
    const events: EventRow[] = rowsOf(merged[k]!.events.part(), months, codes).map((x) => ({ month: x.month, course: x.course, event: x.a, clause: x.b, count: x.count }));
    const interpretations = Object.fromEntries(Object.entries(merged[k]!.interpretations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { label: r.label, versions: r.versions, edits: r.edits, interpretations, contractMonths: merged[k]!.contractMonths, amounts, events };
  };
  const union = <T extends { code: string; name: string }>(lists: T[][]): { code: string; name: string }[] => {
    const seen = new Map<string, string>();
    for (const l of lists) for (const x of l) if (!seen.has(x.code)) seen.set(x.code, x.name);
    return [...seen].map(([code, name]) => ({ code, name }));
  };
  return {
    scenario: { name: s.name, description: s.description ?? '', file: rs.file, seed: s.seed, fleetSize: s.fleet.size, horizon: s.horizon },
    program,
    months,
    courses: union(rs.sides.map((x) => x.tariff.courses)),
    options: union(rs.sides.map((x) => x.tariff.options)),
    baseline: side(0),
    proposal: side(1),
  };
}
