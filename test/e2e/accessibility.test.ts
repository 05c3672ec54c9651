import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { courseColumns } from '../../src/tariff-model/tariff-columns.js';
import { scratch } from '../studio/helpers.js';
import { expectAccessible, focused, type FocusedElement } from './axe-audit.js';
import { fillScenario, runScenario, shot, useStudio, waitText } from './studio-harness.js';

/**
 * Everyone can use it (issue 14): axe-core (WCAG 2 A and AA) over every page and dialog of the
 * browser mode (tariffs with the grid, the review panel and each dialog; the rules page with the
 * editor open and each tab; the explorer with an answer; the scenarios page with bands and the
 * tornado), and a product manager's flow with the keyboard alone: edit a price in the grid, open
 * and close a dialog, edit a condition's value in the rule editor, with a visible focus ring on
 * every stop. The team server's login and users pages are audited in team.test.ts.
 * Screenshots in test-results/screenshots (a11y-*).
 */
const dir = scratch('e2e-a11y-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { bypassCSP: true });
const { testId } = studio;
const audit = (name: string) => expectAccessible(studio.page, name);
const FEE_COLUMN = courseColumns.findIndex((c) => c.key === 'monthlyFee') + 2;

/** Focus stops seen without a visible focus ring, for the final check. */
const unringed: string[] = [];
const describeStop = (f: FocusedElement) => `${f.tag}${f.role ? `[role=${f.role}]` : ''}${f.testId ? ` in ${f.testId}` : ''} "${f.label}"`;

/** Presses `key` until the focused element satisfies `want` (at most `max` presses), checking each stop for a visible focus ring. */
async function pressUntil(page: Page, key: string, want: (f: FocusedElement) => boolean, max = 120): Promise<FocusedElement> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f.tag !== 'body' && !f.visible) unringed.push(describeStop(f));
    if (want(f)) return f;
    seen.push(describeStop(f));
  }
  throw new Error(`${key} ×${max} never reached the element; stops: ${seen.slice(-25).join(' | ')}`);
}
const byTestId = (id: string) => (f: FocusedElement) => f.testId === id;
const cellAt = (page: Page) =>
  page.evaluate(() => ({
    row: document.activeElement?.closest('[aria-rowindex]')?.getAttribute('aria-rowindex') ?? null,
    col: document.activeElement?.getAttribute('aria-colindex') ?? null,
  }));
const insideDialog = (page: Page) => page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null);

describe('accessibility, browser mode', () => {
  it('tariffs: the page, the import dialog, a new draft with its grid, row form, new course form and review panel', async () => {
    const page = studio.page;
    await page.goto(studio.url);
    await waitText(testId('version-heading'), '2023-09-19');
    await audit('tariffs');
    await shot(page, 'a11y-01-tariffs');
    await testId('btn-import').click();
    await testId('import-dialog').waitFor();
    await audit('import-dialog');
    await shot(page, 'a11y-02-import-dialog');
    await page.keyboard.press('Escape');
    await testId('import-dialog').waitFor({ state: 'detached' });
    await testId('btn-create-draft').click();
    await audit('new-draft-dialog');
    await testId('draft-effective').fill('2027-04-01');
    await testId('draft-create').click();
    await waitText(testId('version-heading'), '2027-04-01');
    await testId('grid-courses').locator('[role=gridcell]').first().click();
    await audit('tariffs-draft-grid');
    await shot(page, 'a11y-03-draft');
    await testId('row-add').click();
    await testId('row-form').waitFor();
    await audit('row-form-dialog');
    await shot(page, 'a11y-04-row-form');
    await page.keyboard.press('Escape');
    await testId('row-form').waitFor({ state: 'detached' });
    await testId('row-new-course').click();
    await waitText(testId('row-form'), '新しいコース');
    await audit('new-course-dialog');
    await page.keyboard.press('Escape');
    await testId('row-form').waitFor({ state: 'detached' });
    await testId('tab-policies').click();
    await testId('grid-policies').waitFor();
    await audit('tariffs-policies');
    await testId('tr-run-regression').click();
    await waitText(testId('tr-regression'), 'ケース中');
    await testId('tr-run-fleet').click();
    await waitText(testId('tr-fleet'), '契約');
    await testId('tariff-review').scrollIntoViewIfNeeded();
    await audit('tariff-review-panel');
    await shot(page, 'a11y-05-review-panel');
  });

  it('with the keyboard alone, edits a price in the grid and opens and closes a dialog, with visible focus', async () => {
    const page = studio.page;
    await testId('tab-courses').click();
    await testId('grid-courses').waitFor();
    // Start from the top of the page; Tab into the grid (one stop: the selected cell).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await testId('nav-tariffs').focus();
    const cell = await pressUntil(page, 'Tab', (f) => f.role === 'gridcell' && f.testId === 'grid-courses');
    expect(cell.visible, describeStop(cell)).toBe(true);
    // To the first course's monthly fee: up to the first row, then right to the column.
    for (let i = 0; i < 200 && (await cellAt(page)).row !== '2'; i++) await page.keyboard.press('ArrowUp');
    for (let i = 0; i < 40 && Number((await cellAt(page)).col) < FEE_COLUMN; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 40 && Number((await cellAt(page)).col) > FEE_COLUMN; i++) await page.keyboard.press('ArrowLeft');
    expect(await cellAt(page)).toEqual({ row: '2', col: String(FEE_COLUMN) });
    expect((await focused(page)).visible).toBe(true);
    await page.keyboard.press('Enter');
    const editor = await focused(page);
    expect(editor.tag).toBe('input');
    expect(editor.visible, describeStop(editor)).toBe(true);
    await page.keyboard.type('8888');
    await page.keyboard.press('Enter');
    await waitText(testId('change-count'), '1');
    expect(await testId('grid-courses').locator('[role=row][aria-rowindex="2"]').textContent()).toContain('8,888');
    // Back from the grid to the row buttons; Enter opens the row form, focus stays inside it, Escape closes it.
    await pressUntil(page, 'Shift+Tab', byTestId('row-add'));
    await page.keyboard.press('Enter');
    await testId('row-form').waitFor();
    expect(await insideDialog(page)).toBe(true);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await insideDialog(page), `Tab ${i + 1} left the dialog`).toBe(true);
      const f = await focused(page);
      if (!f.visible) unringed.push(describeStop(f));
    }
    await page.keyboard.press('Escape');
    await testId('row-form').waitFor({ state: 'detached' });
    expect((await focused(page)).testId).toBe('row-add');
    await shot(page, 'a11y-06-keyboard-grid');
  });

  it('with the keyboard alone, edits a condition value in the rule editor of a new draft', async () => {
    const page = studio.page;
    await pressUntil(page, 'Shift+Tab', byTestId('nav-rules'));
    await page.keyboard.press('Enter');
    await waitText(testId('rule-version-heading'), '2023-09-19');
    await pressUntil(page, 'Tab', byTestId('btn-rule-draft'));
    await page.keyboard.press('Enter');
    await testId('rule-draft-form').waitFor();
    await pressUntil(page, 'Tab', byTestId('rule-draft-create'));
    await page.keyboard.press('Enter');
    await waitText(testId('rule-version-status'), '下書き');
    await testId('rule-editor').waitFor();
    const value = await pressUntil(page, 'Tab', (f) => f.tag === 'input' && /^cond-[\d-]+-value$/u.test(f.testId ?? ''));
    const before = await testId(value.testId!).inputValue();
    expect(before).toBe('false');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('true');
    for (let i = 0; i < 100 && !(await testId('rule-json').inputValue()).includes('"value": true'); i++) await page.waitForTimeout(100);
    expect(await testId('rule-json').inputValue()).toContain('"value": true');
    await waitText(testId('rule-check'), '✓');
    await pressUntil(page, 'Tab', byTestId('rule-save'));
    await page.keyboard.press('Enter');
    await waitText(testId('rules-tab-rules'), '1');
    expect(await testId('rule-json').inputValue()).toContain('"value": true');
    await shot(page, 'a11y-07-keyboard-rule');
    expect(unringed, `focus stops without a visible focus ring:\n${unringed.join('\n')}`).toEqual([]);
  });

  it('rules: the editor, coverage, diff, regression, review, notice with publish release, audit; the add-rule dialog', async () => {
    const page = studio.page;
    await audit('rules-editor');
    await shot(page, 'a11y-08-rules-editor');
    await testId('ra-add').click();
    await testId('add-rule-dialog').waitFor();
    await audit('add-rule-dialog');
    await page.keyboard.press('Escape');
    await testId('add-rule-dialog').waitFor({ state: 'detached' });
    await testId('rules-tab-coverage').click();
    await testId('coverage-table').waitFor();
    await audit('rules-coverage');
    await testId('rules-tab-diff').click();
    await testId('diff-summary').waitFor();
    await audit('rules-diff');
    await shot(page, 'a11y-09-rules-diff');
    await testId('rules-tab-regression').click();
    await testId('regression-run').click();
    await waitText(testId('regression-summary'), '件');
    await audit('rules-regression');
    await shot(page, 'a11y-10-rules-regression');
    await testId('rules-tab-review').click();
    await testId('review-panel').waitFor();
    await audit('rules-review');
    await testId('rules-tab-notice').click();
    await testId('notice-md').click();
    await testId('notice-preview').waitFor();
    await testId('release-publisher').fill('legal');
    await audit('rules-notice-publish-release');
    await shot(page, 'a11y-11-rules-notice');
    await testId('rules-tab-audit').click();
    await waitText(testId('audit-entries'), 'rule');
    await audit('rules-audit');
    await shot(page, 'a11y-12-rules-audit');
  });

  it('explorer with an answer', async () => {
    const page = studio.page;
    await testId('nav-explorer').click();
    await testId('explorer-decision').selectOption('lateInterest');
    await audit('explorer-form');
    await testId('explorer-asof').fill('2024-06-01');
    await testId('fact-principal').fill('10000');
    await testId('fact-dueDate').fill('2024-04-30');
    await testId('fact-paidDate').fill('2024-05-31');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'charge');
    await audit('explorer-answer');
    await shot(page, 'a11y-13-explorer');
  });

  it('scenarios with a result: bands, the tornado and every table', async () => {
    const page = studio.page;
    await testId('nav-scenarios').click();
    await testId('scenario-form').waitFor();
    await audit('scenarios-form');
    await fillScenario(studio, { name: 'a11y', size: 100, months: 6 });
    await testId('scn-replications').fill('2');
    await testId('scn-sensitivity').check();
    await testId('scn-proposal-qe-add').click();
    await runScenario(studio, 180_000);
    await testId('chart-tornado').waitFor();
    await audit('scenarios-result');
    await shot(page, 'a11y-14-scenarios');
    await testId('chart-tornado').scrollIntoViewIfNeeded();
    await shot(page, 'a11y-15-scenarios-tornado');
  });

  it('in English too', async () => {
    const page = studio.page;
    await testId('lang-switch').click();
    await waitText(testId('summary-table'), 'Monthly fees');
    await audit('scenarios-en');
    await testId('nav-tariffs').click();
    await testId('version-1').click();
    await waitText(testId('version-heading'), '2023-09-19');
    await audit('tariffs-en');
    await shot(page, 'a11y-16-tariffs-en');
    await testId('nav-rules').click();
    await testId('rule-version-heading').waitFor();
    await audit('rules-en');
  });
});
