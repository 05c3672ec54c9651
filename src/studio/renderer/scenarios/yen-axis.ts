/**
 * A money axis finance reads at a glance: ticks a round step apart (1, 2, 2.5 or 5 × 10^n 円, so
 * 500万円, 1,000万円, 1,500万円; 10万円, 20万円, 30万円) over a domain that starts and ends on a tick.
 * Recharts' own nice steps are multiples of 0.05 × 10^n (105万円 apart: 525万/630万/735万).
 */
const STEPS = [1, 2, 2.5, 5, 10] as const;

/** The smallest round step (1, 2, 2.5, 5 × 10^n) that covers `span` in at most `intervals` steps. */
export function roundStep(span: number, intervals: number): number {
  const rough = span / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  const m = STEPS.find((s) => s * power >= rough * (1 - 1e-12)) ?? 10;
  return m * power;
}

/**
 * The ticks and domain of an axis over `values` (with `zero`, the domain includes 0, as a bar chart's does).
 * No values, or all alike: a step around them, so the axis still reads.
 */
export function yenAxis(values: readonly number[], options: { zero?: boolean; intervals?: number } = {}): { ticks: number[]; domain: [number, number] } {
  const finite = values.filter((v) => Number.isFinite(v));
  if (options.zero) finite.push(0);
  let min = finite.length ? Math.min(...finite) : 0;
  let max = finite.length ? Math.max(...finite) : 0;
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) / 10;
    min = options.zero && min >= 0 ? min : min - pad;
    max = options.zero && max <= 0 ? max : max + pad;
    if (min === max) max = min + pad;
  }
  // Yen: no step below 1円 (an axis of 0 to 1円 reads 0円, 1円, not 0.25円).
  const step = Math.max(1, roundStep(max - min, options.intervals ?? 4));
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  // k × step on its decimal digits (0.1 + 0.2 is 0.30000000000000004): a tick is the round figure it reads.
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
  return { ticks, domain: [ticks[0]!, ticks[ticks.length - 1]!] };
}
