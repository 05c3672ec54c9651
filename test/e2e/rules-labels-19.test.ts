import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { createRuleDraft, shot, useStudio, waitText } from './studio-harness.js';

/**
 * At 1280×800 in Japanese, a legal reviewer reads a rule's sentence without a bare code: a named
 * interpretation by its title and what its value means (as the 名前付きの解釈 table shows them),
 * an event parameter's value, a course kind and a settlement policy's kind in the terms' words,
 * each code beside its words; the explorer's trace reads a course kind so too.
 */
const workspace = join(scratch('e2e-labels19-'), 'workspace.sqlite');
const studio = useStudio(workspace, { viewport: { width: 1280, height: 800 } });
const { testId } = studio;
const sentence = () => testId('rule-sentence').innerText();

describe("the Rules page's sentences read in words, the codes beside them", () => {
  it('an interpretation by its title and its value, an event parameter, a course kind and a policy kind', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await testId('decision-select').selectOption('outageWaiver');
    await testId('rule-outageWaiver/other-cause-24h').click();
    await waitText(testId('rule-sentence'), '名前付きの解釈「カメラかクラウドが使えるときの障害」（partialOutage）');
    const waiver = await sentence();
    expect(waiver).toContain(
      '名前付きの解釈「カメラかクラウドが使えるときの障害」（partialOutage）が「Mシリーズのコースでは、一部の障害も全く利用できない状態とみる」（m-series-waive）である',
    );
    expect(waiver).not.toContain('解釈 partialOutage');
    // The table below names the interpretation in the same words.
    expect(await testId('interp-label-partialOutage').innerText()).toBe('カメラかクラウドが使えるときの障害');
    await testId('rule-sentence').scrollIntoViewIfNeeded();
    await shot(studio.page, 'labels19-interp-sentence-ja');

    await testId('decision-select').selectOption('damages');
    await testId('rule-damages/third-party').click();
    await waitText(testId('rule-sentence'), '（third-party）');
    expect(await sentence()).toContain('事由=「契約者が本サービスの利用により第三者に対して与えた損害（第34条第1項第1号）」（third-party）');
    expect(await sentence()).not.toContain('「third-party」');

    await testId('decision-select').selectOption('courseChange');
    await testId('rule-courseChange/short-to-long-mount').click();
    await waitText(testId('rule-sentence'), '（long-mount）');
    expect(await sentence()).toContain('「変更前のコース種別」が「短期コース」（short）である');
    expect(await sentence()).toContain('「変更後のコース種別」が「長期コース雲台セット」（long-mount）である');

    await testId('decision-select').selectOption('settlement');
    await testId('rule-settlement/m-series-before-term').click();
    await waitText(testId('rule-sentence'), '（longest-satisfied-same-family）');
    expect(await sentence()).toContain('「解約清算金の方式」が「同一系(注１)のコースのうち、実際にご利用頂いた月数が満たす最長のコースの月額料金に');
    await testId('rule-sentence').scrollIntoViewIfNeeded();
    await shot(studio.page, 'labels19-policy-sentence-ja');
    // Nothing in the sentence box runs past its column at 1280 px.
    const overflow = await testId('rule-sentence').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  it("a draft's rule editor previews its sentence in the same words", async () => {
    await createRuleDraft(studio.page, '2025-04-01', '第25条 改定案');
    await testId('decision-select').selectOption('outageWaiver');
    await testId('rule-outageWaiver/other-cause-24h').click();
    await waitText(testId('rule-sentence-preview'), '名前付きの解釈「カメラかクラウドが使えるときの障害」（partialOutage）');
    expect(await testId('rule-sentence-preview').innerText()).toContain('が「Mシリーズのコースでは、一部の障害も全く利用できない状態とみる」（m-series-waive）である');
    await testId('rule-sentence-preview').scrollIntoViewIfNeeded();
    await shot(studio.page, 'labels19-editor-preview-ja');
  });

  it("the explorer's trace reads the course kinds in 第15条's words", async () => {
    await testId('nav-explorer').click();
    await testId('explorer-decision').selectOption('courseChange');
    await testId('fact-from').fill('SHORT');
    await testId('fact-to').fill('LONG-MOUNT');
    await testId('explorer-run').click();
    await waitText(testId('explorer-outcome'), 'allow');
    const facts = await testId('explorer-trace').getByTestId('trace-facts').first().innerText();
    expect(facts).toMatch(/変更前のコース種別\s*fromKind\s+短期コース（short）/u);
    expect(facts).toMatch(/変更後のコース種別\s*toKind\s+長期コース雲台セット（long-mount）/u);
    await testId('explorer-trace').scrollIntoViewIfNeeded();
    await shot(studio.page, 'labels19-explorer-kinds-ja');
  });
});
