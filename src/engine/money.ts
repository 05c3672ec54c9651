import Decimal from 'decimal.js';

/** Exact decimal arithmetic for money and rates; no binary floating point anywhere in an amount. */
export const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_DOWN });
export type Dec = InstanceType<typeof D>;

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
