import type { TariffChange } from './tariff-diff.js';
import { TABLES } from './tariff-tables.js';

/**
 * A price that moves by more than this share of what it was is flagged (a warning, never a
 * refusal). Half: the terms print the M-series fees of one camera, SIM and cloud plan for six
 * terms, and neighbouring terms differ by at most a third (M5525N SN 14 days: 14,300 yen for 1 month,
 * 12,800, 10,100, 8,700, 7,400, 5,800 for 5 years), so a revision that keeps that ladder moves a
 * fee by less than half, while a slip moves it more: another term's price typed or pasted into
 * the row (7,400 → 13,500 yen, +82 %), a digit too many or too few (×10, ÷10), a price cleared
 * to 0. Exactly half is not flagged.
 */
export const PRICE_JUMP_SHARE = 0.5;

/**
 * How a yen cell moved, when it moved far enough to look twice: `up` or `down` by more than
 * PRICE_JUMP_SHARE, `toZero` (a price that becomes free), `fromZero` (a free item that gets a
 * price). `percent` is the rounded move against the old price (null from zero).
 */
export type PriceJump = { kind: 'up' | 'down' | 'toZero' | 'fromZero'; before: number; after: number; percent: number | null };

/** The jump of one change, or null: only a changed yen cell (a monthly fee, an option's price, an initial fee) with a number on both sides. */
export function priceJump(c: TariffChange): PriceJump | null {
  if (c.kind !== 'changed' || typeof c.before !== 'number' || typeof c.after !== 'number') return null;
  if (TABLES[c.table].columns.find((x) => x.key === c.field)?.kind !== 'yen') return null;
  const { before, after } = c;
  if (before === after) return null;
  if (before === 0) return { kind: 'fromZero', before, after, percent: null };
  const percent = Math.round(((after - before) / before) * 100);
  if (after === 0) return { kind: 'toZero', before, after, percent };
  if (Math.abs(after - before) <= PRICE_JUMP_SHARE * before) return null;
  return { kind: after > before ? 'up' : 'down', before, after, percent };
}

/** The indexes of `changes` whose price jumps. */
export const priceJumps = (changes: readonly TariffChange[]): Map<number, PriceJump> =>
  new Map(
    changes.flatMap((c, i) => {
      const j = priceJump(c);
      return j ? [[i, j] as const] : [];
    }),
  );
