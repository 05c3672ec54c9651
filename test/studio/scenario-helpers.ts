import ExcelJS from 'exceljs';
import type { RunProgress, ScenarioChoices, ScenarioForm } from '../../src/studio/api/contract.js';
import type { scenarioStudio } from './helpers.js';

/** Shared by the scenario API tests: a run polled to its end, a small form, and an exported workbook read back. */

/** Polls `scenarios.progress` until the run is no longer running. */
export const finish = async (call: ReturnType<typeof scenarioStudio>['call'], runId: string): Promise<RunProgress> => {
  for (;;) {
    const p = await call<RunProgress>('scenarios.progress', { runId });
    if (p.state !== 'running') return p;
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** The default form made small (120 contracts, 6 months) with one course-fee edit (M2035 3年 −500円). */
export const smallForm = (c: ScenarioChoices, patch: Partial<ScenarioForm> = {}): ScenarioForm => ({
  ...c.defaultForm,
  name: 'M2035 3年 −500円',
  horizon: { start: '2025-04', months: 6 },
  fleet: { ...c.defaultForm.fleet, size: 120, startDates: { from: '2024-10-01', to: '2025-06-30' } },
  proposal: { tariffVersionId: null, ruleVersionId: null, edits: [{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: -500 }] },
  ...patch,
});

/** A workbook the studio exported (scenarios.export's base64). */
export const workbookOf = async (contentBase64: string): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
};

/** A sheet's rows as values, a formula as `formula=result`. */
export const values = (w: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  const cell = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || !('formula' in v)) return v;
    const f = v as { formula: string; result?: unknown };
    return `${f.formula}=${String(f.result)}`;
  };
  w.eachRow((r) => rows.push((r.values as unknown[]).map(cell)));
  return rows;
};
