import { OPERATOR_TABLE, OPERATORS, type Operator } from '../../../engine/operators.js';

/**
 * The operators the condition editor offers, one for each entry of the engine's one operator
 * table (`src/engine/operators.ts`), each shown as its sentence with the fact and the value left
 * open ("〔項目〕が〔値〕以下である", "[fact] is at most [value]"): the same words the rule's
 * sentence uses, so the choice reads as the rule will. Nothing here lists operators by hand.
 */
export type OperatorLang = 'ja' | 'en';
export type OperatorChoice = { value: Operator; label: string };

export const OPERATOR_HOLES: Record<OperatorLang, [string, string]> = { ja: ['〔項目〕', '〔値〕'], en: ['[fact]', '[value]'] };

export const operatorSentence = (op: Operator, lang: OperatorLang, fact: string, value: string): string => OPERATOR_TABLE[op][lang](fact, value);

export const operatorChoices = (lang: OperatorLang): OperatorChoice[] => OPERATORS.map((value) => ({ value, label: operatorSentence(value, lang, ...OPERATOR_HOLES[lang]) }));
