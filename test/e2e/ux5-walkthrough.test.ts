import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/studio/team/user-store.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { scratch, SEED } from '../studio/helpers.js';
import { expectAccessible } from './axe-audit.js';
import { fillScenario, launchChromium, openScenarios, shot, startStudio, useStudio, waitText, type Studio } from './studio-harness.js';
import { PASSWORD, signIn, startTeamServer, stopTeamServer, type TeamServer } from './team-harness.js';

/**
 * A new user's walkthrough of the studio (ux5): finance on the Scenarios page, legal on the
 * Rules page, an admin on the team server, and the first start and its error states, held to
 * what the walkthrough found. Screenshots in test-results/screenshots (ux5-*).
 */
const dir = scratch('e2e-ux5-');

describe('finance on the Scenarios page', () => {
  const studio = useStudio(join(dir, 'finance.sqlite'), { viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const { testId } = studio;

  it('a long run (replications and a tornado) says which of its simulations is running, not 100% after the first', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: 'M2035 3年 −500円 ux5', size: 1500, months: 24 });
    await testId('scn-replications').fill('3');
    await testId('scn-sensitivity').check();
    await testId('scn-proposal-qe-add').click();
    await testId('scn-run').click();
    await waitText(testId('run-progress-text'), /反復 [23] \/ 3 回目を実行中|感応度: 前提 \d+ \/ \d+ を下げて・上げて実行中/u, 120_000);
    await shot(studio.page, 'ux5-a1-long-run-stage');
    await waitText(testId('scn-notice'), '実行が終わりました', 300_000);
    await testId('scenario-result').waitFor();
  });

  it('every count of the summary carries its unit (件, 契約月) beside the yen figures, and the events chart its axis unit', async () => {
    const cells = (key: string) => testId('summary-table').locator(`tr[data-key=${key}] td`);
    expect(await cells('contracts').nth(1).textContent()).toMatch(/^[\d,]+ 件$/u);
    expect(await cells('contracts').nth(3).textContent()).toMatch(/^\+?[\d,]+ 件$/u);
    // A band over the replications to a tenth, as the Bands sheet and the CLI (300.0 件 – 301.5 件).
    expect(await cells('contracts').nth(4).textContent()).toMatch(/^[\d,]+\.\d 件 – [\d,]+\.\d 件$/u);
    expect(await cells('contractMonths').nth(1).textContent()).toMatch(/^[\d,]+ 契約月$/u);
    expect(await cells('monthlyFees').nth(1).textContent()).toMatch(/^[\d,]+円$/u);
    await testId('summary-table').scrollIntoViewIfNeeded();
    await shot(studio.page, 'ux5-a2-summary-units');
    await testId('chart-events').scrollIntoViewIfNeeded();
    expect(await testId('chart-events').locator('text.recharts-label').textContent()).toBe('件');
    await shot(studio.page, 'ux5-a3-events-axis');
  });

  it('the revenue chart says what its lines and its shades are, and a band is a shaded square in the legend, not a line', async () => {
    await testId('chart-revenue').scrollIntoViewIfNeeded();
    await waitText(testId('chart-revenue').locator('p.muted'), '線はシード 1 の 1 回の実行、網掛けは 3 回の反復の p5–p95（灰色が現行案、青が変更案）。');
    const legend = (name: string) => testId('chart-revenue').locator('.recharts-legend-item', { hasText: new RegExp(`^${name}$`, 'u') });
    expect(await legend('変更案 p5–p95').locator('path.recharts-symbols').getAttribute('d')).toBe('M-16,-16h32v32h-32Z');
    expect(await legend('現行案 p5–p95').locator('path.recharts-symbols').count()).toBe(1);
    expect(await legend('変更案').locator('path.recharts-legend-icon').count()).toBe(1);
    await shot(studio.page, 'ux5-a7-revenue-legend');
  });

  it('the tornado says how far each assumption was moved: ±20% by default, and each row from what to what', async () => {
    await testId('chart-tornado').scrollIntoViewIfNeeded();
    await waitText(testId('chart-tornado').locator('p.muted'), '値の指定がない前提は ±20%');
    const hazard = testId('table-tornado').locator('tr[data-key="/cancellation/monthlyHazard"] td[data-moved]');
    // The form's default hazard 0.01 a month, moved 20% down and up.
    expect(await hazard.textContent()).toBe('0.008 ← 0.01 → 0.012');
    expect(await testId('table-tornado').locator('thead').textContent()).toContain('下げた値 ← 元の値 → 上げた値');
    await shot(studio.page, 'ux5-a4-tornado-moved');
  });

  it('a table that scrolls in its box takes the keyboard focus and scrolls from the keyboard; axe finds nothing on the result', async () => {
    await expectAccessible(studio.page, 'scenario result with bands and the tornado (ux5)');
    // A table that scrolls in its box (24 months) is reached and scrolled from the keyboard.
    const box = testId('chart-events-table-box');
    await box.focus();
    await studio.page.keyboard.press('PageDown');
    await expect.poll(() => box.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
  });

  it('the result says the proposal is the baseline version with the edits below, not a "(下書き)" that is nowhere in the workspace', async () => {
    const meta = (await testId('result-meta').textContent())!;
    expect(meta).toContain('現行案: ルール 2023-09-19 (承認済み)、料金表 2023-09-19 (承認済み)');
    expect(meta).toContain('変更案: ルール 2023-09-19、料金表 2023-09-19 の写しに下の編集を加えたもの（版そのものは変わりません）');
    expect(meta).not.toContain('下書き');
    await testId('result-meta').scrollIntoViewIfNeeded();
    await shot(studio.page, 'ux5-a5-sides');
  });

  it('the quick edit keeps its unit (円／月) on the line of its amount', async () => {
    await testId('scn-toggle-form').click();
    const input = testId('scn-proposal-qe-change');
    await input.scrollIntoViewIfNeeded();
    const [box, unit] = [await input.boundingBox(), await testId('scn-proposal-qe-unit').boundingBox()];
    expect(unit!.y + unit!.height / 2).toBeGreaterThan(box!.y);
    expect(unit!.y + unit!.height / 2).toBeLessThan(box!.y + box!.height);
    expect(unit!.x).toBeGreaterThan(box!.x + box!.width - 1);
    await shot(studio.page, 'ux5-a6-quick-edit-unit');
  });
});

describe('legal on the Rules page', () => {
  const studio = useStudio(join(dir, 'legal.sqlite'), { viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const { testId } = studio;

  it('the regression says which fields of each answer changed, and marks them in both answers', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await testId('btn-rule-draft').click();
    // A date years ahead: approved, it is scheduled, and the version in force today stays in force until then.
    await testId('rule-draft-effective').fill('2030-04-01');
    await testId('rule-draft-title').fill('第27条 改定案');
    await testId('rule-draft-create').click();
    await waitText(testId('rule-version-heading'), '施行日 2030-04-01');
    await testId('decision-select').selectOption('lateInterest');
    await testId('cond-0-operator').selectOption('greaterThanInclusive');
    await waitText(testId('rule-check'), '検査を通過しました');
    await testId('rule-save').click();
    await waitText(studio.page.locator('[data-testid="rule-lateInterest/after-grace-period"]'), '変更あり');
    await testId('rules-tab-regression').click();
    await testId('regression-run').click();
    await waitText(testId('regression-summary'), /^[\d,]+ ケースを 2023-09-19/u, 120_000);
    expect(await testId('regression-summary').textContent()).toMatch(/^\d{1,3}(,\d{3})+ ケース/u);
    const row = testId('regression-changed').locator('[data-testid=regression-row]').first();
    expect(await row.getByTestId('regression-changed-fields').textContent()).toMatch(/^変わった項目: .*延滞利息/u);
    expect(await row.locator('.after-side mark.changed-field[data-field=amount]').textContent()).toMatch(/^[\d,]+円$/u);
    expect(await row.locator('.before-side mark.changed-field[data-field=outcome]').count()).toBe(1);
    await shot(studio.page, 'ux5-b1-regression-changed-fields');
    await expectAccessible(studio.page, 'regression with changed fields (ux5)');
  });

  it('the review tab of a version in review points the reviewer at the diff and the regression before approving', async () => {
    await testId('rules-tab-review').click();
    await testId('review-comment').fill('第27条の起算を見直しました');
    await testId('btn-submit-review').click();
    await waitText(testId('rule-version-status'), 'レビュー中');
    await waitText(testId('review-checklist'), '承認する前に、前のバージョンとの差分（条文ごと）と、回帰テスト（回答が変わるケース）を確かめてください。');
    await shot(studio.page, 'ux5-b2-review-checklist');
    await expectAccessible(studio.page, 'rules review checklist (ux5)');
    await testId('review-open-diff').click();
    await waitText(testId('diff-summary'), 'ルール 1 件');
    await testId('rules-tab-review').click();
    await testId('review-open-regression').click();
    await testId('regression-run').waitFor();
    await testId('rules-tab-review').click();
  });

  it('approving a version for a later date says the version it supersedes stays in force until then', async () => {
    await testId('review-reviewer').fill('加藤（法務）');
    await testId('review-comment').fill('条文と回帰テストを確認');
    await expect.poll(() => testId('btn-approve').isDisabled(), { timeout: 120_000 }).toBe(false);
    await testId('btn-approve').click();
    await waitText(
      testId('rules-note'),
      '承認しました。このバージョンは 2030-04-01 から施行されます。2023-09-19 のバージョンは置換済みになりましたが、2030-04-01 の前日までは施行中です。',
      60_000,
    );
    await waitText(testId('rule-version-1'), '置換済み');
    await shot(studio.page, 'ux5-b3-approved-scheduled');
  });
});

describe('an admin on the team server', () => {
  const workspace = join(dir, 'team.sqlite');
  let server: TeamServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    const { ws } = openWorkspace(workspace, { seed: SEED });
    try {
      await addUser(ws, { name: 'kanri', role: 'admin', password: PASSWORD });
      await addUser(ws, { name: 'kato', role: 'legal', password: PASSWORD });
    } finally {
      closeWorkspace(ws);
    }
    server = await startTeamServer(workspace, 'ux5-team');
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP', bypassCSP: true })).newPage();
    await page.goto(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await stopTeamServer(server);
  });

  it('the users page says what each role may do, as the server enforces it', async () => {
    await signIn(page, 'kanri');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    const roles = page.getByTestId('users-roles');
    expect(await roles.locator('[data-role]').count()).toBe(4);
    expect(await roles.locator('[data-role=legal] dd').textContent()).toContain('ルールと料金表のバージョンを承認する');
    expect(await roles.locator('[data-role=finance] dd').textContent()).toContain('シナリオを作り、実行し');
    await waitText(page.getByTestId('users-page'), '承認は、そのバージョンを編集していない人だけができます（四つの目の原則）');
    await shot(page, 'ux5-c1-users-roles');
    await expectAccessible(page, 'users page with the roles (ux5)');
  });
});

describe('the server gone', () => {
  let studio: Studio | undefined;
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    studio = await startStudio(join(dir, 'gone.sqlite'));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
  });

  it('a page opened after the server stopped says so in Japanese and what to do, instead of "読み込み中…" for ever', async () => {
    await page.goto(studio!.url);
    await page.getByTestId('grid-courses').waitFor();
    await studio!.stop();
    await page.getByTestId('nav-rules').click();
    const banner = page.getByTestId('error-banner');
    await waitText(banner, 'SERVER_UNREACHABLE');
    await waitText(page.getByTestId('error-advice'), 'スタジオのサーバーが応答しません。この操作は届いていないので、何も保存されていません。');
    await shot(page, 'ux5-d1-server-gone-rules');
    await page.getByTestId('nav-tariffs').click();
    await waitText(page.getByTestId('error-advice'), 'スタジオのサーバーが応答しません');
    await shot(page, 'ux5-d2-server-gone-tariffs');
    // The scenario list it could not read is not "no saved scenarios yet".
    await page.getByTestId('nav-scenarios').click();
    await waitText(page.getByTestId('scn-list-failed'), '保存したシナリオの一覧を読み込めませんでした');
    expect(await page.getByTestId('scenario-list').textContent()).not.toContain('保存したシナリオはまだありません');
    await shot(page, 'ux5-d3-server-gone-scenarios');
  });
});
