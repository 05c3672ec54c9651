import { describe, expect, it } from 'vitest';
import { feeChangedByPercent, percentText } from '../../src/camera-sim/version-edits.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import { assumptionsOf, DEFAULT_ASSUMPTIONS } from '../../src/camera-sim/sensitivity.js';
import { DataLoadError } from '../../src/engine/errors.js';
import { projectRegistry, smallScenario } from './support.js';

const registry = projectRegistry();

describe('a course fee changed by percent', () => {
  it('is the fee times (100 + percent) / 100 in decimal, floored to the yen (第29条)', () => {
    expect(feeChangedByPercent(3680, 10)).toBe(4048);
    expect(feeChangedByPercent(3680, 7)).toBe(3937); // 3937.6
    expect(feeChangedByPercent(3333, 12.5)).toBe(3749); // 3749.625
    expect(feeChangedByPercent(3680, -10)).toBe(3312);
    expect(feeChangedByPercent(2980, -3.3)).toBe(2881); // 2881.66
    // 0.1 + 0.2 in binary is 0.30000000000000004; written in decimal it is 0.3: 1000 × 100.3 % = 1003 exactly.
    expect(feeChangedByPercent(1000, 0.3)).toBe(1003);
    expect(feeChangedByPercent(1000, -100)).toBe(0);
    expect([percentText(10), percentText(-12.5), percentText(0)]).toEqual(['+10 %', '-12.5 %', '0 %']);
  });

  it('applies to every matched course in a scenario file, and is refused with yen or out of range', () => {
    const s = smallScenario(10, 6);
    s.proposal = { edits: [{ edit: 'course-fee', match: { series: 'M2035' }, changePercent: 10 }] };
    const rs = resolveScenario(s, 'pct.json', registry);
    const before = rs.sides[0].tariff.courses.filter((c) => c.series === 'M2035');
    const after = rs.sides[1].tariff.courses.filter((c) => c.series === 'M2035');
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((c) => c.monthlyFee)).toEqual(before.map((c) => Math.floor((c.monthlyFee * 110) / 100)));
    const errors = (edit: Record<string, unknown>): string[] => {
      const bad = smallScenario(10, 6);
      bad.proposal = { edits: [edit as never] };
      try {
        resolveScenario(bad, 'bad.json', registry);
        return [];
      } catch (e) {
        return (e as DataLoadError).errors.map((x) => `${x.pointer}: ${x.message}`);
      }
    };
    expect(errors({ edit: 'course-fee', match: { series: 'M2035' }, changePercent: 10, set: 3000 })).toEqual([expect.stringContaining('/proposal/edits/0: give exactly one of')]);
    expect(errors({ edit: 'course-fee', match: { series: 'M2035' }, changePercent: 1001 })).toEqual(['/proposal/edits/0/changePercent: must be <= 1000']);
  });
});

describe('sensitivity with defaults: true', () => {
  it('moves every default assumption the scenario holds, then the listed ones (a listed pointer replaces its default)', () => {
    const s = smallScenario(10, 6);
    const held = assumptionsOf(s).map((a) => a.pointer);
    expect(held.every((p) => DEFAULT_ASSUMPTIONS.includes(p))).toBe(true);
    s.sensitivity = {
      defaults: true,
      assumptions: [
        { pointer: '/fleet/size', down: 8, up: 12 },
        { pointer: '/cancellation/monthlyHazard', down: 0.001, up: 0.05 },
      ],
    };
    const moved = assumptionsOf(s);
    expect(moved.map((a) => a.pointer)).toEqual([...held.filter((p) => p !== '/cancellation/monthlyHazard'), '/fleet/size', '/cancellation/monthlyHazard']);
    expect(moved.at(-1)).toEqual({ pointer: '/cancellation/monthlyHazard', down: 0.001, up: 0.05 });
    // Without it, the listed ones only, as before.
    s.sensitivity = { assumptions: [{ pointer: '/fleet/size', down: 8, up: 12 }] };
    expect(assumptionsOf(s).map((a) => a.pointer)).toEqual(['/fleet/size']);
    expect(
      resolveScenario({ ...s, sensitivity: { defaults: true, assumptions: [{ pointer: '/fleet/size', down: 8, up: 12 }] } }, 'ok.json', registry).scenario.sensitivity?.defaults,
    ).toBe(true);
  });
});
