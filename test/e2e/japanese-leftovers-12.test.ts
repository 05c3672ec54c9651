import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { fillScenario, launchChromium, openScenarios, runScenario, useStudio, waitText } from './studio-harness.js';
import { openAsPerson, PASSWORD, startTeamServer, stopTeamServer, tariff } from './team-harness.js';

/** English a Japanese user met in the twelfth sweep (series codes in the scenario's edits, a case file that cannot be written), now said in Japanese. */
const dir = scratch('e2e-ja-leftovers-12-');
const studio = useStudio(join(dir, 'workspace.sqlite'));
const { testId } = studio;

describe('Japanese leftovers, sweep 12', () => {
  it('says in Japanese why a case file could not be written, the path beneath', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-explorer').click();
    await testId('explorer-decision').selectOption('lateInterest');
    await testId('fact-principal').fill('10000');
    await testId('fact-dueDate').fill('2024-04-30');
    await testId('fact-paidDate').fill('2024-05-31');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'charge');
    await testId('explorer-folder').fill('/proc/no-such-folder');
    await testId('explorer-save-folder').click();
    await waitText(testId('error-advice'), 'そのフォルダにケースファイルを書き込めません');
    expect(await testId('error-banner').textContent()).toContain('/proc/no-such-folder');
  });

  it("names the page list's landmark in Japanese for a screen reader (ページ, not pages)", async () => {
    expect(await studio.page.getByRole('navigation', { name: 'ページ' }).count()).toBe(1);
    expect(await studio.page.locator('nav[aria-label="pages"]').count()).toBe(0);
  });

  it('says in Japanese that a case file it could not read was not checked, the reason beneath', async () => {
    const folder = join(dir, 'broken-cases');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'cut-off.json'), '{ "asOf": ');
    await testId('nav-rules').click();
    await testId('rules-tab-regression').click();
    await testId('case-folder-input').fill(folder);
    await testId('case-folder-add').click();
    await waitText(testId('regression-view'), 'broken-cases');
    await testId('regression-run').click();
    const line = await waitText(testId('regression-unreadable'), '読めなかったため', 120_000);
    expect(line).toContain(`読めなかったため、この回帰テストでは確かめていません: ${join(folder, 'cut-off.json')}`);
    expect(line).toContain('not valid JSON at line 1');
  });

  it("names the series in a scenario's edits as the grid does (旧コース, not legacy)", async () => {
    // Leaving the explorer's answer for the scenarios: nothing typed is unsaved there.
    await openScenarios(studio);
    expect(await testId('scn-proposal-qe-series').locator('option').allTextContents()).toEqual(['すべてのシリーズ', '旧コース', 'M5525 シリーズ', 'M2035 シリーズ']);
    await testId('scn-proposal-qe-add').click();
    expect(await testId('scn-proposal-edit-0-series').locator('option').allTextContents()).toEqual(['すべてのシリーズ', '旧コース', 'M5525 シリーズ', 'M2035 シリーズ']);
    // The value is still the code the scenario file holds.
    expect(await testId('scn-proposal-edit-0-series').inputValue()).toBe('M2035');
  });

  it("says a run's note in Japanese (contracts starting before the first tariff version), the simulator's English beneath", async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: '早い開始', size: 200, months: 6 });
    await testId('scn-start-from').fill('2023-01-01');
    await runScenario(studio);
    const note = await waitText(testId('result-note'), '最初の料金表バージョン');
    expect(note).toContain('契約の利用開始日（から）が、最初の料金表バージョンの施行日より前です。');
    expect(note).toContain('/fleet/startDates/from: contracts may start on 2023-01-01, before the first tariff version (2023-09-19)');
  });
});

describe('the team login page when the server does not answer', () => {
  it('says in Japanese that the server is not answering, not the browser\'s "Failed to fetch"', async () => {
    const workspace = join(dir, 'team.sqlite');
    const added = tariff(['users', 'add', 'kato', '--role', 'legal', '--workspace', workspace], `${PASSWORD}\n`);
    expect(added.status, added.stderr).toBe(0);
    const server = await startTeamServer(workspace, 'team-12');
    const browser = await launchChromium();
    try {
      const { page } = await openAsPerson(browser, server.url);
      await page.getByTestId('login-page').waitFor();
      await stopTeamServer(server);
      await page.getByTestId('login-name').fill('kato');
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      const text = await waitText(page.getByTestId('login-error'), 'サーバーが応答しません');
      expect(text).toBe(
        'サーバーが応答しません。サインインはできていません。サーバー（tariff studio --serve）が動いているかを管理者に確かめてから、もう一度サインインしてください。',
      );
    } finally {
      await browser.close();
      await stopTeamServer(server);
    }
  });
});
