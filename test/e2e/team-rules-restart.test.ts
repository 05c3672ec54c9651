import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { expectAccessible } from './axe-audit.js';
import { createRuleDraft, createTariffDraft, selectedVersion, setRuleParameter, shot, waitText } from './studio-harness.js';
import { feeCell, startTeamServer, stopTeamServer, typePrice, useTeam, type Person, type TeamServer } from './team-harness.js';

/**
 * The Rules page meets a stale submission and a team server restart as the Tariff page does. Two
 * legal users (kato, ito) and two product managers (sato, tanaka), each pair on one draft, the
 * second's live stream cut (a proxy that buffers it): a submission made on the draft as it was
 * before the colleague's change is refused on either page in the same words, naming who changed
 * it and when, with the same offer (load their change; the comment stays) and the same way on
 * (submit again). Then the team server restarts while kato edits a parameter (value and quote) and
 * switches an interpretation: what he typed stays on the page, marked, a note names each waiting
 * value, and both are saved once the server answers. Screenshots in test-results/screenshots
 * (team-rules-restart-*).
 */
const dir = scratch('e2e-team-rules-restart-');
const workspace = join(dir, 'workspace.sqlite');
const team = useTeam(workspace, {
  tag: 'team-rules-restart',
  users: [
    ['kato', 'legal'],
    ['ito', 'legal'],
    ['sato', 'pm'],
    ['tanaka', 'pm'],
  ],
  signedIn: ['kato', 'ito', 'sato', 'tanaka'],
});
const COURSE = 'M2035N・3年コース・クラウド 7・SN';
let restarted: TeamServer | undefined;
afterAll(async () => {
  await stopTeamServer(restarted);
});

/** `p` hears nothing live from now on (its page reloaded without the stream). */
async function cutLive(p: Person): Promise<void> {
  await p.context.route('**/events', (r) => r.abort());
  await p.page.reload();
  await p.page.getByTestId('team-badge').waitFor();
}
async function restoreLive(p: Person): Promise<void> {
  await p.context.unroute('**/events');
  await p.page.reload();
  await p.page.getByTestId('team-badge').waitFor();
}

/** The refusal of a stale submission, as both pages word it: what was refused, who changed the draft and when, that nothing was submitted, and what to do. */
async function expectStaleSubmission(p: Person['page'], colleague: string): Promise<void> {
  const banner = p.getByTestId('error-banner');
  await waitText(banner, 'レビューに提出できませんでした');
  const advice = await waitText(banner.getByTestId('error-advice'), `${colleague} さんが`);
  expect(advice).toMatch(
    new RegExp(
      `^${colleague} さんが \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d JST にこの下書きを変更しました（このページが読み込んだ後）。` +
        'レビューには提出されていません。「相手の変更を読み込む」で相手の変更を読み込んで確かめてから、もう一度提出してください（コメントは残っています）。$',
      'u',
    ),
  );
  // Said once, in Japan time: the stale refusal's own issue line (UTC) is not repeated beneath.
  expect(await banner.getByTestId('issue-list').count()).toBe(0);
  await waitText(banner.getByTestId('conflict-reload'), '相手の変更を読み込む');
}

describe('a stale submission, on the Rules page and on the Tariff page alike', () => {
  it('rules: ito submits the draft as it was before kato’s change; refused naming kato, nothing submitted; loaded again, her comment stays and the submission goes through', async () => {
    const k = team.people['kato']!.page;
    const i = team.people['ito']!;
    await cutLive(i);
    await k.getByTestId('nav-rules').click();
    await createRuleDraft(k, '2026-08-01', '第27条 猶予期間');
    const ruleId = await selectedVersion(k, 'rule-version-');
    await i.page.getByTestId('nav-rules').click();
    await i.page.getByTestId(`rule-version-${ruleId}`).click();
    await waitText(i.page.getByTestId('rule-version-status'), '下書き');
    await i.page.getByTestId('rules-tab-review').click();
    await i.page.getByTestId('review-comment').fill('第27条の猶予期間を確認してください');
    await setRuleParameter(k, 'lateInterest', 'graceDays', '14');
    await i.page.getByTestId('btn-submit-review').click();
    await expectStaleSubmission(i.page, 'kato');
    await waitText(i.page.getByTestId('rule-version-status'), '下書き');
    await shot(i.page, 'team-rules-restart-01-stale-rule-submission');
    // Until the draft is read again the page says it is loading kato's change, and submitting waits (it would be refused again).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await i.context.route('**/api/rules.get', async (route) => {
      await held;
      await route.continue();
    });
    await i.page.getByTestId('conflict-reload').click();
    await expect.poll(() => i.page.getByTestId('error-banner').count(), { timeout: 30_000 }).toBe(0);
    await waitText(i.page.getByTestId('rules-reloading'), '相手の変更を読み込んでいます');
    expect(await i.page.getByTestId('btn-submit-review').isDisabled()).toBe(true);
    release();
    // Read again: it says whose change is loaded, and submitting is possible again.
    expect(await waitText(i.page.getByTestId('rules-note'), 'kato さんの変更を読み込みました')).toMatch(/^kato さんの変更を読み込みました（版 \d+）。/u);
    await i.context.unroute('**/api/rules.get');
    expect(await i.page.getByTestId('rules-reloading').count()).toBe(0);
    expect(await i.page.getByTestId('btn-submit-review').isEnabled()).toBe(true);
    await shot(i.page, 'team-rules-restart-01b-colleague-change-loaded');
    // Loaded again, the page holds kato's change; the comment typed stays while she looks at it on another tab.
    await i.page.getByTestId('rules-tab-rules').click();
    await i.page.getByTestId('decision-select').selectOption('lateInterest');
    await waitText(i.page.getByTestId('param-value-graceDays'), '14');
    await i.page.getByTestId('rules-tab-review').click();
    expect(await i.page.getByTestId('review-comment').inputValue()).toBe('第27条の猶予期間を確認してください');
    await i.page.getByTestId('btn-submit-review').click();
    await waitText(i.page.getByTestId('rule-version-status'), 'レビュー中');
    // Said as the Tariff page says it (tariff-notice below).
    expect(await waitText(i.page.getByTestId('rules-note'), 'レビューに提出しました')).toBe('レビューに提出しました。');
    await waitText(i.page.getByTestId('review-history'), '第27条の猶予期間を確認してください');
    await restoreLive(i);
  });

  it('tariffs: tanaka submits the draft as it was before sato’s price; refused in the same words naming sato; loaded again (the page says whose change and which revision, as the Rules page does), his comment stays and the submission goes through', async () => {
    const s = team.people['sato']!.page;
    const t = team.people['tanaka']!;
    await createTariffDraft(s, '2026-08-01', '2026年8月 価格改定');
    const draftId = await selectedVersion(s, 'version-');
    await cutLive(t);
    await t.page.getByTestId(`version-${draftId}`).click();
    await waitText(t.page.getByTestId('version-heading'), '施行日 2026-08-01');
    await t.page.getByTestId('tr-comment').fill('価格改定を確認してください');
    await s.getByTestId('grid-search').fill(COURSE);
    await waitText(s.getByTestId('grid-count'), '150 行中 1 行');
    await typePrice(s, '3500');
    await waitText(s.getByTestId('change-count'), '変更 1 件');
    await t.page.getByTestId('tr-submit').click();
    await expectStaleSubmission(t.page, 'sato');
    await shot(t.page, 'team-rules-restart-02-stale-tariff-submission');
    // As on the Rules page: until the draft is read again the page says it is loading sato's change, and submitting waits.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await t.context.route('**/api/tariffs.get', async (route) => {
      await held;
      await route.continue();
    });
    await t.page.getByTestId('conflict-reload').click();
    await expect.poll(() => t.page.getByTestId('error-banner').count(), { timeout: 30_000 }).toBe(0);
    await waitText(t.page.getByTestId('tariff-reloading'), '相手の変更を読み込んでいます');
    expect(await t.page.getByTestId('tr-submit').isDisabled()).toBe(true);
    release();
    // Read again: it says whose change is loaded and which revision, and submitting is possible again.
    expect(await waitText(t.page.getByTestId('tariff-notice'), 'sato さんの変更を読み込みました')).toMatch(/^sato さんの変更を読み込みました（版 \d+）。/u);
    await t.context.unroute('**/api/tariffs.get');
    expect(await t.page.getByTestId('tariff-reloading').count()).toBe(0);
    expect(await t.page.getByTestId('tr-submit').isEnabled()).toBe(true);
    await shot(t.page, 'team-rules-restart-02b-colleague-change-loaded');
    expect(await t.page.getByTestId('tr-comment').inputValue()).toBe('価格改定を確認してください');
    await t.page.getByTestId('grid-search').fill(COURSE);
    await waitText(feeCell(t.page), '3,500円');
    await t.page.getByTestId('tr-submit').click();
    await waitText(t.page.getByTestId('tariff-notice'), 'レビューに提出しました');
    await restoreLive(t);
  });
});

describe('a draft moved on by the same user in another window', () => {
  it('kato’s parameter editor, the draft saved meanwhile by kato himself in another tab, says it was his own other save, not someone else’s', async () => {
    const k = team.people['kato']!;
    const a = k.page;
    await a.getByTestId('rule-version-1').click();
    await createRuleDraft(a, '2026-10-01', '第27条 猶予期間の見直し');
    const ruleId = await selectedVersion(a, 'rule-version-');
    await a.getByTestId('decision-select').selectOption('lateInterest');
    await a.getByTestId('param-edit-graceDays').click();
    await a.getByTestId('pe-value').fill('20');
    // The same user, signed in (the same cookies), saves the same draft in a second tab.
    const b = await k.context.newPage();
    await b.goto(team.server.url);
    await b.getByTestId('team-badge').waitFor();
    await b.getByTestId('nav-rules').click();
    await b.getByTestId(`rule-version-${ruleId}`).click();
    await waitText(b.getByTestId('rule-version-status'), '下書き');
    await setRuleParameter(b, 'lateInterest', 'graceDays', '16');
    await b.close();
    await expect.poll(() => a.getByTestId('pe-save').isEnabled(), { timeout: 30_000 }).toBe(true);
    await a.getByTestId('pe-save').click();
    await waitText(a.getByTestId('error-advice'), 'あなた自身の別の保存');
    await a.getByTestId('conflict-reload').click();
    await waitText(a.getByTestId('param-value-graceDays'), '16');
    const stale = await waitText(a.getByTestId('pe-unsaved-stale'), '版 ');
    expect(stale).toContain('この下書きはあなた自身の別の保存（別のタブまたはウィンドウ）で変更されました');
    expect(stale).not.toContain('ほかの人');
    expect(await a.getByTestId('pe-value').inputValue()).toBe('20');
    await shot(a, 'team-rules-restart-02b-own-other-tab');
    await a.getByTestId('pe-discard-mine').click();
    expect(await a.getByTestId('pe-unsaved-stale').count()).toBe(0);
  });
});

describe('the team server restarts while a legal user edits a rule draft', () => {
  it('a parameter (value and quote) and an interpretation typed meanwhile stay on the page, marked, are named in a note, and are saved once the server answers', async () => {
    const k = team.people['kato']!.page;
    await k.getByTestId('rule-version-1').click();
    await createRuleDraft(k, '2026-09-01', '第27条 延滞利息の率');
    const ruleId = await selectedVersion(k, 'rule-version-');
    await k.getByTestId('decision-select').selectOption('lateInterest');
    await k.getByTestId('param-edit-annualRatePercent').click();
    await k.getByTestId('pe-value').fill('14.0');
    // The quote without its last sentence (ただし…): still the terms' own text.
    const quote =
      '契約者は、料金その他の債務（延滞利息を除きます。）について支払期日を経過してもなお支払いがない場合には、支払期日の翌日から起算して支払いの日の前日までの期間について年 14.6％の割合で計算して得た額を延滞利息として支払っていただきます。';
    await k.getByTestId('pe-quote').fill(quote);
    await waitText(k.getByTestId('pe-check'), '引用は規約の本文と一致しています');
    const port = new URL(team.server.url).port;
    await stopTeamServer(team.server);
    await k.getByTestId('pe-save').click();
    // Switched meanwhile: the list shows the value chosen (marked), not the one saved before (lateInterest does not read it: every interpretation shown).
    await k.getByTestId('interps-show-all').click();
    await k.getByTestId('interp-partialMonthFee').selectOption('daily-prorate');
    await waitText(k.getByTestId('server-waiting-pending'), 'まだ保存されていない変更が 2 件あります。サーバーが応答すると保存されます。');
    const waiting = await waitText(k.getByTestId('save-waiting'), 'サーバーの応答を待っている入力: ');
    expect(waiting).toBe(
      'サーバーの応答を待っている入力: 延滞利息・annualRatePercent の「値」に「14.0」、延滞利息・annualRatePercent の「引用」に「契約者は、料金その他の債務（延滞利息を除きます。）について支…」、' +
        'partialMonthFee の「既定」に「daily-prorate」。入力した内容は画面にそのまま表示しています。サーバーが応答すると保存されます。',
    );
    expect(await k.getByTestId('pe-value').inputValue()).toBe('14.0');
    expect(await k.getByTestId('pe-quote').inputValue()).toBe(quote);
    expect(await k.getByTestId('interp-partialMonthFee').inputValue()).toBe('daily-prorate');
    expect(await k.getByTestId('interp-partialMonthFee').getAttribute('data-pending')).toBe('true');
    // Beside it, the description of the value chosen, not of the default saved before.
    const described = await k.getByTestId('interp-text-partialMonthFee').textContent();
    expect(described).toContain('日割り：月額利用料 × 利用日数 ÷ その月の日数');
    expect(described).not.toContain('1日でも利用した月は月額利用料の全額を請求する');
    expect(await k.getByTestId('error-banner').count()).toBe(0);
    await shot(k, 'team-rules-restart-03-server-waiting');
    await expectAccessible(k, 'rules-server-waiting');
    restarted = await startTeamServer(workspace, 'team-rules-restart-again', [], `127.0.0.1:${port}`);
    await expect.poll(() => k.getByTestId('server-waiting').count(), { timeout: 60_000 }).toBe(0);
    await waitText(k.getByTestId('param-value-annualRatePercent'), '14.0');
    await expect.poll(() => k.getByTestId('interp-partialMonthFee').getAttribute('data-pending'), { timeout: 30_000 }).toBe(null);
    expect(await k.getByTestId('interp-partialMonthFee').inputValue()).toBe('daily-prorate');
    expect(await k.getByTestId('interp-text-partialMonthFee').textContent()).toContain('日割り：月額利用料 × 利用日数 ÷ その月の日数');
    expect(await k.getByTestId('save-waiting').count()).toBe(0);
    expect(await k.getByTestId('error-banner').count()).toBe(0);
    // Saved on the server, both: a page loaded afresh shows them.
    await k.reload();
    await k.getByTestId('team-badge').waitFor();
    await k.getByTestId('nav-rules').click();
    await k.getByTestId(`rule-version-${ruleId}`).click();
    await k.getByTestId('decision-select').selectOption('lateInterest');
    await waitText(k.getByTestId('param-value-annualRatePercent'), '14.0');
    expect(await k.getByTestId('interp-partialMonthFee').inputValue()).toBe('daily-prorate');
    await shot(k, 'team-rules-restart-04-saved-after-restart');
  });
});
