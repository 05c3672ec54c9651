import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/studio/team/user-store.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { scratch, SEED } from '../studio/helpers.js';
import { expectAccessible } from './axe-audit.js';
import { createRuleDraft, createTariffDraft, launchChromium, selectedVersion, shot, waitText } from './studio-harness.js';
import { openAsPerson, PASSWORD, signIn, startTeamServer, stopTeamServer, typePrice, type Person, type TeamServer } from './team-harness.js';

/**
 * The team server with two people at once (two browser contexts, each with its own cookies):
 * a product manager changes a price and a legal user, on the same draft, sees it change live
 * with "changed by"; the legal user who drafted a rule version cannot approve it (the button
 * says why), a colleague approves it as herself; legal adds a refusal ground with a quote picked
 * from the terms and a colleague approves it; the audit shows every name; a finance user
 * cannot edit a tariff. Screenshots in test-results/screenshots (team-*).
 */
const dir = scratch('e2e-team-');
const workspace = join(dir, 'workspace.sqlite');

let server: TeamServer | undefined;
let browser: Browser | undefined;
let a: Person;
let b: Person;

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-page').waitFor();
}

beforeAll(async () => {
  const { ws } = openWorkspace(workspace, { seed: SEED });
  try {
    for (const [name, role] of [
      ['sato', 'pm'],
      ['kato', 'legal'],
      ['ito', 'legal'],
      ['mori', 'finance'],
      ['kanri', 'admin'],
    ] as const)
      await addUser(ws, { name, role, password: PASSWORD });
  } finally {
    closeWorkspace(ws);
  }
  server = await startTeamServer(workspace, 'team');
  browser = await launchChromium();
  a = await openAsPerson(browser, server.url);
  b = await openAsPerson(browser, server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopTeamServer(server);
});

describe('Tariff Studio for a team', () => {
  it('shows the login page and refuses a wrong password', async () => {
    await a.page.getByTestId('login-page').waitFor();
    await expectAccessible(a.page, 'login');
    await shot(a.page, 'team-01-login');
    await signIn(a.page, 'sato', 'not the password');
    await waitText(a.page.getByTestId('login-error'), 'ユーザー名またはパスワードが違います');
    await expectAccessible(a.page, 'login-refused');
    await signIn(a.page, 'sato');
    await waitText(a.page.getByTestId('team-badge'), 'sato（プロダクトマネージャー）');
    await signIn(b.page, 'kato');
    await waitText(b.page.getByTestId('team-badge'), 'kato（法務）');
  });

  let draftId = 0;
  it('a pm changes a price and the legal user on the same draft sees it live, with who changed it', async () => {
    await createTariffDraft(a.page, '2026-04-01', '2026年4月 価格改定');
    draftId = await selectedVersion(a.page, 'version-');
    // The legal user's list shows the new draft without reloading; they open it.
    await b.page.getByTestId(`version-${draftId}`).click();
    await waitText(b.page.getByTestId('version-heading'), '施行日 2026-04-01');
    await a.page.getByTestId('grid-search').fill('M2035N・3年コース・クラウド 7・SN');
    await waitText(a.page.getByTestId('grid-count'), '150 行中 1 行');
    await typePrice(a.page, '1999');
    await waitText(a.page.getByTestId('change-count'), '変更 1 件');
    await waitText(b.page.getByTestId('change-count'), '変更 1 件');
    await waitText(b.page.getByTestId('live-note'), 'sato さんが変更しました: 料金表の下書きを編集');
    await shot(b.page, 'team-02-changed-live');
  });

  it('the pm submits the price change and cannot approve it: approving is for someone else, in legal', async () => {
    const p = a.page;
    await p.getByTestId('tr-comment').fill('M2035N 3年コースの月額を改定');
    await p.getByTestId('tr-submit').click();
    await waitText(p.getByTestId('tariff-review'), 'レビュー中');
    // Done is told as done (green), not as a warning; and the frozen version says how to change it.
    await waitText(p.getByTestId('tariff-notice'), 'レビューに提出しました');
    expect(await p.getByTestId('tariff-notice').getAttribute('data-tone')).toBe('ok');
    await waitText(p.locator('.readonly-note'), '「下書きに戻す」');
    await waitText(p.getByTestId('approve-blocked'), '承認は法務の担当者が行います');
    expect(await p.getByTestId('tr-approve').isDisabled()).toBe(true);
    // The reviewer is whoever is signed in: no name to type.
    expect(await p.getByTestId('tr-reviewer').count()).toBe(0);
    await shot(p, 'team-02b-tariff-approve-blocked');
  });

  let ruleId = 0;
  it('the legal user who drafted a rule version cannot approve it, and the studio says why', async () => {
    const p = b.page;
    await p.getByTestId('nav-rules').click();
    await createRuleDraft(p, '2026-04-01', '第27条 改定案');
    ruleId = await selectedVersion(p, 'rule-version-');
    await p.getByTestId('rules-tab-review').click();
    await p.getByTestId('review-comment').fill('第27条の起算を見直しました');
    await p.getByTestId('btn-submit-review').click();
    await waitText(p.getByTestId('rule-version-status'), 'レビュー中');
    await waitText(p.getByTestId('approve-blocked'), 'あなたはこのバージョンを編集したため承認できません（編集者: kato）');
    expect(await p.getByTestId('btn-approve').isDisabled()).toBe(true);
    // No reviewer name to type: the approver is whoever is signed in.
    expect(await p.getByTestId('review-reviewer').count()).toBe(0);
    await shot(p, 'team-03-approve-disabled');
  });

  it('the pm cannot approve either; another legal user sees it live and approves the price change as herself, with the rules of its date', async () => {
    const p = a.page;
    await p.getByTestId('nav-rules').click();
    await p.getByTestId(`rule-version-${ruleId}`).click();
    await p.getByTestId('rules-tab-review').click();
    await waitText(p.getByTestId('approve-blocked'), '承認は法務の担当者が行います');
    expect(await p.getByTestId('btn-approve').isDisabled()).toBe(true);
    await signOut(p);
    await signIn(p, 'ito');
    await waitText(p.getByTestId('team-badge'), 'ito（法務）');
    await p.getByTestId('nav-tariffs').click();
    await p.getByTestId(`version-${draftId}`).click();
    await waitText(p.getByTestId('tariff-review'), 'レビュー中');
    await waitText(p.getByTestId('approve-as'), '承認者は ito（サインイン中のユーザー）として記録されます');
    await p.getByTestId('tr-comment').fill('価格と回帰テストを確認');
    await p.getByTestId('tr-approve').click();
    await waitText(p.locator('.toolbar'), '承認済み', 60_000);
    // Its review history names the approver: ito, signed in, not a typed name.
    await p.getByTestId('tr-run-regression').click();
    await waitText(p.getByTestId('tr-history'), 'ito', 60_000);
    // kato's page follows: the rule version of the same date is approved with it, by ito.
    await b.page.getByTestId('nav-rules').click();
    await b.page.getByTestId(`rule-version-${ruleId}`).click();
    await waitText(b.page.getByTestId('rule-version-status'), '承認済み');
    await b.page.getByTestId('rules-tab-review').click();
    await waitText(b.page.getByTestId('review-history'), 'ito');
  });

  it('legal adds a refusal ground with a quote picked from the terms, sees the regression, and another legal user approves it', async () => {
    const p = b.page;
    await p.getByTestId('nav-rules').click();
    // From the version in force (2026-04-01, approved above).
    await p.getByTestId(`rule-version-${ruleId}`).click();
    await waitText(p.getByTestId('rule-version-status'), '承認済み');
    await createRuleDraft(p, '2026-07-01', '拒否事由の追加');
    const added = await selectedVersion(p, 'rule-version-');
    await p.getByTestId('ra-add').click();
    await p.getByTestId('ra-id').fill('false-declaration-team');
    await p.getByTestId('ra-clause').fill('第9条第2項第3号');
    await waitText(p.getByTestId('ra-article'), '虚偽の事項');
    // The quote is picked from the article's text: select the item's sentence.
    await p.getByTestId('ra-article').evaluate((pre) => {
      const text = pre.firstChild!;
      const all = text.textContent!;
      const from = all.indexOf('申込の際に');
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, all.indexOf('。', from) + 1);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await p.getByTestId('ra-article').dispatchEvent('mouseup');
    await waitText(p.getByTestId('ra-check'), '一致');
    await p.getByTestId('ra-submit').click();
    await waitText(p.getByTestId('rule-approval/false-declaration-team'), '第9条第2項第3号');
    await waitText(p.getByTestId('auto-regression-result'), 'ケース中', 120_000);
    await p.getByTestId('rules-tab-review').click();
    await p.getByTestId('review-comment').fill('第9条第2項第3号を拒否事由に追加');
    await p.getByTestId('btn-submit-review').click();
    await waitText(p.getByTestId('rule-version-status'), 'レビュー中');
    // kato added the rule: four-eyes keeps kato from approving it.
    await waitText(p.getByTestId('approve-blocked'), '編集者: kato');
    expect(await p.getByTestId('btn-approve').isDisabled()).toBe(true);
    await shot(p, 'team-03b-refusal-ground-in-review');
    // ito, signed in on the other page, approves it as herself.
    const q = a.page;
    await waitText(q.getByTestId('team-badge'), 'ito（法務）');
    await q.getByTestId('nav-rules').click();
    await q.getByTestId(`rule-version-${added}`).click();
    await q.getByTestId('rules-tab-review').click();
    await waitText(q.getByTestId('approve-as'), 'ito');
    await q.getByTestId('review-comment').fill('条文どおり');
    await q.getByTestId('btn-approve').click();
    await waitText(q.getByTestId('rule-version-status'), '承認済み', 60_000);
    await waitText(q.getByTestId('review-history'), 'ito');
    expect(await q.getByTestId('review-history').textContent()).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? JST/u);
    await waitText(p.getByTestId('rule-version-status'), '承認済み');
  });

  it('the audit shows every real name', async () => {
    const p = b.page;
    await p.getByTestId('rules-tab-audit').click();
    const audit = await waitText(p.getByTestId('audit-entries'), 'rule.approved');
    for (const name of ['sato', 'kato', 'ito']) expect(audit).toContain(name);
    // Times in Japan time, labelled: not the stored UTC with no zone.
    expect(audit).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d JST/u);
    expect(audit).toMatch(/rule\.approved[\s\S]*ito|ito[\s\S]*rule\.approved/u);
  });

  it('a finance user cannot edit a tariff: the buttons are disabled and the page says whose they are (the server refuses with 403 as well)', async () => {
    const p = a.page;
    await signOut(p);
    await signIn(p, 'mori');
    await waitText(p.getByTestId('team-badge'), 'mori（経理・財務）');
    await p.getByTestId('nav-tariffs').click();
    await waitText(p.getByTestId('tariff-role-note'), 'この操作はプロダクトマネージャーの担当者が行います（あなたの役割: 経理・財務）。');
    for (const id of ['btn-create-draft', 'btn-restore', 'btn-import']) expect(await p.getByTestId(id).isDisabled(), id).toBe(true);
    expect(await p.getByTestId('btn-create-draft').getAttribute('aria-describedby')).toBe('tariff-role-note');
    // Reading and exporting stay open to everyone.
    expect(await p.getByTestId('btn-export').isDisabled()).toBe(false);
    await p.getByTestId('nav-rules').click();
    await waitText(p.getByTestId('rules-role-note'), 'この操作は法務の担当者が行います（あなたの役割: 経理・財務）。');
    expect(await p.getByTestId('btn-rule-draft').isDisabled()).toBe(true);
    // Publishing a release is legal's or an admin's; there is no publisher name to type on a team server.
    await p.getByTestId('rules-tab-notice').click();
    expect(await p.getByTestId('release-publish').isDisabled()).toBe(true);
    expect(await p.getByTestId('release-publisher').count()).toBe(0);
    await waitText(p.getByTestId('release-as'), '法務・管理者の担当者が行います');
    await expectAccessible(p, 'finance-rules-notice');
    // Finance's own page: scenarios save and run.
    await p.getByTestId('nav-scenarios').click();
    await p.getByTestId('scenario-form').waitFor();
    expect(await p.getByTestId('scn-run').isDisabled()).toBe(false);
    expect(await p.getByTestId('scn-role-note').count()).toBe(0);
    await shot(p, 'team-03c-finance-tariffs-read-only');
  });

  it('a pm reads scenarios but does not run them, and a legal user publishes a release as herself', async () => {
    const p = a.page;
    await signOut(p);
    await signIn(p, 'sato');
    await p.getByTestId('nav-scenarios').click();
    await p.getByTestId('scenario-form').waitFor();
    await waitText(p.getByTestId('scn-role-note'), 'この操作は経理・財務の担当者が行います（あなたの役割: プロダクトマネージャー）。');
    for (const id of ['scn-save', 'scn-run']) expect(await p.getByTestId(id).isDisabled(), id).toBe(true);
    await signOut(p);
    await signIn(p, 'ito');
    await p.getByTestId('nav-rules').click();
    await p.getByTestId('rules-tab-notice').click();
    await waitText(p.getByTestId('release-as'), '発行者は ito（サインイン中のユーザー）として記録されます。');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('release-publish').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/u);
    await waitText(p.getByTestId('release-done'), /r-[0-9a-f]{16}/u);
  });

  it('an admin adds a user in the studio, who can then sign in', async () => {
    const p = a.page;
    await signOut(p);
    await signIn(p, 'kanri');
    await waitText(p.getByTestId('team-badge'), 'kanri（管理者）');
    await p.getByTestId('nav-users').click();
    await waitText(p.getByTestId('users-table'), 'mori');
    // A name the server refuses: said in Japanese, what to do, above the server's own sentence.
    await p.getByTestId('new-user-name').fill('鈴木 花子');
    await p.getByTestId('new-user-password').fill('suzuki password 1');
    await p.getByTestId('new-user-add').click();
    await waitText(p.getByTestId('error-advice'), 'ユーザー名に使えない文字があります。英字または数字で始め');
    expect(await p.getByTestId('error-banner').textContent()).toContain('BAD_USER_NAME');
    await p.getByTestId('new-user-name').fill('suzuki');
    await p.getByTestId('new-user-role').selectOption('pm');
    await p.getByTestId('new-user-password').fill('suzuki password 1');
    await p.getByTestId('new-user-add').click();
    await waitText(p.getByTestId('users-note'), 'suzuki さんを追加しました');
    expect(await p.getByTestId('user-role-suzuki').inputValue()).toBe('pm');
    // The admin's own role is not a choice (no one changes their own).
    expect(await p.getByTestId('user-role-kanri').count()).toBe(0);
    // A role change ends the user's sessions: asked first, and nothing changes when dismissed.
    p.once('dialog', (d) => void d.dismiss());
    await p.getByTestId('user-role-suzuki').selectOption('finance');
    await waitText(p.getByTestId('users-note'), 'suzuki さんを追加しました');
    expect(await p.getByTestId('user-role-suzuki').inputValue()).toBe('pm');
    let asked = '';
    p.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await p.getByTestId('user-role-suzuki').selectOption('legal');
    await waitText(p.getByTestId('users-note'), 'suzuki さんの役割を「法務」にしました');
    expect(asked).toBe('suzuki さんの役割を「法務」に変えますか？ suzuki さんのサインイン中のセッションはすぐに終了します。');
    expect(await p.getByTestId('user-role-suzuki').inputValue()).toBe('legal');
    await p.getByTestId('user-reset-suzuki').click();
    await expectAccessible(p, 'users');
    await shot(p, 'team-04-users');
    await signOut(p);
    await signIn(p, 'suzuki', 'suzuki password 1');
    await waitText(p.getByTestId('team-badge'), 'suzuki（法務）');
    expect(await p.getByTestId('nav-users').count()).toBe(0);
  });
});
