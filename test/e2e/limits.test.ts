import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_WALK_LIMITS } from '../../src/io/case-files.js';
import { scratch } from '../studio/helpers.js';
import { openScenarios, fillScenario, shot, useStudio, waitText } from './studio-harness.js';

/**
 * The two limits as a user meets them in the browser mode: the run's size and the limit are shown
 * as the form is typed; a scenario run larger than the run-size limit is refused where Run was pressed (the code, in Japanese what to do, the size and the limit,
 * the fleet size marked), nothing saved, and "Run anyway" runs it after a confirmation (here
 * cancelled at once); a case folder too large to read is refused where it was added, the path kept
 * in its box.
 */
const dir = scratch('e2e-limits-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1440, height: 1000 } });
const { testId } = studio;

describe('limits in the studio', () => {
  it('refuses a run over the run-size limit where Run was pressed, and runs it anyway only when confirmed', async () => {
    await openScenarios(studio);
    // The size of the run and the limit are beside the form as it is typed.
    await waitText(testId('scn-run-size'), 'この実行の大きさ: 1,000 契約 × 24 か月 × 1 回 = 24,000 契約月（上限 100,000,000 契約月）');
    expect(await testId('scn-run-size').getAttribute('data-over')).toBe('false');
    await fillScenario(studio, { name: '全市場', size: 10_000_000, months: 600 });
    await waitText(
      testId('scn-run-size'),
      '= 6,000,000,000 契約月（上限 100,000,000 契約月） 上限を超えています。「保存して実行」の後、「この大きさで実行する」で一度だけ実行できます',
    );
    expect(await testId('scn-run-size').getAttribute('data-over')).toBe('true');
    await testId('scn-run').click();
    const banner = testId('error-banner');
    await waitText(banner, 'RUN_TOO_LARGE');
    await waitText(testId('error-advice'), 'この実行は大きすぎるため開始していません');
    await waitText(banner, '10,000,000 contracts × 600 months × 1 run (1 run of the fleet) = 6,000,000,000 contract-months, more than the limit of 100,000,000');
    expect(await banner.textContent()).toContain('/fleet/size');
    expect(await testId('scn-size').getAttribute('class')).toContain('field-error');
    expect(await testId('scn-heading').textContent()).toBe('新しいシナリオ');
    expect(await testId('scenario-list').textContent()).toContain('保存したシナリオはまだありません');
    await testId('scn-run-anyway').waitFor();
    await shot(studio.page, 'limits-run-too-large-ja');

    // "Run anyway": declined, nothing happens; confirmed, the run starts with this size as its own limit (and is cancelled here).
    const dialogs: string[] = [];
    studio.page.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await testId('scn-run-anyway').click();
    expect(dialogs[0]).toContain('この実行は 6,000,000,000 契約月で、上限の 100,000,000 契約月を超えています');
    expect(await testId('scn-heading').textContent()).toBe('新しいシナリオ');
    await fillScenario(studio, { size: 200_000, months: 600 });
    await testId('scn-run').click();
    await waitText(testId('error-banner'), '= 120,000,000 contract-months');
    studio.page.once('dialog', (d) => void d.accept());
    await testId('scn-run-anyway').click();
    await testId('scn-cancel').waitFor();
    await waitText(testId('scn-heading'), '全市場');
    await testId('scn-cancel').click();
    await waitText(testId('scn-notice'), 'キャンセル');
  });

  it('counts the fleet size moved in the sensitivity section at its own sizes, and names its up-run as what makes the run too large, in Japanese', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: '契約数を動かす', size: 1_000, months: 24 });
    await testId('scn-sensitivity').check();
    await testId('scn-fleet-move-on').check();
    await testId('scn-fleet-move-up').fill('10000000');
    await waitText(testId('scn-run-size'), ' + 感応度の契約数の下側の実行（800 契約 × 24 か月） + 感応度の契約数の上側の実行（10,000,000 契約 × 24 か月） = 240,');
    expect(await testId('scn-run-size').getAttribute('data-over')).toBe('true');
    await testId('scn-run').click();
    await waitText(testId('error-banner'), 'RUN_TOO_LARGE');
    await waitText(
      testId('error-advice'),
      '大きいのは感応度の契約数の上側の実行で、それだけで 10,000,000 契約 × 24 か月 = 240,000,000 契約月です。「上げた契約数」をいまの契約数に近づけるか、「契約数も動かす」を外してください。',
    );
    await waitText(testId('error-banner'), 'what makes it large is the up-run of the fleet size (/sensitivity/assumptions/0/up)');
    expect(await testId('scn-fleet-move-up').getAttribute('class')).toContain('field-error');
    expect(await testId('scn-heading').textContent()).toBe('新しいシナリオ');
    await testId('scn-fleet-move').scrollIntoViewIfNeeded();
    await shot(studio.page, 'limits-fleet-move-too-large-ja');
  });

  it('refuses a case folder too large to read where it was added, and keeps the path in its box', async () => {
    const home = scratch('e2e-home-');
    writeFileSync(join(home, 'notes.json'), '{}');
    for (let i = 0; i <= CASE_WALK_LIMITS.folders; i++) mkdirSync(join(home, `project${i}`));
    await studio.page.goto(studio.url);
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await testId('rules-tab-regression').click();
    await testId('case-folder-input').fill(home);
    await testId('case-folder-add').click();
    await waitText(testId('error-banner'), 'CASE_FOLDER_TOO_LARGE');
    await waitText(testId('error-advice'), 'このフォルダは大きすぎるため読みませんでした');
    await waitText(testId('error-banner'), `${home}: is too large a folder to read for case files: it holds more than 2,000 folders`);
    // The advice is said once, in the banner's head, not again in the row of its one issue.
    expect(await studio.page.locator('[data-testid="error-banner"] [data-testid="issue-advice"]').count()).toBe(0);
    expect(await testId('case-folder-input').inputValue()).toBe(home);
    expect(await testId('regression-view').textContent()).not.toContain(home + ' —');
    await shot(studio.page, 'limits-case-folder-too-large-ja');
  });
});
