import Decimal from 'decimal.js';

// Object.prototype.hasOwnProperty through call: inside a for…in, V8 optimises it (about twice
// as fast as Object.hasOwn there), and this walk runs on every request.
const hasOwnProperty = Object.prototype.hasOwnProperty;

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
  for (const k in v) if (hasOwnProperty.call(v, k) && !allExact((v as Record<string, unknown>)[k])) return false;
  return true;
};

/**
 * Copies each field of a finish's own object literal onto the answer and tells whether every number
 * under them is exact: one pass over the fields instead of a check and then a copy.
 */
export const copyExactFields = (fields: Record<string, unknown>, out: Record<string, unknown>): boolean => {
  let exact = true;
  for (const k in fields) {
    const v = fields[k];
    out[k] = v;
    if (exact && (typeof v === 'number' ? !exactNumber(v) : v !== null && typeof v === 'object' && !allExact(v))) exact = false;
  }
  return exact;
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
  // A number's floor is Math.floor's: its decimal form and the number have the same floor.
  if (typeof value === 'number') return Math.floor(value);
  return value.floor().toNumber();
};

const DECIMAL_RE = /^(\d{1,15})(?:\.(\d{1,6}))?$/;

/** A non-negative number written in decimal (10, "10", "14.6") as units ÷ scale with both whole; undefined otherwise. */
type Ratio = { units: number; scale: number };
/** The ratios of the rates seen (a rule file's few parameters, such as '14.6' and '10'), parsed once. */
const ratios = new Map<string, Ratio | undefined>();
const asRatio = (x: number | string): Ratio | undefined => {
  if (typeof x === 'number') return Number.isSafeInteger(x) && x >= 0 ? { units: x, scale: 1 } : undefined;
  if (ratios.has(x)) return ratios.get(x);
  const m = DECIMAL_RE.exec(x);
  const frac = m?.[2] ?? '';
  const r = m ? { units: Number(m[1]! + frac), scale: 10 ** frac.length } : undefined;
  if (ratios.size >= 256) ratios.clear();
  ratios.set(x, r);
  return r;
};

/**
 * floor(a × b × c ÷ d) for a money amount `a`, a rate or count `b` and whole `c`, `d` (第29条: one
 * floor, at the end). In integer yen when that is exact: every factor whole (b as units ÷ 10^k),
 * the product a safe integer, then (p − p mod q) ÷ q is the floored quotient with no rounding at
 * all, the number decimal.js gives. Otherwise (a product past 2^53, a fraction of a yen, a rate
 * written otherwise) decimal.js, as always.
 */
export const floorProduct = (a: number, b: number | string, c = 1, d = 1): number => {
  const r = asRatio(b);
  if (r && Number.isSafeInteger(a) && a >= 0 && Number.isSafeInteger(c) && c >= 0 && Number.isSafeInteger(d) && d > 0) {
    const p = a * r.units * c;
    const q = d * r.scale;
    if (Number.isSafeInteger(p) && Number.isSafeInteger(q)) return (p - (p % q)) / q;
  }
  return floorYen(new D(a).times(b).times(c).dividedBy(d));
};

/** 第32条: consumption tax on an ex-tax amount, floored (the rate comes from the rules). */
export const taxOn = (amount: number, ratePercent: string | number): number => floorProduct(amount, ratePercent, 1, 100);
