/**
 * Every CSV the project writes goes through these two functions. A text cell that a spreadsheet
 * would read as a formula (it starts with =, +, -, @, a tab or a carriage return: "CSV
 * injection", OWASP) is written with a leading apostrophe, so Excel and LibreOffice show it as
 * text and never run it; numbers are written as numbers (a negative amount stays a number).
 * A cell holding a comma, a quote or a line break is quoted (RFC 4180).
 */
const FORMULA_START = /^[=+\-@\t\r]/u;

/** A text value as spreadsheet-safe text: a leading apostrophe when it would start a formula. */
export const neutraliseFormula = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

export const csvCell = (v: unknown): string => {
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = neutraliseFormula(String(v ?? ''));
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
};

export const csvLine = (values: unknown[]): string => `${values.map(csvCell).join(',')}\r\n`;
