import { dayNumber, fromDayNumber } from './dates.js';
import { isNationalHoliday } from './national-holidays.js';

export { isNationalHoliday };

/**
 * Named interpretation `businessDays` (第22条): Monday to Friday, less Japanese national holidays
 * (substitute and citizens' holidays included: national-holidays.ts) and 29 December to 3 January.
 */
export const isYearEndBreak = (iso: string): boolean => {
  const md = iso.slice(5);
  return md >= '12-29' || md <= '01-03';
};

/** Whether a date is a business day, remembered per date (a calendar fact; a few thousand dates at most are kept). */
const businessDayMemo = new Map<number, boolean>();
const isBusinessDayNumber = (day: number, iso?: string): boolean => {
  let b = businessDayMemo.get(day);
  if (b === undefined) {
    const date = iso ?? fromDayNumber(day);
    const wd = (((day + 4) % 7) + 7) % 7;
    b = wd !== 0 && wd !== 6 && !isNationalHoliday(date) && !isYearEndBreak(date);
    if (businessDayMemo.size >= 8192) businessDayMemo.clear();
    businessDayMemo.set(day, b);
  }
  return b;
};
export const isBusinessDay = (iso: string): boolean => isBusinessDayNumber(dayNumber(iso), iso);

/** The `n`th business day counted back from `date`, `date` itself not counted (day numbers: no date string per step). */
export const nthBusinessDayBefore = (date: string, n: number): string => {
  let d = dayNumber(date);
  let found = 0;
  while (found < n) {
    d -= 1;
    if (isBusinessDayNumber(d)) found += 1;
  }
  return n > 0 ? fromDayNumber(d) : date;
};

/** Business days in [from, to): `from` counted when it is one, `to` never. */
export const businessDaysFrom = (from: string, to: string): number => {
  let count = 0;
  const end = dayNumber(to);
  for (let d = dayNumber(from); d < end; d += 1) if (isBusinessDayNumber(d)) count += 1;
  return count;
};
