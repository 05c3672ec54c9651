import { monthIndex } from '../engine/dates.js';
import type { FleetCharge, FleetContract } from '../engine/fleet-path.js';
import type { TariffOption } from '../engine/tariff-types.js';
import type { ClassRep, PriceTracePart } from './price-trace.js';
import { buildResult, type SimulationResult } from './result.js';
import { runSimulation, type RunOptions } from './run-simulation.js';
import type { ResolvedScenario } from './scenario-loader.js';
import type { Edit, Scenario } from './scenario-types.js';
import { SideSim } from './side-sim.js';
import { Cube } from './side-sink.js';

/**
 * Instant re-pricing (docs/scenarios.md § Re-pricing). What happens to contracts (events) does not
 * depend on prices when the proposal only changes prices (course fees, option prices, initial
 * fees) and declares no price response: the draws, the decisions on courses, cancellations,
 * suspensions and terminations read no price. So a run keeps its proposal's events (price-trace.ts)
 * and a price edit re-prices them: each charge class is asked of the engine once under the new
 * prices and multiplied by its contract-months; late interest, outage waivers and settlements are
 * asked again (their amounts read prices). The answer equals a full run to the yen (the
 * differential test holds it); when a bill's total crosses 0 (a late payment is drawn only for a
 * bill above 0) re-pricing refuses with NotRepriceable and the caller runs in full.
 */
export class NotRepriceable extends Error {
  override name = 'NotRepriceable';
  readonly code = 'NOT_REPRICEABLE';
}

export type PriceCache = { rs: ResolvedScenario; result: SimulationResult; parts: PriceTracePart[] };

const PRICE_EDITS: ReadonlySet<Edit['edit']> = new Set(['course-fee', 'option-price', 'initial-fee']);
const PRICED_EVENTS = ['late-interest-', 'outage-waiver-', 'settlement-'];

const stripPrices = (s: Scenario): unknown => ({
  ...s,
  replications: undefined,
  sensitivity: undefined,
  proposal: { ...s.proposal, edits: (s.proposal.edits ?? []).filter((e) => !PRICE_EDITS.has(e.edit)) },
});
const hasResponse = (s: Scenario): boolean =>
  [s.response?.cancellation, s.response?.choice].some((e) => e && (e.elasticity || Object.values(e.bySeries ?? {}).some(Boolean) || (e.byCourse ?? []).some((x) => x.elasticity)));

/**
 * Whether the scenario has a section of contract-events.ts (returns, equipment, damages, refunds):
 * their amounts read prices (the daily rate of a late return, a damage cap, a waiver refunded on
 * the month's bill) and the return moves the end of fees, so re-pricing refuses them and the
 * caller runs in full.
 */
const hasContractEvents = (s: Scenario): boolean => s.returns !== undefined || s.equipment !== undefined || s.damages !== undefined || s.refunds !== undefined;

/** Whether `next` may be re-priced from a cache of `cached`: the same scenario but for the proposal's price edits, no response and no contract-events section. */
export const repriceable = (cached: Scenario, next: Scenario): boolean =>
  !hasResponse(cached) && !hasResponse(next) && !hasContractEvents(cached) && !hasContractEvents(next) && JSON.stringify(stripPrices(cached)) === JSON.stringify(stripPrices(next));

/** A full run that keeps what re-pricing needs. */
export async function runCached(rs: ResolvedScenario, opts: RunOptions): Promise<PriceCache> {
  const parts: PriceTracePart[] = [];
  const result = await runSimulation(rs, { ...opts, onTrace: (p) => parts.push(p) });
  return { rs, result, parts };
}

/** The cached run's answer under the prices of `rs` (a scenario repriceable from the cache's). */
export function reprice(cache: PriceCache, rs: ResolvedScenario): SimulationResult {
  if (!repriceable(cache.rs.scenario, rs.scenario))
    throw new NotRepriceable(
      'the scenario differs from the cached run in more than the proposal’s prices, or declares a price response or a returns, equipment, damages or refunds section',
    );
  const sim = new SideSim(rs, rs.sides[1]);
  const fp = sim.fp;
  const months = rs.scenario.horizon.months;
  const courses = rs.sides[1].tariff.courses.length;
  const amounts = new Cube(courses, months);
  const events = new Cube(courses, months);
  const taxClause = fp.taxClause('monthlyCharge') ?? '';
  const settlementTax = fp.taxClause('settlement') ?? '';
  const optionSets = new Map<string, readonly TariffOption[]>();
  const optionsOf = (codes: string[]): readonly TariffOption[] => {
    const key = codes.join(',');
    let set = optionSets.get(key);
    if (!set) {
      set = codes.map((c) => fp.tariff.options.get(c)!);
      optionSets.set(key, set);
    }
    return set;
  };
  // What the new prices change: courses and options by code (a course or option of the same code
  // whose row is the same reads the same prices); any other change of the tariff changes everything.
  const was = cache.rs.sides[1].tariff;
  const now = rs.sides[1].tariff;
  const changedRows = <T extends { code: string }>(a: readonly T[], b: readonly T[]): Set<string> => {
    const old = new Map(a.map((x) => [x.code, JSON.stringify(x)]));
    return new Set(b.filter((x) => old.get(x.code) !== JSON.stringify(x)).map((x) => x.code));
  };
  const rest = (t: typeof now): string => JSON.stringify({ ...t, courses: undefined, options: undefined });
  const everything = rest(was) !== rest(now) || was.courses.length !== now.courses.length || was.options.length !== now.options.length;
  const courseChanged = changedRows(was.courses, now.courses);
  const optionChanged = changedRows(was.options, now.options);
  const repChanged = (rep: ClassRep): boolean => everything || courseChanged.has(rep.course) || rep.options.some((o) => optionChanged.has(o));
  const samePrices = (course: string): boolean => !everything && !courseChanged.has(course);
  const priced = (rep: ClassRep): FleetCharge => {
    if (!repChanged(rep)) return rep.charge;
    const c: FleetContract = {
      course: fp.tariff.byCode.get(rep.course)!,
      startDate: rep.startDate,
      startMonth: monthIndex(rep.startDate),
      startDay: Number(rep.startDate.slice(8, 10)),
      freeMonths: rep.freeMonths,
      options: optionsOf(rep.options),
    };
    const ch = fp.monthlyCharge(c, rep.month, rep.end ?? undefined);
    if (ch.total > 0 !== rep.positive) throw new NotRepriceable(`a bill of ${rep.course} crosses 0 under the new prices (a late payment may be drawn differently): run in full`);
    return ch;
  };
  const clauseOf = (clauses: readonly string[], tax?: string): string => clauses.filter((c) => c !== tax).join('、');
  // The cube ids of an answer (its event and its amount), found once per answer object: the answers
  // kept in the trace and the engine's memoized ones repeat, so their strings are not rebuilt per event.
  type Answer = { outcome: string; clauses: readonly string[] };
  const idCache = new WeakMap<Answer, { event: number; amount: number }>();
  const idsOf = (out: Answer, event: string, item: string, tax?: string): { event: number; amount: number } => {
    let x = idCache.get(out);
    if (!x) {
      const clause = clauseOf(out.clauses, tax);
      x = { event: events.id(`${event}-${out.outcome}`, clause), amount: amounts.id(item, clause) };
      idCache.set(out, x);
    }
    return x;
  };
  const settlementTaxId = amounts.id('tax', settlementTax);
  for (const part of cache.parts) {
    const charges = part.reps.map(priced);
    const ids = charges.map((ch) => [...ch.lines.map((l) => amounts.id(l.item, l.clause)), amounts.id('tax', taxClause)]);
    const counts = part.counts;
    for (let i = 0; i < counts.length; i += 4) {
      const cls = counts[i]!;
      const course = counts[i + 1]!;
      const mo = counts[i + 2]!;
      const n = counts[i + 3]!;
      const ch = charges[cls]!;
      const id = ids[cls]!;
      const lines = ch.lines;
      for (let k = 0; k < lines.length; k += 1) amounts.add(id[k]!, course, mo, lines[k]!.amount * n, n);
      if (ch.tax !== 0) amounts.add(id[lines.length]!, course, mo, ch.tax * n, n);
    }
    const inHorizon = (mo: number): boolean => mo >= 0 && mo < months;
    for (const l of part.late) {
      const principal = charges[l.cls]!.total;
      const out = principal === part.reps[l.cls]!.charge.total ? l.out : fp.decide('lateInterest', { principal, dueDate: l.dueDate, paidDate: l.paidDate });
      if (!inHorizon(l.mo)) continue;
      const id = idsOf(out, 'late-interest', 'late-interest');
      events.add(id.event, l.course, l.mo, 1);
      const a = out.fields.amount as number;
      if (a !== 0) amounts.add(id.amount, l.course, l.mo, a);
    }
    for (const o of part.outages) {
      const out = samePrices(o.facts.course as string) ? o.out : fp.decide('outageWaiver', o.facts);
      const id = idsOf(out, 'outage-waiver', 'outage-waiver');
      events.add(id.event, o.course, o.mo, 1);
      const a = out.fields.amount as number;
      if (a !== 0) amounts.add(id.amount, o.course, o.mo, -a);
    }
    const fee = charges.map((ch) => ch.lines.reduce((a, l) => (l.item === 'monthly-fee' ? a + l.amount : a), 0));
    for (const s of part.settlements) {
      let paid = s.before;
      for (let k = 0; k < s.classes.length; k += 1) paid += fee[s.classes[k]!]!;
      const out = paid === s.paid && samePrices(s.facts.course as string) ? s.out : fp.decide('settlement', { ...s.facts, paid });
      const id = idsOf(out, 'settlement', 'settlement', settlementTax);
      events.add(id.event, s.course, s.mo, 1);
      const f = out.fields as { amount: number; tax: number };
      if (f.amount !== 0) amounts.add(id.amount, s.course, s.mo, f.amount);
      if (f.tax !== 0) amounts.add(settlementTaxId, s.course, s.mo, f.tax);
    }
  }
  // The events that read no price, as the cached run had them.
  const codes = new Map(rs.sides[1].tariff.courses.map((c, i) => [c.code, i]));
  const monthAt = new Map(cache.result.months.map((m, i) => [m, i]));
  for (const e of cache.result.proposal.events)
    if (!PRICED_EVENTS.some((p) => e.event.startsWith(p))) events.add(events.id(e.event, e.clause), codes.get(e.course)!, monthAt.get(e.month)!, e.count, e.count);
  const empty = new Cube(rs.sides[0].tariff.courses.length, months);
  const fresh = buildResult(
    rs,
    [
      { amounts: empty, events: empty, contractMonths: 0, interpretations: {} },
      { amounts, events, contractMonths: cache.result.proposal.contractMonths, interpretations: cache.result.proposal.interpretations },
    ],
    cache.result.program,
  );
  return { ...cache.result, scenario: fresh.scenario, courses: fresh.courses, options: fresh.options, proposal: fresh.proposal };
}
