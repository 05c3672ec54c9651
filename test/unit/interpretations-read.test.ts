import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decideFast } from '../../src/engine/decide.js';
import { ENGINE_INTERPRETATION_READS, interpretationsRead } from '../../src/engine/rule-references.js';
import { DECISIONS, type DecisionName } from '../../src/engine/rule-types.js';
import { caseVariants } from './case-variants.js';
import { registry, TODAY } from './helpers.js';

/**
 * The named interpretations a decision reads (the Rules page lists only those of the decision
 * picked): its code's and its rules'. Every answer of every case of test/cases, under every
 * interpretation alternative, relies only on interpretations its decision reads; and each one
 * listed for a decision's code is relied on by some answer of that decision.
 */
const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const version = registry.ruleVersions[0]!;

describe('interpretationsRead: the interpretations a decision reads', () => {
  it('adds the interpretations its rules compare to those its code reads', () => {
    expect(interpretationsRead(version.decisions.lateInterest, 'lateInterest')).toEqual(['businessDays', 'graceEndOnHoliday', 'interestDayBasis']);
    expect(interpretationsRead(version.decisions.outageWaiver, 'outageWaiver')).toEqual(['dailyRate', 'grossNegligenceUnit', 'partialOutage']);
    // courseChange's code reads none; its rule plus-short-to-plus-long compares plusCourseChange.
    expect(interpretationsRead(version.decisions.courseChange, 'courseChange')).toEqual(['plusCourseChange']);
    expect(interpretationsRead(version.decisions.approval, 'approval')).toEqual([]);
    // A rule added to a draft that compares another interpretation makes the decision read it.
    const file = version.decisions.approval;
    const withInterp = {
      ...file,
      rules: [...file.rules, { ...file.rules[0]!, conditions: { all: [{ fact: 'interpretation.dailyRate', operator: 'equal', value: 'own-month' }] } }],
    };
    expect(interpretationsRead(withInterp as typeof file, 'approval')).toEqual(['dailyRate']);
  });

  it('every answer of the shipped cases, under every alternative, relies only on interpretations its decision reads; each code read is relied on', async () => {
    const known = new Set(version.interpretations.map((i) => i.name));
    for (const d of DECISIONS) for (const n of ENGINE_INTERPRETATION_READS[d]) expect(known, `${d}: ${n}`).toContain(n);
    const reliedOn = new Map<DecisionName, Set<string>>(DECISIONS.map((d) => [d, new Set<string>()]));
    const outside: string[] = [];
    for (const v of caseVariants(registry, ROOT, TODAY)) {
      const out = decideFast(registry, v, { today: TODAY });
      if (out.outcome === 'invalid') continue;
      const d = out.decision as DecisionName;
      const read = new Set(interpretationsRead(registry.rulesInForce(out.asOf)?.decisions[d], d));
      for (const name of Object.keys(out.interpretations)) {
        reliedOn.get(d)!.add(name);
        if (!read.has(name) && outside.length < 5) outside.push(`${v.name ?? d}: ${name}`);
      }
    }
    expect(outside).toEqual([]);
    for (const d of DECISIONS) for (const n of ENGINE_INTERPRETATION_READS[d]) expect(reliedOn.get(d), `${d} lists ${n}, which no answer relied on`).toContain(n);
  }, 120_000);
});
