import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { runScenario, shot, useStudio, waitText } from './studio-harness.js';

/**
 * A product manager's and a finance analyst's first week in the browser mode, held to what
 * stood in their way: a course duplicated with 行を複製 (refused as a duplicate name before), a row
 * the add-row form could not add (said behind the modal, in the page's banner, before); a what-if
 * with the customers' response to the price (no field for it before) and a table whose two-row
 * head lost its group row when scrolled.
 */
const dir = scratch('e2e-first-week-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1280, height: 800 } });
const { testId } = studio;
const courseCell = (code: string) => testId('grid-courses').getByRole('gridcell', { name: code, exact: true });

describe('first week: product manager', () => {
  it('duplicates a course with 行を複製: the copy gets a free code and a free name, and is saved', async () => {
    await studio.page.goto(studio.url);
    await waitText(testId('version-heading'), '2023-09-19');
    await testId('btn-create-draft').click();
    await testId('draft-effective').fill('2027-04-01');
    await testId('draft-title').fill('初めての下書き');
    await testId('draft-create').click();
    await waitText(testId('version-heading'), '2027-04-01');
    await courseCell('M5525N-5Y-C7-SN').click();
    await testId('row-duplicate').click();
    await waitText(testId('change-count'), '1');
    await courseCell('M5525N-5Y-C7-SN-COPY').waitFor();
    expect(await testId('grid-courses').textContent()).toContain('5年コース・クラウド 7・SN（コピー）');
    expect(await testId('error-banner').count()).toBe(0);
    await shot(studio.page, 'first-week-01-duplicated');
  });

  it('says inside the add-row dialog why a row was refused, with the field outlined, and adds it once corrected', async () => {
    await courseCell('M5525N-3Y-C7-SN').click();
    await testId('row-add').click();
    const form = testId('row-form');
    await form.waitFor();
    // The form starts from the selected row with a free code and a free name: it can be added as it is.
    expect(await testId('rf-code').inputValue()).toBe('M5525N-3Y-C7-SN-COPY');
    expect(await testId('rf-name').inputValue()).toMatch(/（コピー）$/u);
    // References are offered with what they are: a settlement policy with its kind, an initial-fee group with its amount.
    expect(await testId('rf-settlementPolicy').locator('option:checked').textContent()).toBe('longest-satisfied-same-family — 同一系で満たした最長期間コースとの差額');
    expect(await testId('rf-initialFeeGroup').locator('option:checked').textContent()).toMatch(/^M5525N-SN — [\d,]+円$/u);
    // A name another course has is refused: said in the dialog (not behind it), the field outlined.
    await testId('rf-name').fill('どこでも“me”REC 短期コース');
    await testId('rf-submit').click();
    await waitText(form.getByTestId('error-banner'), 'この行は追加できませんでした');
    await waitText(form.getByTestId('error-banner'), 'DUPLICATE_NAME');
    expect(await testId('rf-name').getAttribute('aria-invalid')).toBe('true');
    expect(await testId('rf-code').getAttribute('aria-invalid')).toBeNull();
    await shot(studio.page, 'first-week-02-add-row-refused');
    await testId('rf-name').fill('どこでも“me”REC M5525N・3年コース・クラウド 60・SN');
    await testId('rf-submit').click();
    await form.waitFor({ state: 'detached' });
    await waitText(testId('change-count'), '2');
    await courseCell('M5525N-3Y-C7-SN-COPY').waitFor();
    // The engine prices the new course; that it has no 変更前 is said once, not in every row.
    await waitText(testId('engine-panel'), '7,180円');
    await waitText(testId('engine-no-base'), '元のバージョンにないコースです');
    expect(await testId('engine-first-month-before').textContent()).toBe('—');
  });

  it('exports the draft, edits it outside the studio and imports it back: a bad cell is said in Japanese, where it is and what to enter', async () => {
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('btn-export').click()]);
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const sheet = wb.getWorksheet('表1 コース')!;
    let at = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === 'M5525N-2Y-C7-SN') at = n;
    });
    sheet.getRow(at).getCell(3).value = 'たかい';
    const edited = join(dir, 'edited-bad.xlsx');
    await wb.xlsx.writeFile(edited);
    await testId('btn-import-into-draft').click();
    await testId('draft-import-file').setInputFiles(edited);
    const errors = testId('draft-import-error-list');
    await waitText(errors, '「たかい」は受け付けられません。0 以上の整数（円）を入力してください。');
    expect(await errors.textContent()).toContain(`表1 コース${at}C 月額料金（円）`);
    expect(await testId('draft-import-apply').isDisabled()).toBe(true);
    await shot(studio.page, 'first-week-03-import-error');
    await testId('draft-import-dialog').getByRole('button', { name: 'キャンセル' }).click();
  });

  it('sees the draft against the version it came from on the Rules page, in Japanese, an added row with its name and price', async () => {
    await testId('nav-rules').click();
    await testId('rules-tab-diff').click();
    await waitText(testId('diff-summary'), 'ルール 0 件');
    // Only the draft picked: the other side is the version it came from.
    const draft = await testId('diff-tariff-to').evaluate((el) => Array.from((el as HTMLSelectElement).options).find((o) => o.text.includes('2027-04-01'))!.value);
    await testId('diff-tariff-to').selectOption(draft);
    await waitText(testId('diff-tariffs'), '行を追加');
    expect(await testId('diff-tariff-from').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.text)).toContain('2023-09-19');
    const text = await testId('diff-tariffs').textContent();
    expect(text).toContain('コース');
    expect(text).toContain('M5525N-3Y-C7-SN-COPY');
    expect(text).toContain('どこでも“me”REC M5525N・3年コース・クラウド 60・SN、月額料金（円） 7,180円');
    expect(text).not.toMatch(/courses|monthlyFee|null/u);
    // The rules are the same version on both sides: said so, without saying nothing differs.
    await waitText(testId('diff-same'), 'ルールの違いはありません。料金表の違いは下のとおりです。');
    await shot(studio.page, 'first-week-04-tariff-diff');
  });
});

describe('first week: finance', () => {
  it("builds a what-if with the customers' response to the price, runs it and sees cancellations respond", async () => {
    await testId('nav-scenarios').click();
    await testId('scenario-form').waitFor();
    await testId('scn-name').fill('M2035 3年 −500円、解約が価格に反応');
    await testId('scn-replications').fill('2');
    await testId('scn-proposal-qe-add').click();
    // The response: a price cut lowers cancellations (positive elasticity); new contracts choose by price.
    const response = testId('scn-response');
    await waitText(response, '解約の価格弾力性');
    await testId('scn-response-cancellation-all').fill('2');
    await testId('scn-response-choice-M2035').fill('-3');
    // With every start date by the first month (the default), next to no new contract chooses a course: said where the elasticity is typed.
    await waitText(testId('scn-response-no-new'), 'コース選択の価格弾力性は結果をほとんど変えません');
    // A series left blank says it takes the value for every course.
    expect(await testId('scn-response-choice-M5525').getAttribute('placeholder')).toBe('左と同じ');
    await shot(studio.page, 'first-week-05-response');
    await runScenario(studio);
    const cancellations = testId('summary-table').locator('tr[data-key=cancellations] td');
    const [baseline, proposal] = [await cancellations.nth(1).textContent(), await cancellations.nth(2).textContent()].map((x) => Number((x ?? '').replace(/[^\d]/gu, '')));
    expect(proposal).toBeLessThan(baseline!);
    // Saved with the scenario: opened again, the fields hold it.
    await studio.page.reload();
    await testId('nav-scenarios').click();
    await testId('scn-open-1').click();
    await waitText(testId('scn-heading'), '解約が価格に反応');
    if (!(await testId('scenario-form').isVisible())) await testId('scn-toggle-form').click();
    expect(await testId('scn-response-cancellation-all').inputValue()).toBe('2');
    expect(await testId('scn-response-choice-M2035').inputValue()).toBe('-3');
  });

  it('exports the run to Excel: the summary and its p5–p95 on screen are the numbers the workbook shows', async () => {
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('scn-export').click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cached = (v: ExcelJS.CellValue): number => Number(v !== null && typeof v === 'object' && 'result' in v ? v.result : v);
    // As Excel and LibreOffice show a figure of the format: half away from zero, to the yen (#,##0) or to a tenth (#,##0.0).
    const shown = (v: number, decimals: number) => Math.sign(v) * (Math.round(Number((Math.abs(v) * 10 ** decimals).toPrecision(15))) / 10 ** decimals);
    const numbers = (text: string | null) => [...(text ?? '').matchAll(/[+-]?[\d,]+(?:\.\d+)?/gu)].map((m) => Number(m[0].replace(/,/gu, '')));
    const bandRow = (figure: string, side: string) => {
      let found: number[] | undefined;
      wb.getWorksheet('Bands')!.eachRow((r) => {
        const v = r.values as ExcelJS.CellValue[];
        if (v[1] === figure && !v[3] && String(v[4]).startsWith(side)) found = [cached(v[5]!), cached(v[7]!)];
      });
      return found!;
    };
    const summaryRow = (figure: string) => {
      let found: number[] | undefined;
      wb.getWorksheet('Summary')!.eachRow((r) => {
        const v = r.values as ExcelJS.CellValue[];
        if (v[1] === figure) found = [cached(v[3]!), cached(v[4]!), cached(v[5]!)];
      });
      return found!;
    };
    for (const [figure, decimals] of [
      ['netExTax', 0],
      ['monthlyFees', 0],
      ['cancellations', 1],
      ['settlementsDue', 1],
    ] as const) {
      const cells = testId('summary-table').locator(`tr[data-key=${figure}] td`);
      const screen = await Promise.all([1, 2, 3].map(async (i) => numbers(await cells.nth(i).textContent())[0]));
      expect(screen, figure).toEqual(summaryRow(figure));
      expect(numbers(await cells.nth(4).textContent()), `${figure} proposal p5–p95`).toEqual(bandRow(figure, 'proposal').map((v) => shown(v, decimals)));
      // Column 5 is the median of the paired differences (差額 p50), 6 their p5–p95.
      expect(numbers(await cells.nth(6).textContent()), `${figure} difference p5–p95`).toEqual(bandRow(figure, 'difference').map((v) => shown(v, decimals)));
    }
    expect(wb.worksheets.map((w) => w.name)).toContain('Replications');
  });

  it('keeps both rows of a two-row table head in view when the table is scrolled (the group over 現行案 / 変更案)', async () => {
    const table = testId('table-events');
    await table.scrollIntoViewIfNeeded();
    const box = table.locator('xpath=ancestor::div[contains(@class, "scn-table-box")][1]');
    await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const rect = (l: ReturnType<typeof table.locator>) => l.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const [boxRect, group, sides] = await Promise.all([
      rect(box),
      rect(table.locator('thead tr').first().locator('th.center').first()),
      rect(table.locator('thead tr').nth(1).locator('th').first()),
    ]);
    expect(group.top).toBeGreaterThanOrEqual(boxRect.top - 1);
    expect(sides.top).toBeGreaterThanOrEqual(group.bottom - 1);
    await shot(studio.page, 'first-week-06-events-table-scrolled');
  });
});

describe('first week: finance, a value out of range', () => {
  it('names the refused field by its label, with what was typed and what to enter, in Japanese', async () => {
    if (!(await testId('scenario-form').isVisible())) await testId('scn-toggle-form').click();
    await testId('scn-response-cancellation-all').fill('50');
    await testId('scn-run').click();
    const banner = testId('error-banner');
    await waitText(banner, '「50」は受け付けられません。20 以下の数を入力してください。');
    expect(await banner.textContent()).toContain('解約の価格弾力性 すべてのコース');
    expect(await testId('scn-response-cancellation-all').getAttribute('class')).toContain('field-error');
    await testId('scn-response').scrollIntoViewIfNeeded();
    await shot(studio.page, 'first-week-07-elasticity-refused');
  });
});

describe('first week: finance, a re-priced preview', () => {
  it('does not export a workbook that disagrees with the screen: a re-priced preview says to save and run first', async () => {
    // The form left typed (the refused 50) asks before it is left: leave it.
    studio.page.once('dialog', (d) => void d.accept());
    await testId('scn-new').click();
    await testId('scn-name').fill('据え置き、あとで値下げを試す');
    await runScenario(studio);
    expect(await testId('scn-export').isDisabled()).toBe(false);
    if (!(await testId('scenario-form').isVisible())) await testId('scn-toggle-form').click();
    await testId('scn-proposal-qe-add').click();
    await studio.page.locator('[data-testid=scn-price-mode][data-mode=repriced]').waitFor({ timeout: 60_000 });
    expect(await testId('scn-export').isDisabled()).toBe(true);
    await waitText(testId('scn-export-note'), '保存されていない再価格付けのプレビュー');
    expect(await testId('scn-export').getAttribute('aria-describedby')).toBe('scn-export-note');
    await shot(studio.page, 'first-week-08-repriced-export');
    // Saved and run: the figures are a run's again (the notice of the first run may still read done while this one starts).
    await testId('scn-run').click();
    await studio.page.locator('[data-testid=scn-price-mode][data-mode=simulated]').waitFor({ timeout: 120_000 });
    await studio.page.waitForFunction(() => (document.querySelector('[data-testid=scn-export]') as HTMLButtonElement | null)?.disabled === false, undefined, { timeout: 120_000 });
    expect(await testId('scn-export-note').count()).toBe(0);
  });
});

describe('first week: finance, two scenarios side by side', () => {
  it('compares them with the counts in their units, as each run shows them', async () => {
    await testId('scn-compare-1').check();
    await testId('scn-compare-2').check();
    await testId('scn-compare').click();
    const view = testId('compare-view');
    await view.waitFor();
    // Opened from the list while the result was scrolled far down: it comes into view, the focus on its heading.
    await studio.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'compare-heading');
    const top = await testId('compare-heading').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(800);
    const cells = view.locator('tr[data-key=contracts] td');
    expect(await cells.nth(1).textContent()).toBe('1,000 件');
    expect(await view.locator('tr[data-key=contractMonths] td').nth(1).textContent()).toMatch(/^[\d,]+ 契約月$/u);
    expect(await view.locator('tr[data-key=cancellations] td').nth(3).textContent()).toMatch(/^[+-]?[\d,]+ 件$/u);
    await shot(studio.page, 'first-week-09-compare');
  });
});
