import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/cli/options.js';
import { loadRuleVersions } from '../../src/io/folder-store.js';
import { checkRuleEdit } from '../../src/studio/handlers/rule-checks.js';
import { ruleIssueJa } from '../../src/studio/renderer/i18n/rule-issue-ja.js';
import { quoteIssues } from '../../src/tariff-model/quote-check.js';

/** The rule editor's and the quote check's issues on the Japanese page: said from their code and fields (value, expected), the English kept beneath. */
const version = loadRuleVersions(DEFAULT_RULES)[0]!;
const rule = version.decisions.lateInterest.rules[0]!;
const terms = readFileSync(join(DEFAULT_RULES, 'terms-2023-09-19.txt'), 'utf8');
const edit = (json: string) => checkRuleEdit(version, undefined, 'lateInterest', rule.id, json).issues;

describe('ruleIssueJa', () => {
  it('a fact the decision does not provide, an event it does not handle, JSON that does not parse', () => {
    const fact = edit(JSON.stringify(rule).replace(`"${(rule.conditions as { all: { fact: string }[] }).all[0]!.fact}"`, '"daysLate"'));
    expect(fact.map((i) => [i.code, ruleIssueJa(i)])).toEqual([
      ['RULE_UNKNOWN_FACT', '条件が読むファクト「daysLate」は、この判定にはありません。この判定のファクトから選んでください（条件の編集欄の一覧にあります）。'],
    ]);
    const event = edit(JSON.stringify({ ...rule, event: { type: 'charge-intrest' } }));
    expect(ruleIssueJa(event[0]!)).toMatch(/^結果の種類「charge-intrest」は、この判定が扱うものではありません。次のいずれかにしてください: .*charge-interest/u);
    expect(edit('{ not json').map((i) => [i.code, ruleIssueJa(i)])).toEqual([
      ['RULE_JSON', 'JSON として読めません。括弧・引用符・カンマを確かめてください（位置は下の英文にあります）。'],
    ]);
    expect(ruleIssueJa(edit(JSON.stringify({ ...rule, conditions: { alll: [] } }))[0]!)).toBe(
      'ルールの形が正しくありません。下の JSON ポインタの箇所を直してください（足りない項目・余分な項目・値の種類）。',
    );
  });

  it('a quote not in the terms, a clause the terms do not have', () => {
    expect(quoteIssues(terms, '第99条', 'これは条文ではありません').map((i) => [i.code, ruleIssueJa(i)])).toEqual([
      ['RULE_CLAUSE_UNKNOWN', '規約に「第99条」という条項はありません。規約の書き方で、規約にある条項を入力してください（例: 第27条、第9条第2項第3号、別紙3表2）。'],
      ['RULE_QUOTE_NOT_IN_TERMS', '「これは条文ではありません」は規約の文言と一致しません。規約から一字一句そのまま引用してください（途中を省くときは … で示します）。'],
    ]);
  });

  it('leaves a code it does not know to the English message', () => {
    expect(ruleIssueJa({ code: 'SOMETHING_NEW', severity: 'error', message: 'x' })).toBeUndefined();
  });
});
