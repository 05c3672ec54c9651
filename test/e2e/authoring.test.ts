import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { expectAccessible } from './axe-audit.js';
import { shot, useStudio, waitText } from './studio-harness.js';

/**
 * Authoring without a text editor, browser mode: a product manager launches a course from a
 * duplicate (priced in the engine panel and the explorer) and takes the price change through
 * review; legal adds a refusal ground with a quote picked from the terms, sees the regression
 * and approves; an older version is restored. Every page and dialog passes axe (WCAG 2 A/AA).
 */
const dir = scratch('e2e-authoring-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { bypassCSP: true });
const { testId } = studio;
const audit = (name: string) => expectAccessible(studio.page, name);
const optionValue = (select: string, text: string) =>
  studio.page.evaluate(
    ([id, want]) => Array.from(document.querySelectorAll<HTMLOptionElement>(`[data-testid="${id}"] option`)).find((o) => o.textContent?.includes(want!))?.value ?? '',
    [select, text],
  );
const CODE = 'M5525N-3Y-C90-SN';

describe('authoring, browser mode', () => {
  it('launches a new course from a duplicate and sees it priced in the engine panel', async () => {
    await studio.page.goto(studio.url);
    await waitText(testId('version-heading'), '2023-09-19');
    await audit('tariffs');
    await testId('btn-create-draft').click();
    await audit('new-draft-dialog');
    await testId('draft-effective').fill('2027-04-01');
    await testId('draft-title').fill('新コース');
    await testId('draft-create').click();
    await waitText(testId('version-heading'), '2027-04-01');
    await testId('row-new-course').click();
    await waitText(testId('row-form'), '新しいコース');
    await testId('nc-from').selectOption({ index: 13 });
    await testId('rf-code').fill(CODE);
    await testId('rf-name').fill('どこでも“me”REC M5525N・3年コース・クラウド 90・SN');
    await testId('rf-monthlyFee').fill('9990');
    await audit('new-course-dialog');
    await shot(studio.page, 'authoring-01-new-course');
    await testId('rf-submit').click();
    await waitText(testId('change-count'), '1');
    await waitText(testId('engine-panel'), 'クラウド 90');
    await waitText(testId('engine-panel'), '9,990');
    await shot(studio.page, 'authoring-02-priced');
    // Undo removes the row, redo brings it back.
    await testId('btn-undo').click();
    await waitText(testId('change-count'), '0');
    await testId('btn-redo').click();
    await waitText(testId('change-count'), '1');
  });

  it('prices the new course in the explorer', async () => {
    await testId('nav-explorer').click();
    await testId('explorer-decision').selectOption('monthlyCharge');
    await testId('explorer-tariff-version').selectOption(await optionValue('explorer-tariff-version', '2027-04-01'));
    await testId('explorer-asof').fill('2027-05-01');
    const course = testId('fact-course');
    if ((await course.evaluate((e) => e.tagName)) === 'SELECT') await course.selectOption(CODE);
    else await course.fill(CODE);
    await testId('fact-startDate').fill('2027-05-01');
    await testId('fact-month').fill('2027-06');
    // An option taken from a month on, as {code, from} (case-files.md): code@YYYY-MM.
    await testId('fact-options').fill('event-api@2027-06');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'charge');
    // The new course's fee and the option from its month: 9,990 + 600 (別紙3表3).
    // The lines are a table (item, amount, clause), each row one line of the bill.
    await waitText(testId('explorer-field-lines'), 'monthly-fee9,990円別紙3表1');
    await waitText(testId('explorer-field-lines'), 'event-api600円別紙3表3');
    await waitText(testId('explorer-fields'), '10,590');
    await audit('explorer');
    await shot(studio.page, 'authoring-03-explorer');
  });

  it('takes the price change through review and approval, with the regression and the fleet impact', async () => {
    await testId('nav-tariffs').click();
    await testId('version-2').click();
    await waitText(testId('version-heading'), '2027-04-01');
    await testId('tr-comment').fill('新コースの追加');
    await testId('tr-submit').click();
    await waitText(testId('tariff-review'), 'レビュー中');
    await waitText(testId('tr-regression'), 'ケース中');
    await testId('tr-run-fleet').click();
    await waitText(testId('tr-fleet'), '契約');
    await testId('tr-reviewer').fill('legal');
    await testId('tr-comment').fill('価格を確認');
    await audit('tariff-review');
    await shot(studio.page, 'authoring-04-review');
    await testId('tr-approve').click();
    await waitText(testId('version-heading'), '2027-04-01');
    await waitText(studio.page.locator('.toolbar'), '承認済み');
    await testId('in-force-date').fill('2027-04-02');
    await waitText(testId('in-force-tariff'), '2027-04-01');
    await waitText(testId('in-force-diff'), '料金 1 件');
    await shot(studio.page, 'authoring-05-in-force');
  });

  it('restores an older version as a draft', async () => {
    await testId('version-1').click();
    await waitText(testId('version-heading'), '2023-09-19');
    await testId('btn-restore').click();
    await audit('restore-dialog');
    await testId('draft-effective').fill('2027-10-01');
    await testId('draft-create').click();
    await waitText(testId('version-heading'), '2027-10-01');
    await waitText(testId('tariff-notice'), '復元');
    expect(await testId('tariff-notice').getAttribute('data-tone')).toBe('ok');
    // The restored draft holds the old version: nothing differs from it, the new course is not in it.
    await waitText(testId('draft-changes'), '変更はありません');
    expect(await testId('grid-courses').textContent()).not.toContain('クラウド 90');
    await shot(studio.page, 'authoring-06-restored');
  });

  it('approves the restored version, which supersedes the current one; the date picker shows what is in force and what is scheduled', async () => {
    await testId('tr-comment').fill('新コースを取りやめ、2023-09-19 の料金表に戻す');
    await testId('tr-submit').click();
    await waitText(testId('tariff-review'), 'レビュー中');
    await testId('tr-reviewer').fill('legal');
    await testId('tr-comment').fill('復元を確認');
    await testId('tr-approve').click();
    await waitText(studio.page.locator('.toolbar'), '承認済み');
    // The version it replaces (2027-04-01, the new course) is superseded; nothing approved was edited.
    await waitText(testId('version-2'), '置換済み');
    await waitText(testId('version-3'), '承認済み');
    // A superseded status is not "no longer in force": the list says which version is in force today, until when, and what is scheduled.
    await waitText(testId('version-1'), '本日施行中（2027-03-31 まで）');
    await waitText(testId('version-2'), '2027-04-01 から施行予定');
    await waitText(testId('version-3'), '2027-10-01 から施行予定');
    // On 2027-10-02 the restored version is in force: no difference from today's (2023-09-19) tariff.
    await testId('in-force-date').fill('2027-10-02');
    await waitText(testId('in-force-tariff'), '2027-10-01');
    await waitText(testId('in-force-diff'), '料金 0 件');
    await waitText(testId('in-force-scheduled'), '2027-10-01');
    // Between the two, the superseded 2027-04-01 version still answers, one row apart from today.
    await testId('in-force-date').fill('2027-05-01');
    await waitText(testId('in-force-tariff'), '2027-04-01');
    await waitText(testId('in-force-diff'), '料金 1 件');
    await shot(studio.page, 'authoring-06b-restored-approved');
  });

  it('withdraws a draft in review and deletes a draft, both in the audit log', async () => {
    await testId('version-1').click();
    await testId('btn-create-draft').click();
    await testId('draft-effective').fill('2028-01-01');
    await testId('draft-title').fill('取り下げる案');
    await testId('draft-create').click();
    await waitText(testId('version-heading'), '2028-01-01');
    await testId('tr-comment').fill('提出');
    await testId('tr-submit').click();
    await waitText(testId('tariff-review'), 'レビュー中');
    await testId('tr-comment').fill('まだ検討中');
    await testId('tr-withdraw').click();
    await waitText(studio.page.locator('.toolbar'), '下書き');
    studio.page.once('dialog', (d) => void d.accept());
    await testId('btn-discard').click();
    await waitText(testId('version-heading'), '2023-09-19');
    expect(await studio.page.locator('.version-list').textContent()).not.toContain('2028-01-01');
    await testId('nav-rules').click();
    await testId('rules-tab-audit').click();
    const audit = await waitText(testId('audit-entries'), 'tariff.draft.discarded');
    expect(audit).toContain('tariff.withdrawn');
    await testId('rules-tab-rules').click();
  });

  it('edits a parameter and a named interpretation in a rule draft, checked as files on disk, then deletes the draft', async () => {
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '2023-09-19');
    await testId('btn-rule-draft').click();
    await testId('rule-draft-effective').fill('2028-04-01');
    await testId('rule-draft-create').click();
    await waitText(testId('rule-version-status'), '下書き');
    await testId('decision-select').selectOption('lateInterest');
    // Parameters: the rate is a decimal kept as a string; a word is refused, 14.0 is saved.
    await testId('param-edit-annualRatePercent').click();
    await waitText(testId('pe-check'), '一致');
    await testId('pe-value').fill('十四');
    await testId('pe-save').click();
    await waitText(testId('error-banner'), 'PARAMETER_VALUE');
    await testId('pe-value').fill('14.0');
    await testId('pe-save').click();
    await waitText(testId('param-value-annualRatePercent'), '14.0');
    // Interpretations: describe, add an alternative, make it the default; engine values cannot be removed.
    await testId('interp-edit-businessDays').click();
    await testId('ie-description').fill('第22条の営業日の数え方（法務の読み方）');
    await testId('ie-new-value').fill('weekdays-only');
    await testId('ie-new-description').fill('月曜から金曜（祝日も数える）');
    await testId('ie-add').click();
    await testId('ie-default-weekdays-only').check();
    await testId('ie-save').click();
    await waitText(testId('interp-row-businessDays'), 'weekdays-only');
    // lateInterest does not read dailyRate: the table lists it once every interpretation is shown.
    await testId('interps-show-all').click();
    await testId('interp-edit-dailyRate').click();
    expect(await testId('ie-remove-thirty-days').isDisabled()).toBe(true);
    await testId('ie-new-value').fill('by-week');
    await testId('ie-add').click();
    await testId('ie-save').click();
    await waitText(testId('error-banner'), 'INTERPRETATION_VALUE');
    await waitText(testId('error-banner'), '/interpretations/3/alternatives/2/value');
    await audit('interpretation-editor');
    await shot(studio.page, 'authoring-06c-interpretation');
    studio.page.once('dialog', (d) => void d.accept());
    await testId('btn-rule-discard').click();
    await waitText(testId('rule-version-heading'), '2023-09-19');
    await testId('rules-tab-audit').click();
    const log = await waitText(testId('audit-entries'), 'rule.draft.discarded');
    expect(log).toContain('rule.interpretation.edited');
    expect(log).toContain('rule.parameter.edited');
    await testId('rules-tab-rules').click();
  });

  it('adds a refusal ground with a quote picked from the terms, sees the regression, approves it', async () => {
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '2023-09-19');
    await audit('rules');
    await testId('btn-rule-draft').click();
    await testId('rule-draft-effective').fill('2027-07-01');
    await testId('rule-draft-create').click();
    await waitText(testId('rule-version-status'), '下書き');
    await testId('ra-add').click();
    await testId('ra-id').fill('false-declaration-copy');
    await testId('ra-clause').fill('第9条第2項第3号');
    await waitText(testId('ra-article'), '虚偽の事項');
    // Pick the quote: select the item's sentence in the article's text.
    await testId('ra-article').evaluate((pre) => {
      const text = pre.firstChild!;
      const s = text.textContent!;
      const from = s.indexOf('申込の際に');
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, s.indexOf('。', from) + 1);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await testId('ra-article').dispatchEvent('mouseup');
    await waitText(testId('ra-check'), '一致');
    expect(await testId('ra-quote').inputValue()).toContain('申込の際に虚偽の事項を申告したとき。');
    await audit('add-rule-dialog');
    await shot(studio.page, 'authoring-07-quote-picker');
    await testId('ra-submit').click();
    await waitText(testId('rule-sentence'), '');
    await waitText(testId('auto-regression-result'), 'ケース中');
    await shot(studio.page, 'authoring-08-rule-added');
    await testId('rules-tab-review').click();
    await testId('review-comment').fill('拒否事由の追加');
    await testId('btn-submit-review').click();
    await waitText(testId('rule-version-status'), 'レビュー中');
    await testId('review-reviewer').fill('legal2');
    await testId('review-comment').fill('条文どおり');
    await testId('btn-approve').click();
    await waitText(testId('rule-version-status'), '承認済み');
    await shot(studio.page, 'authoring-09-approved');
  });

  it('works in English too, with labels for enum values', async () => {
    await testId('lang-switch').click();
    await testId('nav-tariffs').click();
    await testId('version-1').click();
    await testId('tab-policies').click();
    await waitText(testId('grid-policies'), 'No settlement');
    await audit('tariffs-en');
  });
});
