import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { fillScenario, openScenarios, runScenario, shot, useStudio, waitText } from './studio-harness.js';

/**
 * Instant re-pricing in the browser mode: after a run, typing a price in the proposal's edits
 * re-prices the kept run's events (scenarios.reprice) and the figures change without pressing
 * Run; the indicator says "re-priced". A change that is not a price runs in full ("simulated").
 */
const dir = scratch('e2e-scn-reprice-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1440, height: 1000 } });
const { testId } = studio;
const yenOf = (text: string): number => Number(text.replace(/[^\d-]/gu, ''));
const edits = (change: number): string => JSON.stringify([{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change }]);

describe('Scenarios: instant re-pricing', () => {
  it('types a price and sees the figures change without pressing Run', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: '再価格付け', size: 300, months: 12 });
    await testId('scn-proposal-edits').fill(edits(-500));
    await runScenario(studio);
    await testId('scenario-result').waitFor();
    expect(await testId('scn-price-mode').getAttribute('data-mode')).toBe('simulated');
    const proposalFees = async (): Promise<number> => yenOf((await testId('summary-table').locator('tr[data-key=monthlyFees] td').nth(2).textContent())!);
    const before = await proposalFees();

    await testId('scn-toggle-form').click();
    await testId('scn-proposal-edits').fill(edits(-1500));
    // No click on Run: the indicator turns to re-priced and the proposal's monthly fees drop.
    await studio.page.locator('[data-testid=scn-price-mode][data-mode=repriced]').waitFor({ timeout: 60_000 });
    await waitText(testId('scn-price-mode'), '再価格付け');
    const after = await proposalFees();
    expect(after).toBeLessThan(before);
    expect(await testId('scn-heading').textContent()).toBe('再価格付け');
    await shot(studio.page, 'scenarios-repriced-ja');

    // A change that is not a price (a rule parameter) runs in full.
    await testId('scn-proposal-edits').fill(
      JSON.stringify([...JSON.parse(edits(-1500)), { edit: 'rule-parameter', decision: 'outageWaiver', parameter: 'minimumConsecutiveHours', value: 12 }]),
    );
    await waitText(testId('scn-notice'), '実行が終わりました', 120_000);
    await studio.page.locator('[data-testid=scn-price-mode][data-mode=simulated]').waitFor({ timeout: 60_000 });
    expect(await proposalFees()).toBe(after);
  });
});
