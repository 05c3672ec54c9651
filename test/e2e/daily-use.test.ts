import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { createTariffDraft, shot, useStudio, waitText } from './studio-harness.js';

/**
 * The studio as its users meet it every day (a product manager's price change, legal's review,
 * the explorer), held to what a daily review found: the focus stays in the page after an action
 * that replaces the control it was on, an approval says what it still needs before it is pressed,
 * a refusal replaces the page's last "done", and the explorer starts with the versions in force on
 * its date.
 */
const dir = scratch('e2e-daily-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1280, height: 800 } });
const { testId } = studio;

/** What has the focus: its test id, or its tag when it has none (BODY when the focus was lost). */
const focused = () => studio.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? 'none');

/** One call of the studio's API from the page (same origin, the page's secret path). */
async function call<R>(name: string, args: unknown): Promise<R> {
  const env = await studio.page.evaluate(
    async ([n, a]) => {
      const res = await fetch(new URL(`api/${n as string}`, location.href), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(a) });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    },
    [name, args] as const,
  );
  if (!env.ok) throw new Error(`${name}: ${env.error?.code}`);
  return env.value as R;
}

describe('daily use of the studio, browser mode at 1280×800', () => {
  it('a new user typing into the approved version is told why nothing changes and what to do; an empty table says what it means', async () => {
    await studio.page.goto(studio.url);
    await testId('grid-courses').waitFor();
    const price = studio.page.locator('[data-testid=grid-courses] [role=row]').nth(1).locator('[role=gridcell]').nth(3);
    await price.dblclick();
    await waitText(testId('tariff-notice'), '承認済みのバージョンは編集できません。編集するには下書きを作成してください。');
    await testId('tariff-notice').getByRole('button').click();
    await price.click();
    await studio.page.keyboard.press('5');
    await waitText(testId('tariff-notice'), '下書きを作成してください');
    await shot(studio.page, 'daily-00-read-only');
    await testId('tab-existingContracts').click();
    await waitText(testId('grid-empty'), 'この表には行がありません。行がなければ、既存の契約にも新しい料金が適用されます（既定）。');
    await testId('tab-courses').click();
    await testId('grid-search').fill('NO-SUCH-COURSE');
    await waitText(testId('grid-empty'), '検索・絞り込みに合う行はありません。');
    await testId('grid-search').fill('');
  });

  it('a product manager creates a draft from the keyboard: the focus lands on the new draft, not on the page body', async () => {
    await testId('btn-create-draft').focus();
    await studio.page.keyboard.press('Enter');
    await testId('new-draft-dialog').waitFor();
    await testId('draft-effective').fill('2027-04-01');
    await testId('draft-title').fill('M2035N 3年 値下げ');
    await studio.page.keyboard.press('Enter');
    await waitText(testId('version-heading'), '施行日 2027-04-01');
    await testId('btn-undo').waitFor();
    await expect.poll(focused).toBe('version-heading');
    await shot(studio.page, 'daily-01-draft-focus');
  });

  it('submitting waits while a price is still being saved (it names the revision the save replaces)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await studio.page.route('**/api/tariffs.edit', async (route) => {
      await held;
      await route.continue();
    });
    await testId('tr-comment').fill('値下げ');
    expect(await testId('tr-submit').isDisabled()).toBe(false);
    const price = studio.page.locator('[data-testid=grid-courses] [role=row]').nth(1).locator('[role=gridcell]').nth(3);
    await price.dblclick();
    await studio.page.keyboard.press('ControlOrMeta+A');
    await studio.page.keyboard.type('1300');
    await studio.page.keyboard.press('Enter');
    // The save is held at the server's door: the draft's lifecycle buttons wait for it.
    await expect.poll(() => testId('tr-submit').isDisabled()).toBe(true);
    release();
    await waitText(testId('change-count'), '変更 1 件');
    await expect.poll(() => testId('tr-submit').isDisabled()).toBe(false);
    await studio.page.unroute('**/api/tariffs.edit');
    await testId('version-heading').focus();
  });

  it('submitting keeps the focus in the page; approving says what it still needs before it is pressed', async () => {
    await testId('tr-comment').fill('値下げ');
    await testId('tr-submit').click();
    await waitText(testId('tariff-notice'), 'レビューに提出しました');
    await waitText(studio.page.locator('.toolbar'), 'レビュー中');
    await expect.poll(focused).toBe('version-heading');
    // Empty reviewer and comment: the server would refuse (APPROVAL_INCOMPLETE); the button is disabled and says why.
    expect(await testId('tr-approve').isDisabled()).toBe(true);
    await waitText(testId('tr-approve-incomplete'), '承認するにはレビュアー（承認者）とコメントを入力してください');
    expect(await testId('tr-approve').getAttribute('aria-describedby')).toBe('tr-approve-incomplete');
    await testId('tr-reviewer').fill('kato');
    await waitText(testId('tr-approve-incomplete'), '承認するにはコメントを入力してください');
    await testId('tr-comment').fill('価格を確認');
    // (The regression the reviewer sees starts by itself and holds the buttons while it runs.)
    await expect.poll(() => testId('tr-approve').isDisabled(), { timeout: 120_000 }).toBe(false);
    expect(await testId('tr-approve-incomplete').count()).toBe(0);
    await shot(studio.page, 'daily-02-approve-ready');
  });

  it('a refusal replaces the last "done" notice and says in Japanese what to do', async () => {
    // A second draft of the same date cannot be submitted while the first is in review.
    await createTariffDraft(studio.page, '2027-04-01', '同じ施行日');
    await testId('btn-undo').waitFor();
    await waitText(testId('tariff-notice'), 'レビューに提出しました');
    // The comment typed for the other version's approval is not carried over to this one.
    expect(await testId('tr-comment').inputValue()).toBe('');
    await testId('tr-comment').fill('同じ日付');
    await testId('tr-submit').click();
    await waitText(testId('error-banner'), 'VERSION_DATE_TAKEN');
    await waitText(testId('error-advice'), '下書きの施行日は変えられない');
    expect(await testId('tariff-notice').count()).toBe(0);
    await shot(studio.page, 'daily-03-refusal');
  });

  it('importing a workbook exported from a draft warns, before applying, that its date already has versions', async () => {
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('btn-export').click()]);
    const file = join(dir, 'draft.xlsx');
    await download.saveAs(file);
    await testId('btn-import').click();
    await testId('import-file').setInputFiles(file);
    await testId('import-preview').waitFor();
    // Two versions share the date: the base is named by its number and title too.
    await waitText(testId('import-preview'), /元のバージョン: 2027-04-01（下書き） #\d+ 「同じ施行日」/u);
    expect(await testId('import-effective').inputValue()).toBe('2027-04-01');
    await waitText(testId('import-date-taken'), '施行日 2027-04-01 にはすでに');
    await waitText(testId('import-date-taken'), '「同じ施行日」');
    await waitText(testId('import-date-taken'), 'レビュー中 #');
    await testId('import-effective').fill('2027-05-01');
    expect(await testId('import-date-taken').count()).toBe(0);
    await shot(studio.page, 'daily-03b-import-date');
    await studio.page.keyboard.press('Escape');
  });

  it('legal edits a parameter from the keyboard: the editor takes the focus, and saving gives it back to its Edit button', async () => {
    await testId('nav-rules').click();
    await testId('btn-rule-draft').click();
    expect(await focused()).toBe('rule-draft-effective');
    // The same modal dialog as the tariff page's: Escape cancels and gives the focus back.
    expect(await testId('rule-draft-form').getAttribute('role')).toBe('dialog');
    await studio.page.keyboard.press('Escape');
    expect(await testId('rule-draft-form').count()).toBe(0);
    await expect.poll(focused).toBe('btn-rule-draft');
    await testId('btn-rule-draft').click();
    await testId('rule-draft-effective').fill('2027-04-01');
    await testId('rule-draft-create').click();
    await waitText(testId('rule-version-status'), '下書き');
    await testId('decision-select').selectOption('lateInterest');
    await testId('param-edit-graceDays').click();
    expect(await focused()).toBe('pe-value');
    await studio.page.keyboard.press('Escape');
    expect(await focused()).toBe('param-edit-graceDays');
    await testId('param-edit-graceDays').click();
    await testId('pe-value').fill('16');
    // Saving waits for the quote's check against the terms (the Save button is disabled until it passes).
    await waitText(testId('pe-check'), '一致しています');
    await studio.page.keyboard.press('Enter');
    await waitText(testId('param-value-graceDays'), '16');
    await testId('pe-value').waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('param-edit-graceDays');
    await shot(studio.page, 'daily-04-parameter-saved');
  });

  it('the explorer starts with the versions in force on its date, not a scheduled one, and follows the date until one is picked', async () => {
    // Approve the rule draft of 2027-04-01: in force from then, scheduled today.
    const { versions } = await call<{ versions: { id: number; status: string; revision: number }[] }>('rules.list', {});
    const draft = versions.find((v) => v.status === 'draft')!;
    const submitted = await call<{ summary: { revision: number } }>('rules.submit', { id: draft.id, revision: draft.revision, comment: '提出' });
    await call('rules.approve', { id: draft.id, revision: submitted.summary.revision, reviewer: 'kato', comment: '確認' });
    await testId('nav-explorer').click();
    await testId('explorer-decision').selectOption('settlement');
    // 判定する is in the window without scrolling past the fifteen interpretations (folded, with a count).
    await waitText(testId('explorer-interps-choice'), '既定から変えたもの 0 件');
    const run = await testId('explorer-run').boundingBox();
    expect(run!.y + run!.height).toBeLessThanOrEqual(800);
    await testId('explorer-interps-choice').locator('summary').click();
    await testId('explorer-interp-interestDayBasis').selectOption({ index: 2 });
    await waitText(testId('explorer-interps-choice'), '既定から変えたもの 1 件');
    await testId('explorer-interp-interestDayBasis').selectOption({ index: 0 });
    await testId('explorer-decision').selectOption('lateInterest');
    const ruleLabel = () => testId('explorer-rule-version').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    await expect.poll(ruleLabel).toContain('2023-09-19');
    await testId('explorer-asof').fill('2027-05-01');
    await expect.poll(ruleLabel).toContain('2027-04-01');
    // Picked by hand, the version stays whatever the date.
    await testId('explorer-rule-version').selectOption({ label: (await testId('explorer-rule-version').locator('option', { hasText: '2023-09-19' }).textContent())! });
    await testId('explorer-asof').fill('2027-06-01');
    await expect.poll(ruleLabel).toContain('2023-09-19');
    await testId('explorer-asof').fill('2026-01-01');
    await testId('fact-principal').fill('10000');
    await testId('fact-dueDate').fill('2025-12-01');
    await testId('fact-paidDate').fill('2025-12-31');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'charge');
    await shot(studio.page, 'daily-05-explorer');
    // Opened afresh, the rules page shows the version in force today (its list says 本日施行中), not the one only scheduled.
    await studio.page.reload();
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await waitText(studio.page.locator('.version-item.selected'), '本日施行中');
  });

  it('legal rolls back a rule version as the tariff page does: a restored draft of an earlier version', async () => {
    await testId('nav-rules').click();
    await testId('rule-version-1').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await testId('btn-rule-restore').click();
    await testId('new-draft-dialog').waitFor();
    await waitText(testId('new-draft-dialog'), '2023-09-19 の版の内容で新しい下書きを作ります');
    await testId('draft-effective').fill('2027-09-01');
    await testId('draft-create').click();
    await waitText(testId('rule-version-heading'), '施行日 2027-09-01');
    await waitText(testId('rule-version-status'), '下書き');
    await waitText(testId('rules-restored'), '2023-09-19 の版を復元した下書きを作成しました');
    // Its title is offered in the page's language (it was the server's English "restore of 2023-09-19").
    await waitText(testId('rule-version-3'), '2023-09-19 の版を復元');
    await expect.poll(focused).toBe('rule-version-heading');
    // It holds 2023-09-19's parameters, not the 16 days approved since.
    await testId('decision-select').selectOption('lateInterest');
    await waitText(testId('param-value-graceDays'), '15');
    await testId('rules-tab-audit').click();
    await waitText(testId('audit-view'), 'rule.draft.restored');
    // The parameter edit reads as what changed (15 → 16 days of 第27条), not two copies of the record with its quote.
    const edit = testId('audit-entries').locator('tr', { hasText: 'rule.parameter.edited' });
    const row = await edit.textContent();
    expect(row).toContain('parameter.value: 15');
    expect(row).toContain('parameter.value: 16');
    expect(row).toContain('name: graceDays');
    // The clause's quote is not repeated (the parameter's Japanese name, which says 支払期日 too, is the subject of the sentence).
    expect(row).not.toContain('支払期日を経過してもなお');
    expect(row).toContain('のパラメータ「支払期日の翌日から起算して延滞利息がかからない日数」を変更しました');
    expect(row).toContain('値: 15日 → 16日');
    await shot(studio.page, 'daily-06-rule-restored');
  });
});
