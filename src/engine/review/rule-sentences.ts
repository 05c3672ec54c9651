import { factLabel } from './fact-labels.js';
import { isFactRef, isLeaf, type Condition, type DecisionName, type Operator, type RuleDoc } from '../rule-types.js';

/**
 * Renders a rule's conditions as sentences a legal reviewer reads, in Japanese or English.
 * Every operator of json-rules-engine that the schemas allow has a phrase.
 */
export type Lang = 'ja' | 'en';

const OPERATOR_PHRASES: Record<Operator, Record<Lang, (a: string, b: string) => string>> = {
  equal: { en: (a, b) => `${a} is ${b}`, ja: (a, b) => `${a}が${b}である` },
  notEqual: { en: (a, b) => `${a} is not ${b}`, ja: (a, b) => `${a}が${b}でない` },
  in: { en: (a, b) => `${a} is one of ${b}`, ja: (a, b) => `${a}が${b}のいずれかである` },
  notIn: { en: (a, b) => `${a} is none of ${b}`, ja: (a, b) => `${a}が${b}のいずれでもない` },
  contains: { en: (a, b) => `${a} includes ${b}`, ja: (a, b) => `${a}に${b}が含まれる` },
  doesNotContain: { en: (a, b) => `${a} does not include ${b}`, ja: (a, b) => `${a}に${b}が含まれない` },
  lessThan: { en: (a, b) => `${a} is less than ${b}`, ja: (a, b) => `${a}が${b}未満である` },
  lessThanInclusive: { en: (a, b) => `${a} is at most ${b}`, ja: (a, b) => `${a}が${b}以下である` },
  greaterThan: { en: (a, b) => `${a} is more than ${b}`, ja: (a, b) => `${a}が${b}を超える` },
  greaterThanInclusive: { en: (a, b) => `${a} is at least ${b}`, ja: (a, b) => `${a}が${b}以上である` },
};

export const OPERATOR_NAMES = Object.keys(OPERATOR_PHRASES) as Operator[];

const value = (v: unknown, decision: DecisionName, lang: Lang): string => {
  if (isFactRef(v)) return lang === 'ja' ? `「${factLabel(decision, v.fact, lang)}」` : `“${factLabel(decision, v.fact, lang)}”`;
  if (v === true) return lang === 'ja' ? '真' : 'true';
  if (v === false) return lang === 'ja' ? '偽' : 'false';
  if (v === null) return lang === 'ja' ? 'なし' : 'none';
  if (Array.isArray(v)) return v.map((x) => value(x, decision, lang)).join(lang === 'ja' ? '、' : ', ');
  if (typeof v === 'string') return lang === 'ja' ? `「${v}」` : `“${v}”`;
  return String(v);
};

/** One condition as a sentence; groups are indented lists under "all of" / "any of" / "not". */
export function conditionSentence(c: Condition, decision: DecisionName, lang: Lang, depth = 0): string {
  const pad = '  '.repeat(depth);
  if (isLeaf(c)) {
    const fact = lang === 'ja' ? `「${factLabel(decision, c.fact, lang)}」` : `“${factLabel(decision, c.fact, lang)}”`;
    return pad + OPERATOR_PHRASES[c.operator][lang](fact, value(c.value, decision, lang));
  }
  if ('not' in c) return `${pad}${lang === 'ja' ? '次に該当しない:' : 'not:'}\n${conditionSentence(c.not, decision, lang, depth + 1)}`;
  const [kids, head] = 'all' in c ? [c.all, lang === 'ja' ? '次のすべてに該当する:' : 'all of:'] : [c.any, lang === 'ja' ? '次のいずれかに該当する:' : 'any of:'];
  if (kids.length === 1) return conditionSentence(kids[0]!, decision, lang, depth);
  return `${pad}${head}\n${kids.map((k) => conditionSentence(k, decision, lang, depth + 1)).join('\n')}`;
}

/** The whole rule: "When …, then …". */
export function ruleSentence(rule: RuleDoc, decision: DecisionName, lang: Lang): string {
  const when = conditionSentence(rule.conditions as Condition, decision, lang);
  const params = Object.entries(rule.event.params ?? {}).map(([k, v]) => `${k}=${value(v, decision, lang)}`);
  const then = `${rule.event.type}${params.length ? ` (${params.join(', ')})` : ''}`;
  return lang === 'ja' ? `条件:\n${when}\n結果: ${then}（${rule.clause}）` : `When:\n${when}\nThen: ${then} (${rule.clause})`;
}
