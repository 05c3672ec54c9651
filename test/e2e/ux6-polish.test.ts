import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { expectAccessible } from './axe-audit.js';
import { fillScenario, openScenarios, shot, useStudio, waitText } from './studio-harness.js';

/**
 * The polish the last walkthrough left (ux6), held in the browser mode on a fresh workspace:
 * the tariff toolbar of a draft on one line at 1280 and 1440 px in both languages, the
 * approver's name without nested brackets, the version cards' room beneath, the by-item chart
 * in English and the band's translucent legend square. Screenshots in test-results/screenshots (ux6-*).
 */
const dir = scratch('e2e-ux6-');
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** Sets the page's language with the header's button (the choice is kept in the browser). */
async function setLang(page: Page, lang: 'ja' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

describe('the tariff page and the rules page', () => {
  const studio = useStudio(join(dir, 'pages.sqlite'), { bypassCSP: true });
  const { testId } = studio;

  it("a draft's toolbar holds one line at 1280 and 1440 px in both languages; 下書きを破棄 sits with submitting, away from the Excel buttons", async () => {
    const { page } = studio;
    await page.goto(studio.url);
    await waitText(testId('version-heading'), '2023-09-19');
    await testId('btn-create-draft').click();
    await testId('draft-effective').fill('2027-04-01');
    await testId('draft-create').click();
    await waitText(testId('version-heading'), '2027-04-01');
    const toolbar = page.locator('[role=toolbar]');
    const buttons = ['btn-undo', 'btn-redo', 'btn-export', 'btn-import', 'btn-import-into-draft'];
    for (const lang of ['ja', 'en'] as const) {
      await setLang(page, lang);
      for (const width of [1440, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const boxes = await Promise.all(buttons.map(async (id) => (await toolbar.getByTestId(id).boundingBox())!));
        const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
        for (const [i, b] of boxes.entries()) expect(Math.abs(middle(b) - middle(boxes[0]!)), `${buttons[i]} at ${width} px (${lang})`).toBeLessThan(2);
        // The Excel round trip is one group, at the right of the line.
        const group = (await testId('excel-actions').boundingBox())!;
        expect(group.x + group.width).toBeGreaterThan((await toolbar.boundingBox())!.x + (await toolbar.boundingBox())!.width - 2);
        expect(await testId('excel-actions').locator('button').count()).toBe(3);
        await shot(page, `ux6-1-toolbar-${lang}-${width}`);
      }
    }
    // Discarding is a lifecycle action: in the review panel beneath "submit", not in the toolbar.
    expect(await toolbar.getByTestId('btn-discard').count()).toBe(0);
    const discard = testId('tariff-review').getByTestId('btn-discard');
    const submit = (await testId('tr-submit').boundingBox())!;
    expect((await discard.boundingBox())!.y).toBeGreaterThan(submit.y + submit.height);
    await setLang(page, 'ja');
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitText(discard, '下書きを破棄');
    await expectAccessible(page, 'draft toolbar and review panel with discard (ux6)');
    page.once('dialog', (d) => void d.accept());
    await discard.click();
    await waitText(testId('version-heading'), '施行日 2023-09-19');
    await expect.poll(() => page.locator('.version-item', { hasText: '2027-04-01' }).count()).toBe(0);
  });

  it("a version card's notes end with room beneath them (not on the card's border)", async () => {
    const { page } = studio;
    for (const nav of ['nav-tariffs', 'nav-rules']) {
      await testId(nav).click();
      const card = page.locator('.version-item').first();
      await card.waitFor();
      const box = (await card.boundingBox())!;
      const last = (await card.locator('span').last().boundingBox())!;
      expect(box.y + box.height - (last.y + last.height), nav).toBeGreaterThanOrEqual(8);
    }
    await shot(page, 'ux6-4-version-card');
  });

  it('an approved rule version names its approver without nested brackets, in both languages', async () => {
    const { page } = studio;
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await testId('btn-rule-draft').click();
    await testId('rule-draft-effective').fill('2031-04-01');
    await testId('rule-draft-create').click();
    await waitText(testId('rule-version-heading'), '施行日 2031-04-01');
    await testId('rules-tab-review').click();
    await testId('review-comment').fill('文言のみの確認');
    await testId('btn-submit-review').click();
    await waitText(testId('rule-version-status'), 'レビュー中');
    await testId('review-reviewer').fill('加藤（法務）');
    await testId('review-comment').fill('確認しました');
    await expect.poll(() => testId('btn-approve').isDisabled(), { timeout: 120_000 }).toBe(false);
    await testId('btn-approve').click();
    await waitText(testId('rule-version-status'), '承認済み');
    expect(await testId('review-frozen').textContent()).toBe('承認済み · 承認者 加藤（法務）。このバージョンは凍結されています。');
    await shot(page, 'ux6-3-approver-ja');
    await setLang(page, 'en');
    expect(await testId('review-frozen').textContent()).toBe('Approved by 加藤（法務）. This version is frozen.');
    await setLang(page, 'ja');
  });

  it('English pass: an enum column of the grid is wide enough for its English label (Legacy course, not Legacy …)', async () => {
    const { page } = studio;
    await testId('nav-tariffs').click();
    await setLang(page, 'en');
    await waitText(testId('version-heading'), 'Effective 2023-09-19');
    const series = testId('grid-courses').locator('[role=gridcell][aria-colindex="5"]').first();
    expect(await series.textContent()).toBe('Legacy course');
    expect(await series.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await shot(page, 'ux6-6-tariffs-en');
    await setLang(page, 'ja');
  });
});

describe('the Scenarios page in English', () => {
  const studio = useStudio(join(dir, 'scenarios.sqlite'), { bypassCSP: true });
  const { testId } = studio;

  it('the by-item chart and table label the items in English, the Japanese term in the tooltip', async () => {
    await openScenarios(studio);
    await setLang(studio.page, 'en');
    await fillScenario(studio, { name: 'ux6 items', size: 300, months: 12 });
    await testId('scn-replications').fill('3');
    await testId('scn-proposal-qe-add').click();
    await testId('scn-run').click();
    await waitText(testId('scn-notice'), 'Run finished', 120_000);
    const ticks = testId('chart-by-item').locator('.recharts-yAxis-tick-labels text');
    await expect.poll(() => ticks.count()).toBeGreaterThan(2);
    for (const text of await ticks.allTextContents()) expect(text).not.toMatch(JAPANESE);
    const monthly = testId('table-by-item').locator('tr[data-key="monthly-fee 別紙3表1"] td').first();
    expect(await monthly.locator('[data-item-label]').textContent()).toBe('Monthly fees');
    expect(await monthly.getAttribute('title')).toBe('月額料金 別紙3表1');
    for (const text of await testId('table-by-item').locator('[data-item-label]').allTextContents()) expect(text).not.toMatch(JAPANESE);
    await testId('chart-by-item').scrollIntoViewIfNeeded();
    await shot(studio.page, 'ux6-2-by-item-en');
  });

  it("a band's legend square is as translucent as the band it stands for", async () => {
    const chart = testId('chart-revenue');
    await chart.scrollIntoViewIfNeeded();
    const square = chart.locator('.recharts-legend-item', { hasText: /^Proposal p5–p95$/u }).locator('path.recharts-symbols');
    const fill = await square.getAttribute('fill');
    expect(fill).toMatch(/^rgba\(31, 95, 191, 0\.18\)$/u);
    // The band on the chart is painted with the same translucent colour.
    expect(await chart.locator('.recharts-area-area').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')))).toContain(fill);
    // Its label keeps the solid colour of its series, readable.
    expect(
      await chart
        .locator('.recharts-legend-item', { hasText: /^Proposal p5–p95$/u })
        .locator('.recharts-legend-item-text span')
        .evaluate((e) => getComputedStyle(e).color),
    ).toBe('rgb(31, 95, 191)');
    await shot(studio.page, 'ux6-5-band-legend');
    await expectAccessible(studio.page, 'scenario result in English with item labels and band legend (ux6)');
  });

  it('English pass: the summary keeps room for its metrics, and the counts take their plural (1 run, not 1 runs)', async () => {
    // At 1280 px the summary with its p5–p95 columns stays inside its card (a range breaks after its dash).
    await studio.page.setViewportSize({ width: 1280, height: 800 });
    expect(await testId('summary-table').evaluate((e) => e.closest('section')!.scrollWidth <= e.closest('section')!.clientWidth)).toBe(true);
    const metric = testId('summary-table').locator('tr[data-key=netExTax] td').first();
    expect(await metric.textContent()).toBe('Net revenue ex tax');
    // One line: as tall as a one-line cell beside it.
    const [name, value] = [(await metric.boundingBox())!, (await testId('summary-table').locator('tr[data-key=netExTax] td').nth(1).boundingBox())!];
    expect(name.height).toBeLessThanOrEqual(value.height + 1);
    const meta = (await testId('result-meta').textContent())!;
    expect(meta).toContain('300 contracts × 12 months from');
    expect(meta).not.toMatch(/\(s\)|\b1 workers/u);
    await testId('scn-toggle-form').click();
    await testId('scn-replications').fill('1');
    await waitText(testId('scn-run-size'), '300 contracts × 12 months × 1 run = 3,600 contract-months');
    await testId('scn-months').fill('1');
    await waitText(testId('scn-run-size'), '300 contracts × 1 month × 1 run = 300 contract-months');
    await shot(studio.page, 'ux6-6-scenario-size-en');
  });
});
