import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { createTariffDraft, shot, useStudio, waitText } from './studio-harness.js';

/**
 * An `invalid` answer on the Japanese page: the explorer and the engine panel say each error in
 * Japanese (the field's label and what to enter) with its JSON pointer beside it; the engine's own
 * English message is folded away, and it is what the English page shows.
 */
const dir = scratch('e2e-invalid-ja-');
const studio = useStudio(join(dir, 'workspace.sqlite'));
const { testId } = studio;
/** What a reader sees of a list (a folded <details> is not rendered, so not in innerText). */
const seen = (id: string) => testId(id).innerText();

describe('invalid answers in Japanese', () => {
  it('the explorer names the field, the value found and what to enter, with the pointer beside it', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-explorer').click();
    await testId('explorer-decision').selectOption('settlement');
    await testId('explorer-asof').fill('2025-03-31');
    await testId('fact-course').fill('NOPE');
    await testId('fact-startDate').fill('2025-01-15');
    await testId('fact-endDate').fill('2024-06-10');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'invalid');
    await waitText(testId('explorer-errors'), 'コース「NOPE」は料金表にありません');
    const text = await seen('explorer-errors');
    expect(text).toContain('コース（コードまたは名称）: コース「NOPE」は料金表にありません。コースコードか、別紙3表1 のとおりのコース名を入力してください。近いコース:');
    expect(text).toContain('/facts/course');
    expect(text).toContain('利用終了日: 利用終了日（2024-06-10）が利用開始日（2025-01-15）より前です。');
    expect(text).toContain('/facts/endDate');
    expect(text).not.toMatch(/unknown course|is before|closest/u);
    // The engine's own words, for whoever needs them, one click away.
    await testId('explorer-errors').locator('details summary').first().click();
    expect(await seen('explorer-errors')).toContain('unknown course "NOPE"');
    await shot(studio.page, 'invalid-ja-01-explorer');
  });

  it('a value of the wrong type inside a list: the entry, its field and what it takes', async () => {
    await testId('explorer-decision').selectOption('paymentAllocation');
    await testId('fact-bills').fill('[{"id": "2025-01", "dueDate": "2025-01-31", "amount": "11000"}]');
    await testId('fact-payments').fill('[{"date": "2025-02-10", "amount": 11000}]');
    await testId('explorer-run').click();
    await waitText(testId('explorer-errors'), '税込額');
    const text = await seen('explorer-errors');
    expect(text).toContain(
      '請求（id・支払期日・税込額）（1 件目）の税込額: 「11000」は受け付けられません。1 以上の整数（円、1,000,000,000,000円まで）を入力してください。 /facts/bills/0/amount FACT_TYPE',
    );
    expect(text).not.toContain('must be');
    // The English page shows the engine's message as the CLI prints it.
    await testId('lang-switch').click();
    await waitText(testId('explorer-errors'), 'must be integer, got string "11000"');
    await testId('lang-switch').click();
    await waitText(testId('explorer-errors'), '税込額');
  });

  it("the engine panel says in Japanese why it cannot answer the draft's course, and which contract it asked about", async () => {
    await testId('nav-tariffs').click();
    await createTariffDraft(studio.page, '9990-01-01', '遠い将来');
    await studio.page.locator('[data-testid=grid-courses] [role=row][aria-rowindex="2"] [role=gridcell]').nth(2).click();
    await waitText(testId('engine-regular-month-after'), '円');
    await testId('engine-months').fill('120');
    await waitText(testId('engine-invalid'), 'エンジンが回答できません');
    const text = await seen('engine-invalid');
    expect(text).toContain('エンジンが回答できません（解約清算金）。');
    expect(text).toContain('9990-02-01 に利用を始め、120 か月で解約する契約として尋ねました。');
    expect(text).toContain('利用終了日: 「10000-01-00」は受け付けられません。日付（YYYY-MM-DD、例 2025-04-01）を入力してください。 /facts/endDate FACT_FORMAT');
    expect(text).not.toContain('must be');
    await shot(studio.page, 'invalid-ja-02-engine-panel');
  });

  it('a regression case that answers invalid says why, in Japanese, beside the two answers', async () => {
    const folder = join(dir, 'my-cases');
    mkdirSync(folder, { recursive: true });
    const facts = { course: 'NOPE', startDate: '2025-01-01', endDate: '2025-03-01' };
    writeFileSync(join(folder, 'wrong-course.json'), JSON.stringify({ asOf: '2025-03-31', decision: 'settlement', facts, expect: { outcome: 'settle' } }));
    await testId('nav-rules').click();
    await testId('rules-tab-regression').click();
    await testId('case-folder-input').fill(folder);
    await testId('case-folder-add').click();
    await waitText(testId('regression-view'), 'my-cases');
    await testId('regression-run').click();
    await waitText(testId('regression-failing'), 'NOPE', 120_000);
    const errors = testId('regression-failing').getByTestId('regression-errors').last();
    const text = await errors.innerText();
    expect(text).toContain('コース（コードまたは名称）: コース「NOPE」は料金表にありません。');
    expect(text).toContain('/facts/course UNKNOWN_COURSE');
    expect(text).not.toContain('unknown course');
    await shot(studio.page, 'invalid-ja-03-regression');
  });
});
