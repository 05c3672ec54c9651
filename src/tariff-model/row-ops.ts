import type { TariffVersion } from '../engine/tariff-types.js';
import { cellText } from './cell-value.js';
import { parseCell } from './cell-parse.js';
import type { Issue } from './issue.js';
import type { TableId } from './table-id.js';
import { duplicateKeys } from './tariff-edits.js';
import { TABLES, type FlatRow } from './tariff-tables.js';

/**
 * Row operations on a tariff version's tables: insert a row (its cells as text, parsed as the
 * columns say, as typed cells are) at a position, or delete a row. A row another table still
 * refers to (a course's initial-fee group or settlement policy, the course an initial fee is
 * printed on) is not deleted: the refusal names every place it is used. Undo is the inverse op.
 */
export type RowOp = { kind: 'insert'; table: TableId; index: number; texts: Record<string, string> } | { kind: 'delete'; table: TableId; index: number };

/** Where a row is referred to from: table, row, the referring row's key and the column. */
export type RowUse = { table: TableId; index: number; key: string; field: string };

/** The rows of other tables that refer to row `index` of `table`. */
export function rowUses(v: TariffVersion, table: TableId, index: number): RowUse[] {
  const def = TABLES[table];
  const row = def.rows(v)[index];
  if (!row) return [];
  const key = cellText(row[def.keyField] ?? null);
  const uses: RowUse[] = [];
  const scan = (from: TableId, field: string) =>
    TABLES[from].rows(v).forEach((r, i) => {
      if (cellText(r[field] ?? null) === key) uses.push({ table: from, index: i, key: cellText(r[TABLES[from].keyField] ?? null), field });
    });
  if (table === 'initialFees') scan('courses', 'initialFeeGroup');
  if (table === 'policies') scan('courses', 'settlementPolicy');
  if (table === 'courses') scan('initialFees', 'printedOn');
  return uses;
}

/** The cells of a row as text, as the grid and the workbook show them. */
export const rowTexts = (row: FlatRow): Record<string, string> => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cellText(v ?? null)]));

/** A key no row of the table uses: the key with -copy (-copy2, …) appended, in the case the column's pattern wants. */
export function freeKey(v: TariffVersion, table: TableId, key: string): string {
  const def = TABLES[table];
  const used = new Set(def.rows(v).map((r) => cellText(r[def.keyField] ?? null)));
  const suffix = table === 'courses' ? '-COPY' : '-copy';
  for (let n = 1; ; n += 1) {
    const k = `${key}${suffix}${n === 1 ? '' : n}`;
    if (!used.has(k)) return k;
  }
}

/** A course name as the engine compares names for DUPLICATE_NAME (validate-data.ts): NFKC, no whitespace. */
const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '');

/**
 * A course name no course uses (two courses may not share one: DUPLICATE_NAME): the name with
 * （コピー） (（コピー2）, …) appended, as the terms' names are Japanese.
 */
export function freeCourseName(v: TariffVersion, name: string): string {
  const used = new Set(v.courses.map((c) => nameKey(c.name)));
  for (let n = 1; ; n += 1) {
    const k = `${name}（コピー${n === 1 ? '' : n}）`;
    if (!used.has(nameKey(k))) return k;
  }
}

/**
 * A row's cells as the start of a new row: its texts with a free key, and for a course a free
 * name too, so the copy is accepted as it is (and then edited) instead of refused as a duplicate.
 */
export function copyTexts(v: TariffVersion, table: TableId, row: FlatRow): Record<string, string> {
  const def = TABLES[table];
  const texts = { ...rowTexts(row), [def.keyField]: freeKey(v, table, cellText(row[def.keyField] ?? null) || 'NEW') };
  return table === 'courses' ? { ...texts, name: freeCourseName(v, cellText(row.name ?? null)) } : texts;
}

/** The insert that duplicates row `index` just below it, with a free key (a course: and a free name). */
export function duplicateOp(v: TariffVersion, table: TableId, index: number): RowOp | undefined {
  const row = TABLES[table].rows(v)[index];
  if (!row) return undefined;
  return { kind: 'insert', table, index: index + 1, texts: copyTexts(v, table, row) };
}

/** The op that undoes `op` on the version it applies to (read before applying it). */
export function inverseOp(v: TariffVersion, op: RowOp): RowOp {
  if (op.kind === 'insert') return { kind: 'delete', table: op.table, index: op.index };
  const row = TABLES[op.table].rows(v)[op.index];
  return { kind: 'insert', table: op.table, index: op.index, texts: row ? rowTexts(row) : {} };
}

/** The refusal of an op whose row is not in its table (EDIT_UNKNOWN_ROW), saying what `message` says. */
const unknownRow = (op: RowOp, message: string): { issues: Issue[] } => ({
  issues: [{ severity: 'error', code: 'EDIT_UNKNOWN_ROW', table: op.table, index: op.index, message }],
});

/** Applies row ops in order; the new version, or every issue (with table, row and column) and no version. */
export function applyRowOps(version: TariffVersion, ops: readonly RowOp[]): { version?: TariffVersion; issues: Issue[] } {
  let next = version;
  for (const op of ops) {
    const def = TABLES[op.table];
    const rows: FlatRow[] = def.rows(next);
    if (op.kind === 'delete') {
      const row = rows[op.index];
      if (!row) return unknownRow(op, `${def.en} has no row ${op.index + 1} (it has ${rows.length}); reload the version`);
      const uses = rowUses(next, op.table, op.index);
      const key = cellText(row[def.keyField] ?? null);
      if (uses.length)
        return {
          issues: uses.map((u) => {
            const col = TABLES[u.table].columns.find((c) => c.key === u.field);
            return {
              severity: 'error' as const,
              code: 'ROW_IN_USE',
              table: op.table,
              index: op.index,
              field: def.keyField,
              value: key,
              message: `${def.en} row ${op.index + 1} "${key}" is used by ${TABLES[u.table].sheet} row ${u.index + 1} (${u.key}), column ${col?.ja ?? u.field}; change that row first`,
            };
          }),
        };
      rows.splice(op.index, 1);
    } else {
      if (op.index < 0 || op.index > rows.length) return unknownRow(op, `${def.en}: a row can be inserted at 1 to ${rows.length + 1}, not ${op.index + 1}`);
      const issues: Issue[] = [];
      const row: FlatRow = {};
      for (const col of def.columns) {
        const text = op.texts[col.key] ?? '';
        const p = parseCell(col, text);
        if (!p.ok)
          issues.push({
            severity: 'error',
            code: p.code,
            table: op.table,
            index: op.index,
            field: col.key,
            header: col.ja,
            value: text,
            message: `${def.en} new row, ${col.en}: "${text}" ${p.reason}; expected ${p.expected.en}`,
            expected: p.expected.en,
            expectedJa: p.expected.ja,
          });
        else row[col.key] = p.value;
      }
      const unknown = Object.keys(op.texts).filter((k) => !def.columns.some((c) => c.key === k));
      for (const k of unknown)
        issues.push({ severity: 'error', code: 'EDIT_UNKNOWN_COLUMN', table: op.table, index: op.index, field: k, message: `${def.en} has no column "${k}"` });
      if (issues.length) return { issues };
      rows.splice(op.index, 0, row);
      const dup = duplicateKeys(op.table, rows, new Set([op.index]));
      if (dup.length) return { issues: dup };
    }
    const built = def.withRows(next, rows);
    if (built.problems.length)
      return {
        issues: built.problems.map(({ index, problem }) => ({
          severity: 'error' as const,
          code: problem.code,
          table: op.table,
          index,
          field: problem.field,
          message: `${def.en} row ${index + 1}, ${problem.field}: ${problem.message}`,
        })),
      };
    next = built.version;
  }
  return { version: next, issues: [] };
}
