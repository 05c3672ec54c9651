import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import { locate, runSensitivity, sensitivitySheet } from '../../src/camera-sim/sensitivity.js';
import { projectRegistry, smallScenario } from './support.js';

const registry = projectRegistry();

describe('sensitivity (tornado)', () => {
  it('locates numbers by pointer, * for every item', () => {
    const s = smallScenario(10, 6);
    expect(locate(s, '/fleet/optionUptake/*/probability')).toHaveLength(s.fleet.optionUptake!.length);
    expect(locate(s, '/cancellation/monthlyHazard')).toHaveLength(1);
    expect(locate(s, '/response/choice/elasticity')).toHaveLength(0);
  });

  it('is sorted by swing and signed: a price rise loses more with a higher cancellation elasticity; a price cut loses less with a higher hazard', async () => {
    const s = smallScenario(400, 24);
    s.proposal = { edits: [{ edit: 'course-fee', match: { series: 'M2035' }, change: 800 }] };
    s.response = { cancellation: { elasticity: 3 } };
    s.sensitivity = {
      relative: 0.5,
      assumptions: [{ pointer: '/response/cancellation/elasticity' }, { pointer: '/outages/monthlyRate' }, { pointer: '/payments/lateProbability', down: 0, up: 0.5 }],
    };
    const t = await runSensitivity(resolveScenario(s, 's.json', registry), { workers: 0 });
    expect(t.rows).toHaveLength(3);
    for (let i = 1; i < t.rows.length; i += 1) expect(t.rows[i - 1]!.swing).toBeGreaterThanOrEqual(t.rows[i]!.swing);
    const e = t.rows.find((r) => r.pointer === '/response/cancellation/elasticity')!;
    expect(e.down).toEqual([1.5]);
    expect(e.up).toEqual([4.5]);
    expect(e.effectUp).toBeLessThan(0);
    expect(e.effectDown).toBeGreaterThan(0);
    expect(e.differenceUp - t.baseDifference).toBe(e.effectUp);
    const late = t.rows.find((r) => r.pointer === '/payments/lateProbability')!;
    expect(late.down).toEqual([0]);
    const sheet = sensitivitySheet(t);
    expect(sheet.rows).toHaveLength(4);

    const cut = smallScenario(400, 24);
    cut.sensitivity = { assumptions: [{ pointer: '/cancellation/monthlyHazard', down: 0.005, up: 0.05 }] };
    const c = await runSensitivity(resolveScenario(cut, 'c.json', registry), { workers: 0 });
    expect(c.baseDifference).toBeLessThan(0);
    expect(c.rows[0]!.effectUp).toBeGreaterThan(0);
    expect(c.rows[0]!.effectDown).toBeLessThan(0);
  });
});
