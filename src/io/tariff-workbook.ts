import ExcelJS from 'exceljs';
import type { TariffVersion } from '../engine/tariff-types.js';
import { cellText, type CellValue } from '../tariff-model/cell-value.js';
import type { ColumnDef } from '../tariff-model/column-def.js';
import { describeExpected } from '../tariff-model/column-def.js';
import { TABLE_IDS } from '../tariff-model/table-id.js';
import { TABLES, type TableDef } from '../tariff-model/tariff-tables.js';
import { tariffFingerprint } from './tariff-fingerprint.js';
import { ABOUT_ROWS, ABOUT_SHEET, columnLetter, WORKBOOK_FORMAT, YEN_FORMAT, type WorkbookAbout } from './tariff-workbook-layout.js';

/**
 * A tariff version as an Excel workbook a product manager edits: one sheet per table (表1
 * courses, 表1 initial fees, 表3 options, 表2 settlement policies, 別紙6 minimum periods) with
 * Japanese headers, yen formats, frozen headers and name columns, drop-down lists where a cell
 * takes a fixed set of values, and an about sheet naming the version it came from.
 */
export async function writeTariffWorkbook(
  version: TariffVersion,
  about: Omit<WorkbookAbout, 'format' | 'fingerprint' | 'revision'> & { revision?: number | null },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tariff Studio';
  wb.created = new Date(about.exportedAt);
  wb.modified = wb.created;
  const rowCounts = Object.fromEntries(TABLE_IDS.map((t) => [t, TABLES[t].rows(version).length]));
  for (const t of TABLE_IDS) writeTable(wb, TABLES[t], TABLES[t].rows(version), rowCounts);
  writeAbout(wb, { format: WORKBOOK_FORMAT, ...about, revision: about.revision ?? null, fingerprint: tariffFingerprint(version) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

/** The list a ref column's drop-down offers: the key column of the sheet it refers to. */
const refRange = (col: ColumnDef, counts: Record<string, number>): string | undefined => {
  if (!col.refersTo) return undefined;
  const target = TABLES[col.refersTo];
  const letter = columnLetter(target.columns.findIndex((c) => c.key === target.keyField) + 1);
  return `'${target.sheet}'!$${letter}$2:$${letter}$${Math.max(2, (counts[col.refersTo] ?? 0) + 1)}`;
};

function writeTable(wb: ExcelJS.Workbook, def: TableDef, rows: ReturnType<TableDef['rows']>, counts: Record<string, number>): void {
  const frozen = def.columns.filter((c) => c.frozen).length;
  const ws = wb.addWorksheet(def.sheet, { views: [{ state: 'frozen', xSplit: frozen, ySplit: 1 }] });
  ws.columns = def.columns.map((c) => ({ key: c.key, width: c.width, style: c.kind === 'yen' ? { numFmt: YEN_FORMAT } : {} }));
  const header = ws.getRow(1);
  def.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.ja;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
    cell.note = `${c.en}: ${describeExpected(c).ja}`;
  });
  header.height = 30;
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    def.columns.forEach((c, j) => {
      const v: CellValue = r[c.key] ?? null;
      if (v === null) return;
      row.getCell(j + 1).value = typeof v === 'number' ? v : cellText(v);
    });
  });
  const last = rows.length + 1;
  def.columns.forEach((c, j) => {
    const validation = validationFor(c, counts);
    if (!validation) return;
    const letter = columnLetter(j + 1);
    for (let r = 2; r <= last; r += 1) ws.getCell(`${letter}${r}`).dataValidation = validation;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: def.columns.length } };
}

function validationFor(c: ColumnDef, counts: Record<string, number>): ExcelJS.DataValidation | undefined {
  const expected = describeExpected(c).ja;
  const base = { allowBlank: !c.required, showErrorMessage: true, errorStyle: 'stop', errorTitle: c.ja, error: `${expected}を入力してください。` };
  if (c.kind === 'enum') return { ...base, type: 'list', formulae: [`"${(c.values ?? []).join(',')}"`] };
  if (c.kind === 'yen') return { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] };
  if (c.kind === 'int') return { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [c.min ?? 0] };
  const range = refRange(c, counts);
  if (range) return { ...base, type: 'list', formulae: [range] };
  return undefined;
}

function writeAbout(wb: ExcelJS.Workbook, about: WorkbookAbout): void {
  const ws = wb.addWorksheet(ABOUT_SHEET);
  ws.columns = [{ width: 18 }, { width: 40 }, { width: 18 }];
  const head = ws.getRow(1);
  head.values = ['項目', '値', 'Item'];
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  ABOUT_ROWS.forEach((r, i) => {
    const v = about[r.key];
    ws.getRow(i + 2).values = [r.ja, v === null ? '' : v, r.en];
  });
  ws.getCell(`A${ABOUT_ROWS.length + 3}`).value =
    'この表を Excel などで編集し、Tariff Studio の「Excel から取り込む」で新しい下書きとして、または開いている下書きに取り込めます。取り込み前に変更点が一覧表示されます。シート名と見出しは変えないでください。';
  ws.getCell(`A${ABOUT_ROWS.length + 4}`).value =
    'Edit this workbook in Excel or LibreOffice, then import it into Tariff Studio as a new draft or into the open draft; every change is shown before it is applied. Keep the sheet names and headers.';
}
