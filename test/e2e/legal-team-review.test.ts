import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { createRuleDraft, shot, waitText } from './studio-harness.js';
import { useTeam } from './team-harness.js';

/**
 * Two legal reviewers on the team server at 1280×800: kato changes a quote in the structured editor
 * and submits; he cannot approve his own version (four-eyes, with why); ito, led from the Rules page
 * to the version waiting for her review, reads the quote's diff
 * with the changed characters marked, is told a request for changes reaches kato on the Rules page,
 * approves, and publishes a release that lists its versions under her name as 発行者.
 */
const dir = scratch('e2e-legal-team-');
const team = useTeam(join(dir, 'workspace.sqlite'), {
  tag: 'legal-team',
  users: [
    ['kato', 'legal'],
    ['ito', 'legal'],
  ],
  signedIn: ['kato', 'ito'],
  viewport: { width: 1280, height: 800 },
});
const LEAD = '当社は、前項の規定にかかわらず、次のいずれかに該当すると当社が判断した場合、';
const QUOTE = '申込を承諾しないことがあります。…(3) 申込の際に虚偽の事項を申告したとき。';

describe('four-eyes review of a changed quote between two legal users', () => {
  it('kato shortens the quote of a rule in the structured editor and submits the draft', async () => {
    const k = team.people.kato!.page;
    await k.getByTestId('nav-rules').click();
    await createRuleDraft(k, '2027-04-01', '第9条第2項第3号 引用の見直し');
    await k.getByTestId('decision-select').selectOption('approval');
    await k.locator('[data-testid="rule-approval/false-declaration"]').click();
    await k.getByTestId('rule-quote').fill(QUOTE);
    await waitText(k.getByTestId('rule-quote-check'), '✓ 引用は規約の本文と一致しています。');
    await k.getByTestId('rule-save').click();
    await waitText(k.getByTestId('rules-tab-rules'), '1');
    await k.getByTestId('rules-tab-review').click();
    await k.getByTestId('review-comment').fill('第9条第2項第3号の引用を短くしました');
    await k.getByTestId('btn-submit-review').click();
    await waitText(k.getByTestId('rule-version-status'), 'レビュー中');
    await waitText(k.getByTestId('approve-blocked'), 'あなたはこのバージョンを編集したため承認できません（編集者: kato）');
    expect(await k.getByTestId('btn-approve').isDisabled()).toBe(true);
    // Nor does he send his own version back with changes requested (the server refuses it too): disabled, with why; he may take it back to draft.
    await k.getByTestId('review-comment').fill('やはり直します');
    await waitText(k.getByTestId('btn-request-changes-own'), 'あなたはこのバージョンを編集したため、変更を依頼して差し戻すことはできません（編集者: kato）');
    expect(await k.getByTestId('btn-request-changes').isDisabled()).toBe(true);
    expect(await k.getByTestId('btn-request-changes').getAttribute('aria-describedby')).toBe('btn-request-changes-own');
    expect(await k.getByTestId('btn-withdraw').isEnabled()).toBe(true);
    await k.getByTestId('review-comment').fill('');
    await shot(k, 'legal12-team-kato-cannot-approve');
  });

  it('ito reads the quote’s diff with the changed characters marked, and the send-back help names the Rules page', async () => {
    const i = team.people.ito!.page;
    await i.getByTestId('nav-rules').click();
    // The page opens on the version in force; what waits for her review is one click away.
    const waiting = i.getByTestId('rules-waiting-review');
    await waitText(waiting, 'レビューを待っているバージョンがあります: 2027-04-01「第9条第2項第3号 引用の見直し」（作成: kato）のレビューを開く');
    await shot(i, 'legal12-team-ito-waiting-review');
    await waiting.getByRole('button').click();
    await waitText(i.getByTestId('rule-version-status'), 'レビュー中');
    expect(await i.getByTestId('rules-tab-review').getAttribute('aria-selected')).toBe('true');
    expect(await i.getByTestId('rules-waiting-review').count()).toBe(0);
    // The version in review offers its review as the main action; a new draft from it is the secondary one.
    expect(await i.locator('.toolbar button.primary').allInnerTexts()).toEqual(['レビューする（承認 / 差し戻し）']);
    expect((await i.getByTestId('btn-rule-draft').getAttribute('class')) ?? '').not.toContain('primary');
    expect(await i.getByTestId('btn-request-changes').isDisabled()).toBe(true);
    expect(await i.getByTestId('btn-request-changes-own').count()).toBe(0);
    await i.getByTestId('rules-tab-rules').click();
    await i.getByTestId('btn-rule-open-review').click();
    expect(await i.getByTestId('rules-tab-review').getAttribute('aria-selected')).toBe('true');
    expect(await i.getByTestId('btn-request-changes-note').innerText()).toContain('作成者がルールページでこの版を開くと依頼内容が表示されます');
    await i.getByTestId('review-open-diff').click();
    const card = i.getByTestId('diff-rule-approval/false-declaration');
    await waitText(card, '引用する条文');
    // The new quote drops the lead-in: that part, and only that, is marked on the approved side; nothing is marked as added.
    expect(await card.locator('del.text-change').allInnerTexts()).toEqual([LEAD]);
    expect(await card.locator('ins.text-change').count()).toBe(0);
    expect((await card.getByTestId('diff-text-after').innerText()).replace(/^「|」$/gu, '')).toBe(QUOTE);
    await shot(i, 'legal12-team-ito-quote-diff');
  });

  it('ito approves it as herself and publishes a release that lists its versions', async () => {
    const i = team.people.ito!.page;
    await i.getByTestId('rules-tab-review').click();
    await i.getByTestId('review-comment').fill('引用と差分を確認しました');
    await i.getByTestId('btn-approve').click();
    await waitText(i.getByTestId('rule-version-status'), '承認済み', 120_000);
    await i.getByTestId('rules-tab-notice').click();
    await waitText(i.getByTestId('notice-preview'), '### 第9条第2項第3号');
    expect(await i.getByTestId('release-as').innerText()).toBe('発行者は ito（サインイン中のユーザー）として記録されます。');
    const download = i.waitForEvent('download');
    await i.getByTestId('release-publish').click();
    await download;
    expect(await i.getByTestId('release-contents').getByTestId('release-version').allInnerTexts()).toEqual([
      'ルール 2023-09-19（置換済み）',
      'ルール 2027-04-01（承認済み）',
      '料金表 2023-09-19（承認済み）',
    ]);
    await i.getByTestId('release-contents').scrollIntoViewIfNeeded();
    await shot(i, 'legal12-team-ito-release');
  });
});
