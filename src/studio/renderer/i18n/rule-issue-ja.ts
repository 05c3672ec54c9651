import type { Issue } from '../../../tariff-model/issue.js';

/**
 * A rule editor's or a quote check's issue said in Japanese, from its code and its structured
 * fields (the value found, what is expected), never from its English message: that message stays
 * beneath it on the page (the JSON pointer, ajv's detail, line and column). Undefined for a code
 * not listed: the page shows the message alone.
 */
const SAID: Record<string, (i: Issue) => string> = {
  RULE_JSON: () => 'JSON として読めません。括弧・引用符・カンマを確かめてください（位置は下の英文にあります）。',
  RULE_TOO_DEEP: () => 'ルールの入れ子が深すぎます。条件の all / any / not を浅くしてください。',
  RULE_SCHEMA: () => 'ルールの形が正しくありません。下の JSON ポインタの箇所を直してください（足りない項目・余分な項目・値の種類）。',
  RULE_ID_CHANGED: (i) => `ルールの id はここでは変えられません。「${i.expected ?? ''}」のままにしてください。`,
  RULE_UNKNOWN_FACT: (i) => `条件が読むファクト「${i.value ?? ''}」は、この判定にはありません。この判定のファクトから選んでください（条件の編集欄の一覧にあります）。`,
  RULE_INTERPRETATION_VALUE: (i) =>
    `解釈「${i.value ?? ''}」と比べている値が、その解釈の値のどれでもありません。このままではルールが一致することはありません。解釈の値から選んでください。`,
  RULE_EVENT_UNKNOWN: (i) => `結果の種類「${i.value ?? ''}」は、この判定が扱うものではありません。次のいずれかにしてください: ${i.expected ?? ''}`,
  RULE_CLAUSE_REQUIRED: () => 'このルールが定める条項を、規約の書き方で入力してください（例: 第9条第2項第1号、別紙3表2）。',
  RULE_CLAUSE_UNKNOWN: (i) => `規約に「${i.value ?? ''}」という条項はありません。規約の書き方で、規約にある条項を入力してください（例: 第27条、第9条第2項第3号、別紙3表2）。`,
  RULE_QUOTE_REQUIRED: () => 'このルールが定める文を、規約からそのまま引用してください。',
  RULE_QUOTE_NOT_IN_TERMS: (i) => `「${i.value ?? ''}」は規約の文言と一致しません。規約から一字一句そのまま引用してください（途中を省くときは … で示します）。`,
  RULE_QUOTE_NOT_IN_CLAUSE: (i) => `「${i.value ?? ''}」は規約の文言ですが、指定した条項のものではありません。引用元の条項を指定するか、指定した条項から引用してください。`,
};

export const ruleIssueJa = (i: Issue): string | undefined => (Object.hasOwn(SAID, i.code) ? SAID[i.code]!(i) : undefined);
