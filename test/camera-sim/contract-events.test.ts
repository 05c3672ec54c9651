import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../src/camera-sim/ledger-rows.js';
import type { SimulationResult } from '../../src/camera-sim/result.js';
import { draw, intBetween, PURPOSE } from '../../src/camera-sim/rng.js';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import { loadScenario, resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { buildViews } from '../../src/camera-sim/views.js';
import { main } from '../../src/cli/main.js';
import { addDays, daysInMonth, monthIndex, monthLabel } from '../../src/engine/dates.js';
import { decideFast } from '../../src/engine/decide.js';
import { thrownDataLoadError } from '../data-load-error.js';
import { expectLedgerSumsToAggregates, runWithLedger } from './ledger-run.js';
import { projectRegistry, ROOT, smallScenario } from './support.js';

/**
 * The second-round sections of a scenario (returns, equipment, damages, refunds): absent, the
 * answers are those of the simulator before them, bit for bit; present, each item is the engine's
 * answer, checked by hand on one-contract fleets.
 */
const registry = projectRegistry();
const resolve = (s: Scenario) => resolveScenario(s, 'test.json', registry);
const digest = (r: SimulationResult): string =>
  createHash('sha256')
    .update(JSON.stringify([r.baseline.amounts, r.baseline.events, r.proposal.amounts, r.proposal.events]))
    .digest('hex');
const before = JSON.parse(readFileSync(join(ROOT, 'test', 'camera-sim', 'fixtures', 'before-contract-events.json'), 'utf8')) as {
  sha256: string;
  fleetSize: number;
  months: number;
  byItem: Record<'baseline' | 'proposal', Record<string, number>>;
};
const byItem = (r: SimulationResult, side: 'baseline' | 'proposal'): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const a of r[side].amounts) out[`${a.item} ${a.clause}`] = (out[`${a.item} ${a.clause}`] ?? 0) + a.amount;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};
const total = (r: SimulationResult, item: string, side: 'baseline' | 'proposal' = 'baseline'): number =>
  r[side].amounts.filter((a) => a.item === item).reduce((n, a) => n + a.amount, 0);
const rows = (r: SimulationResult, item: string): number => r.baseline.amounts.filter((a) => a.item === item).reduce((n, a) => n + a.rows, 0);
const events = (r: SimulationResult, prefix: string): number => r.baseline.events.filter((e) => e.event.startsWith(prefix)).reduce((n, e) => n + e.count, 0);

/** An outage of 50 hours (two whole 24-hour blocks) every month, of cause other, nothing usable. */
const outages = { monthlyRate: 1, durationHours: [{ min: 50, max: 50, share: 1 }], causes: { other: 1 }, cameraUsable: 0, cloudUsable: 0 };

const LONG = registry.tariffVersions[0]!.courses.find((c) => c.code === 'LONG')!;

/** One LONG contract started before the horizon, nothing else happening unless added. */
const one = (extra: Partial<Scenario>): Scenario => ({
  name: 'one LONG',
  seed: 11,
  horizon: { start: '2025-01', months: 12 },
  fleet: { size: 1, courseMix: [{ course: 'LONG', share: 1 }], startDates: { from: '2024-01-10', to: '2024-01-10' } },
  baseline: {},
  proposal: {},
  ...extra,
});

describe('absent sections: the answers of before, bit for bit', () => {
  it('the example without the new sections gives the recorded answer (d6bc8b8, with the billed-history settlements of finance at fdec229)', { timeout: 300_000 }, async () => {
    const r = await runSimulation(resolve(smallScenario(before.fleetSize, before.months)), { workers: 0 });
    expect(byItem(r, 'baseline')).toEqual(before.byItem.baseline);
    expect(byItem(r, 'proposal')).toEqual(before.byItem.proposal);
    expect(digest(r)).toBe(before.sha256);
  });

  it('the sections present with nothing happening (rates 0, nothing paid) change nothing', { timeout: 300_000 }, async () => {
    const s = smallScenario(before.fleetSize, before.months);
    s.returns = { lateProbability: 0, announcedShare: 0.5, daysLate: [{ min: 1, max: 30, share: 1 }] };
    s.equipment = { lossMonthlyRate: 0, damageMonthlyRate: 0, replacementCost: { min: 1, max: 9 }, repairCost: { min: 1, max: 9 }, contractorAtFault: 0.5 };
    s.damages = { claimProbability: 0, companyShare: 1, claimedAmount: { min: 1, max: 9 } };
    s.refunds = { paidShare: 0 };
    const r = await runSimulation(resolve(s), { workers: 0 });
    expect(digest(r)).toBe(before.sha256);
  });
});

describe('each new item is the engine answer (one contract, by hand)', () => {
  it('an unannounced return 10 days late: 第47条第3項 charge = the fee of those 10 days, each at its month’s rate, floored once, with tax', async () => {
    const s = one({
      cancellation: { monthlyHazard: 1, noticeDays: { min: 40, max: 40 } },
      returns: { lateProbability: 1, announcedShare: 0, daysLate: [{ min: 10, max: 10, share: 1 }] },
    });
    const r = await runSimulation(resolve(s), { workers: 0 });
    // The request: the first month of the horizon, on the drawn day; 40 days' notice is on time.
    const m = monthIndex('2025-01');
    const requestDate = `2025-01-${String(intBetween(draw(s.seed, 0, m, PURPOSE.cancelDay), 1, 31)).padStart(2, '0')}`;
    const planned = addDays(requestDate, 40);
    const returned = addDays(planned, 10);
    // By hand: Σ fee ÷ days of the day's month, over the 10 days after the planned end, floored once.
    const dims = Array.from({ length: 10 }, (_, i) => {
      const d = addDays(planned, i + 1);
      return daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
    });
    const D = 28 * 29 * 30 * 31;
    const charge = Math.floor(dims.reduce((a, dim) => a + (LONG.monthlyFee * D) / dim, 0) / D);
    expect(total(r, 'late-return-charge')).toBe(charge);
    const row = r.baseline.amounts.find((a) => a.item === 'late-return-charge')!;
    expect(row.month).toBe(returned.slice(0, 7));
    expect(row.clause).toBe('第22条、第25条第1項、第47条第3項');
    // The engine's answer for the same facts (decide, the json-rules-engine path's twin).
    const out = decideFast(
      registry,
      { decision: 'cancellation', facts: { course: 'LONG', requestDate, desiredEndDate: planned, returnedDate: returned, returnDelayAnnounced: false } },
      { today: '2025-01-01' },
    );
    expect(out.lateReturnCharge).toBe(charge);
    expect(out.feesUntil).toBe(planned);
    const tax = r.baseline.amounts.filter((a) => a.item === 'tax' && a.month === returned.slice(0, 7)).reduce((n, a) => n + a.amount, 0);
    const feeTax = r.baseline.amounts.filter((a) => a.item === 'monthly-fee' && a.month === returned.slice(0, 7)).length ? Math.floor(LONG.monthlyFee / 10) : 0;
    expect(tax - feeTax).toBe(out.tax);
    expect(out.tax).toBe(Math.floor(charge / 10));
    // Fees run to the planned end date: the last month billed is its month.
    const billed = r.baseline.amounts.filter((a) => a.item === 'monthly-fee').map((a) => a.month);
    expect(billed[billed.length - 1]).toBe(planned.slice(0, 7));
    expect(events(r, 'return-late')).toBe(1);
  });

  it('an announced late return owes no charge, and fees run to the return (第25条第1項)', async () => {
    const s = one({
      cancellation: { monthlyHazard: 1, noticeDays: { min: 40, max: 40 } },
      returns: { lateProbability: 1, announcedShare: 1, daysLate: [{ min: 45, max: 45, share: 1 }] },
    });
    const r = await runSimulation(resolve(s), { workers: 0 });
    const m = monthIndex('2025-01');
    const requestDate = `2025-01-${String(intBetween(draw(s.seed, 0, m, PURPOSE.cancelDay), 1, 31)).padStart(2, '0')}`;
    const returned = addDays(addDays(requestDate, 40), 45);
    expect(total(r, 'late-return-charge')).toBe(0);
    const billed = r.baseline.amounts.filter((a) => a.item === 'monthly-fee').map((a) => a.month);
    expect(billed[billed.length - 1]).toBe(returned.slice(0, 7));
    expect(r.baseline.events.find((e) => e.event === 'return-late-announced')?.count).toBe(1);
  });

  it('a loss each month with the contractor at fault: 第46条第1項 replacement, 40,000 yen per month billed; not at fault: nothing charged', async () => {
    const equipment = { lossMonthlyRate: 1, damageMonthlyRate: 0, replacementCost: { min: 40_000, max: 40_000 }, repairCost: { min: 1, max: 1 }, contractorAtFault: 1 };
    const r = await runSimulation(resolve(one({ equipment })), { workers: 0 });
    expect(rows(r, 'equipment-replacement')).toBe(12);
    expect(total(r, 'equipment-replacement')).toBe(12 * 40_000);
    expect(r.baseline.amounts.find((a) => a.item === 'equipment-replacement')!.clause).toBe('第46条第1項');
    const bears = await runSimulation(resolve(one({ equipment: { ...equipment, contractorAtFault: 0, remedyExcessive: 1 } })), { workers: 0 });
    expect(total(bears, 'equipment-replacement')).toBe(0);
    expect(new Set(bears.baseline.events.filter((e) => e.event === 'equipment-loss-company-bears').map((e) => e.clause))).toEqual(new Set(['第46条第2項、第46条第3項']));
    expect(events(bears, 'equipment-loss-company-bears')).toBe(12);
    expect(events(bears, 'equipment-termination-allowed')).toBe(12);
  });

  it('damage each month: the repair cost (第46条第1項)', async () => {
    const r = await runSimulation(
      resolve(one({ equipment: { lossMonthlyRate: 0, damageMonthlyRate: 1, replacementCost: { min: 1, max: 1 }, repairCost: { min: 8_000, max: 8_000 }, contractorAtFault: 1 } })),
      { workers: 0 },
    );
    expect(total(r, 'equipment-repair')).toBe(12 * 8_000);
  });

  it('a 50-hour outage each month attributable to the company: 第34条第2項 damages = the two days waived under 第25条第2項 (same blocks, same rate), capped by the claim', async () => {
    const s = one({ outages, damages: { claimProbability: 1, companyShare: 1, claimedAmount: { min: 1_000_000, max: 1_000_000 } } });
    const r = await runSimulation(resolve(s), { workers: 0 });
    expect(rows(r, 'damages')).toBe(12);
    expect(total(r, 'damages')).toBe(total(r, 'outage-waiver'));
    for (const a of r.baseline.amounts.filter((x) => x.item === 'damages')) {
      expect(a.clause).toBe('第34条第2項、第34条第1項');
      const w = r.baseline.amounts.find((x) => x.item === 'outage-waiver' && x.month === a.month)!;
      expect(a.amount).toBe(w.amount);
      // Two days at about fee ÷ 30: between fee × 2 ÷ 31 and fee × 2 ÷ 28.
      expect(-a.amount).toBeGreaterThanOrEqual(Math.floor((LONG.monthlyFee * 2) / 31));
      expect(-a.amount).toBeLessThanOrEqual(Math.floor((LONG.monthlyFee * 2) / 28));
    }
    const capped = await runSimulation(resolve(one({ outages, damages: { claimProbability: 1, companyShare: 1, claimedAmount: { min: 100, max: 100 } } })), { workers: 0 });
    expect(total(capped, 'damages')).toBe(-12 * 100);
    // Not the company's (cause other, companyShare 0): 第34条第1項第2号, nothing paid.
    const notOurs = await runSimulation(resolve(one({ outages, damages: { claimProbability: 1, companyShare: 0, claimedAmount: { min: 100, max: 100 } } })), { workers: 0 });
    expect(total(notOurs, 'damages')).toBe(0);
    expect(new Set(notOurs.baseline.events.filter((e) => e.event === 'damages-none').map((e) => e.clause))).toEqual(new Set(['第34条第1項第2号']));
    expect(events(notOurs, 'damages-none')).toBe(12);
  });

  it('gross negligence: 第34条第3項 lifts the limits, the claim is paid as claimed', async () => {
    const s = one({
      outages: { ...outages, causes: { 'company-gross-negligence': 1 } },
      damages: { claimProbability: 1, companyShare: 0, claimedAmount: { min: 7_777, max: 7_777 } },
    });
    const r = await runSimulation(resolve(s), { workers: 0 });
    expect(total(r, 'damages')).toBe(-12 * 7_777);
    expect(new Set(r.baseline.amounts.filter((a) => a.item === 'damages').map((a) => a.clause))).toEqual(new Set(['第34条第3項']));
  });

  it('waivers on paid months: 第25条第3項 refunds the waiver (less than the month paid), and waiver + refund = the waiver without refunds', async () => {
    const plain = await runSimulation(resolve(one({ outages })), { workers: 0 });
    const paid = await runSimulation(resolve(one({ outages, refunds: { paidShare: 1 } })), { workers: 0 });
    expect(total(plain, 'outage-waiver')).toBeLessThan(0);
    expect(total(paid, 'outage-refund')).toBe(total(plain, 'outage-waiver'));
    expect(total(paid, 'outage-waiver')).toBe(0);
    expect(new Set(paid.baseline.amounts.filter((a) => a.item === 'outage-refund').map((a) => a.clause))).toEqual(new Set(['第25条第3項']));
    const v = buildViews(paid);
    expect(v.summary.find((x) => x.key === 'outageWaivers')!.baseline).toBe(total(plain, 'outage-waiver'));
    expect(v.byItem.find((x) => x.item === 'outage-refund')!.name).toBe('利用不能時間の料金の返還');
  });
});

const returnsScenario = (size: number, months: number): Scenario => {
  const s = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'example-returns.json'), 'utf8')) as Scenario;
  s.fleet.size = size;
  s.horizon.months = months;
  return s;
};

const collect = (s: Scenario, workers: number) => runWithLedger(resolve(s), workers, 61);

describe('scenarios/example-returns.json', () => {
  it('every new item appears, the ledger sums to the aggregates, and 0, 1 and 3 workers agree', async () => {
    const s = returnsScenario(1_000, 30);
    const runs = [await collect(s, 0), await collect(s, 1), await collect(s, 3)];
    const [a, ...rest] = runs.map((x) => JSON.stringify(x));
    for (const b of rest) expect(b === a).toBe(true);
    const { result, ledger } = runs[0]!;
    const items = new Set(result.baseline.amounts.map((x) => x.item));
    for (const i of ['late-return-charge', 'equipment-replacement', 'equipment-repair', 'damages', 'outage-refund']) expect(items, i).toContain(i);
    expectLedgerSumsToAggregates({ result, ledger });
    // The by-item view names each new row and the totals add up to the net.
    const v = buildViews(result);
    for (const i of ['late-return-charge', 'equipment-replacement', 'damages']) expect(v.byItem.find((x) => x.item === i)!.name).not.toBe(i);
    const net = v.summary.find((x) => x.key === 'netExTax')!.baseline;
    expect(v.byItem.filter((x) => x.item !== 'tax').reduce((n, x) => n + x.baseline.amount, 0)).toBe(net);
    expect(monthLabel(monthIndex(s.horizon.start))).toBe(s.horizon.start);
  }, 600_000);
});

describe('outputs', () => {
  it('tariff simulate writes the new rows to the By item sheet, the JSON and the CSV, and to the ledger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tariff-contract-events-'));
    writeFileSync(join(dir, 's.json'), JSON.stringify(returnsScenario(250, 18)));
    const out: string[] = [];
    for (const f of ['r.xlsx', 'r.json', 'r.csv']) {
      const code = await main(['simulate', join(dir, 's.json'), '--out', join(dir, f), '--workers', '0', '--quiet', ...(f === 'r.json' ? ['--ledger'] : [])], {
        out: (x) => out.push(x),
        err: (x) => out.push(x),
      });
      expect(code, out.join('\n')).toBe(0);
    }
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { views: ReturnType<typeof buildViews>; ledger: LedgerRow[] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    const sheet: [string, string, number][] = [];
    wb.getWorksheet('By item')!.eachRow((row, i) => {
      if (i > 1) sheet.push([String(row.getCell(1).value), String(row.getCell(3).value), Number(row.getCell(4).value)]);
    });
    const csv = readFileSync(join(dir, 'r.csv'), 'utf8');
    for (const item of ['late-return-charge', 'equipment-replacement', 'equipment-repair', 'damages', 'outage-refund']) {
      const rows = json.views.byItem.filter((x) => x.item === item);
      expect(rows.length, item).toBeGreaterThan(0);
      for (const r of rows) expect(sheet, item).toContainEqual([item, r.clause, r.baseline.amount]);
      expect(json.ledger.filter((l) => l.side === 'baseline' && l.item === item).reduce((n, l) => n + l.amount, 0)).toBe(rows.reduce((n, r) => n + r.baseline.amount, 0));
      expect(csv).toContain(`,${item},`);
    }
  }, 600_000);
});

describe('scenario checks', () => {
  const problems = (s: Scenario): { pointer: string; message: string }[] =>
    (thrownDataLoadError(() => resolve(s))?.errors ?? []).map((x) => ({ pointer: x.pointer, message: x.message }));

  it('names each bad field by its pointer', () => {
    const s = one({
      damages: { claimProbability: 1, companyShare: 0, claimedAmount: { min: 9, max: 1 } },
      refunds: { paidShare: 1 },
      returns: { lateProbability: 1, announcedShare: 0, daysLate: [{ min: 3, max: 2, share: 1 }] },
    });
    const p = problems(s).map((x) => x.pointer);
    expect(p).toEqual(expect.arrayContaining(['/damages', '/refunds', '/returns', '/damages/claimedAmount', '/returns/daysLate/0']));
  });

  it('the schema refuses unknown fields and out-of-range rates, with the pointer', () => {
    const s = one({ equipment: { lossMonthlyRate: 2, damageMonthlyRate: 0, replacementCost: { min: 1, max: 1 }, repairCost: { min: 1, max: 1 }, contractorAtFault: 0 } });
    (s.equipment as Record<string, unknown>).colour = 'red';
    const p = problems(s).map((x) => x.pointer);
    expect(p.some((x) => x.startsWith('/equipment'))).toBe(true);
    expect(
      problems(one({ damages: { claimProbability: 1, companyShare: 0, lossKinds: { sideways: 1 }, claimedAmount: { min: 1, max: 1 } }, outages }))
        .map((x) => x.pointer)
        .join(' '),
    ).toContain('/damages/lossKinds');
  });

  it('the example file loads', () => {
    expect(loadScenario(join(ROOT, 'scenarios', 'example-returns.json'), registry).scenario.returns?.lateProbability).toBeGreaterThan(0);
  });
});
