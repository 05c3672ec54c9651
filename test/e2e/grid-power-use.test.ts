import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTariffVersions } from '../../src/io/folder-store.js';
import { courseColumns } from '../../src/tariff-model/tariff-columns.js';
import { scratch, SEED } from '../studio/helpers.js';
import { shot, useStudio, waitText } from './studio-harness.js';

/**
 * A product manager's day in the tariff grid, as with a spreadsheet, in a browser whose locale is
 * en-US (Chromium's own date input would show mm/dd/yyyy there): dates typed and shown as
 * YYYY-MM-DD, keyboard navigation, a block selected and copied to Excel as TSV, blocks pasted from
 * Excel in the forms Excel and people write numbers (1,200, １２００, ¥1,300, trailing blanks),
 * every value read in another form said, a ragged block refused, fill down, undo and redo of a
 * paste, sort and filter then edit, bad cells with their message and place. At 1280×800;
 * screenshots grid-*.png in test-results/screenshots.
 */
const dir = scratch('e2e-grid-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'], locale: 'en-US' });
const { testId } = studio;

const [tariff] = loadTariffVersions(SEED.tariffsDir);
const courses = tariff!.courses;
const col = (key: string) => courseColumns.findIndex((c) => c.key === key) + 2;
const cell = (row: number, key: string) => studio.page.locator(`[data-testid=grid-courses] [role=row][aria-rowindex="${row + 1}"] [role=gridcell][aria-colindex="${col(key)}"]`);
const rowNumber = (row: number) => studio.page.locator(`[data-testid=grid-courses] [role=row][aria-rowindex="${row + 1}"] [role=gridcell][aria-colindex="1"]`);
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const fees = (rows: number[]) => Promise.all(rows.map((r) => cell(r, 'monthlyFee').textContent()));
/** The grid cell that has the focus: its row (1 = the header) and column (1 = the row number), or null when the focus left the grid. */
const active = () =>
  studio.page.evaluate(() => {
    const el = document.activeElement;
    if (!el?.closest('[data-testid=grid-courses]')) return null;
    return { row: Number(el.closest('[aria-rowindex]')?.getAttribute('aria-rowindex')), col: Number(el.getAttribute('aria-colindex')) };
  });
const clip = (text: string) => studio.page.evaluate((t) => navigator.clipboard.writeText(t), text);
const clipboard = () => studio.page.evaluate(() => navigator.clipboard.readText());
const closeBanners = async () => {
  for (const id of ['error-banner', 'tariff-notice']) if ((await testId(id).count()) > 0) await studio.page.locator(`[data-testid=${id}] .banner-close`).click();
};

describe('the tariff grid and the date fields, used all day (browser locale en-US)', () => {
  it('a date is typed and shown as YYYY-MM-DD, checked as it is typed, with its message tied to the field', async () => {
    const page = studio.page;
    await page.goto(studio.url);
    await waitText(testId('version-heading'), '施行日 2023-09-19');
    // The in-force panel's date: the studio's today as YYYY-MM-DD, not 11/30/2026.
    expect(await testId('in-force-date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(await testId('in-force-date').getAttribute('type')).toBe('text');
    await testId('btn-create-draft').click();
    const field = testId('draft-effective');
    expect(await field.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    // A day February does not have: said at once, in the page's language, and the dialog cannot create.
    await field.fill('2027-02-30');
    await waitText(testId('draft-effective-message'), '「2027-02-30」: 2027年2月は 28 日までです。');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const described = await field.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain('28 日まで');
    expect(await testId('draft-create').isDisabled()).toBe(true);
    await shot(page, 'grid-00-date-invalid');
    // Unfinished is not an error while typing; it is once the field is left.
    await field.fill('2027-04');
    expect(await testId('draft-effective-message').textContent()).toBe('');
    await page.keyboard.press('Tab');
    await waitText(testId('draft-effective-message'), 'YYYY-MM-DD の形で入力してください（例: 2025-04-01）');
    // Excel's way of showing a date in Japan is read, and shown as YYYY-MM-DD once the field is left.
    await field.fill('2027/4/1');
    await page.keyboard.press('Tab');
    expect(await field.inputValue()).toBe('2027-04-01');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    expect(await field.getAttribute('aria-describedby')).toBeNull();
    expect(await testId('draft-create').isDisabled()).toBe(false);
    await testId('draft-create').click();
    await waitText(testId('version-heading'), '施行日 2027-04-01');
    // The in-force panel keeps a date typed the Japanese way, shown as YYYY-MM-DD.
    await testId('in-force-date').fill('２０２７年４月１日');
    await testId('in-force-date').press('Enter');
    expect(await testId('in-force-date').inputValue()).toBe('2027-04-01');
    expect(await testId('in-force-date').getAttribute('aria-invalid')).toBeNull();
  });

  it('moves with the keyboard as Excel does: Home to the first column, Ctrl+Home back to the top left', async () => {
    const page = studio.page;
    await cell(2, 'monthlyFee').click();
    await page.keyboard.press('ArrowDown');
    expect(await active()).toEqual({ row: 4, col: col('monthlyFee') });
    await page.keyboard.press('Tab');
    expect(await active()).toEqual({ row: 4, col: col('monthlyFee') + 1 });
    await page.keyboard.press('Home');
    await expect.poll(active).toEqual({ row: 4, col: col('code') });
    await page.keyboard.press('End');
    expect(await active()).toEqual({ row: 4, col: courseColumns.length + 1 });
    await page.keyboard.press('PageDown');
    expect((await active())!.row).toBeGreaterThan(10);
    await page.keyboard.press('Control+End');
    expect(await active()).toEqual({ row: courses.length + 1, col: courseColumns.length + 1 });
    // Ctrl+Home used to land on the header's row number with the grid still scrolled to the far right and bottom.
    await page.keyboard.press('Control+Home');
    await expect.poll(active).toEqual({ row: 2, col: col('code') });
    expect(await testId('grid-courses').evaluate((g) => [g.scrollLeft, g.scrollTop])).toEqual([0, 0]);
    expect(await cell(1, 'monthlyFee').textContent()).toBe(yen(courses[0]!.monthlyFee));
  });

  it('selects a block with Shift+arrows and copies it as Excel does (tab-separated, a line per row)', async () => {
    const page = studio.page;
    await cell(1, 'code').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await page.locator('[data-testid=grid-courses] .cell-in-block').count()).toBe(9);
    await page.keyboard.press('ControlOrMeta+C');
    const want = courses
      .slice(0, 3)
      .map((c) => `${c.code}\t${/["\t\n]/u.test(c.name) ? `"${c.name.replace(/"/gu, '""')}"` : c.name}\t${c.monthlyFee}\r\n`)
      .join('');
    expect(await clipboard()).toBe(want);
    await waitText(testId('tariff-notice'), '3 行 × 3 列（9 セル）をコピーしました');
    await shot(page, 'grid-01-block-copied');
    // Shift+click extends a block too; a plain click starts again.
    await cell(1, 'monthlyFee').click();
    await cell(4, 'monthlyFee').click({ modifiers: ['Shift'] });
    expect(await page.locator('[data-testid=grid-courses] .cell-in-block').count()).toBe(4);
    await cell(1, 'monthlyFee').click();
    expect(await page.locator('[data-testid=grid-courses] .cell-in-block').count()).toBe(0);
    await closeBanners();
  });

  it('pastes a block from Excel written as people write numbers, and says which cells it read in another form', async () => {
    const page = studio.page;
    await cell(1, 'monthlyFee').click();
    await clip('1,200\r\n１２００\r\n¥1,300\r\n1400  \r\n');
    await page.keyboard.press('ControlOrMeta+V');
    await waitText(testId('change-count'), '変更 4 件');
    expect(await fees([1, 2, 3, 4])).toEqual([yen(1200), yen(1200), yen(1300), yen(1400)]);
    const notice = await waitText(testId('tariff-notice'), '4 セルを貼り付けました。');
    expect(notice).toContain('4 セルは書き方を直して読みました: 「1,200」→ 1,200円、「１２００」→ 1,200円、「¥1,300」→ 1,300円、ほか 1 セル。');
    expect(await testId('tariff-notice').getAttribute('data-tone')).toBe('ok');
    await shot(page, 'grid-02-pasted-normalised');
    // One undo takes back the whole paste; redo puts it back.
    await page.keyboard.press('ControlOrMeta+Z');
    await waitText(testId('change-count'), '変更 0 件');
    expect(await fees([1, 2, 3, 4])).toEqual(courses.slice(0, 4).map((c) => yen(c.monthlyFee)));
    await page.keyboard.press('ControlOrMeta+Y');
    await waitText(testId('change-count'), '変更 4 件');
    expect(await fees([1, 2, 3, 4])).toEqual([yen(1200), yen(1200), yen(1300), yen(1400)]);
    await closeBanners();
    // A series written as the grid shows it (its label), not as its code: read as the code, and said.
    await cell(1, 'series').click();
    await clip('Legacy course\r\n');
    await page.keyboard.press('ControlOrMeta+V');
    await waitText(testId('tariff-notice'), '「Legacy course」→ 旧コース（legacy）');
    expect(await cell(1, 'series').textContent()).toBe('旧コース');
    expect(await testId('change-count').textContent()).toBe('変更 4 件');
    await closeBanners();
  });

  it('refuses a ragged block rather than put values under the wrong headers', async () => {
    const page = studio.page;
    await cell(1, 'monthlyFee').click();
    await clip('1500\tlegacy\r\n1600\tlegacy\t3\r\n');
    await page.keyboard.press('ControlOrMeta+V');
    const notice = await waitText(testId('tariff-notice'), '貼り付けた 2 行目は 3 列で、1 行目（2 列）と列の数が違います');
    expect(notice).toContain('何も貼り付けていません');
    expect(await testId('tariff-notice').getAttribute('data-tone')).toBe('warning');
    expect(await testId('change-count').textContent()).toBe('変更 4 件');
    expect(await fees([1, 2])).toEqual([yen(1200), yen(1200)]);
    await closeBanners();
  });

  it('pastes a row on its row number from the first column, and one value over a block into each cell', async () => {
    const page = studio.page;
    // Before: a paste on the row number did nothing and said nothing.
    await rowNumber(2).click();
    await clip(`${courses[1]!.code}\t長期コース（改）\r\n`);
    await page.keyboard.press('ControlOrMeta+V');
    await waitText(cell(2, 'name'), '長期コース（改）');
    expect(await cell(2, 'code').textContent()).toBe(courses[1]!.code);
    await cell(5, 'monthlyFee').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await clip('2,000');
    await page.keyboard.press('ControlOrMeta+V');
    await waitText(cell(7, 'monthlyFee'), yen(2000));
    expect(await fees([5, 6, 7])).toEqual([yen(2000), yen(2000), yen(2000)]);
    await closeBanners();
  });

  it('fills a selected block down from its top row with Ctrl+D, as one undo step', async () => {
    const page = studio.page;
    await cell(8, 'monthlyFee').click();
    await clip('3333');
    await page.keyboard.press('ControlOrMeta+V');
    await waitText(cell(8, 'monthlyFee'), yen(3333));
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('ControlOrMeta+D');
    await waitText(cell(10, 'monthlyFee'), yen(3333));
    expect(await fees([9, 10])).toEqual([yen(3333), yen(3333)]);
    await waitText(testId('tariff-notice'), '2 セルに入力しました');
    await page.keyboard.press('ControlOrMeta+Z');
    await waitText(cell(10, 'monthlyFee'), yen(courses[9]!.monthlyFee));
    expect(await fees([8, 9])).toEqual([yen(3333), yen(courses[8]!.monthlyFee)]);
    await closeBanners();
  });

  it('refuses a bad cell with what is wrong, which cell, and what to enter; nothing saved', async () => {
    const page = studio.page;
    const before = await testId('change-count').textContent();
    for (const [text, says] of [
      ['1200.5', '「1200.5」は受け付けられません。0 以上の整数（円）を入力してください。'],
      ['-100', '「-100」は受け付けられません。'],
      ['abc', '「abc」は受け付けられません。'],
    ] as const) {
      await cell(3, 'monthlyFee').click();
      await clip(`${text}\r\n`);
      await page.keyboard.press('ControlOrMeta+V');
      const banner = await waitText(testId('error-banner'), says);
      expect(banner).toContain(`${courses[2]!.code} の「月額料金（円）」`);
      expect(await cell(3, 'monthlyFee').getAttribute('class')).toContain('cell-error');
      expect(await testId('change-count').textContent()).toBe(before);
      await closeBanners();
    }
    // A blank where a price is required: said as blank, not as 「」.
    await cell(3, 'monthlyFee').click();
    await page.keyboard.press('Delete');
    await waitText(testId('error-banner'), `${courses[2]!.code} の「月額料金（円）」は空欄にできません。0 以上の整数（円）を入力してください。`);
    await shot(page, 'grid-03-invalid-cell');
    await closeBanners();
  });

  it('after a sort, an edited price stays where it was, with the focus, so the next value goes below it', async () => {
    const page = studio.page;
    await page.locator('[data-testid=grid-courses] [role=columnheader]', { hasText: '月額料金（円）' }).click();
    await waitText(cell(1, 'monthlyFee'), yen(1200));
    const first = await cell(1, 'code').textContent();
    const second = await cell(2, 'code').textContent();
    await cell(1, 'monthlyFee').click();
    await page.keyboard.type('99999');
    await page.keyboard.press('Enter');
    await waitText(cell(1, 'monthlyFee'), yen(99999));
    // Before: the row jumped to the end of the sorted grid and the focus fell to the page.
    expect(await cell(1, 'code').textContent()).toBe(first);
    // Enter went down a row, as in Excel: the next price is typed at once.
    await expect.poll(active).toEqual({ row: 3, col: col('monthlyFee') });
    await page.keyboard.type('88888');
    await page.keyboard.press('Enter');
    await waitText(cell(2, 'monthlyFee'), yen(88888));
    expect(await cell(2, 'code').textContent()).toBe(second);
    await shot(page, 'grid-04-sorted-edit');
    // The page says the rows are out of their sort, and works them out again when asked.
    await testId('grid-reapply').click();
    await waitText(cell(1, 'monthlyFee'), yen(1300));
    await testId('grid-reapply').waitFor({ state: 'detached' });
    // Sorting again works the order out again.
    await page.locator('[data-testid=grid-courses] [role=columnheader]', { hasText: '月額料金（円）' }).click();
    await waitText(cell(1, 'monthlyFee'), yen(99999));
    await page.locator('[data-testid=grid-courses] [role=columnheader]', { hasText: '月額料金（円）' }).click();
  });

  it('after a search, an edited name stays in view until the search changes', async () => {
    const page = studio.page;
    await testId('grid-search').fill('短期コース');
    const count = await waitText(testId('grid-count'), /150 行中 \d+ 行/u);
    expect(await cell(1, 'code').textContent()).toBe(courses[0]!.code);
    await cell(1, 'name').dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('試験コース');
    await page.keyboard.press('Enter');
    await waitText(cell(1, 'name'), '試験コース');
    expect(await testId('grid-count').textContent()).toBe(count);
    await testId('grid-search').fill('');
  });

  it('in English: the notices and the date messages are in English', async () => {
    const page = studio.page;
    await testId('lang-switch').click();
    await waitText(testId('version-heading'), 'Effective 2027-04-01');
    await cell(1, 'monthlyFee').click();
    await clip('１２３４\r\n');
    await page.keyboard.press('ControlOrMeta+V');
    await waitText(testId('tariff-notice'), 'Pasted 1 cell. 1 cell was read in the standard form: "１２３４" → ¥1,234.');
    await testId('in-force-date').fill('2027-13-01');
    await waitText(testId('in-force-date-message'), '"2027-13-01": the month is 01 to 12.');
    expect(await testId('in-force-date').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'grid-05-english');
    await testId('in-force-date').fill('2027-04-01');
    await testId('lang-switch').click();
    await waitText(testId('version-heading'), '施行日 2027-04-01');
  });

  it('the explorer and the scenario form show their dates as YYYY-MM-DD and YYYY-MM, in Japanese and in English', async () => {
    const page = studio.page;
    await testId('nav-explorer').click();
    expect(await testId('explorer-asof').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    await testId('explorer-asof').fill('2024/6/1');
    await page.keyboard.press('Tab');
    expect(await testId('explorer-asof').inputValue()).toBe('2024-06-01');
    // A date fact too (it was Chromium's mm/dd/yyyy in this locale).
    await testId('fact-dueDate').waitFor();
    expect(await testId('fact-dueDate').getAttribute('type')).toBe('text');
    await testId('fact-dueDate').fill('2024/4/30');
    await testId('fact-dueDate').press('Enter');
    expect(await testId('fact-dueDate').inputValue()).toBe('2024-04-30');
    await shot(page, 'grid-06-explorer-ja');
    await testId('explorer-asof').fill('2024-06-31');
    await waitText(testId('explorer-asof-message'), '2024年6月は 30 日までです');
    expect(await testId('explorer-run').isDisabled()).toBe(true);
    await testId('explorer-asof').fill('2024-06-01');
    expect(await testId('explorer-run').isDisabled()).toBe(false);
    await testId('nav-scenarios').click();
    await testId('scenario-form').waitFor();
    expect(await testId('scn-start').inputValue()).toMatch(/^\d{4}-\d{2}$/u);
    expect(await testId('scn-start-from').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    const start = await testId('scn-start').inputValue();
    await testId('scn-start').fill('2025-13');
    await waitText(testId('scn-start-message'), '「2025-13」: 月は 01〜12 です。');
    await shot(page, 'grid-07-scenarios-ja');
    await testId('scn-start').fill(start);
    await testId('lang-switch').click();
    await waitText(testId('scenario-form'), 'Fleet');
    await testId('scn-start-from').fill('2025-02-29');
    await waitText(testId('scn-start-from-message'), '"2025-02-29": 2025-02 has 28 days.');
    await shot(page, 'grid-08-scenarios-en');
    await testId('scn-start-from').fill('2025-02-01');
    // The scenario form now differs from the one saved (none): leaving it asks first.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await testId('nav-explorer').click();
    expect(asked).toEqual([expect.stringContaining('You have typed changes that are not saved')]);
    await testId('fact-dueDate').waitFor();
    await testId('fact-paidDate').fill('2024-05-32');
    await waitText(testId('fact-paidDate-message'), '"2024-05-32": 2024-05 has 31 days.');
    await shot(page, 'grid-09-explorer-en');
    await testId('fact-paidDate').fill('');
    await testId('lang-switch').click();
  });
});
