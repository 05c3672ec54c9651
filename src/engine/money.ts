import Decimal from 'decimal.js';

/** Exact decimal arithmetic for money and rates; no binary floating point anywhere in an amount. */
export const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_DOWN });
export type Dec = InstanceType<typeof D>;

/**
 * The largest amount of money a fact or a tariff price may hold: 1 trillion yen (1,000,000,000,000).
 * Far above any fee, principal or evaded amount the terms can produce, and far below where a yen
 * amount stops being an exact JavaScript number (2^53), so every answer stays a finite whole yen.
 */
export const MAX_YEN = 1_000_000_000_000;

const exactNumber = (v: number): boolean => Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;

/** Whether every number under `v` is exact; a walk without paths or arrays, the case of every answer. */
const allExact = (v: unknown): boolean => {
  if (typeof v === 'number') return exactNumber(v);
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i += 1) if (!allExact(v[i])) return false;
    return true;
  }
  for (const k in v) if (Object.hasOwn(v, k) && !allExact((v as Record<string, unknown>)[k])) return false;
  return true;
};

/** The JSON pointers of the numbers in an answer's fields that a JSON reader would not get back exactly (none, almost always). */
export const nonFiniteAmounts = (v: unknown, path = ''): string[] => {
  if (allExact(v)) return [];
  if (typeof v === 'number') return exactNumber(v) ? [] : [path || '/'];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => nonFiniteAmounts(x, `${path}/${k}`));
};

/**
 * 第29条（端数処理）: "その計算結果に 1 円未満の端数が生じた場合は、その端数を切り捨てます。"
 * The one place an amount is floored to the yen. Call it once, where an amount is produced.
 */
export const floorYen = (value: Dec | number): number => {
  const d = value instanceof D ? value : new D(value);
  return d.floor().toNumber();
};

/** 第32条: consumption tax on an ex-tax amount, floored (the rate comes from the rules). */
export const taxOn = (amount: number, ratePercent: string | number): number => floorYen(new D(amount).times(ratePercent).dividedBy(100));
