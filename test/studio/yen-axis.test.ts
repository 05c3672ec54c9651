import { describe, expect, it } from 'vitest';
import { compactYen } from '../../src/studio/renderer/scenarios/format.js';
import { roundStep, yenAxis } from '../../src/studio/renderer/scenarios/yen-axis.js';

/** The steps a reader counts in: 1, 2, 2.5, 5 × 10^n. */
const isRound = (step: number): boolean => {
  const m = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(12));
  return [1, 2, 2.5, 5].includes(m);
};
const steps = (ticks: number[]) => ticks.slice(1).map((t, i) => Number((t - ticks[i]!).toPrecision(12)));

describe('money chart axes', () => {
  it('revenue between 5.6 and 7.1 million yen: 50万円 apart, not 105万円 (525万/630万/735万)', () => {
    const a = yenAxis([5_612_340, 6_012_000, 7_080_120]);
    expect(a.ticks).toEqual([5_500_000, 6_000_000, 6_500_000, 7_000_000, 7_500_000]);
    expect(a.domain).toEqual([5_500_000, 7_500_000]);
    expect(a.ticks.map((t) => compactYen(t, 'ja'))).toEqual(['550万円', '600万円', '650万円', '700万円', '750万円']);
  });

  it('a difference bar chart of up to +33万円 starts at 0 and steps 10万円 (not 11万)', () => {
    const a = yenAxis([120_000, 331_000, 45_000], { zero: true });
    expect(a.ticks).toEqual([0, 100_000, 200_000, 300_000, 400_000]);
    expect(a.ticks.map((t) => compactYen(t, 'ja'))).toEqual(['0円', '10万円', '20万円', '30万円', '40万円']);
  });

  it('both signs, and a step of 2.5 × 10^n reads exactly in 万円 and ¥k (no 1.3万円 for 12,500円)', () => {
    const a = yenAxis([-9_000, 7_400], { zero: true });
    expect(steps(a.ticks).every((s) => s === 5_000)).toBe(true);
    expect(a.ticks).toContain(0);
    const b = yenAxis([0, 9_800]);
    expect(b.ticks).toEqual([0, 2_500, 5_000, 7_500, 10_000]);
    expect(compactYen(12_500, 'ja')).toBe('1.25万円');
    expect(compactYen(2_500, 'en')).toBe('¥2.5k');
    expect(compactYen(125_000_000, 'ja')).toBe('1.25億円');
  });

  it('every step is round over many spans, and the domain holds every value', () => {
    for (const [lo, hi] of [
      [0, 1],
      [-3, 17],
      [1_234, 98_765],
      [-4_452_169, 2_627_680],
      [52_500_000, 73_500_000],
    ] as const) {
      const a = yenAxis([lo, hi]);
      for (const s of steps(a.ticks)) expect(isRound(s), `${lo}..${hi}: step ${s}`).toBe(true);
      expect(a.domain[0]).toBeLessThanOrEqual(lo);
      expect(a.domain[1]).toBeGreaterThanOrEqual(hi);
      expect(a.ticks.length).toBeLessThanOrEqual(6);
    }
    expect(roundStep(1_050_000 * 4, 4)).toBe(2_000_000);
  });

  it('no figures, or all alike, still gives an axis', () => {
    expect(yenAxis([]).ticks.length).toBeGreaterThan(1);
    expect(yenAxis([0, 0], { zero: true }).ticks).toEqual([0, 1]);
    const same = yenAxis([5_000_000, 5_000_000]);
    expect(same.domain[0]).toBeLessThan(5_000_000);
    expect(same.domain[1]).toBeGreaterThan(5_000_000);
  });
});
