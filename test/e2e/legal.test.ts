import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { scratch } from '../studio/helpers.js';
import { registry } from '../unit/helpers.js';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { INTERPRETATION_TEXTS, PARAMETER_TEXTS, RULE_TITLES } from '../../src/studio/renderer/i18n/rule-text-messages.js';
import { shot, useStudio, waitText } from './studio-harness.js';

/**
 * A legal reviewer's flow in the browser mode: start a rule draft, edit a condition of 第27条
 * in the structured editor, read the diff with the clause text, run the regression, submit,
 * approve, verify the audit chain; then tamper with an audit row and see it caught.
 */
const dir = scratch('e2e-legal-');
const workspace = join(dir, 'workspace.sqlite');
const studio = useStudio(workspace);
const { testId } = studio;
const verifyCli = () => spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'audit', 'verify', '--workspace', workspace], { encoding: 'utf8' });

describe('legal review, browser mode', () => {
  it('lists the rule versions and shows a rule beside its clause, as sentences', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await waitText(testId('rule-version-1'), '承認: legal');
    await testId('decision-select').selectOption('lateInterest');
    await waitText(testId('clause-text'), '延滞利息');
    await waitText(testId('rule-sentence'), '「支払期日から支払日までの日数」が「延滞利息がかからない日数（15 日、解釈 graceEndOnHoliday）」を超える');
    await testId('decision-select').selectOption('suspension');
    await waitText(testId('rule-sentence'), '当社は、本サービスの利用を停止することがある〔suspend〕');
    await shot(studio.page, 'legal-01-rule-view');
  });

  it('shows every shipped rule and interpretation in Japanese, never the English of the rule files', async () => {
    const version = registry.ruleVersions.find((v) => v.effective === '2023-09-19')!;
    for (const d of DECISIONS) {
      await testId('decision-select').selectOption(d);
      const rules = version.decisions[d].rules;
      await waitText(testId(`rule-${rules[0]!.id}`), RULE_TITLES[rules[0]!.id]!.ja);
      for (const r of rules) {
        const item = (await testId(`rule-${r.id}`).textContent()) ?? '';
        expect(item, r.id).toContain(RULE_TITLES[r.id]!.ja);
        if (RULE_TITLES[r.id]!.ja !== r.name) expect(item, `${r.id} shows its English title`).not.toContain(r.name);
      }
      expect(await testId('rule-card-title').textContent()).toBe(RULE_TITLES[rules[0]!.id]!.ja);
      // Nowhere on the page as shown (list, card, sentence, interpretations; the folded JSON aside) is an English rule title left.
      const shown = await studio.page.locator('.rules-content').innerText();
      expect(rules.filter((r) => RULE_TITLES[r.id]!.ja !== r.name && shown.includes(r.name)).map((r) => r.id)).toEqual([]);
      for (const [k, p] of Object.entries(version.decisions[d].parameters ?? {})) {
        expect(await testId(`param-text-${k}`).textContent(), `${d}.${k}`).toBe(PARAMETER_TEXTS[`${d}.${k}`]!.ja);
        expect(shown, `${d}.${k} shows its English description`).not.toContain(p.description);
      }
    }
    // Every interpretation, not only those the decision picked reads.
    await testId('interps-show-all').click();
    for (const i of version.interpretations) {
      const cell = (await testId(`interp-text-${i.name}`).textContent()) ?? '';
      expect(cell, i.name).toContain(INTERPRETATION_TEXTS[i.name]!.ja);
      expect(cell, i.name).toContain(INTERPRETATION_TEXTS[i.name]!.values[i.default]!.ja);
      expect(cell, `${i.name} shows its English description`).not.toContain(i.defaultDescription);
    }
    await testId('decision-select').selectOption('approval');
    await shot(studio.page, 'legal-01a-rules-in-japanese');
  });

  it('shows the clause coverage with the text of each paragraph, filterable to what is not encoded', async () => {
    await testId('rules-tab-coverage').click();
    // Every deciding paragraph of 2023-09-19 is encoded (tariff coverage: 39 of 39): the filter leaves none.
    await waitText(testId('coverage-summary'), '判断を含む条項 39 件のうち 39 件をルール化済み');
    await waitText(testId('coverage-findings'), '第32条');
    expect(await studio.page.locator('[data-testid="coverage-row"][data-status="encoded"]').count()).toBeGreaterThan(0);
    await testId('coverage-filter').selectOption('not-encoded');
    await waitText(testId('coverage-none'), '該当する条項はありません');
    expect(await studio.page.locator('[data-testid="coverage-row"]').count()).toBe(0);
    await shot(studio.page, 'legal-01b-coverage');
    await testId('rules-tab-rules').click();
  });

  it('edits a condition of a draft in the structured editor, checked as typed', async () => {
    await testId('btn-rule-draft').click();
    await testId('rule-draft-effective').fill('2025-04-01');
    await testId('rule-draft-title').fill('第27条 改定案');
    await testId('rule-draft-create').click();
    await waitText(testId('rule-version-heading'), '施行日 2025-04-01');
    await waitText(testId('rule-version-status'), '下書き');
    await testId('decision-select').selectOption('lateInterest');
    await testId('cond-0-operator').selectOption('greaterThanInclusive');
    await waitText(testId('rule-sentence-preview'), '以上である');
    await waitText(testId('rule-check'), '検査を通過しました');
    expect(await testId('rule-json').inputValue()).toContain('"greaterThanInclusive"');
    // One mistake in a condition is one error, where it is and what to do: not the other shapes a condition could have.
    const good = await testId('rule-json').inputValue();
    await testId('rule-json').fill(good.replace('"fact": "daysAfterDue",', '"fact": "daysAfterDue",\n        "path": "/amount",'));
    await waitText(testId('rule-check'), 'unknown property "path"');
    const issues = studio.page.locator('[data-testid="rule-check"] li');
    // Said in Japanese first (what is wrong, what to do), the pointer and the detail in the checker's English beneath.
    expect(await issues.allTextContents()).toEqual([
      'RULE_SCHEMA ルールの形が正しくありません。下の JSON ポインタの箇所を直してください（足りない項目・余分な項目・値の種類）。 /conditions/all/0: unknown property "path": remove it or fix its spelling',
    ]);
    expect(await testId('rule-save').isDisabled()).toBe(true);
    await shot(studio.page, 'legal-02a-editor-one-error');
    // An event type the decision never handles is an error too, naming the one it does.
    await testId('rule-json').fill(good.replace('"type": "charge-interest"', '"type": "charge-intrest"'));
    await waitText(testId('rule-check'), 'RULE_EVENT_UNKNOWN');
    expect(await issues.allTextContents()).toEqual([
      expect.stringMatching(
        /^RULE_EVENT_UNKNOWN 結果の種類「charge-intrest」は、この判定が扱うものではありません。次のいずれかにしてください: .*charge-interest.* \/event\/type: the event type "charge-intrest" is not one the lateInterest decision handles.*"charge-interest"$/u,
      ),
    ]);
    expect(await studio.page.locator('[data-testid="rule-check"] li.error-text').count()).toBe(1);
    expect(await testId('rule-save').isDisabled()).toBe(true);
    await testId('rule-json').fill(good);
    await waitText(testId('rule-check'), '検査を通過しました');
    // A typo in the JSON is caught with its code, and the save stays disabled.
    await testId('rule-json').fill((await testId('rule-json').inputValue()).replace('"daysAfterDue"', '"daysLate"'));
    await waitText(testId('rule-check'), 'RULE_UNKNOWN_FACT');
    expect(await testId('rule-save').isDisabled()).toBe(true);
    await shot(studio.page, 'legal-02-editor-error');
    await testId('cond-0-fact').selectOption('daysAfterDue');
    await waitText(testId('rule-check'), '検査を通過しました');
    await testId('rule-save').click();
    await waitText(studio.page.locator('[data-testid="rule-lateInterest/after-grace-period"]'), '変更あり');
    await shot(studio.page, 'legal-03-edited');
  });

  it('shows the diff clause by clause with the clause text', async () => {
    await testId('rules-tab-diff').click();
    const card = studio.page.locator('[data-testid="diff-rule-lateInterest/after-grace-period"]');
    await waitText(card, '延滞利息');
    expect(await card.textContent()).toContain('以上である');
    await waitText(testId('diff-summary'), 'ルール 1 件');
    await shot(studio.page, 'legal-04-diff');
  });

  it('runs the regression and lists the cases whose answer changes', async () => {
    await testId('rules-tab-regression').click();
    await testId('regression-run').click();
    const summary = await waitText(testId('regression-summary'), /回答が変わるケース [1-9]\d* 件、invalid になるケース 0 件/u, 60_000);
    expect(summary).toContain('2023-09-19');
    expect(await testId('regression-changed').locator('[data-testid=regression-row]').count()).toBeGreaterThan(0);
    expect(await testId('regression-changed').textContent()).toContain('dai27jo-late-interest.json');
    await shot(studio.page, 'legal-05-regression');
  });

  it('submits for review and approves with a reviewer and a comment; the old version is superseded', async () => {
    await testId('rules-tab-review').click();
    await testId('review-comment').fill('第27条の起算を見直しました');
    await testId('btn-submit-review').click();
    await waitText(testId('rule-version-status'), 'レビュー中');
    // Without a reviewer and a comment the approval would be refused: the button says so before it is pressed.
    expect(await testId('btn-approve').isDisabled()).toBe(true);
    await waitText(testId('btn-approve-incomplete'), 'レビュアー（承認者）とコメントを入力してください');
    await testId('review-reviewer').fill('加藤（法務）');
    await testId('review-comment').fill('条文と回帰テストを確認');
    await testId('btn-approve').click();
    await waitText(testId('rules-note'), '2023-09-19 のバージョンは置換済み', 60_000);
    await waitText(testId('rule-version-status'), '承認済み');
    await waitText(testId('rule-version-1'), '置換済み');
    // Approved on a past date, the new version is in force today and the old one is not.
    await waitText(studio.page.locator('.version-item.selected'), '本日施行中');
    expect(await testId('rule-version-1').textContent()).not.toContain('施行中');
    await waitText(testId('review-history'), '加藤（法務）');
    await shot(studio.page, 'legal-06-approved');
  });

  it('verifies the audit chain in the studio and with `tariff audit verify`', async () => {
    await testId('rules-tab-audit').click();
    await testId('audit-verify').click();
    await waitText(testId('audit-verdict'), 'チェーンは正常です（5 件）');
    expect(await testId('audit-entries').textContent()).toContain('rule.approved');
    await shot(studio.page, 'legal-07-audit');
    await testId('lang-switch').click();
    await waitText(testId('audit-verdict'), 'The chain holds');
    await testId('rules-tab-rules').click();
    await shot(studio.page, 'legal-08-english');
    await testId('lang-switch').click();
    const ok = verifyCli();
    expect(ok.stdout).toContain('the audit chain holds: 5 entries');
    expect(ok.status).toBe(0);
  });

  it('catches an audit row tampered with in the database', async () => {
    const db = new Database(workspace);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET comment = 'approved without review' WHERE action = 'rule.approved'").run();
    db.close();
    const bad = verifyCli();
    expect(bad.stdout).toContain('AUDIT_CHAIN_BROKEN at entry 5');
    expect(bad.status).toBe(1);
    await testId('rules-tab-audit').click();
    await testId('audit-verify').click();
    await waitText(testId('audit-verdict'), 'エントリ 5 でチェーンが壊れています');
    await shot(studio.page, 'legal-09-tampered');
  });
});
