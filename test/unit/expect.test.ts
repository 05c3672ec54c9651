import { describe, expect, it } from 'vitest';
import { firstMismatch } from '../../src/engine/expect.js';
import { sameInterpretationValue } from '../../src/engine/interpretations.js';
import { registry, TODAY } from './helpers.js';

const same = { course: (a: string, b: string) => a === b };

describe('expect: deep subset match (case-files.md)', () => {
  it('passes when every given key equals the output', () => {
    expect(firstMismatch({ amount: 1, nested: { a: 1 } }, { amount: 1, extra: 2, nested: { a: 1, b: 2 } }, same)).toBeUndefined();
  });
  it('names the first differing key with both values', () => {
    expect(firstMismatch({ outcome: 'settle', amount: 14000 }, { outcome: 'settle', amount: 13999 }, same)).toEqual({ path: '/amount', expected: 14000, actual: 13999 });
    expect(firstMismatch({ tax: 1 }, {}, same)).toEqual({ path: '/tax', expected: 1, actual: undefined });
  });
  it('compares arrays as multisets, of the same size', () => {
    expect(firstMismatch({ reasons: ['b', 'a'] }, { reasons: ['a', 'b'] }, same)).toBeUndefined();
    expect(firstMismatch({ reasons: ['a', 'a'] }, { reasons: ['a', 'b'] }, same)).toBeDefined();
    expect(firstMismatch({ reasons: ['a'] }, { reasons: ['a', 'b'] }, same)).toBeDefined();
    expect(
      firstMismatch(
        { lines: [{ item: 'x' }, { amount: 5 }] },
        {
          lines: [
            { item: 'y', amount: 5 },
            { item: 'x', amount: 1 },
          ],
        },
        same,
      ),
    ).toBeUndefined();
  });
  it('compares an expected list of interpretation names with the names the output relied on, exactly', () => {
    const out = { interpretations: { dailyRate: 'own-month', damagesAndWaiver: 'separate' } };
    expect(firstMismatch({ interpretations: ['damagesAndWaiver', 'dailyRate'] }, out, same)).toBeUndefined();
    expect(firstMismatch({ interpretations: ['dailyRate'] }, out, same)).toEqual({ path: '/interpretations', expected: ['dailyRate'], actual: ['dailyRate', 'damagesAndWaiver'] });
    expect(firstMismatch({ interpretations: ['dailyRate', 'damagesAndWaiver', 'lateReturnTax'] }, out, same)).toBeDefined();
    expect(firstMismatch({ interpretations: [] }, { interpretations: {} }, same)).toBeUndefined();
    expect(firstMismatch({ interpretations: [] }, out, same)).toBeDefined();
    // Only the output's own interpretations: a list elsewhere is an ordinary array.
    expect(firstMismatch({ nested: { interpretations: ['dailyRate'] } }, { nested: { interpretations: { dailyRate: 'own-month' } } }, same)).toBeDefined();
  });
  it('compares course-valued fields by course', () => {
    const eq = { course: (a: string, b: string) => a.replace(/\s/g, '') === b.replace(/\s/g, '') };
    expect(firstMismatch({ basisCourse: 'M2035N・1年コース・クラウド 7' }, { basisCourse: 'M2035N・1年コース・クラウド7' }, eq)).toBeUndefined();
    expect(firstMismatch({ amount: '1 4' }, { amount: '14' }, eq)).toBeDefined();
  });
});

describe('expect: interpretation values (case-files.md § Named interpretations)', () => {
  const defs = registry.rulesInForce(TODAY)!.interpretations;
  const same = { course: (a: string, b: string) => a === b, interpretation: (n: string, e: unknown, a: unknown) => sameInterpretationValue(defs, n, e, a) };

  it('matches a value written as its name, an alias or the description the spec’s table gives', () => {
    for (const d of defs) {
      for (const written of [d.default, d.defaultDescription, ...(d.defaultAliases ?? [])])
        expect(firstMismatch({ interpretations: { [d.name]: written } }, { interpretations: { [d.name]: d.default } }, same), `${d.name}: ${written}`).toBeUndefined();
      for (const alt of d.alternatives)
        for (const written of [alt.value, alt.description, ...(alt.aliases ?? [])])
          expect(firstMismatch({ interpretations: { [d.name]: written } }, { interpretations: { [d.name]: alt.value } }, same), `${d.name}: ${written}`).toBeUndefined();
    }
  });

  it('matches a name or an alias written with spaces or underscores for its hyphens, and never another value so', () => {
    const cases: [string, string, string][] = [
      ['interestDayBasis', 'actual days', 'actual'],
      ['dailyRate', 'Known Month', 'known-month'],
      ['partialMonthFee', 'daily_prorate', 'daily-prorate'],
      ['graceEndOnHoliday', 'civil code 142', 'civil-code-142'],
      ['feesAfterPlannedEnd', 'monthly fee until return', 'monthly-fee-until-return'],
    ];
    for (const [name, written, value] of cases) expect(sameInterpretationValue(defs, name, written, value), `${name}: ${written}`).toBe(true);
    // Each value, its hyphens written as spaces, names that value and no other of its interpretation.
    for (const d of defs) {
      const values = [d.default, ...d.alternatives.map((a) => a.value)];
      for (const v of values) for (const w of values) expect(sameInterpretationValue(defs, d.name, v.replace(/-/g, ' '), w), `${d.name}: ${v} vs ${w}`).toBe(v === w);
    }
    expect(sameInterpretationValue(defs, 'dailyRate', 'known', 'known-month')).toBe(false);
  });
  it('matches a spec table cell copied with its Markdown: `name`: description, backticks inside', () => {
    const cells: [string, string, string][] = [
      ['dailyRate', '`known-month`: monthly fee ÷ the days of the month of `knownAt`, for every day', 'known-month'],
      [
        'noticeDeadline',
        'the request is on time if made on or before the 5th business day counted back from `desiredEndDate`, that day itself not counted (desired 2024-05-07 → deadline 2024-04-25)',
        'fifth-business-day-before',
      ],
      ['partialMonthFee', '`full-month`: a month with any day of use bills the whole monthly fee', 'full-month'],
    ];
    for (const [name, cell, value] of cells) expect(firstMismatch({ interpretations: { [name]: cell } }, { interpretations: { [name]: value } }, same), cell).toBeUndefined();
    // The name of one value with the wording of another names neither.
    expect(
      firstMismatch(
        { interpretations: { dailyRate: '`thirty-days`: monthly fee ÷ the days of the month of `knownAt`, for every day' } },
        { interpretations: { dailyRate: 'known-month' } },
        same,
      ),
    ).toBeDefined();
    expect(
      firstMismatch(
        { interpretations: { dailyRate: '`thirty-days`: monthly fee ÷ the days of the month of `knownAt`, for every day' } },
        { interpretations: { dailyRate: 'thirty-days' } },
        same,
      ),
    ).toBeDefined();
  });

  it('matches the leading clause of a spec cell, its tail left off at a comma, a semicolon or a parenthesis', () => {
    const clauses: [string, string, string][] = [
      ['grossNegligenceUnit', 'every whole minute counts, at the hourly rate ÷ 60 (own month per minute)', 'minutes'],
      ['grossNegligenceUnit', '`minutes`: every whole minute counts, at the hourly rate ÷ 60 (own month per minute)', 'minutes'],
      ['interestDayBasis', '365 days a year', '365'],
      ['monthsUsed', 'whole months elapsed from `startDate` to the day after `endDate` (民法143条)', 'elapsed'],
      ['freePeriod', 'n months counted from `startDate`', 'from-start-date'],
      ['damagesAndWaiver', 'the fee waived under 第25条第2項 for the same outage is deducted from the compensation', 'offset'],
      ['partialOutage', 'when the camera or the cloud is still usable, nothing is waived', 'billed'],
    ];
    for (const [name, written, value] of clauses) expect(sameInterpretationValue(defs, name, written, value), `${name}: ${written}`).toBe(true);
    // Not at a clause boundary, too short, or another value's name in front: no value.
    expect(sameInterpretationValue(defs, 'dailyRate', 'monthly fee ÷ the days of the month', 'known-month')).toBe(false);
    expect(sameInterpretationValue(defs, 'monthsUsed', 'whole months elapsed from', 'elapsed')).toBe(false);
    expect(sameInterpretationValue(defs, 'grossNegligenceUnit', '`whole-hours`: every whole minute counts, at the hourly rate ÷ 60', 'minutes')).toBe(false);
    expect(sameInterpretationValue(defs, 'grossNegligenceUnit', '`whole-hours`: every whole minute counts, at the hourly rate ÷ 60', 'whole-hours')).toBe(false);
  });

  it('still fails on another value, and 365 as a number names the default of interestDayBasis', () => {
    const monthsUsed = defs.find((d) => d.name === 'monthsUsed')!;
    expect(firstMismatch({ interpretations: { monthsUsed: 'elapsed' } }, { interpretations: { monthsUsed: monthsUsed.default } }, same)).toEqual({
      path: '/interpretations/monthsUsed',
      expected: 'elapsed',
      actual: 'calendar-months',
    });
    expect(firstMismatch({ interpretations: { monthsUsed: monthsUsed.defaultDescription } }, { interpretations: { monthsUsed: 'elapsed' } }, same)).toBeDefined();
    expect(firstMismatch({ interpretations: { interestDayBasis: 365 } }, { interpretations: { interestDayBasis: '365' } }, same)).toBeUndefined();
    expect(firstMismatch({ interpretations: { noSuchReading: 'x' } }, { interpretations: {} }, same)).toBeDefined();
  });
});
