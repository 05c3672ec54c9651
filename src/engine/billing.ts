import { addDays, daysInMonth, lastDayOfMonth, monthIndex, periodEnd } from './dates.js';
import { D, floorYen } from './money.js';

/**
 * The campaign free period of 第7条 (キャンペーン等当社が本サービスの月額利用料を無料として設定した期間)
 * under the named interpretation `freePeriod`:
 * - `calendar-months`: the free months are the first calendar months billed, the start month first;
 * - `from-start-date`: n months counted from startDate (民法143条); the month in which the free
 *   period ends is billed only for its days after it.
 * The minimum period starts in the month holding the day after the free period ends (第7条).
 */
export type FreePeriod = {
  /** Contract months (from the start month) billed nothing at all. */
  wholeFreeMonths: number;
  /** Month index of the month billed only for its days after the free period, or null. */
  partialMonth: number | null;
  /** The last free day, or null without a free period. */
  lastFreeDay: string | null;
  /** Month index of the month in which the minimum period starts (第7条). */
  minimumPeriodStartMonth: number;
};

export const FREE_PERIOD_READINGS = ['calendar-months', 'from-start-date'] as const;

export function freePeriodOf(startDate: string, freeMonths: number, reading: string): FreePeriod {
  const startMonth = monthIndex(startDate);
  if (freeMonths <= 0) return { wholeFreeMonths: 0, partialMonth: null, lastFreeDay: null, minimumPeriodStartMonth: startMonth };
  if (reading !== 'from-start-date')
    return { wholeFreeMonths: freeMonths, partialMonth: null, lastFreeDay: lastDayOfMonth(startMonth + freeMonths - 1), minimumPeriodStartMonth: startMonth + freeMonths };
  const lastFreeDay = periodEnd(startDate, freeMonths);
  const endMonth = monthIndex(lastFreeDay);
  const endsWithMonth = lastFreeDay === lastDayOfMonth(endMonth);
  return {
    wholeFreeMonths: endMonth - startMonth + (endsWithMonth ? 1 : 0),
    partialMonth: endsWithMonth ? null : endMonth,
    lastFreeDay,
    minimumPeriodStartMonth: monthIndex(addDays(lastFreeDay, 1)),
  };
}

/**
 * The course fee billed for one calendar month of use, under the named interpretation
 * `partialMonthFee` (第25条第1項, 第28条第1項): `full-month` bills the whole fee for a month with
 * any day of use; `daily-prorate` bills fee × days used ÷ days in that month. The month in which
 * a `from-start-date` free period ends is billed for its days after the free period only
 * (fee × those days ÷ days of the month, floored), to the end of the month or, under
 * `daily-prorate`, to the end date.
 */
export function monthFee(fee: number, month: string, startDate: string, endDate: string | undefined, partialMonthFee: string, free?: FreePeriod): number {
  return monthFeeAt(fee, monthIndex(month), startDate, endDate, partialMonthFee, free);
}

/**
 * fee × days ÷ days in the month, floored once (第29条). In integer yen when that is exact: a
 * whole fee × days below 2^53 is an exact integer, and (p − p mod dim) ÷ dim is its floored
 * quotient with no rounding anywhere, the same number decimal.js gives. Anything else (a fee with
 * a fraction, a product past 2^53) goes through decimal.js as before.
 */
const prorate = (fee: number, days: number, dim: number): number => {
  const product = fee * days;
  if (product >= 0 && Number.isSafeInteger(product)) return (product - (product % dim)) / dim;
  return floorYen(new D(fee).times(days).dividedBy(dim));
};

/** Whether a date falls in the month with this month index (a plain function: monthFeeAt runs per billed month). */
const inMonth = (d: string | undefined | null, month: number): boolean => d !== undefined && d !== null && monthIndex(d) === month;

/** monthFee of the month with this month index (y × 12 + m − 1). */
function monthFeeAt(fee: number, month: number, startDate: string, endDate: string | undefined, partialMonthFee: string, free?: FreePeriod): number {
  const dim = daysInMonth(Math.floor(month / 12), (month % 12) + 1);
  if (free?.partialMonth === month && free.lastFreeDay !== null) {
    const first = Number(free.lastFreeDay.slice(8, 10)) + 1;
    const endDay = inMonth(endDate, month) ? Number(endDate!.slice(8, 10)) : dim;
    // A contract that ended within the free period used none of the month's days after it: 0
    // under either reading (第25条第1項: fees run only while the service is provided).
    if (endDay < first) return 0;
    const last = partialMonthFee === 'daily-prorate' ? endDay : dim;
    return last < first ? 0 : prorate(fee, last - first + 1, dim);
  }
  if (partialMonthFee === 'full-month') return fee;
  const first = inMonth(startDate, month) ? Number(startDate.slice(8, 10)) : 1;
  const last = inMonth(endDate, month) ? Number(endDate!.slice(8, 10)) : dim;
  if (first === 1 && last === dim) return fee;
  return prorate(fee, last - first + 1, dim);
}

/**
 * Course fees billed from the start month to the end month, the free period (第7条) not billed.
 * Only three months can bill other than the whole fee (monthFeeAt): the start month, the end month
 * and the free period's partial month. Those are priced one by one and every other month is the
 * fee, counted, not summed month by month: a contract of 95,000 months (up to 9999-12-31) costs
 * what a contract of a year does. A whole-yen fee times a count is the sum of the months exactly
 * (both are the same integer below 2^53, and above it the answer is refused as out of range
 * either way); a fee that is not a whole number is summed month by month as before.
 */
export function feesBilled(fee: number, startDate: string, endDate: string, free: FreePeriod, partialMonthFee: string): number {
  const from = monthIndex(startDate) + free.wholeFreeMonths;
  const end = monthIndex(endDate);
  let total = 0;
  if (!Number.isSafeInteger(fee)) {
    for (let i = from; i <= end; i += 1) total += monthFeeAt(fee, i, startDate, endDate, partialMonthFee, free);
    return total;
  }
  let whole = end - from + 1;
  for (const month of new Set([monthIndex(startDate), end, free.partialMonth]))
    if (month !== null && month >= from && month <= end) {
      total += monthFeeAt(fee, month, startDate, endDate, partialMonthFee, free);
      whole -= 1;
    }
  return whole > 0 ? total + fee * whole : total;
}
