import { describe, expect, it } from 'vitest';
import { frozenWidths } from '../../src/studio/renderer/tariffs/tariff-grid.js';

/**
 * The frozen code and name of a table fitted to the grid's width (tariff-grid.tsx). In a 1280 px
 * window the grid of 表1 コース is 586 px wide: the row numbers (48), a scrollbar (16), the monthly
 * fee (14 × 8 = 112) and the series (「M5525 シリーズ」 about 97 + 24 = 121) leave 289 px for the code and the name.
 */
describe('frozen columns fitted to the grid', () => {
  it('a wide grid, or one not measured yet, keeps their start widths (the code 160 px, the name at most 220 px)', () => {
    for (const width of [1200, 0]) {
      const w = frozenWidths('courses', 'ja', width);
      expect([w.get('code'), w.get('name')]).toEqual([160, 220]);
    }
  });

  it('a 586 px grid narrows the widest first: the code and the name share the 289 px the monthly fee and the series leave', () => {
    const w = frozenWidths('courses', 'ja', 586);
    expect([w.get('code'), w.get('name')]).toEqual([144, 144]);
  });

  it('a grid a little narrower than the start widths narrows only the name', () => {
    // 48 + 16 + 233 + 160 + 200 = 657: the name gives up 20 px, the code keeps its 160.
    const w = frozenWidths('courses', 'ja', 657);
    expect([w.get('code'), w.get('name')]).toEqual([160, 200]);
  });

  it('never below 110 px, however narrow the grid', () => {
    const w = frozenWidths('courses', 'en', 300);
    expect([w.get('code'), w.get('name')]).toEqual([110, 110]);
  });
});
