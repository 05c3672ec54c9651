import { nthBusinessDayBefore } from '../business-days.js';
import { bool, courseFact, courseRef, date, factsObject, param, ruleFacts, typedAt, type DecisionDef } from '../decision-kit.js';
import { asDailyRateBasis, feeOverDates } from '../daily-rate.js';
import { contractFee, startedBy } from './contract-fee.js';
import { noticeOf } from './notice.js';
import { addDays, dayNumber } from '../dates.js';
import { taxOn } from '../money.js';
import type { Course } from '../tariff-types.js';

/**
 * 第22条, 第25条第1項, 第47条: a cancellation by the contractor. The request sets the planned end
 * date (解約予定日: the desired end date when on time, else the first date the request could
 * still reach); the contract ends on the day the camera and SIM are returned (返還された日をもって
 * 解約日); fees run per `feesAfterPlannedEnd`; an unannounced late return owes the fee of the days
 * from the day after the planned end date to the return (第47条第3項) at the daily rate.
 */
type Facts = { course: string; requestDate: string; desiredEndDate: string; returnedDate?: string | null; returnDelayAnnounced?: boolean; startDate?: string };
type State = { course: Course; facts: Facts; onTime: boolean; plannedEndDate: string; returnedDate: string | null; lateDays: number };

/** How far past the request a planned end date is looked for (a few weeks suffice: 5 business days). */
const SEARCH_DAYS = 366;

/**
 * The first date after `after` whose notice deadline (the nth business day before it) is on or after
 * `requestDate`. A deadline falls before its date, so no date up to `requestDate` qualifies: the
 * search starts after the later of the two (a request made long after the desired end date too).
 */
const firstReachableEnd = (after: string, requestDate: string, n: number): string => {
  const from = addDays(requestDate > after ? requestDate : after, 1);
  for (let d = from, i = 0; i < SEARCH_DAYS; d = addDays(d, 1), i += 1) if (nthBusinessDayBefore(d, n) >= requestDate) return d;
  throw new Error(`no planned end date within ${SEARCH_DAYS} days after ${from}`);
};

export const cancellation: DecisionDef<Facts, State> = {
  name: 'cancellation',
  factsSchema: factsObject(
    { course: courseRef, requestDate: date, desiredEndDate: date, returnedDate: { type: ['string', 'null'], format: 'iso-date' }, returnDelayAnnounced: bool, startDate: date },
    ['course', 'requestDate', 'desiredEndDate'],
  ),
  checksFacts: true,
  prepare: (facts, ctx) => {
    const course = courseFact(ctx, facts.course, 'course');
    const returnedDate = facts.returnedDate ?? null;
    const requestTyped = typedAt(ctx, '/facts/requestDate');
    // Each check where the dates it compares are well-typed; both run, so both problems are said at once.
    if (requestTyped && returnedDate !== null && typedAt(ctx, '/facts/returnedDate') && returnedDate < facts.requestDate)
      ctx.errors.push({
        path: '/facts/returnedDate',
        message: `returnedDate (${returnedDate}) is before requestDate (${facts.requestDate}); 第22条 has the request made first, then the camera and SIM returned. Correct one of the dates.`,
        code: 'RANGE',
      });
    if (requestTyped) startedBy(ctx, facts.startDate, facts.requestDate, 'requestDate');
    if (!course || ctx.errors.length || ctx.wellTyped) return undefined;
    const { n, onTime, counted } = noticeOf(ctx, facts.requestDate, facts.desiredEndDate);
    const plannedEndDate = onTime ? facts.desiredEndDate : firstReachableEnd(facts.desiredEndDate, facts.requestDate, n);
    const returnedLate = returnedDate !== null && returnedDate > plannedEndDate;
    const lateDays = returnedLate && !(facts.returnDelayAnnounced ?? false) ? dayNumber(returnedDate) - dayNumber(plannedEndDate) : 0;
    return {
      facts: {
        businessDaysBeforeEnd: counted,
        returned: returnedDate !== null,
        returnedAfterPlannedEnd: returnedLate,
        returnDelayAnnounced: facts.returnDelayAnnounced ?? false,
        ...ruleFacts(ctx),
      },
      state: { course, facts, onTime, plannedEndDate, returnedDate, lateDays },
    };
  },
  finish: (fired, s, ctx) => {
    if (!fired.some((f) => f.type === 'cancelled') || s.returnedDate === null)
      return {
        outcome: 'pending',
        clauses: ['第22条', '第25条第1項'],
        fields: { noticeOnTime: s.onTime, plannedEndDate: s.plannedEndDate, cancellationDate: null, feesUntil: null, lateReturnDays: 0, lateReturnCharge: 0, tax: 0, total: 0 },
      };
    const mode = ctx.interps.use('feesAfterPlannedEnd');
    const returned = s.returnedDate;
    const announced = s.facts.returnDelayAnnounced ?? false;
    const feesUntil = mode === 'monthly-fee-until-return' || announced || returned <= s.plannedEndDate ? returned : s.plannedEndDate;
    const charged = fired.some((f) => f.type === 'late-return-charge') && s.lateDays > 0;
    let lateReturnCharge = 0;
    let tax = 0;
    // The fee the contract pays (ExistingContracts: keep-price keeps the fee of its start date, when given).
    const { fee, kept } = contractFee(ctx, s.course, s.facts.startDate);
    if (charged) {
      const basis = asDailyRateBasis(ctx.interps.use('dailyRate'));
      lateReturnCharge = feeOverDates(fee, addDays(s.plannedEndDate, 1), s.lateDays, basis).floored();
      if (ctx.interps.use('lateReturnTax') === 'taxed') tax = taxOn(lateReturnCharge, param(ctx, 'taxRatePercent'));
    }
    return {
      outcome: 'cancelled',
      clauses: charged ? ['第22条', '第25条第1項', '第47条第3項', ...kept] : ['第22条', '第25条第1項'],
      fields: {
        noticeOnTime: s.onTime,
        plannedEndDate: s.plannedEndDate,
        cancellationDate: returned,
        feesUntil,
        lateReturnDays: s.lateDays,
        lateReturnCharge,
        tax,
        total: lateReturnCharge + tax,
      },
    };
  },
};
