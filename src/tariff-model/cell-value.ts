/** The value of one cell of a tariff table, as the grid and the workbook see it. */
export type CellValue = string | number | null | readonly string[];

/** The text a cell is edited as (and pasted, and typed in Excel): blank for null, lists comma-separated. */
export const cellText = (v: CellValue): string => {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return v.join(', ');
};

export const sameCell = (a: CellValue, b: CellValue): boolean => {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
};
