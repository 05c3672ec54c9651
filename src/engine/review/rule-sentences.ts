import { OPERATOR_TABLE, OPERATORS } from '../operators.js';
import { EVENT_LABELS_JA, EVENT_PARAM_LABELS_JA, eventParamValueLabel } from './event-labels.js';
import { factLabel, factValueLabel } from './fact-labels.js';
import { isFactRef, isLeaf, type Condition, type DecisionName, type Operator, type RuleDoc } from '../rule-types.js';

/**
 * Renders a rule's conditions as sentences a legal reviewer reads, in Japanese or English.
 * Every operator of json-rules-engine that the schemas allow has a phrase.
 */
export type Lang = 'ja' | 'en';

/** The phrase of each operator comes from the one operator table (`../operators.ts`). */
/**
 * How a page names the version's named interpretations (what its 名前付きの解釈 table shows): a
 * short title and what each value means, in the page's language, or undefined where it has none.
 * The engine holds their codes only; a sentence given no words shows the codes as the rule does.
 */
export type InterpretationWords = {
  title: (name: string) => string | undefined;
  value: (name: string, value: string) => string | undefined;
};

const INTERPRETATION_FACT = 'interpretation.';
const interpretationName = (fact: string | undefined): string | undefined =>
  fact !== undefined && fact.startsWith(INTERPRETATION_FACT) ? fact.slice(INTERPRETATION_FACT.length) : undefined;

const OPERATOR_PHRASES: Record<Operator, Record<Lang, (a: string, b: string) => string>> = OPERATOR_TABLE;

export const OPERATOR_NAMES: Operator[] = OPERATORS;

/**
 * A condition's value as the sentence says it. A value of an enum fact that the terms have words
 * for (fact-labels.ts's FACT_VALUE_LABELS) reads in those words, its code beside it as the
 * explorer's dropdowns show it: 「当社の故意又は重大な過失」（company-gross-negligence）.
 */
const value = (v: unknown, decision: DecisionName, lang: Lang, fact?: string, words?: InterpretationWords): string => {
  if (isFactRef(v)) return factName(v.fact, decision, lang, words);
  if (v === true) return lang === 'ja' ? '真' : 'true';
  if (v === false) return lang === 'ja' ? '偽' : 'false';
  if (v === null) return lang === 'ja' ? 'なし' : 'none';
  if (Array.isArray(v)) return v.map((x) => value(x, decision, lang, fact, words)).join(lang === 'ja' ? '、' : ', ');
  if (typeof v === 'string') {
    const interp = interpretationName(fact);
    const label = fact === undefined ? undefined : interp !== undefined && words ? words.value(interp, v) : factValueLabel(decision, fact, v, lang);
    if (label !== undefined) return lang === 'ja' ? `「${label}」（${v}）` : `“${label}” (${v})`;
    return lang === 'ja' ? `「${v}」` : `“${v}”`;
  }
  return String(v);
};

/**
 * A fact as the sentence names it: its label (fact-labels.ts); a named interpretation by the title
 * the page gives it, its code beside it (名前付きの解釈「…」（partialOutage）), as the 名前付きの解釈 table shows it.
 */
const factName = (fact: string, decision: DecisionName, lang: Lang, words?: InterpretationWords): string => {
  const interp = interpretationName(fact);
  const title = interp !== undefined ? words?.title(interp) : undefined;
  if (interp !== undefined && title !== undefined) return lang === 'ja' ? `名前付きの解釈「${title}」（${interp}）` : `named interpretation “${title}” (${interp})`;
  return lang === 'ja' ? `「${factLabel(decision, fact, lang)}」` : `“${factLabel(decision, fact, lang)}”`;
};

/** One condition as a sentence; groups are indented lists under "all of" / "any of" / "not". */
export function conditionSentence(c: Condition, decision: DecisionName, lang: Lang, depth = 0, words?: InterpretationWords): string {
  const pad = '  '.repeat(depth);
  if (isLeaf(c)) return pad + OPERATOR_PHRASES[c.operator][lang](factName(c.fact, decision, lang, words), value(c.value, decision, lang, c.fact, words));
  if ('not' in c) return `${pad}${lang === 'ja' ? '次に該当しない:' : 'not:'}\n${conditionSentence(c.not, decision, lang, depth + 1, words)}`;
  const [kids, head] = 'all' in c ? [c.all, lang === 'ja' ? '次のすべてに該当する:' : 'all of:'] : [c.any, lang === 'ja' ? '次のいずれかに該当する:' : 'any of:'];
  if (kids.length === 1) return conditionSentence(kids[0]!, decision, lang, depth, words);
  return `${pad}${head}\n${kids.map((k) => conditionSentence(k, decision, lang, depth + 1, words)).join('\n')}`;
}

/** An event parameter's value: one event-labels.ts words (事由=「契約者が本サービスの利用により第三者に対して与えた損害」（third-party）), else as written. */
const paramValue = (decision: DecisionName, param: string, v: unknown, lang: Lang): string => {
  const label = typeof v === 'string' ? eventParamValueLabel(decision, param, v, lang) : undefined;
  if (label !== undefined) return lang === 'ja' ? `「${label}」（${v as string}）` : `“${label}” (${v as string})`;
  return value(v, decision, lang);
};

/**
 * The whole rule: "When …, then …". In Japanese the event reads as what it does (its type beside it, as in the JSON), its parameters by their
 * Japanese names and their values in the terms' words. `words` names the version's interpretations as the page does (without it, their codes).
 */
export function ruleSentence(rule: RuleDoc, decision: DecisionName, lang: Lang, words?: InterpretationWords): string {
  const when = conditionSentence(rule.conditions as Condition, decision, lang, 0, words);
  const paramName = (k: string) => (lang === 'ja' && Object.hasOwn(EVENT_PARAM_LABELS_JA, k) ? EVENT_PARAM_LABELS_JA[k]! : k);
  const params = Object.entries(rule.event.params ?? {}).map(([k, v]) => `${paramName(k)}=${paramValue(decision, k, v, lang)}`);
  if (lang === 'ja') {
    const labels = EVENT_LABELS_JA[decision];
    const does = Object.hasOwn(labels, rule.event.type) ? labels[rule.event.type]! : null;
    const withParams = params.length ? `（${params.join('、')}）` : '';
    // A clause that gives the company a right reads as one: ことがある, never a duty.
    const then = rule.discretionary
      ? `当社は、${does ? `${does}ことがある〔${rule.event.type}〕` : `${rule.event.type} とすることがある`}${withParams}（権利であり義務ではない）`
      : `${does ? `${does}〔${rule.event.type}〕` : rule.event.type}${withParams}`;
    return `条件:\n${when}\n結果: ${then}（${rule.clause}）`;
  }
  const then = `${rule.event.type}${params.length ? ` (${params.join(', ')})` : ''}`;
  // A clause that gives the company a right reads as one: "may refuse", never "refuses".
  if (rule.discretionary) return `When:\n${when}\nThen: the company may ${then} (a right, not a duty) (${rule.clause})`;
  return `When:\n${when}\nThen: ${then} (${rule.clause})`;
}
