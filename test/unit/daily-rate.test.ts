import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feeOverDates, feeOverUnits } from '../../src/engine/daily-rate.js';
import { addDays, dayNumber, parseDateTime } from '../../src/engine/dates.js';
import { floorYen } from '../../src/engine/money.js';

const at = (s: string): number => parseDateTime(s)!.epochMs;

describe('daily-rate: a span at the daily rate, each unit at its own month', () => {
  it('a whole month of days is exactly the monthly fee (no rounding in between)', () => {
    for (const [first, days] of [
      ['2025-01-01', 31],
      ['2025-02-01', 28],
      ['2024-02-01', 29],
      ['2025-04-01', 30],
    ] as const) {
      expect(feeOverDates(25_000, first, days, 'own-month').value.toString()).toBe('25000');
      expect(feeOverUnits(25_000, at(`${first}T00:00`), days * 24, 'hour', 'own-month').value.toString()).toBe('25000');
      expect(feeOverUnits(25_000, at(`${first}T00:00`), days * 1440, 'minute', 'own-month').value.toString()).toBe('25000');
    }
  });

  it('two blocks across January and February: 25,000 ÷ 31 + 25,000 ÷ 28 → 1,699 (known-month: 1,612; thirty-days: 1,666)', () => {
    const start = at('2025-01-31T12:00');
    expect(floorYen(feeOverUnits(25_000, start, 2, 'day', 'own-month').value)).toBe(1699);
    expect(floorYen(feeOverUnits(25_000, start, 2, 'day', 'known-month').value)).toBe(1612);
    expect(floorYen(feeOverUnits(25_000, start, 2, 'day', 'thirty-days').value)).toBe(1666);
  });

  it('reads the month in Asia/Tokyo: 2025-03-31T15:00Z is 1 April', () => {
    expect(feeOverUnits(15_000, at('2025-03-31T15:00:00Z'), 2, 'day', 'own-month').value.toString()).toBe('1000');
  });

  it('calendar days across a month end: 04-29 … 05-03 of 24,000 = 1,600 + 2,322.58… → 3,922', () => {
    expect(floorYen(feeOverDates(24_000, '2025-04-29', 5, 'own-month').value)).toBe(3922);
    expect(floorYen(feeOverDates(24_000, '2025-04-29', 5, 'known-month').value)).toBe(4000);
  });

  it('own-month = the sum of each unit priced alone (property, hours)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 366 * 24 }), fc.integer({ min: 0, max: 24 * 70 }), fc.integer({ min: 1, max: 40_000 }), (offsetH, hours, fee) => {
        const start = at('2024-01-15T07:00') + offsetH * 3_600_000;
        const whole = feeOverUnits(fee, start, hours, 'hour', 'own-month');
        let sum = feeOverUnits(fee, start, 0, 'hour', 'own-month');
        for (let i = 0; i < hours; i += 1) {
          sum = sum.plus(feeOverUnits(fee, start + i * 3_600_000, 1, 'hour', 'own-month'));
        }
        expect(whole.value.toString()).toBe(sum.value.toString());
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('own-month = the sum of each unit priced alone, over spans of years (property, days and calendar days)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 366 * 24 }), fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 1, max: 40_000 }), (offsetH, days, fee) => {
        const start = at('2023-11-20T05:00') + offsetH * 3_600_000;
        let units = feeOverUnits(fee, start, 0, 'day', 'own-month');
        for (let i = 0; i < days; i += 1) units = units.plus(feeOverUnits(fee, start + i * 86_400_000, 1, 'day', 'own-month'));
        expect(feeOverUnits(fee, start, days, 'day', 'own-month').value.toString()).toBe(units.value.toString());
        const first = addDays('2023-11-20', Math.floor(offsetH / 24));
        let dates = feeOverDates(fee, first, 0, 'own-month');
        for (let i = 0; i < days; i += 1) dates = dates.plus(feeOverDates(fee, addDays(first, i), 1, 'own-month'));
        expect(feeOverDates(fee, first, days, 'own-month').value.toString()).toBe(dates.value.toString());
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('8,000 years from a 1st at midnight is the monthly fee × 96,000 months, exactly, past 2^53 in the numerator', () => {
    const days = dayNumber('9999-12-31') - dayNumber('2000-01-01') + 1;
    expect(feeOverDates(15_000, '2000-01-01', days, 'own-month').value.toString()).toBe(String(15_000 * 96_000));
    expect(feeOverUnits(15_000, at('2000-01-01T00:00'), days, 'day', 'own-month').value.toString()).toBe(String(15_000 * 96_000));
    expect(feeOverUnits(15_000, at('2000-01-01T00:00'), days * 24, 'hour', 'own-month').value.toString()).toBe(String(15_000 * 96_000));
    // From 16 January at noon: January's last 16 blocks at 31,000 ÷ 31, then 95,999 whole months (February 2000 … December 9999).
    expect(feeOverUnits(31_000, at('2000-01-16T12:00'), days - 15, 'day', 'own-month').value.toString()).toBe(String(16 * 1000 + 31_000 * 95_999));
  });
});
