import { InvalidCase } from './errors.js';
/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) as whole day numbers, and ISO datetimes in
 * Asia/Tokyo when no offset is written. No Date-local time zone is ever consulted.
 */
/**
 * ISO 8601 date and time of day, in the extended format (YYYY-MM-DDThh:mm:ss, the space of RFC 3339
 * too) or the basic one (YYYYMMDDThhmmss), each whole: reduced to hh:mm or hh, a decimal fraction
 * of its last component with the comma or the full stop (ISO 8601's two decimal signs, the comma
 * preferred), and an offset Z, ±hh or ±hh:mm (extended; ±hhmm read too) or Z, ±hh or ±hhmm (basic).
 * Groups: year, month, day, hour, minute, second, fraction, offset.
 */
const DATETIME_EXTENDED_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2})(?::(\d{2})(?::(\d{2}))?)?(?:[.,](\d{1,9}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const DATETIME_BASIC_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(?:(\d{2})(\d{2})?)?(?:[.,](\d{1,9}))?(Z|[+-]\d{2}(?:\d{2})?)?$/;
/** Nanoseconds in an hour, a minute and a second: what a decimal fraction of the last component is a fraction of. */
const NS_PER_UNIT = [3_600_000_000_000, 60_000_000_000, 1_000_000_000] as const;
const MS_PER_DAY = 86_400_000;
/**
 * A date worked out from the facts (a deadline, a period's end, a day after a return) that leaves
 * the years 0000–9999 a YYYY-MM-DD can write: the case is invalid, never an endless search.
 */
const outsideCalendar = (): InvalidCase =>
  new InvalidCase([
    {
      path: '/facts',
      message: 'a date worked out from these facts falls outside the years 0000–9999 that YYYY-MM-DD can write; check the dates (and freeMonths) of the case',
      code: 'DATE_RANGE',
    },
  ]);
const TOKYO_OFFSET_MIN = 9 * 60;
/** Asia/Tokyo, the terms' time zone: UTC+09:00 all year (no DST). The one place it is written. */
export const TOKYO_OFFSET = '+09:00';
export const TOKYO_OFFSET_MS = TOKYO_OFFSET_MIN * 60_000;
/** The Tokyo calendar date (YYYY-MM-DD) of an instant. */
export const tokyoDateOf = (epochMs: number): string => fromDayNumber(Math.floor((epochMs + TOKYO_OFFSET_MS) / MS_PER_DAY));
/** Today in Asia/Tokyo, as YYYY-MM-DD. */
export const todayInTokyo = (now: number = Date.now()): string => tokyoDateOf(now);
/** An instant as an ISO datetime in Asia/Tokyo to the minute, its offset written (`2024-05-01T09:30:00+09:00`). */
export const tokyoDateTime = (epochMs: number): string => `${new Date(epochMs + TOKYO_OFFSET_MS).toISOString().slice(0, 16)}:00${TOKYO_OFFSET}`;

export const isIsoDate = (s: unknown): s is string => {
  if (typeof s !== 'string') return false;
  // YYYY-MM-DD read digit by digit (digits() is -1 for a non-digit), as /^\d{4}-\d{2}-\d{2}$/ would.
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
};

export const isIsoMonth = (s: unknown): s is string => {
  if (typeof s !== 'string') return false;
  // YYYY-MM read digit by digit (digits() is -1 for a non-digit), as /^\d{4}-\d{2}$/ would.
  if (s.length !== 7 || s.charCodeAt(4) !== 45 || digits(s, 0, 4) < 0) return false;
  const mo = digits(s, 5, 7);
  return mo >= 1 && mo <= 12;
};

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeapYear(y) ? 29 : 28) : (DAYS_IN_MONTH[m - 1] ?? 0));
export const daysInYear = (y: number): number => (isLeapYear(y) ? 366 : 365);

/** Day number (days since 1970-01-01) of an ISO date. */
export const dayNumber = (iso: string): number => {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 7);
    const d = digits(iso, 8, 10);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return civilDay(y, m, d);
  }
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
};

/**
 * Day number (days since 1970-01-01) of year y, month m (1–12), day d: days-from-civil
 * (H. Hinnant), the day Date.UTC gives from year 100 on, without a Date per call, and right for
 * the years 0–99 too (which Date.UTC takes as 1900–1999).
 */
export const civilDay = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** The instant (ms since the epoch, UTC) of a civil date and time: Date.UTC's, for every year 0–9999. */
export const utcMs = (y: number, m: number, d: number, h = 0, mi = 0, sec = 0): number => civilDay(y, m, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + sec) * 1000;

/** The number written by the ASCII digits s[from, to); -1 when one is not a digit. */
const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** A year as YYYY writes it: 0001 … 9999 (an unpadded 500 would not read back as a date, and Date.UTC takes 0–99 as 1900–1999). */
const yyyy = (y: number): string => String(y).padStart(4, '0');

/** ISO date of a day number: civil-from-days arithmetic (H. Hinnant), as Date's toISOString writes it, without a Date per call. */
export const fromDayNumber = (n: number): string => {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw outsideCalendar();
  if (y < 1000) return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  return `${y}-${pad2(m)}-${pad2(d)}`;
};
export const addDays = (iso: string, days: number): string => fromDayNumber(dayNumber(iso) + days);
/** 0 Sunday … 6 Saturday (1970-01-01, day 0, was a Thursday). */
export const weekday = (iso: string): number => (((dayNumber(iso) + 4) % 7) + 7) % 7;

/** Month index (y*12 + m-1) of a date or a YYYY-MM month. */
export const monthIndex = (isoDateOrMonth: string): number => {
  if (isoDateOrMonth.length >= 7 && isoDateOrMonth.charCodeAt(4) === 45 && (isoDateOrMonth.length === 7 || isoDateOrMonth.charCodeAt(7) === 45)) {
    const y = digits(isoDateOrMonth, 0, 4);
    const m = digits(isoDateOrMonth, 5, 7);
    if (y >= 0 && m >= 0) return y * 12 + (m - 1);
  }
  const [y, m] = isoDateOrMonth.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
export const monthOf = (iso: string): { year: number; month: number } => {
  const i = monthIndex(iso);
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
};
export const monthLabel = (index: number): string => `${yyyy(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Calendar months from the month of `start` to the month of `end`, both counted. */
export const calendarMonthsInclusive = (start: string, end: string): number => monthIndex(end) - monthIndex(start) + 1;

/**
 * An instant: `epochMs` the whole milliseconds since the epoch (floored), `subMsNs` the
 * nanoseconds past it (0–999,999, from a fraction of up to nine digits). Kept apart because a
 * double holds the epoch's milliseconds with less room for a fraction the farther from 1970 it
 * is (about 0.2 µs in 2024, 8 µs in year 24), so two instants 800 ns apart would compare by year.
 */
export type ParsedDateTime = { epochMs: number; subMsNs: number; tokyoDate: string };

/** The whole milliseconds from `from` to `to` (floored, exact to the nanosecond of either): negative when `to` is earlier. */
export const elapsedWholeMs = (from: ParsedDateTime, to: ParsedDateTime): number => to.epochMs - from.epochMs - (to.subMsNs < from.subMsNs ? 1 : 0);

/** Whether `to` is `from` or later, to the nanosecond. */
export const notBefore = (from: ParsedDateTime, to: ParsedDateTime): boolean => to.epochMs > from.epochMs || (to.epochMs === from.epochMs && to.subMsNs >= from.subMsNs);

/** A parsed datetime; its Tokyo date is worked out only when read (most callers need the instant only). */
class ParsedInstant {
  constructor(
    readonly epochMs: number,
    readonly subMsNs = 0,
  ) {}
  get tokyoDate(): string {
    return tokyoDateOf(this.epochMs);
  }
}

/**
 * The instant (ms) of YYYY-MM-DD[T ]HH:MM or …:SS with no fraction, with an offset Z, ±HH:MM or
 * ±HHMM or none (Asia/Tokyo), read digit by digit without an object or a string per call; NaN for
 * any other form or a value out of range (the regular expression then reads it, and refuses it).
 */
const plainInstant = (s: string): number => {
  const len = s.length;
  if (len < 16 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return NaN;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return NaN;
  let i = 16;
  let sec = 0;
  if (len >= 19 && s.charCodeAt(16) === 58) {
    sec = digits(s, 17, 19);
    i = 19;
  }
  let offsetMin = TOKYO_OFFSET_MIN;
  if (i !== len) {
    const t = s.charCodeAt(i);
    if (t === 90 && len === i + 1) offsetMin = 0;
    else if ((t === 43 || t === 45) && (len === i + 5 || (len === i + 6 && s.charCodeAt(i + 3) === 58))) {
      const oh = digits(s, i + 1, i + 3);
      const om = digits(s, len - 2, len);
      // ISO 8601 (RFC 3339 time-numoffset): hours 00–23, minutes 00–59; +25:00 is no offset.
      if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
      offsetMin = (t === 45 ? -1 : 1) * (oh * 60 + om);
    } else return NaN;
  }
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  const h = digits(s, 11, 13);
  const mi = digits(s, 14, 16);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 24 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return NaN;
  if (h === 24 && (mi !== 0 || sec !== 0)) return NaN;
  return utcMs(y, mo, d, h, mi, sec) - offsetMin * 60_000;
};

/** Parses an ISO 8601 datetime; without an offset it is Asia/Tokyo (UTC+09:00, no DST). */
export const parseDateTime = (s: unknown): ParsedDateTime | undefined => {
  if (typeof s !== 'string') return undefined;
  const ms = plainInstant(s);
  if (!Number.isNaN(ms)) return new ParsedInstant(ms);
  const m = DATETIME_EXTENDED_RE.exec(s) ?? DATETIME_BASIC_RE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  // A decimal fraction is of the last component written (hour, minute or second), in whole
  // nanoseconds: up to nine digits of an hour, a minute or a second are an exact number of them
  // (3,600 · 10^9, 60 · 10^9 and 10^9 are multiples of 10^9), each below 2^53.
  const unitNs = NS_PER_UNIT[m[6] !== undefined ? 2 : m[5] !== undefined ? 1 : 0];
  const fracNs = m[7] ? Number(m[7]) * (unitNs / 10 ** m[7].length) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || sec > 59) return undefined;
  if (h === 24 && (mi !== 0 || sec !== 0 || fracNs !== 0)) return undefined;
  let offsetMin = TOKYO_OFFSET_MIN;
  const tz = m[8];
  if (tz === 'Z') offsetMin = 0;
  else if (tz) {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return undefined;
    offsetMin = sign * (oh * 60 + om);
  }
  return new ParsedInstant(utcMs(y, mo, d, h, mi, sec) + Math.floor(fracNs / 1_000_000) - offsetMin * 60_000, fracNs % 1_000_000);
};

/**
 * 民法143条: the last day of a period of `months` months that starts on `start` (the first day
 * counted, as a service that starts that day): the day before the day of the last month that
 * corresponds to `start`, or the last day of that month when it has no such day.
 */
export const periodEnd = (start: string, months: number): string => {
  if (months <= 0) return addDays(start, -1);
  const target = monthIndex(start) + months;
  const y = Math.floor(target / 12);
  const m = (target % 12) + 1;
  const day = Number(start.slice(8, 10));
  // A period that starts on a 1st ends on the last day of a month: 9999-12-31 at the latest.
  if (y > 9999) {
    if (y === 10000 && m === 1 && day === 1) return '9999-12-31';
    throw outsideCalendar();
  }
  if (day > daysInMonth(y, m)) return `${yyyy(y)}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  return addDays(`${yyyy(y)}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, -1);
};

/** Whole months elapsed from `start` to the day after `end` (民法143条): the largest n whose period ends on or before `end`. */
export const elapsedMonths = (start: string, end: string): number => {
  // Never more than the calendar months from start to end, both counted (a bound for the search).
  const most = Math.max(0, monthIndex(end) - monthIndex(start) + 1);
  let n = Math.max(0, most - 2);
  while (n > 0 && periodEnd(start, n) > end) n -= 1;
  // The period of `most` months ends in the month after `end` unless it starts on a 1st: not asked.
  const firstOfMonth = start.endsWith('-01');
  while (n < most && (n + 1 < most || firstOfMonth) && periodEnd(start, n + 1) <= end) n += 1;
  return n;
};

/** The last day of a month index. */
export const lastDayOfMonth = (index: number): string => {
  const y = Math.floor(index / 12);
  if (y > 9999) throw outsideCalendar();
  const m = (index % 12) + 1;
  return `${yyyy(y)}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
};
