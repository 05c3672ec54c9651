import { cellText } from '../../../tariff-model/cell-value.js';
import { parseCell } from '../../../tariff-model/cell-parse.js';
import type { Issue } from '../../../tariff-model/issue.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import type { TariffVersion } from '../../../engine/tariff-types.js';

/**
 * The checks the grid makes before it sends an edit (each cell against its column), so a typo
 * is refused at once with the cell, the value and what is expected. The handler checks again,
 * with the engine's cross-table checks, before anything is saved.
 */
export function checkEdits(version: TariffVersion, edits: readonly CellEdit[]): Issue[] {
  const issues: Issue[] = [];
  for (const e of edits) {
    const def = TABLES[e.table];
    const col = def.columns.find((c) => c.key === e.field);
    if (!col) continue;
    const p = parseCell(col, e.text);
    if (p.ok) continue;
    const key = cellText(def.rows(version)[e.index]?.[def.keyField] ?? null);
    issues.push({
      severity: 'error',
      code: p.code,
      table: e.table,
      index: e.index,
      field: e.field,
      header: col.ja,
      value: e.text,
      expected: p.expected.en,
      expectedJa: p.expected.ja,
      message: `${key}, ${col.en}: "${e.text}" ${p.reason}; expected ${p.expected.en}`,
    });
  }
  return issues;
}
