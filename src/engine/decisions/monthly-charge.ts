import { courseFact, courseRef, date, factsObject, firedClauses, param, paramFacts, unique, type DecisionDef } from '../decision-kit.js';
import { monthFee } from '../billing.js';
import { isIsoMonth, monthIndex } from '../dates.js';
import { taxOn } from '../money.js';
import type { Course, TariffOption } from '../tariff-types.js';

/** 第24条, 第32条, 別紙3表1, 表3: the charges of one billing month, line by line. */
type Facts = { course: string; startDate: string; month: string; freeMonths?: number; options?: string[]; endDate?: string };
type State = { course: Course; facts: Facts; contractMonth: number; options: TariffOption[] };
export type ChargeLine = { item: string; amount: number; clause: string };

export const monthlyCharge: DecisionDef<Facts, State> = {
  name: 'monthlyCharge',
  factsSchema: factsObject(
    {
      course: courseRef,
      startDate: date,
      month: { type: 'string', format: 'iso-month' },
      freeMonths: { type: 'integer', minimum: 0 },
      options: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      endDate: date,
    },
    ['course', 'startDate', 'month'],
  ),
  prepare: (facts, ctx) => {
    const course = courseFact(ctx, facts.course, 'course');
    if (!isIsoMonth(facts.month)) return undefined;
    const contractMonth = monthIndex(facts.month) - monthIndex(facts.startDate) + 1;
    if (contractMonth < 1) ctx.errors.push({ path: '/facts/month', message: `month ${facts.month} is before the start month of ${facts.startDate}; nothing is billed before the start`, code: 'RANGE' });
    if (facts.endDate !== undefined) {
      if (facts.endDate < facts.startDate) ctx.errors.push({ path: '/facts/endDate', message: `endDate (${facts.endDate}) is before startDate (${facts.startDate})`, code: 'RANGE' });
      else if (monthIndex(facts.month) > monthIndex(facts.endDate)) ctx.errors.push({ path: '/facts/month', message: `month ${facts.month} is after the end date ${facts.endDate}`, code: 'RANGE' });
    }
    const options: TariffOption[] = [];
    (facts.options ?? []).forEach((code, i) => {
      const option = ctx.tariff.options.get(code);
      if (!option) {
        ctx.errors.push({ path: `/facts/options/${i}`, message: `unknown option "${code}"; known: ${[...ctx.tariff.options.keys()].join(', ')}`, code: 'UNKNOWN_OPTION' });
        return;
      }
      const refusal = course ? ctx.tariff.optionRefusal(course, option) : undefined;
      if (refusal) ctx.errors.push({ path: `/facts/options/${i}`, message: `option "${code}" is not allowed: ${refusal} (別紙3表3)`, code: 'OPTION_NOT_ALLOWED' });
      else options.push(option);
    });
    if (!course || ctx.errors.length) return undefined;
    const billable = options.filter((o) => o.billing === 'monthly' || contractMonth === 1);
    const group = ctx.tariff.groups.get(course.initialFeeGroup);
    return {
      facts: {
        contractMonth,
        freeMonths: facts.freeMonths ?? 0,
        initialFeePrintedOnCourse: group?.printedOn === course.code,
        inInitialFeeGroup: group !== undefined,
        optionCount: billable.length,
        ...paramFacts(ctx),
        ...ctx.interps.asFacts(),
      },
      state: { course, facts, contractMonth, options: billable },
    };
  },
  finish: (fired, s, ctx) => {
    const lines: ChargeLine[] = [];
    const types = new Set(fired.map((f) => f.type));
    if (types.has('charge-monthly-fee'))
      lines.push({ item: 'monthly-fee', amount: monthFee(ctx.tariff.courseFee(s.course, s.facts.startDate), s.facts.month, s.facts.startDate, s.facts.endDate, ctx.interps.use('partialMonthFee')), clause: '別紙3表1' });
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
    const clauses = unique(['第24条', ...firedClauses(fired).filter((c) => c !== '別紙3表3' || hasOptionLine), ...kept, '第32条']);
    return { outcome: 'charge', clauses, fields: { lines, subtotal, tax, total: subtotal + tax, contractMonth: s.contractMonth } };
  },
};

