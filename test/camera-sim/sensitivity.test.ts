import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import { assumptionsOf, DEFAULT_ASSUMPTIONS, locate, probabilityPointers, runSensitivity, sensitivitySheet } from '../../src/camera-sim/sensitivity.js';
import { projectRegistry, smallScenario } from './support.js';

const registry = projectRegistry();

describe('sensitivity (tornado)', () => {
  it('locates numbers by pointer, * for every item', () => {
    const s = smallScenario(10, 6);
    expect(locate(s, '/fleet/optionUptake/*/probability')).toHaveLength(s.fleet.optionUptake!.length);
    expect(locate(s, '/cancellation/monthlyHazard')).toHaveLength(1);
    expect(locate(s, '/response/choice/elasticity')).toHaveLength(0);
  });

  it('moves by default every rate the scenario schema has (round 2: returns, equipment, damages, refunds, never-pays, suspension, insolvency), probabilities kept within 0…1', async () => {
    const rates = probabilityPointers();
    for (const p of [
      '/equipment/lossMonthlyRate',
      '/equipment/damageMonthlyRate',
      '/damages/claimProbability',
      '/damages/companyShare',
      '/refunds/paidShare',
      '/returns/lateProbability',
      '/payments/neverPaysProbability',
    ])
      expect(rates).toContain(p);
    // Every rate of the schema is a default assumption: a rate added to the simulator without one fails here.
    expect(rates.filter((p) => !DEFAULT_ASSUMPTIONS.includes(p))).toEqual([]);
    const s = smallScenario(60, 6);
    s.outages = { ...s.outages!, monthlyRate: 0.5 };
    s.equipment = { lossMonthlyRate: 0.01, damageMonthlyRate: 0.02, replacementCost: { min: 20_000, max: 20_000 }, repairCost: { min: 5_000, max: 5_000 }, contractorAtFault: 0.5 };
    s.damages = { claimProbability: 0.5, companyShare: 0.95, claimedAmount: { min: 1_000, max: 5_000 } };
    s.refunds = { paidShare: 0.9 };
    const pointers = assumptionsOf(s).map((a) => a.pointer);
    for (const p of [
      '/equipment/lossMonthlyRate',
      '/equipment/damageMonthlyRate',
      '/equipment/contractorAtFault',
      '/damages/claimProbability',
      '/damages/companyShare',
      '/refunds/paidShare',
    ])
      expect(pointers).toContain(p);
    // Sections the scenario lacks are not moved.
    expect(pointers).not.toContain('/returns/lateProbability');
    s.sensitivity = { relative: 0.2, assumptions: [{ pointer: '/damages/companyShare' }, { pointer: '/equipment/lossMonthlyRate' }] };
    const t = await runSensitivity(resolveScenario(s, 's.json', registry), { workers: 0 });
    const share = t.rows.find((r) => r.pointer === '/damages/companyShare')!;
    expect(share.up).toEqual([1]);
    expect(share.down[0]).toBeCloseTo(0.76, 12);
    expect(share.label).toContain('Damages');
    expect(t.rows.find((r) => r.pointer === '/equipment/lossMonthlyRate')!.up[0]).toBeCloseTo(0.012, 12);
  });

  it('is sorted by swing and signed: a price rise loses more with a higher cancellation elasticity; a price cut loses less with a higher hazard', async () => {
    const s = smallScenario(400, 24);
    s.proposal = { edits: [{ edit: 'course-fee', match: { series: 'M2035' }, change: 800 }] };
    s.response = { cancellation: { elasticity: 3 } };
    s.sensitivity = {
      relative: 0.5,
      assumptions: [{ pointer: '/response/cancellation/elasticity' }, { pointer: '/outages/monthlyRate' }, { pointer: '/payments/lateProbability', down: 0, up: 0.5 }],
    };
    const t = await runSensitivity(resolveScenario(s, 's.json', registry), { workers: 0 });
    expect(t.rows).toHaveLength(3);
    for (let i = 1; i < t.rows.length; i += 1) expect(t.rows[i - 1]!.swing).toBeGreaterThanOrEqual(t.rows[i]!.swing);
    const e = t.rows.find((r) => r.pointer === '/response/cancellation/elasticity')!;
    expect(e.down).toEqual([1.5]);
    expect(e.up).toEqual([4.5]);
    expect(e.effectUp).toBeLessThan(0);
    expect(e.effectDown).toBeGreaterThan(0);
    expect(e.differenceUp - t.baseDifference).toBe(e.effectUp);
    const late = t.rows.find((r) => r.pointer === '/payments/lateProbability')!;
    expect(late.down).toEqual([0]);
    const sheet = sensitivitySheet(t);
    expect(sheet.rows).toHaveLength(4);

    const cut = smallScenario(400, 24);
    cut.sensitivity = { assumptions: [{ pointer: '/cancellation/monthlyHazard', down: 0.005, up: 0.05 }] };
    const c = await runSensitivity(resolveScenario(cut, 'c.json', registry), { workers: 0 });
    expect(c.baseDifference).toBeLessThan(0);
    expect(c.rows[0]!.effectUp).toBeGreaterThan(0);
    expect(c.rows[0]!.effectDown).toBeLessThan(0);
  });
});
