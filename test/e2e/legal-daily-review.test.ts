import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { createRuleDraft, setRuleParameter, shot, useStudio, waitText } from './studio-harness.js';

/**
 * A legal reviewer's day on the Rules page at 1280×800, in Japanese: a draft changes the late-interest
 * rate and a quote; the quote is edited in the structured editor (not only in the JSON), the diff shows
 * the parameter beside its clause and quote (and warns that the terms still print the old rate) and
 * marks the characters of the quote that changed; the regression answers as soon as its tab opens,
 * counted by decision and file; the notice reads on the page before any export, the parameter by its
 * Japanese name; the send-back help names the Rules page; a published release lists its versions.
 */
const dir = scratch('e2e-legal-daily-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1280, height: 800 } });
const { testId } = studio;
const QUOTE_BEFORE =
  '当社は、前項の規定にかかわらず、次のいずれかに該当すると当社が判断した場合、申込を承諾しないことがあります。(1) 本サービスを提供することが技術上著しく困難なとき。';
const QUOTE_AFTER =
  '当社は、前項の規定にかかわらず、次のいずれかに該当すると当社が判断した場合、申込を承諾しないことがあります。…(1) 本サービスを提供することが技術上著しく困難なとき。';

/** The selects of the structured editor whose chosen label is cut short (wider than the room the select gives it, its arrow aside) or that run out of the structured pane, under the JSON beside it. */
const cutSelects = () =>
  studio.page.locator('[data-testid=rule-editor] .cond-leaf select').evaluateAll((els) =>
    (els as HTMLSelectElement[]).flatMap((el) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(el).font;
      const label = el.selectedOptions[0]?.text ?? '';
      const pane = el.closest('.rule-structured')!.getBoundingClientRect();
      return ctx.measureText(label).width > el.clientWidth - 24 || el.getBoundingClientRect().right > pane.right + 1 ? [label] : [];
    }),
  );

describe('a legal reviewer drafts, reads and approves a change of the rules', () => {
  it('reads a parameter of the version in force with the sentence of the terms it quotes', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-rules').click();
    await testId('decision-select').selectOption('lateInterest');
    const quote = testId('param-quote-annualRatePercent');
    await quote.locator('summary').click();
    expect(await quote.innerText()).toContain('引用する規約の本文（第27条）');
    expect(await quote.locator('blockquote').innerText()).toContain('年 14.6％の割合で計算して得た額を延滞利息として支払っていただきます');
    await quote.scrollIntoViewIfNeeded();
    await shot(studio.page, 'legal12-parameter-quote');
  });

  it('edits a rule’s quote in the structured editor, checked against the terms as typed', async () => {
    await createRuleDraft(studio.page, '2027-04-01', '第27条 年率と第9条の引用');
    await setRuleParameter(studio.page, 'lateInterest', 'annualRatePercent', '14.0');
    // A parameter's quote is a whole sentence: its box is as wide as the parameters' table, not a sliver beside the value.
    await testId('param-edit-graceDays').click();
    const box = (await testId('pe-quote').boundingBox())!;
    const table = (await testId('parameters').boundingBox())!;
    expect(box.width).toBeGreaterThan(table.width * 0.8);
    await shot(studio.page, 'legal12-parameter-editor');
    await testId('param-editor').press('Escape');
    await testId('param-editor').waitFor({ state: 'detached' });
    // At 1280×800 the conditions read whole: no fact, operator or value cut short in its select.
    await testId('rule-editor').waitFor();
    expect(await cutSelects()).toEqual([]);
    await testId('decision-select').selectOption('approval');
    await studio.page.locator('[data-testid="rule-approval/technically-infeasible"]').click();
    const quote = testId('rule-quote');
    expect(await quote.inputValue()).toBe(QUOTE_BEFORE);
    expect(await testId('rule-clause').inputValue()).toBe('第9条第2項第1号');
    // A quote that is not the terms' text is named at once, and the rule cannot be saved.
    await quote.fill(QUOTE_AFTER.replace('著しく', 'とても'));
    await waitText(testId('rule-quote-check'), 'RULE_QUOTE_NOT_IN_TERMS');
    await waitText(testId('rule-check'), 'RULE_QUOTE_NOT_IN_TERMS');
    expect(await testId('rule-save').isDisabled()).toBe(true);
    await quote.fill(QUOTE_AFTER);
    await waitText(testId('rule-quote-check'), '✓ 引用は規約の本文と一致しています。');
    expect(JSON.parse(await testId('rule-json').inputValue()).quote).toBe(QUOTE_AFTER);
    await shot(studio.page, 'legal12-structured-quote');
    await testId('rule-save').click();
    await waitText(testId('rules-tab-rules'), '1');
  });

  it('the diff shows the parameter beside its clause and quote, and marks the characters of the quote that changed', async () => {
    await testId('rules-tab-diff').click();
    const card = testId('diff-param-lateInterest.annualRatePercent');
    await waitText(card, '延滞利息の年率（lateInterest.annualRatePercent）');
    expect(await card.getByTestId('diff-param-clause').innerText()).toContain('第 27 条（延滞利息）');
    expect(await card.getByTestId('diff-param-quote').innerText()).toContain('年 14.6％の割合で計算して得た額を延滞利息として支払っていただきます');
    // The terms still print 14.6％: the reviewer is told the terms' text needs the same change.
    expect(await card.getByTestId('diff-param-stale-quote').innerText()).toBe(
      '引用している規約の本文には変更前の値 14.6 が書かれていて、変更後の値 14.0 は書かれていません。規約の本文も改めるか確かめてください（変更通知には規約の本文がそのまま載ります）。',
    );
    const rule = testId('diff-rule-approval/technically-infeasible');
    expect(await rule.locator('ins.text-change').allInnerTexts()).toEqual(['…']);
    expect(await rule.locator('del.text-change').count()).toBe(0);
    expect(await rule.getByTestId('diff-text-after').innerText()).toBe(`「${QUOTE_AFTER}」`);
    expect(await rule.getByTestId('diff-text-before').innerText()).toBe(`「${QUOTE_BEFORE}」`);
    await card.scrollIntoViewIfNeeded();
    await shot(studio.page, 'legal12-diff-parameter-card');
  });

  it('the regression answers as soon as its tab opens, counted by decision and file', async () => {
    await testId('rules-tab-regression').click();
    await waitText(testId('regression-summary'), /回答が変わるケース [1-9]\d* 件、invalid になるケース 0 件/u, 120_000);
    const decisions = await testId('regression-breakdown').getByTestId('regression-breakdown-decision').allInnerTexts();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatch(/^延滞利息（lateInterest）: \d+ 件 — .*cases\/dai27jo-late-interest\.json \d+ 件/u);
    const total = Number(/回答が変わるケース (\d+) 件/u.exec(await testId('regression-summary').innerText())![1]);
    const counted = [...decisions[0]!.matchAll(/\.json (\d+) 件/gu)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(total);
    await shot(studio.page, 'legal12-regression-breakdown');
  });

  it('the change notice reads on the page before any export, in the terms’ order, the parameter by its Japanese name', async () => {
    await testId('rules-tab-notice').click();
    const preview = testId('notice-preview');
    await waitText(preview, '# 利用規約変更のお知らせ（2027-04-01 施行）');
    const text = await preview.innerText();
    expect(text).toContain('- 延滞利息の年率（lateInterest.annualRatePercent）: 14.6％ → 14.0％');
    expect(text).toContain('- ルール「本サービスを提供することが技術上著しく困難」（approval/technically-infeasible）を変更（引用する条文）');
    expect(text).not.toMatch(/^- lateInterest\./mu);
    // In the terms' order: 第9条 before 第27条.
    expect([...text.matchAll(/^### (.+)$/gmu)].map((m) => m[1])).toEqual(['第9条第2項第1号', '第27条']);
    await shot(studio.page, 'legal12-notice-preview');
  });

  it('the review says where the author reads a request for changes of a rule version: the Rules page', async () => {
    await testId('rules-tab-review').click();
    await testId('review-comment').fill('第27条の年率を 14.0% に、第9条第2項第1号の引用に省略記号を');
    await testId('btn-submit-review').click();
    await waitText(testId('rule-version-status'), 'レビュー中');
    const help = await testId('btn-request-changes-note').innerText();
    expect(help).toContain('作成者がルールページでこの版を開くと依頼内容が表示されます');
    expect(help).not.toContain('料金表ページ');
    await shot(studio.page, 'legal12-review-request-help');
  });

  it('without sign-in, the author cannot approve under their own name (four-eyes by name); another name can', async () => {
    // The author is the computer's user name, shown as 作成 beside the version.
    const author = /作成: ([^·\n]+?)\s*(?:·|$)/mu.exec(await studio.page.locator('.version-item.selected').innerText())![1]!;
    await testId('review-reviewer').fill(author);
    await testId('review-comment').fill('自分の版を承認してみる');
    await waitText(testId('btn-approve-editor'), `${author} はこのバージョンを編集したため、承認者にはなれません（四つの目の原則。編集者: ${author}）`);
    expect(await testId('btn-approve').isDisabled()).toBe(true);
    await shot(studio.page, 'legal12-author-cannot-approve');
  });

  it('approved, the release it publishes lists the versions it packs and how to serve it', async () => {
    await testId('review-reviewer').fill('ito');
    await testId('review-comment').fill('差分と回帰テストを確認しました');
    await testId('btn-approve').click();
    await waitText(testId('rule-version-status'), '承認済み', 120_000);
    await testId('rules-tab-notice').click();
    await testId('release-publisher').fill('ito');
    const download = studio.page.waitForEvent('download');
    await testId('release-publish').click();
    const file = (await download).suggestedFilename();
    const versions = await testId('release-contents').getByTestId('release-version').allInnerTexts();
    expect(versions).toEqual(['ルール 2023-09-19（置換済み）', 'ルール 2027-04-01（承認済み）', '料金表 2023-09-19（承認済み）']);
    expect(await testId('release-contents').innerText()).toContain(`tariff serve --release ${file}`);
    await testId('release-contents').scrollIntoViewIfNeeded();
    await shot(studio.page, 'legal12-release-contents');
  });
});
