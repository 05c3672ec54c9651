import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XlsxExport } from '../../camera-sim/export-xlsx.js';
import { bandSheets } from '../../camera-sim/replications.js';
import { sensitivitySheet } from '../../camera-sim/sensitivity.js';
import { buildViews } from '../../camera-sim/views.js';
import { chartDataSheet } from './chart-data-sheet.js';
import { runView } from './run-view.js';
import type { StoredRun } from './stored-run.js';

/**
 * A stored run as the workbook `tariff simulate --out FILE.xlsx` writes (the simulator's own
 * XlsxExport: Summary, By month, By course, By item, Events, Assumptions; with replications Bands
 * and Replications, with a sensitivity section Sensitivity, as the page shows them), plus the
 * chart data sheet. exceljs's streaming writer writes a file; it is read back and removed.
 */
export async function scenarioWorkbook(run: StoredRun): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'tariff-scenario-'));
  try {
    const file = join(dir, 'scenario.xlsx');
    const x = new XlsxExport(file, false);
    const { bands, sensitivity } = run;
    const sheets = [...(bands?.values ? bandSheets({ ...bands, values: bands.values }) : []), ...(sensitivity ? [sensitivitySheet(sensitivity)] : []), chartDataSheet(runView(run))];
    await x.finish(run.result, buildViews(run.result), run.assumptions, sheets);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * scenario-7-M2035-cut.xlsx: the id, then the name's letters and digits (any script), with what
 * says the size of a change: its sign and percent (SHORT +10% → SHORT-+10%, M2035 −500円 →
 * M2035-−500円; the bare digits read a cut as a rise), a decimal point between digits (−12.5% →
 * −12.5%, not 12-5%) and thousands without their separator (1,000 契約 → 1000-契約, not 1-000).
 */
export const scenarioFileName = (id: number, name: string): string => {
  const slug = name
    .normalize('NFKC')
    .replace(/(?<=\d),(?=\d{3})/gu, '')
    .replace(/(?<![\p{L}\p{N}])[-\u2010\u2012\u2013\u2212](?=\d)/gu, '\u2212')
    .replace(/(?<!\d)\.|\.(?!\d)/gu, '-')
    .replace(/[^\p{L}\p{N}+%\u2212.]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);
  return `scenario-${id}${slug ? `-${slug}` : ''}.xlsx`;
};
