import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import { parseCell } from '../../../tariff-model/cell-parse.js';
import { enumLabel } from '../../../tariff-model/enum-labels.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';

/** A cell read in another form than it was written ("１２００", "¥1,200", "1200 " read as 1200; "旧コース" as legacy). */
export type NormalisedCell = { edit: CellEdit; value: CellValue };

const loose = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

/**
 * Reads a batch of edits as the grid saves them, and says which cells it read leniently:
 * full-width digits, thousands separators, a yen sign or 円, blanks around a number or a code, a
 * value matched without its case, and an enum cell written with the label the grid shows
 * ("旧コース", "Legacy course") rather than its code, which is sent as the code (the workbook and
 * the data hold codes). The grid saves the values and says it read these, so a paste never
 * changes a value without a word.
 */
export function readEdits(edits: readonly CellEdit[]): { edits: CellEdit[]; read: NormalisedCell[] } {
  const out: CellEdit[] = [];
  const read: NormalisedCell[] = [];
  for (const e of edits) {
    const col = TABLES[e.table].columns.find((c) => c.key === e.field);
    if (!col) {
      out.push(e);
      continue;
    }
    const p = parseCell(col, e.text);
    if (!p.ok && col.kind === 'enum' && col.values) {
      const code = col.values.map(String).find((v) => {
        const label = enumLabel(e.table, col.key, v);
        return label !== undefined && (loose(label.ja) === loose(e.text) || loose(label.en) === loose(e.text));
      });
      if (code !== undefined) {
        out.push({ ...e, text: code });
        read.push({ edit: e, value: code });
        continue;
      }
    }
    out.push(e);
    // A blank stays blank whatever blanks it held: nothing was read into it.
    if (p.ok && p.value !== null && cellText(p.value) !== e.text) read.push({ edit: e, value: p.value });
  }
  return { edits: out, read };
}
