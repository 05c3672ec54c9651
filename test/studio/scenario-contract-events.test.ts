import { describe, expect, it } from 'vitest';
import type { RunProgress, RunView, ScenarioChoices, ScenarioForm, ScenarioSummary } from '../../src/studio/api/contract.js';
import { scenarioStudio } from './helpers.js';

/**
 * The studio's scenario form carries the second-round sections (returns, equipment, damages,
 * refunds) to the simulator: a bad one is refused with its field, a good one runs and its rows
 * show in the by-item figures the Scenarios page charts.
 */
const setup = scenarioStudio;

const form = (c: ScenarioChoices, patch: Partial<ScenarioForm> = {}): ScenarioForm => ({
  ...c.defaultForm,
  name: 'returns and equipment',
  horizon: { start: '2025-04', months: 12 },
  fleet: { ...c.defaultForm.fleet, size: 150, startDates: { from: '2024-10-01', to: '2025-06-30' } },
  cancellation: { monthlyHazard: 0.2, noticeDays: { min: 2, max: 30 } },
  returns: { lateProbability: 1, announcedShare: 0, daysLate: [{ min: 5, max: 20, share: 1 }] },
  equipment: { lossMonthlyRate: 0.05, damageMonthlyRate: 0.05, replacementCost: { min: 40_000, max: 40_000 }, repairCost: { min: 9_000, max: 9_000 }, contractorAtFault: 1 },
  damages: { claimProbability: 1, companyShare: 1, claimedAmount: { min: 1_000_000, max: 1_000_000 } },
  refunds: { paidShare: 1 },
  ...patch,
});

describe('scenario form: returns, equipment, damages, refunds', () => {
  it('refuses a bad section naming its field', async () => {
    const { call, dispatch } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const r = await dispatch('scenarios.run', {
      id: null,
      form: form(c, { equipment: { lossMonthlyRate: 0, damageMonthlyRate: 0, replacementCost: { min: 9, max: 1 }, repairCost: { min: 1, max: 1 }, contractorAtFault: 0 } }),
    });
    expect(!r.ok && r.error.issues.map((i) => i.field)).toEqual(['/equipment/replacementCost']);
  });

  it('runs and shows the new rows by item', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form: form(c) });
    for (;;) {
      const p = await call<RunProgress>('scenarios.progress', { runId });
      if (p.state !== 'running') {
        expect(p.state).toBe('done');
        break;
      }
      await new Promise((res) => setTimeout(res, 50));
    }
    const v = (await call<{ result: RunView }>('scenarios.get', { id: scenario.id })).result;
    const items = new Map(v.byItem.map((x) => [x.item, x]));
    for (const i of ['late-return-charge', 'equipment-replacement', 'equipment-repair', 'damages', 'outage-refund']) expect(items.has(i), i).toBe(true);
    expect(items.get('late-return-charge')).toMatchObject({ name: '返還遅延の料金相当額', clause: '第22条、第25条第1項、第47条第3項' });
    expect(items.get('equipment-replacement')!.baseline % 40_000).toBe(0);
    expect(items.get('damages')!.baseline).toBeLessThan(0);
  });
});
