import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideFast } from '../../src/engine/decide.js';
import { addDays, dayNumber, fromDayNumber, isLeapYear } from '../../src/engine/dates.js';
import { registry, TODAY } from './helpers.js';

/**
 * 第27条 under interestDayBasis `actual`: each day of the delay is 1/366 of a year in a leap year and
 * 1/365 otherwise. The reference walks the delay day by day and works in BigInt; the engine counts
 * whole years by the leap-year rule.
 */
const expected = (principal: number, dueDate: string, paidDate: string): { days: number; amount: number } => {
  const days = Math.max(0, dayNumber(paidDate) - dayNumber(dueDate) - 1);
  let leap = 0n;
  let other = 0n;
  for (let d = dayNumber(dueDate) + 1, i = 0; i < days; d += 1, i += 1)
    if (isLeapYear(Number(fromDayNumber(d).slice(0, 4)))) leap += 1n;
    else other += 1n;
  // 14.6% a year: principal × 146 × (other × 366 + leap × 365) ÷ (365 × 366 × 1000), floored once (第29条).
  const amount = (BigInt(principal) * 146n * (other * 366n + leap * 365n)) / (365n * 366n * 1000n);
  return { days, amount: Number(amount) };
};

const lateInterest = (principal: number, dueDate: string, paidDate: string) =>
  decideFast(
    registry,
    { decision: 'lateInterest', asOf: '2024-01-01', facts: { principal, dueDate, paidDate }, interpretations: { interestDayBasis: 'actual' } },
    { today: TODAY },
  ) as unknown as {
    outcome: string;
    days: number;
    amount: number;
  };

describe('lateInterest, interestDayBasis actual: the days of leap and other years', () => {
  it('agrees with a day-by-day count over delays of up to 30 years, from any year 1 … 9990', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_641_000 }), fc.integer({ min: 16, max: 11_000 }), fc.integer({ min: 1, max: 10_000_000 }), (from, delay, principal) => {
        const dueDate = addDays('0001-01-01', from);
        const paidDate = addDays(dueDate, delay);
        const out = lateInterest(principal, dueDate, paidDate);
        const want = expected(principal, dueDate, paidDate);
        expect(out.days).toBe(want.days);
        expect(out.amount).toBe(want.amount);
      }),
      { numRuns: 60, seed: 27 },
    );
  });

  it('a delay of 8,000 years (to 9999-12-31) counts its 1,940 leap years', () => {
    const out = lateInterest(110_000, '2024-01-31', '9999-12-31');
    expect(out.outcome).toBe('charge');
    expect(out).toMatchObject(expected(110_000, '2024-01-31', '9999-12-31'));
  });
});
