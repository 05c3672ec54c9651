import { tariffVersionErrors } from '../engine/version-errors.js';
import ExcelJS from 'exceljs';
import type { TariffVersion } from '../engine/tariff-types.js';
import { cellText } from '../tariff-model/cell-value.js';
import { parseCell } from '../tariff-model/cell-parse.js';
import type { Issue } from '../tariff-model/issue.js';
import { TABLE_IDS, type TableId } from '../tariff-model/table-id.js';
import { duplicateKeys } from '../tariff-model/tariff-edits.js';
import { TABLES, type FlatRow } from '../tariff-model/tariff-tables.js';
import { duplicateNameText, versionIssues } from '../tariff-model/version-issues.js';
import { checkXlsxArchive, notAWorkbook } from './xlsx-archive-guard.js';
import { ABOUT_ROWS, ABOUT_SHEET, columnLetter, headerKey, headerMatches, WORKBOOK_FORMAT, type WorkbookAbout } from './tariff-workbook-layout.js';

/**
 * Reads a tariff workbook edited in Excel or LibreOffice. Every problem is an issue with the
 * sheet, row, column, the value found and what was expected; unknown sheets and columns are
 * reported, never dropped silently. The result's version is present only when no error stands.
 */
export type WorkbookRead = {
  about: Partial<WorkbookAbout>;
  /** Present when the workbook has no error: the tables of the workbook over `base`. */
  version?: TariffVersion;
  issues: Issue[];
};

type Located = { rows: FlatRow[]; rowNumbers: number[]; letters: Record<string, string> };

/** `base` finds the version the workbook was exported from (by its about sheet), or says why it cannot. */
export async function readTariffWorkbook(data: Uint8Array, fileName: string, base: (about: Partial<WorkbookAbout>) => TariffVersion | Issue): Promise<WorkbookRead> {
  const wb = new ExcelJS.Workbook();
  if (data.byteLength === 0)
    return {
      about: {},
      issues: [
        {
          severity: 'error',
          code: 'WORKBOOK_EMPTY',
          message: `${fileName} is empty (0 bytes): there is nothing to import. Export the version again (or save the workbook in Excel as "Excel Workbook (.xlsx)") and import that file.`,
        },
      ],
    };
  try {
    const problem = checkXlsxArchive(data);
    if (problem?.code === 'WORKBOOK_TOO_LARGE')
      return {
        about: {},
        issues: [
          {
            severity: 'error',
            code: problem.code,
            ...(problem.entry ? { value: problem.entry } : {}),
            message: `${fileName} is refused before it is read: ${problem.message}. Import the workbook the studio exported, without extra rows or data.`,
          },
        ],
      };
    if (problem) throw new Error(problem.message);
    // Another zip renamed .xlsx: named as such, not as six missing sheets.
    const other = notAWorkbook(data);
    if (other) throw new Error(other);
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    return {
      about: {},
      issues: [
        {
          severity: 'error',
          code: 'WORKBOOK_UNREADABLE',
          message: `${fileName} is not an Excel workbook the studio can read (${(e as Error).message}). Save it as "Excel Workbook (.xlsx)" and import it again.`,
        },
      ],
    };
  }
  const issues: Issue[] = [];
  const known = new Set<string>([ABOUT_SHEET, ...TABLE_IDS.map((t) => TABLES[t].sheet)]);
  for (const ws of wb.worksheets)
    if (!known.has(ws.name))
      issues.push({
        severity: 'warning',
        code: 'WORKBOOK_SHEET_UNKNOWN',
        sheet: ws.name,
        message: `sheet "${ws.name}" is not one the studio reads; its contents are not imported. Move the data to a known sheet or delete the sheet.`,
      });

  const about = readAbout(wb, issues);
  // The base is looked up at once, so a preview names it even while cells still have errors.
  const start = wb.getWorksheet(ABOUT_SHEET) ? base(about) : undefined;
  if (start && !('courses' in start)) issues.push(start);
  const tables: Partial<Record<TableId, Located>> = {};
  for (const t of TABLE_IDS) {
    const ws = wb.getWorksheet(TABLES[t].sheet);
    if (!ws && TABLES[t].optionalSheet) continue;
    if (!ws) {
      issues.push({
        severity: 'error',
        code: 'WORKBOOK_SHEET_MISSING',
        sheet: TABLES[t].sheet,
        message: `sheet "${TABLES[t].sheet}" is missing from ${fileName}; a tariff workbook keeps all of ${TABLE_IDS.map((x) => TABLES[x].sheet).join(', ')}. Restore the sheet (or export again) and import again.`,
      });
      continue;
    }
    const located = readTable(t, ws, issues);
    if (!located) continue;
    tables[t] = located;
    issues.push(...duplicatesIn(t, located));
  }
  if (issues.some((i) => i.severity === 'error')) return { about, issues };

  if (!start || !('courses' in start)) return { about, issues };
  let version: TariffVersion = start;
  for (const t of TABLE_IDS) {
    const loc = tables[t];
    if (!loc) continue; // an optional sheet not in the workbook: the base's value stays
    const built = TABLES[t].withRows(version, loc.rows);
    for (const { index, problem } of built.problems)
      issues.push(locate({ severity: 'error', code: problem.code, table: t, index, field: problem.field, message: problem.message }, loc));
    version = built.version;
  }
  if (!issues.some((i) => i.severity === 'error')) for (const i of versionIssues(tariffVersionErrors(version))) issues.push(i.table ? locate(i, tables[i.table]!) : i);
  return issues.some((i) => i.severity === 'error') ? { about, issues } : { about, version, issues };
}

/**
 * Duplicate keys need only the key column, so they are reported together with the cell errors.
 * Rows whose key cell is blank or unreadable are already reported and are left out here.
 */
function duplicatesIn(t: TableId, loc: Located): Issue[] {
  const key = TABLES[t].keyField;
  const at = loc.rows.flatMap((r, i) => (cellText(r[key] ?? null) === '' ? [] : [i]));
  return duplicateKeys(
    t,
    at.map((i) => loc.rows[i]!),
  ).map((i) => locate({ ...i, index: at[i.index!]!, ...(i.otherIndex !== undefined ? { otherIndex: at[i.otherIndex]! } : {}) }, loc));
}

/** Adds sheet, row and column to an issue found by table, row index and field. */
function locate(i: Issue, loc: Located): Issue {
  if (!i.table || i.index === undefined) return i;
  const def = TABLES[i.table];
  const row = loc.rowNumbers[i.index];
  const column = i.field ? loc.letters[i.field] : undefined;
  const col = def.columns.find((c) => c.key === i.field);
  const cell = row !== undefined && column ? `${def.sheet}!${column}${row}` : `${def.sheet} row ${row ?? '?'}`;
  const value = i.value ?? (row !== undefined && i.field ? cellText(loc.rows[i.index]?.[i.field] ?? null) : undefined);
  const other = i.otherIndex !== undefined ? loc.rowNumbers[i.otherIndex] : undefined;
  const text =
    i.code === 'DUPLICATE_CODE' && other !== undefined
      ? `"${value ?? ''}" is already used in row ${other}; each ${col?.en.toLowerCase() ?? 'key'} must be unique`
      : i.code === 'DUPLICATE_NAME' && other !== undefined
        ? duplicateNameText(value ?? '', `row ${other}`)
        : i.message.replace(/^[A-Za-z ]+ row \d+(, [^:]+)?: /u, '');
  return {
    ...i,
    sheet: def.sheet,
    ...(row !== undefined ? { row } : {}),
    ...(other !== undefined ? { otherRow: other } : {}),
    ...(column ? { column } : {}),
    ...(col ? { header: col.ja } : {}),
    ...(value !== undefined ? { value } : {}),
    message: `${cell}${col ? ` (${col.ja})` : ''}: ${text}`,
  };
}

/** What a cell holds, as parseCell takes it: formulas by their result, rich text as its text. */
function cellRaw(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      return r !== null && typeof r === 'object' && !(r instanceof Date) ? { error: true } : (r ?? null);
    }
    if ('error' in v) return { error: true };
  }
  return cell.text;
}

/** A formula cell's formula text (a shared formula's is its master's), or undefined for a plain value. */
function formulaOf(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  if (v === null || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return undefined;
  const f = v as { formula?: string; sharedFormula?: string };
  return f.formula ?? f.sharedFormula ?? '';
}

const shown = (raw: unknown): string => (raw instanceof Date ? raw.toISOString().slice(0, 10) : raw !== null && typeof raw === 'object' ? '#ERROR' : String(raw ?? ''));

/**
 * Merged cells of a table sheet, each an error: Excel keeps only the top-left value of a merge and
 * exceljs reads that value into every cell of it, so a merge over two prices would give the lower
 * row the upper row's price without a word. A table holds one value per cell.
 */
function mergedCells(def: (typeof TABLES)[TableId], ws: ExcelJS.Worksheet): Issue[] {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return merges.map((range) => {
    const m = /^([A-Z]+)(\d+)/u.exec(range);
    const topLeft = m ? `${m[1]}${m[2]}` : range;
    return {
      severity: 'error' as const,
      code: 'WORKBOOK_CELL_MERGED',
      sheet: def.sheet,
      ...(m ? { row: Number(m[2]), column: m[1] } : {}),
      value: range,
      message: `${def.sheet}!${range}: merged cells; a table holds one value per cell, and a merge keeps only ${topLeft}'s value for every cell it covers. Unmerge them (Merge & Center off) and give each cell its own value, then import again.`,
    };
  });
}

/** A cell with nothing in it, or only spaces. */
const isBlank = (raw: unknown): boolean => raw === null || (typeof raw === 'string' && raw.trim() === '');

function readTable(t: TableId, ws: ExcelJS.Worksheet, issues: Issue[]): Located | undefined {
  const def = TABLES[t];
  const merged = mergedCells(def, ws);
  if (merged.length) {
    issues.push(...merged);
    return undefined;
  }
  const header = ws.getRow(1);
  const byColumn = new Map<number, string>();
  const letters: Record<string, string> = {};
  const before = issues.length;
  const width = Math.max(ws.columnCount, header.cellCount);
  for (let c = 1; c <= width; c += 1) {
    const text = header.getCell(c).text.trim();
    if (text === '') continue;
    const col = def.columns.find((x) => headerMatches(x, text));
    const letter = columnLetter(c);
    if (!col) {
      issues.push({
        severity: 'error',
        code: 'WORKBOOK_COLUMN_UNKNOWN',
        sheet: def.sheet,
        row: 1,
        column: letter,
        value: text,
        expected: def.columns.map((x) => x.en).join(', '),
        expectedJa: def.columns.map((x) => x.ja).join('、'),
        message: `${def.sheet}!${letter}1: column "${text}" is not one the studio knows, so its values would be lost. Rename it to one of ${def.columns.map((x) => x.ja).join('、')} or delete the column.`,
      });
      continue;
    }
    if (letters[col.key]) {
      issues.push({
        severity: 'error',
        code: 'WORKBOOK_COLUMN_DUPLICATE',
        sheet: def.sheet,
        row: 1,
        column: letter,
        header: col.ja,
        value: text,
        message: `${def.sheet}!${letter}1: column "${col.ja}" appears twice (also ${letters[col.key]}1); keep one.`,
      });
      continue;
    }
    letters[col.key] = letter;
    byColumn.set(c, col.key);
  }
  for (const col of def.columns)
    if (!letters[col.key])
      issues.push({
        severity: 'error',
        code: 'WORKBOOK_COLUMN_MISSING',
        sheet: def.sheet,
        row: 1,
        header: col.ja,
        message: `${def.sheet}: column "${col.ja}" is missing. Add it back (header in row 1), or export again.`,
      });
  if (issues.length > before) return undefined;

  const rows: FlatRow[] = [];
  const rowNumbers: number[] = [];
  // Formula cells whose stored value was read, by column: one warning a column, not one a cell.
  const formulas = new Map<string, { count: number; first: string; formula: string }>();
  for (let r = 2; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const cells: { key: string; raw: unknown; letter: string }[] = [];
    let any = false;
    for (let c = 1; c <= Math.max(width, row.cellCount); c += 1) {
      const cell = row.getCell(c);
      const raw = cellRaw(cell);
      const formula = formulaOf(cell);
      const key = byColumn.get(c);
      if (formula !== undefined && key) {
        const letter = columnLetter(c);
        if (raw === null) {
          // The file holds the formula but no value for it (or one exceljs cannot read back: 0 or an empty text).
          any = true;
          issues.push({
            severity: 'error',
            code: 'WORKBOOK_CELL_FORMULA',
            sheet: def.sheet,
            row: r,
            column: letter,
            value: `=${formula}`,
            message: `${def.sheet}!${letter}${r}: a formula (=${formula}) whose value the file does not hold. Copy the column and paste it as values (or type the value), then import again.`,
          });
          continue;
        }
        const seen = formulas.get(letter);
        if (seen) seen.count += 1;
        else formulas.set(letter, { count: 1, first: `${letter}${r}`, formula });
      }
      const blank = isBlank(raw);
      if (!key) {
        if (!blank)
          issues.push({
            severity: 'error',
            code: 'WORKBOOK_CELL_OUTSIDE_TABLE',
            sheet: def.sheet,
            row: r,
            column: columnLetter(c),
            value: shown(raw),
            message: `${def.sheet}!${columnLetter(c)}${r}: "${shown(raw)}" is in a column without a header, so it would be lost. Move it into the table or delete it.`,
          });
        continue;
      }
      if (!blank) any = true;
      cells.push({ key, raw, letter: columnLetter(c) });
    }
    if (!any) continue;
    // A row without its key (a total or a note typed below the table, a row whose code was cleared)
    // is said once, with what it holds, not as a blank cell in every required column.
    const keyCol = def.columns.find((x) => x.key === def.keyField)!;
    const keyCell = cells.find((c) => c.key === def.keyField);
    if (keyCell && isBlank(keyCell.raw)) {
      const held = cells.filter((c) => !isBlank(c.raw)).map((c) => `${c.letter}${r} ${def.columns.find((x) => x.key === c.key)!.ja}: ${shown(c.raw)}`);
      issues.push({
        severity: 'error',
        code: 'WORKBOOK_ROW_WITHOUT_KEY',
        sheet: def.sheet,
        row: r,
        column: keyCell.letter,
        header: keyCol.ja,
        value: held.join(', '),
        message: `${def.sheet} row ${r}: no ${keyCol.en.toLowerCase()} (${keyCell.letter}${r} is blank) but it holds ${held.join(', ')}; it would be read as a new row. Delete the row if it is a total or a note below the table, or fill in its ${keyCol.ja} and the other columns.`,
      });
      continue;
    }
    const flat: FlatRow = {};
    for (const { key, raw, letter } of cells) {
      const col = def.columns.find((x) => x.key === key)!;
      const p = parseCell(col, raw);
      if (p.ok) flat[key] = p.value;
      else
        issues.push({
          severity: 'error',
          code: p.code,
          sheet: def.sheet,
          row: r,
          column: letter,
          header: col.ja,
          value: shown(raw),
          expected: p.expected.en,
          expectedJa: p.expected.ja,
          table: t,
          field: key,
          message: `${def.sheet}!${letter}${r} (${col.ja}): "${shown(raw)}" ${p.reason}; expected ${p.expected.en}.`,
        });
    }
    rows.push(flat);
    rowNumbers.push(r);
  }
  for (const [letter, f] of formulas)
    issues.push({
      severity: 'warning',
      code: 'WORKBOOK_CELL_FORMULA',
      sheet: def.sheet,
      row: Number(f.first.slice(letter.length)),
      column: letter,
      value: `=${f.formula}`,
      message: `${def.sheet}!${f.first}${f.count > 1 ? ` and ${f.count - 1} more in column ${letter}` : ''}: a formula (=${f.formula}); the value it last computed in the file was read, and the formula itself is not kept. Check the values in the preview.`,
    });
  return { rows, rowNumbers, letters };
}

/** 2023/9/19, 2023.9.19, ２０２３-09-19 or 2023年9月19日 (a date a spreadsheet or a person rewrote) as 2023-09-19; other text as it is. */
const isoDateOf = (text: string): string => {
  const m = /^(\d{4})(?:[/.-](\d{1,2})[/.-](\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)$/u.exec(text.normalize('NFKC'));
  if (m && m[4] !== undefined) return `${m[1]}-${m[4].padStart(2, '0')}-${m[5]!.padStart(2, '0')}`;
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
};

function readAbout(wb: ExcelJS.Workbook, issues: Issue[]): Partial<WorkbookAbout> {
  const ws = wb.getWorksheet(ABOUT_SHEET);
  if (!ws) {
    issues.push({
      severity: 'error',
      code: 'WORKBOOK_SHEET_MISSING',
      sheet: ABOUT_SHEET,
      message: `sheet "${ABOUT_SHEET}" is missing: it names the version the workbook was exported from. Restore it (or export again) and import again.`,
    });
    return {};
  }
  const about: Partial<WorkbookAbout> = {};
  ws.eachRow((row) => {
    const label = headerKey(row.getCell(1).text);
    const spec = ABOUT_ROWS.find((r) => headerKey(r.ja) === label || headerKey(r.en) === label);
    if (!spec) return;
    const raw = cellRaw(row.getCell(2));
    const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : raw === null ? '' : String(typeof raw === 'object' ? '' : raw).trim();
    if (spec.key === 'versionId' || spec.key === 'revision') about[spec.key] = text === '' ? null : Number(text);
    else if (spec.key === 'effective') about.effective = isoDateOf(text);
    else about[spec.key] = text;
  });
  if (about.format !== undefined && about.format !== WORKBOOK_FORMAT)
    issues.push({
      severity: 'error',
      code: 'WORKBOOK_FORMAT',
      sheet: ABOUT_SHEET,
      value: about.format,
      expected: WORKBOOK_FORMAT,
      message: `${ABOUT_SHEET}: format "${about.format}" is not ${WORKBOOK_FORMAT}; export the version again from this studio.`,
    });
  return about;
}
