import { describe, expect, it } from 'vitest';
import { runSize } from '../../src/camera-sim/run-size.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import { runWork } from '../../src/studio/scenarios/scenario-runs.js';
import { projectRegistry, smallScenario } from '../camera-sim/support.js';

describe("the studio's run progress: each run weighted by its contract-months", () => {
  it('a moved fleet size counts at its own size, so the bar is not near the end while the largest run is still to go', () => {
    const s = smallScenario(120, 12);
    s.sensitivity = { assumptions: [{ pointer: '/cancellation/monthlyHazard' }, { pointer: '/fleet/size', down: 10, up: 10_000 }] };
    const rs = resolveScenario(s, 'moved.json', projectRegistry());
    const w = runWork(rs.scenario, 2);
    // The whole run is the CLI's count of it.
    expect(w.work).toBe(runSize(rs, { replications: 2, replicationsFrom: 'scenario', sensitivity: true, ledger: false, verify: false }).contractMonths);
    expect(w.work).toBe(120 * 12 * 4 + 10 * 12 + 10_000 * 12);
    expect(w.afterReplications(0)).toBe(0);
    expect(w.afterReplications(1)).toBe(1_440);
    expect(w.afterReplications(2)).toBe(2_880);
    expect(w.afterAssumptions(0)).toBe(2_880);
    // The hazard's two runs at the scenario's size; the fleet size's down-run at 10 × 12 and up-run at 10,000 × 12.
    expect(w.afterAssumptions(1)).toBe(2_880 + 2 * 1_440);
    expect(w.afterAssumptions(2)).toBe(w.work);
    // Counting runs alike, 4 of 6 runs done would show 66 %; by the work, it is under 5 %.
    expect(w.afterAssumptions(1) / w.work).toBeLessThan(0.05);
  });

  it('without a sensitivity section, or with one that moves no size, every run weighs the same', () => {
    const plain = resolveScenario(smallScenario(120, 12), 'plain.json', projectRegistry());
    expect(runWork(plain.scenario, 3)).toMatchObject({ work: 3 * 1_440 });
    const s = smallScenario(120, 12);
    s.sensitivity = { assumptions: [{ pointer: '/cancellation/monthlyHazard' }] };
    const w = runWork(resolveScenario(s, 'hazard.json', projectRegistry()).scenario, 1);
    expect([w.afterReplications(1), w.afterAssumptions(1), w.work]).toEqual([1_440, 3 * 1_440, 3 * 1_440]);
  });
});
