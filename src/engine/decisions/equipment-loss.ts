import { bool, factsObject, typedAt, yen, type DecisionDef } from '../decision-kit.js';

/**
 * 第46条（カメラ装置等の滅失・毀損）: a camera or SIM lost (滅失, beyond repair and infringed
 * ownership included) or damaged (毀損). The contractor at fault pays a new replacement (loss) or
 * the repair (damage) as damages (第1項); otherwise the company bears it (第2項) and may cancel the
 * contract when the remedy needs excessive cost or time (第3項, a right: discretionary). No tax:
 * damages are no 別紙3 fee, so `tax` is 0 and `total` the amount on either outcome.
 */
type Facts = { event: 'loss' | 'damage'; contractorAtFault: boolean; replacementCost?: number; repairCost?: number; remedyExcessive?: boolean };

export const equipmentLoss: DecisionDef<Facts, Facts> = {
  name: 'equipmentLoss',
  factsSchema: factsObject({ event: { enum: ['loss', 'damage'] }, contractorAtFault: bool, replacementCost: yen, repairCost: yen, remedyExcessive: bool }, [
    'event',
    'contractorAtFault',
  ]),
  checksFacts: true,
  prepare: (facts, ctx) => {
    // Which cost is required follows the event: checked only when the event is itself well-typed.
    const eventTyped = typedAt(ctx, '/facts/event');
    // The cost the event needs: a replacement for a loss, a repair for damage (第46条第1項).
    if (eventTyped && facts.event === 'loss' && facts.replacementCost === undefined)
      ctx.errors.push({
        path: '/facts/replacementCost',
        message: 'missing required fact "replacementCost": a loss (滅失) is paid at the price of a new replacement, procurement fees included (第46条第1項)',
        code: 'FACT_REQUIRED',
      });
    if (eventTyped && facts.event === 'damage' && facts.repairCost === undefined)
      ctx.errors.push({ path: '/facts/repairCost', message: 'missing required fact "repairCost": damage (毀損) is paid at the repair cost (第46条第1項)', code: 'FACT_REQUIRED' });
    if (ctx.errors.length || ctx.wellTyped) return undefined;
    return { facts: { event: facts.event, contractorAtFault: facts.contractorAtFault, remedyExcessive: facts.remedyExcessive ?? false }, state: facts };
  },
  finish: (fired, s) => {
    const pays = fired.find((f) => f.type === 'contractor-pays');
    if (pays) {
      const amount = s.event === 'loss' ? s.replacementCost! : s.repairCost!;
      return { outcome: 'contractor-pays', clauses: ['第46条第1項'], fields: { amount, tax: 0, total: amount, terminationAllowed: false } };
    }
    const terminationAllowed = fired.some((f) => f.type === 'termination-allowed');
    return {
      outcome: 'company-bears',
      clauses: terminationAllowed ? ['第46条第2項', '第46条第3項'] : ['第46条第2項'],
      fields: { amount: 0, tax: 0, total: 0, terminationAllowed },
    };
  },
};
