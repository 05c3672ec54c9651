import type { Finished } from '../engine/decision-kit.js';
import type { FleetCharge } from '../engine/fleet-path.js';
import type { TariffIndex } from '../engine/tariff-index.js';
import type { Course } from '../engine/tariff-types.js';
import type { ClassRep, PriceTracePart } from './price-trace.js';
import {
  chargeOf,
  indexTrace,
  optionSets,
  type CourseEvents,
  type KeptCharges,
  type KeptSum,
  type LateCells,
  type OutageEvent,
  type PriceIndex,
  type SettlementEvent,
} from './price-index.js';
import { bandsOf, type Bands } from './replications.js';
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

/**
 * Every replication's cache re-priced under the prices of `rs` (replication r on its own seed,
 * as runReplications ran it), and with two or more the bands of the re-priced replications, made
 * by the same `bandsOf` as a full run's: the same figures and bands as a full run, to the yen.
 * `caches` are the replications of one run in order (caches[0] on the scenario's own seed).
 */
export function repriceReplications(caches: readonly PriceCache[], rs: ResolvedScenario): { result: SimulationResult; bands?: Bands } {
  const n = rs.scenario.replications ?? 1;
  if (caches.length !== n) throw new NotRepriceable(`the run kept ${caches.length} replication(s) for re-pricing and the scenario asks for ${n}`);
  const seeds = caches.map((c) => c.rs.scenario.seed);
  const results = caches.map((c, r) => reprice(c, r === 0 ? rs : { ...rs, scenario: { ...rs.scenario, seed: seeds[r]! } }));
  return n > 1 ? { result: results[0]!, bands: bandsOf(results, seeds) } : { result: results[0]! };
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
  const everything =
    rest(was) !== rest(now) ||
    was.courses.length !== now.courses.length ||
    was.options.length !== now.options.length ||
    was.courses.some((c, i) => c.code !== now.courses[i]!.code) ||
    taxClause !== cache.index.taxClause;
  const courseChanged = changedRows(was.courses, now.courses);
  const optionChanged = changedRows(was.options, now.options);
  const repChanged = (rep: ClassRep): boolean => everything || courseChanged.has(rep.course) || rep.options.some((o) => optionChanged.has(o));
  const samePrices = (course: string): boolean => !everything && !courseChanged.has(course);
  const index = cache.index;
  // A course's answers are kept whole when nothing they read moved: its row and, for its charges,
  // the rows of the options its classes bill (and the rest of the tariff, `everything`).
  const courseKept = (course: string, x: CourseEvents): boolean => !everything && !courseChanged.has(course) && !x.options.some((o) => optionChanged.has(o));
  const charges = index.classes.map((rep): FleetCharge => {
    if (!repChanged(rep)) return rep.charge;
    const ch = chargeOf(fp, rep, optionsOf);
    if (ch.total > 0 !== rep.positive) throw new NotRepriceable(`a bill of ${rep.course} crosses 0 under the new prices (a late payment may be drawn differently): run in full`);
    return ch;
  });
  const clauseOf = (clauses: readonly string[], tax?: string): string => clauses.filter((c) => c !== tax).join('、');
  // The cube ids of an answer (its event and its amount), found once per answer: the run's answers
  // are one object per distinct answer (price-index.ts), found by the object; an answer the engine
  // gives now is found by its outcome and clauses, so no string is rebuilt per event.
  type Answer = { outcome: string; clauses: readonly string[] };
  type Ids = { event: number; amount: number };
  const idCache = new WeakMap<Answer, Ids>();
  const idsByText = new Map<string, Ids>();
  const idsOfNew = (out: Answer, event: string, item: string, tax?: string): Ids => {
    const key = `${event}\u0000${out.outcome}\u0000${out.clauses.join('\u0001')}`;
    let x = idsByText.get(key);
    if (!x) {
      const clause = clauseOf(out.clauses, tax);
      x = { event: events.id(`${event}-${out.outcome}`, clause), amount: amounts.id(item, clause) };
      idsByText.set(key, x);
    }
    return x;
  };
  const idsOf = (out: Answer, event: string, item: string, tax?: string): Ids => {
    let x = idCache.get(out);
    if (!x) {
      x = idsOfNew(out, event, item, tax);
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
  const addCharges = (cells: Int32Array): void => {
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
  };
  const addKeptCharges = (kept: KeptCharges): void => {
    const ids = kept.lines.map(([item, clause]) => amounts.id(item, clause));
    const r = kept.rows;
    for (let i = 0; i < r.length; i += 5) amounts.add(ids[r[i]!]!, r[i + 1]!, r[i + 2]!, r[i + 3]!, r[i + 4]!);
  };
  // Late interest: one question per (principal, due date, paid date), times its payments.
  const lateAsked = new Map<number, { id: Ids; amount: number }>();
  const addLate = (late: LateCells): void => {
    for (let t = 0, i = 0; i < late.cells.length; t += 1, i += 4) {
      const cls = late.cells[i]!;
      const course = late.cells[i + 1]!;
      const mo = late.cells[i + 2]!;
      const n = late.cells[i + 3]!;
      const principal = charges[cls]!.total;
      let id: Ids;
      let a: number;
      if (principal === index.classes[cls]!.charge.total) {
        const out = late.out[t]!;
        id = idsOf(out, 'late-interest', 'late-interest');
        a = out.fields.amount as number;
      } else {
        // One question per (principal, due date, paid date).
        const key = principal * 2 ** 21 + late.dates[t]!;
        let asked = lateAsked.get(key);
        if (!asked) {
          const out = fp.decideOnce('lateInterest', { principal, dueDate: late.dueDate[t]!, paidDate: late.paidDate[t]! });
          asked = { id: idsOfNew(out, 'late-interest', 'late-interest'), amount: out.fields.amount as number };
          lateAsked.set(key, asked);
        }
        id = asked.id;
        a = asked.amount;
      }
      events.add(id.event, course, mo, n, n);
      if (a !== 0) amounts.add(id.amount, course, mo, a * n, n);
    }
  };
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
    const id = idsOfNew(out, 'outage-waiver', 'outage-waiver');
    events.add(id.event, o.course, o.mo, 1);
    const a = out.fields.amount as number;
    if (a !== 0) amounts.add(id.amount, o.course, o.mo, -a);
  };
  const fee = charges.map((ch) => ch.lines.reduce((a, l) => (l.item === 'monthly-fee' ? a + l.amount : a), 0));
  const feeChanged = charges.map(
    (ch, g) => ch !== index.classes[g]!.charge && fee[g] !== index.classes[g]!.charge.lines.reduce((a, l) => (l.item === 'monthly-fee' ? a + l.amount : a), 0),
  );
  // A settlement before the term reads, by the family rule (別紙3表2, settle-same-family), the fee of
  // the longest course of its family whose term its months of use satisfy (TariffIndex.
  // longestSatisfied: it reads the family's courses' terms and that course's fee). A changed course
  // can be that course, or change which it is, only for a settlement of its family (before or after
  // the change) whose months of use reach its term (before or after): `reach` is, by family, the
  // shortest such term of a changed course. A settlement of an unchanged course, with the same
  // months of use (they read the course's row and the contract's dates only) below its family's
  // reach and the same `paid`, reads nothing that moved: its answer is the run's.
  const withoutFee = (c: Course | undefined): string => JSON.stringify(c && { ...c, monthlyFee: undefined });
  const feeOnlyChange = (code: string): boolean => withoutFee(was.courses.find((c) => c.code === code)) === withoutFee(now.courses.find((c) => c.code === code));
  const reach = new Map<string, number>();
  for (const code of courseChanged)
    for (const row of [was.courses.find((c) => c.code === code), now.courses.find((c) => c.code === code)])
      if (row && row.termMonths !== null) reach.set(row.family, Math.min(reach.get(row.family) ?? Infinity, row.termMonths));
  for (const [course, x] of index.byCourse) {
    const same = samePrices(course);
    if (courseKept(course, x)) {
      addKeptCharges(x.keptCharges);
      addKept(x.keptLate, 'late-interest', 'late-interest', 1);
    } else {
      addCharges(x.cells);
      addLate(x.late);
    }
    // An outage answered none fired no waiver or waived no whole unit: that answer reads no fee.
    if (everything) for (const o of x.outagesNone) outage(o, fp.decideOnce('outageWaiver', o.facts));
    else addKept(x.keptNone, 'outage-waiver', 'outage-waiver', -1);
    if (same) addKept(x.keptWaived, 'outage-waiver', 'outage-waiver', -1);
    else for (const o of x.outagesWaived) outage(o, fp.decideOnce('outageWaiver', o.facts));
    if (x.settlements.length === 0) continue;
    // Settlements: asked again when their course's prices, the fees they count (paid) or the family
    // rule's course (above) may have moved.
    const family = fp.tariff.byCode.get(course)!.family;
    const familyReach = everything ? -Infinity : (reach.get(family) ?? Infinity);
    // Nothing moved for the whole course (no class billed to its settlements changed its fee, no
    // months of use reach a changed course of the family): the run's sums, without a loop.
    const feesMoved = x.settlementClasses.some((g) => feeChanged[g]);
    if (same && !feesMoved && x.maxMonthsUsed < familyReach) {
      addKept(x.keptSettlements, 'settlement', 'settlement', 1, settlementTax);
      continue;
    }
    const settlements = x.settlements;
    const paid = new Float64Array(settlements.length);
    let allKept = same;
    for (let i = 0; i < settlements.length; i += 1) {
      const s = settlements[i]!;
      let p = s.paid;
      const cls = s.classes;
      if (feesMoved)
        for (let k = 0; k < cls.length; k += 2)
          if (feeChanged[cls[k]!]) {
            p = s.before;
            for (let j = 0; j < cls.length; j += 2) p += fee[cls[j]!]! * cls[j + 1]!;
            break;
          }
      paid[i] = p;
      if (p !== s.paid || !(s.monthsUsed < familyReach)) allKept = false;
    }
    if (allKept) {
      addKept(x.keptSettlements, 'settlement', 'settlement', 1, settlementTax);
      continue;
    }
    // Settlements asked again, grouped when the course's row moved at most in its fee: given the
    // tariff, the engine's settlement reads of the facts only the months of use (from the course's
    // minimum period, the dates, the free months and the interpretations), the free months (a rule
    // fact), `paid` (amount = gross − paid) and, through the start date, which tariff's fees the
    // contract pays (TariffIndex.courseFee: priceIndexFor). With the course's row the same but for
    // its fee, the months of use are the run's; so settlements alike in (free months, months of
    // use, paid, priceIndexFor(start date)) get one answer, asked once.
    const grouped = !everything && feeOnlyChange(course);
    type Priced = { id: Ids; amount: number; tax: number };
    const priced = (out: Finished, id: Ids): Priced => {
      const f = out.fields as { amount: number; tax: number };
      return { id, amount: f.amount, tax: f.tax };
    };
    const asked = new Map<number | string, Priced>();
    const versionOf = new Map<TariffIndex, number>();
    const ask = (s: SettlementEvent, p: number): Priced => {
      const free = s.facts.freeMonths;
      const used = s.monthsUsed;
      if (!grouped || typeof used !== 'number') {
        const out = fp.decideOnce('settlement', { ...s.facts, paid: p });
        return priced(out, idsOfNew(out, 'settlement', 'settlement', settlementTax));
      }
      const idx = fp.tariff.priceIndexFor(s.facts.startDate as string);
      let v = versionOf.get(idx);
      if (v === undefined) {
        v = versionOf.size;
        versionOf.set(idx, v);
      }
      // One number for the group when its parts are small whole numbers (they are, for the fleets
      // the simulator draws), else a text.
      const small = Number.isInteger(free) && (free as number) >= 0 && (free as number) < 64 && Number.isInteger(used) && used >= 0 && used < 1024 && v < 16;
      const key = small && Number.isSafeInteger(p) && p >= 0 && p < 2 ** 32 ? ((p * 64 + (free as number)) * 1024 + used) * 16 + v : `${String(free)},${used},${p},${v}`;
      let out = asked.get(key);
      if (!out) {
        const answer = fp.decideOnce('settlement', { ...s.facts, paid: p });
        out = priced(answer, idsOfNew(answer, 'settlement', 'settlement', settlementTax));
        asked.set(key, out);
      }
      return out;
    };
    for (let i = 0; i < settlements.length; i += 1) {
      const s = settlements[i]!;
      const kept = same && paid[i] === s.paid && s.monthsUsed < familyReach;
      let id: Ids;
      let amount: number;
      let tax: number;
      if (kept) {
        id = idsOf(s.out, 'settlement', 'settlement', settlementTax);
        amount = s.out.fields.amount as number;
        tax = s.out.fields.tax as number;
      } else ({ id, amount, tax } = ask(s, paid[i]!));
      events.add(id.event, s.course, s.mo, 1);
      if (amount !== 0) amounts.add(id.amount, s.course, s.mo, amount);
      if (tax !== 0) amounts.add(settlementTaxId, s.course, s.mo, tax);
    }
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
