import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleFile, evaluateJre } from '../../src/engine/evaluators.js';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { factDomain } from './rule-fact-domain.js';
import { projectRegistry } from './support.js';

/**
 * The compiled rules (the fleet path's evaluator) against json-rules-engine, the reference: on
 * 100,000 random fact sets per decision (100 runs of 1,000), the same rules fire in the same order.
 * Facts are drawn from each rule file's own constants, their neighbours and values of every other
 * type, so the operators' edge cases (number-like strings, NaN, null, undefined facts) are met.
 */
const BATCH = 1_000;
const RUNS = 100;

const rules = projectRegistry().ruleVersions[0]!;

const arbitraryFacts = (name: (typeof DECISIONS)[number]) => {
  const d = factDomain(rules.decisions[name]);
  const value = (f: string) => fc.oneof(fc.constantFrom(...d.candidates[f]!), fc.integer({ min: -5, max: 75 }), fc.double({ noNaN: false }));
  return fc.record(Object.fromEntries(d.facts.map((f) => [f, value(f)])), { requiredKeys: [] });
};

export function differentialSuite(names: readonly (typeof DECISIONS)[number][]): void {
  describe('compiled rules = json-rules-engine on 100,000 random fact sets per decision', () => {
    for (const name of names) {
      it(`${name}`, async () => {
        const file = rules.decisions[name];
        const compiled = compileRuleFile(file);
        let checked = 0;
        await fc.assert(
          fc.asyncProperty(fc.array(arbitraryFacts(name), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
            for (const facts of batch) {
              const fast = compiled(facts).map((i) => file.rules[i]!.id);
              const reference = (await evaluateJre(file, facts)).map((f) => f.ruleId);
              expect(fast, JSON.stringify(facts)).toEqual(reference);
              checked += 1;
            }
          }),
          { numRuns: RUNS, seed: 20250401 },
        );
        expect(checked).toBe(BATCH * RUNS);
      }, 120_000);
    }
  });
}
