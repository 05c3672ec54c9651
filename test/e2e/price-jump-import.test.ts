import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadTariffVersions } from '../../src/io/folder-store.js';
import { courseColumns } from '../../src/tariff-model/tariff-columns.js';
import { scratch, SEED } from '../studio/helpers.js';
import { cellOf, editWorkbook } from '../studio/workbook-helpers.js';
import { createTariffDraft, shot, useStudio, waitText } from './studio-harness.js';

/**
 * A product manager at 1280×800 exports a draft, a colleague then saves an edit of the draft, and
 * the workbook (with a price pasted from another term: 7,400 → 13,500円, +82 %) is imported as a
 * new draft. The preview says which changes undo the colleague's edit (上書き), flags the price
 * jump (a warning, the import still works), and the base-changed warning's 「1 → 2」 stays on
 * one line. The new draft's grid and side panel flag the jump, and so does the review.
 */
const dir = scratch('e2e-price-jump-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1280, height: 800 } });
const { testId } = studio;
const [tariff] = loadTariffVersions(SEED.tariffsDir);
const JUMPED = 'M5525N-3Y-C14-SN';
const COURSES = '表1 コース';
const FEE = '月額料金（円）';
const rowOf = (code: string) => tariff!.courses.findIndex((c) => c.code === code) + 1;
const col = (key: string) => courseColumns.findIndex((c) => c.key === key) + 2;
const fee = (code: string) =>
  studio.page.locator(`[data-testid=grid-courses] [role=row][aria-rowindex="${rowOf(code) + 1}"] [role=gridcell][aria-colindex="${col('monthlyFee')}"]`);
/** How many lines a table cell's text takes (its line boxes), as laid out in the page. */
const lines = (cell: Locator) =>
  cell.evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
  });

describe('a price jump and a colleague’s later edit, imported from Excel as a new draft', () => {
  it('the preview marks the change that undoes the later edit and flags the jump; 「1 → 2」 on one line', async () => {
    expect(tariff!.courses.find((c) => c.code === JUMPED)!.monthlyFee).toBe(7400);
    await studio.page.goto(studio.url);
    await waitText(testId('version-heading'), '施行日 2023-09-19');
    await createTariffDraft(studio.page, '2025-04-01', '2025年4月改定');
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('btn-export').click()]);
    const exported = join(dir, 'draft.xlsx');
    await download.saveAs(exported);
    // A colleague's edit after the export (here in the grid): LONG's fee.
    await fee('LONG').dblclick();
    await studio.page.keyboard.press('ControlOrMeta+A');
    await studio.page.keyboard.type('15500');
    await studio.page.keyboard.press('Enter');
    await waitText(testId('change-count'), '変更 1 件');
    const edited = await editWorkbook(readFileSync(exported), (wb) => (cellOf(wb, COURSES, JUMPED, FEE).value = 13500));
    const file = join(dir, '価格改定.xlsx');
    writeFileSync(file, edited);

    await testId('btn-import').click();
    await testId('import-file').setInputFiles(file);
    await waitText(testId('import-change-count'), '変更点 2 件');
    const warning = studio.page.locator('[data-testid=import-warning-list] tr[data-code=WORKBOOK_BASE_CHANGED]');
    const value = warning.locator('td.issue-value');
    expect((await value.textContent())!.replace(/\u00a0/gu, ' ')).toBe('1 → 2');
    expect(await lines(value)).toBe(1);
    expect(await testId('import-overwrites').textContent()).toBe('うち 1 件は、書き出し後に 2025-04-01 #2 に保存された変更を元に戻します（「上書き」の行）。');
    const marked = await studio.page.locator('[data-testid=import-changes] tbody tr[data-marked=true]').allTextContents();
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain('LONG');
    expect(marked[0]).toContain('上書き');
    const jump = studio.page.locator('[data-testid=import-changes] [data-testid=price-jump]');
    expect(await jump.count()).toBe(1);
    expect(await jump.textContent()).toBe('+82% 要確認');
    expect(await jump.getAttribute('title')).toContain('価格が 7,400円 から 13,500円 に変わります（+82%）。±50% を超える変更です。');
    expect(await studio.page.locator('[data-testid=import-changes] tbody tr', { has: studio.page.getByTestId('price-jump') }).textContent()).toContain(JUMPED);
    expect(await testId('import-changes-jumps').textContent()).toBe('±50% を超える価格の変更が 1 件あります。「要確認」の行が入力の誤りでないか確認してください。');
    await shot(studio.page, 'pm19-1-import-preview');
    // A warning, not a refusal.
    await testId('import-effective').fill('2025-05-01');
    expect(await testId('import-apply').isDisabled()).toBe(false);
  });

  it('the new draft: the grid cell and the side panel flag the jump; so does the review', async () => {
    await testId('import-apply').click();
    await waitText(testId('version-heading'), '施行日 2025-05-01');
    await waitText(testId('change-count'), '変更 2 件');
    const panelJump = studio.page.locator('[data-testid=draft-changes] [data-testid=price-jump]');
    await waitText(panelJump, '+82% 要確認');
    expect(await testId('draft-changes-jumps').textContent()).toContain('1 件');
    await studio.page
      .locator('[data-testid=draft-changes] li', { has: studio.page.getByTestId('price-jump') })
      .locator('.change-pick')
      .click();
    const cell = fee(JUMPED);
    await waitText(cell, '13,500円');
    expect(await cell.getAttribute('class')).toContain('cell-jump');
    expect(await cell.locator('[data-jump=up]').getAttribute('title')).toContain('±50% を超える変更です');
    await shot(studio.page, 'pm19-2-draft-side-panel');

    await testId('tr-comment').fill('価格改定');
    await testId('tr-submit').click();
    // The version as the reviewer opens it: in review (its heading says so), its tables frozen.
    await waitText(studio.page.locator('.toolbar'), 'レビュー中');
    await waitText(panelJump, '+82% 要確認');
    expect(await testId('draft-changes-jumps').textContent()).toContain('±50% を超える価格の変更が 1 件');
    // Where the reviewer decides: above the approve button.
    const review = testId('tr-price-jumps');
    expect(await review.textContent()).toContain(`${JUMPED} 月額料金（円）: 7,400円 → 13,500円 +82% 要確認`);
    await review.scrollIntoViewIfNeeded();
    await shot(studio.page, 'pm19-3-in-review');
    // In English too.
    await testId('lang-switch').click();
    await waitText(panelJump, '+82% check');
    expect(await testId('draft-changes-jumps').textContent()).toBe('1 price moves by more than ±50%: check that the rows marked "check" are not slips.');
  });
});
