import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { fillScenario, openScenarios, runScenario, shot, useStudio, waitText } from './studio-harness.js';

/**
 * Finance's scenarios in the browser mode: build a small scenario in the form (a 3-year M2035
 * price cut as a quick edit), run it with the progress bar, read the charts and tables, refuse a
 * bad form with its field marked, cancel a big run, export the workbook and read it back, and
 * compare two saved scenarios. Screenshots in test-results/screenshots (scenarios-*).
 */
const dir = scratch('e2e-scn-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1440, height: 1000 } });
const { testId } = studio;
/** 1,234円 / ¥1,234 / -¥500 / +1,200円 as a number. */
const yenOf = (text: string): number => Number(text.replace(/[^\d-]/gu, ''));

const runAndWait = (): Promise<void> => runScenario(studio);
/** The first "A円 → B円" of a text, as B − A. */
const fromTo = (text: string): number => {
  const m = /([\d,]+)円 → ([\d,]+)円/u.exec(text);
  if (!m) throw new Error(`no "A円 → B円" in ${JSON.stringify(text)}`);
  return yenOf(m[2]!) - yenOf(m[1]!);
};

describe('Scenarios, browser mode', () => {
  it('builds a small scenario in the form and runs it: progress, then charts and tables', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: 'M2035 3年 −500円', size: 400, months: 12 });
    // Quick edit on the proposal: M2035, 36 months, −500 yen a month (the defaults of the quick edit).
    await testId('scn-proposal-qe-add').click();
    // The edit is a box of controls (no JSON to read or type), and beneath it what it changes, in Japanese, from what to what.
    expect(await testId('scenario-form').locator('textarea').count()).toBe(0);
    expect(await testId('scn-proposal-edit-0').getAttribute('data-edit')).toBe('course-fee');
    expect(await testId('scn-proposal-edit-0-series').inputValue()).toBe('M2035');
    expect(await testId('scn-proposal-edit-0-term').inputValue()).toBe('36');
    expect(await testId('scn-proposal-edit-0-amount').inputValue()).toBe('-500');
    const formLine = await waitText(testId('scn-proposal-edit-0-text'), /^コース「[^」]+」の月額 [\d,]+円 → [\d,]+円/u);
    expect(fromTo(formLine)).toBe(-500);
    await testId('scn-side-proposal').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-00-edits-ja');
    await runAndWait();
    await testId('scenario-result').waitFor();
    // The result's summary says what each side changed, in Japanese sentences (never JSON).
    const proposalEdits = (await testId('result-edits-proposal').textContent())!;
    expect(proposalEdits).toMatch(/コース「どこでも“me”REC M2035[ND]・3年コース[^」]*」の月額 [\d,]+円 → [\d,]+円/u);
    expect(fromTo(proposalEdits)).toBe(-500);
    expect(proposalEdits).not.toMatch(/[{}[\]]|course-fee|termMonths/u);
    expect(await testId('result-edits-baseline').textContent()).toBe('編集はありません。');
    await testId('result-meta').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-01b-edits-summary-ja');
    const monthly = testId('summary-table').locator('tr[data-key=monthlyFees] td');
    // A price cut earns less in monthly fees; the table's difference is proposal − baseline.
    const [b, p, d] = [yenOf((await monthly.nth(1).textContent())!), yenOf((await monthly.nth(2).textContent())!), yenOf((await monthly.nth(3).textContent())!)];
    expect(d).toBe(p - b);
    expect(d).toBeLessThan(0);
    expect(await testId('table-by-month').locator('tbody tr').count()).toBe(12);
    expect(await testId('chart-revenue').locator('svg .recharts-line').count()).toBe(2);
    expect(await testId('chart-by-course').locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await testId('scenario-list').textContent()).toContain('M2035 3年 −500円');
    await shot(studio.page, 'scenarios-01-result-ja');
    await testId('chart-by-course').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-02-by-course-ja');
    await testId('chart-events').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-02-events-ja');
    await testId('lang-switch').click();
    await waitText(testId('summary-table'), 'Monthly fees');
    expect(await testId('result-edits-proposal').textContent()).toMatch(/Course “.+?”: monthly fee ¥[\d,]+ → ¥[\d,]+/u);
    await shot(studio.page, 'scenarios-03-by-course-en');
    await testId('summary-table').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-03-result-en');
    await testId('lang-switch').click();
    await waitText(testId('summary-table'), '月額料金');
  });

  it('refuses a bad form with a coded error naming the field, and runs nothing', async () => {
    await testId('scn-toggle-form').click();
    await testId('scn-size').fill('0');
    await testId('scn-run').click();
    await waitText(testId('error-banner'), 'SCENARIO_INVALID');
    expect(await testId('error-banner').textContent()).toContain('/fleet/size');
    // A scenario's error has no sheet or row: the list leaves those columns out (not a row of empty cells), and names
    // the field by its label, what was typed and what is expected (form-issues.ts).
    expect(await testId('error-banner').locator('[data-testid=issue-list] th').allTextContents()).toEqual(['列', '値', '期待される値', '内容']);
    expect(await testId('error-banner').textContent()).toContain('「0」は受け付けられません。1 以上の数を入力してください。');
    expect(await testId('error-banner').locator('[data-testid=issue-list] td').first().textContent()).toBe('契約数');
    expect(await testId('scn-size').getAttribute('class')).toContain('field-error');
    await shot(studio.page, 'scenarios-04-invalid');
    await testId('scn-size').fill('400');
  });

  it('cancels a big run: the workers stop and the last result stays', async () => {
    await fillScenario(studio, { size: 200000, months: 60 });
    await testId('scn-run').click();
    await waitText(testId('run-progress-text'), /[1-9][\d,]* 契約（/u, 120_000);
    await shot(studio.page, 'scenarios-05-running');
    await testId('scn-cancel').click();
    await waitText(testId('scn-notice'), 'キャンセルしました', 60_000);
    expect(await testId('run-progress').getAttribute('data-state')).toBe('cancelled');
    const text = (await testId('run-progress-text').textContent())!;
    // 「{total} 契約中 {done} 契約（{pct}%）」
    const [total, done] = [...text.matchAll(/[\d,]+/gu)].map((m) => Number(m[0].replace(/,/gu, '')));
    expect(total).toBe(200000);
    expect(done).toBeLessThan(total!);
    await shot(studio.page, 'scenarios-06-cancelled');
    // The saved form changed (revision 2) but the last result is the 400-contract run's.
    expect(await testId('scenario-list').textContent()).toContain('入力変更後未実行');
    await fillScenario(studio, { size: 400, months: 12 });
    await runAndWait();
  });

  it('exports the workbook of `tariff simulate` plus the chart data, and it reads back with the same figures', async () => {
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('scn-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^scenario-1-.*\.xlsx$/u);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'By month', 'By course', 'By item', 'Events', 'Assumptions', 'Chart data']);
    // The page's by-month table and the workbook's chart data show the same figures.
    const rows = testId('table-by-month').locator('tbody tr');
    const chart = wb.getWorksheet('Chart data')!;
    const revenue = new Map<string, number[]>();
    chart.eachRow((r, i) => {
      if (i > 1 && String(r.getCell(1).value).startsWith('revenue-by-month')) revenue.set(String(r.getCell(2).value), [Number(r.getCell(5).value), Number(r.getCell(6).value)]);
    });
    expect(revenue.size).toBe(12);
    for (let i = 0; i < 12; i += 1) {
      const cells = rows.nth(i).locator('td');
      const month = (await cells.nth(0).textContent())!;
      expect(revenue.get(month)).toEqual([yenOf((await cells.nth(1).textContent())!), yenOf((await cells.nth(2).textContent())!)]);
    }
    // The summary sheet's monthly fees match the page's.
    const summary = wb.getWorksheet('Summary')!;
    let fees: number[] = [];
    summary.eachRow((r) => {
      if (r.getCell(1).value === 'monthlyFees') fees = [3, 4].map((c) => Number((r.getCell(c).value as { result?: number }).result ?? r.getCell(c).value));
    });
    const monthly = testId('summary-table').locator('tr[data-key=monthlyFees] td');
    expect(fees).toEqual([yenOf((await monthly.nth(1).textContent())!), yenOf((await monthly.nth(2).textContent())!)]);
    const assumptions: string[] = [];
    wb.getWorksheet('Assumptions')!.eachRow((r) => assumptions.push(String(r.getCell(1).value)));
    expect(assumptions).toContain('scenario /proposal/edits/0/change');
  });

  it('saves a second scenario and compares the two side by side', async () => {
    await testId('scn-new').click();
    await fillScenario(studio, { name: 'M2035 3年 −1000円', size: 400, months: 12 });
    await testId('scn-proposal-qe-change').fill('-1000');
    await testId('scn-proposal-qe-add').click();
    await runAndWait();
    await testId('scn-compare-1').check();
    await testId('scn-compare-2').check();
    await testId('scn-compare').click();
    await testId('compare-view').waitFor();
    const net = testId('compare-view').locator('tr[data-key=monthlyFees] td');
    const [dA, dB] = [yenOf((await net.nth(3).textContent())!), yenOf((await net.nth(6).textContent())!)];
    // The same fleet and draws: the deeper cut loses more in monthly fees.
    expect(dB).toBeLessThan(dA);
    await testId('compare-view').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-07-compare');
  });
  it('with replications and sensitivity: bands shaded on the revenue chart, p5–p95 columns, the tornado and its table', async () => {
    await testId('scn-new').click();
    await fillScenario(studio, { name: 'M2035 3年 −500円 bands', size: 200, months: 12 });
    await testId('scn-replications').fill('3');
    await testId('scn-sensitivity').check();
    await testId('scn-proposal-qe-add').click();
    await runAndWait();
    await testId('scenario-result').waitFor();
    expect(await testId('chart-revenue').locator('svg .recharts-area').count()).toBe(2);
    const net = testId('summary-table').locator('tr[data-key=netExTax] td[data-band=difference]');
    expect(await net.textContent()).toMatch(/–/);
    expect(await testId('table-by-month').locator('td[data-band=proposal]').count()).toBe(12);
    expect(await testId('table-tornado').locator('tbody tr').count()).toBeGreaterThan(0);
    // The assumptions read in the page's language only, in the table and on the chart's axis.
    const hazard = testId('table-tornado').locator('tr[data-key="/cancellation/monthlyHazard"] td').first();
    expect(await hazard.textContent()).toBe('解約ハザード');
    await testId('chart-revenue').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-08-bands-ja');
    await testId('chart-tornado').scrollIntoViewIfNeeded();
    await testId('chart-tornado')
      .locator('.recharts-yAxis-tick-labels text', { hasText: /^解約ハザード$/u })
      .waitFor();
    expect(await testId('chart-tornado').textContent()).not.toContain('Cancellation hazard');
    await shot(studio.page, 'scenarios-09-tornado-ja');
  });

  it('a price typed after a run with replications is re-priced with the same bands a full run shows', async () => {
    const netBand = () => testId('summary-table').locator('tr[data-key=monthlyFees] td[data-band=difference]');
    const ranBand = (await netBand().textContent())!;
    await testId('scn-toggle-form').click();
    await testId('scn-proposal-edit-0-amount').fill('-1500');
    // No click on Run: the figures are re-priced, and the preview keeps the revenue chart's shaded bands and the p5–p95 columns.
    await studio.page.locator('[data-testid=scn-price-mode][data-mode=repriced]').waitFor({ timeout: 60_000 });
    await waitText(testId('scn-proposal-edit-0-text'), /円 → /u);
    expect(fromTo((await testId('scn-proposal-edit-0-text').textContent())!)).toBe(-1500);
    expect(await testId('chart-revenue').locator('svg .recharts-area').count()).toBe(2);
    expect(await testId('table-by-month').locator('td[data-band=proposal]').count()).toBe(12);
    const previewBand = (await netBand().textContent())!;
    expect(previewBand).toMatch(/^-[\d,]+円 – -[\d,]+円$/u);
    // A deeper cut: the band of the monthly fees' difference lies lower than the run's.
    const [p5, p95] = previewBand.split(' – ').map(yenOf);
    expect(p95!).toBeLessThan(yenOf(ranBand.split(' – ')[0]!));
    expect(p5!).toBeLessThanOrEqual(p95!);
    // The result's summary says the new price, in Japanese.
    expect(fromTo((await testId('result-edits-proposal').textContent())!)).toBe(-1500);
    await testId('scn-price-mode').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-10a-repriced-summary-ja');
    await testId('chart-revenue').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-10-repriced-bands-ja');
  });

  it('every kind of edit is made with controls and read in Japanese; a series drops a term none of its courses has', async () => {
    // The price typed above was re-priced, not saved: a new scenario asks before it is lost.
    const asked: string[] = [];
    studio.page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await testId('scn-new').click();
    expect(asked).toEqual([expect.stringContaining('保存していない入力があります')]);
    await testId('scenario-form').waitFor();
    const add = async (kind: string): Promise<void> => {
      await testId('scn-proposal-add-kind').selectOption(kind);
      await testId('scn-proposal-add-edit').click();
    };
    await add('option-price');
    await testId('scn-proposal-edit-0-option').selectOption('poe-injector');
    await testId('scn-proposal-edit-0-amount-12').fill('900');
    await add('initial-fee');
    await testId('scn-proposal-edit-1-group').selectOption('PLUS');
    await testId('scn-proposal-edit-1-amount').fill('10000');
    await add('existing-contracts');
    await testId('scn-proposal-edit-2-clause').fill('附則第2項（案）');
    await add('interpretation');
    await testId('scn-proposal-edit-3-name').selectOption('dailyRate');
    await testId('scn-proposal-edit-3-value').selectOption('thirty-days');
    await add('course-fee');
    await testId('scn-proposal-edit-4-mode').selectOption('set');
    await testId('scn-proposal-edit-4-course').selectOption({ index: 1 });
    await testId('scn-proposal-edit-4-amount').fill('2180');
    await add('course-fee');
    await testId('scn-proposal-edit-5-term').selectOption('1');
    await testId('scn-proposal-edit-5-series').selectOption('legacy');
    // The legacy courses have no term: picking the series drops 1 か月, which would match no course.
    expect(await testId('scn-proposal-edit-5-term').inputValue()).toBe('');
    await testId('scn-proposal-edit-5-amount').fill('1000');
    await waitText(testId('scn-proposal-edit-0-text'), 'オプション「PoE インジェクタオプション」の料金（12 か月契約）800円 → 900円');
    await waitText(testId('scn-proposal-edit-1-text'), '初期費用（PLUS）12,000円 → 10,000円');
    await waitText(testId('scn-proposal-edit-2-text'), '期間開始前からの契約の料金: 新しい料金を適用 → 契約開始日の料金を維持（根拠: 附則第2項（案））');
    await waitText(testId('scn-proposal-edit-3-text'), '解釈「dailyRate」の既定値 own-month → thirty-days');
    await waitText(testId('scn-proposal-edit-4-text'), /^コース「[^」]+」の月額 [\d,]+円 → 2,180円$/u);
    await waitText(testId('scn-proposal-edit-5-text'), 'コース「どこでも“me”REC 短期コース」の月額 24,000円 → 25,000円');
    expect(await testId('scenario-form').locator('textarea').count()).toBe(0);
    await testId('scn-side-proposal').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-11-edit-kinds-ja');
    // Removed with its button: the lines follow.
    await testId('scn-proposal-edit-5-remove').click();
    expect(await testId('scn-proposal-edit-5').count()).toBe(0);
  });

  it('a new scenario is already named as its heading says, so a first Save and run with no name typed runs', async () => {
    await openScenarios(studio);
    await testId('scn-new').click();
    expect(await testId('scn-name').inputValue()).toBe('新しいシナリオ');
    await fillScenario(studio, { size: 200, months: 6 });
    await runScenario(studio);
    await testId('scenario-result').waitFor();
  });
});
