import type { Operator } from './operators.js';

/** The shape of a rule version (rules/<date>/*.json). rule-schema.ts checks it. */
export const DECISIONS = [
  'approval',
  'suspension',
  'termination',
  'courseChange',
  'cancellationNotice',
  'outageWaiver',
  'settlement',
  'lateInterest',
  'surcharge',
  'monthlyCharge',
  'damages',
  'cancellation',
  'equipmentLoss',
  'paymentAllocation',
  'billingCorrection',
] as const;
export type DecisionName = (typeof DECISIONS)[number];

/** The operators come from the one operator table (operators.ts). */
export { OPERATORS, type Operator } from './operators.js';

export type FactRef = { fact: string };
export type Leaf = { fact: string; operator: Operator; value: unknown };
export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export type TopCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** A rule in json-rules-engine's format (conditions, event, priority, name) plus its legal metadata. */
export type RuleDoc = {
  id: string;
  name: string;
  /** The clause it encodes, in the terms' citation style (第9条第2項第1号, 別紙3表2). */
  clause: string;
  /** Further clauses the answer relies on when this rule fires. */
  alsoCites?: string[];
  /** The sentence it encodes, quoted from the terms. */
  quote: string;
  /**
   * The clause gives the company a right, not a duty (〜ことがあります, 〜できます): when this rule
   * fires, the answer carries `discretionary: true` so nobody reads a right as a duty.
   */
  discretionary?: boolean;
  priority?: number;
  conditions: TopCondition;
  event: { type: string; params?: Record<string, unknown> };
};

/** The units a parameter's value is counted in, as the clauses count them (年 14.6％, 15日以内, ５営業日前, 24時間, ２倍). */
export const PARAMETER_UNITS = ['percent', 'days', 'businessDays', 'hours', 'months', 'times'] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];

/**
 * A named constant of the terms (14.6%, 15 days, 24 hours), with its clause and quote. `unit` is
 * declared for a parameter the catalog of units (review/parameter-texts.ts) does not know: one a
 * draft added.
 */
export type Parameter = { value: number | string; clause: string; quote: string; description?: string; unit?: ParameterUnit };

export type RuleFile = {
  decision: DecisionName;
  description?: string;
  parameters?: Record<string, Parameter>;
  rules: RuleDoc[];
};

export type Interpretation = {
  name: string;
  default: string;
  defaultDescription: string;
  defaultAliases?: string[];
  alternatives: { value: string; description: string; aliases?: string[] }[];
  description: string;
  clauses: string[];
};

export type RuleVersionStatus = 'draft' | 'in-review' | 'approved' | 'superseded';

export type RuleVersion = {
  effective: string;
  status: RuleVersionStatus;
  author?: string;
  approvedBy?: string;
  note?: string;
  decisions: Record<DecisionName, RuleFile>;
  interpretations: Interpretation[];
};

export const isLeaf = (c: Condition): c is Leaf => 'fact' in c;
export const isFactRef = (v: unknown): v is FactRef =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as FactRef).fact === 'string';

/** The leaves of a condition tree, depth first in the order written (json-rules-engine's reading order). */
export const conditionLeaves = (c: Condition, out: Leaf[] = []): Leaf[] => {
  if (isLeaf(c)) out.push(c);
  else if ('all' in c) for (const x of c.all) conditionLeaves(x, out);
  else if ('any' in c) for (const x of c.any) conditionLeaves(x, out);
  else conditionLeaves(c.not, out);
  return out;
};
