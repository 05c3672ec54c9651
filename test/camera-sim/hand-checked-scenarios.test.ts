import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { assumptionRows, contentSha256 } from '../../src/camera-sim/assumptions.js';
import { bandSheets, percentile, runReplications } from '../../src/camera-sim/replications.js';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { buildViews } from '../../src/camera-sim/views.js';
import { projectRegistry } from './support.js';

/**
 * Three small scenarios a finance analyst would check by hand (docs/scenarios.md § Checked by
 * hand). The figures below were computed outside the simulator: from each contract's start date,
 * course, free months and end date (its register), the fees of tariffs/2023-09-19/courses.json and
 * initial-fees.json (the proposal's +300 or −500 yen, the old fee for a contract kept under the
 * 附則), tax as floor(10 %) of each month's bill, and the settlement asked of the engine's `decide`
 * with `paid` = the fees billed from the start month to the end month. The bands are PERCENTILE.INC
 * of five separate runs of the scenario, one on each replication's seed, worked out in decimals.
 */
const registry = projectRegistry();
const resolve = (s: Scenario) => resolveScenario(s, 'hand.json', registry);

/** 36 contracts started in 2024 on two 3-year courses; M2035 3年 −500 yen; cancellations respond to price (elasticity 2). */
const response = (): Scenario => ({
  name: 'hand 1',
  seed: 11,
  horizon: { start: '2025-04', months: 12 },
  fleet: {
    size: 36,
    courseMix: [
      { course: 'M2035N-3Y-C7-SN', share: 2 },
      { course: 'M5525N-3Y-C7-SN', share: 1 },
    ],
    startDates: { from: '2024-01-01', to: '2024-12-31' },
  },
  cancellation: { monthlyHazard: 0.05, noticeDays: { min: 30, max: 30 } },
  baseline: {},
  proposal: { edits: [{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: -500 }] },
  response: { cancellation: { elasticity: 2 } },
});

/** 30 contracts, half started before the horizon; M2035 3年 +300 yen, existing contracts keep their price under a 附則; half take 2 free months. */
const grandfathered = (): Scenario => ({
  name: 'hand 2',
  seed: 5,
  horizon: { start: '2025-04', months: 12 },
  fleet: {
    size: 30,
    courseMix: [
      { course: 'M2035N-3Y-C7-SN', share: 1 },
      { course: 'LONG', share: 1 },
    ],
    startDates: { from: '2024-10-01', to: '2025-09-30' },
    freeMonths: [
      { months: 0, share: 1 },
      { months: 2, share: 1 },
    ],
  },
  cancellation: { monthlyHazard: 0.04, noticeDays: { min: 10, max: 40 } },
  baseline: {},
  proposal: {
    edits: [
      { edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: 300 },
      { edit: 'existing-contracts', policy: 'keep-price', clause: '附則第2項（案）' },
    ],
  },
});

const figures = (v: ReturnType<typeof buildViews>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, (({ baseline, proposal, difference }) => [baseline, proposal, difference])(v.summary.find((x) => x.key === k)!)]));

describe('small scenarios checked by hand', () => {
  it('a price cut with a cancellation response: fees, settlements, tax, counts', async () => {
    const v = buildViews(await runSimulation(resolve(response()), { workers: 0 }));
    expect(figures(v, ['monthlyFees', 'settlements', 'netExTax', 'tax', 'contracts', 'contractMonths', 'cancellations', 'settlementsDue'])).toEqual({
      monthlyFees: [1_643_300, 1_508_800, -134_500],
      settlements: [316_300, 330_300, 14_000],
      netExTax: [1_959_600, 1_839_100, -120_500],
      tax: [195_960, 183_910, -12_050],
      contracts: [36, 36, 0],
      contractMonths: [360, 360, 0],
      cancellations: [14, 13, -1],
      settlementsDue: [14, 13, -1],
    });
  });

  it('grandfathering under a 附則: existing contracts keep the old fee; contract-months count free months, which bill nothing', async () => {
    const r = await runSimulation(resolve(grandfathered()), { workers: 0 });
    const v = buildViews(r);
    expect(figures(v, ['monthlyFees', 'initialFees', 'settlements', 'netExTax', 'tax', 'contracts', 'newContracts', 'contractMonths', 'cancellations', 'settlementsDue'])).toEqual({
      monthlyFees: [2_892_560, 2_898_260, 5_700],
      initialFees: [90_500, 90_500, 0],
      settlements: [123_160, 122_860, -300],
      netExTax: [3_106_220, 3_111_620, 5_400],
      tax: [310_622, 311_162, 540],
      contracts: [30, 30, 0],
      newContracts: [13, 13, 0],
      contractMonths: [307, 307, 0],
      cancellations: [8, 8, 0],
      settlementsDue: [4, 4, 0],
    });
    // 307 contract-months in force, of which 7 free (第7条): 300 monthly fees billed.
    const billed = r.baseline.amounts.filter((a) => a.item === 'monthly-fee').reduce((n, a) => n + a.rows, 0);
    expect(billed).toBe(300);
    expect(v.summary.find((x) => x.key === 'contractMonths')!.label).toBe('契約月数（無料月込） Contract-months incl. free');
  });

  it('bands over 5 replications: PERCENTILE.INC of the five paired runs, exact to the yen', async () => {
    const { bands } = await runReplications(resolve(response()), 5, { workers: 0 });
    const row = (k: string) => bands!.summary.find((x) => x.key === k)!;
    // Net ex tax difference of the five runs: −120,500, −80,480, −111,140, −81,680, −43,900.
    expect(row('netExTax').difference).toEqual({ p5: -118_628, p50: -81_680, p95: -51_216, mean: -87_540 });
    // 10,500 exactly (floating point interpolation gave 10499.999999999996).
    expect(row('settlements').difference.p95).toBe(10_500);
    expect(row('totalInclTax').difference.p95).toBe(-56_337.6);
    expect(row('settlementsDue').difference.p95).toBe(-1.2);
    expect(percentile([0, 1], 0.95)).toBe(0.95);
    expect(percentile([-80_480, -43_900], 0.8)).toBe(-51_216);
  });

  it('the Bands sheet labels each figure and formats counts as counts, not yen', async () => {
    const { bands } = await runReplications(resolve(response()), 3, { workers: 0 });
    const [sheet, reps] = bandSheets(bands!);
    expect(sheet!.columns.map((c) => c.header).slice(0, 4)).toEqual(['Figure', '項目 Label', 'Month 月', 'Side 区分']);
    const i = sheet!.rows.findIndex((r) => r[0] === 'contracts');
    expect(sheet!.rows[i]!.slice(1, 4)).toEqual(['契約数 Contracts in the horizon', '', 'baseline 現行']);
    expect(sheet!.rowKinds![i]).toBe('count');
    expect(sheet!.rowKinds![sheet!.rows.findIndex((r) => r[0] === 'netExTax')]).toBe('yen');
    // The formulas read the replications' columns, which start at E now that the label is in B.
    expect((sheet!.rows[i]![4] as { formula: string }).formula).toBe(`PERCENTILE.INC(Replications!E${i + 2}:G${i + 2},0.05)`);
    expect(reps!.rows[i]!.slice(0, 5)).toEqual(['contracts', '契約数 Contracts in the horizon', '', 'baseline 現行', 36]);
  });

  it('the workbook of tariff simulate --replications --sensitivity, as finance opens it (exceljs, and LibreOffice CSV as shown)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hand-wb-'));
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ ...response(), sensitivity: { assumptions: [{ pointer: '/cancellation/monthlyHazard', down: 0.04, up: 0.06 }] } }));
    const code = await main(['simulate', file, '--out', join(dir, 'r.xlsx'), '--workers', '0', '--quiet', '--replications', '3', '--sensitivity'], {
      out: () => undefined,
      err: () => undefined,
    });
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    const bandsWs = wb.getWorksheet('Bands')!;
    const rowOf = (ws: ExcelJS.Worksheet, key: string, side: string) => {
      let n = 0;
      ws.eachRow((r, i) => {
        if (!n && r.getCell(1).text === key && r.getCell(4).text.startsWith(side)) n = i;
      });
      return ws.getRow(n);
    };
    expect(rowOf(bandsWs, 'contracts', 'baseline').getCell(5).numFmt).toBe('#,##0.0');
    expect(rowOf(bandsWs, 'netExTax', 'baseline').getCell(5).numFmt).toContain('¥');
    // Japanese labels take full-width parentheses (house style), English ones half-width.
    expect(rowOf(bandsWs, 'contractMonths', 'baseline').getCell(2).text).toBe('契約月数（無料月込） Contract-months incl. free');
    expect((wb.getWorksheet('Sensitivity')!.getRow(1).values as unknown[]).slice(6, 10)).toEqual([
      'Difference, down 差額（下）',
      'Difference, up 差額（上）',
      'Effect down 影響（下）',
      'Effect up 影響（上）',
    ]);
    const sens = wb.getWorksheet('Sensitivity')!.getRow(3);
    expect([sens.getCell(3).value, sens.getCell(4).value, sens.getCell(5).value]).toEqual([0.05, 0.04, 0.06]);
    // What produced it, to defend a figure later: the content of each side's versions by sha256
    // (the baseline's is the tariff on disk; the proposal's is the edited copy), and the scenario itself.
    const about = new Map<string, unknown>();
    wb.getWorksheet('Assumptions')!.eachRow((r) => about.set(r.getCell(1).text, r.getCell(2).value));
    expect(about.get('baseline tariffs sha256')).toBe(contentSha256(registry.tariffVersions[0]));
    expect(about.get('baseline rules sha256')).toBe(contentSha256(registry.ruleVersions[0]));
    expect(about.get('proposal tariffs sha256')).toMatch(/^[0-9a-f]{64}$/u);
    expect(about.get('proposal tariffs sha256')).not.toBe(about.get('baseline tariffs sha256'));
    expect(JSON.parse(String(about.get('scenario JSON')))).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(about.get('replications')).toBe(3);
    expect(about.get('generated at')).toBeInstanceOf(Date);
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', dir, join(dir, 'r.xlsx')], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    const csv = (sheet: string) => readFileSync(join(dir, `r-${sheet}.csv`), 'utf8').split(/\r?\n/u);
    // LibreOffice shows the count as a count (36.0), never ¥36, and the moved values as numbers.
    expect(csv('Bands').find((l) => l.startsWith('contracts,'))).toBe('contracts,契約数 Contracts in the horizon,,baseline 現行,36.0,36.0,36.0,36.0');
    expect(csv('Sensitivity')[2]).toMatch(/^解約ハザード Cancellation hazard,\/cancellation\/monthlyHazard,0\.05,0\.04,0\.06,/u);
  });

  it('a date before the first version: a horizon is refused with what to do; a fleet started before it runs, with a note', async () => {
    const early = response();
    early.horizon.start = '2019-01';
    let refused: unknown;
    try {
      resolve(early);
    } catch (e) {
      refused = e;
    }
    expect((refused as { errors: { pointer: string; message: string }[] }).errors[0]).toMatchObject({
      pointer: '/baseline/rules',
      message: expect.stringContaining('the first takes effect on 2023-09-19. Start the horizon on or after 2023-09 (horizon.start)'),
    });
    const old = response();
    old.fleet.startDates = { from: '2010-01-01', to: '2012-12-31' };
    const rs = resolve(old);
    expect(rs.notes).toEqual([
      expect.objectContaining({ pointer: '/fleet/startDates/from', code: 'SCENARIO_NOTE', message: expect.stringContaining('before the first tariff version (2023-09-19)') }),
    ]);
    const rows = assumptionRows(rs.scenario, await runSimulation(rs, { workers: 0 }), { workers: 0, generatedAt: '2026-11-30T00:00:00.000Z', node: 'v20' }, rs);
    expect(rows.find(([k]) => k === 'note /fleet/startDates/from')?.[1]).toContain('start the fleet on or after 2023-09-19');
    expect(resolve(response()).notes).toBeUndefined();
  });
});
