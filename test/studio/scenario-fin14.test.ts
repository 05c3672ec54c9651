import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assumptionsOf } from '../../src/camera-sim/sensitivity.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { main } from '../../src/cli/main.js';
import type { RepriceAnswer, RunView, ScenarioChoices, ScenarioForm, ScenarioSummary, SideEditLines } from '../../src/studio/api/contract.js';
import { scenarioStudio } from './helpers.js';
import { finish, smallForm, values, workbookOf } from './scenario-helpers.js';

/**
 * Finance's leftovers (fin14): the fleet size as a row of the tornado, from the form, with the
 * numbers `tariff simulate` gives for the same scenario; a course fee changed by percent, floored
 * to the yen, stored as a percent (the scenario JSON of the export, the CLI's file, the sentences).
 */

/** `tariff simulate FILE --out OUT` on a scenario file written from `scenario`; the exit code must be 0. */
const simulate = async (scenario: unknown, out: string, args: string[] = []): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'tariff-fin14-'));
  writeFileSync(join(dir, 's.json'), typeof scenario === 'string' ? scenario : JSON.stringify(scenario));
  const lines: string[] = [];
  const code = await main(['simulate', join(dir, 's.json'), '--out', join(dir, out), ...args, '--workers', '1', '--quiet'], {
    out: (s) => lines.push(s),
    err: (s) => lines.push(s),
  });
  expect(code, lines.join('\n')).toBe(0);
  return join(dir, out);
};

/** The scenario JSON of an exported workbook (its Assumptions sheet). */
const scenarioJsonOf = (wb: ExcelJS.Workbook): string => values(wb.getWorksheet('Assumptions')!).find((r) => r[1] === 'scenario JSON')![2] as string;

describe('the fleet size in the tornado', () => {
  it('is a row beside every default assumption, with the figures tariff simulate gives for the same scenario (the exported JSON), in the workbook’s Sensitivity sheet', async () => {
    const { call } = scenarioStudio();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    // The form's 感応度 box with 契約数も動かす: 96 and 144 contracts (±20 % of 120).
    const form = smallForm(c, { name: 'fleet tornado', sensitivity: { defaults: true, assumptions: [{ pointer: '/fleet/size', down: 96, up: 144 }] } });
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form });
    const done = await finish(call, runId);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const got = await call<{ result: RunView }>('scenarios.get', { id: scenario.id });
    const rows = got.result.sensitivity!.rows;
    const row = rows.find((r) => r.pointer === '/fleet/size')!;
    const base = got.result.sensitivity!.baseDifference;
    const fleet = { ...row, differenceDown: base + row.effectDown, differenceUp: base + row.effectUp };
    expect(fleet).toMatchObject({ label: '契約数 Fleet size', base: [120], down: [96], up: [144] });
    // Every default assumption is there too, as the box alone moves them.
    const defaults = assumptionsOf({ ...(form as unknown as Scenario), sensitivity: {} }).map((a) => a.pointer);
    expect(defaults).toContain('/cancellation/monthlyHazard');
    expect(rows.map((r) => r.pointer).sort()).toEqual([...defaults, '/fleet/size'].sort());

    // The workbook's Sensitivity sheet has the row; the exported scenario JSON, run by tariff simulate with no flag, gives the same sheet.
    const studioWb = await workbookOf((await call<{ contentBase64: string }>('scenarios.export', { id: scenario.id })).contentBase64);
    const json = scenarioJsonOf(studioWb);
    expect(JSON.parse(json).sensitivity).toEqual({ defaults: true, assumptions: [{ pointer: '/fleet/size', down: 96, up: 144 }] });
    const cliWb = new ExcelJS.Workbook();
    await cliWb.xlsx.readFile(await simulate(json, 'cli.xlsx'));
    const studioSheet = values(studioWb.getWorksheet('Sensitivity')!);
    expect(values(cliWb.getWorksheet('Sensitivity')!)).toEqual(studioSheet);
    const sheetRow = studioSheet.find((r) => r[2] === '/fleet/size')!;
    expect(sheetRow.slice(1, 8)).toEqual(['契約数 Fleet size', '/fleet/size', 120, 96, 144, fleet.differenceDown, fleet.differenceUp]);

    // The row's differences are those of the scenario run at 96 and at 144 contracts (same seed, no tornado).
    for (const [size, difference] of [
      [96, fleet.differenceDown],
      [144, fleet.differenceUp],
    ] as const) {
      const moved = { ...JSON.parse(json), fleet: { ...JSON.parse(json).fleet, size } };
      delete moved.sensitivity;
      const answer = JSON.parse(readFileSync(await simulate(moved, 'moved.json'), 'utf8')) as { views: { summary: { key: string; difference: number }[] } };
      expect(answer.views.summary.find((x) => x.key === 'netExTax')!.difference, `${size} contracts`).toBe(difference);
    }
  });

  it('a fleet size the schema refuses is named at its field (/sensitivity/assumptions/0/down), nothing run', async () => {
    const { dispatch, call } = scenarioStudio();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const r = await dispatch('scenarios.run', { id: null, form: smallForm(c, { sensitivity: { defaults: true, assumptions: [{ pointer: '/fleet/size', down: 0, up: 144 }] } }) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('SCENARIO_INVALID');
    expect(r.error.issues.map((i) => i.field)).toEqual(['/sensitivity/assumptions/0/down']);
    expect(r.error.issues[0]!.message).toContain('/fleet/size: must be >= 1');
  });
});

describe('a course fee changed by percent', () => {
  it('is floored to the yen course by course (第29条), shown from → to before the run, and runs as the same fees set in yen', async () => {
    const { call } = scenarioStudio();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const m2035 = c.courses.filter((x) => x.series === 'M2035' && x.termMonths === 36);
    const floored = (fee: number) => Math.floor((fee * 107) / 100);
    // At +7 % some fee has a fraction of a yen, which is dropped.
    expect(m2035.some((x) => (x.monthlyFee * 107) % 100 !== 0)).toBe(true);
    const percentEdit = { edit: 'course-fee' as const, match: { series: 'M2035' as const, termMonths: 36 }, changePercent: 7 };
    const form = smallForm(c, { name: 'M2035 3年 +7%', proposal: { tariffVersionId: null, ruleVersionId: null, edits: [percentEdit] } });
    const lines = await call<SideEditLines>('scenarios.describeEdits', { form });
    expect(lines.proposal[0]!.problem).toBeNull();
    expect(lines.proposal[0]!.percent).toBe(7);
    expect(lines.proposal[0]!.changes.map((x) => [x.subject, x.from, x.to])).toEqual(m2035.map((x) => [x.code, x.monthlyFee, floored(x.monthlyFee)]));

    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form });
    expect((await finish(call, runId)).state).toBe('done');
    const bySet = smallForm(c, {
      name: 'M2035 3年 set',
      proposal: {
        tariffVersionId: null,
        ruleVersionId: null,
        edits: m2035.map((x) => ({ edit: 'course-fee' as const, match: { courses: [x.code] }, set: floored(x.monthlyFee) })),
      },
    });
    const second = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form: bySet });
    expect((await finish(call, second.runId)).state).toBe('done');
    const [a, b] = await Promise.all([scenario.id, second.scenario.id].map((id) => call<{ result: RunView; form: ScenarioForm }>('scenarios.get', { id })));
    expect(a!.result.summary).toEqual(b!.result.summary);
    expect(a!.result.summary.find((s) => s.key === 'netExTax')!.difference).not.toBe(0);

    // Typed over after the run (+9 %), it re-prices the kept events at once, to a full run's figures, the line saying its percent.
    const nine = { ...form, proposal: { ...form.proposal, edits: [{ ...percentEdit, changePercent: 9 }] } };
    const fast = await call<RepriceAnswer>('scenarios.reprice', { id: scenario.id, form: nine });
    expect(fast.mode, fast.reason).toBe('repriced');
    expect(fast.result!.meta.sides[1]!.lines![0]!.percent).toBe(9);
    const full = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form: { ...nine, name: 'M2035 3年 +9%' } });
    expect((await finish(call, full.runId)).state).toBe('done');
    const nineRun = await call<{ result: RunView }>('scenarios.get', { id: full.scenario.id });
    expect(fast.result!.summary).toEqual(nineRun.result.summary);

    // Stored as a percent: the saved form, the run's words, the list's name, the file name, the scenario JSON the CLI reads.
    expect(a!.form.proposal.edits).toEqual([percentEdit]);
    expect(a!.result.meta.sides[1]!.lines![0]!.percent).toBe(7);
    expect(a!.result.meta.sides[1]!.edits).toEqual(['course fee changed by +7 % (floored to the yen) for {"series":"M2035","termMonths":36}']);
    const listed = (await call<{ scenarios: ScenarioSummary[] }>('scenarios.list', {})).scenarios.find((x) => x.id === scenario.id)!;
    expect(listed.name).toBe('M2035 3年 +7%');
    const file = await call<{ fileName: string; contentBase64: string }>('scenarios.export', { id: scenario.id });
    expect(file.fileName).toBe(`scenario-${scenario.id}-M2035-3年-+7%.xlsx`);
    const wb = await workbookOf(file.contentBase64);
    const json = scenarioJsonOf(wb);
    expect(JSON.parse(json).proposal.edits).toEqual([percentEdit]);
    const cliWb = new ExcelJS.Workbook();
    await cliWb.xlsx.readFile(await simulate(json, 'cli.xlsx'));
    expect(values(cliWb.getWorksheet('Summary')!)).toEqual(values(wb.getWorksheet('Summary')!));
    expect(values(cliWb.getWorksheet('Assumptions')!).find((r) => r[1] === 'proposal edit 1')![2]).toBe(
      'course fee changed by +7 % (floored to the yen) for {"series":"M2035","termMonths":36}',
    );
  });

  it('a cut keeps its sign and a fraction its point in the file name (−12.5% is not 12-5%)', async () => {
    const { scenarioFileName } = await import('../../src/studio/scenarios/scenario-export.js');
    expect(scenarioFileName(3, 'SHORT −12.5%')).toBe('scenario-3-SHORT-−12.5%.xlsx');
    expect(scenarioFileName(4, 'LONG +2.5% 1,000 契約')).toBe('scenario-4-LONG-+2.5%-1000-契約.xlsx');
    // A point that is not between digits is a separator still.
    expect(scenarioFileName(5, 'v.2 案.')).toBe('scenario-5-v-2-案.xlsx');
  });

  it('a percent no fee can take, or given with yen, is refused at its field', async () => {
    const { dispatch, call } = scenarioStudio();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const bad = async (edit: Record<string, unknown>) => {
      const r = await dispatch('scenarios.save', { id: null, form: smallForm(c, { proposal: { tariffVersionId: null, ruleVersionId: null, edits: [edit as never] } }) });
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.error.issues.map((i) => `${i.field} ${i.message}`);
    };
    expect(await bad({ edit: 'course-fee', match: { series: 'M2035' }, changePercent: -150 })).toEqual([
      '/proposal/edits/0/changePercent /proposal/edits/0/changePercent: must be >= -100',
    ]);
    expect(await bad({ edit: 'course-fee', match: { series: 'M2035' }, changePercent: 10, change: 100 })).toEqual([
      expect.stringMatching(/^\/proposal\/edits\/0 .*give exactly one of "set" \(the new monthly fee\), "change" \(yen added, negative for a cut\) or "changePercent"/u),
    ]);
  });
});
