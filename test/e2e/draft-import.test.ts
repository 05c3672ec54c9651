import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTariffVersions } from '../../src/io/folder-store.js';
import { courseColumns } from '../../src/tariff-model/tariff-columns.js';
import { scratch, SEED } from '../studio/helpers.js';
import { cellOf, editWorkbook } from '../studio/workbook-helpers.js';
import { createTariffDraft, shot, useStudio, waitText } from './studio-harness.js';

/**
 * "Import into this draft", in the browser mode on a fresh workspace: a product manager with a
 * draft open exports it, edits the workbook (exceljs, as Excel would), imports it into the open
 * draft, reads the preview and sees the change in the grid; undo and redo take it back and
 * forth. Then a stale workbook (exported from the approved version, while the draft has its own
 * edits) is shown as such, the overwritten edits marked, and is applied only once confirmed.
 */
const dir = scratch('e2e-draft-import-');
const studio = useStudio(join(dir, 'workspace.sqlite'));
const { testId } = studio;
const [tariff] = loadTariffVersions(SEED.tariffsDir);
const feeOf = (code: string) => tariff!.courses.find((c) => c.code === code)!.monthlyFee;
const rowOf = (code: string) => tariff!.courses.findIndex((c) => c.code === code) + 1;
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const col = (key: string) => courseColumns.findIndex((c) => c.key === key) + 2;
const fee = (code: string) =>
  studio.page.locator(`[data-testid=grid-courses] [role=row][aria-rowindex="${rowOf(code) + 1}"] [role=gridcell][aria-colindex="${col('monthlyFee')}"]`);
const COURSES = '表1 コース';
const versionItem = (date: string) => studio.page.locator('.version-list .version-item', { has: studio.page.locator('.version-date', { hasText: new RegExp(`^${date}$`, 'u') }) });
const FEE = '月額料金（円）';

async function exportShown(name: string): Promise<Buffer> {
  const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('btn-export').click()]);
  const file = join(dir, name);
  await download.saveAs(file);
  return readFileSync(file);
}

describe('import a workbook into the open draft', () => {
  it('opens a draft of the approved tariff', async () => {
    await studio.page.goto(studio.url);
    await waitText(testId('version-heading'), '施行日 2023-09-19');
    await createTariffDraft(studio.page, '2025-04-01', '2025年4月改定');
    await waitText(testId('change-count'), '変更 0 件');
  });

  it('export → edit with exceljs → import into the open draft: the preview lists the change, the grid shows it, undo and redo', async () => {
    const book = await exportShown('draft.xlsx');
    const edited = await editWorkbook(book, (wb) => (cellOf(wb, COURSES, 'PLUS-LONG', FEE).value = 17600));
    const file = join(dir, '改定案.xlsx');
    writeFileSync(file, edited);
    await testId('btn-import-into-draft').click();
    await testId('draft-import-file').setInputFiles(file);
    await waitText(testId('draft-import-change-count'), '下書きとの違い 1 件');
    expect(await testId('draft-import-fresh').textContent()).toContain('いまの下書きから書き出されたもの');
    expect(await testId('draft-import-origin').textContent()).toMatch(/ブックの書き出し元: 2025-04-01（下書き） #\d+・版数 1・書き出し /u);
    const rows = await studio.page.locator('[data-testid=draft-import-changes] tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('PLUS-LONG');
    expect(rows[0]).toContain(yen(feeOf('PLUS-LONG')));
    expect(rows[0]).toContain('17,600円');
    await shot(studio.page, 'draft-import-1-preview');
    await testId('draft-import-apply').click();
    await waitText(testId('tariff-notice'), '改定案.xlsx を下書きに取り込みました（変更 1 件）');
    await waitText(fee('PLUS-LONG'), '17,600円');
    await waitText(testId('change-count'), '変更 1 件');
    await shot(studio.page, 'draft-import-2-applied');
    await testId('btn-undo').click();
    await waitText(fee('PLUS-LONG'), yen(feeOf('PLUS-LONG')));
    await waitText(testId('change-count'), '変更 0 件');
    await testId('btn-redo').click();
    await waitText(fee('PLUS-LONG'), '17,600円');
    await waitText(testId('change-count'), '変更 1 件');
  });

  it('a workbook exported from the approved version: the preview says it is stale, marks the overwritten edits, and needs a tick', async () => {
    // The draft's own edit in the grid, after which the approved version is exported and edited.
    const short = fee('SHORT');
    await short.dblclick();
    await studio.page.keyboard.press('ControlOrMeta+A');
    await studio.page.keyboard.type('23500');
    await studio.page.keyboard.press('Enter');
    await waitText(testId('change-count'), '変更 2 件');
    await versionItem('2023-09-19').click();
    await waitText(testId('version-heading'), '施行日 2023-09-19');
    const base = await exportShown('base.xlsx');
    const edited = await editWorkbook(base, (wb) => (cellOf(wb, COURSES, 'LONG', FEE).value = 15800));
    const file = join(dir, '承認版から編集.xlsx');
    writeFileSync(file, edited);
    await versionItem('2025-04-01').click();
    await waitText(testId('version-heading'), '施行日 2025-04-01');
    await testId('btn-import-into-draft').click();
    await testId('draft-import-file').setInputFiles(file);
    await waitText(testId('draft-import-change-count'), '下書きとの違い 3 件');
    const stale = testId('draft-import-stale');
    expect(await stale.getAttribute('data-reason')).toBe('other-version');
    expect(await stale.textContent()).toContain('開いている下書きではなく、その元になった 2023-09-19（承認済み） #1 から書き出されています');
    expect(await testId('draft-import-overwrites').textContent()).toContain('うち 2 件は、下書きで行った変更のうちブックに入っていないものを元に戻します');
    const marked = await studio.page.locator('[data-testid=draft-import-changes] tbody tr[data-marked=true]').allTextContents();
    expect(marked.map((r) => (r.includes('PLUS-LONG') ? 'PLUS-LONG' : r.includes('SHORT') ? 'SHORT' : r))).toEqual(['SHORT', 'PLUS-LONG']);
    expect(await testId('draft-import-apply').isDisabled()).toBe(true);
    await shot(studio.page, 'draft-import-3-stale-preview');
    await testId('draft-import-confirm').check();
    expect(await testId('draft-import-apply').isDisabled()).toBe(false);
    await testId('draft-import-apply').click();
    await waitText(testId('tariff-notice'), '承認版から編集.xlsx を下書きに取り込みました（変更 3 件）');
    await waitText(fee('LONG'), '15,800円');
    await waitText(fee('SHORT'), yen(feeOf('SHORT')));
    await waitText(testId('change-count'), '変更 1 件');
  });
});
