import { describe, expect, it } from 'vitest';
import type { RepriceAnswer, RunProgress, RunView, ScenarioChoices, ScenarioForm, ScenarioSummary } from '../../src/studio/api/contract.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { scenarioHandlers } from '../../src/studio/handlers/scenario-handlers.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { ScenarioRuns } from '../../src/studio/scenarios/scenario-runs.js';
import { saveScenarioResult } from '../../src/studio/workspace/scenario-store.js';
import { freshWorkspace, TODAY } from './helpers.js';

/**
 * A re-priced preview of a run with replications has the run's bands: every replication kept is
 * re-priced and the bands are made by the simulator's own bandsOf, so they equal, to the yen, the
 * bands of a full run of the same form. A run whose replications are too many to keep is not
 * kept, and a price change then runs in full.
 */
const setup = (keepReplicatedContractMonths?: number) => {
  const ws = freshWorkspace();
  const ctx = { ws, createdNow: true, today: () => TODAY };
  const runs = new ScenarioRuns({
    workers: 1,
    onFinished: (run, stored) => saveScenarioResult(ws, run.scenarioId, stored, {}),
    ...(keepReplicatedContractMonths !== undefined ? { keepReplicatedContractMonths } : {}),
  });
  const dispatch = createDispatcher({ ...studioHandlers(ctx), scenarios: scenarioHandlers(ctx, runs) });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await dispatch(name, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  const runToEnd = async (id: number | null, form: ScenarioForm, revision?: number): Promise<RunView> => {
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id, form, ...(revision ? { revision } : {}) });
    for (let i = 0; i < 4000; i += 1) {
      const p = await call<RunProgress>('scenarios.progress', { runId });
      if (p.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return (await call<{ result: RunView }>('scenarios.get', { id: scenario.id })).result;
  };
  return { call, runToEnd };
};

const formOf = (c: ScenarioChoices, change: number, replications: number): ScenarioForm => ({
  ...c.defaultForm,
  name: 'bands',
  replications,
  horizon: { start: '2025-04', months: 6 },
  fleet: { ...c.defaultForm.fleet, size: 150, startDates: { from: '2024-10-01', to: '2025-06-30' } },
  proposal: { tariffVersionId: null, ruleVersionId: null, edits: [{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change }] },
});

describe('re-priced preview with bands', () => {
  it('re-prices every replication and has the bands of a full run of the same form', async () => {
    const { call, runToEnd } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const first = await runToEnd(null, formOf(c, -500, 3));
    expect(first.bands?.replications).toBe(3);
    const fast = await call<RepriceAnswer>('scenarios.reprice', { id: 1, form: formOf(c, -1500, 3) });
    expect(fast.mode).toBe('repriced');
    const preview = fast.result!;
    expect(preview.bands?.replications).toBe(3);
    // The bands moved with the price: the monthly fees' difference is lower at every percentile.
    const fees = (v: RunView) => v.bands!.summary.find((s) => s.key === 'monthlyFees')!.difference;
    expect(fees(preview).p95).toBeLessThan(fees(first).p5);
    const full = await runToEnd(1, formOf(c, -1500, 3), 1);
    expect(preview.bands).toEqual(full.bands);
    expect(preview.summary).toEqual(full.summary);
    expect(preview.byMonth).toEqual(full.byMonth);
    // Another number of replications is not a price: it needs a full run.
    const more = await call<RepriceAnswer>('scenarios.reprice', { id: 1, form: formOf(c, -1000, 4) });
    expect(more).toMatchObject({ mode: 'run-needed', result: null });
  });

  it('a run whose replications are too many to keep is not kept: a price change runs in full, saying why', async () => {
    const { call, runToEnd } = setup(150 * 6 * 2);
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    await runToEnd(null, formOf(c, -500, 3));
    const a = await call<RepriceAnswer>('scenarios.reprice', { id: 1, form: formOf(c, -1500, 3) });
    expect(a.mode).toBe('run-needed');
    expect(a.reason).toContain('replications are too many to keep');
    // Within the budget (2 replications), the same scenario is kept.
    await runToEnd(1, formOf(c, -500, 2), 1);
    expect((await call<RepriceAnswer>('scenarios.reprice', { id: 1, form: formOf(c, -1500, 2) })).result?.bands?.replications).toBe(2);
  });
});
