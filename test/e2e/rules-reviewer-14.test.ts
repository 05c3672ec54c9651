import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch, SEED } from '../studio/helpers.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { createRuleDraft, saveRuleDraft } from '../../src/studio/workspace/rule-store.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { shot, useStudio, waitText } from './studio-harness.js';

/**
 * A legal reviewer's day on the Rules page at 1280×800: a rule's sentence reads an enum by the
 * terms' words (its code beside it), the explorer's trace shows the facts a rule read as a
 * labelled table, a parameter a draft added gets its unit, the named interpretations are those
 * the decision picked reads, and a reload (or a shared link) opens the same draft, tab, decision
 * and rule.
 */
const dir = scratch('e2e-rules14-');
const workspace = join(dir, 'workspace.sqlite');
// A draft that added a parameter to lateInterest (as a rules folder or another tool would write it): the catalog of units does not know it.
const draftId = (() => {
  const { ws } = openWorkspace(workspace, { seed: SEED, actor: 'legal' });
  try {
    const d = createRuleDraft(ws, { from: 1, effective: '2025-04-01', title: '第27条 改定案' });
    const file = d.version.decisions.lateInterest;
    const parameters = {
      ...file.parameters,
      reminderDays: { value: 7, clause: '第27条', quote: '支払期日の翌日から起算して15日以内', description: 'days after the due date before a reminder is sent' },
    };
    saveRuleDraft(ws, {
      id: d.id,
      revision: d.revision,
      version: { decisions: { ...d.version.decisions, lateInterest: { ...file, parameters } }, interpretations: d.version.interpretations },
      action: 'rule.parameter.edited',
      before: null,
      after: { decision: 'lateInterest', name: 'reminderDays' },
    });
    return d.id;
  } finally {
    closeWorkspace(ws);
  }
})();

const studio = useStudio(workspace, { viewport: { width: 1280, height: 800 } });
const { testId } = studio;
const shown = (id: string) => testId(id).innerText();

describe('the Rules page as a legal reviewer uses it every day', () => {
  it('a parameter the draft added has no unit yet: the table says so, and the editor declares one (日) that the table, the diff and the notice then show', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await testId(`rule-version-${draftId}`).click();
    await waitText(testId('rule-version-heading'), '施行日 2025-04-01');
    await testId('decision-select').selectOption('lateInterest');
    expect(await shown('param-value-annualRatePercent')).toBe('14.6％');
    expect(await shown('param-value-reminderDays')).toContain('7');
    expect(await shown('param-unit-missing-reminderDays')).toContain('単位が宣言されていません');
    await testId('parameters').scrollIntoViewIfNeeded();
    await shot(studio.page, 'rules14-param-no-unit-ja');
    await testId('param-edit-reminderDays').click();
    // A catalogued parameter's unit is fixed (its clause counts it); one the catalog does not know is declared here.
    await testId('pe-unit-select').selectOption('days');
    expect(await shown('pe-unit')).toBe('日');
    await testId('param-editor').scrollIntoViewIfNeeded();
    await shot(studio.page, 'rules14-param-declare-unit-ja');
    await testId('pe-save').click();
    await waitText(testId('param-value-reminderDays'), '7日');
    expect(await testId('param-unit-missing-reminderDays').count()).toBe(0);
    await testId('param-edit-annualRatePercent').click();
    expect(await testId('pe-unit-select').count()).toBe(0);
    expect(await shown('pe-unit')).toBe('％');
    await testId('param-edit-annualRatePercent').click();
    await testId('rules-tab-diff').click();
    await waitText(testId('diff-param-lateInterest.reminderDays'), '7日');
    await shot(studio.page, 'rules14-param-diff-ja');
    await testId('rules-tab-notice').click();
    await waitText(testId('notice-preview'), 'reminderDays');
    expect(await shown('notice-preview')).toMatch(/reminderDays[^\n]*7日/u);
  });

  it('a reload opens the same draft and tab, not the version in force; so does the link opened in another tab', async () => {
    await studio.page.reload();
    await waitText(testId('rule-version-heading'), '施行日 2025-04-01');
    expect(await testId('rules-tab-notice').getAttribute('aria-selected')).toBe('true');
    await waitText(testId('notice-preview'), 'reminderDays');
    await testId('rules-tab-rules').click();
    await testId('decision-select').selectOption('outageWaiver');
    await testId('rule-outageWaiver/gross-negligence').click();
    await waitText(testId('rule-card-title'), '故意又は重大な過失');
    const title = await shown('rule-card-title');
    await studio.page.reload();
    await waitText(testId('rule-version-heading'), '施行日 2025-04-01');
    expect(await testId('decision-select').inputValue()).toBe('outageWaiver');
    expect(await shown('rule-card-title')).toBe(title);
    const other = await studio.page.context().newPage();
    try {
      await other.goto(studio.page.url());
      await waitText(other.getByTestId('rule-version-heading'), '施行日 2025-04-01');
      expect(await other.getByTestId('decision-select').inputValue()).toBe('outageWaiver');
      expect(await other.getByTestId('rule-card-title').innerText()).toBe(title);
    } finally {
      await other.close();
    }
    // A link pasted into this window's address bar (only the hash changes, no reload) opens its place too.
    const draftHash = new URL(studio.page.url()).hash;
    const setHash = (h: string) => studio.page.evaluate((x) => void (window.location.hash = x), h);
    await setHash('#rules?v=1&tab=coverage');
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    expect(await testId('rules-tab-coverage').getAttribute('aria-selected')).toBe('true');
    // A version that is not there (a draft discarded since) is said, and the version in force opens.
    await setHash('#rules?v=99&tab=diff');
    await waitText(testId('rules-link-missing'), 'ID 99');
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    expect(await testId('rules-tab-diff').getAttribute('aria-selected')).toBe('true');
    await setHash(draftHash);
    await waitText(testId('rule-version-heading'), '施行日 2025-04-01');
    expect(await shown('rule-card-title')).toBe(title);
  });

  it("a rule's sentence reads an enum value in the terms' words with its code beside it", async () => {
    const sentence = await shown('rule-sentence');
    expect(sentence).toContain('「原因」が「当社の故意又は重大な過失」（company-gross-negligence）である');
    expect(sentence).not.toContain('「company-gross-negligence」');
    await shot(studio.page, 'rules14-sentence-ja');
  });

  it('the named interpretations are those the picked decision reads, with a way to see all', async () => {
    const rows = testId('interpretations').locator('[data-testid^="interp-row-"]');
    // outageWaiver's rules read partialOutage and grossNegligenceUnit; its code reads dailyRate.
    await waitText(testId('interpretations'), 'partialOutage');
    const names = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).sort();
    expect(names).toEqual(['interp-row-dailyRate', 'interp-row-grossNegligenceUnit', 'interp-row-partialOutage']);
    await testId('decision-select').selectOption('lateInterest');
    await waitText(testId('interpretations'), 'interestDayBasis');
    expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).sort()).toEqual([
      'interp-row-businessDays',
      'interp-row-graceEndOnHoliday',
      'interp-row-interestDayBasis',
    ]);
    await testId('interps-show-all').click();
    expect(await rows.count()).toBe(16);
    // The choice is part of the place: a reload keeps every interpretation listed.
    await studio.page.reload();
    await waitText(testId('interps-scope'), '全 16 件を表示しています');
    expect(await rows.count()).toBe(16);
    await testId('interpretations').scrollIntoViewIfNeeded();
    await shot(studio.page, 'rules14-interps-all-ja');
    await testId('interps-show-all').click();
    expect(await rows.count()).toBe(3);
    await testId('interpretations').scrollIntoViewIfNeeded();
    await shot(studio.page, 'rules14-interps-ja');
  });

  it("the explorer's trace shows the facts a rule read as a labelled table, the JSON folded", async () => {
    await testId('nav-explorer').click();
    await testId('explorer-decision').selectOption('lateInterest');
    await testId('explorer-asof').fill('2024-06-01');
    await testId('fact-principal').fill('10000');
    await testId('fact-dueDate').fill('2024-04-30');
    await testId('fact-paidDate').fill('2024-05-31');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'charge');
    const facts = testId('explorer-trace').getByTestId('trace-facts').first();
    const text = await facts.innerText();
    expect(text).toMatch(/支払期日から支払日までの日数\s*daysAfterDue\s+31日/u);
    expect(text).toMatch(/延滞利息がかからない日数（15 日、解釈 graceEndOnHoliday）\s*graceEndDaysAfterDue\s+15日/u);
    expect(text).not.toContain('{"');
    const json = testId('explorer-trace').getByTestId('trace-facts-json').first();
    expect(await json.locator('pre').isVisible()).toBe(false);
    await json.locator('summary').click();
    expect(await json.locator('pre').innerText()).toContain('"daysAfterDue":31');
    await testId('explorer-trace').scrollIntoViewIfNeeded();
    await shot(studio.page, 'rules14-explorer-trace-ja');
  });

  it('in English too: the trace, the sentence and the parameter read in words; back on the Rules page, the draft and rule left open', async () => {
    await testId('lang-switch').click();
    const facts = await testId('explorer-trace').getByTestId('trace-facts').first().innerText();
    expect(facts).toMatch(/days from the due date to payment\s*daysAfterDue\s+31 days/u);
    await shot(studio.page, 'rules14-explorer-trace-en');
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '2025-04-01');
    // The Rules page was left on the draft's lateInterest (the interpretations test picked it): it opens there again.
    expect(await testId('decision-select').inputValue()).toBe('lateInterest');
    await testId('decision-select').selectOption('outageWaiver');
    await testId('rule-outageWaiver/gross-negligence').click();
    await waitText(testId('rule-sentence'), 'company-gross-negligence');
    expect(await shown('rule-sentence')).toContain("“cause” is “the company's wilful misconduct or gross negligence” (company-gross-negligence)");
    await shot(studio.page, 'rules14-sentence-en');
    await testId('decision-select').selectOption('lateInterest');
    expect(await shown('param-value-reminderDays')).toBe('7 days');
    await testId('interpretations').scrollIntoViewIfNeeded();
    await shot(studio.page, 'rules14-params-interps-en');
    await testId('lang-switch').click();
  });
});
