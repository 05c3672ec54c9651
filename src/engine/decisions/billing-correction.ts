import { bool, factsObject, firedClauses, yen, type DecisionDef } from '../decision-kit.js';

/**
 * 第28条第4項 with 別紙5: when the company billed less than the terms make due, the contractor owes
 * the difference, except where 別紙5 says otherwise (`collectionCostExcessive`: billing it would
 * cost more than it brings, the spec's reading of 別紙5, whose list the terms print empty).
 */
type Facts = { billedAmount: number; dueAmount: number; collectionCostExcessive?: boolean };

export const billingCorrection: DecisionDef<Facts, Facts> = {
  name: 'billingCorrection',
  factsSchema: factsObject({ billedAmount: yen, dueAmount: yen, collectionCostExcessive: bool }, ['billedAmount', 'dueAmount']),
  prepare: (facts) => ({
    facts: { underBilledBy: facts.dueAmount - facts.billedAmount, collectionCostExcessive: facts.collectionCostExcessive ?? false },
    state: facts,
  }),
  finish: (fired, s) => {
    const difference = s.dueAmount - s.billedAmount;
    if (fired.some((f) => f.type === 'collect')) return { outcome: 'collect', clauses: firedClauses(fired), fields: { difference } };
    if (fired.some((f) => f.type === 'waived')) return { outcome: 'waived', clauses: firedClauses(fired), fields: { difference } };
    return { outcome: 'none', clauses: ['第28条第4項'], fields: { difference: 0 } };
  },
};
