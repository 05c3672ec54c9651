import { daysInMonth, monthIndex, monthLabel } from './dates.js';
import { D, floorYen } from './money.js';

/**
 * The course fee billed for one calendar month of use, under the named interpretation
 * `partialMonthFee` (第25条第1項, 第28条第1項): `full-month` bills the whole fee for a month with
 * any day of use; `daily-prorate` bills fee × days used ÷ days in that month.
 */
export function monthFee(fee: number, month: string, startDate: string, endDate: string | undefined, partialMonthFee: string): number {
  if (partialMonthFee === 'full-month') return fee;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const dim = daysInMonth(y, m);
  const first = monthIndex(startDate) === monthIndex(month) ? Number(startDate.slice(8, 10)) : 1;
  const last = endDate !== undefined && monthIndex(endDate) === monthIndex(month) ? Number(endDate.slice(8, 10)) : dim;
  if (first === 1 && last === dim) return fee;
  return floorYen(new D(fee).times(last - first + 1).dividedBy(dim));
}

/** Course fees billed from the start month to the end month, the first `freeMonths` months free. */
export function feesBilled(fee: number, startDate: string, endDate: string, freeMonths: number, partialMonthFee: string): number {
  let total = 0;
  for (let i = monthIndex(startDate) + freeMonths; i <= monthIndex(endDate); i += 1) total += monthFee(fee, monthLabel(i), startDate, endDate, partialMonthFee);
  return total;
}
