import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { fillScenario, openScenarios, runScenario, shot, useStudio, waitText } from './studio-harness.js';

/**
 * Instant re-pricing in the browser mode: after a run, typing a price in the proposal's edit (its amount control)
 * re-prices the kept run's events (scenarios.reprice) and the figures change without pressing
 * Run; the indicator says "re-priced". A change that is not a price runs in full ("simulated").
 */
const dir = scratch('e2e-scn-reprice-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1440, height: 1000 } });
const { testId } = studio;
const yenOf = (text: string): number => Number(text.replace(/[^\d-]/gu, ''));

describe('Scenarios: instant re-pricing', () => {
  it('types a price and sees the figures change without pressing Run', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: '再価格付け', size: 300, months: 12 });
    await testId('scn-proposal-qe-add').click();
    await runScenario(studio);
    await testId('scenario-result').waitFor();
    expect(await testId('scn-price-mode').getAttribute('data-mode')).toBe('simulated');
    const proposalFees = async (): Promise<number> => yenOf((await testId('summary-table').locator('tr[data-key=monthlyFees] td').nth(2).textContent())!);
    const before = await proposalFees();

    await testId('scn-toggle-form').click();
    await testId('scn-proposal-edit-0-amount').fill('-1500');
    // No click on Run: the indicator turns to re-priced and the proposal's monthly fees drop.
    await studio.page.locator('[data-testid=scn-price-mode][data-mode=repriced]').waitFor({ timeout: 60_000 });
    await waitText(testId('scn-price-mode'), '再価格付け');
    const after = await proposalFees();
    expect(after).toBeLessThan(before);
    expect(await testId('scn-heading').textContent()).toBe('再価格付け');
    await shot(studio.page, 'scenarios-repriced-ja');

    // A change that is not a price (a rule parameter, picked and set with controls) runs in full.
    await testId('scn-proposal-add-kind').selectOption('rule-parameter');
    await testId('scn-proposal-add-edit').click();
    await testId('scn-proposal-edit-1-parameter').selectOption('outageWaiver.minimumConsecutiveHours');
    await testId('scn-proposal-edit-1-value').fill('12');
    await waitText(testId('scn-notice'), '実行が終わりました', 120_000);
    await studio.page.locator('[data-testid=scn-price-mode][data-mode=simulated]').waitFor({ timeout: 60_000 });
    expect(await proposalFees()).toBe(after);
    await waitText(testId('result-edits-proposal'), 'ルール outageWaiver のパラメータ minimumConsecutiveHours（第25条第2項）24 → 12');
  });
});
