import type { ColumnDef } from '../tariff-model/column-def.js';

/**
 * The layout of a tariff workbook, shared by export and import: the about sheet's rows and
 * how a header or a column letter is spelled. The table sheets follow TABLES (src/tariff-model).
 */
export const WORKBOOK_FORMAT = 'tariff-workbook/1';
export const ABOUT_SHEET = 'about';

export type WorkbookAbout = {
  format: string;
  versionId: number | null;
  effective: string;
  status: string;
  title: string;
  exportedAt: string;
  /** The draft's revision when it was exported (null for a version read from folders). */
  revision: number | null;
  /** `tariffFingerprint` of the content exported: an import into a draft compares it with the draft now. */
  fingerprint: string;
};

export const ABOUT_ROWS: readonly { key: keyof WorkbookAbout; ja: string; en: string }[] = [
  { key: 'format', ja: '形式', en: 'Format' },
  { key: 'versionId', ja: 'バージョン ID', en: 'Version ID' },
  { key: 'effective', ja: '施行日', en: 'Effective date' },
  { key: 'status', ja: '状態', en: 'Status' },
  { key: 'title', ja: 'タイトル', en: 'Title' },
  { key: 'exportedAt', ja: '書き出し日時', en: 'Exported at' },
  { key: 'revision', ja: '版数', en: 'Revision' },
  { key: 'fingerprint', ja: '内容の指紋', en: 'Content fingerprint' },
];

export const YEN_FORMAT = '#,##0"円"';

/** Headers compare after NFKC and without blanks, so "月額料金 (円)" matches "月額料金（円）". */
export const headerKey = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
export const headerMatches = (col: ColumnDef, text: string): boolean =>
  headerKey(text) === headerKey(col.ja) || headerKey(text) === headerKey(col.en) || headerKey(text) === headerKey(col.key);

export const columnLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
