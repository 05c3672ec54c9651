import { addDays, dayNumber, daysInMonth, fromDayNumber, monthIndex, monthLabel, TOKYO_OFFSET_MS, tokyoDateTime } from '../engine/dates.js';
import { DECISION_DEFS } from '../engine/decide.js';
import type { Finished } from '../engine/decision-kit.js';
import { FleetPath, type FleetCharge, type FleetContract, type FleetEnd } from '../engine/fleet-path.js';
import { TariffIndex } from '../engine/tariff-index.js';
import type { Course, TariffOption } from '../engine/tariff-types.js';
import { ContractEvents } from './contract-events.js';
import { cumulate, draw, intBetween, pickIndex, PURPOSE } from './rng.js';
import type { ResolvedScenario, ResolvedSide } from './scenario-loader.js';
import type { RegisterRow } from './contract-register.js';
import { PriceTrace, traced } from './price-trace.js';
import { priceResponse, type PriceResponse } from './price-response.js';
import { SideSink } from './side-sink.js';

/**
 * One side (baseline or proposal) of a scenario, simulating contracts one at a time, month by
 * month. Every amount comes from an engine decision asked through the FleetPath; this file holds
 * no price, rate or clause. Behaviour (who cancels, when an outage happens) comes from the
 * scenario's probabilities through counter-based draws (rng.ts), identical for both sides.
 *
 * Model (docs/scenarios.md has the full story): each month of the horizon a live contract may ask
 * for a course change (第15条, effective next month), ask to cancel (第22条: a late request moves
 * the end to the first date the notice rule accepts), become insolvent (第23条) or be suspended on
 * another ground (第19条); it is billed (monthlyCharge); it may have an outage (第25条第2項, a
 * credit); its bill may be paid late (第27条 interest when paid; 第19条 suspension once overdue
 * long enough; a suspension not remedied in time asks 第23条第1号 termination). At its end the
 * settlement (別紙3表2) is asked.
 */
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const dayEpochMs = (iso: string): number => dayNumber(iso) * 86_400_000 - TOKYO_OFFSET_MS;
const dateIn = (month: number, day: number): string => `${monthLabel(month)}-${String(day).padStart(2, '0')}`;
const DIM = Array.from({ length: 12 * 3000 }, (_, i) => daysInMonth(Math.floor(i / 12), (i % 12) + 1));
const dimOf = (month: number): number => DIM[month] ?? daysInMonth(Math.floor(month / 12), (month % 12) + 1);

/** Every fact of a decision on grounds set to "no such ground" (false, or null where the schema allows it), from the decision's own facts schema. */
const noGrounds = (name: 'suspension' | 'termination'): Record<string, boolean | null> => {
  const props = (DECISION_DEFS[name].factsSchema as { properties: Record<string, { enum?: unknown[] }> }).properties;
  return Object.fromEntries(Object.entries(props).map(([k, p]) => [k, p.enum?.includes(null) ? null : false]));
};
const NO_GROUNDS = { suspension: noGrounds('suspension'), termination: noGrounds('termination') };

/** The facts of monthlyCharge for a contract and month, as `tariff decide` takes them. */
const chargeFacts = (c: FleetContract, m: number, end: FleetEnd | undefined): Record<string, unknown> => ({
  course: c.course.code,
  startDate: c.startDate,
  month: monthLabel(m),
  freeMonths: c.freeMonths,
  options: c.options.map((o) => o.code),
  ...(end ? { endDate: end.date } : {}),
});

/** The clauses an answer cites, as one cell ("別紙3表2、第25条第4項"); the tax clause has rows of its own. */
const clauseOf = (out: Finished, taxClause?: string): string => out.clauses.filter((c) => c !== taxClause).join('、');

type Suspension = { from: number; remedyMonth: number; limit: number; other: boolean };
/** What the sink keeps of a charge the engine answered: its item ids and its monthly-fee line (for the settlement's paid). */
type ChargeInfo = { ids: Int32Array; fee: number };
const NO_OPTIONS: readonly TariffOption[] = [];

export class SideSim {
  readonly fp: FleetPath;
  private readonly courseId = new Map<Course, number>();
  private readonly mix: Course[];
  private readonly mixCum: number[];
  /** The proposal's price response (price-response.ts); empty on the baseline or without one. */
  private readonly response: PriceResponse;
  private readonly newMixCum: number[];
  private readonly uptakes: { from: Set<string>; course: Course; share: number }[];
  private readonly optionUptake: { option: TariffOption; probability: number }[];
  private readonly optionSets = new Map<string, TariffOption[]>();
  private readonly freeMonths: number[];
  private readonly freeCum: number[];
  private readonly requests: { from: Set<string> | null; to: Course; share: number }[];
  private chargeIds = new WeakMap<FleetCharge, ChargeInfo>();
  /** The tariff months before the horizon were billed under (the baseline's; docs/scenarios.md § Settlement). */
  priorFp?: FleetPath;
  private cur = 0;
  private register?: RegisterRow[];
  /** Re-pricing's record of this side's events (price-trace.ts), when asked. */
  trace?: PriceTrace;
  private readonly chargeTaxClause: string;
  private readonly settlementTaxClause: string;
  private readonly hStart: number;
  private readonly hLast: number;
  private readonly startFrom: number;
  private readonly startTo: number;
  private readonly extra: ContractEvents;
  private sink!: SideSink;
  private monthEventId = 0;
  private suspendedEventId = 0;

  constructor(
    readonly rs: ResolvedScenario,
    readonly side: ResolvedSide,
  ) {
    const s = rs.scenario;
    this.fp = new FleetPath(side.rules, side.tariff);
    const t = this.fp.tariff;
    // Grandfathering in a proposal: contracts started before the horizon keep the baseline's prices.
    if (side.label === 'proposal' && side.tariff.existingContracts?.policy === 'keep-price') {
      const base = new TariffIndex(rs.sides[0].tariff);
      t.earlier = () => base;
      t.keepFrom = `${s.horizon.start}-01`;
    }
    side.tariff.courses.forEach((c, i) => this.courseId.set(t.byCode.get(c.code)!, i));
    const resolve = (ref: string): Course => {
      const c = t.resolver.resolve(ref);
      if (!c) throw new Error(`course ${ref} is not in the ${side.label} tariff (the scenario loader checks this)`);
      return c;
    };
    this.mix = s.fleet.courseMix.map((m) => resolve(m.course));
    this.mixCum = cumulate(s.fleet.courseMix.map((m) => m.share));
    this.response =
      side.label === 'proposal' ? priceResponse(s, rs.sides[0].tariff, { courses: side.tariff.courses.map((c) => t.byCode.get(c.code)!), resolver: t.resolver }, this.mix) : {};
    this.newMixCum = this.response.choiceWeights ? cumulate(this.response.choiceWeights) : this.mixCum;
    this.uptakes = side.uptakes.map((u) => ({ from: new Set(u.from), course: resolve(u.course), share: u.share }));
    this.optionUptake = (s.fleet.optionUptake ?? []).map((o) => ({ option: t.options.get(o.option)!, probability: o.probability }));
    const free = s.fleet.freeMonths ?? [{ months: 0, share: 1 }];
    this.freeMonths = free.map((f) => f.months);
    this.freeCum = cumulate(free.map((f) => f.share));
    this.requests = (s.courseChanges?.requests ?? []).map((r) => ({ from: r.from ? new Set(r.from.map((f) => resolve(f).code)) : null, to: resolve(r.to), share: r.share }));
    this.chargeTaxClause = this.fp.taxClause('monthlyCharge') ?? '';
    this.settlementTaxClause = this.fp.taxClause('settlement') ?? '';
    this.hStart = monthIndex(s.horizon.start);
    this.hLast = this.hStart + s.horizon.months - 1;
    this.startFrom = dayNumber(s.fleet.startDates.from);
    this.startTo = dayNumber(s.fleet.startDates.to);
    this.extra = new ContractEvents(s, this.fp, {
      decide: (name, facts) => ({ out: this.decide(name, facts), fid: this.lastFid }),
      amount: (...a) => this.amount(...a),
      event: (...a) => this.event(...a),
    });
  }

  /** Where the next contracts are written (the ids of items and events are the sink's own). */
  useSink(sink: SideSink): void {
    this.sink = sink;
    this.chargeIds = new WeakMap();
    this.register = sink.register;
    this.monthEventId = sink.events.id('contract-month', '');
    this.suspendedEventId = sink.events.id('suspended-month', '');
  }

  get courseCount(): number {
    return this.side.tariff.courses.length;
  }

  private optionsFor(course: Course, wanted: readonly TariffOption[]): TariffOption[] {
    const allowed = wanted.filter((o) => this.fp.tariff.optionRefusal(course, o) === undefined);
    const key = allowed.map((o) => o.code).join(',');
    let set = this.optionSets.get(key);
    if (!set) {
      set = allowed;
      this.optionSets.set(key, set);
    }
    return set;
  }

  /** A month's cancellation hazard: the scenario's, times the price response's factor on the proposal (capped at 1). */
  private hazard(h: number, course: Course): number {
    const f = this.response.hazardFactor?.get(course);
    return f === undefined ? h : Math.min(1, h * f);
  }

  /** The contract as set up at its start: same draws on both sides. */
  contract(id: number): { c: FleetContract; wanted: TariffOption[] } {
    const seed = this.rs.scenario.seed;
    const startDate = fromDayNumber(intBetween(draw(seed, id, 0, PURPOSE.start), this.startFrom, this.startTo));
    // New contracts choose under the proposal's prices when a choice response is declared (same draw).
    const cum = this.newMixCum !== this.mixCum && monthIndex(startDate) >= this.hStart ? this.newMixCum : this.mixCum;
    const base = this.mix[pickIndex(draw(seed, id, 0, PURPOSE.course), cum)]!;
    let course = base;
    for (const u of this.uptakes) if (u.from.has(base.code) && draw(seed, id, 0, PURPOSE.newCourseUptake) < u.share) course = u.course;
    const freeMonths = this.freeMonths[pickIndex(draw(seed, id, 0, PURPOSE.freeMonths), this.freeCum)]!;
    const wanted: TariffOption[] = [];
    this.optionUptake.forEach((o, k) => {
      if (draw(seed, id, 0, PURPOSE.option + k) < o.probability) wanted.push(o.option);
    });
    return {
      c: { course, startDate, startMonth: monthIndex(startDate), startDay: Number(startDate.slice(8, 10)), freeMonths, options: this.optionsFor(course, wanted) },
      wanted,
    };
  }

  /** Writes a month's charge; answers its monthly-fee line (what the month really billed as the course's fee). */
  private charge(id: number, course: number, m: number, ch: FleetCharge, c: FleetContract, end: FleetEnd | undefined): number {
    let info = this.chargeIds.get(ch);
    if (!info) {
      const fee = ch.lines.reduce((a, l) => (l.item === 'monthly-fee' ? a + l.amount : a), 0);
      info = { ids: Int32Array.from([...ch.lines.map((l) => this.sink.amounts.id(l.item, l.clause)), this.sink.amounts.id('tax', this.chargeTaxClause)]), fee };
      this.chargeIds.set(ch, info);
    }
    const ids = info.ids;
    const mo = m - this.hStart;
    const lines = ch.lines;
    const fid = this.sink.withLedger ? this.sink.factsId('monthlyCharge', chargeFacts(c, m, end)) : -1;
    for (let i = 0; i < lines.length; i += 1) this.sink.amount(id, mo, course, ids[i]!, lines[i]!.amount, fid);
    if (ch.tax !== 0) this.sink.amount(id, mo, course, ids[lines.length]!, ch.tax, fid);
    return info.fee;
  }

  /** The monthly fees billed before the horizon, under the tariff then in force (the baseline's), month by month. */
  private billedBefore(c: FleetContract): number {
    if (c.startMonth >= this.hStart) return 0;
    const fp = this.priorFp ?? this.fp;
    const course = fp.tariff.byCode.get(c.course.code);
    const [path, pc] = course ? [fp, { ...c, course, options: NO_OPTIONS }] : [this.fp, { ...c, options: NO_OPTIONS }];
    let paid = 0;
    for (let m = c.startMonth; m < this.hStart; m += 1) for (const l of path.monthlyCharge(pc, m).lines) if (l.item === 'monthly-fee') paid += l.amount;
    return paid;
  }

  /** fid: the facts the engine was asked (SideSink.factsId), or -1. */
  private event(m: number, course: number, name: string, clause = '', fid = -1): void {
    const mo = m - this.hStart;
    const eid = this.sink.events.id(name, clause);
    this.sink.event(mo, course, eid);
    if (this.sink.withLedger) this.sink.logEvent(this.cur, mo, course, eid, fid);
  }

  private amount(id: number, m: number, course: number, item: string, clause: string, yen: number, fid = -1): void {
    this.sink.amount(id, m - this.hStart, course, this.sink.amounts.id(item, clause), yen, fid);
  }

  /** The last decision's facts as a ledger facts id (-1 without a ledger). */
  private lastFid = -1;

  private decide(name: Parameters<FleetPath['decide']>[0], facts: Record<string, unknown>): Finished {
    if (this.sink.withLedger) this.lastFid = this.sink.factsId(name, facts);
    return this.fp.decide(name, facts);
  }

  private dueDate(m: number, dueMonthsAfter: number, dueDay: number): string {
    const dm = m + dueMonthsAfter;
    return dateIn(dm, Math.min(dueDay, dimOf(dm)));
  }

  /** Simulates one contract over the horizon, writing to this.sink. */
  simulate(id: number): number {
    const s = this.rs.scenario;
    const seed = s.seed;
    const { c: initial, wanted } = this.contract(id);
    let c = initial;
    if (c.startMonth > this.hLast) return 0;
    this.cur = id;
    let cid = this.courseId.get(c.course)!;
    let billed = 0;
    // An existing contract that keeps its prices (ExistingContracts keep-price): the decisions that
    // rate days at the monthly fee (waiver, damages, late return) are given its start date too.
    const kept = this.fp.tariff.priceIndexFor(c.startDate) !== this.fp.tariff ? c.startDate : undefined;
    const classes: number[] | undefined = this.trace ? [] : undefined;
    const reg: RegisterRow | undefined = this.register
      ? {
          side: this.side.label,
          contract: id + 1,
          startDate: c.startDate,
          freeMonths: c.freeMonths,
          courses: [{ course: c.course.code, from: c.startDate }],
          options: c.options.map((o) => ({ option: o.code, month: monthLabel(c.startMonth) })),
          endDate: null,
          endedBy: null,
        }
      : undefined;
    const first = Math.max(c.startMonth, this.hStart);
    this.event(first, cid, 'contract');
    if (c.startMonth >= this.hStart) this.event(c.startMonth, cid, 'new-contract');
    let end: FleetEnd | undefined;
    let endBy: 'cancellation' | 'termination' | undefined;
    // The day the contract ends when it is not the last day billed (a late return, 第22条).
    let endDate: string | undefined;
    let pending: Course | undefined;
    let susp: Suspension | undefined;
    let months = 0;
    const setEnd = (date: string, by: 'cancellation' | 'termination'): void => {
      end = { date, month: monthIndex(date), day: Number(date.slice(8, 10)) };
      endBy = by;
    };
    for (let m = first; m <= this.hLast; m += 1) {
      if (end && m > end.month) break;
      if (pending) {
        const options = this.optionsFor(pending, wanted);
        if (reg) {
          reg.courses.push({ course: pending.code, from: dateIn(m, 1) });
          for (const o of reg.options) if (o.until === undefined && !options.some((x) => x.code === o.option)) o.until = monthLabel(m - 1);
          for (const o of options) if (!reg.options.some((x) => x.option === o.code && x.until === undefined)) reg.options.push({ option: o.code, month: monthLabel(m) });
        }
        c = { ...c, course: pending, options };
        cid = this.courseId.get(pending)!;
        pending = undefined;
      }
      const dim = dimOf(m);
      const firstDay = m === c.startMonth ? c.startDay : 1;
      // Requests and grounds arising this month, only while no end is set.
      if (!end && s.courseChanges && draw(seed, id, m, PURPOSE.change) < s.courseChanges.monthlyProbability) {
        const open = this.requests.filter((r) => r.from === null || r.from.has(c.course.code));
        if (open.length) {
          const r = open[pickIndex(draw(seed, id, m, PURPOSE.changeRequest), cumulate(open.map((x) => x.share)))]!;
          const out = this.decide('courseChange', { from: c.course.code, to: r.to.code });
          this.event(m, cid, `course-change-${out.outcome}`, clauseOf(out), this.lastFid);
          if (out.outcome === 'allowed') pending = r.to;
        }
      }
      if (!end && s.cancellation && draw(seed, id, m, PURPOSE.cancel) < this.hazard(s.cancellation.monthlyHazard, c.course)) {
        const requestDate = dateIn(m, intBetween(draw(seed, id, m, PURPOSE.cancelDay), firstDay, dim));
        const asked = addDays(requestDate, intBetween(draw(seed, id, m, PURPOSE.cancelLead), s.cancellation.noticeDays.min, s.cancellation.noticeDays.max));
        let desired = asked;
        let out = this.decide('cancellationNotice', { requestDate, desiredEndDate: desired });
        this.event(m, cid, `cancellation-${out.outcome}`, clauseOf(out), this.lastFid);
        // A late request ends the contract on the first date the notice rule accepts.
        for (let tries = 0; out.outcome !== 'accepted'; tries += 1) {
          if (tries > 366) throw new Error(`no end date within a year of ${requestDate} is accepted by the cancellationNotice rules`);
          desired = addDays(desired, 1);
          out = this.decide('cancellationNotice', { requestDate, desiredEndDate: desired });
        }
        const ret = this.extra.cancellation(id, m, cid, c.course, requestDate, asked, desired, kept);
        setEnd(ret ? ret.feesUntil : desired, 'cancellation');
        endDate = ret?.cancellationDate;
      }
      const insolvency = s.termination?.insolvency;
      if (!end && insolvency && draw(seed, id, m, PURPOSE.insolvency) < insolvency.monthlyProbability) {
        const kinds = Object.keys(insolvency.events);
        const kind = kinds[pickIndex(draw(seed, id, m, PURPOSE.insolvencyKind), cumulate(Object.values(insolvency.events)))]!;
        const out = this.decide('termination', { ...NO_GROUNDS.termination, insolvencyEvent: kind });
        if (out.outcome === 'terminate') {
          for (const r of (out.fields.reasons as string[]) ?? []) this.event(m, cid, 'termination', r, this.lastFid);
          setEnd(dateIn(m, intBetween(draw(seed, id, m, PURPOSE.insolvencyDay), firstDay, dim)), 'termination');
        }
      }
      const other = s.suspension?.otherGrounds;
      if (!end && !susp && other && draw(seed, id, m, PURPOSE.suspendOther) < other.monthlyProbability) {
        const grounds = Object.keys(other.grounds);
        const ground = grounds[pickIndex(draw(seed, id, m, PURPOSE.suspendGround), cumulate(Object.values(other.grounds)))]!;
        susp = this.suspend(m, cid, { [ground]: true }, Infinity, true);
      }
      // A suspension in force: remedied, or not remedied in time (第23条第1号).
      if (susp && m >= susp.from && !end) {
        if (susp.other && m > susp.from && draw(seed, id, m, PURPOSE.remedy) < s.suspension!.remedyMonthlyProbability) susp.remedyMonth = m;
        if (m >= susp.remedyMonth) susp = undefined;
        else {
          this.sink.event(m - this.hStart, cid, this.suspendedEventId);
          if (m - susp.from + 1 >= susp.limit) {
            const out = this.decide('termination', { ...NO_GROUNDS.termination, suspendedAndUnremedied: true });
            if (out.outcome === 'terminate') {
              for (const r of (out.fields.reasons as string[]) ?? []) this.event(m, cid, 'termination', r, this.lastFid);
              setEnd(dateIn(m, dim), 'termination');
            }
            susp = undefined;
          }
        }
      }
      // The month's bill.
      const endHere = end !== undefined && end.month === m ? end : undefined;
      const ch = this.fp.monthlyCharge(c, m, endHere);
      billed += this.charge(id, cid, m, ch, c, endHere);
      const cls = this.trace ? this.trace.charge(ch, c, m, endHere, cid, m - this.hStart) : -1;
      classes?.push(cls);
      this.sink.event(m - this.hStart, cid, this.monthEventId);
      months += 1;
      const lastDay = endHere ? endHere.day : dim;
      this.extra.equipment(id, m, cid);
      if (s.outages && draw(seed, id, m, PURPOSE.outage) < s.outages.monthlyRate) this.outage(id, m, cid, c.course, firstDay, lastDay, ch.subtotal, kept);
      if (s.payments && ch.total > 0 && draw(seed, id, m, PURPOSE.late) < s.payments.lateProbability) {
        const p = s.payments;
        const dueDate = this.dueDate(m, p.dueMonthsAfter, p.dueDay);
        const never = draw(seed, id, m, PURPOSE.neverPays) < p.neverPaysProbability;
        const bucket = p.delayDays[pickIndex(draw(seed, id, m, PURPOSE.lateBucket), cumulate(p.delayDays.map((b) => b.share)))]!;
        const delay = never ? Infinity : intBetween(draw(seed, id, m, PURPOSE.lateDays), Math.ceil(bucket.min), Math.floor(bucket.max));
        this.event(m, cid, never ? 'unpaid' : 'late-payment');
        let paidMonth = Infinity;
        if (!never) {
          const paidDate = addDays(dueDate, delay);
          paidMonth = monthIndex(paidDate);
          const out = this.decide('lateInterest', { principal: ch.total, dueDate, paidDate });
          this.trace?.late.push({ cls, dueDate, paidDate, mo: paidMonth - this.hStart, course: cid, out: traced(out) });
          this.event(paidMonth, cid, `late-interest-${out.outcome}`, clauseOf(out), this.lastFid);
          const amount = out.fields.amount as number;
          if (amount !== 0) this.amount(id, paidMonth, cid, 'late-interest', clauseOf(out), amount, this.lastFid);
        }
        const after = s.suspension?.afterOverdueDays;
        if (after !== undefined && !susp && delay > after) {
          const trigger = addDays(dueDate, after);
          const tm = monthIndex(trigger);
          if (tm <= this.hLast && (!end || trigger <= end.date)) susp = this.suspend(tm, cid, { overdue: true }, paidMonth, false);
        }
      }
    }
    const settleDate = endDate ?? end?.date;
    const settleMonth = settleDate === undefined ? Infinity : monthIndex(settleDate);
    if (reg && settleDate !== undefined) {
      reg.endDate = settleDate;
      reg.endedBy = endBy ?? null;
    }
    if (settleDate !== undefined && settleMonth <= this.hLast && (endBy === 'cancellation' || s.termination?.settle !== false)) {
      // paid: what was really billed as monthly fees, month by month (before the horizon, under the tariff then in force).
      const before = this.billedBefore(initial);
      const paid = before + billed;
      const facts = { course: c.course.code, startDate: c.startDate, endDate: settleDate, freeMonths: c.freeMonths };
      const out = this.decide('settlement', { ...facts, paid });
      this.trace?.settlements.push({
        facts,
        before,
        paid,
        classes: classes!,
        mo: settleMonth - this.hStart,
        course: cid,
        out: traced(out),
        monthsUsed: out.fields.monthsUsed as number,
      });
      const fid = this.lastFid;
      this.event(settleMonth, cid, `settlement-${out.outcome}`, clauseOf(out, this.settlementTaxClause), fid);
      const f = out.fields as { amount: number; tax: number };
      if (f.amount !== 0) this.amount(id, settleMonth, cid, 'settlement', clauseOf(out, this.settlementTaxClause), f.amount, fid);
      if (f.tax !== 0) this.amount(id, settleMonth, cid, 'tax', this.settlementTaxClause, f.tax, fid);
    }
    if (reg) this.register!.push(reg);
    return months;
  }

  private suspend(m: number, cid: number, ground: Record<string, boolean>, remedyMonth: number, other: boolean): Suspension | undefined {
    const out = this.decide('suspension', { ...NO_GROUNDS.suspension, ...ground });
    if (out.outcome !== 'suspend') return undefined;
    for (const r of (out.fields.reasons as string[]) ?? []) this.event(m, cid, 'suspension', r, this.lastFid);
    const limit = this.rs.scenario.termination?.unremediedAfterMonths ?? Number(out.fields.maxMonths);
    return { from: m, remedyMonth, limit, other };
  }

  private outage(id: number, m: number, cid: number, course: Course, firstDay: number, lastDay: number, subtotal: number, startDate: string | undefined): void {
    const o = this.rs.scenario.outages!;
    const seed = this.rs.scenario.seed;
    const from = dayEpochMs(dateIn(m, firstDay));
    const to = dayEpochMs(dateIn(m, lastDay)) + 24 * HOUR_MS - MINUTE_MS;
    const knownAt = from + intBetween(draw(seed, id, m, PURPOSE.outageTime), 0, (to - from) / MINUTE_MS) * MINUTE_MS;
    const bucket = o.durationHours[pickIndex(draw(seed, id, m, PURPOSE.outageBucket), cumulate(o.durationHours.map((b) => b.share)))]!;
    const minutes = intBetween(draw(seed, id, m, PURPOSE.outageDuration), Math.round(bucket.min * 60), Math.round(bucket.max * 60));
    const causes = Object.keys(o.causes);
    const cause = causes[pickIndex(draw(seed, id, m, PURPOSE.outageCause), cumulate(Object.values(o.causes)))]!;
    const cameraUsable = draw(seed, id, m, PURPOSE.outageCamera) < o.cameraUsable;
    const cloudUsable = draw(seed, id, m, PURPOSE.outageCloud) < o.cloudUsable;
    const facts = {
      course: course.code,
      knownAt: tokyoDateTime(knownAt),
      restoredAt: tokyoDateTime(knownAt + minutes * MINUTE_MS),
      cause,
      cameraUsable,
      cloudUsable,
      ...(startDate !== undefined ? { startDate } : {}),
    };
    const paidAmount = this.extra.paidAmount(id, m, subtotal);
    const out = this.decide('outageWaiver', paidAmount === undefined ? facts : { ...facts, paidAmount });
    this.trace?.outages.push({ facts, mo: m - this.hStart, course: cid, out: traced(out) });
    const fid = this.lastFid;
    this.event(m, cid, `outage-${cause}`, '', fid);
    this.event(m, cid, `outage-waiver-${out.outcome}`, clauseOf(out, '第25条第3項'), fid);
    this.extra.waiver(id, m, cid, out, fid);
    this.extra.damages(id, m, cid, { course, knownAt: facts.knownAt, restoredAt: facts.restoredAt, cause, cloudUsable, ...(startDate !== undefined ? { startDate } : {}) });
  }
}
