import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, weekday } from './dates.js';

/**
 * Named interpretation `businessDays` (第22条): Monday to Friday, less Japanese national holidays
 * (substitute and citizens' holidays included, from @holiday-jp/holiday_jp) and 29 December to
 * 3 January.
 */
const holidays = holidayJp.holidays as Record<string, unknown>;

export const isYearEndBreak = (iso: string): boolean => {
  const md = iso.slice(5);
  return md >= '12-29' || md <= '01-03';
};

export const isNationalHoliday = (iso: string): boolean => Object.prototype.hasOwnProperty.call(holidays, iso);

/** Whether a date is a business day, remembered per date (a calendar fact; a few thousand dates at most are kept). */
const businessDayMemo = new Map<string, boolean>();
export const isBusinessDay = (iso: string): boolean => {
  let b = businessDayMemo.get(iso);
  if (b === undefined) {
    const wd = weekday(iso);
    b = wd !== 0 && wd !== 6 && !isNationalHoliday(iso) && !isYearEndBreak(iso);
    if (businessDayMemo.size >= 8192) businessDayMemo.clear();
    businessDayMemo.set(iso, b);
  }
  return b;
};

/** The `n`th business day counted back from `date`, `date` itself not counted. */
export const nthBusinessDayBefore = (date: string, n: number): string => {
  let d = date;
  let found = 0;
  while (found < n) {
    d = addDays(d, -1);
    if (isBusinessDay(d)) found += 1;
  }
  return d;
};

/** Business days in [from, to): `from` counted when it is one, `to` never. */
export const businessDaysFrom = (from: string, to: string): number => {
  let count = 0;
  for (let d = from; d < to; d = addDays(d, 1)) if (isBusinessDay(d)) count += 1;
  return count;
};
