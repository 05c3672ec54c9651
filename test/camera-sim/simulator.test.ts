import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { buildViews } from '../../src/camera-sim/views.js';
import { expectLedgerSumsToAggregates, runWithLedger } from './ledger-run.js';
import { projectRegistry, smallScenario } from './support.js';

const registry = projectRegistry();
const resolve = (s: Scenario) => resolveScenario(s, 'test.json', registry);

/** A quiet fleet: no cancellations, outages, late payments, changes, suspensions or terminations. */
const quiet = (course: string, start: string, freeMonths: number, change: number): Scenario => ({
  name: `one ${course}`,
  seed: 7,
  horizon: { start: '2025-01', months: 24 },
  fleet: { size: 1, courseMix: [{ course, share: 1 }], startDates: { from: start, to: start }, freeMonths: [{ months: freeMonths, share: 1 }] },
  baseline: {},
  proposal: { edits: [{ edit: 'course-fee', match: { courses: [course] }, change }] },
});

describe('small fleets checked by hand', () => {
  const courses = registry.tariffVersions[0]!.courses;

  it('one contract per course started before the horizon: the difference is the change × 24 months billed', async () => {
    for (const c of courses) {
      const r = await runSimulation(resolve(quiet(c.code, '2024-06-10', 0, 100)), { workers: 0 });
      const v = buildViews(r);
      const fees = v.summary.find((x) => x.key === 'monthlyFees')!;
      expect(fees.baseline, c.code).toBe(c.monthlyFee * 24);
      expect(fees.difference, c.code).toBe(100 * 24);
      expect(v.summary.find((x) => x.key === 'contractMonths')!.baseline).toBe(24);
    }
  });

  it('started inside the horizon with 2 free months: 2025-03 to 2026-12 is 22 months, 20 billed', async () => {
    for (const c of courses.filter((_, i) => i % 7 === 0)) {
      const r = await runSimulation(resolve(quiet(c.code, '2025-03-10', 2, -300)), { workers: 0 });
      const fees = r.baseline.amounts.filter((a) => a.item === 'monthly-fee');
      expect(fees.length, c.code).toBe(20);
      expect(fees[0]!.month).toBe('2025-05');
      const v = buildViews(r);
      expect(v.summary.find((x) => x.key === 'monthlyFees')!.difference, c.code).toBe(-300 * 20);
      expect(v.summary.find((x) => x.key === 'contractMonths')!.baseline).toBe(22);
      // The initial fee is billed once, in the start month, on both sides alike.
      expect(v.summary.find((x) => x.key === 'initialFees')!.difference).toBe(0);
    }
  });

  it('a proposal equal to its baseline gives zero difference everywhere', async () => {
    const s = smallScenario(400, 36);
    s.proposal = { rules: s.baseline.rules!, tariffs: s.baseline.tariffs! };
    const r = await runSimulation(resolve(s), { workers: 0 });
    expect(r.proposal.amounts).toEqual(r.baseline.amounts);
    expect(r.proposal.events).toEqual(r.baseline.events);
    const v = buildViews(r);
    for (const row of v.summary) expect(row.difference, row.key).toBe(0);
    for (const m of v.byMonth) expect(m.proposal).toEqual(m.baseline);
    for (const c of v.byCourse) expect(c.proposal).toEqual(c.baseline);
    expect(v.summary.find((x) => x.key === 'netExTax')!.baseline).toBeGreaterThan(0);
  });
});

const collect = (s: Scenario, workers: number) => runWithLedger(resolve(s), workers, 97);

describe('ledger and aggregates', () => {
  it('the ledger sums to the aggregates, row for row', async () => {
    const { result, ledger } = await collect(smallScenario(500, 24), 0);
    expectLedgerSumsToAggregates({ result, ledger });
    expect(ledger.length).toBeGreaterThan(10_000);
  });

  it('every row sorted by (month, course, item or event, clause), compared as strings', async () => {
    const result = await runSimulation(resolve(smallScenario(300, 24)), { workers: 0 });
    const inOrder = (rows: string[][]): boolean =>
      rows.every((r, i) => {
        if (i === 0) return true;
        const p = rows[i - 1]!;
        const k = r.findIndex((x, j) => x !== p[j]);
        return k >= 0 && p[k]! < r[k]!;
      });
    for (const side of [result.baseline, result.proposal]) {
      expect(side.amounts.length).toBeGreaterThan(100);
      expect(inOrder(side.amounts.map((a) => [a.month, a.course, a.item, a.clause]))).toBe(true);
      expect(inOrder(side.events.map((e) => [e.month, e.course, e.event, e.clause]))).toBe(true);
    }
  });

  it('the example scenario exercises every decision the simulator asks', async () => {
    const { result } = await collect(smallScenario(2_000, 60), 0);
    const events = new Set(result.baseline.events.map((e) => e.event));
    for (const e of [
      'course-change-allowed',
      'course-change-refused',
      'cancellation-accepted',
      'cancellation-late',
      'suspension',
      'termination',
      'settlement-settle',
      'outage-waiver-waive',
      'late-interest-charge',
      'unpaid',
    ])
      expect(events, e).toContain(e);
    const items = new Set(result.proposal.amounts.map((a) => a.item));
    for (const i of ['monthly-fee', 'initial-fee', 'tax', 'outage-waiver', 'late-interest', 'settlement', 'poe-injector', 'pipe-mount']) expect(items, i).toContain(i);
  });
});

describe('reproducibility', () => {
  it('the same seed gives the same result and ledger with 0, 1 and 3 workers', async () => {
    const s = smallScenario(1_000, 24);
    const runs = [await collect(s, 0), await collect(s, 1), await collect(s, 3)];
    const [a, ...rest] = runs.map((x) => JSON.stringify(x));
    for (const b of rest) expect(b === a).toBe(true);
    const other = await collect({ ...s, seed: s.seed + 1 }, 0);
    expect(JSON.stringify(other.result.baseline.amounts)).not.toBe(JSON.stringify(runs[0]!.result.baseline.amounts));
  });

  it('baseline and proposal see the same draws: behaviour counts match when only prices change', async () => {
    const s = smallScenario(1_500, 36);
    s.proposal = { edits: [{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: -500 }] };
    const r = await runSimulation(resolve(s), { workers: 0 });
    const v = buildViews(r);
    for (const key of ['contracts', 'contractMonths', 'cancellations', 'suspensions', 'terminations', 'outages', 'latePayments', 'courseChangesRefused'])
      expect(v.summary.find((x) => x.key === key)!.difference, key).toBe(0);
    // 3-year M2035 courses bill 500 yen less per month billed.
    const billed = r.baseline.amounts.filter((a) => a.item === 'monthly-fee' && /^M2035[ND]-3Y-/.test(a.course)).reduce((n, a) => n + a.rows, 0);
    expect(v.summary.find((x) => x.key === 'monthlyFees')!.difference).toBe(-500 * billed);
  });
});
