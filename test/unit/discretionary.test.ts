import { describe, expect, it } from 'vitest';
import { decide, decideFast } from '../../src/engine/decide.js';
import { FleetPath } from '../../src/engine/fleet-path.js';
import { ruleSentence } from '../../src/engine/review/rule-sentences.js';
import { registry, TODAY } from './helpers.js';

/** Clauses that give the company a right (〜ことがあります, 〜できます) read as rights, in answers and sentences. */
const version = registry.ruleVersions[0]!;
const refusal = { inServiceArea: true, technicallyFeasible: true, paymentDelinquent: false, falseDeclaration: true, businessHindrance: false, antisocialForces: false };

describe('discretionary outcomes', () => {
  it('marks 第9条第2項, 第19条第1項 and every termination ground, nothing else', () => {
    const marked = Object.values(version.decisions).flatMap((f) => f.rules.filter((r) => r.discretionary).map((r) => r.clause));
    expect(marked.every((c) => /^(第9条第2項|第19条第1項|第23条|第43条第2項|第9条第3項|第46条第3項)/.test(c))).toBe(true);
    expect(version.decisions.approval.rules.find((r) => r.clause === '第5条')!.discretionary).toBeUndefined();
  });

  it('answers discretionary: true on both paths when such a rule gives the outcome, false otherwise', async () => {
    const c = { asOf: '2025-06-01', decision: 'approval', facts: refusal };
    expect((await decide(registry, c, { today: TODAY })).discretionary).toBe(true);
    expect(decideFast(registry, c, { today: TODAY }).discretionary).toBe(true);
    const approve = { ...c, facts: { ...refusal, falseDeclaration: false } };
    expect((await decide(registry, approve, { today: TODAY })).discretionary).toBe(false);
    expect(decideFast(registry, approve, { today: TODAY }).discretionary).toBe(false);
  });

  it('carries it for the second-round decisions on the reference, compiled and fleet paths: 第46条第3項 (解除することができます)', async () => {
    const fleet = new FleetPath(version, registry.tariffVersions[0]!, {});
    const facts = { event: 'damage', contractorAtFault: false, replacementCost: 50_000, repairCost: 20_000, remedyExcessive: true };
    for (const [remedyExcessive, expected] of [
      [true, true],
      [false, false],
    ] as const) {
      const c = { asOf: '2025-06-01', decision: 'equipmentLoss', facts: { ...facts, remedyExcessive } };
      expect((await decide(registry, c, { today: TODAY })).discretionary).toBe(expected);
      expect(decideFast(registry, c, { today: TODAY }).discretionary).toBe(expected);
      expect(fleet.decide('equipmentLoss', c.facts).fields.discretionary).toBe(expected);
    }
    const rule = version.decisions.equipmentLoss.rules.find((r) => r.clause === '第46条第3項')!;
    expect(ruleSentence(rule, 'equipmentLoss', 'en')).toContain('Then: the company may');
    // No clause of damages, cancellation, paymentAllocation or billingCorrection gives the company a right.
    for (const d of ['damages', 'cancellation', 'paymentAllocation', 'billingCorrection'] as const) expect(version.decisions[d].rules.some((r) => r.discretionary)).toBe(false);
  });

  it('says "may refuse", not "refuses", in English and ことがある in Japanese', () => {
    const area = version.decisions.approval.rules.find((r) => r.id === 'approval/outside-service-area')!;
    const rule = version.decisions.approval.rules.find((r) => r.id === 'approval/false-declaration')!;
    expect(ruleSentence(rule, 'approval', 'en')).toContain('Then: the company may refuse');
    expect(ruleSentence(rule, 'approval', 'ja')).toContain('結果: 当社は、申込を承諾しないことがある〔refuse〕');
    expect(ruleSentence(rule, 'approval', 'ja')).toContain('（権利であり義務ではない）');
    expect(ruleSentence(area, 'approval', 'ja')).toContain('結果: 申込を承諾しない〔refuse〕（理由=「第5条」）（第5条）');
    expect(ruleSentence(area, 'approval', 'en')).toContain('Then: refuse');
    expect(ruleSentence(area, 'approval', 'en')).not.toContain('may');
  });
});
