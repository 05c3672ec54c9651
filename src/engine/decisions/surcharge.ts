import { factsObject, firedClauses, param, paramFacts, yen, type DecisionDef } from '../decision-kit.js';
import { floorProduct, taxOn } from '../money.js';

/** 第26条: twice the unlawfully evaded amount (ex-tax), plus consumption tax; `none` when nothing was evaded (0). */
type Facts = { evadedAmount: number };

export const surcharge: DecisionDef<Facts, Facts> = {
  name: 'surcharge',
  factsSchema: factsObject({ evadedAmount: yen }, ['evadedAmount']),
  prepare: (facts, ctx) => ({ facts: { evadedAmount: facts.evadedAmount, ...paramFacts(ctx) }, state: facts }),
  finish: (fired, s, ctx) => {
    const charged = fired.some((f) => f.type === 'charge-surcharge');
    const amount = charged ? floorProduct(s.evadedAmount, param(ctx, 'multiplier')) : 0;
    const tax = taxOn(amount, param(ctx, 'taxRatePercent'));
    return { outcome: charged ? 'charge' : 'none', clauses: fired.length ? firedClauses(fired) : ['第26条'], fields: { amount, tax, total: amount + tax } };
  },
};
