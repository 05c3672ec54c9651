import { OPERATOR_TABLE } from '../operators.js';
import { isFactRef, isLeaf, type Condition, type RuleDoc } from '../rule-types.js';
import type { Facts } from './fired.js';

/** Evaluates a condition left to right with short-circuit, recording each fact it reads. */
const evalCondition = (c: Condition, facts: Facts, read: Record<string, unknown>): boolean => {
  if (isLeaf(c)) {
    read[c.fact] = facts[c.fact] ?? null;
    let b = c.value;
    if (isFactRef(c.value)) {
      b = facts[c.value.fact];
      read[c.value.fact] = b ?? null;
    }
    return OPERATOR_TABLE[c.operator].test(facts[c.fact], b);
  }
  if ('all' in c) return c.all.every((x) => evalCondition(x, facts, read));
  if ('any' in c) return c.any.some((x) => evalCondition(x, facts, read));
  return !evalCondition(c.not, facts, read);
};

/**
 * The facts a rule's conditions read, with their values, in reading order and with
 * short-circuit (a branch not needed to decide is not read): the trace shows them, and an
 * interpretation appears in an answer only when a rule actually read it.
 */
export function factsRead(rule: RuleDoc, facts: Facts): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  evalCondition(rule.conditions as Condition, facts, read);
  return read;
}
