import { factValueLabel, inputFactLabel } from '../../../engine/review/fact-labels.js';
import { DECISIONS, type DecisionName } from '../../../engine/rule-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { interpretationLabelKey } from '../explorer/output-labels.js';

/**
 * A case of the regression as a reviewer reads it in the page's language, whatever language its
 * file names it in: the decision, the date it is asked on, and its facts, each by its label
 * (支払期日: 2024-01-31、元本: 10,000円). Built from the case itself, never a translation of its name;
 * the name stays beside it as the file's own words.
 */
type Lang = 'ja' | 'en';
const MONEY_FACT = /amount|principal|paid$|cost$/iu;

function factValue(decision: string, fact: string, v: unknown, lang: Lang): string {
  const ja = lang === 'ja';
  if (v === null || v === undefined) return ja ? '（なし）' : '(none)';
  if (typeof v === 'boolean') return v ? (ja ? 'はい' : 'yes') : ja ? 'いいえ' : 'no';
  if (typeof v === 'number') {
    const n = v.toLocaleString(ja ? 'ja-JP' : 'en-US');
    return MONEY_FACT.test(fact) ? (ja ? `${n}円` : `${n} yen`) : n;
  }
  if (typeof v === 'string') {
    // An enum fact's value by its label, the code beside it (`滅失（修理不能、所有権の侵害を含む）〔loss〕`).
    const label = factValueLabel(decision, fact, v, lang);
    return label === undefined ? v : ja ? `${label}〔${v}〕` : `${label} [${v}]`;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return ja ? '（なし）' : '(none)';
    // monthlyCharge's options: a code, or {code, from}.
    if (v.every((x) => typeof x === 'string' || (typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'string')))
      return v
        .map((x) => {
          if (typeof x === 'string') return x;
          const o = x as { code: string; from?: unknown };
          return typeof o.from === 'string' ? (ja ? `${o.code}（${o.from} から）` : `${o.code} (from ${o.from})`) : o.code;
        })
        .join(ja ? '、' : ', ');
    return ja ? `${v.length} 件` : `${v.length} item(s)`;
  }
  return ja ? `（${Object.keys(v).length} 項目）` : `(${Object.keys(v).length} field(s))`;
}

/** The facts as `label: value` parts, in the case's own order. */
export function caseFactParts(decision: string, facts: Record<string, unknown> | undefined, lang: Lang): string[] {
  return Object.entries(facts ?? {}).map(([k, v]) => `${inputFactLabel(decision, k, lang)}: ${factValue(decision, k, v, lang)}`);
}

/** The interpretations a case overrides, each by its label: `解釈「延滞利息の日数の数え方」: actual`. */
export function caseInterpretationParts(interpretations: Record<string, unknown> | undefined, label: (name: string) => string, lang: Lang): string[] {
  return Object.entries(interpretations ?? {}).map(([k, v]) => (lang === 'ja' ? `解釈「${label(k)}」: ${String(v)}` : `interpretation “${label(k)}”: ${String(v)}`));
}

/** `延滞利息（2024-03-01 時点）— 元本: 10,000円、支払期日: …` / `Late interest (as of 2024-03-01) — principal: 10,000 yen, …`. */
export function caseCaption(
  decisionLabel: string,
  asOf: string | undefined,
  decision: string,
  facts: Record<string, unknown> | undefined,
  lang: Lang,
  interpretations: readonly string[] = [],
): string {
  const ja = lang === 'ja';
  const head = asOf ? (ja ? `${decisionLabel}（${asOf} 時点）` : `${decisionLabel} (as of ${asOf})`) : decisionLabel;
  const parts = [...caseFactParts(decision, facts, lang), ...interpretations];
  return parts.length ? `${head}${ja ? '' : ' '}— ${parts.join(ja ? '、' : ', ')}` : head;
}

/** A case of a regression (its answer, its facts) as the page's caption. */
type CaptionedCase = { before: { decision: unknown; asOf?: unknown; interpretations?: unknown }; facts?: Record<string, unknown>; interpretations?: Record<string, unknown> };

/**
 * The interpretations a case overrides, by the value the engine read them as: a case may name a
 * value by an alias (its description, `actual days of the year`); the answer lists its code (`actual`).
 */
export function overriddenInterpretations(c: CaptionedCase): Record<string, unknown> {
  const read = c.before.interpretations;
  const resolved = typeof read === 'object' && read !== null ? (read as Record<string, unknown>) : {};
  return Object.fromEntries(Object.entries(c.interpretations ?? {}).map(([k, v]) => [k, typeof resolved[k] === 'string' ? resolved[k] : v]));
}

export function useCaseCaption(): (c: CaptionedCase) => string {
  const { t, lang } = useI18n();
  const interp = (name: string): string => {
    const key = interpretationLabelKey(name);
    return key ? t(key) : name;
  };
  return (c) => {
    const d = String(c.before.decision);
    const label = (DECISIONS as readonly string[]).includes(d) ? t(`decision.${d as DecisionName}`) : d;
    return caseCaption(label, typeof c.before.asOf === 'string' ? c.before.asOf : undefined, d, c.facts, lang, caseInterpretationParts(overriddenInterpretations(c), interp, lang));
  };
}
