import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dialog } from 'playwright-core';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { createRuleDraft, requestRuleChanges, submitRuleVersion } from '../../src/studio/workspace/rule-store.js';
import { createTariffDraft } from '../../src/studio/workspace/tariff-store.js';
import { requestTariffChanges, submitTariffVersion } from '../../src/studio/workspace/tariff-review-store.js';
import { SEED, scratch } from '../studio/helpers.js';
import { shot, useStudio, waitText } from './studio-harness.js';

/**
 * A draft legal sent back is marked in both version lists and, for a rule version, explained
 * above it; legal sends a rule version back from the page; typing not yet saved is not lost
 * without a question (switching pages, closing); a page's notice follows a switch of language.
 */
const dir = scratch('e2e-unsaved-');
const workspace = join(dir, 'workspace.sqlite');
const ids = { sentBackRule: 0, inReviewRule: 0, sentBackTariff: 0 };
beforeAll(() => {
  // Made before the studio starts (its beforeAll runs after this one): an author's drafts, one sent back by a reviewer.
  const { ws } = openWorkspace(workspace, { seed: SEED, actor: 'sato' });
  const r = createRuleDraft(ws, { from: 1, effective: '2026-11-01', title: '延滞利息の文言' });
  submitRuleVersion(ws, { id: r.id, revision: r.revision, comment: 'レビューをお願いします' });
  const q = createRuleDraft(ws, { from: 1, effective: '2026-10-01', title: '停止の条件' });
  submitRuleVersion(ws, { id: q.id, revision: q.revision, comment: 'please review' });
  const t = createTariffDraft(ws, { from: 1, effective: '2026-12-01', title: '値上げ' });
  submitTariffVersion(ws, { id: t.id, revision: t.revision, comment: 'please review' });
  closeWorkspace(ws);
  const legal = openWorkspace(workspace, { actor: 'kato' }).ws;
  requestRuleChanges(legal, { id: r.id, revision: r.revision, comment: '第12条の引用を直してください。' });
  requestTariffChanges(legal, { id: t.id, revision: t.revision, comment: '値上げ幅を説明してください。' });
  closeWorkspace(legal);
  Object.assign(ids, { sentBackRule: r.id, inReviewRule: q.id, sentBackTariff: t.id });
});
const studio = useStudio(workspace, { viewport: { width: 1280, height: 800 } });
const { testId } = studio;
const setLang = async (lang: 'ja' | 'en') => {
  if ((await studio.page.evaluate(() => document.documentElement.lang)) !== lang) await testId('lang-switch').click();
};
/** Whether the page asks to stay when it would unload now (its beforeunload handler). */
const asksBeforeUnload = () =>
  studio.page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });

describe('sent back, unsaved typing and messages in the language shown', () => {
  it('marks the drafts a reviewer sent back in the tariff and rule version lists, in Japanese and English', async () => {
    await studio.page.goto(studio.url);
    await waitText(testId(`version-${ids.sentBackTariff}-changes-requested`), '差し戻し');
    expect(await testId('version-1').textContent()).not.toContain('差し戻し');
    await shot(studio.page, 'sent-back-01-tariff-list-ja');
    await setLang('en');
    await waitText(testId(`version-${ids.sentBackTariff}-changes-requested`), 'Changes requested');
    await shot(studio.page, 'sent-back-02-tariff-list-en');
    await testId('nav-rules').click();
    await waitText(testId(`rule-version-${ids.sentBackRule}-changes-requested`), 'Changes requested');
    expect(await testId(`rule-version-${ids.inReviewRule}`).textContent()).not.toContain('Changes requested');
    await testId(`rule-version-${ids.sentBackRule}`).click();
    await waitText(testId('rule-changes-requested'), 'kato requested changes');
    expect(await testId('rule-changes-requested-comment').textContent()).toBe('第12条の引用を直してください。');
    await shot(studio.page, 'sent-back-03-rule-banner-en');
    await setLang('ja');
    await waitText(testId('rule-changes-requested'), 'kato さんが');
    await waitText(testId(`rule-version-${ids.sentBackRule}-changes-requested`), '差し戻し');
    await shot(studio.page, 'sent-back-04-rule-banner-ja');
  });

  it('lets legal request changes on a rule version in review, with a comment required', async () => {
    await testId(`rule-version-${ids.inReviewRule}`).click();
    await waitText(testId('rule-version-status'), 'レビュー中');
    expect(await testId(`rule-version-${ids.inReviewRule}`).textContent()).not.toContain('差し戻し');
    await testId('rules-tab-review').click();
    await waitText(testId('btn-request-changes'), '変更を依頼して差し戻す');
    expect(await testId('btn-request-changes').isDisabled()).toBe(true);
    await testId('review-comment').fill('第27条の条件が広すぎます。');
    await testId('btn-request-changes').click();
    await waitText(testId('rule-version-status'), '下書き');
    await waitText(testId('rule-changes-requested-comment'), '第27条の条件が広すぎます。');
    await waitText(testId(`rule-version-${ids.inReviewRule}-changes-requested`), '差し戻し');
    await waitText(testId('review-history'), '変更依頼（差し戻し）');
    await shot(studio.page, 'sent-back-05-rule-requested-ja');
  });

  it('asks before a page switch loses a parameter typed and not saved, and not when nothing is unsaved', async () => {
    const dialogs: string[] = [];
    const answer = (accept: boolean) => (d: Dialog) => {
      dialogs.push(d.message());
      void (accept ? d.accept() : d.dismiss());
    };
    await testId('rules-tab-rules').click();
    await testId('decision-select').selectOption('lateInterest');
    expect(await asksBeforeUnload()).toBe(false);
    await testId('param-edit-graceDays').click();
    await testId('pe-value').fill('20');
    expect(await asksBeforeUnload()).toBe(true);
    studio.page.once('dialog', answer(false));
    await testId('nav-tariffs').click();
    expect(dialogs).toEqual([expect.stringContaining('保存していない入力があります')]);
    // Stayed: the page and the typing are as they were.
    expect(await testId('nav-rules').getAttribute('aria-current')).toBe('page');
    expect(await testId('pe-value').inputValue()).toBe('20');
    // Switching versions asks too.
    studio.page.once('dialog', answer(false));
    await testId('rule-version-1').click();
    expect(dialogs).toHaveLength(2);
    await waitText(testId('rule-version-status'), '下書き');
    studio.page.once('dialog', answer(true));
    await testId('nav-tariffs').click();
    expect(dialogs).toHaveLength(3);
    expect(await testId('nav-tariffs').getAttribute('aria-current')).toBe('page');
    // Nothing unsaved now: no question.
    expect(await asksBeforeUnload()).toBe(false);
    await testId('nav-rules').click();
    await testId('nav-scenarios').click();
    await testId('scenario-form').waitFor();
    expect(dialogs).toHaveLength(3);
    // A scenario form typed and not saved asks as well.
    await testId('scn-size').fill('123');
    expect(await asksBeforeUnload()).toBe(true);
    studio.page.once('dialog', answer(true));
    await testId('nav-tariffs').click();
    expect(dialogs).toHaveLength(4);
  });

  it('shows a tariff page notice in the language chosen after it was shown', async () => {
    await setLang('ja');
    await testId(`version-${ids.sentBackTariff}`).click();
    await waitText(testId('tr-changes-requested-comment'), '値上げ幅を説明してください。');
    await shot(studio.page, 'sent-back-06-tariff-banner-ja');
    await testId('row-duplicate').click();
    await waitText(testId('tariff-notice'), '先に行を選んでください。');
    await testId('lang-switch').click();
    await waitText(testId('tariff-notice'), 'Select a row first.');
    await shot(studio.page, 'sent-back-07-notice-en');
    await testId('lang-switch').click();
    await waitText(testId('tariff-notice'), '先に行を選んでください。');
  });

  it('closing the tab with a cell being typed gets the browser prompt', async () => {
    const price = studio.page.locator('[data-testid=grid-courses] [role=row]').nth(1).locator('[role=gridcell]').nth(3);
    await price.dblclick();
    await studio.page.locator('input.cell-editor').waitFor();
    await studio.page.keyboard.type('99999');
    expect(await asksBeforeUnload()).toBe(true);
    const kinds: string[] = [];
    studio.page.once('dialog', (d) => {
      kinds.push(d.type());
      void d.dismiss();
    });
    await studio.page.close({ runBeforeUnload: true });
    await expect.poll(() => kinds).toEqual(['beforeunload']);
  });
});
