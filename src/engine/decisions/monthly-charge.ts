import { courseFact, courseRef, date, factsObject, firedClauses, param, ruleFacts, typedAt, unique, type DecisionDef } from '../decision-kit.js';
import { freePeriodOf, monthFee, type FreePeriod } from '../billing.js';
import { isIsoMonth, monthIndex, monthLabel } from '../dates.js';
import { taxOn } from '../money.js';
import type { Course, TariffOption } from '../tariff-types.js';

/**
 * 第24条, 第32条, 別紙3表1, 表3: the charges of one billing month, line by line. An option is a
 * code or `{code, from}` (`from` the month it was first taken, default the contract's first
 * month): a monthly option is charged from its `from` month on, a one-time option (pipe-mount)
 * only in its `from` month.
 */
export type OptionEntry = string | { code: string; from?: string };
type Facts = { course: string; startDate: string; month: string; freeMonths?: number; options?: OptionEntry[]; endDate?: string };
type State = { course: Course; facts: Facts; contractMonth: number; options: TariffOption[]; free?: FreePeriod };
export type ChargeLine = { item: string; amount: number; clause: string };

/** The `options` fact: each entry an option code or `{code, from}` (OptionEntry). */
export const optionsFact = {
  type: 'array',
  items: {
    oneOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['code'],
        properties: { code: { type: 'string', minLength: 1 }, from: { type: 'string', format: 'iso-month' } },
      },
    ],
  },
};

export const monthlyCharge: DecisionDef<Facts, State> = {
  name: 'monthlyCharge',
  factsSchema: factsObject(
    {
      course: courseRef,
      startDate: date,
      month: { type: 'string', format: 'iso-month' },
      freeMonths: { type: 'integer', minimum: 0 },
      options: optionsFact,
      endDate: date,
    },
    ['course', 'startDate', 'month'],
  ),
  checksFacts: true,
  prepare: (facts, ctx) => {
    const course = courseFact(ctx, facts.course, 'course');
    // Each check runs where the facts it reads are well-typed (always, once the schema passed), so
    // a case with a wrong date and a duplicate option gets both errors; a fact in error is left to its error.
    const typed = ctx.wellTyped;
    const startTyped = typedAt(ctx, '/facts/startDate');
    const monthTyped = typedAt(ctx, '/facts/month');
    if (monthTyped && !isIsoMonth(facts.month)) return undefined;
    const contractMonth = monthTyped && startTyped ? monthIndex(facts.month) - monthIndex(facts.startDate) + 1 : 0;
    if (monthTyped && startTyped && contractMonth < 1)
      ctx.errors.push({ path: '/facts/month', message: `month ${facts.month} is before the start month of ${facts.startDate}; nothing is billed before the start`, code: 'RANGE' });
    if (facts.endDate !== undefined && typedAt(ctx, '/facts/endDate')) {
      if (startTyped && facts.endDate < facts.startDate)
        ctx.errors.push({ path: '/facts/endDate', message: `endDate (${facts.endDate}) is before startDate (${facts.startDate})`, code: 'RANGE' });
      else if (monthTyped && monthIndex(facts.month) > monthIndex(facts.endDate))
        ctx.errors.push({ path: '/facts/month', message: `month ${facts.month} is after the end date ${facts.endDate}`, code: 'RANGE' });
    }
    const options: TariffOption[] = [];
    const startMonth = startTyped ? monthIndex(facts.startDate) : 0;
    const seen = new Map<string, number>();
    const list: unknown = facts.options;
    (Array.isArray(list) ? (list as OptionEntry[]) : []).forEach((entry, i) => {
      const path = typeof entry === 'string' ? `/facts/options/${i}` : `/facts/options/${i}/code`;
      // An entry whose code is in error (not a code, no code) is left to that error, and so is its from.
      if (typed && !typed(path)) return;
      const code = typeof entry === 'string' ? entry : entry.code;
      const from = typeof entry === 'string' || (typed && !typed(`/facts/options/${i}/from`)) ? undefined : entry.from;
      if (seen.has(code)) {
        ctx.errors.push({ path, message: `option "${code}" is listed twice (also at /facts/options/${seen.get(code)}); list each option once`, code: 'DUPLICATE_OPTION' });
        return;
      }
      seen.set(code, i);
      // A from before the contract's first month is a problem of its own, whatever the code: checked first.
      const early = from !== undefined && startTyped && monthIndex(from) < startMonth;
      if (early)
        ctx.errors.push({
          path: `/facts/options/${i}/from`,
          message: `option "${code}" is taken from ${from}, before the contract's first month ${monthLabel(startMonth)}; use a month from ${monthLabel(startMonth)} on`,
          code: 'RANGE',
        });
      const option = ctx.tariff.options.get(code);
      if (!option) {
        ctx.errors.push({ path, message: `unknown option "${code}"; known: ${[...ctx.tariff.options.keys()].join(', ')}`, code: 'UNKNOWN_OPTION' });
        return;
      }
      const refusal = course ? ctx.tariff.optionRefusal(course, option) : undefined;
      if (refusal) {
        ctx.errors.push({ path, message: `option "${code}" is not allowed: ${refusal} (別紙3表3)`, code: 'OPTION_NOT_ALLOWED' });
        return;
      }
      if (early || typed) return;
      // Charged from its `from` month on (monthly), or only in its `from` month (one-time).
      const fromMonth = from === undefined ? startMonth : monthIndex(from);
      const month = monthIndex(facts.month);
      if (option.billing === 'monthly' ? month >= fromMonth : month === fromMonth) options.push(option);
    });
    if (!course || ctx.errors.length || typed) return undefined;
    const billable = options;
    const freeMonths = facts.freeMonths ?? 0;
    const free = freeMonths > 0 ? freePeriodOf(facts.startDate, freeMonths, ctx.interps.use('freePeriod')) : undefined;
    const group = ctx.tariff.groups.get(course.initialFeeGroup);
    return {
      facts: {
        contractMonth,
        // Contract months billed nothing (第7条, as freePeriod reads it).
        freeMonths: free?.wholeFreeMonths ?? 0,
        initialFeePrintedOnCourse: group?.printedOn === course.code,
        inInitialFeeGroup: group !== undefined,
        optionCount: billable.length,
        ...ruleFacts(ctx),
      },
      state: { course, facts, contractMonth, options: billable, ...(free ? { free } : {}) },
    };
  },
  finish: (fired, s, ctx) => {
    const lines: ChargeLine[] = [];
    const types = new Set(fired.map((f) => f.type));
    if (types.has('charge-monthly-fee'))
      lines.push({
        item: 'monthly-fee',
        amount: monthFee(ctx.tariff.courseFee(s.course, s.facts.startDate), s.facts.month, s.facts.startDate, s.facts.endDate, ctx.interps.use('partialMonthFee'), s.free),
        clause: '別紙3表1',
      });
    const partlyFree = types.has('charge-monthly-fee') && s.free?.partialMonth === monthIndex(s.facts.month);
    if (types.has('charge-initial-fee')) {
      const group = ctx.tariff.groups.get(s.course.initialFeeGroup)!;
      if (group.printedOn !== s.course.code) ctx.interps.use('initialFeeScope');
      if (group.amount > 0) lines.push({ item: 'initial-fee', amount: group.amount, clause: '別紙3表1' });
    } else if (s.contractMonth === 1) ctx.interps.use('initialFeeScope');
    const freeMonth = types.has('free-month');
    const optionsFree = freeMonth && s.options.length > 0 && ctx.interps.use('freeMonthsScope') === 'course-and-options';
    if (types.has('charge-options') && !optionsFree)
      for (const o of s.options) {
        const price = ctx.tariff.optionPriceFor(s.course, o, s.facts.startDate);
        if (price !== undefined && price > 0) lines.push({ item: o.code, amount: price, clause: '別紙3表3' });
      }
    const subtotal = lines.reduce((a, l) => a + l.amount, 0);
    const tax = taxOn(subtotal, param(ctx, 'taxRatePercent'));
    const hasOptionLine = lines.some((l) => l.clause === '別紙3表3');
    // Prices kept for a contract started before this version (ExistingContracts): its clause is cited.
    const kept = ctx.tariff.priceIndexFor(s.facts.startDate) !== ctx.tariff ? [ctx.tariff.version.existingContracts!.clause] : [];
    const clauses = unique(['第24条', ...firedClauses(fired).filter((c) => c !== '別紙3表3' || hasOptionLine), ...(partlyFree ? ['第7条'] : []), ...kept, '第32条']);
    return { outcome: 'charge', clauses, fields: { lines, subtotal, tax, total: subtotal + tax, contractMonth: s.contractMonth } };
  },
};
