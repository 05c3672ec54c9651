import { date, factsObject, param, paramFacts, yen, type DecisionDef } from '../decision-kit.js';
import { isBusinessDay, isNationalHoliday, isYearEndBreak } from '../business-days.js';
import { addDays, dayNumber, fromDayNumber, isLeapYear, weekday } from '../dates.js';
import { floorProduct } from '../money.js';

/** 第27条: late interest at 14.6% a year from the day after the due date to the day before payment. */
type Facts = { principal: number; dueDate: string; paidDate: string };
type State = Facts & { days: number };

export const lateInterest: DecisionDef<Facts, State> = {
  name: 'lateInterest',
  factsSchema: factsObject({ principal: yen, dueDate: date, paidDate: date }, ['principal', 'dueDate', 'paidDate']),
  prepare: (facts, ctx) => {
    const daysAfterDue = dayNumber(facts.paidDate) - dayNumber(facts.dueDate);
    const graceDays = Number(param(ctx, 'graceDays'));
    // The grace ends on its 15th day (graceEndOnHoliday none) or, under civil-code-142, on the next
    // business day when that day is a Sunday, a national holiday or in 29 Dec – 3 Jan (民法142条).
    // The reading is relied on only when the payment came after the 15th day.
    let graceEndDaysAfterDue = graceDays;
    if (daysAfterDue > graceDays && ctx.interps.use('graceEndOnHoliday') === 'civil-code-142') {
      let end = addDays(facts.dueDate, graceDays);
      if (weekday(end) === 0 || isNationalHoliday(end) || isYearEndBreak(end)) {
        ctx.interps.use('businessDays');
        // Once at the payment day the grace plainly covers it: no need to find its end (which,
        // for a 15th day at the end of 9999, lies beyond the dates YYYY-MM-DD can write).
        do end = addDays(end, 1);
        while (end < facts.paidDate && !isBusinessDay(end));
      }
      graceEndDaysAfterDue = dayNumber(end) - dayNumber(facts.dueDate);
    }
    return { facts: { daysAfterDue, graceEndDaysAfterDue, principal: facts.principal, ...paramFacts(ctx) }, state: { ...facts, days: Math.max(0, daysAfterDue - 1) } };
  },
  finish: (fired, s, ctx) => {
    // No tax is added to interest (case-files.md): `tax` 0 and `total` the interest, as every
    // decision that answers a tax does (surcharge's none, cancellation's untaxed charge).
    const none = { outcome: 'none', clauses: ['第27条'], fields: { days: s.days, amount: 0, tax: 0, total: 0 } };
    if (!fired.some((f) => f.type === 'charge-interest')) return none;
    const ratePercent = param(ctx, 'annualRatePercent');
    const basis = ctx.interps.use('interestDayBasis');
    // The year fraction as an exact ratio (numerator ÷ denominator), divided last so the
    // amount is floored once (第29条): 365 basis: days ÷ 365; actual: Σ days_y ÷ length_y.
    let numerator = s.days;
    let denominator = 365;
    if (basis === 'actual') {
      const { inLeapYears, inOtherYears } = daysByYearLength(dayNumber(s.dueDate) + 1, s.days);
      numerator = inOtherYears * 366 + inLeapYears * 365;
      denominator = 365 * 366;
    }
    const amount = floorProduct(s.principal, ratePercent, numerator, denominator * 100);
    if (amount === 0) return none;
    return { outcome: 'charge', clauses: ['第27条'], fields: { days: s.days, amount, tax: 0, total: amount } };
  },
};

/** Leap years among the years 1 … y (proleptic Gregorian, as isLeapYear). */
const leapYearsThrough = (y: number): number => Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
/** Day number of 1 January of year y. */
const yearStart = (y: number): number => dayNumber(`${String(y).padStart(4, '0')}-01-01`);

/**
 * Of `count` days from day number `first` on, how many fall in leap years and how many in others:
 * the first and the last year's days, and the whole years between them counted by the leap-year
 * rule (a delay of 8,000 years is as quick as one of a month).
 */
const daysByYearLength = (first: number, count: number): { inLeapYears: number; inOtherYears: number } => {
  if (count <= 0) return { inLeapYears: 0, inOtherYears: 0 };
  const last = first + count - 1;
  const firstYear = Number(fromDayNumber(first).slice(0, 4));
  const lastYear = Number(fromDayNumber(last).slice(0, 4));
  if (firstYear === lastYear) return isLeapYear(firstYear) ? { inLeapYears: count, inOtherYears: 0 } : { inLeapYears: 0, inOtherYears: count };
  let inLeapYears = 0;
  let inOtherYears = 0;
  const head = yearStart(firstYear + 1) - first;
  const tail = last - yearStart(lastYear) + 1;
  if (isLeapYear(firstYear)) inLeapYears += head;
  else inOtherYears += head;
  if (isLeapYear(lastYear)) inLeapYears += tail;
  else inOtherYears += tail;
  const wholeYears = lastYear - firstYear - 1;
  const leapYears = leapYearsThrough(lastYear - 1) - leapYearsThrough(firstYear);
  inLeapYears += leapYears * 366;
  inOtherYears += (wholeYears - leapYears) * 365;
  return { inLeapYears, inOtherYears };
};
