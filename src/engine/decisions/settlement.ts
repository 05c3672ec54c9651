import { courseFact, courseRef, date, factsObject, firedClauses, param, paramFacts, typedAt, yen, type DecisionDef } from '../decision-kit.js';
import { feesBilled, freePeriodOf } from '../billing.js';
import { elapsedMonths, monthIndex } from '../dates.js';
import { floorProduct, taxOn } from '../money.js';
import type { Course, SettlementPolicy } from '../tariff-types.js';

/**
 * 第7条, 第25条第4項, 第28条第3項, 別紙3表2, 別紙6: the settlement due on cancelling before the
 * minimum period (legacy 長期) or before the course's own term (M-series, same-family rule).
 */
type Facts = { course: string; startDate: string; endDate: string; freeMonths?: number; paid?: number };
type State = { course: Course; policy: SettlementPolicy; monthsUsed: number; paid: number; freeMonths: number; startDate: string };

export const settlement: DecisionDef<Facts, State> = {
  name: 'settlement',
  factsSchema: factsObject({ course: courseRef, startDate: date, endDate: date, freeMonths: { type: 'integer', minimum: 0 }, paid: yen }, ['course', 'startDate', 'endDate']),
  checksFacts: true,
  prepare: (facts, ctx) => {
    const course = courseFact(ctx, facts.course, 'course');
    if (typedAt(ctx, '/facts/startDate') && typedAt(ctx, '/facts/endDate') && facts.endDate < facts.startDate)
      ctx.errors.push({ path: '/facts/endDate', message: `endDate (${facts.endDate}) is before startDate (${facts.startDate})`, code: 'RANGE' });
    if (!course || ctx.errors.length || ctx.wellTyped) return undefined;
    const policy = ctx.tariff.policies.get(course.settlementPolicy)!;
    const freeMonths = facts.freeMonths ?? 0;
    const free = freePeriodOf(facts.startDate, freeMonths, freeMonths > 0 ? ctx.interps.use('freePeriod') : 'calendar-months');
    // 第7条 moves only the minimum period (別紙6): a course without one (短期, M-series) counts its
    // free months as months of use (別紙3表2 実際にご利用頂いた月数).
    const hasMinimumPeriod = course.minimumPeriodMonths !== null;
    const reading = ctx.interps.use('monthsUsed');
    let monthsUsed: number;
    if (reading === 'elapsed') monthsUsed = Math.max(0, elapsedMonths(facts.startDate, facts.endDate) - (hasMinimumPeriod ? freeMonths : 0));
    // A contract ended within its free period never reached its minimum period (第7条): 0 months.
    else if (hasMinimumPeriod && free.lastFreeDay !== null && facts.endDate <= free.lastFreeDay) monthsUsed = 0;
    else monthsUsed = Math.max(0, monthIndex(facts.endDate) - (hasMinimumPeriod ? free.minimumPeriodStartMonth : monthIndex(facts.startDate)) + 1);
    // Default paid (case-files.md): the course's monthly fee × the months billed, billed as partialMonthFee reads.
    // The fee is the one the contract pays (ExistingContracts: keep-price keeps the fee of its start date).
    const paid = facts.paid ?? feesBilled(ctx.tariff.courseFee(course, facts.startDate), facts.startDate, facts.endDate, free, ctx.interps.use('partialMonthFee'));
    return {
      facts: { policyKind: policy.kind, policyMonths: policy.months ?? null, termMonths: course.termMonths, monthsUsed, freeMonths, hasMinimumPeriod, ...paramFacts(ctx) },
      state: { course, policy, monthsUsed, paid, freeMonths, startDate: facts.startDate },
    };
  },
  finish: (fired, s, ctx) => {
    const settle = fired.find((f) => f.type === 'settle-remaining' || f.type === 'settle-same-family');
    const clauses = firedClauses(fired);
    // basisCourse is null wherever the same-family rule sets no total (a legacy course, a term served,
    // no course of the family satisfied), so a case may expect null there.
    if (!settle) return { outcome: 'none', clauses, fields: { amount: 0, tax: 0, total: 0, monthsUsed: s.monthsUsed, paid: s.paid, basisCourse: null } };
    let gross: number;
    let basis: Course | undefined;
    if (settle.type === 'settle-remaining') {
      gross = floorProduct(ctx.tariff.courseFee(s.course, s.startDate), s.policy.months ?? 0);
    } else {
      basis = ctx.tariff.longestSatisfied(s.course, s.monthsUsed);
      gross = basis ? floorProduct(ctx.tariff.courseFee(basis, s.startDate), s.monthsUsed) : 0;
    }
    const amount = Math.max(0, gross - s.paid);
    const tax = taxOn(amount, param(ctx, 'taxRatePercent'));
    const fields: Record<string, unknown> = { amount, tax, total: amount + tax, monthsUsed: s.monthsUsed, paid: s.paid, grossAmount: gross, basisCourse: basis?.name ?? null };
    // Priced at the fees a contract started before this version keeps (ExistingContracts
    // keep-price): the clause (附則) that keeps them decided the amount too, as monthlyCharge cites it.
    const priced = ctx.tariff.priceIndexFor(s.startDate) !== ctx.tariff ? [...clauses, ctx.tariff.version.existingContracts!.clause] : clauses;
    if (amount === 0) return { outcome: 'none', clauses: priced, fields };
    return { outcome: 'settle', clauses: priced, fields };
  },
};
