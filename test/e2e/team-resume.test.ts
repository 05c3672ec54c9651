import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { expectAccessible } from './axe-audit.js';
import { createRuleDraft, createTariffDraft, selectedVersion, shot, waitText } from './studio-harness.js';
import { feeCell, PASSWORD, signIn, typePrice, useTeam } from './team-harness.js';

/**
 * Two gaps of the team flow, each played by two people in two browsers on one team server:
 * signing in again after a session ended loads what others changed meanwhile (and keeps, or
 * clearly refuses, one's own unsaved edit), and a legal reviewer sends a tariff version back to
 * the pm with the changes asked for. Screenshots in test-results/screenshots (team-resume-*),
 * at 1280×800 in Japanese and English.
 */
const dir = scratch('e2e-team-resume-');
const workspace = join(dir, 'workspace.sqlite');
const { people } = useTeam(workspace, {
  tag: 'team-resume',
  users: [
    ['sato', 'pm'],
    ['yamada', 'pm'],
    ['kato', 'legal'],
    ['ito', 'legal'],
  ],
  signedIn: ['sato', 'yamada', 'kato', 'ito'],
  viewport: { width: 1280, height: 800 },
});

/** The session ends on the server, as on expiry or an admin's reset: the page is not told (its next call, or the next change broadcast, finds out). */
async function endSession(p: Page): Promise<void> {
  const status = await p.evaluate(async () => {
    const s = (await (await fetch('auth/session')).json()) as { value: { csrf: string } };
    const r = await fetch('auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': s.value.csrf, 'Content-Type': 'application/json' }, body: '{}' });
    return r.status;
  });
  expect(status).toBe(200);
}

const COURSE = 'M2035N・3年コース・クラウド 7・SN';
const english = async (p: Page) => {
  await p.getByTestId('lang-switch').click();
  await waitText(p.getByTestId('lang-switch'), '日本語');
};
const japanese = async (p: Page) => {
  await p.getByTestId('lang-switch').click();
  await waitText(p.getByTestId('lang-switch'), 'English');
};

describe('signing in again after the session ended', () => {
  let draftId = 0;
  it('sato’s waiting price is saved, and his page shows the draft yamada created while he was signed out (no live event reached him)', async () => {
    const p = people['sato']!.page;
    const y = people['yamada']!.page;
    await createTariffDraft(p, '2026-04-01', '2026年4月 価格改定');
    draftId = await selectedVersion(p, 'version-');
    await p.getByTestId('grid-search').fill(COURSE);
    await waitText(p.getByTestId('grid-count'), '150 行中 1 行');
    await typePrice(p, '1999');
    await waitText(p.getByTestId('change-count'), '変更 1 件');

    await endSession(p);
    await typePrice(p, '2999');
    await p.getByTestId('session-ended').waitFor();
    await waitText(p.getByTestId('session-ended-pending'), 'まだ保存されていない変更が 1 件あります');
    // Meanwhile yamada starts another draft: the server drops sato's event stream instead of telling him.
    await waitText(y.getByTestId(`version-${draftId}`), '2026-04-01');
    await createTariffDraft(y, '2026-05-01', '5月 キャンペーン');
    const yamadaDraft = await selectedVersion(y, 'version-');
    expect(await p.getByTestId(`version-${yamadaDraft}`).count()).toBe(0);

    await p.getByTestId('login-password').fill(PASSWORD);
    await p.getByTestId('login-submit').click();
    await p.getByTestId('session-ended').waitFor({ state: 'detached' });
    // His own change is saved, the draft he had open stays open, and yamada's draft is in his list.
    await waitText(feeCell(p), '2,999円');
    await waitText(p.getByTestId('version-heading'), '施行日 2026-04-01');
    await waitText(p.getByTestId(`version-${yamadaDraft}`), '2026-05-01');
    const note = await waitText(p.getByTestId('resume-note'), 'yamada さんが行った変更');
    expect(note).toMatch(
      /再びサインインしました。サインインしていなかった間（\d{4}-\d\d-\d\d \d\d:\d\d:\d\d JST 以降）に yamada さんが行った変更 \d+ 件を、開いているページに読み込みました。/u,
    );
    expect(await p.getByTestId('error-banner').count()).toBe(0);
    await shot(p, 'team-resume-01-loaded-after-sign-in-ja');
    await expectAccessible(p, 'resume-note');
    await english(p);
    await waitText(p.getByTestId('resume-note'), 'Signed in again. Changes others made while you were signed out');
    await shot(p, 'team-resume-02-loaded-after-sign-in-en');
    await japanese(p);
  });

  it('a price yamada saved on the same draft meanwhile makes sato’s waiting one stale: it is refused, he is told who and when, and sees yamada’s price', async () => {
    const p = people['sato']!.page;
    const y = people['yamada']!.page;
    await p.getByTestId('resume-note').locator('.banner-close').click();
    await endSession(p);
    await typePrice(p, '3999');
    await p.getByTestId('session-ended').waitFor();
    await y.getByTestId(`version-${draftId}`).click();
    await waitText(y.getByTestId('version-heading'), '施行日 2026-04-01');
    await y.getByTestId('grid-search').fill(COURSE);
    await waitText(feeCell(y), '2,999円');
    await typePrice(y, '3100');
    await waitText(feeCell(y), '3,100円');

    await signIn(p, 'sato');
    await p.getByTestId('session-ended').waitFor({ state: 'detached' });
    const advice = await waitText(p.getByTestId('error-advice'), 'yamada さんが');
    expect(advice).toMatch(/yamada さんが \d{4}-\d\d-\d\d \d\d:\d\d:\d\d JST にこの下書きを変更しました（このページが読み込んだ後）。/u);
    // What he typed and was not saved is named, so he can type it again on yamada's version.
    await waitText(p.getByTestId('error-banner'), '保存されなかった入力: M2035N-3Y-C7-SN の「月額料金（円）」に「3999」。');
    // Nothing of yamada's was overwritten, and sato's page shows it without a click.
    await waitText(feeCell(p), '3,100円');
    await waitText(p.getByTestId('resume-note'), 'yamada さんが行った変更');
    await shot(p, 'team-resume-03-stale-after-sign-in-ja');
    await english(p);
    await waitText(p.getByTestId('error-banner'), 'Not saved: “3999” in Monthly fee (yen) of M2035N-3Y-C7-SN.');
    await shot(p, 'team-resume-04-stale-after-sign-in-en');
    await japanese(p);
    await p.getByTestId('error-banner').locator('.banner-close').click();
  });

  it('kato’s rule typed and not saved survives the reload after signing in again; ito’s save meanwhile is said, and kato chooses', async () => {
    const k = people['kato']!.page;
    const i = people['ito']!.page;
    await k.getByTestId('nav-rules').click();
    await createRuleDraft(k, '2026-07-01', '第25条 日割りの見直し');
    const ruleId = await selectedVersion(k, 'rule-version-');
    await i.getByTestId('nav-rules').click();
    await i.getByTestId(`rule-version-${ruleId}`).click();
    await waitText(i.getByTestId('rule-version-status'), '下書き');

    const rename = async (p: Page, name: string) => {
      const rule = JSON.parse(await p.getByTestId('rule-json').inputValue()) as { name: string };
      await p.getByTestId('rule-json').fill(JSON.stringify({ ...rule, name }, null, 2));
      await expect.poll(() => p.getByTestId('rule-save').isEnabled(), { timeout: 30_000 }).toBe(true);
    };
    await rename(k, 'kato の案');
    await endSession(k);
    // ito saves the same rule while kato is signed out.
    await rename(i, 'ito の案');
    await i.getByTestId('rule-save').click();
    await expect.poll(async () => (JSON.parse(await i.getByTestId('rule-json').inputValue()) as { name: string }).name, { timeout: 30_000 }).toBe('ito の案');
    await k.getByTestId('session-ended').waitFor();
    await signIn(k, 'kato');
    await k.getByTestId('session-ended').waitFor({ state: 'detached' });
    // The page reloaded (ito's revision), and kato's text is still his.
    // Named: the server knows who made the draft's latest change.
    const stale = await waitText(k.getByTestId('rule-unsaved-stale'), 'ito さんがこの下書きを変更しました');
    expect(stale).toMatch(/版 \d+ → \d+/u);
    expect((JSON.parse(await k.getByTestId('rule-json').inputValue()) as { name: string }).name).toBe('kato の案');
    await waitText(k.getByTestId('resume-note'), 'ito さんが行った変更');
    await k.getByTestId('rule-unsaved-stale').scrollIntoViewIfNeeded();
    await shot(k, 'team-resume-05-unsaved-rule-kept-ja');
    await expectAccessible(k, 'unsaved-rule-kept');
    await english(k);
    await waitText(k.getByTestId('rule-unsaved-stale'), 'Your edit is not saved yet');
    await shot(k, 'team-resume-06-unsaved-rule-kept-en');
    await japanese(k);
    // Saved as it was typed, it is refused (stale save), naming ito.
    await k.getByTestId('rule-save').click();
    await waitText(k.getByTestId('error-advice'), 'ito さんが');
    expect((JSON.parse(await k.getByTestId('rule-json').inputValue()) as { name: string }).name).toBe('kato の案');
    await k.getByTestId('error-banner').locator('.banner-close').click();
    // Having seen ito's change, kato keeps his on the current draft and saves it.
    await k.getByTestId('rule-keep-mine').click();
    expect(await k.getByTestId('rule-unsaved-stale').count()).toBe(0);
    await k.getByTestId('rule-save').click();
    await expect.poll(async () => (JSON.parse(await i.getByTestId('rule-json').inputValue()) as { name: string }).name, { timeout: 30_000 }).toBe('kato の案');
  });

  it('kato’s rule parameter typed and not saved survives the reload after signing in again, the editor open with his text', async () => {
    const k = people['kato']!.page;
    const i = people['ito']!.page;
    for (const p of [k, i]) await p.getByTestId('decision-select').selectOption('lateInterest');
    await k.getByTestId('param-edit-graceDays').click();
    await k.getByTestId('pe-value').fill('20');
    await endSession(k);
    // ito changes the same parameter while kato is signed out.
    await i.getByTestId('param-edit-graceDays').click();
    await i.getByTestId('pe-value').fill('16');
    await expect.poll(() => i.getByTestId('pe-save').isEnabled(), { timeout: 30_000 }).toBe(true);
    await i.getByTestId('pe-save').click();
    await waitText(i.getByTestId('param-value-graceDays'), '16');
    await k.getByTestId('session-ended').waitFor();
    await signIn(k, 'kato');
    await k.getByTestId('session-ended').waitFor({ state: 'detached' });
    // The page reloaded (ito's revision): kato's editor is open again with his value, and says the draft moved on.
    await waitText(k.getByTestId('param-value-graceDays'), '16');
    await waitText(k.getByTestId('pe-unsaved-stale'), 'ito さんがこの下書きを変更しました');
    expect(await k.getByTestId('pe-value').inputValue()).toBe('20');
    await k.getByTestId('pe-unsaved-stale').scrollIntoViewIfNeeded();
    await shot(k, 'team-resume-05b-unsaved-parameter-kept-ja');
    await english(k);
    await waitText(k.getByTestId('pe-unsaved-stale'), 'Your edit is not saved yet');
    await shot(k, 'team-resume-05c-unsaved-parameter-kept-en');
    await japanese(k);
    await k.getByTestId('pe-keep-mine').click();
    await expect.poll(() => k.getByTestId('pe-save').isEnabled(), { timeout: 30_000 }).toBe(true);
    await k.getByTestId('pe-save').click();
    await waitText(k.getByTestId('param-value-graceDays'), '20');
  });
});

describe('a legal reviewer asks for changes (差し戻し)', () => {
  let draftId = 0;
  it('kato sends sato’s submitted price back with what must change; sato reads it on the Tariff page', async () => {
    const p = people['sato']!.page;
    const k = people['kato']!.page;
    // A draft is started from the approved version in force.
    await p.getByTestId('version-1').click();
    await waitText(p.getByTestId('version-heading'), '施行日 2023-09-19');
    await createTariffDraft(p, '2026-08-01', '2026年8月 価格改定');
    draftId = await selectedVersion(p, 'version-');
    await p.getByTestId('grid-search').fill(COURSE);
    await typePrice(p, '2100');
    await waitText(p.getByTestId('change-count'), '変更 1 件');
    await p.getByTestId('tr-comment').fill('M2035N 3年コースの月額を 2,100 円に');
    await p.getByTestId('tr-submit').click();
    await waitText(p.getByTestId('tariff-notice'), 'レビューに提出しました');
    // The pm's own way back is "back to draft"; asking for changes is the reviewer's.
    expect(await p.getByTestId('tr-request-changes').count()).toBe(0);

    await k.getByTestId('nav-tariffs').click();
    await k.getByTestId(`version-${draftId}`).click();
    await waitText(k.getByTestId('tariff-review'), 'レビュー中');
    expect(await k.getByTestId('tr-withdraw').count()).toBe(0);
    // A request for changes says what must change: the button waits for the comment.
    expect(await k.getByTestId('tr-request-changes').isDisabled()).toBe(true);
    await waitText(k.getByTestId('tr-request-changes-note'), '直してほしい点をコメントに書いて');
    await k.getByTestId('tr-comment').fill('2,100 円は競合より高すぎます。1,980 円にするか、根拠を添えてください。');
    await k.getByTestId('tr-request-changes').scrollIntoViewIfNeeded();
    await shot(k, 'team-resume-07-request-changes-ja');
    await expectAccessible(k, 'request-changes');
    await k.getByTestId('tr-request-changes').click();
    await waitText(k.getByTestId('tariff-notice'), '変更を依頼して下書きに戻しました');
    await waitText(k.getByTestId('tr-history'), '変更依頼（差し戻し）');

    // sato's page follows live: a draft again, with kato's request above the form.
    const banner = await waitText(p.getByTestId('tr-changes-requested'), 'kato さんが');
    expect(banner).toMatch(/kato さんが \d{4}-\d\d-\d\d \d\d:\d\d JST に変更を依頼し、この版を下書きに戻しました（差し戻し）。/u);
    expect(await p.getByTestId('tr-changes-requested-comment').textContent()).toBe('2,100 円は競合より高すぎます。1,980 円にするか、根拠を添えてください。');
    await waitText(p.getByTestId('live-note'), 'kato さんが変更しました: 料金表の変更を依頼して差し戻した');
    await p.getByTestId('tr-changes-requested').scrollIntoViewIfNeeded();
    await shot(p, 'team-resume-08-changes-requested-pm-ja');
    await expectAccessible(p, 'changes-requested');
    await english(p);
    await waitText(p.getByTestId('tr-changes-requested'), 'kato requested changes at');
    await shot(p, 'team-resume-09-changes-requested-pm-en');
    await japanese(p);
    await english(k);
    await waitText(k.getByTestId('tariff-notice'), 'Changes requested: the version is a draft again');
    await k.getByTestId('tr-history').scrollIntoViewIfNeeded();
    await waitText(k.getByTestId('tr-history'), 'changes requested');
    await shot(k, 'team-resume-10-history-en');
    await japanese(k);
  });

  it('sato changes the draft and submits it again; kato, who only reviewed it, approves it', async () => {
    const p = people['sato']!.page;
    const k = people['kato']!.page;
    await p.getByTestId('grid-search').fill(COURSE);
    await typePrice(p, '1980');
    await waitText(feeCell(p), '1,980円');
    await p.getByTestId('tr-comment').fill('1,980 円にしました');
    await p.getByTestId('tr-submit').click();
    await waitText(p.getByTestId('tariff-notice'), 'レビューに提出しました');
    // In review again: the request is answered, so it is no longer shown above the form (it stays in the history).
    await expect.poll(() => p.getByTestId('tr-changes-requested').count(), { timeout: 30_000 }).toBe(0);
    await waitText(k.getByTestId('tariff-review'), 'レビュー中');
    await k.getByTestId('tr-comment').fill('1,980 円で承認します');
    await expect.poll(() => k.getByTestId('tr-approve').isEnabled(), { timeout: 30_000 }).toBe(true);
    await k.getByTestId('tr-approve').click();
    await waitText(k.locator('.toolbar'), '承認済み', 60_000);
    await waitText(p.locator('.toolbar'), '承認済み', 60_000);
    await p.getByTestId('nav-rules').click();
    await p.getByTestId('rules-tab-audit').click();
    await waitText(p.getByTestId('audit-entries'), 'tariff.changes-requested');
  });
});
