import type { Lang } from '../i18n/i18n-context.js';

/**
 * Axis ticks in a unit finance reads at a glance: 万円 / 億円 in Japanese, ¥k / ¥M in English. Every
 * digit down to the yen is kept: a tick is a round step (yen-axis.ts), 12,500円 reads 1.25万円, not 1.3万円.
 */
export function compactYen(n: number, lang: Lang): string {
  const a = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (lang === 'ja') {
    if (a >= 1e8) return `${sign}${(a / 1e8).toLocaleString('ja-JP', { maximumFractionDigits: 8 })}億円`;
    if (a >= 1e4) return `${sign}${(a / 1e4).toLocaleString('ja-JP', { maximumFractionDigits: 4 })}万円`;
    return `${sign}${a.toLocaleString('ja-JP')}円`;
  }
  if (a >= 1e6) return `${sign}¥${(a / 1e6).toLocaleString('en-US', { maximumFractionDigits: 6 })}M`;
  if (a >= 1e3) return `${sign}¥${(a / 1e3).toLocaleString('en-US', { maximumFractionDigits: 3 })}k`;
  return `${sign}¥${a.toLocaleString('en-US')}`;
}

/** Yen with the minus before the sign in English too (-¥2,183, -2,183円). */
export const money = (n: number, yen: (n: number) => string): string => (n < 0 ? `-${yen(-n)}` : yen(n));

/** A signed yen amount (+1,200円 / -¥500) for differences. */
export const signedYen = (n: number, yen: (n: number) => string): string => (n > 0 ? `+${yen(n)}` : n < 0 ? `-${yen(-n)}` : yen(0));

/**
 * A band's figure (a percentile or mean, which may be a fraction) as the workbook's Bands sheet
 * shows it: yen to the yen (`#,##0`), a count to a tenth (`#,##0.0`), half away from zero as Excel
 * and LibreOffice round (-4,452,168.5 is -4,452,169 there; Math.round made it -4,452,168 here).
 * The CLI's summary rounds with camera-sim/band-figure.ts, the same function (the renderer may not
 * import camera-sim); test/camera-sim/band-figure.test.ts holds the two together.
 */
export const bandFigure = (n: number, decimals: 0 | 1): number => {
  // Rounded on the figure's decimal digits (15 significant, as the spreadsheets read it), not on its
  // binary value: -23.95 is -24.0 there, where toFixed(1) gives -23.9.
  const scale = 10 ** decimals;
  const r = Math.round(Number((Math.abs(n) * scale).toPrecision(15))) / scale;
  return n < 0 && r !== 0 ? -r : r;
};

/** The summary's counts of contract-months (the others count contracts or events: 件). */
export const CONTRACT_MONTH_KEYS: ReadonlySet<string> = new Set(['contractMonths', 'suspendedMonths']);

export const count = (n: number, lang: Lang): string => n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');

/** A count's band figure to a tenth, as the Bands sheet's `#,##0.0` and the CLI print it (169.0, 171.7): a band is over replications, not a count of one run. */
export const bandCount = (n: number, lang: Lang): string => bandFigure(n, 1).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const percent = (n: number, lang: Lang): string => `${(n * 100).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 })}%`;

/** A JSON pointer field and every field under it: /fleet/courseMix marks /fleet/courseMix/0/share too. */
export const fieldMatches = (errorFields: ReadonlySet<string>, pointer: string): boolean => {
  for (const f of errorFields) if (f === pointer || f.startsWith(`${pointer}/`)) return true;
  return false;
};
