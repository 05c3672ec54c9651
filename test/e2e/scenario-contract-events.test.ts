import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { fillScenario, openScenarios, runScenario, shot, useStudio } from './studio-harness.js';

/**
 * The scenario form's returns, equipment, damages and refunds fields in the browser mode: set in
 * the form, they reach the simulator, and the by-item table shows the rows they price by name.
 */
const dir = scratch('e2e-scn-events-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1440, height: 1000 } });
const { testId } = studio;

describe('Scenarios: returns, equipment, damages, refunds', () => {
  it('fills the new fields, runs, and the by-item table shows the late-return charge and the equipment rows', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: '返還遅延と設備', size: 300, months: 12 });
    await testId('scn-cancel-hazard').fill('0.1');
    await testId('scn-return-late').fill('1');
    await testId('scn-equipment-loss').fill('0.05');
    await testId('scn-damages-claim').fill('1');
    await testId('scn-refund-paid').fill('1');
    await runScenario(studio);
    await testId('scenario-result').waitFor();
    const table = (await testId('table-by-item').textContent()) ?? '';
    expect(table).toContain('返還遅延の料金相当額');
    expect(table).toContain('第47条第3項');
    expect(table).toContain('設備の滅失（代替品の代金）');
    await testId('chart-by-item').scrollIntoViewIfNeeded();
    await shot(studio.page, 'scenarios-contract-events-by-item-ja');
  });
});
