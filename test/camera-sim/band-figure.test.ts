import { describe, expect, it } from 'vitest';
import { bandCountText, bandFigure } from '../../src/camera-sim/band-figure.js';
import type { Bands } from '../../src/camera-sim/replications.js';
import type { SimulationResult } from '../../src/camera-sim/result.js';
import { summaryText } from '../../src/camera-sim/summary-text.js';
import type { Views } from '../../src/camera-sim/views.js';
import { bandCount, bandFigure as rendererBandFigure } from '../../src/studio/renderer/scenarios/format.js';

const band = (p5: number, p50: number, p95: number, mean: number) => ({ p5, p50, p95, mean });
const side = (label: string) => ({ label, versions: { rules: 'r', rulesStatus: 'approved', tariffs: 't', tariffsStatus: 'approved' }, edits: [] });
const result = {
  scenario: { name: 's', seed: 1, fleetSize: 10, horizon: { start: '2027-01-01', months: 12 } },
  baseline: side('baseline'),
  proposal: side('proposal'),
} as unknown as SimulationResult;
const views = { summary: [] } as unknown as Views;
const bands = {
  replications: 20,
  seeds: [],
  summary: [
    {
      key: 'netExTax',
      label: '税抜収入 Net revenue ex tax',
      kind: 'yen',
      baseline: band(1, 1, 1, 1),
      proposal: band(1, 1, 1, 1),
      difference: band(-4_452_168.5, -4_147_521.2, 2_627_680, 0.4),
    },
    {
      key: 'cancellations',
      label: '解約申出（第22条） Cancellation requests',
      kind: 'count',
      baseline: band(169, 171.7, 210.05, 185.35),
      proposal: band(1_234.5, 1_300, 1_400, 1_300.25),
      difference: band(-23.95, 0, 24.8, -0.04),
    },
  ],
  byMonth: [],
  values: { summary: {}, byMonth: {} },
} as unknown as Bands;

/** The CLI's one-screen summary shows a band as the workbook's Bands sheet and the studio do. */
describe('band figures', () => {
  const text = summaryText(result, views, { seconds: 1, workers: 1, files: ['out.xlsx'], bands });
  const line = (start: string) => text.split('\n').find((l) => l.startsWith(start))!;

  it('the CLI prints a count band to a tenth (169.0 … 171.7 … 210.1), not rounded to whole counts (169 … 172 … 210)', () => {
    expect(line('解約申出（第22条） Cancellation requests baseline')).toMatch(/ 169\.0 … 171\.7 … 210\.1 \(185\.4\)$/u);
    expect(line('解約申出（第22条） Cancellation requests proposal')).toMatch(/ 1,234\.5 … 1,300\.0 … 1,400\.0 \(1,300\.3\)$/u);
    expect(line('解約申出（第22条） Cancellation requests difference')).toMatch(/ -24\.0 … 0\.0 … 24\.8 \(0\.0\)$/u);
  });

  it('yen to the yen, half away from zero as the Bands sheet (-4,452,168.5 is -¥4,452,169)', () => {
    expect(line('税抜収入 Net revenue ex tax difference')).toMatch(/ -¥4,452,169 … -¥4,147,521 … ¥2,627,680 \(¥0\)$/u);
  });

  it('the studio shows the same figures: its bandFigure is the CLI’s, and a count band reads 169.0 件 there too', () => {
    for (const n of [-4_452_168.5, 4_452_168.5, -0.4, 184.7, -23.95, 200.85, 210.05, 171.65, 0.05, -0.05]) {
      expect(rendererBandFigure(n, 0)).toBe(bandFigure(n, 0));
      expect(rendererBandFigure(n, 1)).toBe(bandFigure(n, 1));
      expect(bandCount(n, 'en')).toBe(bandCountText(n, 'en-US'));
    }
    expect(bandCount(169, 'ja')).toBe('169.0');
    expect(bandCount(1_234.56, 'ja')).toBe('1,234.6');
  });
});
