import holidayJp from '@holiday-jp/holiday_jp';
import { describe, expect, it } from 'vitest';
import { holidaysOfYearByAct, isNationalHoliday, LAST_LISTED_YEAR } from '../../src/engine/national-holidays.js';

const listedIn = (year: number): string[] =>
  Object.keys(holidayJp.holidays)
    .filter((d) => d.startsWith(`${year}-`))
    .sort();

describe('national holidays (祝日法) after the years @holiday-jp/holiday_jp lists', () => {
  it('the Act as the engine works it out gives exactly the listed holidays of 2022 to the last listed year', () => {
    expect(LAST_LISTED_YEAR).toBeGreaterThanOrEqual(2050);
    for (let year = 2022; year <= LAST_LISTED_YEAR; year += 1) expect(holidaysOfYearByAct(year), String(year)).toEqual(listedIn(year));
  });
  it('a year after the list has its holidays: fixed days, Mondays, equinoxes, 振替休日 and 国民の休日', () => {
    expect(isNationalHoliday('2051-02-23')).toBe(true); // 天皇誕生日 (Thursday)
    expect(isNationalHoliday('2051-01-09')).toBe(true); // 成人の日, second Monday
    expect(isNationalHoliday('2051-07-17')).toBe(true); // 海の日, third Monday
    expect(isNationalHoliday('2051-03-21')).toBe(true); // 春分の日
    expect(isNationalHoliday('2052-02-12')).toBe(true); // 振替休日 for 建国記念の日 on a Sunday
    expect(isNationalHoliday('2054-09-22')).toBe(true); // 国民の休日 between 敬老の日 and 秋分の日
    expect(isNationalHoliday('2051-02-24')).toBe(false);
    expect(isNationalHoliday('2051-12-23')).toBe(false); // 天皇誕生日 moved to 02-23 in 2020
  });
  it('a listed year is read from the list (the one-off days of 2019–2021 included)', () => {
    expect(isNationalHoliday('2019-05-01')).toBe(true);
    expect(isNationalHoliday('2021-07-23')).toBe(true);
    expect(isNationalHoliday('2021-10-11')).toBe(false); // スポーツの日 moved to 07-23 that year
  });
});
