import { bandCountText, bandFigure } from './band-figure.js';
import type { SimulationResult } from './result.js';
import type { Bands } from './replications.js';
import type { Sensitivity } from './sensitivity.js';
import type { Views } from './views.js';
import { plural } from '../io/plural.js';

/** The one-screen summary printed at the end of `tariff simulate`. */
const yen = (n: number): string => `${n < 0 ? '-' : ''}¥${Math.abs(n).toLocaleString('en-US')}`;
const num = (n: number): string => n.toLocaleString('en-US');
/** Width in terminal columns: East Asian wide characters take two. */
const width = (s: string): number =>
  [...s].reduce((a, ch) => a + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));

export function summaryText(r: SimulationResult, v: Views, info: { seconds: number; workers: number; files: string[]; bands?: Bands; tornado?: Sensitivity }): string {
  const lines: string[] = [];
  const s = r.scenario;
  lines.push(`Scenario: ${s.name}`);
  lines.push(
    `Fleet: ${num(s.fleetSize)} contracts × ${s.horizon.months} months from ${s.horizon.start}; seed ${s.seed}; ${plural(info.workers, 'worker')}; ${info.seconds.toFixed(1)} s`,
  );
  for (const side of [r.baseline, r.proposal]) {
    lines.push(
      `${side.label === 'baseline' ? 'Baseline' : 'Proposal'}: rules ${side.versions.rules} (${side.versions.rulesStatus}), tariffs ${side.versions.tariffs} (${side.versions.tariffsStatus})${side.edits.length ? `; edits: ${side.edits.join('; ')}` : ''}`,
    );
  }
  lines.push('');
  const label = 46;
  lines.push(`${padEnd('', label)}${'Baseline'.padStart(18)}${'Proposal'.padStart(18)}${'Difference'.padStart(18)}`);
  for (const row of v.summary) {
    if (row.kind === 'count' && row.baseline === 0 && row.proposal === 0) continue;
    const f = row.kind === 'yen' ? yen : num;
    lines.push(`${padEnd(row.label, label)}${f(row.baseline).padStart(18)}${f(row.proposal).padStart(18)}${f(row.difference).padStart(18)}`);
  }
  if (info.bands) {
    const b = info.bands;
    lines.push('');
    lines.push(`${b.replications} replications (paired): p5 … p50 … p95 (mean)`);
    for (const key of ['netExTax', 'totalInclTax', 'cancellations', 'settlements']) {
      const row = b.summary.find((x) => x.key === key);
      if (!row) continue;
      // As the workbook's Bands sheet and the studio show them: yen to the yen, a count to a tenth (band-figure.ts).
      const f = row.kind === 'yen' ? (n: number) => yen(bandFigure(n, 0)) : (n: number) => bandCountText(n, 'en-US');
      for (const side of ['baseline', 'proposal', 'difference'] as const)
        lines.push(`${padEnd(`${row.label} ${side}`, label + 12)}${f(row[side].p5)} … ${f(row[side].p50)} … ${f(row[side].p95)} (${f(row[side].mean)})`);
    }
  }
  if (info.tornado) {
    lines.push('');
    lines.push(`Sensitivity of the net-revenue difference (${yen(info.tornado.baseDifference)}), largest swing first: effect down / up`);
    for (const r of info.tornado.rows) lines.push(`${padEnd(r.label, label + 12)}${yen(r.effectDown).padStart(16)} / ${yen(r.effectUp).padStart(16)}`);
  }
  lines.push('');
  lines.push(`Written: ${info.files.join(', ')}`);
  return lines.join('\n');
}
