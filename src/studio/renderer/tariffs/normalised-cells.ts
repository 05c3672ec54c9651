import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import { parseCell } from '../../../tariff-model/cell-parse.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';

/** A cell read in another form than it was written ("１２００", "¥1,200", "1200 " read as 1200). */
export type NormalisedCell = { edit: CellEdit; value: CellValue };

/**
 * The cells of a batch that parseCell reads leniently: full-width digits, thousands separators,
 * a yen sign or 円, blanks around a number or a code, a value matched without its case. The grid
 * saves the value, and says it read these, so a paste never changes a value without a word.
 */
export function normalisedCells(edits: readonly CellEdit[]): NormalisedCell[] {
  const out: NormalisedCell[] = [];
  for (const e of edits) {
    const col = TABLES[e.table].columns.find((c) => c.key === e.field);
    if (!col) continue;
    const p = parseCell(col, e.text);
    // A blank stays blank whatever blanks it held: nothing was read into it.
    if (!p.ok || p.value === null) continue;
    if (cellText(p.value) !== e.text) out.push({ edit: e, value: p.value });
  }
  return out;
}
