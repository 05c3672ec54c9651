import type { Finished } from '../engine/decision-kit.js';
import type { FleetCharge } from '../engine/fleet-path.js';
import type { ClassRep, PriceTracePart } from './price-trace.js';
import { chargeOf, indexTrace, optionSets, type KeptSum, type OutageEvent, type PriceIndex } from './price-index.js';
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

export type PriceCache = { rs: ResolvedScenario; result: SimulationResult; index: PriceIndex };

const PRICE_EDITS: ReadonlySet<Edit['edit']> = new Set(['course-fee', 'option-price', 'initial-fee']);

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

/** The cache of a run from its result and its proposal's price trace, grouped once (price-index.ts). */
export const priceCache = (rs: ResolvedScenario, result: SimulationResult, parts: readonly PriceTracePart[]): PriceCache => ({
  rs,
  result,
  index: indexTrace(new SideSim(rs, rs.sides[1]).fp, parts, rs.scenario.horizon.months, result.proposal.events),
});

/** A full run that keeps what re-pricing needs. */
export async function runCached(rs: ResolvedScenario, opts: RunOptions): Promise<PriceCache> {
  const parts: PriceTracePart[] = [];
  const result = await runSimulation(rs, { ...opts, onTrace: (p) => parts.push(p) });
  return priceCache(rs, result, parts);
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
  const optionsOf = optionSets(fp);
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
  const familiesChanged = new Set([...courseChanged].map((c) => now.courses.find((x) => x.code === c)?.family));
  const index = cache.index;
  const charges = index.classes.map((rep): FleetCharge => {
    if (!repChanged(rep)) return rep.charge;
    const ch = chargeOf(fp, rep, optionsOf);
    if (ch.total > 0 !== rep.positive) throw new NotRepriceable(`a bill of ${rep.course} crosses 0 under the new prices (a late payment may be drawn differently): run in full`);
    return ch;
  });
  const clauseOf = (clauses: readonly string[], tax?: string): string => clauses.filter((c) => c !== tax).join('、');
  // The cube ids of an answer (its event and its amount), found once per answer object: the engine's
  // memoized answers repeat, so their strings are not rebuilt per event.
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
  // Monthly charges: each class's lines times its contract-months.
  const lineIds = new Map<FleetCharge, number[]>();
  const idsOfCharge = (ch: FleetCharge): number[] => {
    let id = lineIds.get(ch);
    if (!id) {
      id = [...ch.lines.map((l) => amounts.id(l.item, l.clause)), amounts.id('tax', taxClause)];
      lineIds.set(ch, id);
    }
    return id;
  };
  const cells = index.cells;
  for (let i = 0; i < cells.length; i += 4) {
    const ch = charges[cells[i]!]!;
    const course = cells[i + 1]!;
    const mo = cells[i + 2]!;
    const n = cells[i + 3]!;
    const id = idsOfCharge(ch);
    const lines = ch.lines;
    for (let k = 0; k < lines.length; k += 1) amounts.add(id[k]!, course, mo, lines[k]!.amount * n, n);
    if (ch.tax !== 0) amounts.add(id[lines.length]!, course, mo, ch.tax * n, n);
  }
  // Late interest: one question per (class, due date, paid date), times its payments.
  const late = index.late;
  const lateAsked = new Map<number, Finished>();
  for (let t = 0, i = 0; i < late.cells.length; t += 1, i += 4) {
    const cls = late.cells[i]!;
    const course = late.cells[i + 1]!;
    const mo = late.cells[i + 2]!;
    const n = late.cells[i + 3]!;
    const principal = charges[cls]!.total;
    let out: Answer & { fields: { amount?: unknown } };
    if (principal === index.classes[cls]!.charge.total) out = late.out[t]!;
    else {
      // One question per (principal, due date, paid date).
      const key = principal * 2 ** 21 + late.dates[t]!;
      let asked = lateAsked.get(key);
      if (!asked) {
        asked = fp.decideOnce('lateInterest', { principal, dueDate: late.dueDate[t]!, paidDate: late.paidDate[t]! });
        lateAsked.set(key, asked);
      }
      out = asked;
    }
    const id = idsOf(out, 'late-interest', 'late-interest');
    events.add(id.event, course, mo, n, n);
    const a = out.fields.amount as number;
    if (a !== 0) amounts.add(id.amount, course, mo, a * n, n);
  }
  // What a course's answers summed to in the run, when the new prices leave them as they were.
  const addKept = (kept: KeptSum, event: string, item: string, sign: number, tax?: string): void => {
    const ids = kept.answers.map((x) => idsOf(x, event, item, tax));
    const r = kept.rows;
    for (let i = 0; i < r.length; i += 6) {
      const id = ids[r[i]!]!;
      const course = r[i + 1]!;
      const mo = r[i + 2]!;
      const n = r[i + 3]!;
      events.add(id.event, course, mo, n, n);
      const answer = kept.answers[r[i]!]!;
      if (answer.amount !== 0) amounts.add(id.amount, course, mo, sign * r[i + 4]!, n);
      if (answer.tax !== 0) amounts.add(settlementTaxId, course, mo, r[i + 5]!, n);
    }
  };
  const outage = (o: OutageEvent, out: Answer & { fields: { amount?: unknown } }): void => {
    const id = idsOf(out, 'outage-waiver', 'outage-waiver');
    events.add(id.event, o.course, o.mo, 1);
    const a = out.fields.amount as number;
    if (a !== 0) amounts.add(id.amount, o.course, o.mo, -a);
  };
  const fee = charges.map((ch) => ch.lines.reduce((a, l) => (l.item === 'monthly-fee' ? a + l.amount : a), 0));
  const feeChanged = charges.map(
    (ch, g) => ch !== index.classes[g]!.charge && fee[g] !== index.classes[g]!.charge.lines.reduce((a, l) => (l.item === 'monthly-fee' ? a + l.amount : a), 0),
  );
  for (const [course, x] of index.byCourse) {
    const same = samePrices(course);
    // A settlement before the term reads the fee of the longest course of its family it satisfied
    // (別紙3表2, settle-same-family): kept only when no course of the family changed.
    const family = fp.tariff.byCode.get(course)!.family;
    const familySame = !everything && !familiesChanged.has(family);
    // An outage answered none fired no waiver or waived no whole unit: that answer reads no fee.
    if (everything) for (const o of x.outagesNone) outage(o, fp.decide('outageWaiver', o.facts));
    else addKept(x.keptNone, 'outage-waiver', 'outage-waiver', -1);
    if (same) addKept(x.keptWaived, 'outage-waiver', 'outage-waiver', -1);
    else for (const o of x.outagesWaived) outage(o, fp.decide('outageWaiver', o.facts));
    // Settlements: asked again when their course's prices or the fees they count (paid) moved.
    const paid = x.settlements.map((s) => {
      for (let k = 0; k < s.classes.length; k += 2)
        if (feeChanged[s.classes[k]!]) {
          let p = s.before;
          for (let j = 0; j < s.classes.length; j += 2) p += fee[s.classes[j]!]! * s.classes[j + 1]!;
          return p;
        }
      return s.paid;
    });
    const kept = familySame && x.settlements.every((s, i) => paid[i] === s.paid);
    if (kept) addKept(x.keptSettlements, 'settlement', 'settlement', 1, settlementTax);
    else
      x.settlements.forEach((s, i) => {
        const out = paid[i] === s.paid && familySame ? s.out : fp.decideOnce('settlement', { ...s.facts, paid: paid[i] });
        const id = idsOf(out, 'settlement', 'settlement', settlementTax);
        events.add(id.event, s.course, s.mo, 1);
        const f = out.fields as { amount: number; tax: number };
        if (f.amount !== 0) amounts.add(id.amount, s.course, s.mo, f.amount);
        if (f.tax !== 0) amounts.add(settlementTaxId, s.course, s.mo, f.tax);
      });
  }
  // The events that read no price, as the cached run had them.
  const codes = new Map(rs.sides[1].tariff.courses.map((c, i) => [c.code, i]));
  const monthAt = new Map(cache.result.months.map((m, i) => [m, i]));
  for (const e of index.unpriced) events.add(events.id(e.event, e.clause), codes.get(e.course)!, monthAt.get(e.month)!, e.count, e.count);
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
