import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CONTRACT_MONTHS, runSize } from '../../src/camera-sim/run-size.js';
import type { ApiError, Envelope, FleetImpact, RepriceAnswer, RunProgress, RunSizeView, ScenarioChoices, ScenarioForm, VersionDetail } from '../../src/studio/api/contract.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { scenarioHandlers } from '../../src/studio/handlers/scenario-handlers.js';
import type { StudioContext } from '../../src/studio/handlers/studio-context.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { checkStudioRun, minutes, resolvedRunSize, scenarioRunSize } from '../../src/studio/scenarios/run-limit.js';
import { resolveForm } from '../../src/studio/scenarios/scenario-form.js';
import { KEEP_CONTRACT_MONTHS, ScenarioRuns } from '../../src/studio/scenarios/scenario-runs.js';
import { saveScenarioResult } from '../../src/studio/workspace/scenario-store.js';
import { freshWorkspace, TODAY } from './helpers.js';

/**
 * The run-size limit of `tariff simulate` (run-size.ts) held by every studio path that runs the
 * simulator, before anything is saved or run: a scenario run (replications, sensitivity), a
 * re-price of a kept run, the fleet impact of a tariff review. The desktop app lets a run raise it
 * for itself ("Run anyway"); a team server does not.
 */
const studio = (runLimit: StudioContext['runLimit']) => {
  const ws = freshWorkspace();
  const ctx: StudioContext = { ws, createdNow: true, today: () => TODAY, ...(runLimit ? { runLimit } : {}) };
  const runs = new ScenarioRuns({ workers: 1, onFinished: (run, stored) => saveScenarioResult(ws, run.scenarioId, stored, {}) });
  const dispatch = createDispatcher({ ...studioHandlers(ctx), scenarios: scenarioHandlers(ctx, runs) });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = (await dispatch(name, args)) as Envelope<T>;
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value;
  };
  const refusal = async (name: string, args: unknown): Promise<ApiError> => {
    const r = (await dispatch(name, args)) as Envelope<unknown>;
    if (r.ok) throw new Error(`${name} was not refused`);
    return r.error;
  };
  const counts = () => ({
    scenarios: (ws.db.prepare('SELECT count(*) AS n FROM scenarios').get() as { n: number }).n,
    audit: (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  });
  return { ws, ctx, runs, call, refusal, counts };
};

/** Polls a run to its end, at most ~60 s (a bounded loop). */
const finish = async (call: ReturnType<typeof studio>['call'], runId: string): Promise<RunProgress> => {
  for (let i = 0; i < 1200; i++) {
    const p = await call<RunProgress>('scenarios.progress', { runId });
    if (p.state !== 'running') return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${runId} did not end`);
};

/** 100 contracts × 6 months = 600 contract-months a run of the fleet. */
const form = (c: ScenarioChoices, patch: Partial<ScenarioForm> = {}): ScenarioForm => ({
  ...c.defaultForm,
  name: 'limit',
  horizon: { start: '2025-04', months: 6 },
  fleet: { ...c.defaultForm.fleet, size: 100, startDates: { from: '2024-10-01', to: '2025-03-31' } },
  proposal: { tariffVersionId: null, ruleVersionId: null, edits: [{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: -500 }] },
  ...patch,
});

describe('the run-size limit in the studio', () => {
  it('counts a studio run as the CLI does: replications, and two runs per assumption of the sensitivity section', async () => {
    const { ws, call } = studio(undefined);
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    expect(resolvedRunSize(resolveForm(ws, form(c)))).toEqual({ contracts: 100, months: 6, runs: 1, parts: ['1 run of the fleet'], others: [], contractMonths: 600 });
    const rs = resolveForm(ws, form(c, { replications: 3, sensitivity: { relative: 0.2 } }));
    const both = resolvedRunSize(rs);
    // The CLI's own count (run-size.ts) of the same scenario with --sensitivity.
    const cli = runSize(rs, { replications: 3, replicationsFrom: 'scenario', sensitivity: true, ledger: false, verify: false });
    expect(both.runs).toBe(cli.runs);
    expect(both.contractMonths).toBe(cli.contractMonths);
    expect(scenarioRunSize(rs.scenario)).toEqual(both);
    expect(both.runs).toBeGreaterThan(3);
    expect(both.parts).toEqual(['3 replications', `${both.runs - 3} for the sensitivity section (${(both.runs - 3) / 2} assumptions moved down and up)`]);
    // The fleet size moved in the sensitivity section: its down and up runs count at their own sizes, in all three counts.
    const fleetMove = { relative: 0.2, defaults: true, assumptions: [{ pointer: '/fleet/size', down: 10, up: 10_000_000 }] };
    const moved = resolveForm(ws, form(c, { replications: 3, sensitivity: fleetMove }));
    const studioCount = resolvedRunSize(moved);
    const cliCount = runSize(moved, { replications: 3, replicationsFrom: 'scenario', sensitivity: true, ledger: false, verify: false });
    expect(studioCount.contractMonths).toBe(cliCount.contractMonths);
    expect(studioCount.runs).toBe(cliCount.runs);
    expect(studioCount.others).toEqual(cliCount.others);
    expect(scenarioRunSize(moved.scenario)).toEqual(studioCount);
    // The defaults' runs and the replications at 100 × 6; the fleet size's down-run at 10 × 6, its up-run at 10,000,000 × 6.
    expect(studioCount.runs).toBe(both.runs);
    expect(studioCount.contractMonths).toBe(100 * 6 * both.runs + 10 * 6 + 10_000_000 * 6);
    expect(studioCount.others.map((o) => [o.field, o.en, o.ja, o.contracts])).toEqual([
      ['/sensitivity/assumptions/0/down', 'the down-run of the fleet size', '契約数の下側の実行', 10],
      ['/sensitivity/assumptions/0/up', 'the up-run of the fleet size', '契約数の上側の実行', 10_000_000],
    ]);
    // The months moved in the sensitivity section: its down and up runs count at their own months, in all three counts.
    const monthsMove = { relative: 0.2, assumptions: [{ pointer: '/horizon/months', down: 3, up: 120 }] };
    const longer = resolveForm(ws, form(c, { replications: 2, sensitivity: monthsMove }));
    const studioMonths = resolvedRunSize(longer);
    const cliMonths = runSize(longer, { replications: 2, replicationsFrom: 'scenario', sensitivity: true, ledger: false, verify: false });
    expect(studioMonths.contractMonths).toBe(cliMonths.contractMonths);
    expect(studioMonths.runs).toBe(cliMonths.runs);
    expect(studioMonths.others).toEqual(cliMonths.others);
    expect(scenarioRunSize(longer.scenario)).toEqual(studioMonths);
    // The 2 replications at 100 × 6; the months' down-run at 100 × 3, its up-run at 100 × 120.
    expect(studioMonths.runs).toBe(2);
    expect(studioMonths.contractMonths).toBe(100 * 6 * 2 + 100 * 3 + 100 * 120);
    expect(studioMonths.others.map((o) => [o.field, o.dir, o.contracts, o.months, o.contractMonths])).toEqual([
      ['/sensitivity/assumptions/0/down', 'down', 100, 3, 300],
      ['/sensitivity/assumptions/0/up', 'up', 100, 120, 12_000],
    ]);
    // A fleet size moved by a share (not a whole number yet, as a form being typed) is not sized.
    expect(
      scenarioRunSize({ ...moved.scenario, fleet: { ...moved.scenario.fleet, size: 101 }, sensitivity: { relative: 0.2, assumptions: [{ pointer: '/fleet/size' }] } }),
    ).toBeUndefined();
    expect(minutes(DEFAULT_MAX_CONTRACT_MONTHS)).toBe('about 14 minutes');
    expect(minutes(6_000_000_000)).toBe('about 13 hours');
  });

  it('scenarios.runSize sizes the form as it is typed, with the limit, and sizes nothing it cannot', async () => {
    const { call } = studio({ maxContractMonths: 1_000, overrideAllowed: false });
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    expect(await call<RunSizeView>('scenarios.runSize', { form: form(c, { replications: 2 }) })).toEqual({
      size: { contracts: 100, months: 6, runs: 2, contractMonths: 1_200, parts: ['2 replications'], others: [] },
      limit: 1_000,
      overrideAllowed: false,
    });
    for (const fleet of [
      { ...form(c).fleet, size: Number.NaN },
      { ...form(c).fleet, size: 0 },
      { ...form(c).fleet, size: 2.5 },
    ])
      expect((await call<RunSizeView>('scenarios.runSize', { form: form(c, { fleet }) })).size).toBeNull();
    expect((await call<RunSizeView>('scenarios.runSize', { form: form(c, { sensitivity: { assumptions: 'x' } as never }) })).size).toBeNull();
    const desk = studio(undefined);
    expect((await desk.call<RunSizeView>('scenarios.runSize', { form: form(c) })).limit).toBe(DEFAULT_MAX_CONTRACT_MONTHS);
  });

  it('refuses a run over the limit before anything is saved or run: its size, how it was counted, the limit and what to do', async () => {
    const { call, refusal, counts } = studio({ maxContractMonths: 1_799, overrideAllowed: true });
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const before = counts();
    const e = await refusal('scenarios.run', { id: null, form: form(c, { replications: 3 }) });
    const message = 'this run is 100 contracts × 6 months × 3 runs (3 replications) = 1,800 contract-months, more than the limit of 1,799';
    expect(e).toEqual({
      code: 'RUN_TOO_LARGE',
      message: `the run is too large: ${message}`,
      issues: [
        {
          code: 'RUN_TOO_LARGE',
          severity: 'error',
          field: '/fleet/size',
          message: `/fleet/size: ${message}`,
          value: '1,800 contract-months',
          expected: 'at most 1,799 contract-months',
          expectedJa: '1,799 契約月以下',
        },
      ],
      hint: 'Make the fleet size, the months, the replications or the sensitivity assumptions fewer, or choose "Run anyway" to run this size once (it may take about 1 minute; Cancel stops it). Nothing was saved or run.',
    });
    expect(counts()).toEqual(before);
    // A saved scenario made larger is refused too, and stays as it was saved.
    const saved = await call<{ id: number; revision: number }>('scenarios.save', { id: null, form: form(c) });
    const e2 = await refusal('scenarios.run', { id: saved.id, form: form(c, { fleet: { ...form(c).fleet, size: 1_000 } }), revision: saved.revision });
    expect(e2.code).toBe('RUN_TOO_LARGE');
    expect(e2.issues[0]!.value).toBe('6,000 contract-months');
    expect((await call<{ summary: { revision: number } }>('scenarios.get', { id: saved.id })).summary.revision).toBe(saved.revision);
  });

  it('runs the size the refusal named when the run raises the limit for itself ("Run anyway"), and not one contract-month more', async () => {
    const { call, refusal } = studio({ maxContractMonths: 599, overrideAllowed: true });
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const e = await refusal('scenarios.run', { id: null, form: form(c) });
    expect(e.issues[0]!.value).toBe('600 contract-months');
    const size = 600;
    // The form grew after the refusal: the size confirmed is not enough.
    const grown = await refusal('scenarios.run', { id: null, form: form(c, { horizon: { start: '2025-04', months: 7 } }), maxContractMonths: size });
    expect(grown.message).toContain('= 700 contract-months, more than the limit of 600');
    const r = await call<{ runId: string }>('scenarios.run', { id: null, form: form(c), maxContractMonths: size });
    expect((await finish(call, r.runId)).state).toBe('done');
  });

  it('on a team server a run cannot raise the limit: the hint names the server flag', async () => {
    const { call, refusal } = studio({ maxContractMonths: 599, overrideAllowed: false });
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const e = await refusal('scenarios.run', { id: null, form: form(c), maxContractMonths: 600 });
    expect(e.code).toBe('RUN_TOO_LARGE');
    expect(e.message).toContain('more than the limit of 599');
    expect(e.hint).toBe(
      "Make the fleet size, the months, the replications or the sensitivity assumptions fewer. On a team server the limit is the server's: whoever runs it may raise it (tariff studio --serve --max-contract-months 600). Nothing was saved or run.",
    );
  });

  it('without a limit given, the studio holds the CLI default: the largest fleet the schema allows is refused', async () => {
    const { call, refusal, counts } = studio(undefined);
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const before = counts();
    const e = await refusal('scenarios.run', { id: null, form: form(c, { fleet: { ...form(c).fleet, size: 10_000_000 }, horizon: { start: '2025-04', months: 600 } }) });
    expect(e.message).toBe(
      `the run is too large: this run is 10,000,000 contracts × 600 months × 1 run (1 run of the fleet) = 6,000,000,000 contract-months, more than the limit of ${DEFAULT_MAX_CONTRACT_MONTHS.toLocaleString('en')} (about 10 minutes on two cores; docs/scenarios.md)`,
    );
    expect(e.hint).toContain('it may take about 13 hours');
    expect(counts()).toEqual(before);
  });

  it('holds a re-price to the limit its kept run was started under, before re-pricing', async () => {
    const { ctx, runs, call } = studio({ maxContractMonths: 600, overrideAllowed: true });
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const r = await call<{ runId: string; scenario: { id: number } }>('scenarios.run', { id: null, form: form(c) });
    expect((await finish(call, r.runId)).state).toBe('done');
    const cheaper = form(c, {
      proposal: { tariffVersionId: null, ruleVersionId: null, edits: [{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: -700 }] },
    });
    expect((await call<RepriceAnswer>('scenarios.reprice', { id: r.scenario.id, form: cheaper })).mode).toBe('repriced');
    // The kept run remembers its limit; one kept under a smaller limit than its size (as a studio whose limit was lowered) is not re-priced past it.
    const id = r.scenario.id;
    const kept = runs.cached(id)!;
    expect(kept.maxContractMonths).toBe(600);
    kept.maxContractMonths = 599;
    const ctx2 = { ...ctx, runLimit: { maxContractMonths: 599, overrideAllowed: true } };
    const lowered = createDispatcher({ ...studioHandlers(ctx2), scenarios: scenarioHandlers(ctx2, runs) });
    const e = (await lowered('scenarios.reprice', { id, form: cheaper })) as Envelope<unknown>;
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.error.code).toBe('RUN_TOO_LARGE');
    expect(e.error.message).toBe(
      'the run is too large: this run is 100 contracts × 6 months × 1 run (re-pricing 1 kept replication) = 600 contract-months, more than the limit of 599',
    );
  });

  it('gives the fleet impact of a tariff review as a problem, not a run, when the example is over the limit', async () => {
    const { call } = studio({ maxContractMonths: 20 * 24 - 1, overrideAllowed: true });
    const draft = await call<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-04-01', title: 'price change' });
    const impact = await call<FleetImpact>('lifecycle.fleetImpact', { id: draft.summary.id, fleetSize: 20 });
    expect(impact.problem).toBe(
      'the example scenario was not run: the run is too large: this run is 20 contracts × 24 months × 1 run (1 run of the fleet) = 480 contract-months, more than the limit of 479. Choose a smaller fleet size.',
    );
    expect(impact.baseline).toBe(0);
    const { call: roomy } = studio({ maxContractMonths: 20 * 24, overrideAllowed: true });
    const d2 = await roomy<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-04-01', title: 'price change' });
    expect((await roomy<FleetImpact>('lifecycle.fleetImpact', { id: d2.summary.id, fleetSize: 20 })).problem).toBeNull();
  });

  it('keeps a run of one replication for re-pricing only within KEEP_CONTRACT_MONTHS (a raised limit must not take the heap with it)', async () => {
    const ws = freshWorkspace();
    const ctx: StudioContext = { ws, createdNow: true, today: () => TODAY };
    const runs = new ScenarioRuns({ workers: 1, keepContractMonths: 599, onFinished: (run, stored) => saveScenarioResult(ws, run.scenarioId, stored, {}) });
    const dispatch = createDispatcher({ ...studioHandlers(ctx), scenarios: scenarioHandlers(ctx, runs) });
    const call = async <T>(name: string, args: unknown): Promise<T> => {
      const r = (await dispatch(name, args)) as Envelope<T>;
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const r = await call<{ runId: string; scenario: { id: number } }>('scenarios.run', { id: null, form: form(c) });
    expect((await finish(call, r.runId)).state).toBe('done');
    expect(runs.cached(r.scenario.id)).toBeUndefined();
    const answer = await call<RepriceAnswer>('scenarios.reprice', { id: r.scenario.id, form: form(c, { proposal: { tariffVersionId: null, ruleVersionId: null, edits: [] } }) });
    expect(answer.mode).toBe('run-needed');
    expect(KEEP_CONTRACT_MONTHS).toBeGreaterThanOrEqual(100_000 * 60);
  });

  it('checkStudioRun lets a run of exactly the limit through', () => {
    const size = { contracts: 10, months: 6, runs: 1, parts: ['1 run of the fleet'], others: [], contractMonths: 60 };
    expect(() => checkStudioRun(size, { maxContractMonths: 60, overrideAllowed: false })).not.toThrow();
    expect(() => checkStudioRun(size, { maxContractMonths: 59, overrideAllowed: false }, 60)).toThrow(/more than the limit of 59/);
    expect(() => checkStudioRun(size, { maxContractMonths: 59, overrideAllowed: true }, 60)).not.toThrow();
  });
});
