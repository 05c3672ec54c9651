import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feesBilled, FREE_PERIOD_READINGS, freePeriodOf, monthFee } from '../../src/engine/billing.js';
import { addDays, monthIndex, monthLabel } from '../../src/engine/dates.js';

/** The fees billed month by month, each month priced by monthFee: what feesBilled counts instead of summing. */
const monthByMonth = (fee: number, startDate: string, endDate: string, freeMonths: number, reading: string, partialMonthFee: string): number => {
  const free = freePeriodOf(startDate, freeMonths, reading);
  let total = 0;
  for (let i = monthIndex(startDate) + free.wholeFreeMonths; i <= monthIndex(endDate); i += 1) total += monthFee(fee, monthLabel(i), startDate, endDate, partialMonthFee, free);
  return total;
};

const day = (from: string, max: number) => fc.integer({ min: 0, max }).map((n) => addDays(from, n));

describe('feesBilled (default paid of a settlement)', () => {
  it('equals the fees of every month billed, one by one, under every reading', () => {
    fc.assert(
      fc.property(
        fc.record({
          fee: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(0, 1, 3_680, 1_000_000_000_000)),
          start: day('2020-01-01', 4000),
          days: fc.integer({ min: 0, max: 3000 }),
          freeMonths: fc.integer({ min: 0, max: 40 }),
          reading: fc.constantFrom(...FREE_PERIOD_READINGS),
          partialMonthFee: fc.constantFrom('full-month', 'daily-prorate'),
        }),
        ({ fee, start, days, freeMonths, reading, partialMonthFee }) => {
          const end = addDays(start, days);
          expect(feesBilled(fee, start, end, freePeriodOf(start, freeMonths, reading), partialMonthFee)).toBe(monthByMonth(fee, start, end, freeMonths, reading, partialMonthFee));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('counts a contract of 95,000 months as it sums one: the months between its first and last bill the whole fee', () => {
    const start = '2025-07-20';
    const end = '9999-12-31';
    for (const partialMonthFee of ['full-month', 'daily-prorate'])
      expect(feesBilled(3_680, start, end, freePeriodOf(start, 2, 'from-start-date'), partialMonthFee)).toBe(
        monthByMonth(3_680, start, end, 2, 'from-start-date', partialMonthFee),
      );
  });

  it('a fee that is not a whole number of yen is summed month by month', () => {
    const free = freePeriodOf('2024-01-15', 1, 'from-start-date');
    expect(feesBilled(1000.5, '2024-01-15', '2024-06-10', free, 'daily-prorate')).toBe(monthByMonth(1000.5, '2024-01-15', '2024-06-10', 1, 'from-start-date', 'daily-prorate'));
  });
});
