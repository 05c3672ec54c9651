import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { fillScenario, launchChromium, openScenarios, shot, startStudio, useStudio, waitText, type Studio } from './studio-harness.js';

/**
 * A new user's walkthrough of the studio (ux5): finance on the Scenarios page, legal on the
 * Rules page, an admin on the team server, and the first start and its error states, held to
 * what the walkthrough found. Screenshots in test-results/screenshots (ux5-*).
 */
const dir = scratch('e2e-ux5-');

describe('finance on the Scenarios page', () => {
  const studio = useStudio(join(dir, 'finance.sqlite'), { viewport: { width: 1280, height: 800 } });
  const { testId } = studio;

  it('a long run (replications and a tornado) says which of its simulations is running, not 100% after the first', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: 'M2035 3年 −500円 ux5', size: 1500, months: 24 });
    await testId('scn-replications').fill('3');
    await testId('scn-sensitivity').check();
    await testId('scn-proposal-qe-add').click();
    await testId('scn-run').click();
    await waitText(testId('run-progress-text'), /反復 [23] \/ 3 回目を実行中|感応度: 前提 \d+ \/ \d+ を下げて・上げて実行中/u, 120_000);
    await shot(studio.page, 'ux5-a1-long-run-stage');
    await waitText(testId('scn-notice'), '実行が終わりました', 300_000);
    await testId('scenario-result').waitFor();
  });

  it('every count of the summary carries its unit (件, 契約月) beside the yen figures, and the events chart its axis unit', async () => {
    const cells = (key: string) => testId('summary-table').locator(`tr[data-key=${key}] td`);
    expect(await cells('contracts').nth(1).textContent()).toMatch(/^[\d,]+ 件$/u);
    expect(await cells('contracts').nth(3).textContent()).toMatch(/^\+?[\d,]+ 件$/u);
    expect(await cells('contracts').nth(4).textContent()).toMatch(/^[\d,]+ 件 – [\d,]+ 件$/u);
    expect(await cells('contractMonths').nth(1).textContent()).toMatch(/^[\d,]+ 契約月$/u);
    expect(await cells('monthlyFees').nth(1).textContent()).toMatch(/^[\d,]+円$/u);
    await testId('summary-table').scrollIntoViewIfNeeded();
    await shot(studio.page, 'ux5-a2-summary-units');
    await testId('chart-events').scrollIntoViewIfNeeded();
    expect(await testId('chart-events').locator('text.recharts-label').textContent()).toBe('件');
    await shot(studio.page, 'ux5-a3-events-axis');
  });

  it('the tornado says how far each assumption was moved: ±20% by default, and each row from what to what', async () => {
    await testId('chart-tornado').scrollIntoViewIfNeeded();
    await waitText(testId('chart-tornado').locator('p.muted'), '値の指定がない前提は ±20%');
    const hazard = testId('table-tornado').locator('tr[data-key="/cancellation/monthlyHazard"] td[data-moved]');
    // The form's default hazard 0.01 a month, moved 20% down and up.
    expect(await hazard.textContent()).toBe('0.008 ← 0.01 → 0.012');
    expect(await testId('table-tornado').locator('thead').textContent()).toContain('下げた値 ← 元の値 → 上げた値');
    await shot(studio.page, 'ux5-a4-tornado-moved');
  });

  it('the result says the proposal is the baseline version with the edits below, not a "(下書き)" that is nowhere in the workspace', async () => {
    const meta = (await testId('result-meta').textContent())!;
    expect(meta).toContain('現行案: ルール 2023-09-19 (承認済み)、料金表 2023-09-19 (承認済み)');
    expect(meta).toContain('変更案: ルール 2023-09-19、料金表 2023-09-19 の写しに下の編集を加えたもの（版そのものは変わりません）');
    expect(meta).not.toContain('下書き');
    await testId('result-meta').scrollIntoViewIfNeeded();
    await shot(studio.page, 'ux5-a5-sides');
  });

  it('the quick edit keeps its unit (円／月) on the line of its amount', async () => {
    await testId('scn-toggle-form').click();
    const input = testId('scn-proposal-qe-change');
    await input.scrollIntoViewIfNeeded();
    const [box, unit] = [await input.boundingBox(), await testId('scn-proposal-qe-unit').boundingBox()];
    expect(unit!.y + unit!.height / 2).toBeGreaterThan(box!.y);
    expect(unit!.y + unit!.height / 2).toBeLessThan(box!.y + box!.height);
    expect(unit!.x).toBeGreaterThan(box!.x + box!.width - 1);
    await shot(studio.page, 'ux5-a6-quick-edit-unit');
  });
});

describe('the server gone', () => {
  let studio: Studio | undefined;
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    studio = await startStudio(join(dir, 'gone.sqlite'));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
  });

  it('a page opened after the server stopped says so in Japanese and what to do, instead of "読み込み中…" for ever', async () => {
    await page.goto(studio!.url);
    await page.getByTestId('grid-courses').waitFor();
    await studio!.stop();
    await page.getByTestId('nav-rules').click();
    const banner = page.getByTestId('error-banner');
    await waitText(banner, 'SERVER_UNREACHABLE');
    await waitText(page.getByTestId('error-advice'), 'スタジオのサーバーが応答しません。この操作は届いていないので、何も保存されていません。');
    await shot(page, 'ux5-d1-server-gone-rules');
    await page.getByTestId('nav-tariffs').click();
    await waitText(page.getByTestId('error-advice'), 'スタジオのサーバーが応答しません');
    await shot(page, 'ux5-d2-server-gone-tariffs');
  });
});
