import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, decideFast } from '../../src/engine/decide.js';
import { addDays } from '../../src/engine/dates.js';
import type { CaseInput } from '../../src/engine/output-types.js';
import { registry, TODAY } from './helpers.js';

/** Properties the terms guarantee, over random cases (fast-check). */
const courses = registry.tariffVersions[0]!.courses;
const course = fc.constantFrom(...courses);
const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2023-09-19', n));
const run = (c: CaseInput) => decideFast(registry, c, { today: TODAY });

const settlementCase = fc
  .record({ course, start: day, months: fc.integer({ min: 0, max: 80 }), free: fc.integer({ min: 0, max: 6 }) })
  .map(({ course: c, start, months, free }) => {
    const [y, m] = start.split('-').map(Number) as [number, number];
    const endIdx = y * 12 + (m - 1) + months;
    const end = `${Math.floor(endIdx / 12)}-${String((endIdx % 12) + 1).padStart(2, '0')}-01`;
    return { c, start, end: end < start ? start : end, free };
  });

describe('properties of the engine', () => {
  it('settlement: whole yen, never negative, tax is floor(10%), total = amount + tax', () => {
    fc.assert(
      fc.property(settlementCase, ({ c, start, end, free }) => {
        const out = run({ decision: 'settlement', asOf: '2025-01-01', facts: { course: c.code, startDate: start, endDate: end, freeMonths: free } });
        expect(out.outcome).not.toBe('invalid');
        const { amount, tax, total } = out as unknown as { amount: number; tax: number; total: number };
        expect(Number.isInteger(amount) && amount >= 0).toBe(true);
        expect(tax).toBe(Math.floor((amount * 10) / 100));
        expect(total).toBe(amount + tax);
      }),
      { numRuns: 2000 },
    );
  });

  it('settlement: nothing is settled once the minimum period or the course term has been served', () => {
    fc.assert(
      fc.property(settlementCase, ({ c, start, end, free }) => {
        const out = run({ decision: 'settlement', asOf: '2025-01-01', facts: { course: c.code, startDate: start, endDate: end, freeMonths: free } });
        const served = c.minimumPeriodMonths ?? c.termMonths ?? 0;
        if ((out.monthsUsed as number) >= served) {
          expect(out.outcome).toBe('none');
          expect(out.amount).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('settlement: never grows when more has been paid', () => {
    fc.assert(
      fc.property(settlementCase, fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 500_000 }), ({ c, start, end, free }, paid, more) => {
        const facts = { course: c.code, startDate: start, endDate: end, freeMonths: free };
        const a = run({ decision: 'settlement', asOf: '2025-01-01', facts: { ...facts, paid } });
        const b = run({ decision: 'settlement', asOf: '2025-01-01', facts: { ...facts, paid: paid + more } });
        expect(b.amount as number).toBeLessThanOrEqual(a.amount as number);
      }),
      { numRuns: 2000 },
    );
  });

  it('monthly charge: every line whole yen ≥ 0, subtotal is their sum, tax is floor(10%)', () => {
    const optionCodes = registry.tariffVersions[0]!.options.map((o) => o.code);
    fc.assert(
      fc.property(course, day, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3 }), fc.subarray(optionCodes), (c, start, offset, free, options) => {
        const [y, m] = start.split('-').map(Number) as [number, number];
        const idx = y * 12 + (m - 1) + offset;
        const month = `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
        const out = run({ decision: 'monthlyCharge', asOf: '2025-01-01', facts: { course: c.code, startDate: start, month, freeMonths: free, options } });
        if (out.outcome === 'invalid') {
          // Only an option the course may not take makes it invalid.
          expect(out.errors!.every((e) => e.code === 'OPTION_NOT_ALLOWED')).toBe(true);
          return;
        }
        const lines = out.lines as { amount: number }[];
        for (const l of lines) expect(Number.isInteger(l.amount) && l.amount >= 0).toBe(true);
        expect(out.subtotal).toBe(lines.reduce((a, l) => a + l.amount, 0));
        expect(out.tax).toBe(Math.floor(((out.subtotal as number) * 10) / 100));
      }),
      { numRuns: 2000 },
    );
  });

  it('outage waiver and late interest: whole yen, never negative', () => {
    fc.assert(
      fc.property(
        course,
        fc.integer({ min: 0, max: 400 * 60 }),
        fc.constantFrom('other', 'contractor', 'company-gross-negligence'),
        fc.boolean(),
        fc.boolean(),
        (c, minutes, cause, cam, cloud) => {
          const known = Date.UTC(2025, 2, 10, 0, 0);
          const iso = (ms: number) => new Date(ms).toISOString();
          const out = run({
            decision: 'outageWaiver',
            asOf: '2025-01-01',
            facts: { course: c.code, knownAt: iso(known), restoredAt: iso(known + minutes * 60_000), cause, cameraUsable: cam, cloudUsable: cloud },
          });
          expect(Number.isInteger(out.amount) && (out.amount as number) >= 0).toBe(true);
          if (cause === 'contractor' || cam || cloud) expect(out.outcome).toBe('none');
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), day, fc.integer({ min: -5, max: 800 }), (principal, due, late) => {
        const out = run({ decision: 'lateInterest', asOf: '2025-01-01', facts: { principal, dueDate: due, paidDate: addDays(due, late) } });
        expect(Number.isInteger(out.amount) && (out.amount as number) >= 0).toBe(true);
        if (late <= 15) expect(out.outcome).toBe('none');
      }),
      { numRuns: 2000 },
    );
  });

  it('surcharge: twice the evaded amount, tax floor(10%)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (evaded) => {
        const out = run({ decision: 'surcharge', asOf: '2025-01-01', facts: { evadedAmount: evaded } });
        expect(out.amount).toBe(evaded * 2);
        expect(out.tax).toBe(Math.floor((evaded * 2) / 10));
      }),
    );
  });

  it('the compiled fast path answers exactly as json-rules-engine on random cases of every decision', async () => {
    const bool = fc.boolean();
    const anyCase = fc.oneof(
      fc.record({
        decision: fc.constant('approval'),
        facts: fc.record({ inServiceArea: bool, technicallyFeasible: bool, paymentDelinquent: bool, falseDeclaration: bool, businessHindrance: bool, antisocialForces: bool }),
      }),
      fc.record({
        decision: fc.constant('termination'),
        facts: fc.record({
          suspendedAndUnremedied: bool,
          serviceEnded: bool,
          antisocialForces: bool,
          antisocialConduct: bool,
          insolvencyEvent: fc.constantFrom(null, 'seizure', 'payment-suspension'),
        }),
      }),
      fc.record({
        decision: fc.constant('courseChange'),
        facts: fc.record({ from: course.map((c) => c.code), to: course.map((c) => c.code) }),
        interpretations: fc.constantFrom({}, { plusCourseChange: 'named-only' }),
      }),
      fc.record({ decision: fc.constant('cancellationNotice'), facts: fc.record({ requestDate: day, desiredEndDate: day }) }),
      fc.record({
        decision: fc.constant('settlement'),
        facts: settlementCase.map(({ c, start, end, free }) => ({ course: c.code, startDate: start, endDate: end, freeMonths: free })),
      }),
    );
    await fc.assert(
      fc.asyncProperty(anyCase, async (c) => {
        const input = { ...c, asOf: '2025-01-01' } as CaseInput;
        expect(decideFast(registry, input, { today: TODAY })).toEqual(await decide(registry, input, { today: TODAY }));
      }),
      { numRuns: 1500 },
    );
  });
});
