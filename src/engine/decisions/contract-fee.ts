import { typedAt, type DecisionContext } from '../decision-kit.js';
import type { Course } from '../tariff-types.js';

/**
 * The monthly fee a decision rates days at (第25条第2項's waiver, 第34条第2項's damages, 第47条第3項's
 * late-return charge): the course's fee in the version asked, or, when the facts give the
 * contract's `startDate` and the version keeps the prices of existing contracts
 * (ExistingContracts keep-price), the fee in force on that start date, as monthlyCharge bills it;
 * `kept` is then the clause (附則) that says so, for the answer's clauses. Without `startDate` the
 * answer is the course's fee, as case-files.md states these decisions.
 */
export function contractFee(ctx: DecisionContext, course: Course, startDate: string | undefined): { fee: number; kept: string[] } {
  if (startDate === undefined || ctx.tariff.priceIndexFor(startDate) === ctx.tariff) return { fee: course.monthlyFee, kept: [] };
  return { fee: ctx.tariff.courseFee(course, startDate), kept: [ctx.tariff.version.existingContracts!.clause] };
}

/**
 * The contract's `startDate` (the optional fact above) must not come after the day the facts
 * happen on (an outage known, a cancellation requested): a contract not yet started has no fee to
 * rate them at. False, with an error at /facts/startDate, when it does.
 */
export function startedBy(ctx: DecisionContext, startDate: string | undefined, day: string, what: string): boolean {
  // A startDate that is itself in error is left to that error.
  if (startDate === undefined || startDate <= day || !typedAt(ctx, '/facts/startDate')) return true;
  ctx.errors.push({ path: '/facts/startDate', message: `startDate (${startDate}) is after ${what} (${day}); give the date the contract started, on or before it`, code: 'RANGE' });
  return false;
}
