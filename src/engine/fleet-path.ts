import { DECISION_DEFS } from './decide.js';
import { freePeriodOf, type FreePeriod } from './billing.js';
import { finishDecision, ruleFacts, type DecisionContext, type Finished } from './decision-kit.js';
import { isLeapYear, monthLabel } from './dates.js';
import { InvalidCase, type FieldError } from './errors.js';
import { compileRuleFile, type Facts } from './evaluators.js';
import { InterpretationSet } from './interpretations.js';
import type { FiredEvent } from './output-types.js';
import { DECISIONS, type DecisionName, type RuleFile, type RuleVersion } from './rule-types.js';
import { TariffIndex } from './tariff-index.js';
import type { Course, TariffOption, TariffVersion } from './tariff-types.js';

/**
 * The fleet simulator's entry into the engine: the same decisions as decide()/decideFast(), for
 * callers that already hold well-typed facts (a simulator that built them itself), so there is
 * no ajv validation, no trace and no per-call set-up of versions and interpretations.
 *
 * - decide(name, facts): the decision's own prepare and finish around the compiled rules; answers
 *   are memoized by the complete facts (a decision is a pure function of its facts once the rule
 *   version, tariff version and interpretations are fixed, as they are for one FleetPath).
 * - monthlyCharge(contract, month, end): the hot path, asked once per contract and month. The rule
 *   facts are derived from typed inputs (monthlyChargeFacts, held equal to the decision's prepare by
 *   test/camera-sim/fleet-path.test.ts), the compiled rules run on them, and the decision's own
 *   finish computes the amounts, memoized by what finish reads: the rules fired, the course, the
 *   billable options and, only in a partial month, the days used.
 *
 * Invalid facts are a FleetDecisionError (code FLEET_FACTS_INVALID) with the decision's own errors.
 */
export class FleetDecisionError extends Error {
  readonly code = 'FLEET_FACTS_INVALID';
  constructor(
    readonly decision: DecisionName,
    readonly errors: FieldError[],
  ) {
    super(`${decision}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    this.name = 'FleetDecisionError';
  }
}

/** A contract as the fleet path sees it; the caller builds it once per contract (and course change). */
export type FleetContract = {
  course: Course;
  /** YYYY-MM-DD */
  startDate: string;
  /** monthIndex(startDate) */
  startMonth: number;
  /** day of month of startDate */
  startDay: number;
  freeMonths: number;
  /** Options taken, each allowed with the course (TariffIndex.optionRefusal). Reuse one array per combination. */
  options: readonly TariffOption[];
};

/** The last day of service, when it falls in the month billed. */
export type FleetEnd = { date: string; month: number; day: number };

export type FleetChargeLine = { readonly item: string; readonly amount: number; readonly clause: string };
export type FleetCharge = {
  readonly lines: readonly FleetChargeLine[];
  readonly subtotal: number;
  readonly tax: number;
  readonly total: number;
  readonly clauses: readonly string[];
};

type OptionPlan = { first: readonly TariffOption[]; later: readonly TariffOption[]; firstCache: Map<number, FleetCharge>; laterCache: Map<number, FleetCharge> };

const MEMO_LIMIT = 10_000;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in the month of a month index, without the allocation of dates.daysInMonth (hot path). */
const daysInMonthIndex = (month: number): number => {
  const m = month % 12;
  return m === 1 && isLeapYear(Math.floor(month / 12)) ? 29 : DAYS[m]!;
};

const deepFreeze = <T>(v: T): T => {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
};

const firedEventsOf = (file: RuleFile): FiredEvent[] =>
  file.rules.map((r) => ({
    ruleId: r.id,
    clause: r.clause,
    alsoCites: [...(r.alsoCites ?? [])],
    type: r.event.type,
    params: { ...r.event.params },
    discretionary: r.discretionary === true,
  }));

export class FleetPath {
  readonly tariff: TariffIndex;
  readonly interps: InterpretationSet;
  private readonly contexts = new Map<DecisionName, DecisionContext>();
  private readonly events = new Map<DecisionName, FiredEvent[]>();
  private readonly memo = new Map<DecisionName, Map<string, Finished>>();
  private readonly chargeFacts: Facts;
  private readonly chargeRules: (facts: Facts) => number[];
  private readonly plans = new WeakMap<readonly TariffOption[], Map<Course, OptionPlan>>();
  private readonly freePeriods = new WeakMap<FleetContract, FreePeriod>();

  /**
   * @param interpretations overrides of named interpretations, as a case's `interpretations`
   *   (a what-if that edits the RuleVersion's defaults needs none).
   */
  constructor(
    readonly rules: RuleVersion,
    tariff: TariffVersion | TariffIndex,
    interpretations?: Record<string, string>,
  ) {
    this.tariff = tariff instanceof TariffIndex ? tariff : new TariffIndex(tariff);
    const errors: FieldError[] = [];
    this.interps = new InterpretationSet(rules.interpretations, interpretations, errors);
    if (errors.length) throw new FleetDecisionError('monthlyCharge', errors);
    for (const name of DECISIONS) {
      this.contexts.set(name, { asOf: this.tariff.version.effective, tariff: this.tariff, rules: rules.decisions[name], interps: this.interps, errors: [] });
      this.events.set(name, firedEventsOf(rules.decisions[name]));
      this.memo.set(name, new Map());
    }
    const ctx = this.contexts.get('monthlyCharge')!;
    // monthlyCharge.prepare's keys: the parameters and interpretations its rules read (ruleFacts, the
    // same helper); the five per-call ones are overwritten each call.
    this.chargeFacts = {
      contractMonth: 0,
      freeMonths: 0,
      initialFeePrintedOnCourse: false,
      inInitialFeeGroup: false,
      optionCount: 0,
      ...ruleFacts(ctx),
    };
    this.chargeRules = compileRuleFile(ctx.rules);
    if (ctx.rules.rules.length > 30) throw new Error('the fleet path keys monthlyCharge answers by a 31-bit mask of the rules fired; this rule file has more than 30 rules');
  }

  /** The interpretations the answers so far relied on (for the run's assumptions). */
  interpretationsReliedOn(): Record<string, string> {
    return this.interps.reliedOn();
  }

  /** The clause a decision's tax rate parameter cites (第32条 in the terms of 2023-09-19), if it has one. */
  taxClause(decision: DecisionName): string | undefined {
    return this.rules.decisions[decision].parameters?.taxRatePercent?.clause;
  }

  /** A decision on typed facts (the decision's prepare and finish, compiled rules, memoized). */
  decide(name: DecisionName, facts: Record<string, unknown>): Finished {
    const memo = this.memo.get(name)!;
    const key = JSON.stringify(facts);
    const hit = memo.get(key);
    if (hit) return hit;
    const answer = deepFreeze(this.decideOnce(name, facts));
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, answer);
    return answer;
  }

  /**
   * decide() without its memo: for a caller that asks each facts once (it groups them itself), so
   * no key is built and no answer kept; the answer is the caller's own (not frozen, not shared).
   */
  decideOnce(name: DecisionName, facts: Record<string, unknown>): Finished {
    const ctx = this.contexts.get(name)!;
    ctx.errors = [];
    const def = DECISION_DEFS[name];
    let prepared: ReturnType<typeof def.prepare>;
    try {
      prepared = def.prepare(facts, ctx);
    } catch (e) {
      if (e instanceof InvalidCase) throw new FleetDecisionError(name, e.errors);
      throw e;
    }
    if (!prepared || ctx.errors.length)
      throw new FleetDecisionError(name, ctx.errors.length ? ctx.errors : [{ path: '/facts', message: 'the facts could not be used', code: 'FACT_INVALID' }]);
    const events = this.events.get(name)!;
    const fired = compileRuleFile(ctx.rules)(prepared.facts).map((i) => events[i]!);
    return finishDecision(def, fired, prepared.state, ctx);
  }

  private plan(course: Course, options: readonly TariffOption[]): OptionPlan {
    let byCourse = this.plans.get(options);
    if (!byCourse) {
      byCourse = new Map();
      this.plans.set(options, byCourse);
    }
    let plan = byCourse.get(course);
    if (!plan) {
      const errors: FieldError[] = [];
      options.forEach((o, i) => {
        const known = this.tariff.options.get(o.code);
        if (known !== o)
          errors.push({ path: `/facts/options/${i}`, message: `option "${o.code}" is not an option of the tariff of ${this.tariff.version.effective}`, code: 'UNKNOWN_OPTION' });
        const refusal = this.tariff.optionRefusal(course, o);
        if (refusal) errors.push({ path: `/facts/options/${i}`, message: `option "${o.code}" is not allowed: ${refusal} (別紙3表3)`, code: 'OPTION_NOT_ALLOWED' });
      });
      if (this.tariff.byCode.get(course.code) !== course)
        errors.push({ path: '/facts/course', message: `course ${course.code} is not a course of the tariff of ${this.tariff.version.effective}`, code: 'UNKNOWN_COURSE' });
      if (errors.length) throw new FleetDecisionError('monthlyCharge', errors);
      plan = { first: options, later: options.filter((o) => o.billing === 'monthly'), firstCache: new Map(), laterCache: new Map() };
      byCourse.set(course, plan);
    }
    return plan;
  }

  /** The rule facts monthlyCharge.prepare would derive for these inputs (a copy). */
  monthlyChargeFacts(c: FleetContract, month: number, end?: FleetEnd): Facts {
    this.deriveChargeFacts(c, month, end, this.plan(c.course, c.options));
    return { ...this.chargeFacts };
  }

  /** The contract's free period (第7条) as freePeriod reads it, once per contract; undefined without free months. */
  private freePeriod(c: FleetContract): FreePeriod | undefined {
    if (c.freeMonths <= 0) return undefined;
    let free = this.freePeriods.get(c);
    if (!free) {
      free = freePeriodOf(c.startDate, c.freeMonths, this.interps.use('freePeriod'));
      this.freePeriods.set(c, free);
    }
    return free;
  }

  private deriveChargeFacts(c: FleetContract, month: number, end: FleetEnd | undefined, plan: OptionPlan): readonly TariffOption[] {
    const contractMonth = month - c.startMonth + 1;
    if (contractMonth < 1)
      throw new FleetDecisionError('monthlyCharge', [{ path: '/facts/month', message: `month ${monthLabel(month)} is before the start month of ${c.startDate}`, code: 'RANGE' }]);
    if (end && (end.date < c.startDate || month > end.month))
      throw new FleetDecisionError('monthlyCharge', [{ path: '/facts/endDate', message: `month ${monthLabel(month)} is outside ${c.startDate}..${end.date}`, code: 'RANGE' }]);
    const billable = contractMonth === 1 ? plan.first : plan.later;
    const group = this.tariff.groups.get(c.course.initialFeeGroup);
    const f = this.chargeFacts;
    f.contractMonth = contractMonth;
    f.freeMonths = this.freePeriod(c)?.wholeFreeMonths ?? 0;
    f.initialFeePrintedOnCourse = group?.printedOn === c.course.code;
    f.inInitialFeeGroup = group !== undefined;
    f.optionCount = billable.length;
    return billable;
  }

  /** monthlyCharge (第24条, 第32条, 別紙3表1, 表3) of one contract and month (a monthIndex). */
  monthlyCharge(c: FleetContract, month: number, end?: FleetEnd): FleetCharge {
    const plan = this.plan(c.course, c.options);
    const billable = this.deriveChargeFacts(c, month, end, plan);
    const fired = this.chargeRules(this.chargeFacts);
    let mask = 0;
    for (let i = 0; i < fired.length; i += 1) mask |= 1 << fired[i]!;
    // What finish reads of the dates: only whether the month is whole, and if not, the days used.
    const dim = daysInMonthIndex(month);
    const first = month === c.startMonth ? c.startDay : 1;
    const last = end !== undefined && end.month === month ? end.day : dim;
    const free = this.freePeriod(c);
    const partlyFree = free !== undefined && free.partialMonth === month && free.lastFreeDay !== null;
    // A month partly free (freePeriod from-start-date) is billed from the day after the free period.
    const feeKey = partlyFree ? ((Number(free.lastFreeDay!.slice(8, 10)) * 32 + last) * 32 + dim) * 2 + 1 : first === 1 && last === dim ? 0 : ((first * 32 + last) * 32 + dim) * 2;
    // Prices kept for an existing contract (ExistingContracts) are another answer: one more bit.
    const kept = this.tariff.priceIndexFor(c.startDate) !== this.tariff ? 1 : 0;
    const key = (feeKey * 2 ** 31 + mask) * 2 + kept;
    const cache = billable === plan.first ? plan.firstCache : plan.laterCache;
    const hit = cache.get(key);
    if (hit) return hit;
    const ctx = this.contexts.get('monthlyCharge')!;
    ctx.errors = [];
    const events = this.events.get('monthlyCharge')!;
    const state = {
      course: c.course,
      facts: {
        course: c.course.code,
        startDate: c.startDate,
        month: monthLabel(month),
        freeMonths: c.freeMonths,
        options: billable.map((o) => o.code),
        ...(end ? { endDate: end.date } : {}),
      },
      contractMonth: this.chargeFacts.contractMonth as number,
      options: billable,
      ...(free ? { free } : {}),
    };
    const out = finishDecision(
      DECISION_DEFS.monthlyCharge,
      fired.map((i) => events[i]!),
      state,
      ctx,
    );
    const fields = out.fields as { lines: FleetChargeLine[]; subtotal: number; tax: number; total: number };
    const charge = deepFreeze({ lines: fields.lines, subtotal: fields.subtotal, tax: fields.tax, total: fields.total, clauses: out.clauses });
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(key, charge);
    return charge;
  }
}
