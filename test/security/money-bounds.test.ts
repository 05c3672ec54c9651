import { describe, expect, it } from 'vitest';
import { decide, decideFast } from '../../src/engine/decide.js';
import { MAX_YEN, nonFiniteAmounts } from '../../src/engine/money.js';
import { loadRegistry } from '../../src/io/folder-store.js';
import { SEED } from '../studio/helpers.js';

/** Attack 9: money facts so large that amounts come out as null (Infinity) or inexact. */
const registry = loadRegistry(SEED.rulesDir, SEED.tariffsDir);
const late = (principal: number) => ({ asOf: '2025-03-31', decision: 'lateInterest', facts: { principal, dueDate: '2025-01-31', paidDate: '2025-03-31' } });

describe('money facts are bounded', () => {
  it.each([1e308, MAX_YEN + 1, Number.MAX_SAFE_INTEGER])('principal %d is invalid with the bound named, on both paths', async (principal) => {
    for (const out of [await decide(registry, late(principal) as never, { today: '2025-03-31' }), decideFast(registry, late(principal) as never, { today: '2025-03-31' })]) {
      expect(out.outcome).toBe('invalid');
      expect(out.errors).toEqual([expect.objectContaining({ path: '/facts/principal', code: 'FACT_MAXIMUM', message: expect.stringContaining('1,000,000,000,000 yen') })]);
      expect(JSON.stringify(out)).not.toContain('null');
    }
  });

  it('1e309 in a case file (JSON reads it as Infinity) is named as too large, not as "got number null", on both paths', async () => {
    const principal = (JSON.parse('{"p": 1e309}') as { p: number }).p;
    for (const out of [await decide(registry, late(principal) as never, { today: '2025-03-31' }), decideFast(registry, late(principal) as never, { today: '2025-03-31' })]) {
      expect(out.outcome).toBe('invalid');
      expect(out.errors).toEqual([
        {
          path: '/facts/principal',
          code: 'FACT_TYPE',
          message:
            'must be integer, got a number too large to hold (JSON reads 1e309 and beyond as Infinity); write the number in digits, at most 1,000,000,000,000 for an amount in yen',
        },
      ]);
    }
  });

  it('a number past 2^53 (read rounded) is shown with a note, so "got 9007199254740992" for 9007199254740993 is explained', async () => {
    const out = await decide(registry, late(JSON.parse('9007199254740993') as number) as never, { today: '2025-03-31' });
    expect(out.errors?.[0]?.message).toBe(
      'must be at most 1,000,000,000,000 yen (the largest amount the engine accepts), got 9007199254740992 (as read: a JSON number past 9,007,199,254,740,991 loses its last digits)',
    );
  });

  it('the bound itself answers a finite whole amount', async () => {
    const out = await decide(registry, late(MAX_YEN) as never, { today: '2025-03-31' });
    expect(out.outcome).toBe('charge');
    expect(Number.isSafeInteger((out as unknown as { amount: number }).amount)).toBe(true);
  });

  it.each([
    ['surcharge', { evadedAmount: 1e308 }, '/facts/evadedAmount'],
    ['settlement', { course: 'M2035N-3Y-C7-SN', startDate: '2024-01-01', endDate: '2025-02-28', paid: 1e300 }, '/facts/paid'],
    ['paymentAllocation', { bills: [{ id: 'a', dueDate: '2024-01-31', amount: 1000 }], payments: [{ date: '2024-01-31', amount: MAX_YEN + 1 }] }, '/facts/payments/0/amount'],
    ['paymentAllocation', { bills: [{ id: 'a', dueDate: '2024-01-31', amount: 999_999_999_999_999 }], payments: [] }, '/facts/bills/0/amount'],
  ])('%s refuses a huge money fact', async (decision, facts, path) => {
    const out = await decide(registry, { asOf: '2025-03-31', decision, facts } as never, { today: '2025-03-31' });
    expect(out.outcome).toBe('invalid');
    expect(out.errors?.[0]).toMatchObject({ path, code: 'FACT_MAXIMUM' });
  });

  it('an answer with a non-finite or inexact number is caught before it is emitted', () => {
    expect(nonFiniteAmounts({ amount: 1, tax: Infinity, lines: [{ amount: NaN }, { amount: 2 ** 60 }] })).toEqual(['/tax', '/lines/0/amount', '/lines/1/amount']);
    expect(nonFiniteAmounts({ amount: 14000, days: 3 })).toEqual([]);
  });
});
