import type { RunView } from '../../api/contract.js';

/**
 * The comparison's figures (compare-view.tsx): two to four saved scenarios' last runs, each by its
 * letter (A, B, C, D) and colour. Each month has each scenario's difference (proposal − baseline,
 * net ex tax: the one run of its seed) and, for a run with replications, the p5–p95 band of its
 * paired differences, as its own revenue chart and the Bands sheet have them.
 */
export type CompareSide = { name: string; view: RunView };
export const MAX_COMPARED = 4;
export const COMPARE_LETTERS = ['A', 'B', 'C', 'D'] as const;
/** A line's colour and its band's (the same hue, translucent, so bands that overlap stay apart). */
export const COMPARE_COLORS = [
  { line: '#1f5fbf', band: 'rgba(31, 95, 191, 0.16)' },
  { line: '#c77700', band: 'rgba(199, 119, 0, 0.16)' },
  { line: '#0f7c8c', band: 'rgba(15, 124, 140, 0.16)' },
  { line: '#7b3fb8', band: 'rgba(123, 63, 184, 0.16)' },
] as const;

export type CompareMonth = { month: string } & Record<`d${number}`, number | null> & Record<`band${number}`, [number, number] | null>;

export function compareMonths(sides: readonly CompareSide[]): { rows: CompareMonth[]; figures: number[]; banded: boolean[] } {
  const months = [...new Set(sides.flatMap((s) => s.view.byMonth.map((m) => m.month)))].sort();
  const banded = sides.map((s) => (s.view.bands?.byMonth.length ?? 0) > 0);
  const figures: number[] = [];
  const rows = months.map((month) => {
    const row: Record<string, unknown> = { month };
    sides.forEach((s, i) => {
      const d = s.view.byMonth.find((m) => m.month === month)?.difference ?? null;
      const b = s.view.bands?.byMonth.find((m) => m.month === month)?.difference;
      row[`d${i}`] = d;
      row[`band${i}`] = b ? [b.p5, b.p95] : null;
      if (d !== null) figures.push(d);
      if (b) figures.push(b.p5, b.p95);
    });
    return row as CompareMonth;
  });
  return { rows, figures, banded };
}
