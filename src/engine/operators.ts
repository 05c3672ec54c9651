/**
 * The one table of json-rules-engine's operators that rules may use (json-rules-engine's
 * `engine-default-operators.js`): for each, its semantics (`test`, the reference trace), its
 * compiled form (`compiled`, JavaScript source over two operand expressions, with `num` in scope)
 * the sentence a legal reviewer reads (also the condition editor's choice, with the operands left open), in Japanese and English, and its value domain (what the
 * right-hand side takes). The rule schema's operator list and its check of list values, the
 * compiled evaluator, the trace, the sentences and the studio's condition editor all derive
 * from it. Semantics follow json-rules-engine exactly: a number
 * comparison is false when the fact is not number-like.
 */
/**
 * What an operator's right-hand side (`value`) takes, besides a fact reference `{ "fact": … }`:
 * - `value`: one value of the fact's own kind (a boolean, a number, a string, null);
 * - `list`: a list of such values (json-rules-engine calls `value.indexOf(fact)`);
 * - `item`: one item that the fact, a list, may hold;
 * - `number`: a number (the comparison is false when the fact is not number-like).
 */
export type OperatorDomain = 'value' | 'list' | 'item' | 'number';

export type OperatorDef = {
  domain: OperatorDomain;
  test: (a: unknown, b: unknown) => boolean;
  compiled: (a: string, b: string) => string;
  en: (a: string, b: string) => string;
  ja: (a: string, b: string) => string;
};

/** json-rules-engine's test of a number-like fact (`parseFloat(x).toString() !== 'NaN'`). */
export const isNumberLike = (x: unknown): boolean => Number.parseFloat(x as string).toString() !== 'NaN';

export const OPERATOR_TABLE = {
  equal: {
    domain: 'value',
    test: (a, b) => a === b,
    compiled: (a, b) => `(${a} === ${b})`,
    en: (a, b) => `${a} is ${b}`,
    ja: (a, b) => `${a}が${b}である`,
  },
  notEqual: {
    domain: 'value',
    test: (a, b) => a !== b,
    compiled: (a, b) => `(${a} !== ${b})`,
    en: (a, b) => `${a} is not ${b}`,
    ja: (a, b) => `${a}が${b}でない`,
  },
  in: {
    domain: 'list',
    test: (a, b) => (b as unknown[]).indexOf(a) > -1,
    compiled: (a, b) => `(${b}.indexOf(${a}) > -1)`,
    en: (a, b) => `${a} is one of ${b}`,
    ja: (a, b) => `${a}が${b}のいずれかである`,
  },
  notIn: {
    domain: 'list',
    test: (a, b) => (b as unknown[]).indexOf(a) === -1,
    compiled: (a, b) => `(${b}.indexOf(${a}) === -1)`,
    en: (a, b) => `${a} is none of ${b}`,
    ja: (a, b) => `${a}が${b}のいずれでもない`,
  },
  contains: {
    domain: 'item',
    test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
    compiled: (a, b) => `(Array.isArray(${a}) && ${a}.indexOf(${b}) > -1)`,
    en: (a, b) => `${a} includes ${b}`,
    ja: (a, b) => `${a}に${b}が含まれる`,
  },
  doesNotContain: {
    domain: 'item',
    test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
    compiled: (a, b) => `(Array.isArray(${a}) && ${a}.indexOf(${b}) === -1)`,
    en: (a, b) => `${a} does not include ${b}`,
    ja: (a, b) => `${a}に${b}が含まれない`,
  },
  lessThan: {
    domain: 'number',
    test: (a, b) => isNumberLike(a) && (a as number) < (b as number),
    compiled: (a, b) => `(num(${a}) && ${a} < ${b})`,
    en: (a, b) => `${a} is less than ${b}`,
    ja: (a, b) => `${a}が${b}未満である`,
  },
  lessThanInclusive: {
    domain: 'number',
    test: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
    compiled: (a, b) => `(num(${a}) && ${a} <= ${b})`,
    en: (a, b) => `${a} is at most ${b}`,
    ja: (a, b) => `${a}が${b}以下である`,
  },
  greaterThan: {
    domain: 'number',
    test: (a, b) => isNumberLike(a) && (a as number) > (b as number),
    compiled: (a, b) => `(num(${a}) && ${a} > ${b})`,
    en: (a, b) => `${a} is more than ${b}`,
    ja: (a, b) => `${a}が${b}を超える`,
  },
  greaterThanInclusive: {
    domain: 'number',
    test: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
    compiled: (a, b) => `(num(${a}) && ${a} >= ${b})`,
    en: (a, b) => `${a} is at least ${b}`,
    ja: (a, b) => `${a}が${b}以上である`,
  },
} as const satisfies Record<string, OperatorDef>;

export type Operator = keyof typeof OPERATOR_TABLE;
export const OPERATORS = Object.keys(OPERATOR_TABLE) as Operator[];
export const operatorDef = (op: Operator): OperatorDef => OPERATOR_TABLE[op];

/** The operators whose right-hand side is of this domain, in the table's order. */
export const operatorsWithDomain = (domain: OperatorDomain): Operator[] => OPERATORS.filter((op) => OPERATOR_TABLE[op].domain === domain);
