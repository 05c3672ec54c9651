import { describe, expect, it } from 'vitest';
import { decideFast } from '../../src/engine/decide.js';
import type { CaseInput } from '../../src/engine/output-types.js';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { caseVariants } from './case-variants.js';
import { registry, TODAY } from './helpers.js';

/**
 * The Gregorian calendar repeats every 400 years (the same weekdays, the same leap years), so a
 * case whose every date is 2,000 years earlier (2024 → 0024) must get the same answer, its dates
 * 2,000 years earlier too. Years 0–99 are where Date.UTC reads a year as 1900–1999 and an unpadded
 * year stops being a date: this holds the engine's own calendar arithmetic to every year.
 * The decisions that consult Japan's holiday calendar (第22条's business days, 第27条 under
 * civil-code-142) are left out: the year 24 has no 祝日.
 */
const YEARS = 2000;
/** A date or datetime, in the extended form or ISO 8601's basic one (YYYYMMDDThh…). */
const DATE = /^(\d{4})(-\d{2}(?:-\d{2})?(?:[T ].*)?|\d{4}T.*)$/;
const HOLIDAY_DECISIONS = new Set(['cancellationNotice', 'cancellation']);

/** The value with every date (YYYY-MM, YYYY-MM-DD, a datetime in either form) YEARS earlier; undefined when one would be before year 1. */
const shifted = (v: unknown): unknown => {
  if (typeof v === 'string') {
    const m = DATE.exec(v);
    if (!m) return v;
    const y = Number(m[1]) - YEARS;
    if (y < 1) throw new RangeError(v);
    return `${String(y).padStart(4, '0')}${m[2]}`;
  }
  if (Array.isArray(v)) return v.map(shifted);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shifted(x)]));
  return v;
};
/** An answer's JSON with every date that starts a string (years 1–999) moved YEARS later again. */
const later = (json: string): string => json.replace(/"(\d{4})(-\d\d)/g, (all, y: string, rest: string) => (Number(y) < 1000 ? `"${Number(y) + YEARS}${rest}` : all));

describe('the calendar of every year: a case 2,000 years earlier gets the same answer', () => {
  it('every answering case of test/cases × every interpretation alternative, but those that read 祝日', () => {
    let compared = 0;
    for (const v of caseVariants(registry, PROJECT_ROOT, TODAY)) {
      const { expect: _e, ...c } = v as CaseInput & { expect?: unknown };
      if (HOLIDAY_DECISIONS.has(String(c.decision)) || c.interpretations?.graceEndOnHoliday === 'civil-code-142') continue;
      let earlier: CaseInput;
      try {
        earlier = { ...c, facts: shifted(c.facts) as CaseInput['facts'] };
      } catch {
        continue; // a date before 2001
      }
      const now = decideFast(registry, c, { today: TODAY });
      if (now.outcome === 'invalid') continue;
      expect(later(JSON.stringify(decideFast(registry, earlier, { today: TODAY }))), String(c.name)).toBe(JSON.stringify(now));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
