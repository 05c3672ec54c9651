import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fillScenario, openScenarios, runScenario, shot, useStudio } from './studio-harness.js';

/**
 * Finance reads a run with replications and the tornado: the money axes step by round amounts,
 * the events table counts in 件, the summary's Japanese labels take full-width parentheses.
 * Screenshots: test-results/screenshots/fin13-*.png.
 */
const studio = useStudio(join(mkdtempSync(join(tmpdir(), 'fin13-e2e-')), 'ws.sqlite'), { viewport: { width: 1440, height: 1000 } });
const { testId } = studio;

/** An axis tick as yen: 550万円, 1.25億円, -10万円, 5,000円. */
const tickYen = (text: string): number => {
  const m = /^(-?)([\d,.]+)(億円|万円|円)$/u.exec(text.trim());
  if (!m) throw new Error(`not a yen tick: ${JSON.stringify(text)}`);
  const unit = m[3] === '億円' ? 1e8 : m[3] === '万円' ? 1e4 : 1;
  return (m[1] ? -1 : 1) * Math.round(Number(m[2]!.replace(/,/gu, '')) * unit);
};
/** A step finance counts in: 1, 2, 2.5 or 5 × 10^n. */
const isRound = (step: number): boolean => {
  const m = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(12));
  return [1, 2, 2.5, 5].includes(m);
};
const axisSteps = async (chart: string, axis: 'x' | 'y'): Promise<number[]> => {
  const texts = await testId(chart).locator(`.recharts-${axis}Axis-tick-labels text`).allTextContents();
  const values = texts.map(tickYen);
  expect(values.length, `${chart} ${axis} ticks ${texts.join(' ')}`).toBeGreaterThan(2);
  return values.slice(1).map((v, i) => v - values[i]!);
};

describe('Finance: a run reads at a glance', () => {
  it('the money charts step by round amounts (not 525万/630万/735万 or 11万/22万/33万)', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: 'M2035 3年 −500円', size: 300, months: 12 });
    await testId('scn-replications').fill('3');
    await testId('scn-sensitivity').check();
    await testId('scn-proposal-qe-add').click();
    await runScenario(studio);
    await testId('chart-tornado').locator('.recharts-xAxis-tick-labels text').first().waitFor();
    for (const [chart, axis] of [
      ['chart-revenue', 'y'],
      ['chart-tornado', 'x'],
      ['chart-by-course', 'x'],
      ['chart-by-item', 'x'],
    ] as const) {
      const steps = await axisSteps(chart, axis);
      expect(new Set(steps).size, `${chart}: one step`).toBe(1);
      expect(isRound(steps[0]!), `${chart}: step ${steps[0]}`).toBe(true);
    }
    await testId('chart-revenue').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin13-revenue-ticks');
    await studio.page.screenshot({ path: join(process.cwd(), '.ab', 'fin13-revenue.png') });
    await testId('chart-by-course').scrollIntoViewIfNeeded();
    await studio.page.screenshot({ path: join(process.cwd(), '.ab', 'fin13-bars.png') });
  });

  it('the events table counts in 件, as the summary does, beside its yen columns', async () => {
    const cells = await testId('table-events').locator('tbody tr').first().locator('td').allTextContents();
    // Month, then 減免 件 ×2, 減免額 円 ×2, 清算 件 ×2, 清算額 円 ×2, 解約申出 件 ×2.
    for (const i of [1, 2, 5, 6, 9, 10]) expect(cells[i], `column ${i}`).toMatch(/^[\d,]+ 件$/u);
    for (const i of [3, 4, 7, 8]) expect(cells[i], `column ${i}`).toMatch(/円$/u);
    await testId('chart-events').scrollIntoViewIfNeeded();
    await studio.page.screenshot({ path: join(process.cwd(), '.ab', 'fin13-events.png') });
  });

  it('the summary’s Japanese labels take full-width parentheses: 解約申出（第22条）', async () => {
    const firsts = await testId('summary-table').locator('tbody tr td:first-child').allTextContents();
    expect(firsts.length).toBeGreaterThan(5);
    for (const f of firsts) expect(f).not.toMatch(/[()]/u);
    expect(await testId('summary-table').locator('tr[data-key=cancellations] td').first().textContent()).toBe('解約申出（第22条）');
    await testId('summary-table').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin13-summary');
    await studio.page.screenshot({ path: join(process.cwd(), '.ab', 'fin13-summary.png') });
  });

  it('a count’s band reads to a tenth (169.0 件 – 171.7 件), as the exported Bands sheet (#,##0.0) and the CLI show it', async () => {
    const cell = testId('summary-table').locator('tr[data-key=contracts] td[data-band=proposal]');
    const text = (await cell.textContent())!;
    const m = /^([\d,]+\.\d) 件 – ([\d,]+\.\d) 件$/u.exec(text);
    expect(m, text).not.toBeNull();
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('scn-export').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'fin13-xlsx-')), 'scenario.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Bands')!;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === 'contracts' && !r.getCell(3).value && String(r.getCell(4).value).startsWith('proposal')) row = r;
    });
    expect(row).toBeDefined();
    // The sheet's label is the one the page splits: its Japanese half in full-width parentheses.
    expect(sheet.getColumn(2).values.map(String)).toContain('解約申出（第22条） Cancellation requests');
    const shown = (c: ExcelJS.Cell) => {
      const v = c.value as number | { result?: number };
      expect(c.numFmt).toBe('#,##0.0');
      return (typeof v === 'number' ? v : v.result!).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    };
    expect([m![1], m![2]]).toEqual([shown(row!.getCell(5)), shown(row!.getCell(7))]);
  });
});
