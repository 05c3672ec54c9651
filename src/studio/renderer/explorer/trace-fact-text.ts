import type { InterpretationWords } from '../../../engine/review/rule-sentences.js';
import type { ParameterUnit } from '../../../engine/rule-types.js';
import { factValueText, inputFactLabel, withCode } from '../../../engine/review/fact-labels.js';

const INTERPRETATION_FACT = 'interpretation.';

/**
 * One fact of the explorer's trace, as the 使った解釈 list and the rule sentences read it: an
 * `interpretation.<name>` fact by the interpretation's title and what its value means
 * (interpretation-words.ts), its code beside it; an interpretation without a title or a value
 * without a description reads by its code. Any other fact as fact-labels.ts words it.
 */
export function traceFactText(
  decision: string,
  fact: string,
  value: unknown,
  lang: 'ja' | 'en',
  words: InterpretationWords,
  declared?: ParameterUnit,
): { label: string; value: string } {
  const interp = fact.startsWith(INTERPRETATION_FACT) ? fact.slice(INTERPRETATION_FACT.length) : undefined;
  if (interp === undefined) return { label: inputFactLabel(decision, fact, lang), value: factValueText(decision, fact, value, lang, declared) };
  const title = words.title(interp);
  const meaning = typeof value === 'string' ? words.value(interp, value) : undefined;
  return {
    label: title ?? inputFactLabel(decision, fact, lang),
    value: meaning === undefined ? factValueText(decision, fact, value, lang, declared) : withCode(meaning, String(value), lang),
  };
}
