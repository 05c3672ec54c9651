import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { shot, useStudio, waitText } from './studio-harness.js';

/**
 * A product manager's and a finance analyst's first week in the browser mode, held to what
 * stood in their way: a course duplicated with 行を複製 (refused as a duplicate name before), a row
 * the add-row form could not add (said behind the modal, in the page's banner, before).
 */
const dir = scratch('e2e-first-week-');
const studio = useStudio(join(dir, 'workspace.sqlite'), { viewport: { width: 1280, height: 800 } });
const { testId } = studio;
const courseCell = (code: string) => testId('grid-courses').getByRole('gridcell', { name: code, exact: true });

describe('first week: product manager', () => {
  it('duplicates a course with 行を複製: the copy gets a free code and a free name, and is saved', async () => {
    await studio.page.goto(studio.url);
    await waitText(testId('version-heading'), '2023-09-19');
    await testId('btn-create-draft').click();
    await testId('draft-effective').fill('2027-04-01');
    await testId('draft-title').fill('初めての下書き');
    await testId('draft-create').click();
    await waitText(testId('version-heading'), '2027-04-01');
    await courseCell('M5525N-5Y-C7-SN').click();
    await testId('row-duplicate').click();
    await waitText(testId('change-count'), '1');
    await courseCell('M5525N-5Y-C7-SN-COPY').waitFor();
    expect(await testId('grid-courses').textContent()).toContain('5年コース・クラウド 7・SN（コピー）');
    expect(await testId('error-banner').count()).toBe(0);
    await shot(studio.page, 'first-week-01-duplicated');
  });

  it('says inside the add-row dialog why a row was refused, with the field outlined, and adds it once corrected', async () => {
    await courseCell('M5525N-3Y-C7-SN').click();
    await testId('row-add').click();
    const form = testId('row-form');
    await form.waitFor();
    // The form starts from the selected row with a free code and a free name: it can be added as it is.
    expect(await testId('rf-code').inputValue()).toBe('M5525N-3Y-C7-SN-COPY');
    expect(await testId('rf-name').inputValue()).toMatch(/（コピー）$/u);
    // A name another course has is refused: said in the dialog (not behind it), the field outlined.
    await testId('rf-name').fill('どこでも“me”REC 短期コース');
    await testId('rf-submit').click();
    await waitText(form.getByTestId('error-banner'), 'この行は追加できませんでした');
    await waitText(form.getByTestId('error-banner'), 'DUPLICATE_NAME');
    expect(await testId('rf-name').getAttribute('aria-invalid')).toBe('true');
    expect(await testId('rf-code').getAttribute('aria-invalid')).toBeNull();
    await shot(studio.page, 'first-week-02-add-row-refused');
    await testId('rf-name').fill('どこでも“me”REC M5525N・3年コース・クラウド 60・SN');
    await testId('rf-submit').click();
    await form.waitFor({ state: 'detached' });
    await waitText(testId('change-count'), '2');
    await courseCell('M5525N-3Y-C7-SN-COPY').waitFor();
  });
});
