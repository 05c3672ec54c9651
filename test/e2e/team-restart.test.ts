import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { expectAccessible } from './axe-audit.js';
import { createTariffDraft, selectedVersion, shot, waitText } from './studio-harness.js';
import { feeCell, startTeamServer, stopTeamServer, typePrice, useTeam, type TeamServer } from './team-harness.js';

/**
 * What a team meets when the network or the server is not there for a moment: two product
 * managers (sato, tanaka) on one draft. tanaka's live stream is cut (a proxy that buffers it), so
 * sato's save does not reach his page and tanaka's next save is stale: it is refused, and the grid
 * then shows the draft as it is (sato's price), as the message says, and sato's undo no longer
 * reaches back past tanaka's change. Then the team server restarts
 * while sato types: the price waits on his page, shown as typed in its cell and named above the
 * grid, a note says so, and it is saved once the server answers again. A draft dated before today is said to take effect back to it once approved, to
 * the pm in the new-draft dialog and to the legal reviewer beside the approve button.
 * Screenshots in test-results/screenshots (team-restart-*).
 */
const dir = scratch('e2e-team-restart-');
const workspace = join(dir, 'workspace.sqlite');
const team = useTeam(workspace, {
  tag: 'team-restart',
  users: [
    ['sato', 'pm'],
    ['tanaka', 'pm'],
    ['kato', 'legal'],
  ],
  signedIn: ['sato', 'tanaka'],
});
const COURSE = 'M2035N・3年コース・クラウド 7・SN';
let restarted: TeamServer | undefined;
afterAll(async () => {
  await stopTeamServer(restarted);
});

describe('a team server that is not there for a moment', () => {
  let draftId = 0;
  it('a stale save made while the live stream was cut is refused, and the grid then shows the colleague’s price, as the message says', async () => {
    const s = team.people['sato']!.page;
    const t = team.people['tanaka']!;
    await createTariffDraft(s, '2026-10-01', '2026年10月 価格改定');
    draftId = await selectedVersion(s, 'version-');
    // tanaka's page hears nothing live from now on.
    await t.context.route('**/events', (r) => r.abort());
    await t.page.reload();
    await t.page.getByTestId('team-badge').waitFor();
    await t.page.getByTestId(`version-${draftId}`).click();
    await waitText(t.page.getByTestId('version-heading'), '施行日 2026-10-01');
    for (const p of [s, t.page]) {
      await p.getByTestId('grid-search').fill(COURSE);
      await waitText(p.getByTestId('grid-count'), '150 行中 1 行');
    }
    await typePrice(s, '3500');
    await waitText(s.getByTestId('change-count'), '変更 1 件');
    await typePrice(t.page, '3450');
    const banner = t.page.getByTestId('error-banner');
    await waitText(banner, '保存されなかった入力: M2035N-3Y-C7-SN の「月額料金（円）」に「3450」。下の表はいまの下書き（相手の変更後）です。');
    await waitText(banner, /sato さんが \d{4}-\d\d-\d\d \d\d:\d\d:\d\d JST にこの下書きを変更しました/u);
    // The table is the draft as it is now: sato's price, one change.
    await waitText(feeCell(t.page), '3,500円');
    await waitText(t.page.getByTestId('change-count'), '変更 1 件');
    // Said once, in Japan time: no row beneath repeating it in English with the time in UTC.
    expect(await banner.getByTestId('issue-list').count()).toBe(0);
    // The grid already shows sato's version: the advice does not ask to reload, and no reload is offered.
    const advice = (await banner.getByTestId('error-advice').textContent()) ?? '';
    expect(advice).toContain('表にはもう相手の変更を読み込んであります');
    expect(advice).not.toContain('再読み込みして');
    expect(await banner.getByTestId('conflict-reload').count()).toBe(0);
    await shot(t.page, 'team-restart-01-stale-save');
    // Typed again on sato's version, it is saved.
    await typePrice(t.page, '3450');
    await waitText(feeCell(t.page), '3,450円');
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    // sato's page shows tanaka's price live. Undoing his own 3,500 now would put 3,680 over
    // tanaka's 3,450 unseen: his undo history ends with the colleague's change.
    await waitText(feeCell(s), '3,450円');
    await expect.poll(() => s.getByTestId('btn-undo').isDisabled(), { timeout: 30_000 }).toBe(true);
    await s.keyboard.press('ControlOrMeta+Z');
    await waitText(feeCell(t.page), '3,450円');
    await waitText(feeCell(s), '3,450円');
  });

  it('the server restarts while sato types: the price waits on his page, shown as typed and named above the grid, a note says so, and it is saved once the server answers', async () => {
    const s = team.people['sato']!.page;
    await s.getByTestId('grid-search').fill(COURSE);
    await waitText(feeCell(s), '3,450円');
    const port = new URL(team.server.url).port;
    await stopTeamServer(team.server);
    await typePrice(s, '3399');
    const note = s.getByTestId('server-waiting');
    await waitText(note, 'チームのサーバーが応答しません（再起動中か、ネットワークが切れています）。このページの内容はそのまま残っています。');
    await waitText(s.getByTestId('server-waiting-pending'), 'まだ保存されていない変更が 1 件あります。サーバーが応答すると保存されます。');
    // Which value waits is said, and the cell shows what was typed (marked), not the old price.
    await waitText(s.getByTestId('save-waiting'), 'サーバーの応答を待っている入力: M2035N-3Y-C7-SN の「月額料金（円）」に「3399」。');
    await waitText(feeCell(s), '3399');
    expect(await feeCell(s).locator('[data-pending=true]').count()).toBe(1);
    // Nothing is said to be lost: no error, and the page stays usable beneath the note.
    expect(await s.getByTestId('error-banner').count()).toBe(0);
    await shot(s, 'team-restart-02-server-waiting');
    await expectAccessible(s, 'server-waiting');
    restarted = await startTeamServer(workspace, 'team-restart-again', [], `127.0.0.1:${port}`);
    await expect.poll(() => note.count(), { timeout: 60_000 }).toBe(0);
    await waitText(feeCell(s), '3,399円');
    expect(await s.getByTestId('error-banner').count()).toBe(0);
    // Saved on the server: a page loaded afresh shows it.
    await s.reload();
    await s.getByTestId('team-badge').waitFor();
    await s.getByTestId(`version-${draftId}`).click();
    await s.getByTestId('grid-search').fill(COURSE);
    await waitText(feeCell(s), '3,399円');
    await shot(s, 'team-restart-03-saved-after-restart');
  });
});

describe('a draft dated before today', () => {
  it('the new-draft dialog says that, approved, it would take effect back to that day; a later date says nothing', async () => {
    const s = team.people['sato']!.page;
    await s.getByTestId('version-1').click();
    await waitText(s.getByTestId('version-heading'), '施行日 2023-09-19');
    await s.getByTestId('btn-create-draft').click();
    await s.getByTestId('draft-effective').fill('2024-01-01');
    const past = await waitText(s.getByTestId('draft-effective-past'), '施行日 2024-01-01 は本日（');
    expect(past).toMatch(
      /^施行日 2024-01-01 は本日（\d{4}-\d\d-\d\d）より前です。このまま承認されると、2024-01-01 にさかのぼって施行されたことになり、その日以降の料金・判定が変わります。/u,
    );
    await shot(s, 'team-restart-04-past-effective-date');
    await expectAccessible(s, 'past-effective-date');
    await s.getByTestId('draft-effective').fill('2099-01-01');
    await expect.poll(() => s.getByTestId('draft-effective-past').count()).toBe(0);
    await s.keyboard.press('Escape');
  });

  it('submitted as it is, the legal reviewer is told the same beside the approve button', async () => {
    const s = team.people['sato']!.page;
    await createTariffDraft(s, '2024-01-01', '遡及の試し');
    await s.getByTestId('tr-comment').fill('2024-01-01 に遡って適用');
    await s.getByTestId('tr-submit').click();
    await waitText(s.getByTestId('tariff-notice'), 'レビューに提出しました');
    const id = await selectedVersion(s, 'version-');
    const k = (await team.person('kato')).page;
    await k.getByTestId(`version-${id}`).click();
    await waitText(k.getByTestId('tariff-review'), 'レビュー中');
    const note = await waitText(k.getByTestId('tr-past-effective'), '施行日 2024-01-01 は本日（');
    expect(note).toContain('承認すると 2024-01-01 にさかのぼって施行されたことになり、その日以降の料金・判定が変わります。さかのぼる意図がなければ、変更を依頼して差し戻し');
    await k.getByTestId('tr-past-effective').scrollIntoViewIfNeeded();
    await shot(k, 'team-restart-05-past-effective-review');
  });
});
