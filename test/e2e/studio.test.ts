import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { courseColumns } from '../../src/tariff-model/tariff-columns.js';
import { loadTariffVersions } from '../../src/io/folder-store.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { scratch, SEED } from '../studio/helpers.js';
import { cellOf, editWorkbook, resaveWithLibreOffice } from '../studio/workbook-helpers.js';
import { createTariffDraft, shot, useStudio, waitText } from './studio-harness.js';

/**
 * A product manager's day, in the browser mode on a fresh workspace: open the studio, find a
 * course, change its price and see it marked with the engine's answer before and after, undo,
 * paste a block from Excel, fill down, export to Excel, edit the file outside the studio
 * (and re-save it in LibreOffice), import it, read the preview, apply it. Screenshots are
 * kept in test-results/screenshots.
 */
const dir = scratch('e2e-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { permissions: ['clipboard-read', 'clipboard-write'] });

// Prices come from the tariff data, never from this test: the regular month is fee + 10% tax (第32条).
const [tariff] = loadTariffVersions(SEED.tariffsDir);
const feeOf = (code: string) => tariff!.courses.find((c) => c.code === code)!.monthlyFee;
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const withTax = (n: number) => Math.floor((n * 110) / 100);
const FEE = feeOf('M2035N-3Y-C7-SN');
const NEW_FEE = FEE + 320;

const col = (key: string) => courseColumns.findIndex((c) => c.key === key) + 2;
const cell = (row: number, key: string) => studio.page.locator(`[data-testid=grid-courses] [role=row][aria-rowindex="${row + 1}"] [role=gridcell][aria-colindex="${col(key)}"]`);
const { testId } = studio;

describe('Tariff Studio, browser mode', () => {
  it('opens on the approved tariff, read-only, with all 150 courses', async () => {
    await studio.page.goto(studio.url);
    await waitText(testId('version-heading'), '施行日 2023-09-19');
    await waitText(testId('grid-count'), '150 行中 150 行');
    expect(await studio.page.locator('.readonly-note').textContent()).toContain('承認済みのバージョンは編集できません');
    expect(await cell(1, 'name').textContent()).toBe('どこでも“me”REC 短期コース');
    expect(await cell(1, 'monthlyFee').textContent()).toBe('24,000円');
    await shot(studio.page, '01-opened');
    // Sorting by a column header: the cheapest course first, then the dearest.
    const fees = tariff!.courses.map((c) => c.monthlyFee);
    await studio.page.locator('[data-testid=grid-courses] [role=columnheader]', { hasText: '月額料金（円）' }).click();
    await waitText(cell(1, 'monthlyFee'), yen(Math.min(...fees)));
    await studio.page.locator('[data-testid=grid-courses] [role=columnheader]', { hasText: '月額料金（円）' }).click();
    await waitText(cell(1, 'monthlyFee'), yen(Math.max(...fees)));
    await studio.page.locator('[data-testid=grid-courses] [role=columnheader]', { hasText: '月額料金（円）' }).click();
    await waitText(cell(1, 'code'), 'SHORT');
  });

  it('keeps the prices in view beside the frozen code and name at 1280 px, and at 900 px puts the page list on top', async () => {
    const page = studio.page;
    const feeHeader = page.locator('[data-testid=grid-courses] [role=columnheader]', { hasText: '月額料金（円）' });
    /** Whether the monthly fee's header lies wholly inside the grid's box (not under the frozen columns, not past the edge). */
    const feeInView = async (): Promise<boolean> => {
      const grid = (await testId('grid-courses').boundingBox())!;
      const name = (await page.locator('[data-testid=grid-courses] [role=columnheader]', { hasText: 'コース名' }).boundingBox())!;
      const fee = (await feeHeader.boundingBox())!;
      return fee.x >= name.x + name.width - 1 && fee.x + fee.width <= grid.x + grid.width + 1;
    };
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await waitText(cell(1, 'monthlyFee'), '24,000円');
      expect(await feeInView()).toBe(true);
      await shot(page, '01b-1280');
      await page.setViewportSize({ width: 900, height: 800 });
      await waitText(cell(1, 'monthlyFee'), '24,000円');
      expect(await feeInView()).toBe(true);
      // The page list is a row above the page: every page's button on one line, above the version list.
      const [tariffs, scenarios, versions] = await Promise.all([
        testId('nav-tariffs').boundingBox(),
        testId('nav-scenarios').boundingBox(),
        page.locator('.version-column').boundingBox(),
      ]);
      expect(scenarios!.y).toBe(tariffs!.y);
      expect(scenarios!.x).toBeGreaterThan(tariffs!.x);
      expect(versions!.y).toBeGreaterThanOrEqual(tariffs!.y + tariffs!.height);
      // The engine panel is below the grid, not squeezing it.
      expect((await testId('engine-panel').boundingBox())!.y).toBeGreaterThan((await testId('grid-courses').boundingBox())!.y);
      await shot(page, '01c-900');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('filters by series named as the grid names them (旧コース, not legacy)', async () => {
    expect(await testId('grid-series').locator('option').allTextContents()).toEqual(['すべてのシリーズ', '旧コース', 'M5525 シリーズ', 'M2035 シリーズ']);
    await testId('grid-series').selectOption({ label: '旧コース' });
    const legacy = tariff!.courses.filter((c) => c.series === 'legacy').length;
    await waitText(testId('grid-count'), `150 行中 ${legacy} 行`);
    expect(await cell(1, 'series').textContent()).toBe('旧コース');
    await testId('grid-series').selectOption('');
    await waitText(testId('grid-count'), '150 行中 150 行');
  });

  it('starts a draft with its own effective date', async () => {
    await createTariffDraft(studio.page, '2025-04-01', '2025年4月改定');
    await waitText(testId('change-count'), '変更 0 件');
  });

  it('finds a course, edits its price: the cell is marked, the count and the engine panel change', async () => {
    await testId('grid-search').fill('M2035N・3年コース・クラウド 7・SN');
    await waitText(testId('grid-count'), '150 行中 1 行');
    const fee = cell(1, 'monthlyFee');
    expect(await fee.textContent()).toBe(yen(FEE));
    await fee.click();
    await waitText(testId('engine-regular-month-after'), yen(withTax(FEE)));
    expect(await testId('engine-regular-month-before').textContent()).toBe(yen(withTax(FEE)));
    await fee.dblclick();
    await studio.page.keyboard.press('ControlOrMeta+A');
    await studio.page.keyboard.type(String(NEW_FEE));
    await studio.page.keyboard.press('Enter');
    await waitText(testId('change-count'), '変更 1 件');
    await waitText(fee, yen(NEW_FEE));
    expect(await fee.getAttribute('class')).toContain('cell-changed');
    expect(await fee.locator('[title]').getAttribute('title')).toBe(`変更前: ${yen(FEE)}`);
    await waitText(testId('engine-regular-month-after'), yen(withTax(NEW_FEE)));
    expect(await testId('engine-regular-month-before').textContent()).toBe(yen(withTax(FEE)));
    expect(await testId('engine-regular-month').getAttribute('class')).toContain('engine-differs');
    await shot(studio.page, '02-price-edited');
  });

  it('refuses text in a yen cell with a message naming the cell, and saves nothing', async () => {
    const fee = cell(1, 'monthlyFee');
    await fee.click();
    await studio.page.keyboard.type('abc');
    await studio.page.keyboard.press('Enter');
    await waitText(testId('error-banner'), '0 以上の整数（円）');
    expect(await testId('error-banner').textContent()).toContain('M2035N-3Y-C7-SN');
    expect(await testId('change-count').textContent()).toBe('変更 1 件');
    expect(await fee.textContent()).toBe(yen(NEW_FEE));
    await shot(studio.page, '03-invalid-value');
    await studio.page.locator('[data-testid=error-banner] .banner-close').click();
  });

  it('undoes and redoes the edit', async () => {
    await testId('btn-undo').click();
    await waitText(testId('change-count'), '変更 0 件');
    await waitText(cell(1, 'monthlyFee'), yen(FEE));
    expect(await cell(1, 'monthlyFee').getAttribute('class')).not.toContain('cell-changed');
    await waitText(testId('engine-regular-month-after'), yen(withTax(FEE)));
    await testId('btn-redo').click();
    await waitText(testId('change-count'), '変更 1 件');
    await cell(1, 'monthlyFee').click();
    await studio.page.keyboard.press('ControlOrMeta+Z');
    await waitText(testId('change-count'), '変更 0 件');
  });

  it('pastes a block copied from Excel and fills down', async () => {
    await testId('grid-search').fill('M5525N-');
    await waitText(testId('grid-count'), '150 行中 36 行');
    expect(await cell(1, 'code').textContent()).toBe('M5525N-1M-C7-SN');
    await cell(1, 'monthlyFee').click();
    // What Excel puts on the clipboard for three cells of a column, as displayed there.
    await studio.page.evaluate(() => navigator.clipboard.writeText('14,500\r\n"13,000円"\r\n¥10,000\r\n'));
    await studio.page.keyboard.press('ControlOrMeta+V');
    await waitText(testId('change-count'), '変更 3 件');
    expect(await Promise.all([1, 2, 3].map((r) => cell(r, 'monthlyFee').textContent()))).toEqual(['14,500円', '13,000円', '10,000円']);
    await cell(4, 'monthlyFee').click();
    await studio.page.keyboard.press('ControlOrMeta+D');
    await waitText(testId('change-count'), '変更 4 件');
    expect(await cell(4, 'monthlyFee').textContent()).toBe('10,000円');
    // The fill handle: drag the selected cell's corner down two rows, as in Excel.
    await cell(4, 'monthlyFee').click();
    const handle = studio.page.locator('[data-testid=grid-courses] .rdg-cell-drag-handle');
    const from = (await handle.boundingBox())!;
    const to = (await cell(6, 'monthlyFee').boundingBox())!;
    await studio.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await studio.page.mouse.down();
    await studio.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await studio.page.mouse.up();
    await waitText(testId('change-count'), '変更 6 件');
    expect(await Promise.all([5, 6].map((r) => cell(r, 'monthlyFee').textContent()))).toEqual(['10,000円', '10,000円']);
    await shot(studio.page, '04-pasted-and-filled');
    // One undo takes back the whole fill, another the Ctrl+D.
    await testId('btn-undo').click();
    await waitText(testId('change-count'), '変更 4 件');
    // A pasted block with one bad cell changes nothing.
    await cell(5, 'monthlyFee').click();
    await studio.page.evaluate(() => navigator.clipboard.writeText('7000\r\n-1\r\n'));
    await studio.page.keyboard.press('ControlOrMeta+V');
    await waitText(testId('error-banner'), '正しくありません');
    expect(await testId('change-count').textContent()).toBe('変更 4 件');
    await studio.page.locator('[data-testid=error-banner] .banner-close').click();
  });

  let exported = '';
  it('exports the draft to Excel', async () => {
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('btn-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^tariff-2025-04-01-draft-\d+\.xlsx$/u);
    exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    expect(existsSync(exported)).toBe(true);
  });

  it('imports the workbook edited outside the studio: preview cell by cell, then apply as a new draft', async () => {
    const edited = await editWorkbook(readFileSync(exported), (wb) => {
      cellOf(wb, '表1 コース', 'M2035D-1Y-C30-S18', '月額料金（円）').value = 12345;
      cellOf(wb, '表3 オプション', 'place-ai', '料金（円）').value = 4200;
    });
    // Saved again by a real spreadsheet program, as a product manager's file would be.
    const file = join(dir, '改定案.xlsx');
    writeFileSync(file, resaveWithLibreOffice(edited, '改定案.xlsx'));
    await testId('btn-import').click();
    await testId('import-file').setInputFiles(file);
    await waitText(testId('import-change-count'), '変更点 2 件');
    const rows = await studio.page.locator('[data-testid=import-changes] tbody tr').allTextContents();
    expect(rows[0]).toContain('M2035D-1Y-C30-S18');
    expect(rows[0]).toContain('12,345円');
    expect(rows[1]).toContain('place-ai');
    expect(rows[1]).toContain('4,200円');
    expect(await testId('import-effective').inputValue()).toBe('2025-04-01');
    await testId('import-effective').fill('2025-05-01');
    await shot(studio.page, '05-import-preview');
    await testId('import-apply').click();
    await waitText(testId('version-heading'), '施行日 2025-05-01');
    await waitText(testId('change-count'), '変更 2 件');
    await testId('tab-options').click();
    await waitText(studio.page.locator('[data-testid=draft-changes]'), 'place-ai');
    await shot(studio.page, '06-import-applied');
  });

  it('a workbook with errors shows each one with its sheet, row and column, and cannot be applied', async () => {
    const bad = await editWorkbook(readFileSync(exported), (wb) => {
      cellOf(wb, '表1 コース', 'SHORT', '月額料金（円）').value = '要確認';
      cellOf(wb, '表1 コース', 'LONG', 'コード').value = 'SHORT';
      cellOf(wb, '表3 オプション', 'video-api', '料金（円）').value = -100;
      wb.removeWorksheet(wb.getWorksheet('別紙6 最低利用期間')!.id);
    });
    const file = join(dir, 'bad.xlsx');
    writeFileSync(file, bad);
    await testId('btn-import').click();
    await testId('import-file').setInputFiles(file);
    await waitText(testId('import-errors'), 'すべて直すまで取り込めません');
    expect(await testId('import-apply').isDisabled()).toBe(true);
    const rows = await studio.page.locator('[data-testid=import-error-list] tbody tr').allTextContents();
    expect(rows, rows.join('\n')).toHaveLength(4);
    expect(rows[0]).toMatch(/表1 コース.*2.*C 月額料金（円）.*要確認.*0 以上の整数（円）.*CELL_NOT_YEN/u);
    expect(rows[1]).toMatch(/表1 コース.*3.*A コード.*SHORT.*ほかの行と重ならない値.*DUPLICATE_CODE.*already used in row 2/u);
    expect(rows[2]).toMatch(/表3 オプション.*7.*F 料金（円）.*-100.*CELL_NEGATIVE/u);
    expect(rows[3]).toMatch(/別紙6 最低利用期間.*WORKBOOK_SHEET_MISSING/u);
    await shot(studio.page, '07-import-errors');
    await studio.page.getByRole('button', { name: 'キャンセル' }).click();
    await waitText(testId('version-heading'), '施行日 2025-05-01');
  });

  it('an empty file is previewed like any unreadable one: one error saying what to do, nothing to apply', async () => {
    const file = join(dir, 'empty.xlsx');
    writeFileSync(file, '');
    await testId('btn-import').click();
    await testId('import-file').setInputFiles(file);
    await waitText(testId('import-errors'), 'すべて直すまで取り込めません');
    const rows = await studio.page.locator('[data-testid=import-error-list] tbody tr').allTextContents();
    expect(rows, rows.join('\n')).toHaveLength(1);
    expect(rows[0]).toMatch(/ファイルが空です.*WORKBOOK_EMPTY.*empty\.xlsx is empty \(0 bytes\): there is nothing to import\. Export the version again/u);
    // No "base version not found" above a file that could not be read at all.
    expect(await testId('import-preview').textContent()).not.toContain('元のバージョンが見つかりません');
    expect(await testId('import-apply').isDisabled()).toBe(true);
    await shot(studio.page, '07b-import-empty');
    await studio.page.getByRole('button', { name: 'キャンセル' }).click();
    await waitText(testId('version-heading'), '施行日 2025-05-01');
  });

  it('switches to English, with yen as ¥', async () => {
    await testId('lang-switch').click();
    await waitText(testId('version-heading'), 'Effective 2025-05-01');
    await testId('tab-courses').click();
    await testId('grid-search').fill('M2035D-1Y-C30-S18');
    await waitText(cell(1, 'monthlyFee'), '¥12,345');
    await cell(1, 'monthlyFee').click();
    await waitText(testId('engine-panel'), 'Settlement when cancelling after 6 months');
    await shot(studio.page, '08-english');
    await testId('lang-switch').click();
    await waitText(testId('version-heading'), '施行日');
  });
});

afterAll(() => rmSync(join(dir, 'bad.xlsx'), { force: true }));

describe('Tariff Studio on a read-only workspace', () => {
  const roFile = join(scratch('e2e-ro-'), 'archive.sqlite');
  closeWorkspace(openWorkspace(roFile, { seed: SEED, actor: 'e2e' }).ws);
  const ro = useStudio(roFile, { args: ['--read-only'] });

  it('says so in a banner (ja and en) and disables what would write, saying why', async () => {
    await ro.page.goto(ro.url);
    await waitText(ro.testId('read-only-banner'), '読み取り専用で開いています');
    await waitText(ro.testId('version-heading'), '施行日 2023-09-19');
    await shot(ro.page, '20-read-only');
    // Writes are disabled before a click (the server would answer WORKSPACE_READ_ONLY); an export still works.
    for (const id of ['btn-create-draft', 'btn-restore', 'btn-import']) if ((await ro.testId(id).count()) > 0) expect(await ro.testId(id).isDisabled(), id).toBe(true);
    await waitText(ro.testId('tariff-role-note'), 'ワークスペースを読み取り専用で開いているため、この操作はできません');
    expect(await ro.testId('btn-export').isDisabled()).toBe(false);
    await shot(ro.page, '21-read-only-disabled');
    await ro.testId('nav-rules').click();
    expect(await ro.testId('btn-rule-draft').isDisabled()).toBe(true);
    await waitText(ro.testId('rules-role-note'), '読み取り専用');
    await ro.testId('nav-tariffs').click();
    await ro.testId('lang-switch').click();
    await waitText(ro.testId('read-only-banner'), 'Opened read-only');
  });
});
