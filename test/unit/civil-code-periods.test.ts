import { describe, expect, it } from 'vitest';
import { freePeriodOf, monthFee } from '../../src/engine/billing.js';
import { elapsedMonths, monthIndex, periodEnd } from '../../src/engine/dates.js';

describe('民法143条 periods (monthsUsed elapsed, freePeriod from-start-date)', () => {
  it('ends the day before the corresponding day, or at the end of a month without one', () => {
    expect(periodEnd('2025-01-10', 2)).toBe('2025-03-09');
    expect(periodEnd('2025-01-01', 1)).toBe('2025-01-31');
    expect(periodEnd('2025-01-31', 1)).toBe('2025-02-28');
    expect(periodEnd('2024-01-31', 1)).toBe('2024-02-29');
    expect(periodEnd('2023-12-31', 2)).toBe('2024-02-29');
  });

  it('counts whole months elapsed to the day after the end date', () => {
    expect(elapsedMonths('2024-01-15', '2025-02-13')).toBe(12);
    expect(elapsedMonths('2024-01-15', '2025-02-14')).toBe(13);
    expect(elapsedMonths('2025-01-10', '2025-01-31')).toBe(0);
    expect(elapsedMonths('2025-01-01', '2025-01-31')).toBe(1);
  });

  it('bills the month in which a from-start-date free period ends for its days after it', () => {
    const free = freePeriodOf('2025-01-10', 2, 'from-start-date');
    expect(free).toEqual({ wholeFreeMonths: 2, partialMonth: monthIndex('2025-03'), lastFreeDay: '2025-03-09', minimumPeriodStartMonth: monthIndex('2025-03') });
    expect(monthFee(15000, '2025-03', '2025-01-10', undefined, 'full-month', free)).toBe(10645);
    expect(monthFee(15000, '2025-03', '2025-01-10', '2025-03-20', 'daily-prorate', free)).toBe(5322);
    expect(freePeriodOf('2025-01-31', 1, 'from-start-date')).toMatchObject({ wholeFreeMonths: 2, partialMonth: null, minimumPeriodStartMonth: monthIndex('2025-03') });
    expect(freePeriodOf('2025-01-10', 2, 'calendar-months')).toMatchObject({ wholeFreeMonths: 2, partialMonth: null, minimumPeriodStartMonth: monthIndex('2025-03') });
  });
});
