import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { scratch } from '../studio/helpers.js';
import { shot, useStudio, waitText } from './studio-harness.js';

/** The decision explorer in the browser mode: fill a decision's facts, read the answer, save it as a case that `tariff test` passes. */
const dir = scratch('e2e-explorer-');
const studio = useStudio(join(dir, 'workspace.sqlite'));
const { testId } = studio;
const tariffTest = (file: string) => spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'test', file], { encoding: 'utf8' });

describe('decision explorer, browser mode', () => {
  it('answers a decision from a form generated from its schema, with clause text, trace and interpretations', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-explorer').click();
    await testId('explorer-decision').selectOption('lateInterest');
    await testId('explorer-asof').fill('2024-06-01');
    await testId('explorer-name').fill('第27条 31日遅れ');
    await testId('fact-principal').fill('10000');
    await testId('fact-dueDate').fill('2024-04-30');
    await testId('fact-paidDate').fill('2024-05-31');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'charge');
    await waitText(testId('explorer-clauses'), '延滞利息');
    expect(await testId('explorer-trace').textContent()).toContain('lateInterest/after-grace-period');
    expect(await testId('explorer-interps').textContent()).toContain('interestDayBasis');
    expect(await testId('explorer-outcome').innerText()).toBe('延滞利息を請求する charge');
    // case-files.md: "no tax is added to interest": said as tax 0, the total the interest itself.
    expect(await testId('explorer-field-row-tax').textContent()).toBe('消費税相当額（延滞利息には課さない: 0） tax0円');
    // 10,000 × 14.6% × 30 days (5/1–5/30) ÷ 365 = 120.
    expect(await testId('explorer-field-row-amount').textContent()).toBe('延滞利息 amount120円');
    expect(await testId('explorer-field-row-total').textContent()).toBe('合計（税なし） total120円');
    // In Japanese the trace names the rule and its event, and each interpretation relied on says what its value means.
    const trace = await testId('explorer-trace').innerText();
    expect(trace).toContain('支払期日の翌日から起算して15日を過ぎた支払い');
    expect(trace).toContain('延滞利息を請求する');
    expect(trace).not.toContain('Paid after the grace of 15 days');
    const interps = await testId('explorer-interps').innerText();
    expect(interps).toContain('1年を365日とする（うるう年も同じ）');
    expect(interps).not.toContain('365 days a year, leap years too');
    await shot(studio.page, 'explorer-01-answer');
  });

  it('shows what is wrong with bad facts, without breaking the page', async () => {
    await testId('fact-paidDate').fill('');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'invalid');
    await waitText(testId('explorer-errors'), 'paidDate');
    await shot(studio.page, 'explorer-02-invalid');
    await testId('fact-paidDate').fill('2024-05-31');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'charge');
  });

  it('saves the case (to a folder and as a download) and `tariff test` passes it', async () => {
    const folder = join(dir, 'my-cases');
    await testId('explorer-file-name').fill('dai27jo-explored.json');
    await testId('explorer-folder').fill(folder);
    await testId('explorer-save-folder').click();
    await waitText(testId('explorer-saved'), 'dai27jo-explored.json');
    const saved = join(folder, 'dai27jo-explored.json');
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ name: '第27条 31日遅れ', decision: 'lateInterest', expect: { outcome: 'charge' } });
    const run = tariffTest(saved);
    expect(run.stdout).toContain('1 passed, 0 failed');
    expect(run.status).toBe(0);
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('explorer-download').click()]);
    const downloaded = join(dir, 'downloaded.json');
    await download.saveAs(downloaded);
    expect(tariffTest(downloaded).status).toBe(0);
    await testId('lang-switch').click();
    await waitText(testId('explorer-saved'), 'Saved:');
    await shot(studio.page, 'explorer-03-saved-english');
    await testId('lang-switch').click();
    // A settlement answer on the Japanese page reads in the terms' words, each field's key beside its label.
    await testId('explorer-decision').selectOption('settlement');
    await testId('fact-course').fill('どこでも“me”REC長期コース');
    await testId('fact-startDate').fill('2025-01-15');
    await testId('fact-endDate').fill('2025-06-10');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'settle');
    expect(await testId('explorer-field-row-amount').textContent()).toBe('解約精算金（税抜） amount90,000円');
    await shot(studio.page, 'explorer-04-settlement-ja');
    // An enum fact's dropdown says each value in the terms' words (第46条), its code beside it; the engine still gets the code.
    await testId('explorer-decision').selectOption('equipmentLoss');
    expect(await testId('fact-event').locator('option').allTextContents()).toEqual(['滅失（修理不能、所有権の侵害を含む） (loss)', '毀損（所有権の制限を含む） (damage)']);
    await testId('fact-event').selectOption({ label: '毀損（所有権の制限を含む） (damage)' });
    expect(await testId('fact-event').inputValue()).toBe('damage');
    await testId('fact-contractorAtFault').check();
    await testId('fact-replacementCost').fill('50000');
    await testId('fact-repairCost').fill('12000');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'contractor-pays');
    expect(await testId('explorer-field-row-amount').textContent()).toContain('12,000円');
    // 第23条第3号's events are a sentence long: the closed dropdown stays inside the form.
    await testId('explorer-decision').selectOption('termination');
    const insolvency = testId('fact-insolvencyEvent');
    expect(await insolvency.locator('option').allTextContents()).toContain('手形交換所の取引停止処分を受けた場合 (clearinghouse-suspension)');
    const [select, facts, form] = await Promise.all([insolvency.boundingBox(), testId('facts-form').boundingBox(), studio.page.locator('.explorer-form').boundingBox()]);
    expect(select!.x + select!.width).toBeLessThanOrEqual(facts!.x + facts!.width);
    expect(facts!.x + facts!.width).toBeLessThanOrEqual(form!.x + form!.width);
    await shot(studio.page, 'explorer-05-enum-labels-ja');
  });
});
