import { addDays, dayNumber, daysInMonth, fromDayNumber, monthIndex, monthOf, utcMs } from './dates.js';
import { D, floorYen, type Dec } from './money.js';

/**
 * The fee of a span of time at the daily rate (その日数に対応する本サービスについての料金,
 * 第25条第2項, 第34条第2項, 第47条第3項), under the named interpretation `dailyRate`:
 *
 * - `own-month` (default): each unit (a 24-hour block, an hour, a minute, a calendar day) is
 *   rated at the monthly fee ÷ the days of the month it starts in, Asia/Tokyo;
 * - `known-month`: every unit at the monthly fee ÷ the days of the month of the span's start;
 * - `thirty-days`: every unit at the monthly fee ÷ 30.
 *
 * A unit shorter than a day is its share of the day (an hour 1/24, a minute 1/1440). The sum is
 * kept exact (ExactFee) and divided once, so the caller floors it once (第29条) and an exact yen
 * is never lost to a rounding in between.
 */
export type DailyRateBasis = 'own-month' | 'known-month' | 'thirty-days';
export type RateUnit = 'day' | 'hour' | 'minute';

const UNIT_MS: Record<RateUnit, number> = { day: 86_400_000, hour: 3_600_000, minute: 60_000 };
const UNITS_PER_DAY: Record<RateUnit, number> = { day: 1, hour: 24, minute: 1440 };
const TOKYO_OFFSET_MS = 9 * 3_600_000;

export const asDailyRateBasis = (value: string): DailyRateBasis => {
  if (value === 'own-month' || value === 'known-month' || value === 'thirty-days') return value;
  throw new Error(`unknown dailyRate interpretation "${value}"`);
};

/** Year and month (Asia/Tokyo) of an instant. */
export const tokyoMonthOfInstant = (epochMs: number): { year: number; month: number } => {
  const d = new Date(epochMs + TOKYO_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
};

/** The instant a Tokyo month begins (its 1st, 00:00 JST); month may run past 12. */
const tokyoMonthStart = (year: number, month: number): number => utcMs(year + Math.floor((month - 1) / 12), ((month - 1) % 12) + 1, 1) - TOKYO_OFFSET_MS;

/**
 * Every daily rate is the monthly fee ÷ 28, 29, 30 or 31 (÷ 24 an hour, ÷ 1440 a minute), so
 * every fee is an exact multiple of 1 ÷ (lcm(28, 29, 30, 31) × 1440): an ExactFee holds that
 * integer numerator, and `value` is the one division.
 */
const LCM_DAYS = 377_580;
const DENOMINATOR = LCM_DAYS * 1440;

export class ExactFee {
  /**
   * The numerator as a safe integer while it is one (every realistic fee: the sums stay far below
   * 2^53, and integer sums are exact), else as a decimal; `big` is set once it has left the safe range.
   */
  private constructor(
    private readonly small: number,
    private readonly big: Dec | null,
  ) {}
  static zero(): ExactFee {
    return new ExactFee(0, null);
  }
  get numerator(): Dec {
    return this.big ?? new D(this.small);
  }
  /** fee × units ÷ (daysBasis × unitsPerDay), exactly. */
  plusUnits(monthlyFee: number, units: number, daysBasis: number, unitsPerDay: number): ExactFee {
    const scale = (LCM_DAYS / daysBasis) * (1440 / unitsPerDay);
    if (!Number.isInteger(scale)) throw new Error(`daily rate basis ${daysBasis} does not divide ${LCM_DAYS}`);
    // Integers while the sum stays below 2^53; decimal.js otherwise (no closure per call for that case).
    if (this.big === null && Number.isInteger(monthlyFee) && Number.isInteger(units)) {
      const added = monthlyFee * units * scale;
      const sum = this.small + added;
      if (Number.isSafeInteger(added) && Number.isSafeInteger(sum)) return new ExactFee(sum, null);
    }
    return new ExactFee(0, this.numerator.plus(new D(monthlyFee).times(units).times(scale)));
  }
  /**
   * `months` whole months, each at its own daily rate: dim days at fee ÷ dim (or dim × 24 hours at
   * fee ÷ (dim × 24)) is the monthly fee exactly, so n of them add fee × n, whatever their lengths.
   */
  plusWholeMonths(monthlyFee: number, months: number): ExactFee {
    if (this.big === null && Number.isInteger(monthlyFee)) {
      const added = monthlyFee * months * DENOMINATOR;
      const sum = this.small + added;
      if (Number.isSafeInteger(added) && Number.isSafeInteger(sum)) return new ExactFee(sum, null);
    }
    return new ExactFee(0, this.numerator.plus(new D(monthlyFee).times(months).times(DENOMINATOR)));
  }
  plus(other: ExactFee): ExactFee {
    if (this.big === null && other.big === null) {
      const sum = this.small + other.small;
      if (Number.isSafeInteger(sum)) return new ExactFee(sum, null);
    }
    return new ExactFee(0, this.numerator.plus(other.numerator));
  }
  minus(other: ExactFee): ExactFee {
    if (this.big === null && other.big === null) {
      const diff = this.small - other.small;
      if (Number.isSafeInteger(diff)) return new ExactFee(diff, null);
    }
    return new ExactFee(0, this.numerator.minus(other.numerator));
  }
  get value(): Dec {
    return this.numerator.dividedBy(DENOMINATOR);
  }
  /** The fee floored to the yen (第29条), once: floorYen(value), in integers while the numerator is one. */
  floored(): number {
    if (this.big !== null) return floorYen(this.value);
    const rest = ((this.small % DENOMINATOR) + DENOMINATOR) % DENOMINATOR;
    return (this.small - rest) / DENOMINATOR;
  }
}

/** Day rates as the answer writes them, per monthly fee and divisor (a tariff's few fees × 28–31). */
const rateTexts = new Map<number, (string | undefined)[]>();

/**
 * dayRate to six decimal places as text (the answer's `dailyRate`), computed with decimal.js once
 * per monthly fee and divisor rather than a division and a rounding per answer.
 */
export const dayRateText = (monthlyFee: number, year: number, month: number, basis: DailyRateBasis): string => {
  const divisor = basis === 'thirty-days' ? 30 : daysInMonth(year, month);
  let byDivisor = rateTexts.get(monthlyFee);
  if (!byDivisor) {
    if (rateTexts.size >= 1024) rateTexts.clear();
    byDivisor = [];
    rateTexts.set(monthlyFee, byDivisor);
  }
  let text = byDivisor[divisor];
  if (text === undefined) {
    text = new D(monthlyFee).dividedBy(divisor).toDecimalPlaces(6).toString();
    byDivisor[divisor] = text;
  }
  return text;
};

/** The rate of one day of the month containing `year`-`month` under `basis` (for reading only). */
export const dayRate = (monthlyFee: number, year: number, month: number, basis: DailyRateBasis): Dec =>
  new D(monthlyFee).dividedBy(basis === 'thirty-days' ? 30 : daysInMonth(year, month));

/**
 * The fee of `count` consecutive units of `unit` starting at the instant `startMs`, each at the
 * daily rate of its month (own-month), of the month of `startMs` (known-month), or ÷ 30.
 */
export function feeOverUnits(monthlyFee: number, startMs: number, count: number, unit: RateUnit, basis: DailyRateBasis): ExactFee {
  let fee = ExactFee.zero();
  if (count <= 0) return fee;
  const perDay = UNITS_PER_DAY[unit];
  if (basis === 'thirty-days') return fee.plusUnits(monthlyFee, count, 30, perDay);
  const first = tokyoMonthOfInstant(startMs);
  if (basis === 'known-month') return fee.plusUnits(monthlyFee, count, daysInMonth(first.year, first.month), perDay);
  const u = UNIT_MS[unit];
  // Unit i starts at startMs + i·u; the units starting in a month are those with
  // ceil((monthStart − startMs) / u) ≤ i < ceil((nextMonthStart − startMs) / u).
  const firstIn = (instant: number): number => Math.min(count, Math.max(0, Math.ceil((instant - startMs) / u)));
  const inMonth = (index: number): void => {
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const from = firstIn(tokyoMonthStart(y, m));
    const to = firstIn(tokyoMonthStart(y, m + 1));
    if (to > from) fee = fee.plusUnits(monthlyFee, to - from, daysInMonth(y, m), perDay);
  };
  // The month the first unit starts in, the month the last starts in, and between them whole
  // months: a Tokyo month (no daylight saving) is a whole number of units long, so every unit
  // starting in it is counted, dim × units a day, its monthly fee exactly (an outage of 8,000
  // years is three steps, not 96,000).
  const firstMonth = first.year * 12 + first.month - 1;
  const last = tokyoMonthOfInstant(startMs + (count - 1) * u);
  const lastMonth = last.year * 12 + last.month - 1;
  inMonth(firstMonth);
  if (lastMonth > firstMonth + 1) fee = fee.plusWholeMonths(monthlyFee, lastMonth - firstMonth - 1);
  if (lastMonth > firstMonth) inMonth(lastMonth);
  return fee;
}

/** The fee of `count` calendar days from `firstDate` (YYYY-MM-DD) on, each at its month's rate (own-month). */
export function feeOverDates(monthlyFee: number, firstDate: string, count: number, basis: DailyRateBasis): ExactFee {
  let fee = ExactFee.zero();
  if (count <= 0) return fee;
  if (basis === 'thirty-days') return fee.plusUnits(monthlyFee, count, 30, 1);
  const start = monthOf(firstDate);
  if (basis === 'known-month') return fee.plusUnits(monthlyFee, count, daysInMonth(start.year, start.month), 1);
  const lastDate = addDays(firstDate, count - 1);
  const last = dayNumber(lastDate);
  // The 1st of the last date's month: every month before it and after the first date's is whole,
  // dim days at fee ÷ dim, its monthly fee exactly (counted, not walked).
  const lastMonthFirst = last - Number(lastDate.slice(8, 10)) + 1;
  for (let d = dayNumber(firstDate); d <= last;) {
    const iso = fromDayNumber(d);
    const { year, month } = monthOf(iso);
    const dim = daysInMonth(year, month);
    const monthEnd = d + (dim - Number(iso.slice(8, 10)));
    const end = Math.min(last, monthEnd);
    fee = fee.plusUnits(monthlyFee, end - d + 1, dim, 1);
    d = end + 1;
    if (d < lastMonthFirst) {
      fee = fee.plusWholeMonths(monthlyFee, monthIndex(lastDate) - (year * 12 + month - 1) - 1);
      d = lastMonthFirst;
    }
  }
  return fee;
}
