import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { createTariffDraft, shot, useStudio, waitText } from './studio-harness.js';
import { feeCell, typePrice } from './team-harness.js';

/**
 * Whoever opens a tariff version after its draft was submitted (the reviewer deciding on it, the
 * product manager checking what was sent) reads its changes as the draft's author did, before →
 * after in the side panel, not only as marked cells somewhere in 150 rows: in review, and once
 * approved. A 1280×800 window, Japanese. Screenshots in test-results/screenshots (review-changes-*).
 */
const dir = scratch('e2e-review-changes-');
const COURSE = 'M2035N・3年コース・クラウド 7・SN';

describe('a submitted price change lists its changes', () => {
  const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1280, height: 800 } });
  const { testId } = studio;

  it('in review and approved, the side panel lists each change with the price before and after', async () => {
    const { page } = studio;
    await page.goto(studio.url);
    await waitText(testId('version-heading'), '施行日 2023-09-19');
    await createTariffDraft(page, '2027-04-01', '2027年4月 価格改定');
    await testId('grid-search').fill(COURSE);
    await waitText(testId('grid-count'), '150 行中 1 行');
    const before = (await feeCell(page).textContent()) ?? '';
    await typePrice(page, '3900');
    await waitText(testId('change-count'), '変更 1 件');
    await waitText(testId('draft-changes'), '3,900円');
    await testId('tr-comment').fill('2027年4月の価格改定です');
    await testId('tr-submit').click();
    await waitText(testId('tariff-notice'), 'レビューに提出しました');
    await waitText(page.locator('[role=toolbar] .badge-in-review'), 'レビュー中');
    // The reviewer's view: the change, before and after, beside the review panel.
    const listed = await waitText(testId('draft-changes'), '3,900円');
    expect(listed).toContain(before.trim());
    expect(listed).toContain('月額料金（円）');
    await shot(page, 'review-changes-1-in-review');
    await testId('tr-reviewer').fill('kato');
    await testId('tr-comment').fill('承認します');
    await testId('tr-approve').click();
    await waitText(page.locator('[role=toolbar] .badge-approved'), '承認済み');
    await waitText(testId('draft-changes'), '3,900円');
    // The review history beside it keeps each step's word whole at 1280 px (it wrapped as 提 / 出 and 承 / 認).
    const steps = page.locator('[data-testid=tr-history] td:nth-child(2)');
    await waitText(steps.last(), '承認');
    for (const cell of await steps.all()) {
      const lines = await cell.evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
      });
      expect({ step: await cell.textContent(), lines }).toEqual({ step: await cell.textContent(), lines: 1 });
    }
    await testId('tr-history').scrollIntoViewIfNeeded();
    await shot(page, 'review-changes-2-approved');
    // The seed version came from no other: it has nothing to list, and no empty list is shown.
    await testId('version-1').click();
    await waitText(testId('version-heading'), '施行日 2023-09-19');
    expect(await testId('draft-changes').count()).toBe(0);
  });
});
