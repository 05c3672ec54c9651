import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { RepriceAnswer, RunProgress, RunView, ScenarioChoices, ScenarioForm, ScenarioSummary } from '../../src/studio/api/contract.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { SCHEMA_VERSION } from '../../src/studio/workspace/migrations.js';
import { createTariffDraft, listTariffVersions } from '../../src/studio/workspace/tariff-store.js';
import { freshWorkspace, scenarioStudio, TODAY } from './helpers.js';
import { finish, smallForm, values, workbookOf } from './scenario-helpers.js';

/**
 * The scenarios API over the dispatcher (as both transports call it): a form checked field by
 * field, a run in worker threads polled to the end, a cancel that stops the workers, saved
 * scenarios with their last result, drafts against the approved version of the same date, and
 * the workbook equal to what `tariff simulate` writes for the same scenario, plus the chart data.
 */
const setup = scenarioStudio;

/** The same scenario as a file, through `tariff simulate` (its baseline the tariff in force, its proposal the form's edits): the workbook it writes. */
const cliWorkbookOf = async (form: ScenarioForm, args: string[] = []): Promise<ExcelJS.Workbook> => {
  const dir = mkdtempSync(join(tmpdir(), 'tariff-scn-cli-'));
  const { baseline: _b, proposal, ...sections } = form;
  writeFileSync(join(dir, 's.json'), JSON.stringify({ ...sections, baseline: {}, proposal: { edits: proposal.edits } }));
  const out: string[] = [];
  const code = await main(['simulate', join(dir, 's.json'), '--out', join(dir, 'cli.xlsx'), ...args, '--workers', '1', '--quiet'], {
    out: (s) => out.push(s),
    err: (s) => out.push(s),
  });
  expect(code, out.join('\n')).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'cli.xlsx'));
  return wb;
};

describe('scenarios API', () => {
  it('is migration 3 of the workspace', () => {
    const { ws } = setup();
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    expect(ws.db.prepare('SELECT version FROM schema_migrations WHERE version = 3').get()).toBeTruthy();
  });

  it('refuses a bad form with SCENARIO_INVALID naming each field, and saves nothing', async () => {
    const { call, dispatch, ws } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const bad = smallForm(c, {
      fleet: { ...smallForm(c).fleet, size: 0, courseMix: [{ course: 'NO-SUCH-COURSE', share: 1 }] },
      baseline: { tariffVersionId: 999, ruleVersionId: null, edits: [] },
    });
    const r = await dispatch('scenarios.run', { id: null, form: bad });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('SCENARIO_INVALID');
    expect(r.error.issues.map((i) => i.field)).toContain('/baseline/tariffVersionId');
    const second = await dispatch('scenarios.run', {
      id: null,
      form: smallForm(c, { fleet: { ...smallForm(c).fleet, size: 0, courseMix: [{ course: 'NO-SUCH-COURSE', share: 1 }] } }),
    });
    expect(!second.ok && second.error.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['/fleet/size']));
    const third = await dispatch('scenarios.save', { id: null, form: smallForm(c, { fleet: { ...smallForm(c).fleet, courseMix: [{ course: 'NO-SUCH-COURSE', share: 1 }] } }) });
    expect(!third.ok && third.error.issues.map((i) => [i.code, i.field])).toEqual([
      ['UNKNOWN_COURSE', '/fleet/courseMix/0/course'],
      ['UNKNOWN_COURSE', '/fleet/courseMix/0/course'],
    ]);
    const garbage = await dispatch('scenarios.run', { id: null, form: { name: 'x' } });
    expect(!garbage.ok && garbage.error.code).toBe('INVALID_ARGS');
    expect((ws.db.prepare('SELECT count(*) AS n FROM scenarios').get() as { n: number }).n).toBe(0);
  });

  it('a run of several simulations reports its stage: replications, then the sensitivity runs, all of them counted; a run of one has none', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const plain = await finish(call, (await call<{ runId: string }>('scenarios.run', { id: null, form: smallForm(c) })).runId);
    expect(plain.stage).toBeUndefined();
    const form = smallForm(c, { name: 'bands and tornado', replications: 2, sensitivity: {} });
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form });
    const p = await finish(call, runId);
    expect(p.state).toBe('done');
    const got = await call<{ result: RunView }>('scenarios.get', { id: scenario.id });
    const assumptions = got.result.sensitivity!.rows.length;
    expect(assumptions).toBeGreaterThan(0);
    expect(p.stage).toEqual({
      phase: 'sensitivity',
      step: assumptions,
      of: assumptions,
      runsDone: 2 + 2 * assumptions,
      runs: 2 + 2 * assumptions,
      workDone: p.stage!.work,
      work: p.stage!.work,
    });
    // No fleet size moved: every run weighs the form's contracts × months.
    expect(p.stage!.work).toBe((2 + 2 * assumptions) * form.fleet!.size * form.horizon!.months);
    // The tornado says how far each assumption moved: ±20 % by default, from its value in the form.
    expect(got.result.sensitivity!.relative).toBe(0.2);
    const hazard = got.result.sensitivity!.rows.find((r) => r.pointer === '/cancellation/monthlyHazard')!;
    expect(hazard.base).toEqual([form.cancellation!.monthlyHazard]);
    expect(hazard.down[0]).toBeCloseTo(form.cancellation!.monthlyHazard * 0.8, 12);
    expect(hazard.up[0]).toBeCloseTo(form.cancellation!.monthlyHazard * 1.2, 12);
  });

  it('shows the notes of a run the page must not hide: a fleet started before the first tariff version', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const form = smallForm(c, { fleet: { ...smallForm(c).fleet, size: 20, startDates: { from: '2023-01-01', to: '2024-06-30' } } });
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form });
    expect((await finish(call, runId)).state).toBe('done');
    const { result } = await call<{ result: RunView }>('scenarios.get', { id: scenario.id });
    expect(result.meta.notes).toEqual([{ pointer: '/fleet/startDates/from', message: expect.stringContaining('before the first tariff version (2023-09-19)') }]);
  });

  it('runs a form in worker threads to the end, saves it with its result, and shows the figures', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form: smallForm(c) });
    const p = await finish(call, runId);
    expect(p).toMatchObject({ state: 'done', contractsDone: 120, contracts: 120, error: null });
    const got = await call<{ summary: ScenarioSummary; result: import('../../src/studio/api/contract.js').RunView }>('scenarios.get', { id: scenario.id });
    const v = got.result;
    expect(v.byMonth.map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']);
    const net = v.summary.find((s) => s.key === 'netExTax')!;
    // The charts' figures add up to the summary's.
    expect(v.byMonth.reduce((a, m) => a + m.baseline, 0)).toBe(net.baseline);
    expect(v.byMonth.reduce((a, m) => a + m.proposal, 0)).toBe(net.proposal);
    expect(v.byCourse.reduce((a, m) => a + m.difference, 0)).toBe(net.difference);
    const fees = v.summary.find((s) => s.key === 'monthlyFees')!;
    expect(fees.difference).toBeLessThan(0);
    expect(v.meta.notes).toBeUndefined();
    expect(got.summary.last).toMatchObject({ difference: net.difference, stale: false, fleetSize: 120 });
    // A changed form makes the last result stale until it is run again.
    const saved = await call<ScenarioSummary>('scenarios.save', { id: scenario.id, form: smallForm(c, { seed: 7 }) });
    expect(saved.revision).toBe(2);
    expect(saved.last?.stale).toBe(true);
  });

  it('re-prices a price-only proposal edit on the kept run, equal to a full run; anything else needs a full run', async () => {
    const { call, dispatch } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const form = smallForm(c, { fleet: { ...smallForm(c).fleet, size: 200 } });
    const first = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form });
    expect((await finish(call, first.runId)).state).toBe('done');
    const id = first.scenario.id;
    const cut = (change: number): ScenarioForm => ({
      ...form,
      proposal: { ...form.proposal, edits: [{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change }] },
    });
    const fast = await call<RepriceAnswer>('scenarios.reprice', { id, form: cut(-1200) });
    expect(fast.mode).toBe('repriced');
    // Nothing saved by a re-price: the scenario is still at its first revision.
    expect((await call<{ summary: ScenarioSummary }>('scenarios.get', { id })).summary.revision).toBe(1);
    const full = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id, form: cut(-1200), revision: 1 });
    expect((await finish(call, full.runId)).state).toBe('done');
    const ran = (await call<{ result: RunView }>('scenarios.get', { id })).result;
    const figures = (v: RunView) => ({ summary: v.summary, byMonth: v.byMonth, byCourse: v.byCourse, byItem: v.byItem, overTime: v.overTime });
    expect(figures(fast.result!)).toEqual(figures(ran));
    expect(fast.result!.summary.find((x) => x.key === 'monthlyFees')!.difference).toBeLessThan(0);
    // The kept run is now the -1200 one: a price back to -500 re-prices from it too.
    expect((await call<RepriceAnswer>('scenarios.reprice', { id, form: cut(-500) })).mode).toBe('repriced');
    // Not a price: a rule parameter, a changed hazard, a price response.
    const notPrice: ScenarioForm[] = [
      { ...cut(-500), proposal: { ...form.proposal, edits: [{ edit: 'rule-parameter', decision: 'outageWaiver', parameter: 'minimumConsecutiveHours', value: 12 }] } },
      { ...cut(-500), seed: 99 },
      { ...cut(-500), response: { cancellation: { elasticity: 1.5 } } },
    ];
    for (const f of notPrice) {
      const a = await call<RepriceAnswer>('scenarios.reprice', { id, form: f });
      expect(a).toMatchObject({ mode: 'run-needed', result: null });
      expect(a.reason).not.toBe('');
    }
    // A scenario never run has nothing kept; an unknown one is refused; a bad form is refused with its field.
    const other = await call<ScenarioSummary>('scenarios.save', { id: null, form });
    expect((await call<RepriceAnswer>('scenarios.reprice', { id: other.id, form: cut(-500) })).mode).toBe('run-needed');
    const unknown = await dispatch('scenarios.reprice', { id: 9999, form });
    expect(!unknown.ok && unknown.error.code).toBe('SCENARIO_NOT_FOUND');
    const bad = await dispatch('scenarios.reprice', { id, form: { ...form, fleet: { ...form.fleet, size: -1 } } });
    expect(!bad.ok && bad.error.code).toBe('SCENARIO_INVALID');
  });

  it('cancels a run: its workers stop, nothing is saved, and the next run may start', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const big = smallForm(c, { horizon: { start: '2025-04', months: 60 }, fleet: { ...smallForm(c).fleet, size: 200_000 } });
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form: big });
    const busy = await createDispatcher({ ...studioHandlers({ ws: freshWorkspace(), createdNow: true, today: () => TODAY }) })('scenarios.progress', { runId });
    expect(!busy.ok && busy.error.code).toBe('RUN_NOT_FOUND');
    for (;;) {
      const p = await call<RunProgress>('scenarios.progress', { runId });
      if (p.contractsDone > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const refused = async (args: unknown): Promise<string> => {
      try {
        await call('scenarios.run', args);
        return 'started';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    type Saved = { summary: ScenarioSummary; form: { name: string } };
    const before = await call<Saved>('scenarios.get', { id: scenario.id });
    const listed = (await call<{ scenarios: unknown[] }>('scenarios.list', {})).scenarios.length;
    expect(await refused({ id: scenario.id, form: big })).toBe('RUN_IN_PROGRESS');
    // A refused run saves nothing: not the changed form of this scenario, not a new one.
    expect(await refused({ id: scenario.id, form: { ...big, name: 'renamed while busy' } })).toBe('RUN_IN_PROGRESS');
    expect(await refused({ id: null, form: { ...big, name: 'new while busy' } })).toBe('RUN_IN_PROGRESS');
    expect(await call<Saved>('scenarios.get', { id: scenario.id })).toEqual(before);
    expect((await call<{ scenarios: unknown[] }>('scenarios.list', {})).scenarios).toHaveLength(listed);
    const cancelled = await call<RunProgress>('scenarios.cancel', { runId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.contractsDone).toBeLessThan(cancelled.contracts);
    // No progress after the cancel: the workers were terminated.
    const later = await new Promise<RunProgress>((r) => setTimeout(() => void call<RunProgress>('scenarios.progress', { runId }).then(r), 300));
    expect(later.contractsDone).toBe(cancelled.contractsDone);
    expect((await call<{ result: unknown }>('scenarios.get', { id: scenario.id })).result).toBeNull();
    const again = await call<{ runId: string }>('scenarios.run', { id: scenario.id, form: smallForm(c) });
    expect((await finish(call, again.runId)).state).toBe('done');
  });

  it('compares a draft with the approved version of the same date', async () => {
    const { call, ws } = setup();
    const approved = listTariffVersions(ws).find((v) => v.status === 'approved')!;
    const draft = createTariffDraft(ws, { from: approved.id, effective: approved.effective, title: 'same-date draft' });
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    expect(c.tariffs.map((t) => t.id)).toContain(draft.id);
    const form = smallForm(c, {
      baseline: { tariffVersionId: approved.id, ruleVersionId: null, edits: [] },
      proposal: { tariffVersionId: draft.id, ruleVersionId: null, edits: [] },
    });
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form });
    await finish(call, runId);
    const got = await call<{ result: import('../../src/studio/api/contract.js').RunView }>('scenarios.get', { id: scenario.id });
    expect(got.result.meta.sides.map((s) => s.tariffsStatus)).toEqual(['approved', 'draft']);
    // An unchanged draft answers as its version does.
    expect(got.result.summary.every((s) => s.difference === 0)).toBe(true);
  });

  it('exports the workbook `tariff simulate` writes for the same scenario, plus the chart data', async () => {
    const { call, ws } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const form = smallForm(c, { baseline: { tariffVersionId: null, ruleVersionId: null, edits: [] } });
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form });
    await finish(call, runId);
    const file = await call<{ fileName: string; contentBase64: string }>('scenarios.export', { id: scenario.id });
    expect(file.fileName).toBe(`scenario-${scenario.id}-M2035-3年-−500円.xlsx`);
    // Renamed after the run: the workbook still holds that run, and keeps its name.
    await call<ScenarioSummary>('scenarios.save', { id: scenario.id, form: { ...form, name: 'renamed after the run' } });
    expect((await call<{ fileName: string }>('scenarios.export', { id: scenario.id })).fileName).toBe(file.fileName);
    const studioWb = await workbookOf(file.contentBase64);
    // The same scenario as a file, through the CLI.
    const cliWb = await cliWorkbookOf(form);
    expect(studioWb.worksheets.map((w) => w.name)).toEqual([...cliWb.worksheets.map((w) => w.name), 'Chart data']);
    for (const name of ['Summary', 'By month', 'By course', 'By item', 'Events']) expect(values(studioWb.getWorksheet(name)!), name).toEqual(values(cliWb.getWorksheet(name)!));
    // Assumptions: the same, but for when, where from and with how many workers it ran.
    // The scenario JSON is the form's (an empty edit list written as such), the same scenario as the file's.
    const volatile = /^(generated at|scenario file|scenario JSON|node|workers)$/u;
    const keep = (w: ExcelJS.Worksheet) => values(w).filter((r) => !volatile.test(String(r[1])));
    expect(keep(studioWb.getWorksheet('Assumptions')!)).toEqual(keep(cliWb.getWorksheet('Assumptions')!));
    const chart = values(studioWb.getWorksheet('Chart data')!);
    const got = await call<{ result: import('../../src/studio/api/contract.js').RunView }>('scenarios.get', { id: scenario.id });
    const revenue = chart.filter((r) => String(r[1]).startsWith('revenue-by-month')).map((r) => [r[2], r[5], r[6]]);
    expect(revenue).toEqual(got.result.byMonth.map((m) => [m.month, m.baseline, m.proposal]));
    void ws;
  });

  it('exports the bands and the tornado the page shows (Bands, Replications, Sensitivity), as `tariff simulate --replications N --sensitivity` writes them', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    // A finance what-if: ranges (replications, the tornado) and the customers' response to the price.
    const form = smallForm(c, {
      name: 'bands, tornado and response',
      replications: 2,
      sensitivity: {},
      response: { cancellation: { elasticity: 2 }, choice: { elasticity: -1.5, bySeries: { M2035: -3 } } },
      baseline: { tariffVersionId: null, ruleVersionId: null, edits: [] },
    });
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form });
    expect((await finish(call, runId)).state).toBe('done');
    const file = await call<{ contentBase64: string }>('scenarios.export', { id: scenario.id });
    const studioWb = await workbookOf(file.contentBase64);
    const cliWb = await cliWorkbookOf(form, ['--sensitivity']);
    expect(cliWb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Bands', 'Replications', 'Sensitivity']));
    expect(studioWb.worksheets.map((w) => w.name)).toEqual([...cliWb.worksheets.map((w) => w.name), 'Chart data']);
    for (const name of ['Summary', 'Bands', 'Replications', 'Sensitivity']) expect(values(studioWb.getWorksheet(name)!), name).toEqual(values(cliWb.getWorksheet(name)!));
    // The figures the page shows are the workbook's: the band of the net revenue difference, the tornado's rows.
    const got = await call<{ result: RunView }>('scenarios.get', { id: scenario.id });
    const net = got.result.bands!.summary.find((b) => b.key === 'netExTax')!;
    const bandRow = values(studioWb.getWorksheet('Bands')!).find((r) => r[1] === 'netExTax' && !r[3] && String(r[4]).startsWith('difference'))!;
    expect([bandRow[5], bandRow[7]].map((v) => Number(String(v).split('=')[1]))).toEqual([net.difference.p5, net.difference.p95]);
    const tornado = values(studioWb.getWorksheet('Sensitivity')!)
      .slice(2)
      .map((r) => r[2]);
    expect(tornado).toEqual(got.result.sensitivity!.rows.map((r) => r.pointer));
    expect(tornado).toContain('/response/cancellation/elasticity');
  });

  it('the scenario JSON of the export (its Assumptions sheet), run by `tariff simulate` with no flag, gives the same figures, the tornado included; the list gives the median of its replications', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    // Finance's what-if: SHORT +10% with the customers' response, bands and the 感応度 box ticked.
    const form = smallForm(c, {
      name: 'SHORT +10%',
      replications: 2,
      sensitivity: {},
      fleet: {
        ...smallForm(c).fleet,
        courseMix: [
          { course: 'SHORT', share: 1 },
          { course: 'LONG', share: 2 },
        ],
      },
      response: { cancellation: { elasticity: 1.5 }, choice: { elasticity: -2 } },
      proposal: { tariffVersionId: null, ruleVersionId: null, edits: [{ edit: 'course-fee', match: { series: 'legacy', courses: ['SHORT'] }, change: 2400 }] },
    });
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form });
    expect((await finish(call, runId)).state).toBe('done');
    const studioWb = await workbookOf((await call<{ contentBase64: string }>('scenarios.export', { id: scenario.id })).contentBase64);
    const json = values(studioWb.getWorksheet('Assumptions')!).find((r) => r[1] === 'scenario JSON')![2] as string;
    const dir = mkdtempSync(join(tmpdir(), 'tariff-scn-json-'));
    writeFileSync(join(dir, 'exported.json'), json);
    const out: string[] = [];
    const code = await main(['simulate', join(dir, 'exported.json'), '--out', join(dir, 'cli.xlsx'), '--workers', '1', '--quiet'], {
      out: (x) => out.push(x),
      err: (x) => out.push(x),
    });
    expect(code, out.join('\n')).toBe(0);
    const cliWb = new ExcelJS.Workbook();
    await cliWb.xlsx.readFile(join(dir, 'cli.xlsx'));
    expect(cliWb.worksheets.map((w) => w.name)).toEqual(['Summary', 'By month', 'By course', 'By item', 'Events', 'Assumptions', 'Bands', 'Replications', 'Sensitivity']);
    for (const name of ['Summary', 'By month', 'By course', 'Bands', 'Replications', 'Sensitivity'])
      expect(values(cliWb.getWorksheet(name)!), name).toEqual(values(studioWb.getWorksheet(name)!));
    // The list gives the median of the replications' net revenue difference beside the one run of the seed.
    const got = await call<{ result: RunView }>('scenarios.get', { id: scenario.id });
    const listed = (await call<{ scenarios: ScenarioSummary[] }>('scenarios.list', {})).scenarios.find((x) => x.id === scenario.id)!;
    expect(listed.last).toMatchObject({ replications: 2, medianDifference: got.result.bands!.summary.find((b) => b.key === 'netExTax')!.difference.p50 });
  });

  it('lists, deletes and refuses to export a scenario never run', async () => {
    const { call, dispatch } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const s = await call<ScenarioSummary>('scenarios.save', { id: null, form: smallForm(c) });
    expect((await call<{ scenarios: ScenarioSummary[] }>('scenarios.list', {})).scenarios.map((x) => x.name)).toEqual(['M2035 3年 −500円']);
    const r = await dispatch('scenarios.export', { id: s.id });
    expect(!r.ok && r.error.code).toBe('SCENARIO_NOT_RUN');
    await call('scenarios.delete', { id: s.id });
    const gone = await dispatch('scenarios.get', { id: s.id });
    expect(!gone.ok && gone.error.code).toBe('SCENARIO_NOT_FOUND');
  });
});
