/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) as whole day numbers, and ISO datetimes in
 * Asia/Tokyo when no offset is written. No Date-local time zone is ever consulted.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MS_PER_DAY = 86_400_000;
const TOKYO_OFFSET_MIN = 9 * 60;
/** Asia/Tokyo, the terms' time zone: UTC+09:00 all year (no DST). The one place it is written. */
export const TOKYO_OFFSET = '+09:00';
export const TOKYO_OFFSET_MS = TOKYO_OFFSET_MIN * 60_000;
/** The Tokyo calendar date (YYYY-MM-DD) of an instant. */
export const tokyoDateOf = (epochMs: number): string => new Date(epochMs + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
/** Today in Asia/Tokyo, as YYYY-MM-DD. */
export const todayInTokyo = (now: number = Date.now()): string => tokyoDateOf(now);
/** An instant as an ISO datetime in Asia/Tokyo to the minute, its offset written (`2024-05-01T09:30:00+09:00`). */
export const tokyoDateTime = (epochMs: number): string => `${new Date(epochMs + TOKYO_OFFSET_MS).toISOString().slice(0, 16)}:00${TOKYO_OFFSET}`;

export const isIsoDate = (s: unknown): s is string => {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
};

export const isIsoMonth = (s: unknown): s is string => {
  if (typeof s !== 'string') return false;
  const m = MONTH_RE.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
};

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number): number => [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
export const daysInYear = (y: number): number => (isLeapYear(y) ? 366 : 365);

/** Day number (days since 1970-01-01) of an ISO date. */
export const dayNumber = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
};

export const fromDayNumber = (n: number): string => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => fromDayNumber(dayNumber(iso) + days);
export const weekday = (iso: string): number => new Date(dayNumber(iso) * MS_PER_DAY).getUTCDay();

/** Month index (y*12 + m-1) of a date or a YYYY-MM month. */
export const monthIndex = (isoDateOrMonth: string): number => {
  const [y, m] = isoDateOrMonth.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
export const monthOf = (iso: string): { year: number; month: number } => {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return { year: y, month: m };
};
export const monthLabel = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Calendar months from the month of `start` to the month of `end`, both counted. */
export const calendarMonthsInclusive = (start: string, end: string): number => monthIndex(end) - monthIndex(start) + 1;

export type ParsedDateTime = { epochMs: number; tokyoDate: string };

/** Parses an ISO 8601 datetime; without an offset it is Asia/Tokyo (UTC+09:00, no DST). */
export const parseDateTime = (s: unknown): ParsedDateTime | undefined => {
  if (typeof s !== 'string') return undefined;
  const m = DATETIME_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const sec = Number(m[6] ?? 0);
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || sec > 59) return undefined;
  if (h === 24 && (mi !== 0 || sec !== 0 || frac !== 0)) return undefined;
  let offsetMin = TOKYO_OFFSET_MIN;
  const tz = m[8];
  if (tz === 'Z') offsetMin = 0;
  else if (tz) {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const epochMs = Date.UTC(y, mo - 1, d, h, mi, sec) + frac - offsetMin * 60_000;
  const tokyoDate = tokyoDateOf(epochMs);
  return { epochMs, tokyoDate };
};
