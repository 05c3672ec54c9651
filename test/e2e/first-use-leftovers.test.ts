import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { createTariffDraft, launchChromium, shot, startStudio, useStudio, waitText } from './studio-harness.js';

/**
 * What the first-use sweeps left on the tariff page of the browser mode (a fresh workspace, a
 * 1280×800 window): a refused save's 保存できませんでした goes once the user acts again and never
 * pushes the Excel buttons onto a second line; 表1 コース shows its prices beside the code and name
 * that stay in view; the import's 変更はありません。 sits in a padded box; a studio server that is gone
 * is said in Japanese, in the banner and in the engine panel. Screenshots in test-results/screenshots (first-use-*).
 */
const dir = scratch('e2e-first-use-');
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** The middle height of a box, to tell whether buttons sit on one line. */
const middle = (b: { y: number; height: number }) => b.y + b.height / 2;

describe('the tariff page at 1280×800', () => {
  const studio = useStudio(join(dir, 'page.sqlite'), { viewport: { width: 1280, height: 800 } });
  const { testId } = studio;

  async function oneLine(page: Page): Promise<void> {
    const toolbar = page.locator('[role=toolbar]');
    const boxes = await Promise.all(['btn-undo', 'btn-export', 'btn-import', 'btn-import-into-draft'].map(async (id) => (await toolbar.getByTestId(id).boundingBox())!));
    for (const b of boxes) expect(Math.abs(middle(b) - middle(boxes[0]!))).toBeLessThan(2);
  }

  it('表1 コース: the code and the name stay in view with the monthly fee and the series beside them', async () => {
    const { page } = studio;
    await page.goto(studio.url);
    await waitText(testId('version-heading'), '施行日 2023-09-19');
    const grid = testId('grid-courses');
    await grid.waitFor();
    await shot(page, 'first-use-2-courses-1280');
    const frame = (await grid.boundingBox())!;
    const header = (name: string) => grid.locator('[role=columnheader]', { hasText: name }).first();
    for (const name of ['コード', 'コース名', '月額料金（円）', 'シリーズ']) {
      const b = (await header(name).boundingBox())!;
      expect(b.x + b.width, `${name} ends inside the grid`).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
    }
    // Scrolled to the right, the name is still there (frozen) and the last column comes into view.
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await shot(page, 'first-use-2-courses-1280-scrolled');
    const name = (await header('コース名').boundingBox())!;
    expect(name.x).toBeGreaterThanOrEqual(frame.x);
    expect(name.x + name.width).toBeLessThanOrEqual(frame.x + frame.width);
    const last = (await header('最低利用期間（月）').boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
    await grid.evaluate((el) => (el.scrollLeft = 0));
  });

  it('a refused save says 保存できませんでした on the same toolbar line, and it goes once the banner is closed or a cell is edited again', async () => {
    const { page } = studio;
    await createTariffDraft(page, '2027-04-01', '2027年4月改定');
    await oneLine(page);
    const refuse = async () => {
      // An initial-fee group that courses use cannot be deleted: the save is refused (ROW_IN_USE).
      await testId('tab-initialFees').click();
      await testId('grid-initialFees').locator('[role=row][aria-rowindex="2"] [role=gridcell]').nth(1).click();
      page.once('dialog', (d) => void d.accept());
      await testId('row-delete').click();
      await waitText(testId('error-banner'), 'ROW_IN_USE');
      await waitText(testId('save-state'), '保存できませんでした');
    };
    await refuse();
    await shot(page, 'first-use-1-refused-save-1280');
    await oneLine(page);
    // A narrower window (1180 px) wraps the toolbar rather than pushing the Excel buttons past its edge.
    await page.setViewportSize({ width: 1180, height: 800 });
    const excel = (await testId('excel-actions').boundingBox())!;
    expect(excel.x + excel.width).toBeLessThanOrEqual(1180);
    await shot(page, 'first-use-1-refused-save-1180');
    await page.setViewportSize({ width: 1280, height: 800 });
    await testId('error-banner').getByRole('button', { name: '閉じる' }).click();
    await expect.poll(() => testId('save-state').textContent()).toBe('');
    await refuse();
    // The user goes on: opening a cell to type in it leaves the refusal behind.
    await testId('grid-initialFees').locator('[role=row][aria-rowindex="2"] [role=gridcell]').nth(2).dblclick();
    await expect.poll(() => testId('save-state').textContent()).toBe('');
    await page.keyboard.press('Escape');
    await shot(page, 'first-use-1-refusal-left-behind');
  });

  it("the new-draft import's 変更はありません。 sits in a padded box", async () => {
    const { page } = studio;
    await testId('tab-courses').click();
    const [download] = await Promise.all([page.waitForEvent('download'), testId('btn-export').click()]);
    const file = join(dir, 'same.xlsx');
    await download.saveAs(file);
    expect(readFileSync(file).length).toBeGreaterThan(0);
    await testId('btn-import').click();
    await testId('import-file').setInputFiles(file);
    const none = testId('import-changes');
    await waitText(none, '変更はありません。');
    await shot(page, 'first-use-3-import-no-change');
    const padding = await none.evaluate((el) => {
      const box = el.closest('.scroll-box') ?? el;
      const inner = el.getBoundingClientRect();
      const outer = box.getBoundingClientRect();
      return Math.min(inner.left - outer.left, inner.top - outer.top, outer.bottom - inner.bottom) + parseFloat(getComputedStyle(el).paddingLeft);
    });
    expect(padding).toBeGreaterThanOrEqual(8);
  });
});

describe('browser mode when the studio server is gone', () => {
  it('the banner and the engine panel say it in Japanese, with no English sentence of their own', async () => {
    const server = await startStudio(join(dir, 'gone.sqlite'));
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' })).newPage();
      await page.goto(server.url);
      await waitText(page.getByTestId('version-heading'), '施行日 2023-09-19');
      await createTariffDraft(page, '2027-04-01', '2027年4月改定');
      await server.stop();
      // Picking a course asks the engine; editing a price asks for a save: both calls find no server.
      await page.getByTestId('grid-courses').locator('[role=row][aria-rowindex="2"] [role=gridcell]').nth(3).dblclick();
      await page.keyboard.type('9999');
      await page.keyboard.press('Enter');
      await waitText(page.getByTestId('error-banner'), 'SERVER_UNREACHABLE');
      const banner = page.getByTestId('error-banner');
      await waitText(page.getByTestId('engine-failure'), JAPANESE);
      await shot(page, 'first-use-5-server-gone');
      const engine = (await page.getByTestId('engine-failure').textContent()) ?? '';
      expect(engine).toContain('スタジオのサーバーが応答しません');
      expect(engine).not.toMatch(/the studio server is not answering/u);
      // The banner: the Japanese advice, and no English hint of the renderer's own (the browser's word stays, as a detail).
      expect(await banner.getByTestId('error-advice').textContent()).toContain('スタジオのサーバーが応答しません');
      expect(await banner.textContent()).not.toContain('Is `tariff studio --web` still running');
      expect(await banner.textContent()).not.toContain('the studio server is not answering');
    } finally {
      await browser?.close();
      await server.stop();
    }
  });
});
