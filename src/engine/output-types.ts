import type { FieldError } from './errors.js';
import type { DecisionName } from './rule-types.js';

/** A case as case-files.md defines it. */
export type CaseInput = {
  name?: string;
  asOf?: string;
  decision?: string;
  facts?: Record<string, unknown>;
  interpretations?: Record<string, string>;
  expect?: Record<string, unknown>;
};

/** One rule that fired, with the facts its conditions read. */
export type TraceEntry = {
  rule: string;
  clause: string;
  event: string;
  facts: Record<string, unknown>;
};

export type Output = {
  decision: DecisionName | string;
  asOf: string;
  outcome: string;
  clauses: string[];
  trace: TraceEntry[];
  interpretations: Record<string, string>;
  versions?: { rules: string; tariffs: string };
  errors?: FieldError[];
  [field: string]: unknown;
};

/** What a rule's event carries into a decision's finish step. */
export type FiredEvent = {
  ruleId: string;
  clause: string;
  alsoCites: string[];
  type: string;
  params: Record<string, unknown>;
  /** The rule's clause gives the company a right (RuleDoc.discretionary). */
  discretionary: boolean;
};
