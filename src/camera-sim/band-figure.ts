/**
 * A band's figure (a percentile or mean over the replications, which may be a fraction) as the
 * workbook's Bands sheet shows it: yen to the yen (`#,##0`), a count to a tenth (`#,##0.0`), half
 * away from zero as Excel and LibreOffice round. A count's band is kept to a tenth, not rounded
 * to a whole count: PERCENTILE.INC interpolates between two runs' counts and the mean divides
 * by the replications, so 171.7 is the figure, and 172 would be a count no run produced either.
 * The studio's renderer (which may not import camera-sim) has the same function in
 * renderer/scenarios/format.ts; test/camera-sim/band-figure.test.ts holds the two together.
 */
export const bandFigure = (n: number, decimals: 0 | 1): number => {
  // Rounded on the figure's decimal digits (15 significant, as the spreadsheets read it), not on its
  // binary value: -23.95 is -24.0 there, where toFixed(1) gives -23.9.
  const scale = 10 ** decimals;
  const r = Math.round(Number((Math.abs(n) * scale).toPrecision(15))) / scale;
  return n < 0 && r !== 0 ? -r : r;
};

/** A count's band figure as the Bands sheet's `#,##0.0` prints it: 171.7, 169.0, 1,234.5. */
export const bandCountText = (n: number, locale: string): string => bandFigure(n, 1).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
