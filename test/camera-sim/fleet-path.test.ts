import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, monthIndex, monthLabel } from '../../src/engine/dates.js';
import { decide, DECISION_DEFS } from '../../src/engine/decide.js';
import { SUSPENSION_FACTS } from '../../src/engine/decisions/grounds.js';
import { FleetPath, type FleetContract } from '../../src/engine/fleet-path.js';
import { InterpretationSet } from '../../src/engine/interpretations.js';
import type { Course, TariffOption } from '../../src/engine/tariff-types.js';
import { projectRegistry } from './support.js';

/**
 * The fleet path against the reference decide() (json-rules-engine, ajv, trace): same rule facts
 * as the decision's prepare, same answers, under default and alternative interpretations.
 */
const registry = projectRegistry();
const rules = registry.ruleVersions[0]!;
const tariff = registry.tariffVersions[0]!;
const asOf = tariff.effective;
const today = '2025-01-01';
const INTERPS: Record<string, string>[] = [{}, { partialMonthFee: 'daily-prorate', initialFeeScope: 'printed-row', freeMonthsScope: 'course-and-options' }];
const paths = INTERPS.map((i) => new FleetPath(rules, tariff, i));

const courseArb = fc.constantFrom(...tariff.courses);
const dateArb = fc.integer({ min: 0, max: 3 * 366 }).map((d) => addDays('2023-10-01', d));

const contractArb = fc
  .record({
    course: courseArb,
    start: dateArb,
    free: fc.integer({ min: 0, max: 3 }),
    opts: fc.subarray(tariff.options),
    offset: fc.integer({ min: 0, max: 40 }),
    endIn: fc.option(fc.integer({ min: 0, max: 30 })),
    interp: fc.integer({ min: 0, max: 1 }),
  })
  .map((x) => {
    const fp = paths[x.interp]!;
    const course = fp.tariff.byCode.get(x.course.code)!;
    const options = x.opts.map((o) => fp.tariff.options.get(o.code)!).filter((o: TariffOption) => fp.tariff.optionRefusal(course, o) === undefined);
    const c: FleetContract = { course, startDate: x.start, startMonth: monthIndex(x.start), startDay: Number(x.start.slice(8)), freeMonths: x.free, options };
    const month = c.startMonth + x.offset;
    const endDate = x.endIn === null ? undefined : addDays(`${monthLabel(month)}-01`, x.endIn);
    const end = endDate !== undefined && endDate >= x.start && monthIndex(endDate) === month ? { date: endDate, month, day: Number(endDate.slice(8)) } : undefined;
    return { fp, c, month, end, interp: INTERPS[x.interp]! };
  });
/** The monthlyCharge facts of a drawn contract's month (its end date when it ends in that month). */
const chargeFacts = (c: FleetContract, month: number, end: { date: string } | undefined) => ({
  course: c.course.code,
  startDate: c.startDate,
  month: monthLabel(month),
  freeMonths: c.freeMonths,
  options: c.options.map((o) => o.code),
  ...(end ? { endDate: end.date } : {}),
});

describe('fleet path = decide()', () => {
  it('derives the rule facts monthlyCharge.prepare derives', () => {
    fc.assert(
      fc.property(contractArb, ({ fp, c, month, end, interp }) => {
        const facts = chargeFacts(c, month, end);
        const ctx = { asOf, tariff: fp.tariff, rules: rules.decisions.monthlyCharge, interps: new InterpretationSet(rules.interpretations, interp, []), errors: [] };
        const prepared = DECISION_DEFS.monthlyCharge.prepare(facts, ctx);
        expect(fp.monthlyChargeFacts(c, month, end)).toEqual(prepared!.facts);
      }),
      { numRuns: 3_000, seed: 1 },
    );
  });

  it('monthlyCharge: same lines, subtotal, tax, total and clauses (memoized or not)', async () => {
    await fc.assert(
      fc.asyncProperty(contractArb, async ({ fp, c, month, end, interp }) => {
        const ref = await decide(
          registry,
          {
            asOf,
            decision: 'monthlyCharge',
            interpretations: interp,
            facts: chargeFacts(c, month, end),
          },
          { today },
        );
        const fast = fp.monthlyCharge(c, month, end);
        expect({ lines: fast.lines, subtotal: fast.subtotal, tax: fast.tax, total: fast.total, clauses: fast.clauses }).toEqual({
          lines: ref.lines,
          subtotal: ref.subtotal,
          tax: ref.tax,
          total: ref.total,
          clauses: ref.clauses,
        });
      }),
      { numRuns: 3_000, seed: 2 },
    );
  });

  const code = (c: Course): string => c.code;
  const dt = fc
    .integer({ min: 0, max: 3 * 366 * 24 * 60 })
    .map((m) => new Date(Date.parse('2023-10-01T00:00:00+09:00') + m * 60_000 + 9 * 3_600_000).toISOString().slice(0, 16) + ':00+09:00');
  const minutes = fc.oneof(fc.integer({ min: 0, max: 200 * 60 }), fc.constantFrom(12 * 60, 24 * 60 - 1, 24 * 60, 48 * 60, 60));
  const generic: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    outageWaiver: fc
      .record(
        {
          course: courseArb.map(code),
          knownAt: dt,
          mins: minutes,
          cause: fc.constantFrom('contractor', 'other', 'company-gross-negligence'),
          cameraUsable: fc.boolean(),
          cloudUsable: fc.boolean(),
          paidAmount: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        },
        { requiredKeys: ['course', 'knownAt', 'mins', 'cause', 'cameraUsable', 'cloudUsable'] },
      )
      .map(({ mins, ...f }) => ({
        ...f,
        restoredAt: new Date(Date.parse(f.knownAt) + mins * 60_000 + 9 * 3_600_000).toISOString().slice(0, 16) + ':00+09:00',
      })),
    settlement: fc
      .record({
        course: courseArb.map(code),
        startDate: dateArb,
        months: fc.integer({ min: 0, max: 70 }),
        day: fc.integer({ min: 0, max: 27 }),
        freeMonths: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ months, day, ...f }) => ({ ...f, endDate: addDays(f.startDate, months * 30 + day) })),
    lateInterest: fc
      .record({ principal: fc.integer({ min: 0, max: 100_000 }), dueDate: dateArb, delay: fc.integer({ min: 0, max: 200 }) })
      .map(({ delay, ...f }) => ({ ...f, paidDate: addDays(f.dueDate, delay) })),
    cancellationNotice: fc
      .record({ requestDate: dateArb, lead: fc.integer({ min: 0, max: 40 }) })
      .map(({ lead, ...f }) => ({ ...f, desiredEndDate: addDays(f.requestDate, lead) })),
    courseChange: fc.record({ from: courseArb.map(code), to: courseArb.map(code) }),
    suspension: fc.record(Object.fromEntries(SUSPENSION_FACTS.map((k) => [k, fc.boolean()]))),
    termination: fc.record({
      suspendedAndUnremedied: fc.boolean(),
      serviceEnded: fc.boolean(),
      antisocialForces: fc.boolean(),
      antisocialConduct: fc.boolean(),
      insolvencyEvent: fc.constantFrom(null, 'payment-suspension', 'clearinghouse-suspension', 'seizure', 'insolvency-filing'),
      approvalGroundFound: fc.constantFrom(null, 'technically-infeasible', 'payment-delinquent', 'false-declaration', 'business-hindrance'),
      equipmentRemedyExcessive: fc.boolean(),
    }),
    approval: fc.record(
      Object.fromEntries(['inServiceArea', 'technicallyFeasible', 'paymentDelinquent', 'falseDeclaration', 'businessHindrance', 'antisocialForces'].map((k) => [k, fc.boolean()])),
    ),
    surcharge: fc.record({ evadedAmount: fc.integer({ min: 0, max: 1_000_000 }) }),
    damages: fc
      .record(
        {
          course: courseArb.map(code),
          knownAt: dt,
          mins: minutes,
          cause: fc.constantFrom('company', 'company-gross-negligence', 'other'),
          cloudUsable: fc.boolean(),
          lossKind: fc.constantFrom('direct', 'third-party', 'special-circumstances', 'lost-profit'),
          claimedAmount: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }),
        },
        { requiredKeys: ['course', 'knownAt', 'mins', 'cause', 'cloudUsable'] },
      )
      .map(({ mins, ...f }) => ({ ...f, restoredAt: new Date(Date.parse(f.knownAt) + mins * 60_000 + 9 * 3_600_000).toISOString().slice(0, 16) + ':00+09:00' })),
    cancellation: fc
      .record({
        course: courseArb.map(code),
        requestDate: dateArb,
        lead: fc.integer({ min: 0, max: 40 }),
        returnAfter: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
        returnDelayAnnounced: fc.boolean(),
      })
      .map(({ lead, returnAfter, ...f }) => ({
        ...f,
        desiredEndDate: addDays(f.requestDate, lead),
        returnedDate: returnAfter === null ? null : addDays(f.requestDate, returnAfter),
      })),
    equipmentLoss: fc.record({
      event: fc.constantFrom('loss', 'damage'),
      contractorAtFault: fc.boolean(),
      replacementCost: fc.integer({ min: 0, max: 100_000 }),
      repairCost: fc.integer({ min: 0, max: 100_000 }),
      remedyExcessive: fc.boolean(),
    }),
    paymentAllocation: fc.record({
      bills: fc.array(fc.record({ dueDate: dateArb, amount: fc.integer({ min: 1, max: 20_000 }) }), { maxLength: 5 }).map((bs) => bs.map((b, i) => ({ id: `b${i}`, ...b }))),
      payments: fc.array(fc.record({ date: dateArb, amount: fc.integer({ min: 1, max: 30_000 }) }), { maxLength: 5 }),
    }),
    billingCorrection: fc.record({ billedAmount: fc.integer({ min: 0, max: 50_000 }), dueAmount: fc.integer({ min: 0, max: 50_000 }), collectionCostExcessive: fc.boolean() }),
  };
  for (const [name, arb] of Object.entries(generic)) {
    it(`${name}: same outcome, clauses and fields (decide and decideOnce)`, async () => {
      const alt = {
        dailyRate: 'thirty-days',
        interestDayBasis: 'actual',
        partialOutage: 'm-series-waive',
        partialMonthFee: 'daily-prorate',
        monthsUsed: 'elapsed',
        freePeriod: 'from-start-date',
        graceEndOnHoliday: 'civil-code-142',
        grossNegligenceUnit: 'minutes',
        damagesAndWaiver: 'offset',
        feesAfterPlannedEnd: 'monthly-fee-until-return',
        lateReturnTax: 'untaxed',
      };
      const altPath = new FleetPath(rules, tariff, alt);
      await fc.assert(
        fc.asyncProperty(arb, fc.boolean(), async (facts, useAlt) => {
          const ref = await decide(registry, { asOf, decision: name, facts, ...(useAlt ? { interpretations: alt } : {}) }, { today });
          expect(ref.outcome).not.toBe('invalid');
          const fast = (useAlt ? altPath : paths[0]!).decide(name as never, facts);
          const { decision: _d, asOf: _a, outcome, clauses, trace: _t, interpretations: _i, versions: _v, ...fields } = ref;
          expect({ outcome: fast.outcome, clauses: fast.clauses, fields: fast.fields }).toEqual({ outcome, clauses, fields });
          // decideOnce (no memo, as re-pricing asks late interest and settlements) gives the same answer.
          const once = (useAlt ? altPath : paths[0]!).decideOnce(name as never, facts);
          expect({ outcome: once.outcome, clauses: once.clauses, fields: once.fields }).toEqual({ outcome, clauses, fields });
        }),
        { numRuns: 1_500, seed: 3 },
      );
    });
  }
});
