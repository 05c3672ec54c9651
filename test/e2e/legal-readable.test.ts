import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { RULE_TITLES } from '../../src/studio/renderer/i18n/rule-text-messages.js';
import { createRuleDraft, setRuleParameter, shot, useStudio, waitText } from './studio-harness.js';

/**
 * What a Japanese legal reviewer reads on the diff, regression and audit tabs after editing a
 * parameter and a rule's title: labelled fields, yen, rule titles and sentences; the raw JSON only
 * when unfolded, and no English sentence on the Japanese page (the case files' own names aside).
 */
const dir = scratch('e2e-legal-readable-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1280, height: 800 } });
const { testId } = studio;
const NEW_TITLE = '猶予期間（支払期日の翌日から15日）を過ぎた支払い（改定案）';
/** Three English words in a row: a sentence, not a code (`rule.parameter.edited`) or a clause (第27条). */
const ENGLISH = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}/u;
const RAW_JSON = /[{[]\s*"[A-Za-z]+"\s*:/u;
const shown = (id: string) => testId(id).innerText();

describe('the legal reviewer reads the diff, the regression and the audit log in Japanese', () => {
  it('edits a parameter and a rule title in a draft', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await createRuleDraft(studio.page, '2025-04-01', '第27条 改定案');
    // Each value with its unit, in the table and beside the editor's field.
    await testId('decision-select').selectOption('lateInterest');
    expect(await shown('param-value-annualRatePercent')).toBe('14.6％');
    expect(await shown('param-value-graceDays')).toBe('15日');
    await testId('param-edit-annualRatePercent').click();
    expect(await shown('pe-unit')).toBe('％');
    await testId('param-edit-annualRatePercent').click();
    await setRuleParameter(studio.page, 'lateInterest', 'annualRatePercent', '14.0');
    const json = await testId('rule-json').inputValue();
    await testId('rule-json').fill(json.replace(/"name": "[^"]*"/u, `"name": "${NEW_TITLE}"`));
    await waitText(testId('rule-check'), '検査を通過しました');
    await testId('rule-save').click();
    await waitText(studio.page.locator('[data-testid="rule-lateInterest/after-grace-period"]'), NEW_TITLE);
  });

  it('the diff labels the old and the new title and the parameter, the JSON folded', async () => {
    await testId('rules-tab-diff').click();
    const card = studio.page.locator('[data-testid="diff-rule-lateInterest/after-grace-period"]');
    await waitText(card, NEW_TITLE);
    const text = await card.innerText();
    expect(text).toContain('見出し（name）');
    expect(text).toContain(`「${RULE_TITLES['lateInterest/after-grace-period']!.ja}」`);
    expect(text).toContain('変更前');
    // The changed parameter is shown once: in its card, its values beside its clause and quote (no second table above it).
    const params = await shown('diff-param-lateInterest.annualRatePercent');
    expect(params).toContain('延滞利息の年率（lateInterest.annualRatePercent）');
    expect(await testId('diff-param-values').innerText()).toMatch(/値\s+14\.6％\s+14\.0％/u);
    const view = await shown('diff-view');
    expect(view.split('（lateInterest.annualRatePercent）').length - 1).toBe(1);
    expect(view).not.toMatch(RAW_JSON);
    await shot(studio.page, 'legal10-diff-ja');
  });

  it('the regression shows each changed field labelled, money in yen, the rules that fired by title, the JSON folded', async () => {
    await testId('rules-tab-regression').click();
    await testId('regression-run').click();
    await waitText(testId('regression-summary'), /回答が変わるケース [1-9]\d* 件/u, 120_000);
    const row = testId('regression-changed').locator('[data-testid=regression-row]').first();
    const text = await row.innerText();
    expect(text).toMatch(/\d円/u);
    expect(text).toContain('適用されたルール');
    expect(await row.getByTestId('regression-changed-fields').innerText()).toMatch(/^変わった項目: [^A-Za-z]+$/u);
    expect(await row.locator('.after-side [data-testid=regression-trace]').innerText()).toContain('第27条');
    expect(await shown('regression-changed')).not.toMatch(RAW_JSON);
    // The labelled parts (fields, values, rules fired) hold no English sentence; a case's own name is the case file's.
    for (const part of await testId('regression-changed').locator('.answer-fields, .trace-list, [data-testid=regression-changed-fields]').allInnerTexts())
      expect(part).not.toMatch(ENGLISH);
    await shot(studio.page, 'legal10-regression-ja');
    await row.getByTestId('regression-json').locator('summary').click();
    expect(await row.innerText()).toMatch(RAW_JSON);
    await shot(studio.page, 'legal10-regression-json-ja');
  });

  it('the audit log reads as sentences: who did what to which version when, what changed from what to what', async () => {
    await testId('rules-tab-audit').click();
    const entries = testId('audit-entries');
    await waitText(entries, 'rule.parameter.edited');
    // The version's effective date comes with the version lists, which may arrive after the entries.
    await waitText(entries, /のバージョン #\d+（施行日 2025-04-01）のパラメータ「延滞利息の年率」を変更しました/u);
    const sentences = await entries.getByTestId('audit-sentence').allInnerTexts();
    expect(
      sentences.some((s) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d JST、.+ がルールのバージョン #\d+（施行日 2025-04-01）のパラメータ「延滞利息の年率」を変更しました$/u.test(s)),
    ).toBe(true);
    expect(sentences.some((s) => s.includes(`のルール「${NEW_TITLE}」を編集しました`))).toBe(true);
    const changes = await entries.getByTestId('audit-changes').allInnerTexts();
    expect(changes.join('\n')).toContain('値: 14.6％ → 14.0％');
    expect(changes.join('\n')).toContain(`見出し: 「${RULE_TITLES['lateInterest/after-grace-period']!.ja}」 → 「${NEW_TITLE}」`);
    const view = await shown('audit-entries');
    expect(view).not.toMatch(RAW_JSON);
    for (const s of [...sentences, ...changes]) expect(s).not.toMatch(ENGLISH);
    await shot(studio.page, 'legal10-audit-ja');
    await entries.getByTestId('audit-raw').first().locator('summary').click();
    expect(await entries.getByTestId('audit-raw').first().innerText()).toContain('変更前');
    await shot(studio.page, 'legal10-audit-raw-ja');
  });

  it('the same views in English', async () => {
    await testId('lang-switch').click();
    const entries = testId('audit-entries');
    await waitText(entries, 'changed the parameter');
    expect(
      (await entries.getByTestId('audit-sentence').allInnerTexts()).some((s) =>
        /JST: .+ changed the parameter “annual rate of late interest” of rule version #\d+ \(effective 2025-04-01\)$/u.test(s),
      ),
    ).toBe(true);
    await shot(studio.page, 'legal10-audit-en');
    await testId('rules-tab-regression').click();
    await testId('regression-run').click();
    await waitText(testId('regression-summary'), /answers? changes?, 0/u, 120_000);
    expect(await testId('regression-changed').innerText()).toMatch(/¥\d/u);
    await shot(studio.page, 'legal10-regression-en');
    await testId('rules-tab-diff').click();
    await waitText(testId('diff-view'), 'Before');
    expect(await testId('diff-param-values').innerText()).toMatch(/Value\s+14\.6%\s+14\.0%/u);
    await shot(studio.page, 'legal10-diff-en');
    await testId('lang-switch').click();
  });
});
