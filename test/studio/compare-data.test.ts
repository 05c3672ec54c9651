import { describe, expect, it } from 'vitest';
import type { RunView } from '../../src/studio/api/contract.js';
import { COMPARE_COLORS, COMPARE_LETTERS, compareMonths, MAX_COMPARED } from '../../src/studio/renderer/scenarios/compare-data.js';

/** A run's view with the months' differences given, and with replications the bands of those differences. */
const view = (months: [string, number][], bands?: [number, number][]): RunView =>
  ({
    byMonth: months.map(([month, difference]) => ({ month, baseline: 1000, proposal: 1000 + difference, difference })),
    ...(bands
      ? {
          bands: {
            replications: 5,
            summary: [],
            byMonth: months.map(([month], i) => {
              const r = (p5: number, p95: number) => ({ p5, p50: (p5 + p95) / 2, p95, mean: (p5 + p95) / 2 });
              return { month, baseline: r(0, 0), proposal: r(0, 0), difference: r(bands[i]![0], bands[i]![1]) };
            }),
          },
        }
      : {}),
  }) as unknown as RunView;

describe('the comparison chart’s figures', () => {
  it('has each scenario’s monthly difference and, for a run with replications, the p5–p95 of its paired differences; the axis spans the bands', () => {
    const a = view(
      [
        ['2025-04', -100],
        ['2025-05', -120],
      ],
      [
        [-150, -60],
        [-170, -90],
      ],
    );
    const b = view([
      ['2025-05', 40],
      ['2025-06', 55],
    ]);
    const c = view([['2025-04', 10]], [[-5, 30]]);
    const { rows, figures, banded } = compareMonths([
      { name: 'a', view: a },
      { name: 'b', view: b },
      { name: 'c', view: c },
    ]);
    expect(banded).toEqual([true, false, true]);
    expect(rows).toEqual([
      { month: '2025-04', d0: -100, band0: [-150, -60], d1: null, band1: null, d2: 10, band2: [-5, 30] },
      { month: '2025-05', d0: -120, band0: [-170, -90], d1: 40, band1: null, d2: null, band2: null },
      { month: '2025-06', d0: null, band0: null, d1: 55, band1: null, d2: null, band2: null },
    ]);
    expect(Math.min(...figures)).toBe(-170);
    expect(Math.max(...figures)).toBe(55);
  });

  it('names and colours up to four scenarios, each band its line’s hue made pale', () => {
    expect(MAX_COMPARED).toBe(4);
    expect(COMPARE_LETTERS).toHaveLength(MAX_COMPARED);
    expect(COMPARE_COLORS).toHaveLength(MAX_COMPARED);
    expect(new Set(COMPARE_COLORS.map((c) => c.line)).size).toBe(MAX_COMPARED);
    for (const c of COMPARE_COLORS) {
      const hex = [1, 3, 5].map((i) => parseInt(c.line.slice(i, i + 2), 16));
      expect(c.band).toMatch(new RegExp(`^rgba\\(${hex.join(', ')}, 0\\.\\d+\\)$`, 'u'));
    }
  });
});
