import type { TariffVersion } from '../engine/tariff-types.js';
import { cellText } from './cell-value.js';
import { parseCell } from './cell-parse.js';
import type { Issue } from './issue.js';
import type { TableId } from './table-id.js';
import { TABLES, type FlatRow } from './tariff-tables.js';

/** One cell edit as the grid sends it: the row (by position), the column and the text typed or pasted. */
export type CellEdit = { table: TableId; index: number; field: string; text: string };

/**
 * Applies cell edits to a version: each cell parsed as its column says, rows rebuilt, keys kept
 * unique. Returns the new version, or the issues (with table, row and column) and no version.
 * Cross-table checks (references, model of series) are the engine's: see version-issues.ts.
 */
export function applyCellEdits(version: TariffVersion, edits: readonly CellEdit[]): { version?: TariffVersion; issues: Issue[] } {
  const issues: Issue[] = [];
  let next = version;
  const byTable = new Map<TableId, CellEdit[]>();
  for (const e of edits) byTable.set(e.table, [...(byTable.get(e.table) ?? []), e]);
  for (const [table, tableEdits] of byTable) {
    const def = TABLES[table];
    const rows: FlatRow[] = def.rows(next);
    for (const e of tableEdits) {
      const col = def.columns.find((c) => c.key === e.field);
      const where = { table, index: e.index, field: e.field, header: col?.ja, value: e.text };
      if (!col) {
        issues.push({
          ...where,
          severity: 'error',
          code: 'EDIT_UNKNOWN_COLUMN',
          message: `${def.en} has no column "${e.field}"; known: ${def.columns.map((c) => c.key).join(', ')}`,
        });
        continue;
      }
      const row = rows[e.index];
      if (!row) {
        issues.push({ ...where, severity: 'error', code: 'EDIT_UNKNOWN_ROW', message: `${def.en} has no row ${e.index + 1} (it has ${rows.length}); reload the version` });
        continue;
      }
      const p = parseCell(col, e.text);
      if (!p.ok) {
        issues.push({
          ...where,
          severity: 'error',
          code: p.code,
          message: `${def.en} row ${e.index + 1}, ${col.en}: "${e.text}" ${p.reason}; expected ${p.expected.en}`,
          expected: p.expected.en,
          expectedJa: p.expected.ja,
        });
        continue;
      }
      rows[e.index] = { ...row, [e.field]: p.value };
    }
    issues.push(...duplicateKeys(table, rows, new Set(tableEdits.filter((e) => e.field === def.keyField).map((e) => e.index))));
    const built = def.withRows(next, rows);
    for (const { index, problem } of built.problems) {
      const col = def.columns.find((c) => c.key === problem.field);
      issues.push({
        severity: 'error',
        code: problem.code,
        table,
        index,
        field: problem.field,
        header: col?.ja,
        message: `${def.en} row ${index + 1}, ${col?.en ?? problem.field}: ${problem.message}`,
      });
    }
    next = built.version;
  }
  return issues.length ? { issues } : { version: next, issues };
}

/**
 * A key (code) used twice. Reported on the rows just edited when one of them caused it (the
 * grid), otherwise on every row after the first (a workbook).
 */
export function duplicateKeys(table: TableId, rows: FlatRow[], edited: ReadonlySet<number> = new Set()): Issue[] {
  const def = TABLES[table];
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = cellText(r[def.keyField] ?? null);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  const issues: Issue[] = [];
  const col = def.columns.find((c) => c.key === def.keyField)!;
  for (const [k, at] of groups) {
    if (at.length < 2) continue;
    const blamed = at.some((i) => edited.has(i)) ? at.filter((i) => edited.has(i)) : at.slice(1);
    for (const i of blamed) {
      const other = at.find((j) => j !== i)!;
      issues.push({
        severity: 'error',
        code: 'DUPLICATE_CODE',
        table,
        index: i,
        otherIndex: other,
        field: def.keyField,
        header: col.ja,
        value: k,
        message: `${def.en} row ${i + 1}: ${col.en} "${k}" is already used by row ${other + 1}; each ${col.en.toLowerCase()} must be unique`,
        expected: `a ${col.en.toLowerCase()} no other row uses`,
        expectedJa: 'ほかの行と重ならない値',
      });
    }
  }
  return issues;
}
