import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillScenario, openScenarios, runScenario, shot, useStudio, waitText } from './studio-harness.js';

/**
 * Finance's monthly what-if on the Scenarios page at 1280×800, Japanese then English: the summary
 * names contract-months as including free months (they bill no fee), and a bad count is refused
 * at its field. Screenshots: test-results/screenshots/fin7-*.png.
 */
const studio = useStudio(join(mkdtempSync(join(tmpdir(), 'fin7-e2e-')), 'ws.sqlite'), { viewport: { width: 1280, height: 800 } });
const { testId } = studio;

describe('Scenarios page as finance uses it', () => {
  it('the summary says contract-months include free months, in Japanese and in English', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: '月次 what-if', size: 60, months: 12 });
    await runScenario(studio);
    const row = testId('summary-table').locator('tr[data-key=contractMonths]');
    await waitText(row, '契約月数（無料月込）');
    await row.scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin7-scenarios-summary-ja');
    await testId('lang-switch').click();
    await waitText(row, 'Contract-months incl. free');
    await shot(studio.page, 'fin7-scenarios-summary-en');
    await testId('lang-switch').click();
  });

  it('a band whose min is above its max is refused at its field, nothing run', async () => {
    // After a run the form is folded away; open it again.
    await testId('scn-toggle-form').click();
    const min = studio.page.getByLabel('申出から解約希望日まで（最短日数）');
    await min.fill('40');
    await studio.page.getByLabel('申出から解約希望日まで（最長日数）').fill('10');
    await testId('scn-run').click();
    await waitText(testId('error-banner'), 'SCENARIO_INVALID');
    expect(await testId('error-banner').textContent()).toContain('/cancellation/noticeDays: min (40) is above max (10)');
    expect(await min.getAttribute('class')).toContain('field-error');
    await min.scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin7-scenarios-bad-band-ja');
    // Nothing was run: the result is still the first run's.
    await waitText(testId('summary-table').locator('tr[data-key=contracts]'), '60 件');
  });

  it('its Excel export, opened by LibreOffice: months as dates, units in the formats, the Assumptions defend the run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fin7-xlsx-'));
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('scn-export').click()]);
    const file = join(dir, 'scenario.xlsx');
    await download.saveAs(file);
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', dir, file], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    const lines = (sheet: string) => readFileSync(join(dir, `scenario-${sheet}.csv`), 'utf8').split(/\r?\n/u);
    // As shown: yen with ¥, a billing month as yyyy-mm from a date cell, a count without a unit of money.
    expect(lines('Summary')[1]).toMatch(/^monthlyFees,月額料金 Monthly fees,"?¥[\d,]+"?,/u);
    expect(lines('By month')[1]).toMatch(/^2027-01,"?¥[\d,]+"?/u);
    const about = lines('Assumptions').join('\n');
    expect(about).toMatch(/baseline tariffs sha256,[0-9a-f]{64}/u);
    expect(about).toContain('scenario JSON,');
    expect(about).toMatch(/generated at,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/u);
  });
});
