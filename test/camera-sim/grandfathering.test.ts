import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { verifyRun } from '../../src/camera-sim/verify-run.js';
import { buildViews } from '../../src/camera-sim/views.js';
import { runCaseFiles } from '../../src/cli/run-cases.js';
import { listCaseFiles, readCaseFile } from '../../src/io/case-files.js';
import { loadRegistry } from '../../src/io/folder-store.js';
import { projectRegistry, ROOT } from './support.js';

const registry = projectRegistry();
const COURSE = 'M2035N-3Y-C7-SN';

const one = (start: string, policy?: 'keep-price' | 'new-price'): Scenario => ({
  name: 'grandfathering',
  seed: 3,
  horizon: { start: '2025-04', months: 12 },
  fleet: { size: 1, courseMix: [{ course: COURSE, share: 1 }], startDates: { from: start, to: start } },
  baseline: {},
  proposal: {
    edits: [{ edit: 'course-fee', match: { courses: [COURSE] }, change: 500 }, ...(policy ? [{ edit: 'existing-contracts' as const, policy, clause: '附則第2項（案）' }] : [])],
  },
});
const feeDifference = async (s: Scenario) =>
  buildViews(await runSimulation(resolveScenario(s, 'g.json', registry), { workers: 0 })).summary.find((x) => x.key === 'monthlyFees')!.difference;

describe('grandfathering (existingContracts)', () => {
  it('keep-price: a contract started before the horizon pays the old fee; a new one the new fee', async () => {
    expect(await feeDifference(one('2024-06-01', 'keep-price'))).toBe(0);
    expect(await feeDifference(one('2025-05-01', 'keep-price'))).toBe(500 * 11);
  });

  it('new-price (and no statement, the default): existing contracts pay the new fee', async () => {
    expect(await feeDifference(one('2024-06-01', 'new-price'))).toBe(500 * 12);
    expect(await feeDifference(one('2024-06-01'))).toBe(500 * 12);
  });

  // Every contract-month has a 49-hour total outage of cause `other` (waived, and claimed as the company's),
  // and a cancelled contract comes back 10 days late, unannounced: each decision rates days at the fee.
  const withDailyRates = (start: string, policy?: 'keep-price' | 'new-price'): Scenario => ({
    ...one(start, policy),
    cancellation: { monthlyHazard: 0.3, noticeDays: { min: 5, max: 20 } },
    outages: { monthlyRate: 1, durationHours: [{ min: 49, max: 49, share: 1 }], causes: { other: 1 }, cameraUsable: 0, cloudUsable: 0 },
    damages: { claimProbability: 1, companyShare: 1, claimedAmount: { min: 1_000_000, max: 1_000_000 } },
    returns: { lateProbability: 1, announcedShare: 0, daysLate: [{ min: 10, max: 10, share: 1 }] },
  });
  const DAILY_RATE_ITEMS = ['outage-waiver', 'damages', 'late-return-charge'];
  const dailyRateItems = async (s: Scenario) => {
    const v = buildViews(await runSimulation(resolveScenario(s, 'g.json', registry), { workers: 0 }));
    const rows = v.byItem.filter((x) => DAILY_RATE_ITEMS.includes(x.item));
    return { items: [...new Set(rows.map((x) => x.item))].sort(), difference: rows.reduce((a, x) => a + x.proposal.amount - x.baseline.amount, 0) };
  };

  it('keep-price reaches the waiver, damages and late-return charge of an existing contract (the fee kept), not of a new one', async () => {
    const kept = await dailyRateItems(withDailyRates('2024-06-01', 'keep-price'));
    // The scenario does price all three (the test would prove nothing otherwise) …
    expect(kept.items).toEqual(['damages', 'late-return-charge', 'outage-waiver']);
    // … and an existing contract under keep-price pays and is paid at the old fee: no difference.
    expect(kept.difference).toBe(0);
    // Under new-price the fee 500 yen higher makes the waivers and damages larger (negative) and the charge larger.
    expect((await dailyRateItems(withDailyRates('2024-06-01', 'new-price'))).difference).not.toBe(0);
    expect((await dailyRateItems(withDailyRates('2025-05-01', 'keep-price'))).difference).not.toBe(0);
  });

  it('a keep-price run replays under tariff simulate --verify', async () => {
    const s = one('2024-06-01', 'keep-price');
    s.fleet.size = 30;
    s.fleet.startDates = { from: '2024-01-01', to: '2025-12-31' };
    s.cancellation = { monthlyHazard: 0.1, noticeDays: { min: 1, max: 10 } };
    // The waivers, damages and late returns of existing contracts carry their start date and replay too.
    Object.assign(s, { outages: withDailyRates('2024-06-01').outages, damages: withDailyRates('2024-06-01').damages, returns: withDailyRates('2024-06-01').returns });
    const r = await verifyRun(resolveScenario(s, 'g.json', registry), registry, { workers: 0 });
    expect(r.mismatches).toEqual([]);
    expect(r.rows).toBeGreaterThan(100);
  });

  it('the case files pinning keep-price and new-price pass on the fixture versions', async () => {
    const dir = join(ROOT, 'test', 'fixtures', 'grandfathering');
    const fixture = loadRegistry(join(ROOT, 'rules'), join(dir, 'tariffs'));
    expect(fixture.tariffVersions.map((v) => v.existingContracts?.policy ?? 'new-price')).toEqual(['new-price', 'keep-price', 'new-price']);
    const results = await runCaseFiles(fixture, listCaseFiles([join(dir, 'cases')]).map(readCaseFile), '2026-05-01');
    expect(results).toHaveLength(14);
    expect(results.filter((r) => r.mismatch)).toEqual([]);
  });
});
