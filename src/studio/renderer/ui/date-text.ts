import { daysInMonth } from '../../../engine/dates.js';

/**
 * A date (YYYY-MM-DD) or a month (YYYY-MM) typed as text, read the same whatever the browser's
 * locale: the product, the terms, the case files and the workbooks all write dates this way.
 * Lenient about presentation (full-width digits, "2025/4/1" as Excel shows a date in Japan,
 * "2025.04.01", "20250401", "2025年4月1日"), strict about meaning (month 01–12, a day the month
 * has). `partial` is text that can still become a valid value as the user goes on typing: it is
 * not an error yet while the field has the focus.
 */
export type DateKind = 'date' | 'month';

export type DateProblem =
  /** Blank in a required field. */
  | { code: 'DATE_REQUIRED' }
  /** Not the shape of a date at all (letters, too many digits). */
  | { code: 'DATE_FORMAT' }
  /** A date begun but not finished ("2025-04"): an error once the user leaves the field. */
  | { code: 'DATE_INCOMPLETE' }
  | { code: 'DATE_MONTH'; month: number }
  | { code: 'DATE_DAY'; year: number; month: number; day: number; days: number };

export type DateCheck =
  | { status: 'empty' }
  /** A valid value in canonical form; `normalised` when the text typed was written another way. */
  | { status: 'ok'; value: string; normalised: boolean }
  /** The beginning of a valid value: not an error while typing. */
  | { status: 'partial'; problem: DateProblem }
  | { status: 'invalid'; problem: DateProblem };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The canonical example shown in messages and placeholders. */
export const DATE_PATTERN: Record<DateKind, string> = { date: 'YYYY-MM-DD', month: 'YYYY-MM' };

/** Full-width digits and separators as their ASCII forms, blanks around removed, 年月日 as separators. */
const normalise = (text: string): string => {
  let s = text
    .normalize('NFKC')
    .trim()
    .replace(/[‐‑‒–—―−ー]/gu, '-');
  if (/[年月日]/u.test(s))
    s = s
      .replace(/\s*[年月]\s*/gu, '-')
      .replace(/\s*日$/u, '')
      .replace(/-$/u, '');
  return s;
};

/** Reads `text` as a date or a month. `required` makes blank an error (DATE_REQUIRED). */
export function checkDateText(text: string, kind: DateKind, required = false): DateCheck {
  const s = normalise(text);
  if (s === '') return required ? { status: 'invalid', problem: { code: 'DATE_REQUIRED' } } : { status: 'empty' };
  const parts = splitParts(s, kind);
  if (!parts) {
    // "2025-13…" cannot become a date whatever follows: say what is wrong with it now.
    const begun = /^\d{4}[-/.](\d{1,2})(?:[-/.]|$)/u.exec(s);
    if (begun && (Number(begun[1]) > 12 || begun[1] === '00')) return { status: 'invalid', problem: { code: 'DATE_MONTH', month: Number(begun[1]) } };
    return couldStart(s, kind) ? { status: 'partial', problem: { code: 'DATE_INCOMPLETE' } } : { status: 'invalid', problem: { code: 'DATE_FORMAT' } };
  }
  const { year, month, day } = parts;
  if (month < 1 || month > 12) return { status: 'invalid', problem: { code: 'DATE_MONTH', month } };
  const value = kind === 'month' ? `${pad(year, 4)}-${pad(month, 2)}` : `${pad(year, 4)}-${pad(month, 2)}-${pad(day!, 2)}`;
  if (kind === 'date') {
    const days = daysInMonth(year, month);
    // "2025-04-0" is on its way to 2025-04-01..09: not an error while typing.
    if (day! === 0)
      return /[-/.]0$/u.test(s) ? { status: 'partial', problem: { code: 'DATE_INCOMPLETE' } } : { status: 'invalid', problem: { code: 'DATE_DAY', year, month, day: day!, days } };
    if (day! > days) return { status: 'invalid', problem: { code: 'DATE_DAY', year, month, day: day!, days } };
  }
  return { status: 'ok', value, normalised: value !== text };
}

/** Year, month (and day) of a complete text, or undefined when it is not complete. */
function splitParts(s: string, kind: DateKind): { year: number; month: number; day?: number } | undefined {
  const compact = kind === 'date' ? /^(\d{4})(\d{2})(\d{2})$/u.exec(s) : /^(\d{4})(\d{2})$/u.exec(s);
  const separated = kind === 'date' ? /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/u.exec(s) : /^(\d{4})[-/.](\d{1,2})$/u.exec(s);
  if (compact) return { year: Number(compact[1]), month: Number(compact[2]), ...(kind === 'date' ? { day: Number(compact[3]) } : {}) };
  if (!separated) return undefined;
  return kind === 'date' ? { year: Number(separated[1]), month: Number(separated[3]), day: Number(separated[4]) } : { year: Number(separated[1]), month: Number(separated[2]) };
}

/** Whether `s` is the beginning of a value of this kind (what a user has typed so far). */
function couldStart(s: string, kind: DateKind): boolean {
  if (/^\d{0,4}$/u.test(s)) return true;
  // Digits only: the compact form (20250401) on its way.
  if (/^\d+$/u.test(s)) return s.length < (kind === 'date' ? 8 : 6);
  const m = /^\d{4}([-/.])(?:(\d{1,2})(?:\1(\d{0,2}))?)?$/u.exec(s);
  if (!m) return false;
  if (m[2] !== undefined && (Number(m[2]) > 12 || (m[2].length === 2 && Number(m[2]) === 0))) return false;
  if (kind === 'month') return m[3] === undefined;
  return true;
}
