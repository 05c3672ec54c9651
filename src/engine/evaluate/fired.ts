import type { FiredEvent } from '../output-types.js';
import type { RuleDoc } from '../rule-types.js';

/** Facts as the rules read them: fact name → value. */
export type Facts = Record<string, unknown>;

/** Rule indexes ordered by priority (highest first), then by their order in the file. */
export const ordered = (rules: readonly RuleDoc[]): number[] =>
  rules
    .map((r, i) => ({ i, p: r.priority ?? 1 }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .map((x) => x.i);

export const toFired = (r: RuleDoc): FiredEvent => ({
  ruleId: r.id,
  clause: r.clause,
  alsoCites: r.alsoCites ?? [],
  type: r.event.type,
  params: r.event.params ?? {},
  discretionary: r.discretionary === true,
});
