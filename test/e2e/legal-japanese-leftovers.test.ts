import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { createRuleDraft, setRuleParameter, shot, useStudio, waitText } from './studio-harness.js';

/**
 * A Japanese legal reviewer reads a tariff edit in the audit log cell by cell (table, row, column,
 * old → new), narrows the log to one version under 対象, and reads the regression's cases by their
 * decision and facts in Japanese, each case file's own name beside it.
 */
const dir = scratch('e2e-legal-leftovers-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1280, height: 800 } });
const { testId } = studio;
/** Three English words in a row: a sentence, not a code (`M5525N-1M-C7-SN`) or a clause (第27条). */
const ENGLISH = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}/u;

describe('the audit log and the regression in Japanese, tariff cells and cases included', () => {
  it('a product manager changes a monthly fee in a tariff draft', async () => {
    await studio.page.goto(studio.url);
    await testId('grid-courses').waitFor();
    await testId('btn-create-draft').click();
    await testId('new-draft-dialog').waitFor();
    await testId('draft-effective').fill('2027-04-01');
    await testId('draft-title').fill('短期コース 値上げ');
    await studio.page.keyboard.press('Enter');
    await waitText(testId('version-heading'), '施行日 2027-04-01');
    const price = studio.page.locator('[data-testid=grid-courses] [role=row]').nth(1).locator('[role=gridcell]').nth(3);
    await price.dblclick();
    await studio.page.keyboard.press('ControlOrMeta+A');
    await studio.page.keyboard.type('25000');
    await studio.page.keyboard.press('Enter');
    await waitText(testId('change-count'), '変更 1 件');
  });

  it('the audit log says which table, which row, which column, from what to what', async () => {
    await testId('nav-rules').click();
    await testId('rules-tab-audit').click();
    const entries = testId('audit-entries');
    await waitText(entries, 'tariff.draft.edited');
    await waitText(entries, /料金表のバージョン #\d+（施行日 2027-04-01）の料金を編集しました/u);
    const changes = (await entries.getByTestId('audit-changes').allInnerTexts()).join('\n');
    expect(changes).toMatch(/^表1 コース「[A-Z0-9-]+」の月額料金（円）: [\d,]+円 → 25,000円$/mu);
    expect(changes).not.toContain('件のセル・行の変更');
    for (const line of changes.split('\n')) expect(line).not.toMatch(ENGLISH);
    await shot(studio.page, 'legal11-audit-tariff-cells-ja');
  });

  it('対象 narrows the log to one version: its entries only, and how many of all', async () => {
    const select = testId('audit-target');
    expect(await studio.page.getByLabel('対象').getAttribute('data-testid')).toBe('audit-target');
    const option = select.locator('option', { hasText: /料金表のバージョン #\d+（施行日 2027-04-01）/u });
    const value = await option.getAttribute('value');
    expect(value).toMatch(/^tariff:\d+$/u);
    await select.selectOption(value!);
    await waitText(testId('audit-shown'), /^\d+ \/ \d+ 件を表示$/u);
    const sentences = await testId('audit-entries').getByTestId('audit-sentence').allInnerTexts();
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(s).toMatch(/料金表のバージョン #\d+（施行日 2027-04-01）/u);
    await shot(studio.page, 'legal11-audit-target-ja');
    await select.selectOption('');
  });

  it('別紙5 reads with its table (printed after 別紙6 in the terms), and the rule quotes its one case', async () => {
    await testId('rules-tab-rules').click();
    await testId('decision-select').selectOption('billingCorrection');
    await studio.page.locator('[data-testid="rule-billingCorrection/waived-by-appendix-5"]').click();
    await waitText(testId('clause-text'), '別紙5');
    const text = await testId('clause-text').innerText();
    expect(text).toContain('以下の通りです。');
    expect(text).toContain('契約者が支払いを要する料金等の額に対して当社の請求に係る費用が過大となると見込まれる場合');
    await shot(studio.page, 'legal11-appendix5-clause-ja');
  });

  it('the regression names each case by its decision and facts in Japanese, its file name beside it', async () => {
    await testId('rules-tab-versions')
      .click()
      .catch(() => undefined);
    await createRuleDraft(studio.page, '2027-04-01', '第27条 改定案');
    await setRuleParameter(studio.page, 'lateInterest', 'annualRatePercent', '14.0');
    await testId('rules-tab-regression').click();
    // A folder of the reviewer's own with a case that has no name.
    const own = join(dir, 'own-cases');
    mkdirSync(own, { recursive: true });
    writeFileSync(
      join(own, 'unnamed.json'),
      JSON.stringify([{ asOf: '2024-06-01', decision: 'lateInterest', facts: { principal: 100000, dueDate: '2024-01-31', paidDate: '2024-03-31' } }]),
    );
    await testId('case-folder-input').fill(own);
    await testId('case-folder-add').click();
    await waitText(testId('regression-view'), 'own-cases');
    await testId('regression-run').click();
    await waitText(testId('regression-summary'), /回答が変わるケース [1-9]\d* 件/u, 120_000);
    const rows = testId('regression-changed').locator('[data-testid=regression-row]');
    const unnamed = rows.filter({ hasText: 'own-cases/unnamed.json' });
    expect(await unnamed.getByTestId('regression-case-name').innerText()).toBe('ケースファイルでの名前: なし（ファイルの 1 件目）');
    expect(await unnamed.getByTestId('regression-case-caption').innerText()).toBe('延滞利息（2024-06-01 時点）— 元本: 100,000円、支払期日: 2024-01-31、支払日: 2024-03-31');
    const captions = await rows.getByTestId('regression-case-caption').allInnerTexts();
    expect(captions.length).toBeGreaterThan(0);
    for (const c of captions) {
      expect(c).toMatch(/^延滞利息（\d{4}-\d\d-\d\d 時点）— /u);
      expect(c).toMatch(/元本: [\d,]+円/u);
      expect(c).toMatch(/支払期日: \d{4}-\d\d-\d\d/u);
      expect(c).not.toMatch(ENGLISH);
    }
    expect(await rows.first().getByTestId('regression-case-name').innerText()).toMatch(/^ケースファイルでの名前: .+/u);
    await shot(studio.page, 'legal11-regression-cases-ja');
  });

  it('the same in English', async () => {
    await testId('lang-switch').click();
    await testId('regression-run').click();
    const rows = testId('regression-changed').locator('[data-testid=regression-row]');
    await waitText(rows.first().getByTestId('regression-case-caption'), /^Late interest \(as of \d{4}-\d\d-\d\d\) — /u, 120_000);
    expect(await rows.first().getByTestId('regression-case-caption').innerText()).toMatch(/principal: [\d,]+ yen/u);
    await shot(studio.page, 'legal11-regression-cases-en');
    await testId('rules-tab-audit').click();
    await waitText(testId('audit-entries'), /Courses “[A-Z0-9-]+”, Monthly fee \(yen\): [\d,]+ yen → 25,000 yen/u);
    await shot(studio.page, 'legal11-audit-tariff-cells-en');
    await testId('lang-switch').click();
  });
});
