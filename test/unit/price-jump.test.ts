import { describe, expect, it } from 'vitest';
import { loadTariffVersions } from '../../src/io/folder-store.js';
import { PRICE_JUMP_SHARE, priceJump, priceJumps } from '../../src/tariff-model/price-jump.js';
import { diffTariff, type TariffChange } from '../../src/tariff-model/tariff-diff.js';

/** A price moved by more than half (or to or from 0) is flagged: computed from the change, never from a list of codes. */
const [tariff] = loadTariffVersions('tariffs');
const withFee = (code: string, fee: number) => ({ ...tariff!, courses: tariff!.courses.map((c) => (c.code === code ? { ...c, monthlyFee: fee } : c)) });
const feeChange = (code: string, fee: number): TariffChange => diffTariff(tariff!, withFee(code, fee))[0]!;
const was = (code: string) => tariff!.courses.find((c) => c.code === code)!.monthlyFee;

describe('price jumps', () => {
  it('7,400 → 13,500 yen (+82 %) is a jump up; a decrease of more than half a jump down; to 0 and from 0 too', () => {
    expect(was('M5525N-3Y-C14-SN')).toBe(7400);
    expect(priceJump(feeChange('M5525N-3Y-C14-SN', 13500))).toEqual({ kind: 'up', before: 7400, after: 13500, percent: 82 });
    expect(priceJump(feeChange('M5525N-3Y-C14-SN', 740))).toEqual({ kind: 'down', before: 7400, after: 740, percent: -90 });
    expect(priceJump(feeChange('M5525N-3Y-C14-SN', 0))).toEqual({ kind: 'toZero', before: 7400, after: 0, percent: -100 });
  });

  it('a move of half or less is not flagged (the ladder of terms of one camera moves by a third at most)', () => {
    expect(PRICE_JUMP_SHARE).toBe(0.5);
    expect(priceJump(feeChange('M5525N-3Y-C14-SN', 11100))).toBeNull(); // +50 % exactly
    expect(priceJump(feeChange('M5525N-3Y-C14-SN', 3700))).toBeNull(); // −50 % exactly
    expect(priceJump(feeChange('M5525N-3Y-C14-SN', 11101))).toMatchObject({ kind: 'up', percent: 50 });
    expect(priceJump(feeChange('M5525N-3Y-C14-SN', 8000))).toBeNull();
  });

  it('an option that was free and gets a price is flagged; a cell that is no price (a minimum period) never is', () => {
    const flat = tariff!.options.find((o) => o.price.kind === 'flat')!;
    const priced = (amount: number) => ({ ...tariff!, options: tariff!.options.map((o) => (o.code === flat.code ? { ...o, price: { kind: 'flat' as const, amount } } : o)) });
    const c = diffTariff(priced(0), priced(500)).find((x) => x.field === 'amount')!;
    expect(priceJump(c)).toEqual({ kind: 'fromZero', before: 0, after: 500, percent: null });
    const longer = { ...tariff!, courses: tariff!.courses.map((c) => (c.minimumPeriodMonths === 12 ? { ...c, minimumPeriodMonths: 36 } : c)) };
    const changes = diffTariff(tariff!, longer);
    expect(changes.length).toBeGreaterThan(0);
    expect(priceJumps(changes).size).toBe(0);
  });

  it('priceJumps names the jumping changes by index, for a change list', () => {
    const v = withFee('M5525N-3Y-C14-SN', 13500);
    const changes = diffTariff(tariff!, { ...v, courses: v.courses.map((c) => (c.code === 'LONG' ? { ...c, monthlyFee: c.monthlyFee + 100 } : c)) });
    expect([...priceJumps(changes).entries()].map(([i, j]) => [changes[i]!.key, j.kind])).toEqual([['M5525N-3Y-C14-SN', 'up']]);
  });
});
