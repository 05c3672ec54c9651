import holidayJp from '@holiday-jp/holiday_jp';
import { dayNumber, fromDayNumber, weekday } from './dates.js';

/**
 * Japan's national holidays (国民の祝日に関する法律), for the `businessDays` reading (第22条) and
 * `graceEndOnHoliday` = `civil-code-142` (第27条). The years @holiday-jp/holiday_jp lists (1970 to
 * its last year, 2050 in 2.5.1) are read from it, the one-off days of 2019–2021 included. A later
 * year is worked out by the Act as in force since 2020, the rules the listed years from 2022 on
 * follow too (a unit test holds the two equal there): the fixed days, the Mondays of 成人の日,
 * 海の日, 敬老の日 and スポーツの日, the equinox days by the formula the National Astronomical
 * Observatory's figures are listed by (1980–2099; the 2100–2150 constants from 2100 on, an
 * approximation past 2150), a 振替休日 for a holiday on a Sunday (第3条第2項) and a 国民の休日
 * between two holidays (第3条第3項). A year before 1970 has none here (no contract is that old).
 */
const listed = holidayJp.holidays as Record<string, unknown>;
const listedYears = Object.keys(listed).map((d) => Number(d.slice(0, 4)));
/** The last year the package lists. */
export const LAST_LISTED_YEAR = Math.max(...listedYears);

const FIXED = ['01-01', '02-11', '02-23', '04-29', '05-03', '05-04', '05-05', '08-11', '11-03', '11-23'];
/** [month, which Monday]: 成人の日, 海の日, 敬老の日, スポーツの日 (the "Happy Monday" days). */
const MONDAYS: readonly (readonly [number, number])[] = [
  [1, 2],
  [7, 3],
  [9, 3],
  [10, 2],
];

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

/** The day of March (spring) or September (autumn) of the equinox holiday. */
const equinoxDay = (year: number, spring: boolean): number => {
  const base = spring ? (year < 2100 ? 20.8431 : 21.851) : year < 2100 ? 23.2488 : 24.2488;
  return Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
};

/** The holidays of a year after the listed ones, by the Act as in force (memoised per year). */
const computed = new Map<number, Set<string>>();
const holidaysByAct = (year: number): Set<string> => {
  let days = computed.get(year);
  if (days) return days;
  const proper = new Set<string>(FIXED.map((md) => `${String(year).padStart(4, '0')}-${md}`));
  for (const [month, nth] of MONDAYS) {
    const first = weekday(iso(year, month, 1));
    proper.add(iso(year, month, 1 + ((8 - first) % 7) + (nth - 1) * 7));
  }
  proper.add(iso(year, 3, equinoxDay(year, true)));
  proper.add(iso(year, 9, equinoxDay(year, false)));
  days = new Set(proper);
  for (const d of proper) {
    const n = dayNumber(d);
    // 第3条第3項: a day between two 国民の祝日 that is none itself.
    if (proper.has(fromDayNumber(n + 2)) && !proper.has(fromDayNumber(n + 1))) days.add(fromDayNumber(n + 1));
    // 第3条第2項: a 国民の祝日 on a Sunday makes the nearest later day that is none a holiday.
    if (weekday(d) === 0) {
      let m = n + 1;
      while (proper.has(fromDayNumber(m))) m += 1;
      days.add(fromDayNumber(m));
    }
  }
  if (computed.size >= 256) computed.clear();
  computed.set(year, days);
  return days;
};

/** Whether a date (YYYY-MM-DD) is a national holiday, substitute and citizens' holidays included. */
export const isNationalHoliday = (date: string): boolean => {
  const year = Number(date.slice(0, 4));
  if (year > LAST_LISTED_YEAR) return holidaysByAct(year).has(date);
  return Object.prototype.hasOwnProperty.call(listed, date);
};

/** The holidays of a year by the Act's rules (for the test that holds them to the listed years). */
export const holidaysOfYearByAct = (year: number): string[] => [...holidaysByAct(year)].sort();
