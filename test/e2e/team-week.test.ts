import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { expectAccessible } from './axe-audit.js';
import { createRuleDraft, createTariffDraft, selectedVersion, shot, waitText } from './studio-harness.js';
import { feeCell, PASSWORD, signIn, tariff, typePrice, useTeam } from './team-harness.js';

/**
 * A week of a team of four on one team server (`--required-approvals 2`): an admin (kanri), a
 * product manager (sato) and two legal reviewers (kato, ito), each in their own browser context
 * at the same time, with the `tariff users` CLI beside them. The flows a team meets that the
 * first team test does not: a session that ends while someone is editing (nothing typed is
 * lost), an account disabled while signed in, two reviewers on one draft, a counted approval of
 * several. Screenshots in test-results/screenshots (team-week-*).
 */
const dir = scratch('e2e-team-week-');
const workspace = join(dir, 'workspace.sqlite');
// The team is made with the CLI, the password piped on stdin (never an argument).
const { people, person } = useTeam(workspace, {
  tag: 'team-week',
  users: [
    ['kanri', 'admin'],
    ['sato', 'pm'],
    ['kato', 'legal'],
    ['ito', 'legal'],
    ['suzuki', 'legal'],
  ],
  signedIn: ['kanri', 'sato', 'kato', 'ito'],
  serverArgs: ['--required-approvals', '2'],
});

describe('a week of a team of four', () => {
  it('four are signed in at once; the users CLI beside the running server is refused with who holds the workspace', async () => {
    for (const [name, role] of [
      ['kanri', '管理者'],
      ['sato', 'プロダクトマネージャー'],
      ['kato', '法務'],
      ['ito', '法務'],
    ] as const)
      await waitText(people[name]!.page.getByTestId('team-badge'), `${name}（${role}）`);
    const r = tariff(['users', 'disable', 'kato', '--workspace', workspace]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('WORKSPACE_LOCKED');
    expect(r.stderr).toContain('team server (tariff studio --serve)');
    expect(r.stderr).toContain('do it on its Users page');
  });

  let draftId = 0;
  it('a session that ends mid-edit loses nothing: the price typed meanwhile waits behind a sign-in dialog and is saved once sato signs in again', async () => {
    const p = people['sato']!.page;
    await createTariffDraft(p, '2026-04-01', '2026年4月 価格改定');
    draftId = await selectedVersion(p, 'version-');
    await p.getByTestId('grid-search').fill('M2035N・3年コース・クラウド 7・SN');
    await waitText(p.getByTestId('grid-count'), '150 行中 1 行');
    await typePrice(p, '1999');
    await waitText(p.getByTestId('change-count'), '変更 1 件');
    // The session ends as on expiry: the cookie is gone. The next price is refused by the server…
    await people['sato']!.context.clearCookies();
    await typePrice(p, '2999');
    // …and waits: a sign-in dialog over the page, which stays as it was (the draft, the search).
    await p.getByTestId('session-ended').waitFor();
    await waitText(p.getByTestId('session-ended-pending'), 'まだ保存されていない変更が 1 件あります。sato として再びサインインすると保存されます');
    expect(await p.getByTestId('login-name').inputValue()).toBe('sato');
    // The password field has the focus (the name is filled in), and axe finds nothing in the dialog.
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('login-password');
    await expectAccessible(p, 'session-ended');
    await shot(p, 'team-week-01-session-ended-mid-edit');
    await p.getByTestId('login-password').fill(PASSWORD);
    await p.getByTestId('login-submit').click();
    await p.getByTestId('session-ended').waitFor({ state: 'detached' });
    await waitText(feeCell(p), '2,999円');
    await waitText(p.getByTestId('version-heading'), '施行日 2026-04-01');
    // Saved in the workspace, not only shown: a colleague's page reads it.
    const q = people['ito']!.page;
    await q.getByTestId(`version-${draftId}`).click();
    await q.getByTestId('grid-search').fill('M2035N・3年コース・クラウド 7・SN');
    await waitText(feeCell(q), '2,999円');
    await shot(p, 'team-week-02-saved-after-sign-in');
  });

  it('a new password set by the admin on the Users page ends sato’s session at once: his page says so without a click, and he goes on where he was', async () => {
    const a = people['kanri']!.page;
    await a.getByTestId('nav-users').click();
    await a.getByTestId('user-reset-sato').click();
    await a.getByTestId('reset-password').fill('sato new password 1');
    await a.getByTestId('reset-password').press('Enter');
    await waitText(a.getByTestId('users-note'), 'sato さんのパスワードを再設定しました');
    const p = people['sato']!.page;
    await p.getByTestId('session-ended').waitFor();
    await waitText(p.getByTestId('session-ended-pending'), 'このページの内容はそのまま残っています');
    await signIn(p, 'sato', PASSWORD);
    await waitText(p.getByTestId('login-error'), 'ユーザー名またはパスワードが違います');
    await signIn(p, 'sato', 'sato new password 1');
    await p.getByTestId('session-ended').waitFor({ state: 'detached' });
    await waitText(p.getByTestId('version-heading'), '施行日 2026-04-01');
    await waitText(feeCell(p), '2,999円');
  });

  it('someone else signing in on the dialog gets a fresh studio, and the waiting change is not made in their name', async () => {
    const { context, page: p } = people['sato']!;
    await context.clearCookies();
    await typePrice(p, '3999');
    await p.getByTestId('session-ended').waitFor();
    await signIn(p, 'ito');
    await p.getByTestId('session-ended').waitFor({ state: 'detached' });
    await waitText(p.getByTestId('team-badge'), 'ito（法務）');
    await p.getByTestId(`version-${draftId}`).click();
    await p.getByTestId('grid-search').fill('M2035N・3年コース・クラウド 7・SN');
    await waitText(feeCell(p), '2,999円');
    await p.getByTestId('logout').click();
    await signIn(p, 'sato', 'sato new password 1');
    await waitText(p.getByTestId('team-badge'), 'sato（プロダクトマネージャー）');
  });

  let ruleId = 0;
  it('two legal users on one rule draft: the stale switch is refused naming who changed it and when (Japan time), and the reload shows it', async () => {
    const k = people['kato']!.page;
    const i = people['ito']!;
    // ito's live updates do not arrive (a proxy that buffers them): her page stays at what she loaded.
    await i.context.route('**/events', (r) => r.abort());
    await i.page.reload();
    await i.page.getByTestId('team-badge').waitFor();
    await k.getByTestId('nav-rules').click();
    // Another date than sato's tariff draft: a rule version alone (no companion of its date still in draft).
    await createRuleDraft(k, '2026-07-01', '第25条 日割りの解釈');
    ruleId = await selectedVersion(k, 'rule-version-');
    await i.page.getByTestId('nav-rules').click();
    await i.page.getByTestId(`rule-version-${ruleId}`).click();
    await waitText(i.page.getByTestId('rule-version-status'), '下書き');
    // partialMonthFee and monthsUsed are read by settlement: both pick it, so the table lists them.
    for (const p of [k, i.page]) await p.getByTestId('decision-select').selectOption('settlement');
    await k.getByTestId('interp-partialMonthFee').selectOption('daily-prorate');
    await expect.poll(() => k.getByTestId('interp-partialMonthFee').inputValue(), { timeout: 30_000 }).toBe('daily-prorate');
    // ito, on what she loaded before, switches another one: refused, nothing overwritten, kato named.
    expect(await i.page.getByTestId('interp-partialMonthFee').inputValue()).toBe('full-month');
    await i.page.getByTestId('interp-monthsUsed').selectOption({ index: 1 });
    const advice = await waitText(i.page.getByTestId('error-advice'), 'kato さんが');
    expect(advice).toMatch(/kato さんが \d{4}-\d\d-\d\d \d\d:\d\d:\d\d JST にこの下書きを変更しました/u);
    await shot(i.page, 'team-week-03-stale-rule-switch');
    await i.page.getByTestId('conflict-reload').click();
    await expect.poll(() => i.page.getByTestId('interp-partialMonthFee').inputValue(), { timeout: 30_000 }).toBe('daily-prorate');
    expect(await i.page.getByTestId('interp-monthsUsed').inputValue()).toBe('calendar-months');
    await i.context.unroute('**/events');
    await i.page.reload();
    await i.page.getByTestId('team-badge').waitFor();
  });

  it('four-eyes with two approvals required: kato cannot approve his own; ito’s approval is counted and says so; a third reviewer makes it approved', async () => {
    const k = people['kato']!.page;
    await k.getByTestId('rules-tab-review').click();
    await k.getByTestId('review-comment').fill('第25条の日割りに変更');
    await k.getByTestId('btn-submit-review').click();
    await waitText(k.getByTestId('rule-version-status'), 'レビュー中');
    await waitText(k.getByTestId('approve-blocked'), 'あなたはこのバージョンを編集したため承認できません（編集者: kato）');
    expect(await k.getByTestId('btn-approve').isDisabled()).toBe(true);
    const i = people['ito']!.page;
    await i.getByTestId('nav-rules').click();
    await i.getByTestId(`rule-version-${ruleId}`).click();
    await i.getByTestId('rules-tab-review').click();
    await waitText(i.getByTestId('approve-as'), '必要な承認: 2 件（編集者以外）、済み: 0 件');
    await i.getByTestId('review-comment').fill('日割りの計算を確認');
    await i.getByTestId('btn-approve').click();
    await waitText(i.getByTestId('rules-note'), 'あなたの承認を記録しました');
    await waitText(i.getByTestId('approve-blocked'), 'あなたは承認済みです。他の人の承認があと 1 件必要です。');
    expect(await i.getByTestId('btn-approve').isDisabled()).toBe(true);
    await waitText(i.getByTestId('rule-version-status'), 'レビュー中');
    // The review history keeps her approval and comment (it showed only the submission).
    await waitText(i.getByTestId('review-history'), /承認（1 件として記録）\s*ito\s*日割りの計算を確認/u);
    await shot(i, 'team-week-04-approval-counted');
    // The third legal user, signed in on the admin's machine for a moment.
    const s = (await person('suzuki')).page;
    await s.getByTestId('nav-rules').click();
    await s.getByTestId(`rule-version-${ruleId}`).click();
    await s.getByTestId('rules-tab-review').click();
    await waitText(s.getByTestId('approve-as'), '済み: 1 件');
    await s.getByTestId('review-comment').fill('確認しました');
    await s.getByTestId('btn-approve').click();
    await waitText(s.getByTestId('rule-version-status'), '承認済み', 60_000);
    const history = await waitText(s.getByTestId('review-history'), 'suzuki');
    expect(history).toMatch(/提出\s*kato[\s\S]*承認（1 件として記録）\s*ito[\s\S]*承認\s*suzuki/u);
  });

  it('a new role while signed in applies at once: ito, made pm by the admin, signs in again on the dialog and her page offers the pm’s buttons', async () => {
    const a = people['kanri']!.page;
    await a.getByTestId('nav-users').click();
    a.once('dialog', (d) => void d.accept());
    await a.getByTestId('user-role-ito').selectOption('pm');
    await waitText(a.getByTestId('users-note'), 'ito さんの役割を「プロダクトマネージャー」にしました');
    const p = people['ito']!.page;
    await p.getByTestId('session-ended').waitFor();
    await signIn(p, 'ito');
    await p.getByTestId('session-ended').waitFor({ state: 'detached' });
    await waitText(p.getByTestId('team-badge'), 'ito（プロダクトマネージャー）');
    // Still on the rules page she had open, now with the rules' draft buttons closed to her role.
    await waitText(p.getByTestId('rules-role-note'), 'この操作は法務の担当者が行います（あなたの役割: プロダクトマネージャー）。');
    expect(await p.getByTestId('btn-rule-draft').isDisabled()).toBe(true);
    await p.getByTestId('nav-tariffs').click();
    expect(await p.getByTestId('btn-create-draft').isDisabled()).toBe(false);
    a.once('dialog', (d) => void d.accept());
    await a.getByTestId('user-role-ito').selectOption('legal');
    await waitText(a.getByTestId('users-note'), 'ito さんの役割を「法務」にしました');
  });

  it('kato, disabled by the admin while signed in, is asked to sign in at once and cannot; the audit names every actor and its chain verifies', async () => {
    const a = people['kanri']!.page;
    await a.getByTestId('nav-users').click();
    a.once('dialog', (d) => void d.accept());
    await a.getByTestId('user-toggle-kato').click();
    await waitText(a.getByTestId('users-note'), 'kato さんを無効にしました');
    const k = people['kato']!.page;
    await k.getByTestId('session-ended').waitFor();
    await signIn(k, 'kato');
    await waitText(k.getByTestId('login-error'), 'ユーザー名またはパスワードが違います');
    await shot(k, 'team-week-05-disabled-while-signed-in');
    // The admin's own account: no disable button and no role choice (the last admin protections).
    expect(await a.getByTestId('user-toggle-kanri').count()).toBe(0);
    expect(await a.getByTestId('user-role-kanri').count()).toBe(0);
    await a.getByTestId('nav-rules').click();
    await a.getByTestId('rules-tab-audit').click();
    await waitText(a.getByTestId('audit-entries'), 'user.disabled');
    // Each action of the week, with the user who did it (actor and action cells of every row).
    const rows = await a
      .getByTestId('audit-entries')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from(tr.querySelectorAll('td'))
            .slice(2, 4)
            .map((td) => td.textContent?.trim() ?? '')
            .join(' '),
        ),
      );
    for (const row of [
      'sato tariff.draft.created',
      'sato tariff.draft.edited',
      'kanri user.password.reset',
      'kato rule.draft.created',
      'kato rule.interpretation.switched',
      'kato rule.submitted',
      'ito rule.approval.counted',
      'suzuki rule.approved',
      'kanri user.disabled',
      'kanri user.role.changed',
      'sato login',
      'ito logout',
    ])
      expect(rows, row).toContain(row);
    // Nobody acted for someone else: the refused and the waiting change of the other user left no entry.
    expect(rows.filter((r) => r === 'ito tariff.draft.edited')).toEqual([]);
    await a.getByTestId('audit-verify').click();
    await waitText(a.getByTestId('audit-verdict'), /./u);
    expect(await a.getByTestId('audit-verdict').getAttribute('class')).toBe('check-ok');
    // The chain verifies, read beside the running server.
    const v = tariff(['audit', 'verify', '--workspace', workspace]);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain('the audit chain holds');
  });
});
