import type { TariffVersion } from '../engine/tariff-types.js';
import { cellText, sameCell, type CellValue } from './cell-value.js';
import { TABLE_IDS, type TableId } from './table-id.js';
import { TABLES, type FlatRow } from './tariff-tables.js';

/**
 * One difference between a version and the version it came from: a changed cell, an added row
 * or a removed row. `index` is the row in the newer version, `baseIndex` in the older one.
 */
export type TariffChange = {
  table: TableId;
  kind: 'changed' | 'added' | 'removed';
  /** The row's key (course or option code, group, policy id, label) in the newer version, or the older for a removal. */
  key: string;
  index: number | null;
  baseIndex: number | null;
  field: string | null;
  before: CellValue;
  after: CellValue;
  /** An added row's cells (a removed row's, as they were): what the row holds, so a preview can show it (its name, its price). */
  row?: Record<string, CellValue>;
};

/**
 * Pairs rows of two versions of one table: by key first, then a row whose key changed pairs
 * with the unpaired row at the same position (a code renamed in place). Returns, for each row
 * of `next`, the index of its row in `base` or null.
 */
export function matchRows(base: FlatRow[], next: FlatRow[], keyField: string): (number | null)[] {
  const byKey = new Map<string, number>();
  base.forEach((r, i) => {
    const k = cellText(r[keyField] ?? null);
    if (!byKey.has(k)) byKey.set(k, i);
  });
  const used = new Set<number>();
  const pairs: (number | null)[] = next.map((r) => {
    const i = byKey.get(cellText(r[keyField] ?? null));
    if (i === undefined || used.has(i)) return null;
    used.add(i);
    return i;
  });
  pairs.forEach((p, i) => {
    if (p === null && i < base.length && !used.has(i)) {
      pairs[i] = i;
      used.add(i);
    }
  });
  return pairs;
}

/** A copy of a row's cells, for a change that adds or removes it. */
const cellsOf = (row: FlatRow): Record<string, CellValue> => ({ ...row });

export function diffTable(table: TableId, base: TariffVersion, next: TariffVersion): TariffChange[] {
  const def = TABLES[table];
  const b = def.rows(base);
  const n = def.rows(next);
  const pairs = matchRows(b, n, def.keyField);
  const changes: TariffChange[] = [];
  const key = (r: FlatRow): string => cellText(r[def.keyField] ?? null);
  n.forEach((row, index) => {
    const baseIndex = pairs[index] ?? null;
    if (baseIndex === null) {
      changes.push({ table, kind: 'added', key: key(row), index, baseIndex: null, field: null, before: null, after: key(row), row: cellsOf(row) });
      return;
    }
    const old = b[baseIndex]!;
    for (const col of def.columns) {
      const before = old[col.key] ?? null;
      const after = row[col.key] ?? null;
      if (!sameCell(before, after)) changes.push({ table, kind: 'changed', key: key(row), index, baseIndex, field: col.key, before, after });
    }
  });
  const paired = new Set(pairs.filter((p): p is number => p !== null));
  b.forEach((row, baseIndex) => {
    if (!paired.has(baseIndex)) changes.push({ table, kind: 'removed', key: key(row), index: null, baseIndex, field: null, before: key(row), after: null, row: cellsOf(row) });
  });
  return changes;
}

/** Every change from `base` to `next`, table by table in print order. */
export const diffTariff = (base: TariffVersion, next: TariffVersion): TariffChange[] => TABLE_IDS.flatMap((t) => diffTable(t, base, next));

/** The change list as lines: `表1 コース M5525N-1M-C7-SN 月額料金（円）: 14080 → 15000`. */
export const describeChange = (c: TariffChange): string => {
  const def = TABLES[c.table];
  if (c.kind === 'added') return `${def.sheet} ${c.key}: row added`;
  if (c.kind === 'removed') return `${def.sheet} ${c.key}: row removed`;
  const col = def.columns.find((x) => x.key === c.field);
  const show = (v: CellValue) => (v === null ? '(blank)' : cellText(v));
  return `${def.sheet} ${c.key} ${col?.ja ?? c.field}: ${show(c.before)} → ${show(c.after)}`;
};

/** A cell or row of a change as the audit log keeps it: the table, the row's key, the column, its value on that side. */
export type AuditCell = { table: TableId; key: string; field: string | null; value: CellValue; change?: TariffChange['kind'] };

/**
 * The changes as an audit entry's before and after: the same cells on both sides, each with its
 * value there (the after side says whether the row was changed, added or removed), so the audit
 * log can say which table, which row, which column, from what to what.
 */
export const auditSides = (changes: readonly TariffChange[]): { before: AuditCell[]; after: AuditCell[] } => ({
  before: changes.map((c) => ({ table: c.table, key: c.key, field: c.field, value: c.before })),
  after: changes.map((c) => ({ table: c.table, key: c.key, field: c.field, value: c.after, change: c.kind })),
});
