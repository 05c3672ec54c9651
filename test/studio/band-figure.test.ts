import { describe, expect, it } from 'vitest';
import { bandFigure } from '../../src/studio/renderer/scenarios/format.js';

/** A band's percentile on the Scenarios page is the figure the exported workbook's Bands sheet shows. */
describe('bandFigure', () => {
  it('rounds yen half away from zero, as Excel and LibreOffice show #,##0', () => {
    expect(bandFigure(-4_452_168.5, 0)).toBe(-4_452_169);
    expect(bandFigure(4_452_168.5, 0)).toBe(4_452_169);
    expect(bandFigure(-4_147_521.2, 0)).toBe(-4_147_521);
    expect(bandFigure(-0.4, 0)).toBe(0);
  });

  it('keeps a count to a tenth (#,##0.0), rounded on its decimal digits', () => {
    expect(bandFigure(184.7, 1)).toBe(184.7);
    expect(bandFigure(-23.95, 1)).toBe(-24);
    expect(bandFigure(200.85, 1)).toBe(200.9);
    expect(bandFigure(-24.8, 1)).toBe(-24.8);
  });
});
