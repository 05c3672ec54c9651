import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import type { TableId } from '../../../tariff-model/table-id.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { clipboardCell } from './clipboard.js';
import type { GridRow } from './grid-view.js';

/**
 * The block of cells selected in the grid, as Excel selects one: the cell where it began (the
 * anchor) and the one Shift+arrow or Shift+click moved to (the active cell). Positions are the
 * grid's: `rowIdx` in the rows shown (sorted and filtered), `idx` in its columns, where column 0
 * is the row number (#), like Excel's row header: a block that lies in it alone takes whole rows.
 */
export type GridPos = { rowIdx: number; idx: number };
export type GridSelection = { anchor: GridPos; active: GridPos };
/** The block in data terms: shown rows `top..bottom`, data columns `left..right` (0 = the table's first column). */
export type GridBlock = { top: number; bottom: number; left: number; right: number };

export function selectionBlock(sel: GridSelection, columnCount: number): GridBlock {
  const top = Math.min(sel.anchor.rowIdx, sel.active.rowIdx);
  const bottom = Math.max(sel.anchor.rowIdx, sel.active.rowIdx);
  const lo = Math.min(sel.anchor.idx, sel.active.idx);
  const hi = Math.max(sel.anchor.idx, sel.active.idx);
  // Only the row numbers: whole rows. A block reaching into them starts at the first column.
  if (hi === 0) return { top, bottom, left: 0, right: columnCount - 1 };
  return { top, bottom, left: Math.max(lo, 1) - 1, right: hi - 1 };
}

export const blockCells = (b: GridBlock): number => (b.bottom - b.top + 1) * (b.right - b.left + 1);

/** The block as Excel puts cells on the clipboard: tab-separated, a line per row (CRLF), quoted where needed. */
export function blockTsv(table: TableId, rows: readonly GridRow[], b: GridBlock): string {
  const cols = TABLES[table].columns.slice(b.left, b.right + 1);
  const lines: string[] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row = rows[r];
    if (!row) continue;
    lines.push(cols.map((c) => clipboardCell(cellText((row[c.key] as CellValue | undefined) ?? null))).join('\t'));
  }
  return lines.map((l) => `${l}\r\n`).join('');
}

/**
 * A pasted block made rectangular. Excel always puts a rectangle on the clipboard; text from
 * elsewhere may not be one. Blank cells that only pad a row at its end are dropped, and a blank
 * line is as wide as the others; a row with more or fewer filled cells than the first (a cell
 * holding a tab, a value missing) would put values under the wrong headers, so the block is
 * refused, naming that row.
 */
export function rectangularBlock(block: readonly string[][]): { block: string[][] } | { ragged: { row: number; cells: number; expected: number } } {
  if (block.every((cells) => cells.length === block[0]!.length)) return { block: block.map((cells) => [...cells]) };
  const used = block.map((cells) => {
    let n = cells.length;
    while (n > 0 && cells[n - 1]!.trim() === '') n -= 1;
    return n;
  });
  const width = used.find((n) => n > 0) ?? 1;
  const bad = used.findIndex((n) => n > 0 && n !== width);
  if (bad >= 0) return { ragged: { row: bad + 1, cells: used[bad]!, expected: width } };
  return { block: block.map((cells) => Array.from({ length: width }, (_, i) => cells[i] ?? '')) };
}

/**
 * The edits a paste makes. The block starts at the selection's top-left cell; a single value
 * pasted over a selected block fills every cell of it (as in Excel). Cells that would fall
 * outside the table are counted, not written.
 */
export function pasteEdits(table: TableId, rows: readonly GridRow[], b: GridBlock, block: readonly string[][]): { edits: CellEdit[]; clipped: number } {
  const cols = TABLES[table].columns;
  const edits: CellEdit[] = [];
  let clipped = 0;
  if (block.length === 1 && block[0]!.length === 1 && blockCells(b) > 1) {
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) edits.push({ table, index: rows[r]!.__index, field: cols[c]!.key, text: block[0]![0]! });
    return { edits, clipped };
  }
  block.forEach((cells, r) =>
    cells.forEach((text, c) => {
      const target = rows[b.top + r];
      const col = cols[b.left + c];
      if (!target || !col) clipped += 1;
      else edits.push({ table, index: target.__index, field: col.key, text });
    }),
  );
  return { edits, clipped };
}

/** Ctrl+D over a block: each column's top cell copied to the cells below it (Excel's fill down). One cell takes the value above it. */
export function fillDownEdits(table: TableId, rows: readonly GridRow[], b: GridBlock): CellEdit[] {
  const cols = TABLES[table].columns.slice(b.left, b.right + 1);
  const sourceRow = b.top === b.bottom ? b.top - 1 : b.top;
  const source = rows[sourceRow];
  if (!source) return [];
  const edits: CellEdit[] = [];
  for (let r = sourceRow + 1; r <= b.bottom; r++) for (const c of cols) edits.push({ table, index: rows[r]!.__index, field: c.key, text: cellText((source[c.key] as CellValue | undefined) ?? null) });
  return edits;
}
